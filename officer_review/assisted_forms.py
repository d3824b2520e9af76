"""Forms for starting an application for someone, working on it for them and handing the account over.

The officer area is English only, so labels and messages are plain strings.
Dates are typed as day, month and year; the range a date may fall in is
worked out from today (``lettings_clock.today``) each time a form is made.
"""

from __future__ import annotations

import re
from typing import Any

from wtforms import EmailField, SubmitField
from wtforms.validators import Email, Length, Optional, ValidationError

from officer_review.case_forms import date_messages
from officer_review.duty_forms import stripped
from portal.apply.fields import TextAreaField, TextField
from portal.data import lettings_clock
from portal.forms import PortalForm
from portal.i18n import LANGUAGES
from portal.options.question_forms import ChoiceField, LeaveDateField
from portal.widgets import SubmitInput, TextInput

CHANNEL_NAMES = {"phone": "By phone", "drop_in": "At a drop-in or office visit", "paper": "On a paper form"}
#: How each channel is named in a sentence ("Started by Sam Lee from a paper form").
CHANNEL_WORDS = {
    "online": "online, by the applicant",
    "phone": "from a phone call",
    "drop_in": "at a drop-in or office visit",
    "paper": "from a paper form",
}
#: Why an officer works on an application for the applicant; "other" asks for the reason in words.
ACTING_REASONS = {
    "phone": "On the phone with them",
    "drop_in": "They are here at a drop-in or office visit",
    "paper": "Keying in their paper form",
    "case_work_bidding": "Case-work bidding for a vulnerable applicant",
    "other": "Something else",
}
PHONE = re.compile(r"[0-9+() \-]{6,30}")
LONGEST_AGO_DAYS = 366 * 20
OLDEST_DAYS = 366 * 120


class TodayDateField(LeaveDateField):
    """A date from ``days_before`` days ago up to today (the lettings clock's today, so tests can set it)."""

    def __init__(self, label: Any = None, **kwargs: Any) -> None:
        kwargs["today"] = lettings_clock.today()  # when the form is made, not when the module was loaded
        kwargs.setdefault("days_after", 0)
        super().__init__(label, **kwargs)


class StartForm(PortalForm):
    channel = ChoiceField("How did they apply?", tuple(CHANNEL_NAMES.items()), required="Select how they applied")
    received_on = TodayDateField(
        "When did the council first receive the application?",
        days_before=LONGEST_AGO_DAYS,
        messages=date_messages(
            "The date the council received it",
            too_early="The date the council received it must be in the last 20 years",
            too_late="The date the council received it must be today or in the past",
        ),
        description=(
            "This is their registration date. For a paper form, use the date it was stamped as received. "
            "For example, 27 3 2026"
        ),
    )
    full_name = TextField(
        "Full name",
        required="Enter their full name",
        max_length=200,
        too_long="Their name must be %(max)d characters or fewer",
    )
    date_of_birth = TodayDateField(
        "Date of birth",
        days_before=OLDEST_DAYS,
        messages=date_messages(
            "Their date of birth",
            too_early="Their date of birth must be within the last 120 years",
            too_late="Their date of birth must be in the past",
        ),
        description="For example, 31 3 1980",
    )
    email = EmailField(
        "Email address (optional)",
        filters=[stripped],
        description="Leave this empty if they do not have one. They can add one when they take over the account.",
        widget=TextInput(),
        validators=[
            Optional(),
            Length(max=254, message="Enter an email address of 254 characters or fewer"),
            Email(message="Enter an email address in the correct format, like name@example.com"),
        ],
    )
    phone = TextField(
        "Phone number (optional)",
        optional=True,
        max_length=30,
        too_long="The phone number must be %(max)d characters or fewer",
        pattern=PHONE,
        invalid="Enter a phone number, like 01632 960 001 or 07700 900 982",
    )
    language = ChoiceField(
        "Which language should we use with them?",
        tuple(
            (
                language.code,
                language.english_name if language.code == "en" else f"{language.english_name} ({language.native_name})",
            )
            for language in LANGUAGES
        ),
        required="Select the language to use with them",
        description="Emails, letters and the website will be in this language.",
    )
    submit = SubmitField("Start the application", widget=SubmitInput())


class ActForm(PortalForm):
    reason = ChoiceField("Why are you working on it for them?", tuple(ACTING_REASONS.items()), required="Select why")
    other = TextAreaField(
        "If something else, say why",
        optional=True,
        max_length=500,
        too_long="The reason must be %(max)d characters or fewer",
    )
    submit = SubmitField("Work on this application for them", widget=SubmitInput())

    def validate_other(self, field: Any) -> None:
        if self.reason.data == "other" and not field.cleaned:
            raise ValidationError("Say why you are working on it for them")

    def reason_text(self) -> str:
        if self.reason.data == "other":
            return str(self.other.cleaned)
        return ACTING_REASONS[str(self.reason.data)]


class HandoverForm(PortalForm):
    """A button that makes a new code or link: only the CSRF token is checked."""

    submit = SubmitField("Make the letter", widget=SubmitInput())
