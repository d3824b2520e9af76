"""The advert form: every detail of the home (English only).

Money is typed in pounds and kept in whole pence. Which money a home needs
depends on its tenure: rent for social and affordable rent; the market value,
share range and rent for shared ownership; the market value and discount for
First Homes. Money that does not belong to the tenure must be left empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from wtforms import SelectChoice, SelectField, SubmitField
from wtforms.validators import AnyOf, InputRequired

from officer_review.advert_fields import (
    YES_NO,
    CoordinateField,
    NumberField,
    choice,
    money,
    pence_of,
    pounds_text,
)
from officer_review.queue_forms import Select
from portal.apply.fields import TextAreaField, TextField
from portal.data.advert_models import Advert, BiddingCycle, Landlord
from portal.forms import PortalForm
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES
from portal.widgets import SubmitInput

TOO_LONG = "This must be %(max)d characters or fewer"
NO_CYCLE = ""
LIFT_CHOICES = [("yes", "Yes, there is a lift"), ("no", "No lift"), ("unknown", "Not known, or not needed")]

#: Money for each tenure: (needed, may be given). Everything else must be left empty.
MONEY_FIELDS = (
    "weekly_rent",
    "weekly_service_charge",
    "market_value",
    "min_share",
    "max_share",
    "monthly_rent",
    "monthly_service_charge",
    "discount_percent",
)
MONEY_NAMES = {
    "weekly_rent": "the weekly rent",
    "weekly_service_charge": "the weekly service charge",
    "market_value": "the full market value",
    "min_share": "the smallest share",
    "max_share": "the largest share",
    "monthly_rent": "the monthly rent",
    "monthly_service_charge": "the monthly service charge",
    "discount_percent": "the discount",
}
#: How the messages name each tenure: "Enter the weekly rent of a home for social rent".
TENURE_WORDS = {
    "social_rent": "a home for social rent",
    "affordable_rent": "a home for affordable rent",
    "shared_ownership": "a shared ownership home",
    "first_homes": "a First Home",
}
TENURE_MONEY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "social_rent": (("weekly_rent",), ("weekly_service_charge",)),
    "affordable_rent": (("weekly_rent",), ("weekly_service_charge",)),
    "shared_ownership": (("market_value", "min_share", "max_share", "monthly_rent"), ("monthly_service_charge",)),
    "first_homes": (("market_value", "discount_percent"), ("monthly_service_charge",)),
}


def _text(label: str, *, max_length: int = 200, required: str | None = None, description: str = "") -> TextField:
    return TextField(
        label,
        optional=required is None,
        required=required,
        max_length=max_length,
        too_long=TOO_LONG,
        description=description,
    )


def _words(label: str, description: str = "") -> TextAreaField:
    return TextAreaField(label, optional=True, max_length=5000, too_long=TOO_LONG, description=description)


def _select(label: str, required: str) -> SelectField:
    return SelectField(label, widget=Select(), validate_choice=False, validators=[InputRequired(required)])


class AdvertForm(PortalForm):
    # The home.
    landlord = _select("Landlord", "Choose the landlord")
    tenure = choice("Tenure", list(TENURES.items()), "Choose the tenure")
    property_type = _select("Type of home", "Choose the type of home")
    bedrooms = NumberField(
        "Bedrooms",
        called="The number of bedrooms",
        bounds=(0, 20),
        optional=False,
        description="0 for a studio or bedsit.",
    )
    floor = NumberField(
        "Floor (optional)",
        called="The floor",
        bounds=(-5, 100),
        description="0 is the ground floor and -1 the floor below it. Leave this empty for a house or bungalow.",
    )
    has_lift = choice("Is there a lift?", LIFT_CHOICES, "Choose whether there is a lift", default="unknown")
    mobility = choice(
        "How easy it is to get into and around",
        list(MOBILITY_CATEGORIES.items()),
        "Choose how easy the home is to get into and around",
        default="general",
    )
    accessibility = _words(
        "Access features (optional)", "For example: level access shower, ramp to the front door, wide doors."
    )
    description = _words("Description (optional)", "What bidders should know about the home, in plain words.")
    # Where it is.
    address_line_1 = _text("Address line 1", required="Enter the first line of the address")
    address_line_2 = _text("Address line 2 (optional)")
    town = _text("Town (optional)", max_length=100)
    postcode = _text("Postcode (optional)", max_length=10)
    area = _text("Area (optional)", max_length=100, description="The part of the borough, like Brighton Hill.")
    latitude = CoordinateField(
        "Latitude (optional)",
        called="The latitude",
        limit=90,
        description="The map position in decimal degrees, like 51.2667.",
    )
    longitude = CoordinateField("Longitude (optional)", called="The longitude", limit=180, description="Like -1.0876.")
    # What it costs.
    weekly_rent = money(
        "Weekly rent", called="The weekly rent", maximum=10_000, description="For social and affordable rent."
    )
    weekly_service_charge = money(
        "Weekly service charge (optional)",
        called="The weekly service charge",
        maximum=10_000,
        description="For social and affordable rent.",
    )
    market_value = money(
        "Full market value",
        called="The full market value",
        maximum=10_000_000,
        description="For shared ownership and First Homes.",
    )
    min_share = NumberField(
        "Smallest share you can buy, in percent",
        called="The smallest share",
        bounds=(1, 100),
        description="For shared ownership.",
    )
    max_share = NumberField(
        "Largest share you can buy, in percent",
        called="The largest share",
        bounds=(1, 100),
        description="For shared ownership.",
    )
    monthly_rent = money(
        "Monthly rent on the share not bought",
        called="The monthly rent",
        maximum=40_000,
        description="For shared ownership.",
    )
    monthly_service_charge = money(
        "Monthly service charge (optional)",
        called="The monthly service charge",
        maximum=40_000,
        description="For shared ownership and First Homes.",
    )
    discount_percent = NumberField(
        "Discount, in percent", called="The discount", bounds=(1, 100), description="For First Homes."
    )
    # Who can bid.
    min_age = NumberField(
        "Youngest age (optional)", called="The youngest age", bounds=(0, 120), description="The applicant's age."
    )
    max_age = NumberField("Oldest age (optional)", called="The oldest age", bounds=(0, 120))
    min_bedroom_need = NumberField(
        "Fewest bedrooms needed (optional)", called="The fewest bedrooms needed", bounds=(0, 20)
    )
    max_bedroom_need = NumberField("Most bedrooms needed (optional)", called="The most bedrooms needed", bounds=(0, 20))
    transfer_only = choice(
        "Only for tenants of the council or a housing association?",
        YES_NO,
        "Choose whether the home is only for tenants moving home",
        default="no",
    )
    local_connection_only = choice(
        "Only for households with a local connection?",
        YES_NO,
        "Choose whether the home is only for households with a local connection",
        default="no",
    )
    local_lettings_plan = _words("Local lettings plan (optional)", "The plan in words, as bidders will read it.")
    # When.
    cycle = SelectField(
        "Bidding cycle",
        widget=Select(),
        validate_choice=False,
        description="The advert is published into this cycle. With no cycle it stays a draft.",
    )
    submit = SubmitField("Save the advert", widget=SubmitInput())

    def __init__(
        self,
        *args: Any,
        landlords: Sequence[Landlord],
        cycles: Sequence[BiddingCycle],
        fixed_cycle: BiddingCycle | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.landlord.choices = [SelectChoice("", "Choose a landlord")] + [
            SelectChoice(str(landlord.id), landlord.name) for landlord in landlords
        ]
        self.landlord.validators = [
            InputRequired("Choose the landlord"),
            AnyOf([str(landlord.id) for landlord in landlords], message="Choose the landlord"),
        ]
        self.property_type.choices = [SelectChoice("", "Choose the type of home")] + [
            SelectChoice(key, text) for key, text in PROPERTY_TYPES.items()
        ]
        self.property_type.validators = [
            InputRequired("Choose the type of home"),
            AnyOf(list(PROPERTY_TYPES), message="Choose the type of home"),
        ]
        self.fixed_cycle = fixed_cycle
        cycle_choices = [SelectChoice(NO_CYCLE, "No cycle yet: keep it as a draft")]
        cycle_choices += [SelectChoice(str(cycle.id), cycle_label(cycle)) for cycle in cycles]
        if fixed_cycle is not None:
            cycle_choices = [SelectChoice(str(fixed_cycle.id), cycle_label(fixed_cycle))]
        self.cycle.choices = cycle_choices
        self.cycle.validators = [
            AnyOf([choice.value for choice in cycle_choices], message="Choose a cycle from the list")
        ]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        tenure = self.tenure.data if self.tenure.data in TENURES else None
        if tenure is not None:
            needed, allowed = TENURE_MONEY[tenure]
            for name in MONEY_FIELDS:
                field = self[name]
                if field.errors:
                    continue
                given = bool((field.data or "").strip())
                if name in needed and not given:
                    field.errors.append(f"Enter {MONEY_NAMES[name]} of {TENURE_WORDS[tenure]}")
                elif given and name not in needed and name not in allowed:
                    field.errors.append(f"Leave {MONEY_NAMES[name]} empty for {TENURE_WORDS[tenure]}")
        for low, high, message in (
            ("min_share", "max_share", "The smallest share must not be more than the largest share"),
            ("min_age", "max_age", "The youngest age must not be more than the oldest age"),
            ("min_bedroom_need", "max_bedroom_need", "The fewest bedrooms needed must not be more than the most"),
        ):
            first, second = self[low], self[high]
            if first.number is not None and second.number is not None and first.number > second.number:
                second.errors.append(message)
        if (self.latitude.number is None) != (self.longitude.number is None) and not (
            self.latitude.errors or self.longitude.errors
        ):
            missing = self.longitude if self.longitude.number is None else self.latitude
            missing.errors.append("Give both the latitude and the longitude, or neither")
        return valid and not any(self[name].errors for name in self._fields)

    def values(self) -> dict[str, Any]:
        """The advert's columns from the checked answers."""
        lift = self.has_lift.data
        return {
            "landlord_id": int(self.landlord.data),
            "tenure": self.tenure.data,
            "property_type": self.property_type.data,
            "bedrooms": self.bedrooms.number,
            "floor": self.floor.number,
            "has_lift": None if lift == "unknown" else lift == "yes",
            "mobility": self.mobility.data,
            "accessibility": self.accessibility.cleaned,
            "description": self.description.cleaned,
            "address_line_1": self.address_line_1.cleaned,
            "address_line_2": self.address_line_2.cleaned,
            "town": self.town.cleaned,
            "postcode": self.postcode.cleaned.upper(),
            "area": self.area.cleaned,
            "latitude": self.latitude.number,
            "longitude": self.longitude.number,
            "weekly_rent_pence": pence_of(self.weekly_rent),
            "weekly_service_charge_pence": pence_of(self.weekly_service_charge),
            "market_value_pence": pence_of(self.market_value),
            "min_share_percent": self.min_share.number,
            "max_share_percent": self.max_share.number,
            "monthly_rent_pence": pence_of(self.monthly_rent),
            "monthly_service_charge_pence": pence_of(self.monthly_service_charge),
            "discount_percent": self.discount_percent.number,
            "min_age": self.min_age.number,
            "max_age": self.max_age.number,
            "min_bedroom_need": self.min_bedroom_need.number,
            "max_bedroom_need": self.max_bedroom_need.number,
            "transfer_only": self.transfer_only.data == "yes",
            "local_connection_only": self.local_connection_only.data == "yes",
            "local_lettings_plan": self.local_lettings_plan.cleaned,
        }

    def chosen_cycle_id(self) -> int | None:
        return int(self.cycle.data) if self.cycle.data else None


