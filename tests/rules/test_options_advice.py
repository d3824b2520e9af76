"""Housing options advice: five people's plans, and the rules each option follows."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract

from portal.rules.options.advice import FITS, OPTION_KINDS, URGENT_KINDS, Advice, Option, advise
from portal.rules.options.answers import OptionsAnswers
from portal.rules.options.council import load_council
from portal.rules.scheme import load_scheme
from portal.rules.text import Sentence
from tests.rules.test_options_to_case import AS_AT, NOT_A_HOME, SLEEPING_ROUGH, answers, people

SCHEME = load_scheme("default")
COUNCIL = load_council(None)
RULES = Path(__file__).resolve().parents[2] / "portal" / "rules"

PERSONAS: dict[str, dict[str, Any]] = {
    "family_overcrowded": answers(
        age=32,
        partner="yes",
        children=2,
        children_details=people((12, "male"), (7, "female")),
        bedrooms=1,
        income_yearly="28000",
        take_home_monthly="2100",
        savings="1500",
    ),
    "rough_sleeper": answers(
        age=40,
        safe_tonight="no",
        income_yearly="0",
        take_home_monthly="0",
        **SLEEPING_ROUGH,
    ),
    "fleeing_abuse": answers(
        age=29,
        abuse="yes",
        safe_tonight="no",
        children=2,
        children_details=people((4, "female"), (2, "male")),
        bedrooms=2,
        income_yearly="14000",
        take_home_monthly="1300",
        savings="200",
    ),
    "couple_buying": answers(
        age=30,
        partner="yes",
        income_yearly="45000",
        take_home_monthly="3000",
        savings="30000",
        where_live="living_with_family",
        shares_facilities=None,
    ),
    "older_homeowner": answers(
        age=72,
        where_live="owner_occupier",
        owns_home=None,
        shares_facilities=None,
        bedrooms=3,
        income_yearly="16000",
        take_home_monthly="1200",
        savings="40000",
        health="hard",
    ),
}


def plan(values: dict[str, Any], scheme=SCHEME, council=COUNCIL, as_at=AS_AT) -> Advice:
    return advise(OptionsAnswers.from_mapping(values), scheme, council, as_at)


def option(advice: Advice, kind: str) -> Option:
    found = [item for item in advice.options if item.kind == kind]
    assert len(found) == 1, kind
    return found[0]


def texts(sentences: tuple[Sentence, ...]) -> str:
    return " ".join(sentence.text() for sentence in sentences)


def figures(item: Option) -> dict[str, str]:
    return {figure.label: figure.value for figure in item.figures}


def all_sentences(advice: Advice) -> list[Sentence]:
    found = list(advice.urgent)
    for item in advice.options:
        found += [*item.why, *item.next_steps]
    return found


# --- The five people -------------------------------------------------------------------------


def test_family_of_four_overcrowded_in_a_one_bedroom_private_let():
    advice = plan(PERSONAS["family_overcrowded"])
    assert advice.urgent_kinds == () and advice.urgent == ()
    assert (advice.bedroom_need, advice.likely_band) == (3, 2)
    assert advice.wait == COUNCIL.wait_for(2, 3)
    register = option(advice, "register")
    assert register.fits == "yes"
    assert figures(register) == {"Bedrooms you need": "3", "Likely band": "2", "Estimated wait in months": "12–24"}
    assert "short of 2 bedrooms" in texts(register.why)
    assert "usually wait 12 to 24 months" in texts(register.why)
    social = option(advice, "social_rent")
    assert social.fits == "yes"
    assert figures(social)["Typical rent each week"] == "£130.40"  # the council's 3-bedroom social rent
    assert advice.options[0].kind == "register"
    assert [line.name for line in advice.helplines] == ["Shelter"]


def test_single_man_sleeping_rough():
    advice = plan(PERSONAS["rough_sleeper"])
    assert advice.urgent_kinds == ("nowhere_tonight", "rough_sleeping")
    urgent = texts(advice.urgent)
    assert "01234 567890" in urgent and "01234 567999" in urgent and "StreetLink" in urgent
    assert "You do not need to have left your home" not in urgent
    assert advice.options[0].kind == "homelessness_help" and advice.options[0].fits == "yes"
    assert advice.assessment.band is None and advice.assessment.qualification_failures == ("Q-HOUSING-NEED",)
    register = option(advice, "register")
    assert register.fits == "maybe" and advice.likely_band == 3
    assert "If the homelessness team agrees to help you" in texts(register.why)
    assert [line.name for line in advice.helplines][:1] == ["StreetLink"]
    assert "Share of your take-home pay" not in figures(option(advice, "social_rent"))
    assert "no take-home pay" in texts(option(advice, "social_rent").why)
    assert option(advice, "private_renting").fits == "maybe"
    assert figures(option(advice, "private_renting"))["Local Housing Allowance each week"] == "£172.60"


def test_woman_fleeing_abuse_with_two_children():
    advice = plan(PERSONAS["fleeing_abuse"])
    assert advice.urgent_kinds == ("nowhere_tonight", "abuse")
    urgent = [sentence.text() for sentence in advice.urgent]
    assert urgent[0].startswith("If you or someone else is in danger now, call 999.")
    assert any("0808 2000 247" in text for text in urgent)
    assert any("You do not need to have left your home to get help." in text for text in urgent)
    assert [item.kind for item in advice.options[:2]] == ["domestic_abuse_help", "homelessness_help"]
    assert [line.purpose for line in advice.helplines[:3]] == ["domestic_abuse", "mens_domestic_abuse", "lgbt_abuse"]
    register = option(advice, "register")
    assert register.fits == "maybe" and advice.likely_band == 3
    assert "X-DA" in advice.assessment.exemptions
    assert "You do not need to have told the police" in texts(option(advice, "domestic_abuse_help").why)


def test_couple_earning_45000_with_30000_savings_wanting_shared_ownership():
    advice = plan(PERSONAS["couple_buying"])
    assert advice.bedroom_need == 1
    shared = option(advice, "shared_ownership")
    assert shared.fits == "yes"
    assert figures(shared)["Typical full price of a home"] == "£240,000"
    assert figures(shared)["Largest share you could buy"] == "75%"
    assert shared.link == COUNCIL.links["shared_ownership"]
    first = option(advice, "first_homes")
    assert first.fits == "yes" and figures(first)["Price after the discount"] == "£140,000"
    register = option(advice, "register")
    assert register.fits == "no"
    assert "savings of £30,000" in texts(register.why) and "less than £30,000" in texts(register.why)
    assert option(advice, "social_rent").fits == "no"
    assert advice.options[-1].fits == "no"


def test_homeowner_aged_72_wanting_sheltered_housing():
    advice = plan(PERSONAS["older_homeowner"])
    register = option(advice, "register")
    assert register.fits == "no"
    assert "owns a home" in texts(register.why)
    sheltered = option(advice, "sheltered")
    assert sheltered.fits == "maybe"
    assert "retirement home" in texts(sheltered.why)
    assert option(advice, "extra_care").fits == "maybe"
    assert option(advice, "first_homes").fits == "no" and option(advice, "shared_ownership").fits == "no"
    kinds = [item.kind for item in advice.options]
    assert "mutual_exchange" not in kinds and "armed_forces" not in kinds and "right_to_move" not in kinds
    assert kinds.index("sheltered") < kinds.index("register")


# --- Every sentence, figure and option is well formed -----------------------------------------

VARIANTS = {
    **PERSONAS,
    "young": answers(age=15, care_leaver="no", income_yearly="0", take_home_monthly="0"),
    "care_leaver": answers(age=19, care_leaver="yes", support_needs="yes", residence="no", bedrooms=0),
    "tenant_moving_for_work": answers(
        where_live="council_tenant", move_for_work="yes", residence="no", shares_facilities=None, bedrooms=1
    ),
    "veteran_leave_soon": answers(armed_forces="left_recently", told_to_leave="yes", leave_date="2026-05-20"),
    "leave_date_passed": answers(told_to_leave="yes", leave_date="2026-04-01", health="serious"),
    "no_public_funds": answers(
        immigration="no_public_funds", children=1, children_details=people((3, "male")), bedrooms=0
    ),
    "no_leave": answers(immigration="none"),
    "check_status": answers(immigration="visa", bedrooms=0, home_condition="yes"),
    "hospital": answers(where_live="hospital", support_needs="no", **NOT_A_HOME),
    "prison": answers(where_live="prison", **NOT_A_HOME),
    "prefer_not_to_say": answers(abuse="prefer_not_to_say", residence="less"),
    "rich": answers(income_yearly="120000", take_home_monthly="7000", savings="200000"),
}


def _n_messages() -> set[str]:
    """Every message marked with N_() in the rules, as Babel extracts them."""
    found: set[str] = set()
    for path in RULES.rglob("*.py"):
        with path.open("rb") as source:
            found.update(message for _line, message, _comments, _context in extract("python", source, {"N_": None}))
    return found


MARKED = _n_messages()


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_sentence_formats_with_its_params_and_is_marked_for_translation(name):
    advice = plan(VARIANTS[name])
    for sentence in all_sentences(advice):
        text = sentence.text()
        assert "%(" not in text and "%s" not in text, text
        for key in sentence.params:
            assert f"%({key})" in sentence.message, (key, sentence.message)
        assert sentence.message in MARKED, sentence.message
        assert sentence.rule == "" or re.match(r"^\d+(\.\d+)?( .+)?$", sentence.rule), sentence.rule
    for item in advice.options:
        assert item.kind in OPTION_KINDS and item.fits in FITS
        assert item.why, item.kind
        for figure in item.figures:
            assert figure.label in MARKED
            assert not re.search(r"[A-Za-z]", figure.value), figure
        assert item.link is None or item.link.startswith("https://")
    assert set(advice.urgent_kinds) <= set(URGENT_KINDS)
    assert "Shelter" in [line.name for line in advice.helplines]


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_options_are_sorted_urgent_help_first_then_yes_maybe_no(name):
    advice = plan(VARIANTS[name])
    kinds = [item.kind for item in advice.options]
    assert "register" in kinds and len(kinds) == len(set(kinds))
    rest = list(advice.options)
    if advice.urgent_kinds:
        while rest and rest[0].kind in ("homelessness_help", "domestic_abuse_help") and rest[0].fits != "no":
            rest.pop(0)
    order = [FITS.index(item.fits) for item in rest]
    assert order == sorted(order)


def test_no_option_that_does_not_fit_is_silent():
    for name in VARIANTS:
        for item in plan(VARIANTS[name]).options:
            if item.fits == "no":
                assert item.why


# --- Urgent help ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("leave", "urgent"),
    [("2026-05-01", True), ("2026-06-26", True), ("2026-06-27", False), ("2026-04-30", True), ("2027-01-01", False)],
)
def test_must_leave_soon_is_within_the_schemes_notice_days(leave, urgent):
    advice = plan(answers(told_to_leave="yes", leave_date=leave))
    assert ("must_leave_soon" in advice.urgent_kinds) is urgent
    assert option(advice, "homelessness_help").fits == "yes"
    if urgent:
        assert "Do not leave your home before you get advice" in texts(advice.urgent)


def test_notice_days_come_from_the_scheme():
    scheme = replace(SCHEME, homelessness_notice_days=90)
    advice = plan(answers(told_to_leave="yes", leave_date="2026-07-20"), scheme=scheme)
    assert advice.urgent_kinds == ("must_leave_soon",)
    assert "in the next 90 days" in texts(option(advice, "homelessness_help").why)


def test_a_passed_leave_date_says_ask_today_and_is_homeless_now():
    advice = plan(answers(told_to_leave="yes", leave_date="2026-04-01", bedrooms=1))
    assert "has passed" in texts(advice.urgent)
    assert advice.likely_band == 3


def test_a_leave_date_soon_means_the_prevention_duty():
    advice = plan(answers(told_to_leave="yes", leave_date="2026-06-01"))
    assert advice.assessment.qualification_failures == ("Q-HOUSING-NEED",)
    assert advice.likely_band == 3 and option(advice, "register").fits == "maybe"


def test_nothing_urgent_means_no_urgent_sentences_and_homelessness_help_does_not_fit():
    advice = plan(answers())
    assert advice.urgent == () and advice.urgent_kinds == ()
    assert option(advice, "homelessness_help").fits == "no"
    assert option(advice, "domestic_abuse_help").fits == "no"
    assert advice.options[-2:] == (option(advice, "homelessness_help"), option(advice, "domestic_abuse_help"))


def test_the_urgent_numbers_come_from_the_council():
    council = replace(COUNCIL, homelessness_phone="0300 123 4567", out_of_hours_phone="0300 765 4321")
    urgent = texts(plan(PERSONAS["rough_sleeper"], council=council).urgent)
    assert "0300 123 4567" in urgent and "0300 765 4321" in urgent and "01234" not in urgent


# --- Helplines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "first"),
    [
        ({"health": "serious"}, "Samaritans"),
        ({"armed_forces": "serving"}, "Veterans' Gateway"),
        ({"age": 16, "care_leaver": "no"}, "Childline"),
        ({"abuse": "yes"}, "National Domestic Abuse Helpline"),
    ],
)
def test_the_helplines_that_fit_come_first(changes, first):
    lines = [line.name for line in plan(answers(**changes)).helplines]
    assert lines[0] == first and lines[-1] == "Shelter"


def test_abuse_lines_only_when_they_fit():
    assert [line.name for line in plan(answers()).helplines] == ["Shelter"]
    gentle = [line.name for line in plan(answers(abuse="prefer_not_to_say")).helplines]
    assert gentle == ["Shelter", "National Domestic Abuse Helpline"]
    assert option(plan(answers(abuse="prefer_not_to_say")), "domestic_abuse_help").fits == "maybe"
