"""``housing-register afford``: one affordability case in, one result out (contract section 4).

Each product reads only the fields it uses (contract 4.1); anything else on
the line is ignored. A line that cannot be used raises ``LineError``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from portal.rules.affordability import (
    ZERO,
    AffordableRentCase,
    AffordResult,
    SocialRentCase,
    affordable_rent,
    social_rent,
)
from portal.rules.contract.fields import Fields, LineError, describe
from portal.rules.contract.output import money, ratio
from portal.rules.first_homes import DEFAULT_DISCOUNT_PERCENT, FirstHomesCase, first_homes
from portal.rules.scheme import SHIPPED_SCHEMES, Scheme, SchemeError, load_scheme, with_overrides
from portal.rules.shared_ownership import NetIncomeNeeded, SharedOwnershipCase, shared_ownership

PRODUCTS = ("social_rent", "affordable_rent", "shared_ownership", "first_homes")
MAX_DISCOUNT_PERCENT = Decimal(100)


def read_scheme(fields: Fields) -> Scheme:
    """``scheme`` and ``overrides`` (contract 1.7): the shipped scheme with this line's changes."""
    scheme_id = fields.choice("scheme", SHIPPED_SCHEMES, required=False, default="default")
    overrides = fields.obj("overrides")
    try:
        return with_overrides(load_scheme(scheme_id), overrides.data if overrides is not None else {})
    except SchemeError as error:
        raise LineError(str(error)) from error


def _net_income_for_rent(fields: Fields) -> Any:
    return fields.number("net_monthly_income", positive=True)


def _social_rent(fields: Fields, scheme: Scheme) -> AffordResult:
    case = SocialRentCase(
        weekly_rent=fields.number("weekly_rent"),
        service_charge_monthly=fields.number("service_charge_monthly", required=False, default=ZERO),
        housing_support_monthly=fields.number("housing_support_monthly", required=False, default=ZERO),
        net_monthly_income=_net_income_for_rent(fields),
    )
    return social_rent(case, scheme)


def _affordable_rent(fields: Fields, scheme: Scheme) -> AffordResult:
    market_rent = fields.number("market_rent_monthly")
    lha = fields.number("lha_weekly", required=False, default=None)
    service = fields.number("service_charge_monthly", required=False, default=ZERO)
    if service != 0:
        raise LineError(
            "service_charge_monthly must be absent or 0 for affordable_rent, because the market rent already "
            f"includes service charges, not {describe(fields.raw('service_charge_monthly'))}."
        )
    case = AffordableRentCase(
        market_rent_monthly=market_rent,
        lha_weekly=lha,
        housing_support_monthly=fields.number("housing_support_monthly", required=False, default=ZERO),
        net_monthly_income=_net_income_for_rent(fields),
    )
    return affordable_rent(case, scheme)


def _shared_ownership(fields: Fields, scheme: Scheme) -> AffordResult:
    case = SharedOwnershipCase(
        market_value=fields.number("market_value", positive=True),
        gross_annual_income=fields.number("gross_annual_income"),
        savings=fields.number("savings"),
        london=fields.boolean("london"),
        net_monthly_income=fields.number("net_monthly_income", required=False, default=None),
        service_charge_monthly=fields.number("service_charge_monthly", required=False, default=ZERO),
    )
    try:
        return shared_ownership(case, scheme)
    except NetIncomeNeeded as error:
        raise LineError(
            "net_monthly_income is required for this shared_ownership case, because the cost check runs."
        ) from error


def _first_homes(fields: Fields, scheme: Scheme) -> AffordResult:
    case = FirstHomesCase(
        market_value=fields.number("market_value", positive=True),
        gross_annual_income=fields.number("gross_annual_income"),
        savings=fields.number("savings"),
        first_time_buyer=fields.boolean("first_time_buyer", required=True),
        discount_percent=fields.number(
            "discount_percent", required=False, default=DEFAULT_DISCOUNT_PERCENT, maximum=MAX_DISCOUNT_PERCENT
        ),
        london=fields.boolean("london"),
        net_monthly_income=fields.number("net_monthly_income", required=False, default=None),
    )
    return first_homes(case, scheme)


_PRODUCTS = {
    "social_rent": _social_rent,
    "affordable_rent": _affordable_rent,
    "shared_ownership": _shared_ownership,
    "first_homes": _first_homes,
}


def result_object(identifier: str, result: AffordResult) -> dict[str, Any]:
    """The output object of contract 4.2, rounded for output (numbers stay exact decimals)."""
    return {
        "id": identifier,
        "eligible": result.eligible,
        "affordable": result.affordable,
        "max_share_percent": result.max_share_percent,
        "monthly_rent": money(result.monthly_rent),
        "monthly_cost": money(result.monthly_cost),
        "ratio": ratio(result.ratio),
        "price": money(result.price),
        "reasons": list(result.reasons),
        "explanation": [sentence.text() for sentence in result.sentences],
    }


def afford_line(data: dict[str, Any]) -> dict[str, Any]:
    """One input object of contract 4.1 to its output object (4.2); raises ``LineError`` if malformed."""
    fields = Fields(data)
    identifier = fields.string("id", non_empty=True)
    product = fields.choice("product", PRODUCTS)
    scheme = read_scheme(fields)
    return result_object(identifier, _PRODUCTS[product](fields, scheme))
