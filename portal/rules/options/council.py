"""Council files: the local contacts, helplines and typical figures the housing options advice uses.

A council file is TOML. Every key is checked when the file is loaded; a
missing, unknown or invalid key raises ``CouncilError`` naming the key (for
example ``helplines[2].phone``). Money is read as exact decimals. Optional
values are left out, or take the string ``"none"`` where the file format
says so (TOML has no null).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

SHIPPED_COUNCIL = Path(__file__).resolve().parent / "councils" / "example.toml"

HELPLINE_PURPOSES = (
    "homelessness",
    "domestic_abuse",
    "mens_domestic_abuse",
    "lgbt_abuse",
    "mental_health",
    "rough_sleeping",
    "veterans",
    "young_people",
    "housing_advice",
)
HOURS = ("always", "weekdays", "every_day")
LINK_KEYS = ("mutual_exchange", "right_to_move", "armed_forces", "shared_ownership", "first_homes", "homelessness")
LHA_KEYS = ("shared", "1", "2", "3", "4")
BANDS = (1, 2, 3, 4)
RENT_BEDROOMS = (1, 2, 3, 4, 5)
VALUE_BEDROOMS = (1, 2, 3, 4)
WAIT_BEDROOMS = (1, 2, 3, 4, 5)
AGE_RANGE = (40, 100)
DEPOSIT_WEEKS_RANGE = (1, 13)
MONTHS_RANGE = (0, 600)
WEEKLY_RENT_MAXIMUM = Decimal(5_000)
MONTHLY_RENT_MAXIMUM = Decimal(25_000)
SERVICE_CHARGE_MAXIMUM = Decimal(5_000)
HOME_VALUE_MAXIMUM = Decimal(10_000_000)

_PHONE = re.compile(r"^\+?[0-9](?:[0-9 ]*[0-9])?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_URL = re.compile(r"^https://[^\s/]+\.[^\s]+$")


class CouncilError(ValueError):
    """A council file has a missing, unknown or invalid key."""


@dataclass(frozen=True)
class OpeningHours:
    """When a phone line is open: ``hours`` is "always", "weekdays" or "every_day"."""

    hours: str
    opens: str | None  # "09:00"; None when hours == "always"
    closes: str | None


@dataclass(frozen=True)
class Helpline:
    purpose: str  # one of HELPLINE_PURPOSES
    name: str  # shown as written (a proper noun, not translated)
    phone: str  # "" only when there is a url
    hours: str  # "always" | "weekdays" | "every_day"
    opens: str | None
    closes: str | None
    url: str | None


@dataclass(frozen=True)
class WaitEstimate:
    """A configured estimate of the wait for a band and home size; ``max_months`` None means "more than min"."""

    band: int
    bedrooms: int
    min_months: int | None
    max_months: int | None


@dataclass(frozen=True)
class Council:
    name: str
    area_name: str
    london: bool
    homelessness_phone: str
    homelessness_email: str
    homelessness_hours: OpeningHours
    out_of_hours_phone: str
    helplines: tuple[Helpline, ...]
    lha_area: str
    lha_weekly: Mapping[str, Decimal]
    social_rent_weekly: Mapping[int, Decimal]
    market_rent_monthly: Mapping[int, Decimal]
    service_charge_monthly: Decimal
    shared_ownership_value: Mapping[int, Decimal]
    first_homes_value: Mapping[int, Decimal]
    first_homes_discount_percent: Decimal
    deposit_help: bool
    deposit_help_weeks: int
    sheltered_min_age: int
    extra_care_min_age: int
    wait_estimates: tuple[WaitEstimate, ...]
    links: Mapping[str, str]

    def helplines_for(self, purpose: str) -> tuple[Helpline, ...]:
        return tuple(helpline for helpline in self.helplines if helpline.purpose == purpose)

    def wait_for(self, band: int, bedrooms: int) -> WaitEstimate | None:
        """The estimate for a band and bedroom need; needs above the largest size use the largest size."""
        sizes = [estimate for estimate in self.wait_estimates if estimate.band == band]
        if not sizes:
            return None
        exact = [estimate for estimate in sizes if estimate.bedrooms == bedrooms]
        if exact:
            return exact[0]
        larger = max(sizes, key=lambda estimate: estimate.bedrooms)
        return larger if bedrooms > larger.bedrooms else None


# Reading values -------------------------------------------------------------------------------------------------


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _fail(key: str, wanted: str, value: Any) -> CouncilError:
    return CouncilError(f"{key} must be {wanted}, not {_describe(value)}.")


class _Table:
    """One TOML table, read key by key; ``done`` then reports any key that was not read."""

    def __init__(self, data: Any, prefix: str) -> None:
        if not isinstance(data, dict):
            raise _fail(prefix.rstrip("."), "a table", data)
        self.data = data
        self.prefix = prefix
        self.read: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def value(self, name: str, optional: bool = False) -> Any:
        self.read.add(name)
        if name not in self.data:
            if optional:
                return None
            raise CouncilError(f"{self.key(name)} is missing.")
        return self.data[name]

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.read)
        if unknown:
            raise CouncilError(f"{self.key(unknown[0])} is not a known key.")

    def text(self, name: str, pattern: re.Pattern[str] | None = None, wanted: str = "some text") -> str:
        value = self.value(name)
        if not isinstance(value, str) or not value.strip() or (pattern is not None and not pattern.match(value)):
            raise _fail(self.key(name), wanted, value)
        return value.strip()

    def optional_text(self, name: str, pattern: re.Pattern[str], wanted: str) -> str | None:
        value = self.value(name, optional=True)
        if value is None or value == "none":
            return None
        if not isinstance(value, str) or not pattern.match(value):
            raise _fail(self.key(name), wanted + ' or "none"', value)
        return value

    def flag(self, name: str) -> bool:
        value = self.value(name)
        if not isinstance(value, bool):
            raise _fail(self.key(name), "true or false", value)
        return value

    def whole(self, name: str, bounds: tuple[int, int]) -> int:
        value = self.value(name)
        return _whole(self.key(name), value, bounds)

    def optional_whole(self, name: str, bounds: tuple[int, int]) -> int | None:
        value = self.value(name, optional=True)
        if value is None or value == "none":
            return None
        return _whole(self.key(name), value, bounds, ' or "none"')

    def money(self, name: str, maximum: Decimal, *, allow_zero: bool = True) -> Decimal:
        return _money(self.key(name), self.value(name), maximum, allow_zero=allow_zero)

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        value = self.value(name)
        if value not in choices:
            raise _fail(self.key(name), "one of " + ", ".join(choices), value)
        return str(value)


def _whole(key: str, value: Any, bounds: tuple[int, int], extra: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not bounds[0] <= value <= bounds[1]:
        raise _fail(key, f"a whole number from {bounds[0]} to {bounds[1]}{extra}", value)
    return value


def _money(key: str, value: Any, maximum: Decimal, *, allow_zero: bool = True) -> Decimal:
    wanted = f"an amount {'from 0' if allow_zero else 'more than 0'} up to {maximum}"
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _fail(key, wanted, value)
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0 or (amount == 0 and not allow_zero) or amount > maximum:
        raise _fail(key, wanted, value)
    return amount


def _amounts(
    data: Any, prefix: str, keys: tuple[Any, ...], maximum: Decimal, convert: Callable[[str], Any] = int
) -> Mapping[Any, Decimal]:
    table = _Table(data, prefix + ".")
    amounts = {convert(str(key)): table.money(str(key), maximum, allow_zero=False) for key in keys}
    table.done()
    return MappingProxyType(amounts)


def _hours(table: _Table) -> OpeningHours:
    hours = table.choice("hours", HOURS)
    if hours == "always":
        for name in ("opens", "closes"):
            if table.value(name, optional=True) is not None:
                raise CouncilError(f'{table.key(name)} must be left out when hours is "always".')
        return OpeningHours(hours, None, None)
    opens = table.text("opens", _TIME, 'a time such as "09:00"')
    closes = table.text("closes", _TIME, 'a time such as "17:00"')
    if closes <= opens:
        raise CouncilError(f"{table.key('closes')} must be later than opens ({opens}), not {closes}.")
    return OpeningHours(hours, opens, closes)


def _helpline(data: Any, prefix: str) -> Helpline:
    table = _Table(data, prefix + ".")
    purpose = table.choice("purpose", HELPLINE_PURPOSES)
    name = table.text("name")
    url = table.optional_text("url", _URL, "an https:// address")
    phone = table.value("phone", optional=True)
    if phone is None or phone == "":
        if url is None:
            raise CouncilError(f"{table.key('phone')} is needed when there is no url.")
        phone = ""
    elif not isinstance(phone, str) or not _PHONE.match(phone):
        raise _fail(table.key("phone"), 'a phone number such as "0808 2000 247"', phone)
    hours = _hours(table)
    table.done()
    return Helpline(purpose, name, phone, hours.hours, hours.opens, hours.closes, url)


def _wait(data: Any, prefix: str) -> WaitEstimate:
    table = _Table(data, prefix + ".")
    band = table.whole("band", (BANDS[0], BANDS[-1]))
    bedrooms = table.whole("bedrooms", (WAIT_BEDROOMS[0], WAIT_BEDROOMS[-1]))
    low = table.optional_whole("min_months", MONTHS_RANGE)
    high = table.optional_whole("max_months", MONTHS_RANGE)
    table.done()
    if low is None and high is None:
        raise CouncilError(f"{prefix} needs min_months, max_months or both.")
    if low is not None and high is not None and high < low:
        raise CouncilError(f"{prefix}.max_months must be {low} or more, not {high}.")
    return WaitEstimate(band, bedrooms, low, high)


def _list(value: Any, key: str, *, needed: bool = True) -> list[Any]:
    if not isinstance(value, list) or (needed and not value):
        raise _fail(key, "a list of tables with at least one entry", value)
    return value


def council_from_mapping(data: Mapping[str, Any]) -> Council:
    """Check a council's settings, read from TOML, and return them typed."""
    top = _Table(dict(data), "")
    name = top.text("name")
    area_name = top.text("area_name")
    london = top.flag("london")

    contact = _Table(top.value("homelessness"), "homelessness.")
    phone = contact.text("phone", _PHONE, 'a phone number such as "01234 567890"')
    email = contact.text("email", _EMAIL, "an email address")
    out_of_hours = contact.text("out_of_hours_phone", _PHONE, 'a phone number such as "01234 567999"')
    opening = _hours(contact)
    contact.done()

    helplines = tuple(
        _helpline(item, f"helplines[{index}]") for index, item in enumerate(_list(top.value("helplines"), "helplines"))
    )
    lha_area = top.text("lha_area")
    lha = _amounts(top.value("lha_weekly"), "lha_weekly", LHA_KEYS, WEEKLY_RENT_MAXIMUM, convert=str)
    social = _amounts(top.value("social_rent_weekly"), "social_rent_weekly", RENT_BEDROOMS, WEEKLY_RENT_MAXIMUM)
    market = _amounts(top.value("market_rent_monthly"), "market_rent_monthly", RENT_BEDROOMS, MONTHLY_RENT_MAXIMUM)
    service = top.money("service_charge_monthly", SERVICE_CHARGE_MAXIMUM)
    so_value = _amounts(
        top.value("shared_ownership_value"), "shared_ownership_value", VALUE_BEDROOMS, HOME_VALUE_MAXIMUM
    )
    fh_value = _amounts(top.value("first_homes_value"), "first_homes_value", VALUE_BEDROOMS, HOME_VALUE_MAXIMUM)
    discount = top.money("first_homes_discount_percent", Decimal(99), allow_zero=False)
    deposit_help = top.flag("deposit_help")
    deposit_weeks = top.whole(
        "deposit_help_weeks", (DEPOSIT_WEEKS_RANGE[0] if deposit_help else 0, DEPOSIT_WEEKS_RANGE[1])
    )
    sheltered_age = top.whole("sheltered_min_age", AGE_RANGE)
    extra_care_age = top.whole("extra_care_min_age", AGE_RANGE)

    waits = tuple(
        _wait(item, f"wait_estimates[{index}]")
        for index, item in enumerate(_list(top.value("wait_estimates"), "wait_estimates"))
    )
    seen: set[tuple[int, int]] = set()
    for index, wait in enumerate(waits):
        if (wait.band, wait.bedrooms) in seen:
            raise CouncilError(
                f"wait_estimates[{index}] repeats band {wait.band} with {wait.bedrooms} bedrooms; give each once."
            )
        seen.add((wait.band, wait.bedrooms))

    link_table = _Table(top.value("links"), "links.")
    links = {}
    for key in LINK_KEYS:
        url = link_table.optional_text(key, _URL, "an https:// address")
        if url is not None:
            links[key] = url
    link_table.done()
    top.done()
    return Council(
        name=name,
        area_name=area_name,
        london=london,
        homelessness_phone=phone,
        homelessness_email=email,
        homelessness_hours=opening,
        out_of_hours_phone=out_of_hours,
        helplines=helplines,
        lha_area=lha_area,
        lha_weekly=lha,
        social_rent_weekly=social,
        market_rent_monthly=market,
        service_charge_monthly=service,
        shared_ownership_value=so_value,
        first_homes_value=fh_value,
        first_homes_discount_percent=discount,
        deposit_help=deposit_help,
        deposit_help_weeks=deposit_weeks,
        sheltered_min_age=sheltered_age,
        extra_care_min_age=extra_care_age,
        wait_estimates=waits,
        links=MappingProxyType(links),
    )


def load_council(path: str | None) -> Council:
    """Load and check a council file; ``None`` loads the shipped example council."""
    file = Path(path) if path else SHIPPED_COUNCIL
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise CouncilError(f"The council file {file} cannot be read: {error.strerror or error}.") from error
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise CouncilError(f"{file.name} is not valid TOML: {error}.") from error
    try:
        return council_from_mapping(data)
    except CouncilError as error:
        raise CouncilError(f"{file.name}: {error}") from error
