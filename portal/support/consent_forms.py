"""Forms for support workers: answering an invitation, typing a code, asking an applicant for access."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectChoice, SelectMultipleField, StringField, SubmitField
from wtforms.validators import Email, InputRequired, Length

from portal.apply.fields import ChoiceField, TextAreaField
from portal.forms import PortalForm
from portal.widgets import CheckboxesInput, SubmitInput, TextInput

EMAIL_FORMAT = _l("Enter an email address in the correct format, like name@example.com")


def _stripped(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class InvitationAnswerForm(PortalForm):
    answer = ChoiceField(
        _l("Do you want to help them?"),
        [("yes", _l("Yes, I will help them")), ("no", _l("No"))],
        required=_l("Select yes if you want to help them"),
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


class CodeForm(PortalForm):
    code = StringField(
        _l("Type the code they gave you"),
        description=_l("It has 8 letters and numbers, like ABCD-2345."),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter the code they gave you")),
            Length(max=40, message=_l("Check the code: it has 8 letters and numbers")),
        ],
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


class AskForm(PortalForm):
    email = EmailField(
        _l("Their email address"),
        description=_l("The email address they use for their housing account."),
        widget=TextInput(),
        filters=[_stripped],
        validators=[
            InputRequired(_l("Enter their email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    can = SelectMultipleField(
        _l("What do you need to do for them?"),
        description=_l(
            "You can always see their application and bids. They choose what you can do, and can change it."
        ),
        choices=[
            SelectChoice("help", _l("Help with their application and documents")),
            SelectChoice("bid", _l("Bid for homes for them")),
        ],
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    message = TextAreaField(
        _l("Your message to them (optional)"),
        description=_l("Say who you are and why you are asking, so they know it is you."),
        optional=True,
        max_length=1000,
    )
    submit = SubmitField(_l("Ask them"), widget=SubmitInput())

    def chosen(self) -> tuple[bool, bool]:
        values = set(self.can.data or [])
        return "help" in values, "bid" in values


class ConfirmForm(PortalForm):
    submit = SubmitField(_l("Continue"), widget=SubmitInput())
