"""Forms for registering, signing in and resetting a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from wtforms import EmailField, PasswordField, RadioField, SelectChoice, StringField, SubmitField
from wtforms.validators import AnyOf, Email, EqualTo, InputRequired, Length

from portal.auth.passwords import MINIMUM_LENGTH
from portal.forms import PortalForm, strong_password
from portal.i18n import LANGUAGES
from portal.widgets import PasswordInput, RadioInput, SubmitInput, TextInput

PASSWORD_HINT = lazy_ngettext(
    "Use at least %(num)d character. A few words together are easy to remember.",
    "Use at least %(num)d characters. A few words together are easy to remember.",
    MINIMUM_LENGTH,
)
EMAIL_FORMAT = _l("Enter an email address in the correct format, like name@example.com")


class SignInForm(PortalForm):
    email = EmailField(
        _l("Email address"),
        widget=TextInput(),
        validators=[InputRequired(_l("Enter your email address")), Length(max=254, message=EMAIL_FORMAT)],
    )
    password = PasswordField(
        _l("Password"),
        widget=PasswordInput(),
        validators=[InputRequired(_l("Enter your password")), Length(max=200)],
    )
    submit = SubmitField(_l("Sign in"), widget=SubmitInput())


def full_name_field() -> StringField:
    """The full name asked when an account is made (for an applicant or a support worker)."""
    return StringField(
        _l("Full name"),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter your full name")),
            Length(max=200, message=_l("Your name must be 200 characters or fewer")),
        ],
    )


def new_password_field() -> PasswordField:
    """Choosing the password of a new account, checked for strength."""
    return PasswordField(
        _l("Create a password"),
        description=PASSWORD_HINT,
        widget=PasswordInput(),
        validators=[InputRequired(_l("Enter a password")), strong_password],
    )


def password_again_field() -> PasswordField:
    """The same password typed again, which must match ``password``."""
    return PasswordField(
        _l("Type your password again"),
        widget=PasswordInput(),
        validators=[
            InputRequired(_l("Enter your password again")),
            EqualTo("password", message=_l("The passwords do not match. Type them again.")),
        ],
    )


class RegisterForm(PortalForm):
    full_name = full_name_field()
    email = EmailField(
        _l("Email address"),
        description=_l("We will send you a link to check it is yours"),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter your email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    password = new_password_field()
    confirm_password = password_again_field()
    submit = SubmitField(_l("Create account"), widget=SubmitInput())


class EmailOnlyForm(PortalForm):
    email = EmailField(
        _l("Email address"),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter your email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    submit = SubmitField(_l("Send the link"), widget=SubmitInput())


class NewPasswordForm(PortalForm):
    password = PasswordField(
        _l("Create a new password"),
        description=PASSWORD_HINT,
        widget=PasswordInput(),
        validators=[InputRequired(_l("Enter a new password")), strong_password],
    )
    confirm_password = PasswordField(
        _l("Type your new password again"),
        widget=PasswordInput(),
        validators=[
            InputRequired(_l("Enter your new password again")),
            EqualTo("password", message=_l("The passwords do not match. Type them again.")),
        ],
    )
    submit = SubmitField(_l("Save new password"), widget=SubmitInput())


class LanguageForm(PortalForm):
    language = RadioField(
        _l("Which language do you want us to use?"),
        choices=[SelectChoice(language.code, language.native_name) for language in LANGUAGES],
        widget=RadioInput(),
        validate_choice=False,
        validators=[
            InputRequired(_l("Choose the language you want us to use")),
            AnyOf([language.code for language in LANGUAGES], message=_l("Choose the language you want us to use")),
        ],
    )
    submit = SubmitField(_l("Save"), widget=SubmitInput())
