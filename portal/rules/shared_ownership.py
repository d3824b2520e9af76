"""Shared ownership: the largest affordable initial share (allocation scheme, section 10.3).

Steps 1 and 4 decide eligibility (both always run); steps 5 and 6 find the
largest share the deposit, the mortgage and the scheme's maximum allow; step 7
(the cost check, in London by default) may lower it. The limits are compared
as exact rational numbers, so a limit that binds is never missed by rounding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

from portal.rules.affordability import (
    ADVICE_ONLY,
    CONTEXT,
    HUNDRED,
    ONE,
    TWELVE,
    ZERO,
    AffordResult,
    cost_ratio,
    floor100,
    percent,
    pounds,
    repayment_factor,
    sorted_codes,
)
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

INCOME_OVER_CAP = "SO-INCOME-OVER-CAP"
CAN_BUY_OPEN_MARKET = "SO-CAN-BUY-OPEN-MARKET"
BELOW_MIN_SHARE = "SO-BELOW-MIN-SHARE"
LIMITED_BY_FUNDS = "SO-LIMITED-BY-FUNDS"
LIMITED_BY_DEPOSIT = "SO-LIMITED-BY-DEPOSIT"
LIMITED_BY_MAX_SHARE = "SO-LIMITED-BY-MAX-SHARE"
LIMITED_BY_COST = "SO-LIMITED-BY-COST"


class NetIncomeNeeded(ValueError):
    """The cost check runs (step 7) but no net monthly income was given."""


@dataclass(frozen=True)
class SharedOwnershipCase:
    market_value: Decimal  # V, more than 0
    gross_annual_income: Decimal  # G
    savings: Decimal
    london: bool = False
    net_monthly_income: Decimal | None = None  # N, needed when the cost check runs
    service_charge_monthly: Decimal = ZERO  # S


@dataclass(frozen=True)
class ShareLimits:
    """Steps 1 to 6: eligibility, the funds, and the share cap with the limits that bind."""

    eligible: bool
    codes: tuple[str, ...]  # step 1 and 4 failures when not eligible; else the binding limits (step 5)
    deposit_funds: Decimal  # D
    max_mortgage: Decimal  # Lmax
    share_cap: int | None  # p_cap, whole percents; None when not eligible
    min_share: int  # the smallest whole percent at or above 100 × so_min_share

    @property
    def reaches_min_share(self) -> bool:
        return self.share_cap is not None and self.share_cap >= self.min_share


def income_cap(scheme: Scheme, london: bool) -> Decimal:
    return scheme.so_income_cap_london if london else scheme.so_income_cap


def cost_check_applies(scheme: Scheme, london: bool) -> bool:
    """Whether the scheme runs the cost check for this home (step 7)."""
    return scheme.so_cost_check == "always" or (scheme.so_cost_check == "london_only" and london)


def share_limits(case: SharedOwnershipCase, scheme: Scheme) -> ShareLimits:
    """Steps 1 to 6 of spec 10.3."""
    value = case.market_value
    with localcontext(CONTEXT):
        deposit = max(ZERO, case.savings - scheme.retained_savings)
        mortgage = scheme.mortgage_multiple * case.gross_annual_income
        funds = deposit + mortgage
    min_share = math.ceil(Fraction(scheme.so_min_share) * 100)
    failures = []
    if case.gross_annual_income > income_cap(scheme, case.london):
        failures.append(INCOME_OVER_CAP)
    if funds >= value:
        failures.append(CAN_BUY_OPEN_MARKET)
    if failures:
        return ShareLimits(False, tuple(failures), deposit, mortgage, None, min_share)
    limits = {
        LIMITED_BY_FUNDS: Fraction(funds) / Fraction(value),
        LIMITED_BY_MAX_SHARE: Fraction(scheme.so_max_share),
    }
    if scheme.so_min_deposit_fraction > 0:
        limits[LIMITED_BY_DEPOSIT] = Fraction(deposit) / (Fraction(scheme.so_min_deposit_fraction) * Fraction(value))
    smallest = min(limits.values())
    binding = tuple(code for code, limit in limits.items() if limit == smallest)
    share_cap = math.floor(smallest * 100)
    return ShareLimits(True, binding, deposit, mortgage, share_cap, min_share)


def twelve_times_cost(
    share: Decimal, case: SharedOwnershipCase, scheme: Scheme, deposit: Decimal, factor: Decimal
) -> Decimal:
    """``12 × cost(s)``: twelve months of mortgage, rent and service charge (step 7).

    Kept as twelve times the monthly cost so that the rent, a yearly rate, stays exact.
    """
    value = case.market_value
    with localcontext(CONTEXT):
        loan = max(ZERO, share * value - deposit)
        return (
            TWELVE * loan * factor + (ONE - share) * value * scheme.so_rent_rate + TWELVE * case.service_charge_monthly
        )


def cost_check_runs(case: SharedOwnershipCase, scheme: Scheme) -> bool:
    """Whether step 7 is reached for this case (so the net monthly income is needed)."""
    limits = share_limits(case, scheme)
    return limits.eligible and limits.reaches_min_share and cost_check_applies(scheme, case.london)


def shared_ownership(case: SharedOwnershipCase, scheme: Scheme) -> AffordResult:
    """The largest affordable initial share (spec 10.3).

    Raises ``NetIncomeNeeded`` when the cost check runs and ``case.net_monthly_income`` is None.
    """
    limits = share_limits(case, scheme)
    if not limits.eligible:
        return _ineligible(case, scheme, limits)
    sentences = _limit_sentences(case, scheme, limits)
    cap = limits.share_cap
    assert cap is not None
    if not limits.reaches_min_share:
        sentences.append(_below_minimum(scheme))
        return _not_affordable((BELOW_MIN_SHARE, *limits.codes), sentences)
    share = cap
    codes: tuple[str, ...] = limits.codes
    factor = repayment_factor(scheme.mortgage_rate, scheme.mortgage_term_months)
    if cost_check_applies(scheme, case.london):
        income = case.net_monthly_income
        if income is None:
            raise NetIncomeNeeded("net_monthly_income is needed for the shared ownership cost check.")
        with localcontext(CONTEXT):
            budget = TWELVE * scheme.so_cost_ratio_max * income
        passing = (
            p
            for p in range(cap, limits.min_share - 1, -1)
            if twelve_times_cost(Decimal(p) / HUNDRED, case, scheme, limits.deposit_funds, factor) <= budget
        )
        found = next(passing, None)
        params = {"limit": percent(scheme.so_cost_ratio_max), "income": pounds(income)}
        if found is None:
            sentences.append(
                Sentence(
                    N_(
                        "The monthly cost of even the smallest share would be more than %(limit)s of your "
                        "take-home pay of %(income)s a month."
                    ),
                    "10.3 step 7",
                    params,
                )
            )
            sentences.append(_below_minimum(scheme))
            return _not_affordable((BELOW_MIN_SHARE, LIMITED_BY_COST), sentences)
        if found < cap:
            share, codes = found, (LIMITED_BY_COST,)
            sentences.append(
                Sentence(
                    N_(
                        "To keep the monthly cost to no more than %(limit)s of your take-home pay of %(income)s a "
                        "month, the largest share is %(share)s%%."
                    ),
                    "10.3 step 7",
                    {**params, "share": share},
                )
            )
    fraction = Decimal(share) / HUNDRED
    with localcontext(CONTEXT):
        rent = (ONE - fraction) * case.market_value * scheme.so_rent_rate / TWELVE
        cost = twelve_times_cost(fraction, case, scheme, limits.deposit_funds, factor) / TWELVE
    sentences.append(
        Sentence(
            N_(
                "With a %(share)s%% share, the rent on the part you do not own would be %(rent)s a month. "
                "With the mortgage and any service charge, the total would be about %(cost)s a month."
            ),
            "10.3 step 8",
            {"share": share, "rent": pounds(rent), "cost": pounds(cost)},
        )
    )
    sentences.append(ADVICE_ONLY)
    return AffordResult(
        eligible=True,
        affordable=True,
        reasons=sorted_codes(codes),
        sentences=tuple(sentences),
        max_share_percent=share,
        monthly_rent=rent,
        monthly_cost=cost,
        ratio=cost_ratio(cost, case.net_monthly_income),
    )


def _ineligible(case: SharedOwnershipCase, scheme: Scheme, limits: ShareLimits) -> AffordResult:
    sentences = []
    if INCOME_OVER_CAP in limits.codes:
        sentences.append(
            Sentence(
                N_(
                    "Your household income of %(income)s a year is more than the shared ownership limit of "
                    "%(cap)s, so shared ownership may not be open to you."
                ),
                "10.3 step 1",
                {"income": pounds(case.gross_annual_income), "cap": pounds(income_cap(scheme, case.london))},
            )
        )
    if CAN_BUY_OPEN_MARKET in limits.codes:
        with localcontext(CONTEXT):
            funds = limits.deposit_funds + limits.max_mortgage
        sentences.append(
            Sentence(
                N_(
                    "Your savings and the most you could borrow add up to %(funds)s. That is enough to buy this "
                    "home worth %(value)s outright, so shared ownership is not needed."
                ),
                "10.3 step 4",
                {"funds": pounds(funds), "value": pounds(case.market_value)},
            )
        )
    sentences.append(ADVICE_ONLY)
    return AffordResult(eligible=False, affordable=None, reasons=sorted_codes(limits.codes), sentences=tuple(sentences))


_LIMIT_MESSAGES = {
    LIMITED_BY_FUNDS: N_("Your savings and the most you could borrow could buy up to %(share)s of this home."),
    LIMITED_BY_DEPOSIT: N_("Your savings could pay the deposit on up to %(share)s of this home."),
    LIMITED_BY_MAX_SHARE: N_("The largest first share anyone can buy is %(share)s of the home."),
}


def _limit_sentences(case: SharedOwnershipCase, scheme: Scheme, limits: ShareLimits) -> list[Sentence]:
    with localcontext(CONTEXT):
        deposit_value = scheme.so_min_deposit_fraction * case.market_value
        shares = {
            LIMITED_BY_FUNDS: (limits.deposit_funds + limits.max_mortgage) / case.market_value,
            LIMITED_BY_MAX_SHARE: scheme.so_max_share,
            LIMITED_BY_DEPOSIT: limits.deposit_funds / deposit_value if deposit_value > 0 else None,
        }
    return [
        Sentence(_LIMIT_MESSAGES[code], "10.3 step 5", {"share": f"{floor100(shares[code] or ZERO)}%"})
        for code in limits.codes
    ]


def _below_minimum(scheme: Scheme) -> Sentence:
    return Sentence(
        N_("The smallest share you can buy is %(minimum)s. It looks as if that is out of reach for now."),
        "10.3 step 6",
        {"minimum": percent(scheme.so_min_share)},
    )


def _not_affordable(codes: tuple[str, ...], sentences: list[Sentence]) -> AffordResult:
    sentences.append(ADVICE_ONLY)
    return AffordResult(eligible=True, affordable=False, reasons=sorted_codes(codes), sentences=tuple(sentences))
