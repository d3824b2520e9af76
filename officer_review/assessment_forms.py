"""The assessment and determination forms: findings, a confirmation or an override for each field, the checklist.

Dates are typed as day, month and year and kept as typed, so a mistake is
shown again with a clear message. The form is made for each request, because
the checklist and the latest date allowed depend on the case and the day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from wtforms import Field, HiddenField, RadioField, SelectChoice, SelectMultipleField, StringField, SubmitField
from wtforms import TextAreaField as WTFTextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from portal.data.decisions import value_from_json, value_to_json
from portal.forms import PortalForm
from portal.options.question_forms import LeaveDateField
from portal.rules.determination.checklist import Factor
from portal.rules.determination.findings import (
    DUTY_LABELS,
    FINDING_FLAGS,
    MEDICAL_AWARD_LABELS,
    MEDICAL_AWARDS,
    Findings,
    findings_from,
)
from portal.rules.determination.proposal import FIELD_LABELS, FIELD_NOUNS, FIELDS
from portal.rules.determination.settle import MOST_BEDROOMS, Confirmation, Problem, in_words
from portal.widgets import CheckboxesInput, RadioInput, SubmitInput, TextArea, TextInput

EARLIEST = dt.date(1900, 1, 1)
MOST_REASON = 2000
DIGITS = re.compile(r"^\d{1,3}$")
NO_DUTY = "none"
NO_BAND = "none"
CHOICES = (("confirm", "Confirm the proposal"), ("override", "Change it"))
BOOLEAN_CHOICES = {
    "eligibility": (("yes", "Eligible"), ("no", "Not eligible")),
    "qualification": (("yes", "Qualifies"), ("no", "Does not qualify")),
    "local_connection": (("yes", "Met or exempt"), ("no", "Not met")),
}
BAND_CHOICES = (*((str(band), f"Band {band}") for band in (1, 2, 3, 4)), (NO_BAND, "No band"))
VERSION = re.compile(r"^\d{1,9}$")


def shown_value(field: str, value: object) -> str:
    """A proposed or decided value in words, for officers."""
    if field in BOOLEAN_CHOICES:
        if value is None:
            return "Not applicable"
        yes, no = BOOLEAN_CHOICES[field]
        return yes[1] if value else no[1]
    if field == "bedroom_need":
        return f"{value} bedroom{'' if value == 1 else 's'}" if isinstance(value, int) else "Not applicable"
    if field == "band":
        return f"Band {value}" if isinstance(value, int) else "No band"
    if isinstance(value, dt.date):
        return in_words(value)
    return "None"


class OptionalDateField(LeaveDateField):
    """A date that may be left empty; when any part is typed, it must be a real date in range."""

    def pre_validate(self, form: Any) -> None:
        if not any(self.raw_data or ()):
            self.date = None
            return
        super().pre_validate(form)


def _date_messages(what: str) -> dict[str, str]:
    return {
        "required": f"Enter the {what}",
        "no_day": f"The {what} must include a day",
        "no_month": f"The {what} must include a month",
        "no_year": f"The {what} must include a year",
        "not_real": f"The {what} must be a real date, like 20 11 2026",
        "too_early": f"The {what} must be after 1 January 1900",
        "too_late": f"The {what} must be today or in the past",
    }


def _date_field(label: str, what: str, today: dt.date) -> OptionalDateField:
    return OptionalDateField(
        label,
        today=today,
        days_before=(today - EARLIEST).days,
        days_after=0,
        messages=_date_messages(what),
    )


def _radios(label: str, choices: Sequence[tuple[str, str]], message: str, required: bool = False) -> RadioField:
    first = InputRequired(message) if required else Optional()
    return RadioField(
        label,
        choices=[SelectChoice(value, text) for value, text in choices],
        widget=RadioInput(),
        validate_choice=False,
        validators=[first, AnyOf([value for value, _text in choices], message=message)],
    )


def _field_parts(name: str, today: dt.date) -> dict[str, Field]:
    noun = FIELD_NOUNS[name]
    parts: dict[str, Field] = {
        f"{name}_choice": _radios(FIELD_LABELS[name], CHOICES, f"Choose whether to confirm or change the {noun}"),
        f"{name}_shown": HiddenField(),
        f"{name}_reason": WTFTextAreaField(
            f"Reason for changing the {noun}",
            widget=TextArea(),
            validators=[Length(max=MOST_REASON, message=f"The reason must be {MOST_REASON} characters or fewer")],
        ),
    }
    label = f"Your decision on the {noun}, if you change it"
    if name in BOOLEAN_CHOICES:
        parts[f"{name}_value"] = _radios(label, BOOLEAN_CHOICES[name], f"Choose the {noun}")
    elif name == "band":
        parts[f"{name}_value"] = _radios(label, BAND_CHOICES, "Choose band 1, 2, 3 or 4, or no band")
    elif name == "bedroom_need":
        parts[f"{name}_value"] = StringField(label, widget=TextInput())
    else:
        parts[f"{name}_value"] = _date_field(label, noun, today)
    return parts


class AssessmentBase(PortalForm):
    """The fields every assessment form has; ``assessment_form`` adds the dated and per-field ones."""

    version = HiddenField()
    medical_welfare = _radios(
        "Medical and welfare award",
        [(level, MEDICAL_AWARD_LABELS[level]) for level in MEDICAL_AWARDS],
        "Choose the medical and welfare award",
        required=True,
    )
    flags = SelectMultipleField(
        "Other findings",
        choices=[SelectChoice(name, label) for name, label in FINDING_FLAGS],
        widget=CheckboxesInput(),
        validate_choice=False,
    )
    homelessness_duty = _radios(
        "Homelessness duty",
        [(NO_DUTY, "No homelessness duty"), *DUTY_LABELS.items()],
        "Choose the homelessness duty, or no duty",
        required=True,
    )
    checklist = SelectMultipleField("Checklist", widget=CheckboxesInput(), validate_choice=False)
    save = SubmitField("Save as draft", widget=SubmitInput())
    decide = SubmitField("Save and continue to the determination", widget=SubmitInput())

    def validate(self, extra_validators: Mapping[str, Any] | None = None) -> bool:
        valid = super().validate(extra_validators)
        for name in FIELDS:
            if self[f"{name}_choice"].data != "override":
                continue
            if not self.overriding_value_checked(name):
                valid = False
            reason = self[f"{name}_reason"]
            if not (reason.data or "").strip() and not reason.errors:
                reason.errors.append(f"Give a reason for changing the {FIELD_NOUNS[name]}")
                valid = False
        self._errors = None  # the errors were added after WTForms gathered them
        return valid

    def overriding_value_checked(self, name: str) -> bool:
        """Whether the officer's own value for a field is there and allowed (adding the error if not)."""
        field = self[f"{name}_value"]
        if field.errors:
            return False
        if name == "bedroom_need":
            text = (field.data or "").strip()
            if not DIGITS.match(text) or not 1 <= int(text) <= MOST_BEDROOMS:
                field.errors.append(f"Enter the bedroom need as a whole number from 1 to {MOST_BEDROOMS}")
                return False
        elif name == "priority_date":
            return True  # empty means no priority date; settle says whether that fits
        elif not field.data:
            field.errors.append(f"Choose the {FIELD_NOUNS[name]}")
            return False
        return True

    # -- Reading the form ----------------------------------------------------------------------------

    def expected_version(self) -> int | None:
        text = (self.version.data or "").strip()
        return int(text) if VERSION.match(text) else None

    def findings(self) -> Findings:
        ticked = set(self.flags.data or [])
        duty = self.homelessness_duty.data
        mapping: dict[str, Any] = {name: name in ticked for name, _label in FINDING_FLAGS}
        mapping.update(
            medical_welfare=self.medical_welfare.data,
            medical_awarded_on=self["medical_awarded_on"].date,
            homelessness_duty=None if duty == NO_DUTY else duty,
            duty_date=self["duty_date"].date,
        )
        return findings_from(mapping)

    def overriding_value(self, name: str) -> object:
        field = self[f"{name}_value"]
        if name in BOOLEAN_CHOICES:
            return field.data == "yes"
        if name == "band":
            return None if field.data == NO_BAND else int(field.data)
        if name == "bedroom_need":
            return int(field.data.strip())
        return field.date

    def confirmations(self) -> dict[str, Confirmation]:
        """What the officer confirmed (the value the page showed them) or changed (their value and reason)."""
        found: dict[str, Confirmation] = {}
        for name in FIELDS:
            choice = self[f"{name}_choice"].data
            if choice == "override":
                reason = (self[f"{name}_reason"].data or "").strip()
                found[name] = Confirmation(self.overriding_value(name), True, reason)  # type: ignore[arg-type]
            elif choice == "confirm":
                found[name] = Confirmation(_shown_from_text(name, self[f"{name}_shown"].data), False)
        return found

    def ticked(self, checklist: Sequence[Factor]) -> list[str]:
        known = {factor.key for factor in checklist}
        return [key for key in self.checklist.data or [] if key in known]

    # -- Filling the form ----------------------------------------------------------------------------

    def show_proposal(self, values: Mapping[str, object]) -> None:
        """Record the values the page shows, so a confirmation keeps the value the officer saw."""
        for name in FIELDS:
            self[f"{name}_shown"].data = json.dumps(value_to_json(values.get(name)))

    def add_problems(self, problems: Sequence[Problem], confirmations: Mapping[str, Confirmation]) -> None:
        """Show each problem from ``settle`` beside the part of the form it is about."""
        for problem in problems:
            field = self.field_for(problem, confirmations)
            if not isinstance(field.errors, list):
                field.errors = []
            field.errors.append(problem.message)
        self._errors = None

    def field_for(self, problem: Problem, confirmations: Mapping[str, Confirmation]) -> Field:
        name = problem.field
        if name in FIELDS:
            confirmation = confirmations.get(name)
            if confirmation is not None and confirmation.overridden:
                return self[f"{name}_reason"] if not confirmation.reason else self[f"{name}_value"]
            return self[f"{name}_choice"]
        if name in ("checklist", "medical_awarded_on", "duty_date"):
            return self[name]
        return self["medical_welfare"]


