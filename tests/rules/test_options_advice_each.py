"""Housing options advice, option by option: the register, renting, buying, and homes with support."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

import pytest

from tests.rules.test_options_advice import COUNCIL, PERSONAS, SCHEME, VARIANTS, figures, option, plan, texts
from tests.rules.test_options_to_case import answers

# --- The register -----------------------------------------------------------------------------


def test_immigration_that_needs_checking_is_maybe():
    register = option(plan(VARIANTS["check_status"]), "register")
    assert register.fits == "maybe"
    assert "We need to check your immigration status" in texts(register.why)
    assert "share code" in texts(register.next_steps)


@pytest.mark.parametrize(
    ("status", "words"), [("no_public_funds", "public funds"), ("none", "permission to be in the UK")]
)
def test_not_eligible_is_explained_kindly_with_a_next_step(status, words):
    advice = plan(answers(immigration=status, bedrooms=0))
    register = option(advice, "register")
    assert register.fits == "no" and words in texts(register.why)
    assert texts(register.why).startswith("You may not be able to join the housing register")
    assert "immigration" in texts(register.next_steps)
    assert option(advice, "social_rent").fits == "no"
    assert (option(advice, "private_renting").fits == "no") is (status == "none")


def test_every_qualification_failure_is_explained():
    advice = plan(
        answers(age=15, care_leaver="no", owns_home="yes", income_yearly="50000", savings="30000", residence="less")
    )
    register = option(advice, "register")
    why = texts(register.why)
    assert advice.assessment.qualification_failures == (
        "Q-AGE",
        "Q-HOMEOWNER",
        "Q-INCOME",
        "Q-SAVINGS",
        "Q-LOCAL-CONNECTION",
        "Q-HOUSING-NEED",
    )
    for words in (
        "16 or older",
        "owns a home",
        "£50,000 a year",
        "savings of £30,000",
        "local connection to Example Borough",
        "housing need",
    ):
        assert words in why
    assert "once you have lived in Example Borough for 24 months" in texts(register.next_steps)
    assert register.next_steps[-1].text().startswith("If you think this is wrong, you can still apply.")


def test_limits_in_the_words_come_from_the_scheme():
    scheme = replace(SCHEME, savings_cap=Decimal(16000), residence_months=36)
    register = option(plan(answers(savings="20000", residence="less"), scheme=scheme), "register")
    assert "less than £16,000" in texts(register.why) and "for 36 months" in texts(register.why)


def test_health_and_condition_needs_are_for_an_officer_to_decide():
    advice = plan(answers(health="serious", bedrooms=1))
    register = option(advice, "register")
    assert register.fits == "maybe" and advice.likely_band == 2
    assert "health form" in texts(register.why) and "health form" in texts(register.next_steps)
    condition = option(plan(answers(home_condition="yes", bedrooms=1)), "register")
    assert condition.fits == "maybe" and "If an officer finds a serious hazard" in texts(condition.why)


def test_a_need_that_is_not_for_an_officer_is_yes_and_band_four_without_a_need_requirement():
    assert option(plan(answers(bedrooms=0)), "register").fits == "yes"
    scheme = replace(SCHEME, housing_need_required=False)
    advice = plan(answers(), scheme=scheme)
    assert option(advice, "register").fits == "yes" and advice.likely_band == 4
    assert figures(option(advice, "register"))["Estimated wait in months"] == "36+"


def test_wait_comes_from_the_council():
    council = replace(
        COUNCIL, wait_estimates=tuple(replace(wait, min_months=7, max_months=9) for wait in COUNCIL.wait_estimates)
    )
    advice = plan(PERSONAS["family_overcrowded"], council=council)
    assert figures(option(advice, "register"))["Estimated wait in months"] == "7–9"
    no_waits = replace(COUNCIL, wait_estimates=())
    advice = plan(PERSONAS["family_overcrowded"], council=no_waits)
    assert advice.wait is None and "Estimated wait in months" not in figures(option(advice, "register"))


# --- Renting ----------------------------------------------------------------------------------


def test_rents_come_from_the_council_for_the_bedroom_need():
    council = replace(
        COUNCIL,
        social_rent_weekly=MappingProxyType({**COUNCIL.social_rent_weekly, 3: Decimal("99.99")}),
        market_rent_monthly=MappingProxyType({**COUNCIL.market_rent_monthly, 3: Decimal("1000")}),
    )
    advice = plan(PERSONAS["family_overcrowded"], council=council)
    assert figures(option(advice, "social_rent"))["Typical rent each week"] == "£99.99"
    assert figures(option(advice, "affordable_rent"))["Typical rent each month"] == "£800"
    assert figures(option(advice, "private_renting"))["Typical rent each month"] == "£1,000"


def test_a_rent_that_looks_too_high_makes_a_yes_a_maybe():
    advice = plan(answers(bedrooms=0, take_home_monthly="1500"))
    assert option(advice, "register").fits == "yes"
    assert option(advice, "social_rent").fits == "yes"  # £444.17 a month is 29.6% of £1,500
    affordable = option(advice, "affordable_rent")  # £740 a month is 49.3%
    assert affordable.fits == "maybe" and "more than the guide of 35%" in texts(affordable.why)


@pytest.mark.parametrize(
    ("changes", "rate"),
    [
        ({}, "shared"),
        ({"age": 35}, "1"),
        ({"age": 24, "care_leaver": "yes"}, "1"),
        ({"partner": "yes"}, "1"),
        ({"children": 1, "children_details": [{"age": 5, "sex": "male"}]}, "2"),
        ({"other_adults": 1, "adults_details": [{"age": 60, "sex": "male"}]}, "2"),
    ],
)
def test_private_renting_uses_the_local_housing_allowance_that_fits(changes, rate):
    values = answers(**{"age": 30, **changes})
    lha = figures(option(plan(values), "private_renting"))["Local Housing Allowance each week"]
    assert lha == f"£{COUNCIL.lha_weekly[rate]:,.2f}"


def test_private_renting_fits_when_the_rent_is_within_the_guide():
    assert option(plan(answers(age=40, take_home_monthly="3000")), "private_renting").fits == "yes"
    assert option(plan(answers(age=40, take_home_monthly="2000")), "private_renting").fits == "maybe"
    without = replace(COUNCIL, deposit_help=False, deposit_help_weeks=0)
    renting = option(plan(answers(age=40), council=without), "private_renting")
    assert "Deposit help, in weeks of rent" not in figures(renting) and "deposit" not in texts(renting.why)


def test_social_tenants_get_home_swaps_and_the_right_to_move():
    advice = plan(VARIANTS["tenant_moving_for_work"])
    swap = option(advice, "mutual_exchange")
    assert swap.fits == "yes" and swap.link == COUNCIL.links["mutual_exchange"]
    move = option(advice, "right_to_move")
    assert move.fits == "maybe" and move.link == COUNCIL.links["right_to_move"]
    assert option(advice, "register").fits == "maybe"  # hardship is for an officer to decide
    stay = plan(answers(where_live="housing_association_tenant", move_for_work="no", shares_facilities=None))
    kinds = [item.kind for item in stay.options]
    assert "mutual_exchange" in kinds and "right_to_move" not in kinds


# --- Buying -----------------------------------------------------------------------------------


def test_first_homes_switched_off_points_to_shared_ownership():
    scheme = replace(SCHEME, first_homes_enabled=False)
    first = option(plan(PERSONAS["couple_buying"], scheme=scheme), "first_homes")
    assert first.fits == "no" and "not offered here" in texts(first.why)
    assert "shared ownership" in texts(first.next_steps)


def test_high_income_points_to_the_open_market():
    advice = plan(VARIANTS["rich"])
    for kind in ("shared_ownership", "first_homes"):
        item = option(advice, kind)
        assert item.fits == "no" and "open market" in texts(item.next_steps)


def test_buying_values_and_discount_come_from_the_council():
    council = replace(
        COUNCIL,
        shared_ownership_value=MappingProxyType({**COUNCIL.shared_ownership_value, 1: Decimal("300000")}),
        first_homes_discount_percent=Decimal(40),
    )
    advice = plan(PERSONAS["couple_buying"], council=council)
    assert figures(option(advice, "shared_ownership"))["Typical full price of a home"] == "£300,000"
    first = figures(option(advice, "first_homes"))
    assert first["Discount"] == "40%" and first["Price after the discount"] == "£120,000"


def test_london_uses_the_london_cost_check():
    london = replace(COUNCIL, london=True)
    shared = option(
        plan(answers(age=30, income_yearly="45000", take_home_monthly="1200", savings="30000"), council=london),
        "shared_ownership",
    )
    assert "take-home pay" in texts(shared.why)


# --- Homes with support and the Armed Forces -------------------------------------------------


def test_sheltered_and_extra_care_only_at_the_councils_ages():
    kinds = [item.kind for item in plan(answers(age=54, health="hard")).options]
    assert "sheltered" not in kinds and "extra_care" not in kinds
    advice = plan(answers(age=55, health="hard", bedrooms=1))
    assert option(advice, "sheltered").fits == option(advice, "register").fits == "maybe"
    assert option(advice, "extra_care").fits == "maybe"
    no_health = [item.kind for item in plan(answers(age=80)).options]
    assert "sheltered" in no_health and "extra_care" not in no_health
    later = replace(COUNCIL, sheltered_min_age=60)
    assert "sheltered" not in [item.kind for item in plan(answers(age=55), council=later).options]


def test_supported_housing():
    assert option(plan(answers()), "supported_housing").fits == "no"
    assert option(plan(VARIANTS["care_leaver"]), "supported_housing").fits == "yes"
    assert "personal adviser" in texts(option(plan(VARIANTS["care_leaver"]), "supported_housing").next_steps)
    hospital = option(plan(VARIANTS["hospital"]), "supported_housing")
    assert hospital.fits == "maybe" and "hospital team" in texts(hospital.next_steps)


def test_armed_forces_only_when_answered():
    assert "armed_forces" not in [item.kind for item in plan(answers()).options]
    recent = option(plan(answers(armed_forces="left_recently", residence="no", bedrooms=0)), "armed_forces")
    assert recent.fits == "yes" and "Armed Forces" in texts(recent.why)
    assert "0808 802 1212" in texts(recent.next_steps) and recent.link == COUNCIL.links["armed_forces"]
    earlier = option(plan(answers(armed_forces="left_earlier")), "armed_forces")
    assert "moves you up to band 1" in texts(earlier.why)
    assert "local connection" not in texts(earlier.why)


def test_plans_do_not_change_with_the_same_answers():
    assert plan(PERSONAS["fleeing_abuse"]) == plan(PERSONAS["fleeing_abuse"])


def test_as_at_moves_the_leave_date_check():
    values = answers(told_to_leave="yes", leave_date="2026-09-01")
    assert plan(values).urgent_kinds == ()
    assert plan(values, as_at=dt.date(2026, 8, 1)).urgent_kinds == ("must_leave_soon",)


def test_under_18s_are_pointed_to_childrens_services_not_private_renting():
    renting = option(plan(VARIANTS["young"]), "private_renting")
    assert renting.fits == "no" and "Children's services" in texts(renting.next_steps)
    assert option(plan(answers(age=18)), "private_renting").fits != "no"


def test_no_public_funds_means_no_benefits_or_deposit_help_in_the_advice():
    renting = option(plan(VARIANTS["no_public_funds"]), "private_renting")
    assert "Universal Credit" not in texts(renting.why) + texts(renting.next_steps)
    assert "deposit" not in texts(renting.why)
