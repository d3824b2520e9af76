"""First Homes at its edges: every cap at its value and a penny either side (allocation scheme 10.4; contract 4).

Every cap is tried exactly at its value and a penny either side; every limit
that can set a shared ownership share is made to bind, alone and together.
"""

from __future__ import annotations

import pytest

from portal.rules.affordability import (
    repayment_factor,
)
from portal.rules.first_homes import FirstHomesCase, first_homes
from tests.rules.afford_rank_support import DEFAULT, D, afford, afford_error, fh, so  # noqa: F401

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
