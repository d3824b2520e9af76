"""Search filters for adverts, shared by the search page, property alerts and auto-bidding.

``clean_filters`` turns anything (a query string, a saved search, a form) into
one canonical dict, dropping what it does not know and never raising:

- ``tenure``, ``property_type``, ``mobility``: lists of keys of ``kinds.TENURES``,
  ``kinds.PROPERTY_TYPES`` and ``kinds.MOBILITY_CATEGORIES``, in the order of those
  lists, each once; an empty list means any.
- ``area``: text with spaces tidied, "" for any area.
- ``min_bedrooms``, ``max_bedrooms``: whole numbers from 0 to 20, or None; given the
  wrong way round they are swapped.
- ``max_weekly_rent``: pounds and pence as a string ("120.50"), or None. "£1,200" is
  read as 1200.00; anything past the pence is dropped.

``matches`` says whether a home meets every filter that is set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from portal.rules.lettings.facts import Home
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES

FILTER_KEYS = ("tenure", "area", "min_bedrooms", "max_bedrooms", "property_type", "mobility", "max_weekly_rent")
MOST_BEDROOMS = 20
MOST_RENT = Decimal(100_000)
AREA_LENGTH = 100
PENNY = Decimal("0.01")

#: Homes someone who cannot manage steps can get into: the mobility filter for a step-free need.
STEP_FREE_MOBILITY = ("wheelchair", "wheelchair_partial", "step_free")

_CHOICES: dict[str, tuple[str, ...]] = {
    "tenure": tuple(TENURES),
    "property_type": tuple(PROPERTY_TYPES),
    "mobility": tuple(MOBILITY_CATEGORIES),
}


def _values(raw: Mapping[str, Any], key: str) -> list[Any]:
    """Every value given for ``key``: from a multi-valued mapping (a query string), a list, or one value."""
    getlist = getattr(raw, "getlist", None)
    if callable(getlist):
        try:
            found = list(getlist(key))
        except (TypeError, ValueError):
            found = []
    else:
        value = raw.get(key)
        found = list(value) if isinstance(value, list | tuple | set | frozenset) else [value]
    return [value for value in found if value is not None]


def _first(raw: Mapping[str, Any], key: str) -> Any:
    for value in _values(raw, key):
        if not (isinstance(value, str) and not value.strip()):
            return value
    return None


def _choices(raw: Mapping[str, Any], key: str) -> list[str]:
    given: set[str] = set()
    for value in _values(raw, key):
        if isinstance(value, str):
            given.update(part.strip() for part in value.split(","))
    return [choice for choice in _CHOICES[key] if choice in given]


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and 0 < len(value.strip()) <= 4 and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if 0 <= number <= MOST_BEDROOMS else None


def _money(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip().replace(",", "").removeprefix("£").strip()
    if not text or len(text) > 20:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount > MOST_RENT:
        return None
    return str(abs(amount).quantize(PENNY, rounding=ROUND_DOWN))


def _area(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())[:AREA_LENGTH]


def clean_filters(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical filters from ``raw``; unknown keys and values are dropped. Never raises."""
    if not isinstance(raw, Mapping):
        raw = {}
    low = _whole_number(_first(raw, "min_bedrooms"))
    high = _whole_number(_first(raw, "max_bedrooms"))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return {
        "tenure": _choices(raw, "tenure"),
        "area": _area(_first(raw, "area")),
        "min_bedrooms": low,
        "max_bedrooms": high,
        "property_type": _choices(raw, "property_type"),
        "mobility": _choices(raw, "mobility"),
        "max_weekly_rent": _money(_first(raw, "max_weekly_rent")),
    }


def is_empty(filters: Mapping[str, Any]) -> bool:
    """Whether the filters ask for nothing (every open home matches)."""
    return clean_filters(filters) == clean_filters({})


def weekly_cost(home: Home) -> Decimal | None:
    """Rent and service charge a week; None for a home without a weekly rent (homes to buy)."""
    if home.weekly_rent is None:
        return None
    return home.weekly_rent + (home.weekly_service_charge or Decimal(0))


def matcher(filters: Mapping[str, Any]) -> Callable[[Home], bool]:
    """A test of whether a home meets every filter that is set, with the filters cleaned once.

    The area is compared without regard to case or extra spaces. The rent filter
    compares rent and service charge together, and a home with no weekly rent
    does not meet it.
    """
    wanted = clean_filters(filters)
    area = wanted["area"].casefold() if wanted["area"] else ""
    max_rent = Decimal(wanted["max_weekly_rent"]) if wanted["max_weekly_rent"] is not None else None

    def meets(home: Home) -> bool:
        if wanted["tenure"] and home.tenure not in wanted["tenure"]:
            return False
        if area and area != " ".join(home.area.split()).casefold():
            return False
        if wanted["min_bedrooms"] is not None and home.bedrooms < wanted["min_bedrooms"]:
            return False
        if wanted["max_bedrooms"] is not None and home.bedrooms > wanted["max_bedrooms"]:
            return False
        if wanted["property_type"] and home.property_type not in wanted["property_type"]:
            return False
        if wanted["mobility"] and home.mobility not in wanted["mobility"]:
            return False
        if max_rent is not None:
            cost = weekly_cost(home)
            if cost is None or cost > max_rent:
                return False
        return True

    return meets


def matches(filters: Mapping[str, Any], home: Home) -> bool:
    """True when the home meets every filter that is set (see ``matcher``)."""
    return matcher(filters)(home)
