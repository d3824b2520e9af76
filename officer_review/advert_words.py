"""An advert in words for officers: its status, where and what it is, what it costs, who may bid and when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from portal.data.advert_models import Advert, BiddingCycle
from portal.data.bidders import pounds_from_pence
from portal.rules.affordability import pounds
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES

#: The kind of landlord, as it follows the landlord's name.
KIND_WORDS = {"council": "council", "housing_association": "housing association"}

ADVERT_STATUS_TAGS = {
    "draft": ("Draft", "govuk-tag--grey"),
    "ready": ("Ready for its cycle", "govuk-tag--light-blue"),
    "open": ("Taking bids", "govuk-tag--green"),
    "closed": ("Shortlisting", "govuk-tag--yellow"),
    "matched": ("Held for a direct match", "govuk-tag--purple"),
    "let": ("Let", "govuk-tag--blue"),
    "withdrawn": ("Withdrawn", "govuk-tag--red"),
}
CYCLE_STATUS_TAGS = {
    "planned": ("Planned", "govuk-tag--grey"),
    "open": ("Open", "govuk-tag--green"),
    "closed": ("Closed", "govuk-tag--blue"),
}


def show_day(day: dt.date | dt.datetime | None) -> str:
    """A date as officers read it: 3 April 2026."""
    return f"{day.day} {day:%B %Y}" if day else ""


def status_tag(status: str) -> dict[str, str]:
    text, classes = ADVERT_STATUS_TAGS.get(status, (status.capitalize(), "govuk-tag--grey"))
    return {"text": text, "classes": classes}


def cycle_tag(status: str) -> dict[str, str]:
    text, classes = CYCLE_STATUS_TAGS.get(status, (status.capitalize(), "govuk-tag--grey"))
    return {"text": text, "classes": classes}


def address(advert: Advert) -> str:
    parts = (advert.address_line_1, advert.address_line_2, advert.town, advert.postcode)
    return ", ".join(part for part in parts if part)


def bedrooms(count: int) -> str:
    if count == 0:
        return "No separate bedroom"
    return "1 bedroom" if count == 1 else f"{count} bedrooms"


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def floor_words(floor: int) -> str:
    if floor == 0:
        return "Ground floor"
    if floor < 0:
        return f"{ordinal(-floor)} floor below ground"
    return f"{ordinal(floor)} floor"


def floor_and_lift(advert: Advert) -> str:
    """Which floor and whether there is a lift: "1st floor, no lift"; "Not given" for a house."""
    parts = []
    if advert.floor is not None:
        parts.append(floor_words(advert.floor))
    if advert.has_lift is not None:
        parts.append("with a lift" if advert.has_lift else "no lift")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:] if text else "Not given"


def _money(pence: int | None, every: str = "") -> str | None:
    amount = pounds_from_pence(pence)
    if amount is None:
        return None
    return f"{pounds(amount)} {every}".strip()


def money_rows(advert: Advert) -> list[tuple[str, str]]:
    """What the home costs, for its tenure."""
    rows: list[tuple[str, str | None]] = [
        ("Weekly rent", _money(advert.weekly_rent_pence, "a week")),
        ("Weekly service charge", _money(advert.weekly_service_charge_pence, "a week")),
        ("Full market value", _money(advert.market_value_pence)),
        ("Shares you can buy", _shares(advert)),
        ("Monthly rent on the share not bought", _money(advert.monthly_rent_pence, "a month")),
        ("Monthly service charge", _money(advert.monthly_service_charge_pence, "a month")),
        ("First Homes discount", f"{advert.discount_percent}%" if advert.discount_percent is not None else None),
    ]
    shown = [(label, text) for label, text in rows if text is not None]
    return shown or [("Cost", "Not given")]


def _shares(advert: Advert) -> str | None:
    low, high = advert.min_share_percent, advert.max_share_percent
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        return f"From {low}% to {high}%"
    return f"From {low}%" if low is not None else f"Up to {high}%"


def _ages(low: int | None, high: int | None) -> str | None:
    if low is not None and high is not None:
        return f"aged {low}" if low == high else f"aged {low} to {high}"
    if low is not None:
        return f"aged {low} or over"
    return f"aged {high} or under" if high is not None else None


def _need(low: int | None, high: int | None) -> str | None:
    if low is None and high is None:
        return None
    if low is not None and high is not None and low != high:
        return f"{low} to {high} bedrooms"
    if low is not None and high is not None:
        return bedrooms(low).lower() if low else "no separate bedroom"
    if low is not None:
        return f"{low} or more bedrooms"
    return f"{high} bedrooms or fewer" if high != 1 else "1 bedroom or fewer"


def restrictions(advert: Advert) -> list[str]:
    """Who may bid, in sentences; one sentence saying anyone on the register may, when there are no rules."""
    lines = []
    ages = _ages(advert.min_age, advert.max_age)
    if ages:
        lines.append(f"Only for applicants {ages}.")
    need = _need(advert.min_bedroom_need, advert.max_bedroom_need)
    if need:
        lines.append(f"Only for households who need {need}.")
    if advert.transfer_only:
        lines.append("Only for tenants of the council or a housing association who are moving home.")
    if advert.local_connection_only:
        lines.append("Only for households with a local connection.")
    return lines or ["Any household on the register can bid."]


def window(advert: Advert) -> str:
    cycle: BiddingCycle | None = advert.cycle
    if cycle is None:
        return "Not in a bidding cycle yet."
    return f"{cycle.name}: bids from {show_day(cycle.opens_on)} to {show_day(cycle.closes_on)}."


def detail_sections(advert: Advert) -> list[dict[str, Any]]:
    """The advert's details, grouped as the form groups them, each row a label and its words."""
    landlord = advert.landlord
    position = (
        f"{advert.latitude:.6g}, {advert.longitude:.6g}"
        if advert.latitude is not None and advert.longitude is not None
        else "Not given"
    )
    return [
        {
            "heading": "The home",
            "rows": [
                ("Landlord", f"{landlord.name} ({KIND_WORDS.get(landlord.kind, landlord.kind)})"),
                ("Tenure", TENURES.get(advert.tenure, advert.tenure)),
                ("Type of home", PROPERTY_TYPES.get(advert.property_type, advert.property_type)),
                ("Bedrooms", bedrooms(advert.bedrooms)),
                ("Floor and lift", floor_and_lift(advert)),
                ("Getting in and around", MOBILITY_CATEGORIES.get(advert.mobility, advert.mobility)),
                ("Access features", advert.accessibility or "None given"),
                ("Description", advert.description or "None given"),
            ],
        },
        {
            "heading": "Where it is",
            "rows": [
                ("Address", address(advert)),
                ("Area", advert.area or "Not given"),
                ("Map position", position),
            ],
        },
        {"heading": "What it costs", "rows": money_rows(advert)},
        {
            "heading": "Who can bid",
            "rows": [
                ("Rules", "\n".join(restrictions(advert))),
                ("Local lettings plan", advert.local_lettings_plan or "None"),
            ],
        },
        {"heading": "When", "rows": [("Bidding", window(advert))]},
    ]
