"""Shared ownership at its edges: every limit that can set the share (allocation scheme 10.3; contract 4).

Every cap is tried exactly at its value and a penny either side; every limit
that can set a shared ownership share is made to bind, alone and together.
"""

from __future__ import annotations

import pytest

from portal.rules.affordability import (
    repayment_factor,
)
from portal.rules.shared_ownership import (
    NetIncomeNeeded,
    SharedOwnershipCase,
    cost_check_runs,
    shared_ownership,
)
from tests.rules.afford_rank_support import DEFAULT, D, afford, afford_error, fh, so  # noqa: F401

# --- 10.3 shared ownership ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("london", "income", "over"),
    [
        (False, D(80000), False),
        (False, D("80000.01"), True),
        (True, D(90000), False),
        (True, D("90000.01"), True),
    ],
)
def test_shared_ownership_income_cap_passes_when_equal(london, income, over):
    out = so(market_value=1_000_000, gross_annual_income=income, savings=20000, london=london, net_monthly_income=10000)
    assert out["eligible"] is (not over)
    assert ("SO-INCOME-OVER-CAP" in out["reasons"]) is over
    if over:
        assert out["affordable"] is None and out["max_share_percent"] is None and out["monthly_cost"] is None


@pytest.mark.parametrize(("value", "open_market"), [(D(195000), True), (D("195000.01"), False), (D("194999.99"), True)])
def test_open_market_when_funds_reach_the_value(value, open_market):
    # D = 20000 − 5000 = 15000; Lmax = 4.5 × 40000 = 180000; together 195000.
    out = so(market_value=value, gross_annual_income=40000, savings=20000)
    assert out["eligible"] is (not open_market)
    assert (out["reasons"] == ["SO-CAN-BUY-OPEN-MARKET"]) is open_market
    if open_market:
        assert out["affordable"] is None and out["monthly_rent"] is None


def test_income_over_cap_and_open_market_are_both_reported():
    out = so(market_value=300000, gross_annual_income=100000, savings=0)
    assert out["reasons"] == ["SO-CAN-BUY-OPEN-MARKET", "SO-INCOME-OVER-CAP"]
    assert (out["eligible"], out["affordable"], out["ratio"], out["price"]) == (False, None, None, None)


def test_limited_by_deposit():
    out = so(market_value=400000, gross_annual_income=30000, savings=15000)
    # s_dep = 10000 / 20000 = 50%; s_funds = 145000 / 400000 = 36.25% → funds bind at 36%.
    assert out["max_share_percent"] == 36 and out["reasons"] == ["SO-LIMITED-BY-FUNDS"]
    out = so(market_value=400000, gross_annual_income=40000, savings=10000)
    # s_dep = 5000 / 20000 = 25%; s_funds = 185000 / 400000 = 46.25% → deposit binds at 25%.
    assert out["max_share_percent"] == 25 and out["reasons"] == ["SO-LIMITED-BY-DEPOSIT"]
    assert out["monthly_rent"] == D("687.50")  # 0.75 × 400000 × 0.0275 / 12


def test_limited_by_max_share():
    out = so(market_value=200000, gross_annual_income=30000, savings=45000)
    assert out["max_share_percent"] == 75 and out["reasons"] == ["SO-LIMITED-BY-MAX-SHARE"]
    # Mortgage 150000 − 40000 = 110000; rent 0.25 × 200000 × 0.0275 / 12 = 114.5833...
    factor = repayment_factor(D("0.05"), 300)
    assert out["monthly_cost"] == (D(110000) * factor + D(200000) * D("0.25") * D("0.0275") / 12).quantize(D("0.01"))
    assert out["monthly_rent"] == D("114.58")


