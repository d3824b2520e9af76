"""Forms for reviews: assigning a reviewer, and the review decision (English only: the officer area)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovSelect
from wtforms import (
    Field,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import StopValidation

from portal.apply.fields import TextAreaField
from portal.data.decision_models import Decision
from portal.forms import PortalForm
from portal.options.question_forms import DayMonthYear
from portal.rules.determination import FIELDS, Confirmation, Factor, Proposal
from portal.rules.determination.settle import MOST_BEDROOMS
from portal.widgets import CheckboxesInput, RadioInput, SubmitInput, TextInput

REASON_LENGTH = 2000
SUMMARY_LENGTH = 5000
NOT_DECIDED = "none"
BOOLEAN_CHOICES: dict[str, list[SelectChoice]] = {
    "eligibility": [SelectChoice("yes", "Eligible"), SelectChoice("no", "Not eligible")],
    "qualification": [SelectChoice("yes", "Qualifies"), SelectChoice("no", "Does not qualify")],
    "local_connection": [SelectChoice("yes", "Met or exempt"), SelectChoice("no", "Not met")],
}
BAND_CHOICES = [
    *(SelectChoice(str(band), f"Band {band}") for band in (1, 2, 3, 4)),
    SelectChoice(NOT_DECIDED, "No band"),
]
DIGITS = re.compile(r"\d{1,3}")


class TakeReviewForm(PortalForm):
    """'Assign to me': nothing to fill in."""

    submit = SubmitField("Assign this review to me", widget=SubmitInput())


class AssignReviewForm(PortalForm):
    reviewer = SelectField("Senior officer", choices=[], validate_choice=False, coerce=str, widget=GovSelect())
    assign = SubmitField("Assign the review", widget=SubmitInput())

    def validate_reviewer(self, field: Field) -> None:
        if not field.data or field.data not in {choice.value for choice in field.choices}:  # type: ignore[union-attr]
            raise StopValidation("Choose a senior officer who did not make the decision")


class OptionalDateField(Field):
    """A date as day, month and year; all three empty means no date."""

    widget = DayMonthYear()

    def __init__(self, label: Any = None, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.date: dt.date | None = None

    def process_formdata(self, valuelist: list[Any]) -> None:
        parts = [str(value).strip() for value in valuelist][:3]
        self.raw_data = parts + [""] * (3 - len(parts))

    def _value(self) -> str:
        return ""

    def pre_validate(self, form: Any) -> None:
        self.date = None
        day, month, year = self.raw_data or ("", "", "")
        if not (day or month or year):
            return
        if not all(DIGITS.fullmatch(part) for part in (day, month)) or not re.fullmatch(r"\d{4}", year):
            raise StopValidation("Enter the priority date as a real date, like 27 3 2026")
        try:
            self.date = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise StopValidation("Enter the priority date as a real date, like 27 3 2026") from None


def _reason(label: str) -> TextAreaField:
    return TextAreaField(
        label,
        optional=True,
        max_length=REASON_LENGTH,
        too_long="The reason must be %(max)d characters or fewer",
        description="Needed when your answer is not what the rules propose. The applicant reads it in the letter.",
    )


class ReviewDecisionForm(PortalForm):
    expected_version = HiddenField()
    eligibility = RadioField(
        "Eligibility", choices=BOOLEAN_CHOICES["eligibility"], validate_choice=False, widget=RadioInput()
    )
    eligibility_reason = _reason("Reason for the eligibility decision")
    qualification = RadioField(
        "Qualification", choices=BOOLEAN_CHOICES["qualification"], validate_choice=False, widget=RadioInput()
    )
    qualification_reason = _reason("Reason for the qualification decision")
    local_connection = RadioField(
        "Local connection (met or exempt)",
        choices=BOOLEAN_CHOICES["local_connection"],
        validate_choice=False,
        widget=RadioInput(),
    )
    local_connection_reason = _reason("Reason for the local connection decision")
    bedroom_need = StringField("Bedroom need", widget=TextInput())
    bedroom_need_reason = _reason("Reason for the bedroom need")
    band = RadioField("Band", choices=BAND_CHOICES, validate_choice=False, widget=RadioInput())
    band_reason = _reason("Reason for the band")
    priority_date = OptionalDateField("Priority date")
    priority_date_reason = _reason("Reason for the priority date")
    checklist = SelectMultipleField("Checklist", choices=[], validate_choice=False, widget=CheckboxesInput())
    summary = TextAreaField(
        "Summary of the review",
        required="Write a summary of why you upheld or changed the decision",
        max_length=SUMMARY_LENGTH,
        too_long="The summary must be %(max)d characters or fewer",
        description="The applicant reads this in the letter, as you write it. Use plain words.",
    )
    submit = SubmitField("Record the review decision", widget=SubmitInput())

    def validate_bedroom_need(self, field: Field) -> None:
        text = (field.data or "").strip()
        if text and (not DIGITS.fullmatch(text) or not 1 <= int(text) <= MOST_BEDROOMS):
            raise StopValidation(f"Enter the bedroom need as a whole number from 1 to {MOST_BEDROOMS}")


def _word(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


def starting_values(original: Decision, assessment_checklist: list[str] | None = None) -> dict[str, Any]:
    """The form's first values: what the decision under review decided."""
    return {
        "eligibility": _word(original.eligible),
        "qualification": _word(original.qualifies),
        "local_connection": _word(original.local_connection),
        "bedroom_need": "" if original.bedroom_need is None else str(original.bedroom_need),
        "band": str(original.band) if original.band is not None else NOT_DECIDED,
        "priority_date": original.priority_date,
        **{
            f"{name}_reason": str((original.overrides or {}).get(name, {}).get("reason", ""))
            for name in FIELDS
            if isinstance((original.overrides or {}).get(name), Mapping)
        },
        "checklist": list(assessment_checklist or []),
    }


def set_checklist(form: ReviewDecisionForm, checklist: tuple[Factor, ...]) -> None:
    form.checklist.choices = [SelectChoice(factor.key, factor.label) for factor in checklist]


def _given(form: ReviewDecisionForm, name: str) -> tuple[bool, Any]:
    """Whether the officer gave a value for the field, and the value in the rules' type."""
    data = getattr(form, name).data
    if name in BOOLEAN_CHOICES:
        return (data in ("yes", "no")), data == "yes"
    if name == "bedroom_need":
        text = (data or "").strip()
        return bool(text), int(text) if DIGITS.fullmatch(text) else None
    if name == "band":
        if data == NOT_DECIDED:
            return True, None
        return (data in {"1", "2", "3", "4"}), int(data) if data in {"1", "2", "3", "4"} else None
    found = form.priority_date.date
    return found is not None, found


def confirmations_from(form: ReviewDecisionForm, proposal: Proposal) -> dict[str, Confirmation]:
    """The officer's answer for each field: a value given is kept (an override when it is not the proposal's,
    which settle then asks a reason for); a field left empty confirms what the rules propose."""
    confirmations = {}
    for name in FIELDS:
        given, value = _given(form, name)
        reason = getattr(form, f"{name}_reason").cleaned
        if given:
            confirmations[name] = Confirmation(value=value, overridden=True, reason=reason)
        else:
            confirmations[name] = Confirmation(value=proposal.fields[name].value, overridden=False)
    return confirmations
