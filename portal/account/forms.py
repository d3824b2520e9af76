"""Forms for registering, signing in and resetting a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import EmailField, PasswordField, RadioField, SelectChoice, StringField, SubmitField
from wtforms.validators import AnyOf, Email, EqualTo, InputRequired, Length

from portal.forms import PortalForm, strong_password
from portal.i18n import LANGUAGES

EMAIL_FORMAT = _l("Enter an email address in the correct format, like name@example.com")


class SignInForm(PortalForm):
    email = EmailField(
        _l("Email address"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter your email address")), Length(max=254, message=EMAIL_FORMAT)],
    )
    password = PasswordField(
        _l("Password"),
        widget=GovPasswordInput(),
        validators=[InputRequired(_l("Enter your password")), Length(max=200)],
    )
    submit = SubmitField(_l("Sign in"), widget=GovSubmitInput())


class RegisterForm(PortalForm):
    full_name = StringField(
        _l("Full name"),
        widget=GovTextInput(),
        validators=[
            InputRequired(_l("Enter your full name")),
            Length(max=200, message=_l("Your name must be 200 characters or fewer")),
        ],
    )
    email = EmailField(
        _l("Email address"),
        description=_l("We will send you a link to check it is yours"),
        widget=GovTextInput(),
        validators=[
            InputRequired(_l("Enter your email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    password = PasswordField(
        _l("Create a password"),
        description=_l("Use at least 10 characters. A few words together are easy to remember."),
        widget=GovPasswordInput(),
        validators=[InputRequired(_l("Create a password")), strong_password],
    )
    confirm_password = PasswordField(
        _l("Type your password again"),
        widget=GovPasswordInput(),
        validators=[
            InputRequired(_l("Type your password again")),
            EqualTo("password", message=_l("The passwords do not match. Type them again.")),
        ],
    )
    submit = SubmitField(_l("Create account"), widget=GovSubmitInput())


class EmailOnlyForm(PortalForm):
    email = EmailField(
        _l("Email address"),
        widget=GovTextInput(),
        validators=[
            InputRequired(_l("Enter your email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    submit = SubmitField(_l("Send the link"), widget=GovSubmitInput())


class NewPasswordForm(PortalForm):
    password = PasswordField(
        _l("Create a new password"),
        description=_l("Use at least 10 characters. A few words together are easy to remember."),
        widget=GovPasswordInput(),
        validators=[InputRequired(_l("Create a new password")), strong_password],
    )
    confirm_password = PasswordField(
        _l("Type your new password again"),
        widget=GovPasswordInput(),
        validators=[
            InputRequired(_l("Type your new password again")),
            EqualTo("password", message=_l("The passwords do not match. Type them again.")),
        ],
    )
    submit = SubmitField(_l("Save new password"), widget=GovSubmitInput())


class LanguageForm(PortalForm):
    language = RadioField(
        _l("Which language do you want us to use?"),
        choices=[SelectChoice(language.code, language.native_name) for language in LANGUAGES],
        widget=GovRadioInput(),
        validate_choice=False,
        validators=[
            InputRequired(_l("Choose a language")),
            AnyOf([language.code for language in LANGUAGES], message=_l("Choose a language")),
        ],
    )
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())
