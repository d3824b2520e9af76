"""Forms for support workers: registering an account, and their email settings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf import wtforms_widgets as gov
from wtforms import EmailField, SelectChoice, SelectField, SubmitField
from wtforms.validators import Email, InputRequired, Length

from portal.account.forms import EMAIL_FORMAT, full_name_field, new_password_field, password_again_field
from portal.apply.fields import ChoiceField, TextField
from portal.data.support_models import ORGANISATION_KINDS, Organisation
from portal.forms import PortalForm
from portal.widgets import SubmitInput, TextInput, TranslatedErrorMixin

NOT_LISTED = "not_listed"
PHONE = re.compile(r"^\+?[0-9 ()\-]{6,30}$")

ORGANISATION_KIND_NAMES = {
    "charity": _l("A charity or voluntary group"),
    "social_care": _l("Social care"),
    "probation": _l("Probation"),
    "health": _l("Health, such as a hospital or doctors' surgery"),
    "council_team": _l("A council team"),
    "other": _l("Something else"),
}
assert set(ORGANISATION_KIND_NAMES) == set(ORGANISATION_KINDS)


class Select(TranslatedErrorMixin, gov.GovSelect):
    pass


class WorkerRegisterForm(PortalForm):
    """The account details asked of every applicant (with the same checks), then where the worker works."""

    full_name = full_name_field()
    email = EmailField(
        _l("Work email address"),
        description=_l("We will send you a link to check it is yours"),
        widget=TextInput(),
        validators=[
            InputRequired(_l("Enter your work email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    password = new_password_field()
    confirm_password = password_again_field()
    organisation = SelectField(
        _l("Organisation you work for"),
        widget=Select(),
        validate_choice=False,
        validators=[InputRequired(_l("Choose the organisation you work for"))],
    )
    new_organisation = TextField(
        _l("If your organisation is not in the list, its name"),
        optional=True,
        max_length=200,
        too_long=_l("The name must be %(max)d characters or fewer"),
    )
    organisation_kind = SelectField(
        _l("If your organisation is not in the list, what kind of organisation it is"),
        widget=Select(),
        validate_choice=False,
        choices=[
            SelectChoice("", _l("Choose a kind")),
            *(SelectChoice(kind, name) for kind, name in ORGANISATION_KIND_NAMES.items()),
        ],
    )
    job_title = TextField(
        _l("Job title"),
        required=_l("Enter your job title"),
        max_length=120,
        too_long=_l("Your job title must be %(max)d characters or fewer"),
        description=_l("For example, housing support worker"),
    )
    phone = TextField(
        _l("Work phone number"),
        required=_l("Enter your work phone number"),
        max_length=30,
        pattern=PHONE,
        invalid=_l("Enter a phone number, like 01632 960 001 or 07700 900 982"),
        description=_l("We may call to check who you are before we approve your account"),
    )
    submit = SubmitField(_l("Create account"), widget=SubmitInput())

    def __init__(self, organisations: Sequence[Organisation], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = {str(organisation.id): organisation for organisation in organisations}
        self.organisation.choices = [
            SelectChoice("", _l("Choose your organisation")),
            *(SelectChoice(str(organisation.id), organisation.name) for organisation in organisations),
            SelectChoice(NOT_LISTED, _l("My organisation is not in the list")),
        ]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        chosen = self.organisation.data
        if chosen and chosen != NOT_LISTED and chosen not in self.known:
            self.organisation.errors = [_l("Choose the organisation you work for")]
            return False
        if chosen == NOT_LISTED:
            if not self.new_organisation.cleaned and not self.new_organisation.errors:
                self.new_organisation.errors = [_l("Enter the name of the organisation you work for")]
                valid = False
            if self.organisation_kind.data not in ORGANISATION_KIND_NAMES:
                self.organisation_kind.errors = [_l("Choose what kind of organisation it is")]
                valid = False
        return valid

    def chosen_organisation(self) -> Organisation | None:
        """The organisation chosen from the list; None when the worker typed a new one."""
        return self.known.get(self.organisation.data or "")


class SettingsForm(PortalForm):
    email_client_updates = ChoiceField(
        _l("Do you want an email when something happens on the case of someone you help?"),
        (("yes", _l("Yes, email me")), ("no", _l("No, do not email me"))),
        required=_l("Choose yes if you want these emails"),
        description=_l("For example, when we ask for evidence or make an offer. The email does not give any details."),
    )
    submit = SubmitField(_l("Save"), widget=SubmitInput())
