"""Forms for taking over an account an officer set up: the code from the letter, then a password (and email)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, StringField, SubmitField
from wtforms.validators import Email, InputRequired, Length

from portal.account.forms import EMAIL_FORMAT, new_password_field, password_again_field
from portal.forms import PortalForm
from portal.widgets import SubmitInput, TextInput


class ClaimCodeForm(PortalForm):
    who = StringField(
        _l("Your reference number or email address"),
        description=_l("Your reference number is at the top of your letter. It looks like HR-7K3M9Q."),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter your reference number or email address")),
            Length(max=254, message=_l("Enter your reference number or email address")),
        ],
    )
    code = StringField(
        _l("Your code"),
        description=_l("It is in a box on your letter: 8 letters and numbers, like ABCD-EFGH."),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter the code from your letter")),
            Length(max=40, message=_l("Enter the code from your letter")),
        ],
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


#: Made before the password fields, so it comes first in the form and its error summary.
NEW_EMAIL = EmailField(
    _l("Email address"),
    description=_l("You will use it to sign in. We will send you a link to check it is yours."),
    widget=TextInput(),
    validators=[
        InputRequired(_l("Enter your email address")),
        Length(max=254, message=EMAIL_FORMAT),
        Email(message=EMAIL_FORMAT),
    ],
)


class ClaimPasswordForm(PortalForm):
    password = new_password_field()
    confirm_password = password_again_field()
    submit = SubmitField(_l("Save and sign in"), widget=SubmitInput())


class ClaimEmailPasswordForm(ClaimPasswordForm):
    """For an account set up without an email address: they sign in with the one they add here."""

    email = NEW_EMAIL
