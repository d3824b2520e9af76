"""Properties of the housing options advice that must hold for any answers a person could give."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.rules.options import answers as questions
from portal.rules.options.advice import FITS, advise
from portal.rules.options.answers import OptionsAnswers, questions_to_ask
from portal.rules.options.council import load_council
from portal.rules.scheme import load_scheme

AS_AT = dt.date(2026, 11, 22)
SCHEME = load_scheme("default")
COUNCIL = load_council(None)
YES_NO = st.sampled_from(questions.YES_NO)


def money(high: int) -> st.SearchStrategy[str]:
    return st.integers(0, high * 100).map(lambda pence: f"{pence / 100:.2f}")


def people(count: int, ages: tuple[int, int]) -> st.SearchStrategy[list[dict[str, Any]]]:
    person = st.fixed_dictionaries({"age": st.integers(*ages), "sex": st.sampled_from(questions.SEXES)})
    return st.lists(person, min_size=count, max_size=count)


@st.composite
def any_answers(draw: st.DrawFn) -> dict[str, Any]:
    given_answers: dict[str, Any] = {
        "safe_tonight": draw(YES_NO),
        "abuse": draw(st.sampled_from(questions.ABUSE)),
        "where_live": draw(st.sampled_from(questions.HOME_TYPES_ASKED)),
        "told_to_leave": draw(YES_NO),
        "leave_date": (AS_AT + dt.timedelta(days=draw(st.integers(-365, 730)))).isoformat(),
        "age": draw(st.integers(*questions.AGE_RANGE)),
        "partner": draw(YES_NO),
        "children": draw(st.integers(*questions.CHILDREN_RANGE)),
        "other_adults": draw(st.integers(*questions.OTHER_ADULTS_RANGE)),
        "pregnant": draw(YES_NO),
        "bedrooms": draw(st.integers(*questions.BEDROOMS_RANGE)),
        "shares_facilities": draw(YES_NO),
        "home_condition": draw(YES_NO),
        "immigration": draw(st.sampled_from(questions.IMMIGRATION)),
        "residence": draw(st.sampled_from(questions.RESIDENCE)),
        "work_local": draw(YES_NO),
        "move_for_work": draw(YES_NO),
        "health": draw(st.sampled_from(questions.HEALTH)),
        "care_support": draw(YES_NO),
        "support_needs": draw(YES_NO),
        "care_leaver": draw(YES_NO),
        "armed_forces": draw(st.sampled_from(questions.ARMED_FORCES)),
        "income_yearly": draw(money(200_000)),
        "take_home_monthly": draw(money(15_000)),
        "savings": draw(money(500_000)),
        "owns_home": draw(YES_NO),
    }
    given_answers["children_details"] = draw(people(given_answers["children"], questions.CHILD_AGE_RANGE))
    given_answers["adults_details"] = draw(people(given_answers["other_adults"], questions.ADULT_AGE_RANGE))
    asked = set(questions_to_ask(given_answers))
    return {key: value for key, value in given_answers.items() if key in asked}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_answers())
def test_any_complete_answers_give_a_whole_plan(given_answers: dict[str, Any]) -> None:
    answers = OptionsAnswers.from_mapping(given_answers)
    advice = advise(answers, SCHEME, COUNCIL, AS_AT)
    kinds = [option.kind for option in advice.options]
    assert len(kinds) == len(set(kinds))
    assert {"register", "social_rent", "private_renting", "shared_ownership", "first_homes"} <= set(kinds)
    for option in advice.options:
        assert option.fits in FITS
        assert option.why, f"{option.kind} says nothing about why"
        for sentence in (*option.why, *option.next_steps, *advice.urgent):
            assert "%(" not in sentence.text()
    assert advice.bedroom_need >= 1
    if advice.likely_band is None:
        assert advice.wait is None
    else:
        assert advice.wait is not None and advice.wait.band == advice.likely_band
    if answers.abuse == "yes":
        assert "abuse" in advice.urgent_kinds
        assert any(helpline.purpose == "domestic_abuse" for helpline in advice.helplines)
    if not answers.safe_tonight or answers.where_live == "rough_sleeping":
        assert advice.urgent, "someone with nowhere safe tonight must be told what to do today"
        assert advice.options[0].kind in ("homelessness_help", "domestic_abuse_help")
    if answers.immigration in ("no_public_funds", "none"):
        register = next(option for option in advice.options if option.kind == "register")
        assert register.fits != "yes"
