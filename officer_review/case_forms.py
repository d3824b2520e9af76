"""Forms for working on a case: checking evidence, asking for information, notes and contacts.

The officer area is English only, so labels and messages are plain strings.
Several forms can share a page, so their fields have different names and
each page's buttons (``name="action"``) say which form was sent.
Dates are typed as day, month and year (the GOV.UK date input); the range a
date may fall in is worked out from today each time a form is made.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wtforms import RadioField, SelectChoice
from wtforms.validators import AnyOf, InputRequired

from portal.apply.fields import TextAreaField, TextField
from portal.forms import PortalForm
from portal.options.question_forms import LeaveDateField
from portal.rules.casework.kinds import CONTACT_METHODS
from portal.widgets import RadioInput

TOO_LONG = "This must be %(max)d characters or fewer"
DIRECTIONS = {"in": "From the applicant", "out": "To the applicant"}


def date_messages(name: str, *, too_early: str, too_late: str) -> dict[str, str]:
    """The messages for a date field, naming it as ``name`` ("The due date")."""
    return {
        "required": f"Enter {name.lower()}",
        "no_day": f"{name} must include a day",
        "no_month": f"{name} must include a month",
        "no_year": f"{name} must include a year",
        "not_real": f"{name} must be a real date",
        "too_early": too_early,
        "too_late": too_late,
    }


class OfficerDateField(LeaveDateField):
    """A date from ``days_before`` days ago to ``days_after`` days ahead of today; empty is fine when optional."""

    def __init__(self, label: Any = None, *, optional: bool = False, **kwargs: Any) -> None:
        kwargs["today"] = dt.date.today()  # when the form is made, not when the module was loaded
        super().__init__(label, **kwargs)
        self.optional = optional

    def pre_validate(self, form: Any) -> None:
        if self.optional and not any(self.raw_data or ()):
            self.date = None
            return
        super().pre_validate(form)


def _due_date() -> OfficerDateField:
    return OfficerDateField(
        "Date to send it by",
        days_before=0,
        days_after=366,
        messages=date_messages(
            "The date to send it by",
            too_early="The date to send it by must be today or in the future",
            too_late="The date to send it by must be within a year",
        ),
        description="The applicant sees this date. For example, 27 3 2027",
    )


def _text(label: str, required: str, max_length: int, description: str = "") -> TextAreaField:
    return TextAreaField(label, required=required, max_length=max_length, too_long=TOO_LONG, description=description)


def _choice(label: str, choices: dict[str, str], required: str) -> RadioField:
    return RadioField(
        label,
        choices=[SelectChoice(value, text) for value, text in choices.items()],
        widget=RadioInput(),
        validate_choice=False,
        validators=[InputRequired(required), AnyOf(list(choices), message=required)],
    )


class AcceptForm(PortalForm):
    valid_until = OfficerDateField(
        "Valid until (optional)",
        optional=True,
        days_before=-1,
        days_after=366 * 20,
        messages=date_messages(
            "The valid until date",
            too_early="The valid until date must be in the future",
            too_late="The valid until date must be within 20 years",
        ),
        description="Leave this empty if it does not run out. For example, 27 3 2027",
    )


class RejectForm(PortalForm):
    reason = _text(
        "Why you cannot accept it",
        "Say why you cannot accept this evidence",
        1000,
        "The applicant sees this. Use plain words, do not blame, and say what they could send instead.",
    )


class AgainForm(PortalForm):
    note = _text(
        "What the applicant needs to send",
        "Say what the applicant needs to send",
        1000,
        "The applicant sees this. For example: Your passport has run out. Send a photo of your new one.",
    )
    due_on = _due_date()


class RequestInformationForm(PortalForm):
    what = TextField(
        "What you need",
        required="Say what the applicant needs to send",
        max_length=200,
        too_long=TOO_LONG,
        description="This is the title the applicant sees. For example: A letter from your landlord",
    )
    why = _text(
        "Why you need it",
        "Say why you need it",
        1000,
        "The applicant sees this. Use plain words, and say what would do.",
    )
    due_on = _due_date()


class NoteForm(PortalForm):
    note = _text("Note", "Write the note", 5000)


class ContactForm(PortalForm):
    method = _choice("How", CONTACT_METHODS, "Select how the contact happened")
    direction = _choice("Direction", DIRECTIONS, "Select whether the contact was from or to the applicant")
    occurred_on = OfficerDateField(
        "Date of the contact",
        days_before=366 * 2,
        days_after=0,
        messages=date_messages(
            "The date of the contact",
            too_early="The date of the contact must be in the last 2 years",
            too_late="The date of the contact must be today or in the past",
        ),
        description="For example, 27 3 2026",
    )
    said = _text("What was said", "Say what was said", 5000)


class ConfirmForm(PortalForm):
    """A button that does one thing (mark as dealt with, move the case on): only the CSRF token is checked."""
