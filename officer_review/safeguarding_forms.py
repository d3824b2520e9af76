"""Forms for safeguarding flags, sensitive cases, named officers, referrals and duplicates (English only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from govuk_frontend_wtf import wtforms_widgets as gov
from wtforms import RadioField, SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, ValidationError

from portal.forms import PortalForm
from portal.options.question_forms import LeaveDateField
from portal.rules.casework.kinds import FLAG_KINDS, PARTNERS
from portal.widgets import RadioInput, SubmitInput, TextArea, TextInput, TranslatedErrorMixin

REASON_LIMIT = 2000


class Select(TranslatedErrorMixin, gov.GovSelect):
    pass


def _choices(labels: Mapping[str, str]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


def _reason(label: str, required: str, *, hint: str = "") -> TextAreaField:
    return TextAreaField(
        label,
        description=hint,
        widget=TextArea(),
        validators=[
            DataRequired(required),
            Length(max=REASON_LIMIT, message=f"{label} must be {REASON_LIMIT} characters or fewer"),
        ],
    )


class PastDateField(LeaveDateField):
    """A date typed as day, month and year: today or earlier, and not more than ``years_back`` years ago."""

    def __init__(self, label: str, *, what: str, years_back: int = 10, **kwargs: Any) -> None:
        messages = {
            "required": f"Enter the {what}",
            "no_day": f"The {what} must include a day",
            "no_month": f"The {what} must include a month",
            "no_year": f"The {what} must include a year",
            "not_real": f"The {what} must be a real date, like 27 3 2026",
            "too_early": f"The {what} must be within the last {years_back} years",
            "too_late": f"The {what} must be today or in the past",
        }
        kwargs.setdefault("description", "For example, 27 3 2026")
        super().__init__(
            label,
            today=dt.date.today(),
            days_before=366 * years_back,
            days_after=0,
            messages=messages,
            **kwargs,
        )


# Safeguarding flags and sensitive cases ------------------------------------------------------------------------------


class FlagForm(PortalForm):
    kind = RadioField(
        "Kind of flag",
        choices=_choices(FLAG_KINDS),
        widget=RadioInput(),
        validate_choice=False,
        validators=[
            DataRequired("Choose the kind of flag"),
            AnyOf(list(FLAG_KINDS), message="Choose the kind of flag"),
        ],
    )
    note = _reason(
        "Note",
        "Enter a note about the flag",
        hint="What the risk or need is, and where you learned of it. Officers who open the case will see it.",
    )
    submit = SubmitField("Add flag", widget=SubmitInput())


class RemoveFlagForm(PortalForm):
    reason = _reason("Why are you removing this flag?", "Enter why you are removing the flag")
    submit = SubmitField("Remove flag", widget=SubmitInput())


class MarkSensitiveForm(PortalForm):
    reason = _reason(
        "Why is this case sensitive?",
        "Enter why the case is sensitive",
        hint="Only officers named on the case will be able to open it. You will be named on it.",
    )
    submit = SubmitField("Mark as sensitive", widget=SubmitInput())


class UnmarkSensitiveForm(PortalForm):
    reason = _reason(
        "Why is this case no longer sensitive?",
        "Enter why the case is no longer sensitive",
        hint="Every officer will be able to open the case again.",
    )
    submit = SubmitField("Mark as not sensitive", widget=SubmitInput())


class ChooseOfficerForm(PortalForm):
    """A form choosing one of a list of officers, given when the form is made."""

    officer = SelectField(
        "Officer",
        widget=Select(),
        validate_choice=False,
        validators=[DataRequired("Choose an officer")],
    )

    def offer(self, officers: list[Any]) -> None:
        """Offer these officers, after an empty first choice."""
        self.officer.choices = [SelectChoice("", "Choose an officer")] + [
            SelectChoice(str(person.id), f"{person.full_name} ({person.email})") for person in officers
        ]

    def chosen(self, officers: list[Any]) -> Any:
        """The officer chosen, or None (with an error on the field) when the choice is not one offered."""
        found = next((person for person in officers if str(person.id) == self.officer.data), None)
        if found is None:
            self.officer.errors = ["Choose an officer"]
        return found


class NameOfficerForm(ChooseOfficerForm):
    submit = SubmitField("Name officer", widget=SubmitInput())


class UnnameOfficerForm(ChooseOfficerForm):
    reason = TextAreaField(
        "Why are you taking them off the case? (optional)",
        widget=TextArea(),
        validators=[
            Optional(),
            Length(max=REASON_LIMIT, message=f"The reason must be {REASON_LIMIT} characters or fewer"),
        ],
    )
    submit = SubmitField("Take off the case", widget=SubmitInput())


class ClaimAccessForm(PortalForm):
    reason = _reason(
        "Why do you need to open this case?",
        "Enter why you need to open this case",
        hint="You will be named on the case. The officers named on it and the audit trail will show your reason.",
    )
    submit = SubmitField("Name me on this case", widget=SubmitInput())


# Partner referrals ---------------------------------------------------------------------------------------------------


class ReferralForm(PortalForm):
    partner = RadioField(
        "Partner team or agency",
        choices=_choices(PARTNERS),
        widget=RadioInput(),
        validate_choice=False,
        validators=[
            DataRequired("Choose the partner you referred to"),
            AnyOf(list(PARTNERS), message="Choose the partner you referred to"),
        ],
    )
    contact = StringField(
        "Contact name or team",
        widget=TextInput(),
        validators=[
            DataRequired("Enter the contact name or team"),
            Length(max=200, message="The contact must be 200 characters or fewer"),
        ],
    )
    reason = _reason("Reason for the referral", "Enter the reason for the referral")
    referred_on = PastDateField("Date referred", what="date referred")
    submit = SubmitField("Save referral", widget=SubmitInput())


class OutcomeForm(PortalForm):
    outcome = _reason("Outcome", "Enter the outcome of the referral")
    outcome_on = PastDateField("Date of the outcome", what="date of the outcome")
    submit = SubmitField("Save outcome", widget=SubmitInput())


# Duplicates ----------------------------------------------------------------------------------------------------------

DUPLICATE_RESOLUTIONS = {
    "not_duplicate": "Not a duplicate: these are different households",
    "duplicate": "Is a duplicate: these applications are the same household",
}


class ResolveDuplicateForm(PortalForm):
    status = RadioField(
        "What did you find?",
        choices=_choices(DUPLICATE_RESOLUTIONS),
        widget=RadioInput(),
        validate_choice=False,
        validators=[
            DataRequired("Choose whether these applications are duplicates"),
            AnyOf(list(DUPLICATE_RESOLUTIONS), message="Choose whether these applications are duplicates"),
        ],
    )
    note = TextAreaField(
        "Note",
        description="Needed when they are duplicates: say which application stays and what happens to the other.",
        widget=TextArea(),
        validators=[Length(max=REASON_LIMIT, message=f"The note must be {REASON_LIMIT} characters or fewer")],
    )
    submit = SubmitField("Save", widget=SubmitInput())

    def validate_note(self, field: Any) -> None:
        if self.status.data == "duplicate" and not (field.data or "").strip():
            raise ValidationError("Enter a note about the duplicate")