def test_two_limits_binding_together_are_both_reported():
    # V = 200000, D = 10000: funds = 10000 + 4.5 G; 75% of V = 150000 needs G = 31111.11...
    out = so(market_value=200000, gross_annual_income=D("31111.12"), savings=15000)
    assert out["max_share_percent"] == 75 and out["reasons"] == ["SO-LIMITED-BY-MAX-SHARE"]
    out = so(market_value=200000, gross_annual_income=D("31111.11"), savings=D("15000.005"))
    # funds = 10000.005 + 139999.995 = 150000 exactly = 75%: funds and max share both bind.
    assert out["max_share_percent"] == 75
    assert out["reasons"] == ["SO-LIMITED-BY-FUNDS", "SO-LIMITED-BY-MAX-SHARE"]
    # V = 1000000, D = 10000 (deposit limit 20%), Lmax = 19 × 10000 = 190000: funds also 20%.
    line = {"market_value": 1_000_000, "savings": 15000, "overrides": {"mortgage_multiple": 19}}
    out = so(**line, gross_annual_income=10000)
    assert out["max_share_percent"] == 20
    assert out["reasons"] == ["SO-LIMITED-BY-DEPOSIT", "SO-LIMITED-BY-FUNDS"]
    assert so(**line, gross_annual_income=D("10000.01"))["reasons"] == ["SO-LIMITED-BY-DEPOSIT"]
    assert so(**line, gross_annual_income=D("9999.99"))["reasons"] == ["SO-LIMITED-BY-FUNDS"]
    # All three at once: so_max_share 0.2 as well.
    out = so(**{**line, "overrides": {"mortgage_multiple": 19, "so_max_share": D("0.2")}}, gross_annual_income=10000)
    assert out["reasons"] == ["SO-LIMITED-BY-DEPOSIT", "SO-LIMITED-BY-FUNDS", "SO-LIMITED-BY-MAX-SHARE"]


@pytest.mark.parametrize(("value", "share"), [(D(250000), 10), (D("250000.01"), None)])
def test_minimum_share_boundary(value, share):
    # D = 1250: s_dep = 1250 / (0.05 × V) = 10% at V = 250000, a hair under 10% above it.
    out = so(market_value=value, gross_annual_income=20000, savings=6250)
    assert out["max_share_percent"] == share
    if share is None:
        assert out["reasons"] == ["SO-BELOW-MIN-SHARE", "SO-LIMITED-BY-DEPOSIT"]
        assert (out["eligible"], out["affordable"], out["monthly_cost"]) == (True, False, None)
    else:
        assert out["reasons"] == ["SO-LIMITED-BY-DEPOSIT"] and out["affordable"] is True


def test_no_deposit_limit_when_the_minimum_deposit_fraction_is_zero():
    line = {"market_value": 300000, "gross_annual_income": 40000, "savings": 5000}
    assert so(**line)["reasons"] == ["SO-BELOW-MIN-SHARE", "SO-LIMITED-BY-DEPOSIT"]  # D = 0
    out = so(**line, overrides={"so_min_deposit_fraction": 0})
    assert out["max_share_percent"] == 60 and out["reasons"] == ["SO-LIMITED-BY-FUNDS"]


def test_cost_check_limits_the_share_and_reports_only_cost():
    out = so(
        london=True,
        market_value=500000,
        gross_annual_income=60000,
        savings=40000,
        net_monthly_income=3700,
        service_charge_monthly=150,
    )
    assert out["max_share_percent"] == 32 and out["reasons"] == ["SO-LIMITED-BY-COST"]
    assert out["ratio"] <= D("0.45")
    # One share more would break the 45% limit.
    case = SharedOwnershipCase(
        market_value=D(500000),
        gross_annual_income=D(60000),
        savings=D(40000),
        london=True,
        net_monthly_income=D(3700),
        service_charge_monthly=D(150),
    )
    factor = repayment_factor(D("0.05"), 300)
    cost33 = (D(165000) - D(35000)) * factor + D("0.67") * D(500000) * D("0.0275") / 12 + 150
    assert cost33 > D("0.45") * 3700
    assert shared_ownership(case, DEFAULT).max_share_percent == 32


def test_cost_check_that_passes_at_the_cap_keeps_the_step_5_limits():
    out = so(london=True, market_value=300000, gross_annual_income=40000, savings=20000, net_monthly_income=5000)
    assert out["max_share_percent"] == 65 and out["reasons"] == ["SO-LIMITED-BY-FUNDS"]
    assert out["monthly_cost"] == D("1292.89") and out["ratio"] == D("0.2586")  # 1292.89... / 5000


@pytest.mark.parametrize(
    ("income", "share", "reasons"),
    [
        (D(200), 75, ["SO-LIMITED-BY-MAX-SHARE"]),
        (D("199.99"), None, ["SO-BELOW-MIN-SHARE", "SO-LIMITED-BY-COST"]),
    ],
)
def test_cost_check_at_exactly_the_limit_with_no_mortgage(income, share, reasons):
    # V = 100000, D = 80000, no borrowing: at 75% the loan is 0, the rent 25000 × 0.0288 / 12 = 60,
    # plus a service charge of 30: cost 90 = 45% of 200. Smaller shares cost more (more rent).
    out = so(
        london=True,
        market_value=100000,
        gross_annual_income=0,
        savings=85000,
        service_charge_monthly=30,
        net_monthly_income=income,
        overrides={"so_rent_rate": D("0.0288")},
    )
    assert out["max_share_percent"] == share and out["reasons"] == reasons
    if share:
        assert (out["monthly_cost"], out["monthly_rent"], out["ratio"]) == (D(90), D(60), D("0.45"))


