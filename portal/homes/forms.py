"""Forms for the homes pages: the search filters, bidding, taking a bid back, alerts and auto-bidding.

The search and the affordability figures are GET forms (nothing is saved), so
their pages can be bookmarked and work without JavaScript; everything that
changes something is a POST with a CSRF token.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf import wtforms_widgets as gov
from werkzeug.datastructures import MultiDict
from wtforms import Field, SelectChoice, SelectField, SelectMultipleField
from wtforms.validators import AnyOf, Optional, ValidationError

from portal.apply.fields import ChoiceField, TextField
from portal.forms import PortalForm
from portal.options.calculator_forms import MoneyField
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES
from portal.widgets import CheckboxesInput, TranslatedErrorMixin

LIST_FILTERS = ("tenure", "property_type", "mobility")
SCALAR_FILTERS = ("area", "min_bedrooms", "max_bedrooms", "max_weekly_rent")
BEDROOM_CHOICES = ("1", "2", "3", "4", "5")
MOST_WEEKLY_RENT = 2000


class Select(TranslatedErrorMixin, gov.GovSelect):
    pass


def kind_choices(kinds: Mapping[str, str]) -> list[SelectChoice]:
    """The kinds' applicant names, translated when the page is shown."""
    return [SelectChoice(key, _l(label)) for key, label in kinds.items()]


def raw_filters(values: MultiDict[str, str]) -> dict[str, Any]:
    """The filters in a query or form as one plain dict: lists for the checkboxes, text for the rest."""
    raw: dict[str, Any] = {key: values.getlist(key) for key in LIST_FILTERS}
    raw.update({key: values.get(key, "") for key in SCALAR_FILTERS})
    return raw


def query_of(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Cleaned filters as query arguments for a link to the search page (empty ones left out)."""
    query: dict[str, Any] = {}
    for key in LIST_FILTERS:
        if filters.get(key):
            query[key] = list(filters[key])
    for key in SCALAR_FILTERS:
        value = filters.get(key)
        if value not in (None, ""):
            query[key] = str(value)
    return query


def _bedrooms(label: Any, any_text: Any) -> SelectField:
    return SelectField(
        label,
        choices=[SelectChoice("", any_text), *(SelectChoice(number, number) for number in BEDROOM_CHOICES)],
        widget=Select(),
        validate_choice=False,
        validators=[Optional(), AnyOf(BEDROOM_CHOICES, message=_l("Choose a number of bedrooms from the list"))],
    )


class SearchForm(PortalForm):
    """The filters above the list of homes, sent as a GET query."""

    class Meta:
        csrf = False

    tenure = SelectMultipleField(
        _l("Renting or buying"), choices=kind_choices(TENURES), validate_choice=False, widget=CheckboxesInput()
    )
    property_type = SelectMultipleField(
        _l("Type of home"), choices=kind_choices(PROPERTY_TYPES), validate_choice=False, widget=CheckboxesInput()
    )
    mobility = SelectMultipleField(
        _l("Getting in and around the home"),
        choices=kind_choices(MOBILITY_CATEGORIES),
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    area = SelectField(_l("Area"), widget=Select(), validate_choice=False, validators=[Optional()])
    min_bedrooms = _bedrooms(_l("Fewest bedrooms"), _l("Any number"))
    max_bedrooms = _bedrooms(_l("Most bedrooms"), _l("Any number"))
    max_weekly_rent = MoneyField(
        _l("Most you want to pay each week, for rent and any service charge"),
        description=_l("Leave this empty to see homes at any rent."),
        maximum=MOST_WEEKLY_RENT,
        too_large=_l("Enter an amount of £2,000 or less"),
    )

    def __init__(self, *args: Any, areas: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [SelectChoice("", _l("Any area")), *(SelectChoice(area, area) for area in areas)]
        chosen = self.area.data
        if chosen and chosen not in {choice.value for choice in choices}:
            choices.append(SelectChoice(chosen, chosen))  # an area from a saved search with no homes now
        self.area.choices = choices

    def validate_max_bedrooms(self, field: Field) -> None:
        low, high = self.min_bedrooms.data, field.data
        if low in BEDROOM_CHOICES and high in BEDROOM_CHOICES and int(low) > int(high):
            raise ValidationError(_l("The most bedrooms must be the same as or more than the fewest bedrooms"))


class WithdrawBidForm(PortalForm):
    """Taking back a bid: the page's button and its token."""


class SaveSearchForm(PortalForm):
    """Saves the filters sent with it (hidden inputs on the search page) as a property alert."""


class DeleteSearchForm(PortalForm):
    """Stopping a saved search's emails: the button and its token."""


class AffordabilityForm(PortalForm):
    """Figures for the affordability check on an advert, sent as a GET query and never saved."""

    class Meta:
        csrf = False

    take_home_pay = MoneyField(
        _l("How much money does your household take home each month?"),
        required=_l("Enter how much your household takes home each month, or 0 if there is none"),
        description=_l(
            "After tax, for everyone who will live with you. Count benefits, but not help with housing costs."
        ),
    )
    housing_support = MoneyField(
        _l("How much help with housing costs do you expect each month? (optional)"),
        description=_l("For example, the housing part of Universal Credit or Housing Benefit. Leave empty if none."),
    )


STEP_FREE_CHOICES = (
    ("none", _l("No, any home is fine")),
    ("step_free", _l("Yes, I need a home without steps")),
    ("wheelchair", _l("Yes, I need a home for someone who uses a wheelchair all the time")),
)


class AutoBidForm(PortalForm):
    """Turning auto-bidding on or off, and what homes to bid for."""

    enabled = ChoiceField(
        _l("Do you want us to bid for you?"),
        (("yes", _l("Yes, bid for me")), ("no", _l("No, I will bid myself"))),
        required=_l("Select yes if you want us to bid for you"),
    )
    tenure = SelectMultipleField(
        _l("Which kinds of home should we bid for?"),
        description=_l("Leave all empty to bid for any kind."),
        choices=kind_choices(TENURES),
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    property_type = SelectMultipleField(
        _l("Which types of home should we bid for?"),
        description=_l("Leave all empty to bid for any type."),
        choices=kind_choices(PROPERTY_TYPES),
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    areas = TextField(
        _l("Which areas should we bid in? (optional)"),
        optional=True,
        max_length=300,
        description=_l("Put a comma between areas, like Brighton Hill, Popley. Leave empty to bid in any area."),
    )
    step_free = ChoiceField(
        _l("Do you need a home without steps?"),
        STEP_FREE_CHOICES,
        required=_l("Select if you need a home without steps"),
    )


def areas_from(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]
