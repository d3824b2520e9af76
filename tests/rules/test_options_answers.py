"""Which housing options questions are asked, and how answers are checked and typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from portal.rules.options.answers import (
    QUESTION_ORDER,
    OptionsAnswers,
    is_complete,
    is_urgent_now,
    next_unanswered,
    questions_to_ask,
    without_unasked,
)
from portal.rules.text import Sentence


def renting_family() -> dict[str, object]:
    return {
        "safe_tonight": "yes",
        "abuse": "no",
        "where_live": "private_rented",
        "told_to_leave": "no",
        "age": 34,
        "partner": "yes",
        "children": 2,
        "children_details": [{"age": 3, "sex": "male"}, {"age": 7, "sex": "female"}],
        "other_adults": 0,
        "pregnant": "no",
        "bedrooms": 1,
        "shares_facilities": "no",
        "home_condition": "no",
        "immigration": "british_irish",
        "residence": "yes",
        "work_local": "no",
        "health": "no",
        "care_support": "no",
        "support_needs": "no",
        "armed_forces": "no",
        "income_yearly": "28000",
        "take_home_monthly": "1900.50",
        "savings": "500",
        "owns_home": "no",
    }


def test_a_complete_family_is_typed() -> None:
    answers = OptionsAnswers.from_mapping(renting_family())
    assert answers.partner is True
    assert [(child.age, child.sex) for child in answers.children] == [(3, "male"), (7, "female")]
    assert answers.bedrooms == 1
    assert answers.take_home_monthly == Decimal("1900.50")
    assert answers.leave_date is None
    assert answers.move_for_work is False


def test_rough_sleeping_skips_the_questions_about_a_home() -> None:
    answers = {"safe_tonight": "no", "abuse": "no", "where_live": "rough_sleeping", "age": 40}
    asked = questions_to_ask(answers)
    for skipped in ("told_to_leave", "leave_date", "bedrooms", "shares_facilities", "home_condition", "move_for_work"):
        assert skipped not in asked
    assert "owns_home" in asked
    assert "care_leaver" not in asked


def test_conditional_questions_follow_the_answers() -> None:
    answers = {"where_live": "council_tenant", "told_to_leave": "yes", "age": 19, "children": 1, "other_adults": 0}
    asked = questions_to_ask(answers)
    assert {"leave_date", "move_for_work", "care_leaver", "children_details", "bedrooms"} <= set(asked)
    assert "adults_details" not in asked and "shares_facilities" not in asked
    assert "owns_home" in asked
    assert "owns_home" not in questions_to_ask({"where_live": "owner_occupier"})


def test_the_next_question_is_the_first_unanswered_one_that_applies() -> None:
    assert next_unanswered({}) == QUESTION_ORDER[0]
    family = renting_family()
    assert is_complete(family)
    del family["savings"]
    assert next_unanswered(family) == "savings"
    family["savings"] = "0"
    family["told_to_leave"] = "yes"
    assert next_unanswered(family) == "leave_date"


def test_answers_that_no_longer_apply_are_dropped() -> None:
    family = renting_family() | {"told_to_leave": "yes", "leave_date": "2026-12-01"}
    family["where_live"] = "rough_sleeping"
    kept = without_unasked(family)
    assert "leave_date" not in kept and "told_to_leave" not in kept and "bedrooms" not in kept
    assert kept["age"] == 34


def test_urgency_so_far() -> None:
    assert is_urgent_now({"safe_tonight": "no"})
    assert is_urgent_now({"safe_tonight": "yes", "abuse": "yes"})
    assert not is_urgent_now({"safe_tonight": "yes", "abuse": "prefer_not_to_say"})


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("age", 500, "age"),
        ("age", True, "age"),
        ("children", 120, "children"),
        ("where_live", "castle", "where_live"),
        ("income_yearly", "-5", "income_yearly"),
        ("income_yearly", "lots", "income_yearly"),
        ("savings", "NaN", "savings"),
        ("children_details", [{"age": 30, "sex": "male"}, {"age": 7, "sex": "female"}], "age"),
        ("children_details", [{"age": 3, "sex": "male"}], "children_details"),
    ],
)
def test_bad_answers_are_refused_naming_the_key(key: str, value: object, message: str) -> None:
    answers = renting_family() | {key: value}
    with pytest.raises(ValueError, match=message):
        OptionsAnswers.from_mapping(answers)


def test_incomplete_answers_are_refused() -> None:
    answers = renting_family()
    del answers["health"]
    with pytest.raises(ValueError, match="health: no answer"):
        OptionsAnswers.from_mapping(answers)


def test_a_leave_date_is_read_only_when_asked() -> None:
    answers = renting_family() | {"told_to_leave": "yes", "leave_date": "2026-12-01"}
    assert OptionsAnswers.from_mapping(answers).leave_date == dt.date(2026, 12, 1)
    with pytest.raises(ValueError, match="leave_date"):
        OptionsAnswers.from_mapping(answers | {"leave_date": "2026-02-31"})


def test_a_sentence_without_a_rule_has_no_citation() -> None:
    assert Sentence("Call us today.", "").text() == "Call us today."
    assert Sentence("Call us today.", "9").text() == "Call us today. Scheme rule 9."
