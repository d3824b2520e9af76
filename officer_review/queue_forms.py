"""Forms for the work queues: the filters, the search box and assigning a case (English only)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from govuk_frontend_wtf import wtforms_widgets as gov
from wtforms import Field, HiddenField, SelectChoice, SelectField, StringField, SubmitField, ValidationError
from wtforms.validators import AnyOf, Optional

from portal.data.models import User
from portal.data.queues import SearchTerms
from portal.forms import PortalForm
from portal.rules.application.stages import STAGES
from portal.widgets import SubmitInput, TextInput, TranslatedErrorMixin

BANDS = ("1", "2", "3", "4")
BEDROOM_NEEDS = ("1", "2", "3", "4", "5", "6")
CASE_STAGES = tuple(stage for stage in STAGES if stage != "draft")
OVERDUE = "overdue"
ME = "me"
NOBODY = "nobody"
MIN_SEARCH = 2
DATE_PATTERN = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")
NI_PATTERN = re.compile(r"^[A-Z]{2}\d{6}[A-D]?$")
POSTCODE_PATTERN = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$")
REFERENCE_PATTERN = re.compile(r"^(HR-?)?([A-Z0-9]{6})$")


class Select(TranslatedErrorMixin, gov.GovSelect):
    pass


def stage_label(stage: str) -> str:
    return stage.replace("_", " ").capitalize()


def bedrooms_label(count: int | str) -> str:
    return "1 bedroom" if str(count) == "1" else f"{count} bedrooms"


class QueueFilterForm(PortalForm):
    """The filters above a queue, sent as a GET query. A value not in the list is ignored, with a message."""

    class Meta:
        csrf = False

    band = SelectField(
        "Band",
        choices=[SelectChoice("", "Any band"), *(SelectChoice(band, f"Band {band}") for band in BANDS)],
        widget=Select(),
        validate_choice=False,
        validators=[Optional(), AnyOf(BANDS, message="Choose a band from the list")],
    )
    bedroom_need = SelectField(
        "Bedroom need",
        choices=[
            SelectChoice("", "Any bedroom need"),
            *(SelectChoice(count, bedrooms_label(count)) for count in BEDROOM_NEEDS),
        ],
        widget=Select(),
        validate_choice=False,
        validators=[Optional(), AnyOf(BEDROOM_NEEDS, message="Choose a bedroom need from the list")],
    )
    stage = SelectField(
        "Stage",
        choices=[SelectChoice("", "Any stage"), *(SelectChoice(stage, stage_label(stage)) for stage in CASE_STAGES)],
        widget=Select(),
        validate_choice=False,
        validators=[Optional(), AnyOf(CASE_STAGES, message="Choose a stage from the list")],
    )
    assigned = SelectField("Assigned to", widget=Select(), validate_choice=False, validators=[Optional()])
    age = SelectField(
        "Age",
        choices=[SelectChoice("", "Any age"), SelectChoice(OVERDUE, "Overdue only")],
        widget=Select(),
        validate_choice=False,
        validators=[Optional(), AnyOf((OVERDUE,), message="Choose an age from the list")],
    )

    def __init__(self, *args: Any, officers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.assigned.choices = [
            SelectChoice("", "Anyone or nobody"),
            SelectChoice(ME, "Me"),
            SelectChoice(NOBODY, "Nobody"),
            *(SelectChoice(str(officer.id), officer.full_name) for officer in officers),
        ]

    def validate_assigned(self, field: Field) -> None:
        if field.data and field.data not in {choice.value for choice in self.assigned.choices}:  # type: ignore[union-attr]
            raise ValidationError("Choose who the cases are assigned to from the list")

    def clean(self, name: str) -> str | None:
        """A filter's value when it is valid, otherwise None (so a bad value is ignored)."""
        field = self[name]
        return None if field.errors or not field.data else str(field.data)


class SearchForm(PortalForm):
    class Meta:
        csrf = False

    q = StringField(
        "Search for a case",
        description=(
            "Enter a name, reference, date of birth (like 3/4/1990), National Insurance number, postcode "
            "or the first line of an address."
        ),
        widget=TextInput(),
    )

    def validate_q(self, field: Field) -> None:
        text = " ".join((field.data or "").split())
        if text and len(text) < MIN_SEARCH:
            raise ValidationError(f"Enter at least {MIN_SEARCH} characters to search for")
        if len(text) > 200:
            raise ValidationError("Enter 200 characters or fewer to search for")


def read_search(query: str) -> tuple[SearchTerms, list[str]]:
    """Read a search every way it could be meant: a name or first line of an address, a reference, a date of
    birth (3/4/1990, 03/04/1990 or 1990-04-03), a National Insurance number or a postcode (spaces and case
    ignored). Also gives what to tell the officer, such as a date that does not exist."""
    text = " ".join((query or "").split())[:200]
    squashed = text.replace(" ", "").upper()
    problems: list[str] = []
    birth_date = None
    match = DATE_PATTERN.match(text)
    if match:
        day, month, year = match.group(1), match.group(2), match.group(3)
        if match.group(4):
            year, month, day = match.group(4), match.group(5), match.group(6)
        try:
            birth_date = dt.date(int(year), int(month), int(day))
        except ValueError:
            problems.append(f"{text} is not a real date. Enter a date of birth like 3/4/1990 or 1990-04-03.")
    reference = REFERENCE_PATTERN.match(squashed)
    terms = SearchTerms(
        text=text.lower(),
        words=tuple(text.lower().split()),
        reference=f"HR-{reference.group(2)}" if reference else None,
        birth_date=birth_date,
        ni_number=squashed if NI_PATTERN.match(squashed) else None,
        postcode=squashed if POSTCODE_PATTERN.match(squashed) else None,
    )
    return terms, problems


class AssignForm(PortalForm):
    """Assign a case to yourself or to a colleague (or take it off everyone's list)."""

    assign_officer = SelectField("Assign to a colleague", widget=Select(), validate_choice=False)
    assign_next = HiddenField()
    assign_to_me = SubmitField("Assign to me", widget=SubmitInput())
    assign_submit = SubmitField("Assign to this colleague", widget=SubmitInput())

    def __init__(self, *args: Any, officers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.officers = {str(officer.id): officer for officer in officers}
        self.assign_officer.choices = [
            SelectChoice("", "Choose an officer"),
            *(SelectChoice(key, officer.full_name) for key, officer in self.officers.items()),
            SelectChoice(NOBODY, "Nobody (take it off everyone's list)"),
        ]

    def validate_assign_officer(self, field: Field) -> None:
        if self.assign_to_me.data:
            return
        if not field.data:
            raise ValidationError("Choose an officer to assign the case to")
        if field.data != NOBODY and field.data not in self.officers:
            raise ValidationError("Choose an officer from the list")

    def chosen(self, me: User) -> User | None:
        """The officer chosen (None for nobody); call only once the form is valid."""
        if self.assign_to_me.data:
            return me
        return None if self.assign_officer.data == NOBODY else self.officers[self.assign_officer.data]
