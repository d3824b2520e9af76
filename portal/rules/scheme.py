"""Scheme files: every parameter a council can change, validated when loaded.

A scheme file is TOML with one value for each parameter in
``portal.rules.parameters``. Parameters that may be switched off take the
string ``"none"`` (TOML has no null). Money and fractions are read as exact
decimals. Loading fails with a message naming the bad key and value.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from portal.rules.parameters import BY_NAME, PARAMETERS, Parameter

SCHEME_FOLDER = Path(__file__).resolve().parent / "schemes"
SHIPPED_SCHEMES = ("default", "hampshire")


class SchemeError(ValueError):
    """A scheme file or an override has a missing, unknown or invalid parameter."""


@dataclass(frozen=True)
class Scheme:
    """One council's allocation scheme: a value for every parameter."""

    scheme_id: str
    min_age: int
    residence_months: int
    employment_months: int
    employment_min_hours_week: Decimal
    employment_must_be_permanent: bool
    close_family_years: int | None
    medical_connection_route: bool
    income_cap: Decimal
    savings_cap: Decimal
    homeowner_excluded: bool
    unacceptable_behaviour_excluded: bool
    housing_need_required: bool
    local_exemptions: tuple[str, ...]
    af_extend_exemption: bool
    bedroom_model: str
    count_unborn_from_week: int | None
    extra_room_overnight_carer: bool
    extra_room_disabled_child: bool
    extra_room_couple_cannot_share: bool
    extra_room_foster_adopt: bool
    max_bedroom_need: int | None
    overcrowding_not_assessed_types: tuple[str, ...]
    cumulative_uplift: bool
    reduced_preference_arrears: Decimal
    reduced_preference_offers_refused: int
    reduced_preference_deliberate_worsening: bool
    pd_policy: str
    homelessness_notice_days: int
    change_effective_from: str
    rent_ratio_max: Decimal
    affordable_rent_fraction: Decimal
    cap_affordable_rent_at_lha: bool
    retained_savings: Decimal
    mortgage_multiple: Decimal
    mortgage_rate: Decimal
    mortgage_term_months: int
    so_income_cap: Decimal
    so_income_cap_london: Decimal
    so_min_deposit_fraction: Decimal
    so_min_share: Decimal
    so_max_share: Decimal
    so_rent_rate: Decimal
    so_cost_check: str
    so_cost_ratio_max: Decimal
    first_homes_enabled: bool
    fh_min_discount_percent: Decimal
    fh_price_cap: Decimal
    fh_price_cap_london: Decimal
    fh_income_cap: Decimal
    fh_income_cap_london: Decimal
    fh_min_mortgage_fraction: Decimal
    fh_min_deposit_fraction: Decimal


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_KIND_WORDS = {
    "int": "a whole number of {minimum} or more",
    "int_or_null": "a whole number of 0 or more, or none",
    "number": "a number of 0 or more",
    "money": "an amount of money of 0 or more",
    "fraction": "a fraction between 0 and 1",
    "bool": "true or false",
}


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return None


def convert_value(parameter: Parameter, value: Any, *, null: object = None) -> Any:
    """Check one parameter value and return it in the engine's type.

    ``null`` is the value that means "switched off": JSON null in overrides,
    the string "none" in scheme files.
    """
    kind = parameter.kind
    wrong = SchemeError(
        f"{parameter.name} must be "
        + (
            _KIND_WORDS[kind].format(minimum=parameter.minimum)
            if kind in _KIND_WORDS
            else "one of " + ", ".join(parameter.choices)
            if kind == "choice"
            else "a list of " + ", ".join(parameter.choices)
        )
        + f", not {_describe(value)}."
    )
    if kind == "bool":
        if isinstance(value, bool):
            return value
        raise wrong
    if kind == "choice":
        if isinstance(value, str) and value in parameter.choices:
            return value
        raise wrong
    if kind == "list":
        if isinstance(value, list) and all(isinstance(v, str) and v in parameter.choices for v in value):
            return tuple(value)
        raise wrong
    if kind == "int_or_null" and (value is None if null is None else value == null):
        return None
    if kind in ("int", "int_or_null"):
        number = _whole_number(value)
        if number is None or number < parameter.minimum:
            raise wrong
        return number
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise wrong
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0 or (kind == "fraction" and amount > 1):
        raise wrong
    return amount


def scheme_from_mapping(scheme_id: str, values: Mapping[str, Any], *, null: object = None) -> Scheme:
    unknown = sorted(set(values) - set(BY_NAME))
    if unknown:
        raise SchemeError(f"Scheme {scheme_id!r} has an unknown parameter: {unknown[0]}.")
    missing = [parameter.name for parameter in PARAMETERS if parameter.name not in values]
    if missing:
        raise SchemeError(f"Scheme {scheme_id!r} is missing the parameter {missing[0]}.")
    converted = {name: convert_value(BY_NAME[name], value, null=null) for name, value in values.items()}
    return Scheme(scheme_id=scheme_id, **converted)


def load_scheme_file(path: Path) -> Scheme:
    """Load and check a council's scheme file; values that may be unlawful raise a SchemeWarning."""
    from portal.rules.scheme_checks import warn_about

    scheme = _read_scheme_file(path)
    warn_about(scheme)
    return scheme


def _read_scheme_file(path: Path) -> Scheme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise SchemeError(f"{path.name} is not valid TOML: {error}.") from error
    try:
        return scheme_from_mapping(path.stem, data, null="none")
    except SchemeError as error:
        raise SchemeError(f"{path.name}: {error}") from error


_CACHE: dict[str, Scheme] = {}


def load_scheme(scheme_id: str) -> Scheme:
    """A shipped scheme by its id, loaded and validated once."""
    if scheme_id not in SHIPPED_SCHEMES:
        raise SchemeError(f"scheme must be one of {', '.join(SHIPPED_SCHEMES)}, not {_describe(scheme_id)}.")
    if scheme_id not in _CACHE:
        _CACHE[scheme_id] = load_scheme_file(SCHEME_FOLDER / f"{scheme_id}.toml")
    return _CACHE[scheme_id]


def with_overrides(scheme: Scheme, overrides: Mapping[str, Any]) -> Scheme:
    """The scheme with some parameters replaced (JSON values; null switches a parameter off)."""
    if not overrides:
        return scheme
    changes: dict[str, Any] = {}
    for name, value in overrides.items():
        parameter = BY_NAME.get(name)
        if parameter is None:
            raise SchemeError(f"overrides has an unknown parameter: {name}.")
        try:
            changes[name] = convert_value(parameter, value)
        except SchemeError as error:
            raise SchemeError(f"overrides.{error}") from error
    return replace(scheme, **changes)


def scheme_as_dict(scheme: Scheme) -> dict[str, Any]:
    return {f.name: getattr(scheme, f.name) for f in fields(scheme)}