def test_cost_check_with_no_income_finds_no_share():
    out = so(london=True, market_value=300000, gross_annual_income=40000, savings=20000, net_monthly_income=0)
    assert out["reasons"] == ["SO-BELOW-MIN-SHARE", "SO-LIMITED-BY-COST"] and out["ratio"] is None


@pytest.mark.parametrize(
    ("london", "policy", "runs"),
    [(True, "london_only", True), (False, "london_only", False), (False, "always", True), (True, "never", False)],
)
def test_when_the_cost_check_runs(london, policy, runs):
    line = {"market_value": 300000, "gross_annual_income": 40000, "savings": 20000, "london": london}
    overrides = {"so_cost_check": policy}
    if runs:
        assert afford_error(product="shared_ownership", **line, overrides=overrides) == (
            "net_monthly_income is required for this shared_ownership case, because the cost check runs."
        )
        out = so(**line, overrides=overrides, net_monthly_income=2500)
        assert out["reasons"] == ["SO-LIMITED-BY-COST"] and out["max_share_percent"] < 65
    else:
        out = so(**line, overrides=overrides)
        assert out["max_share_percent"] == 65 and out["ratio"] is None
        # A net income given anyway only adds the ratio.
        assert so(**line, overrides=overrides, net_monthly_income=4000)["ratio"] == D("0.3232")


def test_net_income_is_not_needed_when_the_cost_check_is_not_reached():
    # Ineligible (income over the London cap), or below the minimum share before step 7.
    out = so(london=True, market_value=600000, gross_annual_income=95000, savings=0)
    assert out["reasons"] == ["SO-INCOME-OVER-CAP"]
    out = so(london=True, market_value=300000, gross_annual_income=40000, savings=5000)
    assert out["reasons"] == ["SO-BELOW-MIN-SHARE", "SO-LIMITED-BY-DEPOSIT"]
    case = SharedOwnershipCase(market_value=D(300000), gross_annual_income=D(40000), savings=D(20000), london=True)
    assert cost_check_runs(case, DEFAULT)
    with pytest.raises(NetIncomeNeeded):
        shared_ownership(case, DEFAULT)


def test_overrides_change_the_share_limits():
    out = so(market_value=200000, gross_annual_income=30000, savings=45000, overrides={"so_max_share": D("0.5")})
    assert out["max_share_percent"] == 50 and out["reasons"] == ["SO-LIMITED-BY-MAX-SHARE"]
    out = so(market_value=300000, gross_annual_income=40000, savings=20000, overrides={"so_min_share": D("0.7")})
    assert out["reasons"] == ["SO-BELOW-MIN-SHARE", "SO-LIMITED-BY-FUNDS"]
    out = so(market_value=300000, gross_annual_income=40000, savings=20000, scheme="hampshire")
    assert out["max_share_percent"] == 65


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"market_value": 0, "gross_annual_income": 1, "savings": 1}, "market_value must be more than 0, not 0."),
        ({"gross_annual_income": 1, "savings": 1}, "market_value is required."),
        ({"market_value": 1, "savings": 1}, "gross_annual_income is required."),
        ({"market_value": 1, "gross_annual_income": 1, "savings": -1}, "savings must be 0 or more, not -1."),
        (
            {"market_value": 1, "gross_annual_income": 1, "savings": 1, "london": "yes"},
            'london must be true or false, not "yes".',
        ),
        (
            {"market_value": 1, "gross_annual_income": 1, "savings": 1, "overrides": {"so_min_share": 2}},
            "overrides.so_min_share must be a fraction between 0 and 1, not 2.",
        ),
        (
            {"market_value": 1, "gross_annual_income": 1, "savings": 1, "overrides": {"no_such": 1}},
            "overrides has an unknown parameter: no_such.",
        ),
        (
            {"market_value": 1, "gross_annual_income": 1, "savings": 1, "scheme": "kent"},
            'scheme must be one of default, hampshire, not "kent".',
        ),
    ],
)
def test_shared_ownership_malformed_lines(line, message):
    assert afford_error(product="shared_ownership", **line) == message
