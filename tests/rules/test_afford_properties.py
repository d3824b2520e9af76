"""Properties of the shared ownership share that must hold for any household (spec 10.3)."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal, localcontext
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.rules.affordability import CONTEXT, repayment_factor
from portal.rules.scheme import load_scheme
from portal.rules.shared_ownership import (
    BELOW_MIN_SHARE,
    LIMITED_BY_COST,
    SharedOwnershipCase,
    share_limits,
    shared_ownership,
    twelve_times_cost,
)

DEFAULT = load_scheme("default")


def pounds(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.integers(low * 100, high * 100).map(lambda pence: Decimal(pence) / 100)


def fractions(low: str, high: str) -> st.SearchStrategy[Decimal]:
    return st.decimals(Decimal(low), Decimal(high), places=3)


wide_cases = st.builds(
    SharedOwnershipCase,
    market_value=pounds(1000, 2_000_000),
    gross_annual_income=pounds(0, 120_000),
    savings=pounds(0, 400_000),
    london=st.booleans(),
    net_monthly_income=st.one_of(st.none(), pounds(0, 12_000)),
    service_charge_monthly=pounds(0, 600),
)


@st.composite
def typical_cases(draw: st.DrawFn) -> SharedOwnershipCase:
    """Households for whom shared ownership is plausible: a home worth 5 to 15 times their income."""
    income = draw(pounds(12_000, 100_000))
    value = (income * draw(st.integers(500, 1500)) / 100).quantize(Decimal("0.01"))
    return SharedOwnershipCase(
        market_value=value,
        gross_annual_income=income,
        savings=(value * draw(st.integers(0, 300)) / 1000).quantize(Decimal("0.01")),
        london=draw(st.booleans()),
        net_monthly_income=(income * draw(st.integers(40, 90)) / 1200).quantize(Decimal("0.01")),
        service_charge_monthly=draw(pounds(0, 400)),
    )


cases = st.one_of(typical_cases(), wide_cases)

schemes = st.builds(
    lambda base, deposit, min_share, max_share, check, ratio: replace(
        base,
        so_min_deposit_fraction=deposit,
        so_min_share=min_share,
        so_max_share=max_share,
        so_cost_check=check,
        so_cost_ratio_max=ratio,
    ),
    st.sampled_from([DEFAULT, load_scheme("hampshire")]),
    st.one_of(st.just(Decimal(0)), st.just(Decimal("0.05")), fractions("0", "0.3")),
    st.one_of(st.just(Decimal("0.10")), fractions("0", "0.5")),
    st.one_of(st.just(Decimal("0.75")), fractions("0.1", "1")),
    st.sampled_from(["london_only", "always", "never"]),
    st.one_of(st.just(Decimal("0.45")), fractions("0.1", "0.9")),
)


def _result(case, scheme):
    if case.net_monthly_income is None:
        case = replace(case, net_monthly_income=Decimal(3000))
    return case, shared_ownership(case, scheme)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases, schemes)
def test_the_share_never_needs_more_than_the_deposit_and_mortgage(case, scheme):
    case, result = _result(case, scheme)
    limits = share_limits(case, scheme)
    deposit, mortgage = limits.deposit_funds, limits.max_mortgage
    assert list(result.reasons) == sorted(set(result.reasons))
    if result.max_share_percent is None:
        assert result.monthly_cost is None and result.monthly_rent is None
        if result.eligible:
            assert result.affordable is False and BELOW_MIN_SHARE in result.reasons
        return
    share = Fraction(result.max_share_percent, 100)
    value = Fraction(case.market_value)
    assert share * value <= Fraction(deposit) + Fraction(mortgage)  # s × V ≤ D + Lmax
    assert Fraction(deposit) >= Fraction(scheme.so_min_deposit_fraction) * share * value  # deposit at s is enough
    assert Fraction(scheme.so_min_share) <= share <= Fraction(scheme.so_max_share)
    assert result.eligible is True and result.affordable is True
    assert BELOW_MIN_SHARE not in result.reasons


@settings(max_examples=300, deadline=None)
@given(cases, schemes)
def test_the_cost_check_gives_the_largest_share_within_the_limit(case, scheme):
    scheme = replace(scheme, so_cost_check="always")
    case, result = _result(case, scheme)
    limits = share_limits(case, scheme)
    if not limits.eligible or not limits.reaches_min_share:
        return
    factor = repayment_factor(scheme.mortgage_rate, scheme.mortgage_term_months)
    with localcontext(CONTEXT):
        budget = 12 * scheme.so_cost_ratio_max * case.net_monthly_income

    def fits(percent: int) -> bool:
        return twelve_times_cost(Decimal(percent) / 100, case, scheme, limits.deposit_funds, factor) <= budget

    if result.max_share_percent is None:
        assert list(result.reasons) == [BELOW_MIN_SHARE, LIMITED_BY_COST]
        assert not any(fits(p) for p in range(limits.min_share, limits.share_cap + 1))
        return
    p = result.max_share_percent
    assert fits(p)
    assert not any(fits(q) for q in range(p + 1, limits.share_cap + 1))
    assert (p < limits.share_cap) == (list(result.reasons) == [LIMITED_BY_COST] and LIMITED_BY_COST not in limits.codes)
    assert result.monthly_cost is not None and result.monthly_cost <= budget / 12


@settings(max_examples=300, deadline=None)
@given(cases)
def test_with_a_mortgage_the_share_matches_the_closed_form(case):
    """Spec 10.3 step 7: where the loan is positive, the share is floor100(min(s, s_cost))."""
    scheme = replace(DEFAULT, so_cost_check="always")
    case, result = _result(case, scheme)
    limits = share_limits(case, scheme)
    if not limits.eligible or limits.deposit_funds >= scheme.so_min_share * case.market_value:
        return  # not eligible, or no loan at the smallest share: the closed form does not apply
    a = Fraction(repayment_factor(scheme.mortgage_rate, scheme.mortgage_term_months))
    r = Fraction(scheme.so_rent_rate) / 12
    value, deposit = Fraction(case.market_value), Fraction(limits.deposit_funds)
    s_cost = (
        Fraction(scheme.so_cost_ratio_max) * Fraction(case.net_monthly_income)
        - Fraction(case.service_charge_monthly)
        - value * r
        + deposit * a
    ) / (value * (a - r))
    expected = min(limits.share_cap, math.floor(100 * s_cost))
    if expected < limits.min_share:
        assert result.max_share_percent is None
    else:
        assert result.max_share_percent == expected
