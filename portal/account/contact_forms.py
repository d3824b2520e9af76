"""Forms for how an applicant wants us to contact them: one question on each page.

The words explain why we ask (safe contact helps keep people safe) and never
ask why someone needs what they choose.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, SelectChoice, SelectMultipleField, SubmitField
from wtforms.validators import Email, Length, StopValidation

from portal.apply.fields import ChoiceField, TextAreaField, TextField
from portal.data.support_models import ACCESSIBLE_FORMATS
from portal.forms import PortalForm
from portal.widgets import CheckboxesInput, SubmitInput, TextInput

EMAIL_FORMAT = _l("Enter an email address in the correct format, like name@example.com")
YES_NO = (("yes", _l("Yes")), ("no", _l("No")))
OTHER = "other"
FORMAT_NAMES = {
    "large_print": _l("Large print"),
    "easy_read": _l("Easy read"),
    "braille": _l("Braille"),
    "audio": _l("Audio"),
    "bsl": _l("British Sign Language (BSL)"),
    OTHER: _l("Something else"),
}
LETTER_NAMES = {
    "home": _l("Post letters to my home address"),
    "none": _l("Do not post letters to me"),
    "other": _l("Post letters to another address"),
}


def needed_when(other: str, value: str, message: Any) -> Any:
    """A validator: this text must be given when the field ``other`` has ``value``."""

    def check(form: Any, field: Any) -> None:
        if form[other].data == value and not field.cleaned:
            raise StopValidation(str(message))

    return check


def save_button() -> SubmitField:
    return SubmitField(_l("Save"), widget=SubmitInput())


class InterpreterForm(PortalForm):
    needed = ChoiceField(
        _l("Do you need an interpreter when we talk to you?"),
        YES_NO,
        description=_l("We can get an interpreter for calls and meetings. It is free."),
        required=_l("Select yes if you need an interpreter"),
    )
    language = TextField(
        _l("Which language should they speak?"),
        optional=True,
        max_length=60,
        too_long=_l("The language must be 60 characters or fewer"),
        validators=[needed_when("needed", "yes", _l("Enter the language the interpreter should speak"))],
    )
    submit = save_button()


class FormatsForm(PortalForm):
    formats = SelectMultipleField(
        _l("Do you need our letters and documents in another format?"),
        description=_l("Select all that you need. If you do not need any of these, leave them all empty."),
        choices=[SelectChoice(value, FORMAT_NAMES[value]) for value in (*ACCESSIBLE_FORMATS, OTHER)],
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    other = TextField(
        _l("What format do you need?"),
        optional=True,
        max_length=200,
        too_long=_l("The format must be 200 characters or fewer"),
    )
    submit = save_button()

    def validate_other(self, field: Any) -> None:
        if OTHER in (self.formats.data or []) and not field.cleaned:
            raise StopValidation(str(_l("Enter the format you need")))

    def chosen(self) -> list[str]:
        return [value for value in ACCESSIBLE_FORMATS if value in (self.formats.data or [])]


class LettersForm(PortalForm):
    letters = ChoiceField(
        _l("Where should we post letters to you?"),
        list(LETTER_NAMES.items()),
        required=_l("Select where we should post letters to you"),
        hints={"none": _l("We will email you instead, or you can read everything when you sign in.")},
    )
    address = TextAreaField(
        _l("Address"),
        optional=True,
        max_length=500,
        too_long=_l("The address must be 500 characters or fewer"),
        validators=[needed_when("letters", "other", _l("Enter the address we should post letters to"))],
    )
    submit = save_button()


class CallsForm(PortalForm):
    safe_call_times = TextField(
        _l("When is it safe to call you?"),
        description=_l("For example, weekdays between 10am and 12pm. Leave this empty if any time is fine."),
        optional=True,
        max_length=200,
        too_long=_l("The times must be 200 characters or fewer"),
    )
    no_voicemail = BooleanField(_l("Do not leave voicemail messages"))
    submit = save_button()


def only_for_other(form: Any, field: Any) -> None:
    """Check the email address only when the applicant chose another one, and then it must be given."""
    field.data = (field.data or "").strip()
    if form.which.data != "other":
        raise StopValidation()
    if not field.data:
        raise StopValidation(str(_l("Enter the email address we should use")))


class EmailForm(PortalForm):
    which = ChoiceField(
        _l("Which email address should we use?"),
        [("own", _l("The email address I sign in with")), ("other", _l("Another email address"))],
        required=_l("Select which email address we should use"),
        description=_l(
            "If someone else can read the email you sign in with, you can give us another address that is "
            "safe for you. We will send our emails only there."
        ),
    )
    email = EmailField(
        _l("Email address"),
        widget=TextInput(),
        validators=[only_for_other, Length(max=254, message=EMAIL_FORMAT), Email(message=EMAIL_FORMAT)],
    )
    submit = save_button()


class HelperEmailsForm(PortalForm):
    wanted = ChoiceField(
        _l("Do you want an email when someone helping you does something for you?"),
        YES_NO,
        required=_l("Select yes if you want these emails"),
        description=_l("For example, when they send your application or upload a document for you."),
    )
    submit = save_button()
