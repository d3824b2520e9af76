"""The step-by-step working of the affordability calculators: plain, translatable and true to the scheme."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from portal.options.working import number, rent_working
from portal.options.working_buying import first_homes_working, shared_ownership_working
from portal.rules.affordability import AffordableRentCase, SocialRentCase
from portal.rules.first_homes import FirstHomesCase
from portal.rules.scheme import load_scheme
from portal.rules.shared_ownership import SharedOwnershipCase
from portal.rules.text import Sentence

SCHEME = load_scheme("default")


def texts(sentences: list[Sentence]) -> list[str]:
    return [sentence.text() for sentence in sentences]


def test_number_formats_plainly():
    assert number(Decimal("4.5")) == "4.5"
    assert number(Decimal("25.0")) == "25"
    assert number(Decimal(1000)) == "1,000"


def test_shared_ownership_working_e01():
    steps = texts(
        shared_ownership_working(SharedOwnershipCase(Decimal(300000), Decimal(40000), Decimal(20000)), SCHEME)
    )
    assert steps == [
        "Your household income is £40,000 a year. The limit for shared ownership here is £80,000 a year. "
        "Scheme rule 10.3 step 1.",
        "Your savings are £20,000. We leave £5,000 for the costs of buying, so your deposit could be £15,000. "
        "Scheme rule 10.3 step 2.",
        "The most you could borrow is 4.5 times your yearly income. That is £180,000. Scheme rule 10.3 step 3.",
        "Your deposit and the most you could borrow add up to £195,000. The home costs £300,000. "
        "Scheme rule 10.3 step 4.",
        "£195,000 could buy 65% of the home. Scheme rule 10.3 step 5.",
        "The deposit must be at least 5% of the price of your share. Your deposit of £15,000 is enough for any "
        "share. Scheme rule 10.3 step 5.",
        "The largest first share anyone can buy is 75%. Scheme rule 10.3 step 5.",
        "The smallest of these is 65%. The smallest share you can buy is 10%. Scheme rule 10.3 step 6.",
    ]


def test_shared_ownership_working_shows_the_cost_check_e06():
    case = SharedOwnershipCase(Decimal(500000), Decimal(60000), Decimal(40000), True, Decimal(3700), Decimal(150))
    steps = texts(shared_ownership_working(case, SCHEME))
    assert any("45% of £3,700 is £1,665 a month" in step for step in steps)
    assert any("5% interest over 25 years" in step and "2.75% a year" in step for step in steps)
    assert any("With a 61% share, that would be £2,175.27 a month." in step for step in steps)
    assert steps[-1].startswith("That is more than £1,665, so we try smaller shares, 1% at a time")


def test_shared_ownership_working_uses_the_scheme_values():
    scheme = replace(SCHEME, retained_savings=Decimal(2000), mortgage_multiple=Decimal(4), so_max_share=Decimal("0.6"))
    steps = texts(
        shared_ownership_working(SharedOwnershipCase(Decimal(300000), Decimal(40000), Decimal(20000)), scheme)
    )
    assert "We leave £2,000 for the costs of buying, so your deposit could be £18,000." in steps[1]
    assert "4 times your yearly income. That is £160,000." in steps[2]
    assert "The largest first share anyone can buy is 60%. Scheme rule 10.3 step 5." in steps


def test_shared_ownership_working_stops_when_not_eligible():
    steps = texts(
        shared_ownership_working(SharedOwnershipCase(Decimal(100000), Decimal(40000), Decimal(20000)), SCHEME)
    )
    assert len(steps) == 4
    assert "add up to £195,000. The home costs £100,000." in steps[-1]


def test_social_rent_working():
    case = SocialRentCase(Decimal(100), Decimal(2400), Decimal(10), Decimal(50))
    assert texts(rent_working(case, SCHEME)) == [
        "The rent is £100 a week. There are 52 weeks in 12 months, so that is £433.33 a month. Scheme rule 10.1.",
        "Add the service charge of £10 a month. Scheme rule 10.2.",
        "Take away the help with housing costs of £50 a month. Scheme rule 10.2.",
        "So you would pay £393.33 a month. Scheme rule 10.2.",
        "The guide is that rent should be no more than 35% of take-home pay. 35% of £2,400 is £840 a month. "
        "Scheme rule 10.2.",
        "£393.33 is not more than £840, so the rent looks affordable. Scheme rule 10.2.",
    ]


def test_affordable_rent_working_capped_at_lha_e09():
    steps = texts(rent_working(AffordableRentCase(Decimal(1200), Decimal(2400), Decimal("207.12")), SCHEME))
    assert steps[0] == "Affordable Rent is 80% of the market rent. 80% of £1,200 is £960 a month. Scheme rule 10.2."
    assert "so the rent is £897.52 a month" in steps[2]
    assert steps[-1] == "£897.52 is more than £840, so the rent may be hard to afford. Scheme rule 10.2."


def test_first_homes_working_e11():
    steps = texts(first_homes_working(FirstHomesCase(Decimal(320000), Decimal(48000), Decimal(20000), True), SCHEME))
    assert steps[0] == (
        "The full price is £320,000. A discount of 30% takes off £96,000, so the price is £224,000. Scheme rule 10.4."
    )
    assert "The price must be no more than £250,000, and household income no more than £80,000 a year." in steps[1]
    assert steps[-1] == (
        "The mortgage would be the price take away the deposit: £209,000. At 5% interest over 25 years, "
        "that is about £1,221.79 a month. Scheme rule 10.4."
    )


def test_first_homes_working_limits_the_deposit_to_leave_a_mortgage():
    steps = texts(first_homes_working(FirstHomesCase(Decimal(320000), Decimal(48000), Decimal(200000), True), SCHEME))
    assert any("At least 50% of the price must be paid with a mortgage, so we use £112,000" in step for step in steps)


@pytest.mark.parametrize("first_time_buyer", [False])
def test_first_homes_working_stops_when_not_eligible(first_time_buyer):
    case = FirstHomesCase(Decimal(300000), Decimal(30000), Decimal(3000), first_time_buyer)
    assert len(first_homes_working(case, SCHEME)) == 2


def test_every_step_is_a_whole_translatable_message():
    cases = [
        shared_ownership_working(
            SharedOwnershipCase(Decimal(500000), Decimal(60000), Decimal(40000), True, Decimal(3700), Decimal(150)),
            SCHEME,
        ),
        first_homes_working(FirstHomesCase(Decimal(320000), Decimal(48000), Decimal(200000), True), SCHEME),
        rent_working(SocialRentCase(Decimal(100), Decimal(2400), Decimal(10), Decimal(50)), SCHEME),
    ]
    for steps in cases:
        for step in steps:
            assert isinstance(step, Sentence)
            assert step.rule.startswith("10")
            assert step.message % dict(step.params)  # every placeholder has a value
            assert all(isinstance(value, str) for value in step.params.values())
