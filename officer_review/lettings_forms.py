"""Forms for bidding cycles, landlords, nomination agreements, importing adverts, and the smaller advert forms:
filtering the list, withdrawing one and adding a photo (English only).

Dates are typed as day, month and year; the range a date may fall in is
worked out from the lettings day (``portal.data.lettings_clock``) each time a
form is made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from flask_wtf.file import FileField, FileRequired
from wtforms import SelectChoice, SelectField, SubmitField
from wtforms.validators import AnyOf, Optional

from officer_review.advert_fields import FileUploadInput, NumberField, choice
from officer_review.advert_words import ADVERT_STATUS_TAGS
from officer_review.case_forms import date_messages
from officer_review.queue_forms import Select
from portal.apply.fields import TextAreaField, TextField
from portal.data import lettings_clock
from portal.data.advert_models import BiddingCycle
from portal.forms import PortalForm
from portal.options.question_forms import LeaveDateField
from portal.rules.lettings.kinds import LANDLORD_KINDS
from portal.widgets import SubmitInput

TOO_LONG = "This must be %(max)d characters or fewer"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class LettingsDateField(LeaveDateField):
    """A date from ``days_before`` days before the lettings day to ``days_after`` days after it."""

    def __init__(self, label: Any = None, **kwargs: Any) -> None:
        kwargs["today"] = lettings_clock.today()
        super().__init__(label, **kwargs)


def _cycle_date(label: str, name: str) -> LettingsDateField:
    return LettingsDateField(
        label,
        days_before=0,
        days_after=366 * 2,
        messages=date_messages(
            name,
            too_early=f"{name} must be today or in the future",
            too_late=f"{name} must be within 2 years",
        ),
        description="For example, 27 3 2027",
    )


class CycleForm(PortalForm):
    name = TextField(
        "Name",
        required="Enter a name for the cycle",
        max_length=100,
        too_long=TOO_LONG,
        description="For example: Week 14, 2027.",
    )
    opens_on = _cycle_date("Opens on", "The opening date")
    closes_on = _cycle_date("Closes on", "The closing date")
    bid_limit = NumberField(
        "Bids each household may hold",
        called="The number of bids",
        bounds=(1, 20),
        optional=False,
        description="A household can take back a bid while the cycle is open, to bid for another home.",
    )
    submit = SubmitField("Make the cycle", widget=SubmitInput())

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        opens, closes = self.opens_on.date, self.closes_on.date
        if opens is not None and closes is not None and closes < opens:
            self.closes_on.errors.append("The closing date must be on or after the opening date")
            return False
        return valid


class ConfirmForm(PortalForm):
    """A button that does one thing (open a cycle, publish an advert): only the CSRF token is checked."""


class LandlordForm(PortalForm):
    name = TextField("Name", required="Enter the landlord's name", max_length=200, too_long=TOO_LONG)
    kind = choice("Kind of landlord", list(LANDLORD_KINDS.items()), "Choose the kind of landlord")
    email = TextField(
        "Email address for nominations (optional)",
        optional=True,
        max_length=254,
        too_long=TOO_LONG,
        pattern=EMAIL,
        invalid="Enter an email address in the correct format, like lettings@example.org",
        description="Where nominations for a housing association's homes are sent.",
    )
    submit = SubmitField("Add the landlord", widget=SubmitInput())


def _lets_reported() -> NumberField:
    return NumberField(
        "Homes the landlord let in the period",
        called="The number of homes let",
        bounds=(0, 100_000),
        optional=False,
        description="Every home they let, by any route: the share owed is worked out from this.",
    )


def _agreement_date(label: str, name: str) -> LettingsDateField:
    return LettingsDateField(
        label,
        days_before=366 * 10,
        days_after=366 * 10,
        messages=date_messages(
            name,
            too_early=f"{name} must be within the last 10 years",
            too_late=f"{name} must be within the next 10 years",
        ),
        description="For example, 1 4 2026",
    )


class AgreementForm(PortalForm):
    starts_on = _agreement_date("Starts on", "The start date")
    ends_on = _agreement_date("Ends on", "The end date")
    percent_owed = NumberField(
        "Share of lets owed to the council's nominees, in percent",
        called="The share owed",
        bounds=(1, 100),
        optional=False,
    )
    lets_reported = _lets_reported()
    submit = SubmitField("Save the agreement", widget=SubmitInput())

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        starts, ends = self.starts_on.date, self.ends_on.date
        if starts is not None and ends is not None and ends < starts:
            self.ends_on.errors.append("The end date must be on or after the start date")
            return False
        return valid


class LetsReportedForm(PortalForm):
    lets_reported = _lets_reported()
    submit = SubmitField("Save", widget=SubmitInput())


class ImportForm(PortalForm):
    file = FileField("CSV file", widget=FileUploadInput(), validators=[FileRequired("Select a CSV file to import")])
    submit = SubmitField("Import the adverts", widget=SubmitInput())


class WithdrawForm(PortalForm):
    reason = TextAreaField(
        "Why you are withdrawing it",
        required="Say why you are withdrawing the advert",
        max_length=2000,
        too_long=TOO_LONG,
        description="This is kept in the advert's history. Households who bid are given their bid back.",
    )
    submit = SubmitField("Withdraw the advert", widget=SubmitInput())


class PhotoForm(PortalForm):
    photo = FileField("Photo", widget=FileUploadInput(), validators=[FileRequired("Select a photo to upload")])
    alt = TextField(
        "Describe the photo",
        max_length=300,
        too_long=TOO_LONG,
        required="Describe what the photo shows",
        description="For people who cannot see it. For example: The living room, with a large window onto the garden.",
    )
    submit = SubmitField("Add the photo", widget=SubmitInput())


class AdvertFilterForm(PortalForm):
    """The filters above the list of adverts, sent as a GET query. A value not in the list is ignored."""

    class Meta:
        csrf = False

    status = SelectField("Status", widget=Select(), validate_choice=False, validators=[Optional()])
    cycle = SelectField("Bidding cycle", widget=Select(), validate_choice=False, validators=[Optional()])

    def __init__(self, *args: Any, cycles: Sequence[BiddingCycle], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = [SelectChoice("", "Any status")] + [
            SelectChoice(status, text) for status, (text, _classes) in ADVERT_STATUS_TAGS.items()
        ]
        self.status.validators = [Optional(), AnyOf(list(ADVERT_STATUS_TAGS), message="Choose a status from the list")]
        self.cycle.choices = [SelectChoice("", "Any cycle")] + [
            SelectChoice(str(cycle.id), cycle.name) for cycle in cycles
        ]
        self.cycle.validators = [
            Optional(),
            AnyOf([str(cycle.id) for cycle in cycles], message="Choose a cycle from the list"),
        ]

    def clean(self, name: str) -> str | None:
        """A filter's value when it is valid, otherwise None (so a bad value is ignored)."""
        field = self[name]
        return None if field.errors or not field.data else str(field.data)
