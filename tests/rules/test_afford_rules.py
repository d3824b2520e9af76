"""Conversions, rent products and the common line rules at their edges (allocation scheme 10.1, 10.2; contract 4).

Every cap is tried exactly at its value and a penny either side; every limit
that can set a shared ownership share is made to bind, alone and together.
"""

from __future__ import annotations

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
from portal.rules.text import Sentence
from tests.rules.afford_rank_support import DEFAULT, D, afford, afford_error, fh, so  # noqa: F401

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
