"""Affordability rules at their edges (allocation scheme, section 10; contract section 4).

Every cap is tried exactly at its value and a penny either side; every limit
that can set a shared ownership share is made to bind, alone and together.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from portal.rules.affordability import (
    AffordableRentCase,
    SocialRentCase,
    affordable_rent,
    floor100,
    monthly_from_weekly,
    repayment_factor,
    social_rent,
)
from portal.rules.contract.afford_io import afford_line
from portal.rules.contract.fields import LineError
from portal.rules.first_homes import FirstHomesCase, first_homes
from portal.rules.scheme import load_scheme
from portal.rules.shared_ownership import (
    NetIncomeNeeded,
    SharedOwnershipCase,
    cost_check_runs,
    shared_ownership,
)
from portal.rules.text import Sentence

D = Decimal
DEFAULT = load_scheme("default")


def afford(**line):
    return afford_line({"id": "T", **line})


def afford_error(**line) -> str:
    with pytest.raises(LineError) as raised:
        afford(**line)
    return str(raised.value)


def so(**line):
    return afford(product="shared_ownership", **line)


def fh(**line):
    return afford(product="first_homes", **{"first_time_buyer": True, **line})


# --- 10.1 conversions ---------------------------------------------------------------------


def test_repayment_factor_has_at_least_28_significant_digits():
    factor = repayment_factor(D("0.05"), 300)
    assert str(factor).startswith("0.0058459004150797903867541787138")
    assert abs(Fraction(repayment_factor(D(0), 120)) - Fraction(1, 120)) < Fraction(1, 10**55)
    exact = Fraction(1, 240) / (1 - Fraction(241, 240) ** -300)
    assert abs(Fraction(factor) - exact) / exact < Fraction(1, 10**50)


def test_weekly_to_monthly_and_exact_floor():
    assert monthly_from_weekly(D("207.12")) == D("897.52")
    assert floor100(D("0.65")) == 65
    assert floor100(D("0.0999999999999999999999999999999999999999999999999999999999999999")) == 9
    assert floor100(D(195000), D(300000)) == 65
    assert floor100(D(1), D(3)) == 33


# --- 10.2 rent products -------------------------------------------------------------------


def test_social_rent_converts_weekly_to_monthly_and_adds_service_charge():
    out = afford(product="social_rent", weekly_rent=100, service_charge_monthly=20, net_monthly_income=2000)
    assert out["monthly_rent"] == D("433.33")
    assert out["monthly_cost"] == D("453.33")
    assert out["ratio"] == D("0.2267")
    assert (out["eligible"], out["affordable"], out["reasons"]) == (True, True, [])
    assert (out["max_share_percent"], out["price"]) == (None, None)


@pytest.mark.parametrize(
    ("income", "affordable"),
    [(D(1000), True), (D("999.99"), False), (D("1000.01"), True)],
)
def test_rent_ratio_passes_exactly_at_the_threshold(income, affordable):
    # 120 a week is 520 a month; with 170 of housing support the cost is 350 = 35% of 1000.
    out = afford(product="social_rent", weekly_rent=120, housing_support_monthly=170, net_monthly_income=income)
    assert out["monthly_cost"] == D(350)
    assert out["affordable"] is affordable
    assert out["reasons"] == ([] if affordable else ["RENT-ABOVE-RATIO"])
    assert out["eligible"] is True


def test_housing_support_above_the_rent_gives_no_cost():
    out = afford(product="social_rent", weekly_rent=50, housing_support_monthly=500, net_monthly_income=900)
    assert out["monthly_cost"] == 0 and out["ratio"] == 0 and out["affordable"] is True


def test_ratio_is_rounded_half_up_from_unrounded_values():
    # 0.8 × 154.3125 = 123.45; 123.45 / 1000 = 0.12345, which rounds half-up to 0.1235.
    out = afford(product="affordable_rent", market_rent_monthly=D("154.3125"), net_monthly_income=1000)
    assert out["monthly_rent"] == D("123.45") and out["ratio"] == D("0.1235")


@pytest.mark.parametrize(
    ("lha_weekly", "overrides", "rent", "capped"),
    [
        (D("207.12"), {}, D("897.52"), True),  # LHA lower than 80% of 1200 = 960
        (D("221.5384615384615384615384615384615384"), {}, None, True),  # a hair under 960 a month
        (D(240), {}, D(960), False),  # 240 a week is 1040 a month: higher
        (D("221.54"), {}, D(960), False),  # 960.0066... a month: just higher
        (D("207.12"), {"cap_affordable_rent_at_lha": False}, D(960), False),
        (None, {}, D(960), False),
    ],
)
def test_affordable_rent_is_capped_at_lha_only_when_lower(lha_weekly, overrides, rent, capped):
    out = afford(
        product="affordable_rent",
        market_rent_monthly=1200,
        lha_weekly=lha_weekly,
        net_monthly_income=4000,
        overrides=overrides,
    )
    if rent is not None:
        assert out["monthly_rent"] == rent
    assert ("AR-CAPPED-AT-LHA" in out["reasons"]) is capped


def test_affordable_rent_at_exactly_the_lha_is_not_reported_as_capped():
    # LHA of 960 a month exactly: 960 × 12 / 52 a week, given as an exact decimal ratio is impossible,
    # so use a market rent whose 80% equals a whole-week LHA: 52 × 150 / 12 = 650 = 0.8 × 812.5.
    case = AffordableRentCase(market_rent_monthly=D("812.5"), lha_weekly=D(150), net_monthly_income=D(3000))
    result = affordable_rent(case, DEFAULT)
    assert result.monthly_rent == D(650) and result.reasons == ()


def test_affordable_rent_service_charge_must_be_absent_or_zero():
    base = {"product": "affordable_rent", "market_rent_monthly": 1000, "net_monthly_income": 3000}
    assert afford(**base)["monthly_rent"] == D(800)
    assert afford(**base, service_charge_monthly=0)["monthly_rent"] == D(800)
    assert afford(**base, service_charge_monthly=None)["monthly_rent"] == D(800)
    assert "service_charge_monthly must be absent or 0" in afford_error(**base, service_charge_monthly=25)


@pytest.mark.parametrize("product", ["social_rent", "affordable_rent"])
def test_rent_products_need_a_net_income_above_zero(product):
    base = {"product": product, "weekly_rent": 100, "market_rent_monthly": 1000}
    assert afford_error(**base) == "net_monthly_income is required."
    assert afford_error(**base, net_monthly_income=0) == "net_monthly_income must be more than 0, not 0."
    assert afford_error(**base, net_monthly_income=None) == "net_monthly_income is required and must not be null."


def test_rent_products_ignore_fields_they_do_not_use():
    out = afford(
        product="social_rent",
        weekly_rent=100,
        net_monthly_income=2000,
        london="not a boolean",
        market_value=-5,
        discount_percent=500,
        first_time_buyer="yes",
    )
    assert out["eligible"] is True


def test_rent_results_carry_sentences_citing_the_rule():
    result = social_rent(SocialRentCase(weekly_rent=D(400), net_monthly_income=D(2000)), DEFAULT)
    assert result.reasons == ("RENT-ABOVE-RATIO",)
    assert all(isinstance(sentence, Sentence) for sentence in result.sentences)
    assert {sentence.rule for sentence in result.sentences} >= {"10.2"}
    texts = [sentence.text() for sentence in result.sentences]
    assert any("money advice" in text for text in texts)
    assert all(text.endswith(".") and "%(" not in text for text in texts)


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


# --- 10.4 First Homes ---------------------------------------------------------------------


def test_first_homes_every_ineligibility_reason_together():
    out = fh(
        first_time_buyer=False,
        gross_annual_income=D("80000.01"),
        savings=0,
        market_value=400000,
        discount_percent=D("29.99"),
    )
    assert out["reasons"] == [
        "FH-DISCOUNT-TOO-LOW",
        "FH-INCOME-OVER-CAP",
        "FH-NOT-FIRST-TIME-BUYER",
        "FH-PRICE-OVER-CAP",
    ]
    assert (out["eligible"], out["affordable"], out["monthly_cost"], out["ratio"]) == (False, None, None, None)
    assert out["price"] == D("280040.00")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("gross_annual_income", D(80000), None),
        ("gross_annual_income", D("80000.01"), "FH-INCOME-OVER-CAP"),
        ("discount_percent", D(30), None),
        ("discount_percent", D("29.999"), "FH-DISCOUNT-TOO-LOW"),
        ("market_value", D(357000), None),  # P = 249900
        ("market_value", D("357142.86"), "FH-PRICE-OVER-CAP"),  # P = 250000.002
    ],
)
def test_first_homes_caps_at_and_just_over(field, value, code):
    line = {
        "gross_annual_income": 60000,
        "savings": 60000,
        "market_value": 300000,
        "discount_percent": 30,
        field: value,
    }
    out = fh(**line)
    assert out["reasons"] == ([code] if code else [])
    assert out["eligible"] is (code is None)


def test_first_homes_price_cap_exactly_and_in_london():
    assert fh(gross_annual_income=60000, savings=60000, market_value=500000, discount_percent=50)["eligible"] is True
    out = fh(gross_annual_income=60000, savings=60000, market_value=D("500000.02"), discount_percent=50)
    assert out["reasons"] == ["FH-PRICE-OVER-CAP"] and out["price"] == D("250000.01")
    out = fh(gross_annual_income=90000, savings=100000, market_value=600000, discount_percent=30, london=True)
    assert out["eligible"] is True and out["price"] == D(420000)
    out = fh(
        gross_annual_income=D("90000.01"), savings=100000, market_value=D("600000.02"), discount_percent=30, london=True
    )
    assert out["reasons"] == ["FH-INCOME-OVER-CAP", "FH-PRICE-OVER-CAP"]


def test_first_homes_deposit_too_low_and_mortgage_shortfall():
    out = fh(gross_annual_income=60000, savings=5000, market_value=320000)
    assert (out["eligible"], out["affordable"], out["reasons"]) == (True, False, ["FH-DEPOSIT-TOO-LOW"])
    assert out["monthly_cost"] == (D(224000) * repayment_factor(D("0.05"), 300)).quantize(D("0.01"))
    out = fh(gross_annual_income=20000, savings=30000, market_value=320000)
    assert out["reasons"] == ["FH-MORTGAGE-SHORTFALL"] and out["affordable"] is False
    out = fh(gross_annual_income=20000, savings=0, market_value=320000)
    assert out["reasons"] == ["FH-DEPOSIT-TOO-LOW", "FH-MORTGAGE-SHORTFALL"]


@pytest.mark.parametrize(("savings", "affordable"), [(D(16200), True), (D("16199.99"), False)])
def test_first_homes_deposit_exactly_at_the_minimum(savings, affordable):
    # P = 224000; minimum deposit 5% = 11200; D = savings − 5000.
    out = fh(gross_annual_income=48000, savings=savings, market_value=320000)
    assert out["affordable"] is affordable


@pytest.mark.parametrize(("income", "affordable"), [(D(46000), True), (D("45999.99"), False)])
def test_first_homes_mortgage_exactly_enough(income, affordable):
    # P = 224000, Du = 17000: needs 207000 = 4.5 × 46000.
    out = fh(gross_annual_income=income, savings=22000, market_value=320000)
    assert out["affordable"] is affordable
    assert out["reasons"] == ([] if affordable else ["FH-MORTGAGE-SHORTFALL"])


def test_first_homes_deposit_used_is_at_most_half_the_price():
    out = fh(gross_annual_income=30000, savings=1_000_000, market_value=320000, net_monthly_income=2000)
    factor = repayment_factor(D("0.05"), 300)
    assert out["affordable"] is True
    assert out["monthly_cost"] == (D(112000) * factor).quantize(D("0.01"))
    assert out["ratio"] == (D(112000) * factor / 2000).quantize(D("0.0001"))


def test_first_homes_not_offered_is_the_only_reason():
    out = fh(
        first_time_buyer=False,
        gross_annual_income=1_000_000,
        savings=0,
        market_value=1_000_000,
        overrides={"first_homes_enabled": False},
    )
    assert out["reasons"] == ["FH-NOT-OFFERED"]
    assert (out["eligible"], out["affordable"], out["price"]) == (False, None, D(700000))


def test_first_homes_defaults_and_errors():
    line = {"product": "first_homes", "gross_annual_income": 48000, "savings": 20000, "market_value": 320000}
    assert afford_error(**line) == "first_time_buyer is required."
    assert afford(**line, first_time_buyer=True, discount_percent=None)["price"] == D(224000)
    assert afford_error(**line, first_time_buyer=True, discount_percent=D("100.01")) == (
        "discount_percent must be a number from 0 to 100, not 100.01."
    )
    assert afford(**line, first_time_buyer=True, discount_percent=100)["price"] == 0
    assert afford_error(**line, first_time_buyer=1) == "first_time_buyer must be true or false, not 1."


def test_first_homes_pure_function_returns_sentences():
    case = FirstHomesCase(market_value=D(320000), gross_annual_income=D(48000), savings=D(20000), first_time_buyer=True)
    result = first_homes(case, DEFAULT)
    assert result.affordable is True and result.reasons == ()
    assert all(sentence.rule.startswith("10") for sentence in result.sentences)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({}, "id is required."),
        ({"id": ""}, 'id must be a non-empty string, not "".'),
        ({"id": "X"}, "product is required."),
        (
            {"id": "X", "product": "council_house"},
            'product must be one of social_rent, affordable_rent, shared_ownership, first_homes, not "council_house".',
        ),
        (
            {"id": "X", "product": "social_rent", "weekly_rent": "100", "net_monthly_income": 1},
            'weekly_rent must be a number, not "100".',
        ),
        (
            {"id": "X", "product": "social_rent", "weekly_rent": -1, "net_monthly_income": 1},
            "weekly_rent must be 0 or more, not -1.",
        ),
        (
            {"id": "X", "product": "social_rent", "weekly_rent": 1, "net_monthly_income": 1, "overrides": []},
            "overrides must be an object, not a list.",
        ),
        (
            {
                "id": "X",
                "product": "affordable_rent",
                "market_rent_monthly": 1,
                "net_monthly_income": 1,
                "lha_weekly": True,
            },
            "lha_weekly must be a number, not true.",
        ),
    ],
)
def test_common_malformed_lines(line, message):
    with pytest.raises(LineError) as raised:
        afford_line(line)
    assert str(raised.value) == message