def _shown_from_text(name: str, text: str | None) -> object:
    try:
        return value_from_json(name, json.loads(text or "null"))
    except ValueError:
        return None


def assessment_form(today: dt.date, checklist: Sequence[Factor], **kwargs: Any) -> AssessmentBase:
    """The assessment form for today and this checklist."""
    fields: dict[str, Field] = {
        "medical_awarded_on": _date_field("Date of the medical and welfare award", "date of the award", today),
        "duty_date": _date_field("Date the homelessness duty was accepted", "date of the duty", today),
    }
    for name in FIELDS:
        fields.update(_field_parts(name, today))
    form_class = type("AssessmentForm", (AssessmentBase,), fields)
    form: AssessmentBase = form_class(**kwargs)
    form.checklist.choices = [SelectChoice(factor.key, factor.label) for factor in checklist]
    return form


def initial_data(
    findings: Findings, confirmations: Mapping[str, Any], ticked: Sequence[str], version: int
) -> dict[str, Any]:
    """The form's values from what was saved (or from the proposal's starting findings)."""
    data: dict[str, Any] = {
        "version": str(version),
        "medical_welfare": findings.medical_welfare,
        "medical_awarded_on": findings.medical_awarded_on,
        "flags": [name for name, _label in FINDING_FLAGS if getattr(findings, name)],
        "homelessness_duty": findings.homelessness_duty or NO_DUTY,
        "duty_date": findings.duty_date,
        "checklist": list(ticked),
    }
    for name in FIELDS:
        entry = confirmations.get(name)
        if not isinstance(entry, Mapping):
            continue
        overridden = bool(entry.get("overridden"))
        data[f"{name}_choice"] = "override" if overridden else "confirm"
        if overridden:
            data[f"{name}_reason"] = entry.get("reason") or ""
            data[f"{name}_value"] = _value_for_form(name, value_from_json(name, entry.get("value")))
    return data


def _value_for_form(name: str, value: object) -> object:
    if name in BOOLEAN_CHOICES:
        return None if value is None else ("yes" if value else "no")
    if name == "band":
        return NO_BAND if value is None else str(value)
    if name == "bedroom_need":
        return "" if value is None else str(value)
    return value  # a date, for the day, month and year boxes


class DeterminationForm(PortalForm):
    """Making the decision: the versions of the case and the assessment the summary was made from."""

    version = HiddenField()
    assessment_version = HiddenField()
    submit = SubmitField("Make this decision", widget=SubmitInput())

    def versions(self) -> tuple[int, int] | None:
        texts = ((self.version.data or "").strip(), (self.assessment_version.data or "").strip())
        if not all(VERSION.match(text) for text in texts):
            return None
        return int(texts[0]), int(texts[1])