def cycle_label(cycle: BiddingCycle) -> str:
    return f"{cycle.name} ({cycle.status}, {_day(cycle.opens_on)} to {_day(cycle.closes_on)})"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _number_text(value: int | None) -> str:
    return "" if value is None else str(value)


def _coordinate_text(value: float | None) -> str:
    return "" if value is None else f"{value:.8g}"


def initial_data(advert: Advert) -> dict[str, Any]:
    """What the edit form starts with: the advert as it is."""
    lift = "unknown" if advert.has_lift is None else ("yes" if advert.has_lift else "no")
    return {
        "landlord": str(advert.landlord_id),
        "tenure": advert.tenure,
        "property_type": advert.property_type,
        "bedrooms": str(advert.bedrooms),
        "floor": _number_text(advert.floor),
        "has_lift": lift,
        "mobility": advert.mobility,
        "accessibility": advert.accessibility,
        "description": advert.description,
        "address_line_1": advert.address_line_1,
        "address_line_2": advert.address_line_2,
        "town": advert.town,
        "postcode": advert.postcode,
        "area": advert.area,
        "latitude": _coordinate_text(advert.latitude),
        "longitude": _coordinate_text(advert.longitude),
        "weekly_rent": pounds_text(advert.weekly_rent_pence),
        "weekly_service_charge": pounds_text(advert.weekly_service_charge_pence),
        "market_value": pounds_text(advert.market_value_pence),
        "min_share": _number_text(advert.min_share_percent),
        "max_share": _number_text(advert.max_share_percent),
        "monthly_rent": pounds_text(advert.monthly_rent_pence),
        "monthly_service_charge": pounds_text(advert.monthly_service_charge_pence),
        "discount_percent": _number_text(advert.discount_percent),
        "min_age": _number_text(advert.min_age),
        "max_age": _number_text(advert.max_age),
        "min_bedroom_need": _number_text(advert.min_bedroom_need),
        "max_bedroom_need": _number_text(advert.max_bedroom_need),
        "transfer_only": "yes" if advert.transfer_only else "no",
        "local_connection_only": "yes" if advert.local_connection_only else "no",
        "local_lettings_plan": advert.local_lettings_plan,
        "cycle": str(advert.cycle_id) if advert.cycle_id else NO_CYCLE,
    }
