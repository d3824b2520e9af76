"""Forms for shortlists, offers, nominations, direct matches and lets (English only).

Dates are typed as day, month and year; the range each may fall in is worked
out from the lettings day (``portal.data.lettings_clock.today``) each time a
form is made.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wtforms import RadioField, SelectChoice
from wtforms.validators import AnyOf, InputRequired

from officer_review.case_forms import TOO_LONG, date_messages
from portal.apply.fields import TextAreaField, TextField
from portal.data import lettings_clock
from portal.forms import PortalForm
from portal.options.question_forms import LeaveDateField
from portal.rules.lettings.kinds import SKIP_REASONS
from portal.widgets import RadioInput

ANSWERS = {"accepted": "Accepted the offer", "refused": "Refused the offer"}
REASONABLE = {"yes": "Yes, it was suitable and reasonable", "no": "No, it was not suitable or reasonable"}
LANDLORD_ANSWERS = {"accepted": "Accepted the household", "refused": "Refused the household"}
MATCH_DECISIONS = {"approved": "Approve the match", "refused": "Refuse the match"}


class LettingsDateField(LeaveDateField):
    """A date from ``days_before`` days before to ``days_after`` days after the lettings day."""

    def __init__(self, label: Any = None, **kwargs: Any) -> None:
        kwargs["today"] = lettings_clock.today()
        super().__init__(label, **kwargs)


def _text(label: str, required: str, max_length: int = 2000, description: str = "") -> TextAreaField:
    return TextAreaField(label, required=required, max_length=max_length, too_long=TOO_LONG, description=description)


def _optional_text(label: str, max_length: int = 2000, description: str = "") -> TextAreaField:
    return TextAreaField(label, optional=True, max_length=max_length, too_long=TOO_LONG, description=description)


def _choice(label: str, choices: dict[str, str], required: str, **kwargs: Any) -> RadioField:
    return RadioField(
        label,
        choices=[SelectChoice(value, text) for value, text in choices.items()],
        widget=RadioInput(),
        validate_choice=False,
        validators=[InputRequired(required), AnyOf(list(choices), message=required)],
        **kwargs,
    )


def needs_reason_when(form: Any, choice: Any, value: str, reason: Any, message: str) -> bool:
    """Whether the reason is given when the choice is ``value``; puts ``message`` on the reason if not."""
    if choice.data == value and not reason.cleaned:
        reason.errors = [*reason.errors, message]
        return False
    return True


class SkipForm(PortalForm):
    reason = _choice("Why are you passing over this household?", SKIP_REASONS, "Choose why you are passing them over")
    note = _text(
        "Note",
        "Write a note about why you are passing them over",
        description="Say what you found. Officers who open the shortlist or the case will see it.",
    )


class OfferForm(PortalForm):
    respond_by = LettingsDateField(
        "Date to answer by",
        days_before=0,
        days_after=60,
        messages=date_messages(
            "The date to answer by",
            too_early="The date to answer by must be today or in the future",
            too_late="The date to answer by must be within 60 days",
        ),
        description="The household sees this date. For example, 27 3 2027",
    )


class AnswerForm(PortalForm):
    answer = _choice("What did the household say?", ANSWERS, "Choose whether they accepted or refused the offer")
    refusal_reason = _optional_text("Why did they refuse it?", description="Needed when they refused the offer.")
    reasonable = _choice(
        "Was the offer suitable and reasonable for the household?",
        REASONABLE,
        "Choose whether the offer was suitable and reasonable",
        default="yes",
        description=(
            "A refusal of a suitable and reasonable offer counts towards reduced preference "
            "(the scheme's rule on offers refused in 12 months)."
        ),
    )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        return needs_reason_when(self, self.answer, "refused", self.refusal_reason, "Say why they refused") and valid


class UndoForm(PortalForm):
    reason = _text(
        "Why are you undoing this offer?",
        "Say why you are undoing the offer",
        description="The offer will be withdrawn and the household's place on the shortlist put back as checked.",
    )


class LetForm(PortalForm):
    let_on = LettingsDateField(
        "Date the tenancy or sale starts",
        days_before=366,
        days_after=90,
        messages=date_messages(
            "The let date",
            too_early="The let date must be within the last year",
            too_late="The let date must be within the next 90 days",
        ),
        description="For example, 27 3 2027",
    )


class NominateForm(PortalForm):
    access_needs = _optional_text(
        "Access or support needs the landlord should know about (optional)",
        max_length=1000,
        description="This goes in the nomination document. Only write what the landlord needs, with the household's agreement.",
    )


class NominationOutcomeForm(PortalForm):
    outcome = _choice("What did the landlord say?", LANDLORD_ANSWERS, "Choose whether the landlord accepted them")
    reason = _optional_text("Why did the landlord refuse?", description="Needed when the landlord refused.")

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        return needs_reason_when(self, self.outcome, "refused", self.reason, "Say why the landlord refused") and valid


class DirectMatchForm(PortalForm):
    reference = TextField(
        "Household's reference",
        required="Enter the household's reference",
        max_length=20,
        too_long=TOO_LONG,
        description="For example, HR-7K3M9Q",
    )
    reason = _text(
        "Why does this household need this home outside bidding?",
        "Say why the household needs this home",
        description="A senior officer reads this when they decide.",
    )


class DecideMatchForm(PortalForm):
    decision = _choice(
        "Your decision",
        MATCH_DECISIONS,
        "Choose whether you approve or refuse the match",
        description="Approving holds the home for the household and offers it to them. We email them.",
    )
    reason = _text("Reason for your decision", "Give the reason for your decision")


def default_respond_by(days: int) -> dt.date:
    return lettings_clock.today() + dt.timedelta(days=days)
