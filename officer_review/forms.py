"""Forms for the officer area's administration pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, RadioField, SelectChoice, StringField, SubmitField
from wtforms.validators import AnyOf, Email, InputRequired, Length

from portal.auth.roles import STAFF_ROLES_CREATED_BY_ADMIN
from portal.forms import PortalForm
from portal.widgets import RadioInput, SubmitInput, TextInput

ROLE_LABELS = {
    "officer": _l("Housing register officer"),
    "senior_officer": _l("Senior officer"),
    "admin": _l("Administrator"),
    "support_worker": _l("Support worker"),
}


class StaffAccountForm(PortalForm):
    full_name = StringField(
        _l("Full name"),
        widget=TextInput(),
        validators=[InputRequired(_l("Enter their full name")), Length(max=200)],
    )
    email = EmailField(
        _l("Work email address"),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter their work email address")),
            Length(max=254),
            Email(message=_l("Enter an email address in the correct format, like name@example.com")),
        ],
    )
    role = RadioField(
        _l("Role"),
        choices=[SelectChoice(role.value, ROLE_LABELS[role.value]) for role in STAFF_ROLES_CREATED_BY_ADMIN],
        widget=RadioInput(),
        validate_choice=False,
        validators=[
            InputRequired(_l("Choose a role")),
            AnyOf([role.value for role in STAFF_ROLES_CREATED_BY_ADMIN], message=_l("Choose a role")),
        ],
    )
    submit = SubmitField(_l("Create account"), widget=SubmitInput())
