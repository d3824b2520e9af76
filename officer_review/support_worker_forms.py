"""Forms for approving, refusing and suspending support workers, and adding organisations (English only)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wtforms import SelectChoice, SelectField, SubmitField
from wtforms.validators import InputRequired

from officer_review.advert_fields import choice
from officer_review.lettings_forms import EMAIL
from officer_review.queue_forms import Select
from portal.apply.fields import TextAreaField, TextField
from portal.data.support_models import Organisation
from portal.forms import PortalForm
from portal.support.forms import PHONE
from portal.widgets import SubmitInput

REASON_LENGTH = 2000
TOO_LONG = "This must be %(max)d characters or fewer"

KIND_NAMES = {
    "charity": "Charity or voluntary group",
    "social_care": "Social care",
    "probation": "Probation",
    "health": "Health",
    "council_team": "Council team",
    "other": "Other",
}
STATUS_NAMES = {
    "waiting": "Waiting for approval",
    "approved": "Approved",
    "refused": "Refused",
    "suspended": "Suspended",
}
STATUS_TAGS = {
    "waiting": "govuk-tag--yellow",
    "approved": "govuk-tag--green",
    "refused": "govuk-tag--grey",
    "suspended": "govuk-tag--red",
}


class ApproveForm(PortalForm):
    organisation = SelectField(
        "Organisation they work for",
        description="Check this is where they work. Add the organisation first if it is not in the list.",
        widget=Select(),
        validate_choice=False,
        validators=[InputRequired("Choose the organisation they work for")],
    )
    submit = SubmitField("Approve the account", widget=SubmitInput())

    def __init__(self, organisations: Sequence[Organisation], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = {str(organisation.id): organisation for organisation in organisations}
        self.organisation.choices = [
            SelectChoice("", "Choose an organisation"),
            *(SelectChoice(str(organisation.id), organisation.name) for organisation in organisations),
        ]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if valid and self.organisation.data not in self.known:
            self.organisation.errors = ["Choose the organisation they work for"]
            return False
        return valid

    def chosen(self) -> Organisation:
        return self.known[self.organisation.data or ""]


def _reason_form(label: str, required: str, hint: str, button: str) -> type[PortalForm]:
    class ReasonForm(PortalForm):
        reason = TextAreaField(label, required=required, max_length=REASON_LENGTH, too_long=TOO_LONG, description=hint)
        submit = SubmitField(button, widget=SubmitInput())

    return ReasonForm


RefuseForm = _reason_form(
    "Why are you refusing this account?",
    "Enter why you are refusing this account",
    "The support worker reads this in an email and when they sign in. Write it plainly and kindly.",
    "Refuse the account",
)
SuspendForm = _reason_form(
    "Why are you suspending this account?",
    "Enter why you are suspending this account",
    "They stop being able to see or change anyone's application at once. "
    "The support worker reads this in an email and when they sign in.",
    "Suspend the account",
)


class OrganisationForm(PortalForm):
    name = TextField("Name", required="Enter the organisation's name", max_length=200, too_long=TOO_LONG)
    kind = choice("Kind of organisation", list(KIND_NAMES.items()), "Choose the kind of organisation")
    email = TextField(
        "Email address (optional)",
        optional=True,
        max_length=254,
        too_long=TOO_LONG,
        pattern=EMAIL,
        invalid="Enter an email address in the correct format, like team@example.org",
    )
    phone = TextField(
        "Phone number (optional)",
        optional=True,
        max_length=30,
        pattern=PHONE,
        invalid="Enter a phone number, like 01632 960 001",
    )
    submit = SubmitField("Add the organisation", widget=SubmitInput())
