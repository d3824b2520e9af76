"""The housing options answers: which questions exist, when each is asked, and their checked values.

The web journey keeps answers as a plain dictionary of JSON values. This
module is the one place that says which keys exist, what each may hold and
when each question is asked, so the questions and the advice always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

YES_NO = ("yes", "no")
HOME_TYPES_ASKED = (
    "private_rented",
    "council_tenant",
    "housing_association_tenant",
    "owner_occupier",
    "living_with_family",
    "lodger",
    "sofa_surfing",
    "rough_sleeping",
    "temporary_accommodation",
    "hostel",
    "refuge",
    "supported_housing",
    "hospital",
    "prison",
    "other",
)
SOCIAL_TENANT_TYPES = ("council_tenant", "housing_association_tenant")
HOMES_WITH_BEDROOMS = (
    "private_rented",
    "council_tenant",
    "housing_association_tenant",
    "owner_occupier",
    "living_with_family",
    "lodger",
    "other",
)
SHARING_TYPES = ("private_rented", "lodger", "other")
SEXES = ("male", "female")
ABUSE = ("yes", "no", "prefer_not_to_say")
IMMIGRATION = ("british_irish", "settled", "refugee", "pre_settled", "visa", "no_public_funds", "none", "not_sure")
RESIDENCE = ("yes", "less", "no")
HEALTH = ("no", "hard", "serious")
ARMED_FORCES = ("serving", "left_recently", "left_earlier", "bereaved", "reservist_injured", "no")

AGE_RANGE = (12, 120)
CHILDREN_RANGE = (0, 15)
CHILD_AGE_RANGE = (0, 17)
OTHER_ADULTS_RANGE = (0, 10)
ADULT_AGE_RANGE = (16, 120)
BEDROOMS_RANGE = (0, 20)
LEAVE_DATE_DAYS_BEFORE = 366
LEAVE_DATE_DAYS_AFTER = 731
MAXIMUM_MONEY = Decimal(100_000_000)

Answers = Mapping[str, Any]


def _always(_answers: Answers) -> bool:
    return True


def _number(answers: Answers, key: str) -> int | None:
    value = answers.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _where(*types: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get("where_live") in types


@dataclass(frozen=True)
class Question:
    key: str
    asked_when: Callable[[Answers], bool] = _always


#: Every question, in the order the journey asks them.
QUESTIONS: tuple[Question, ...] = (
    Question("safe_tonight"),
    Question("abuse"),
    Question("where_live"),
    Question("told_to_leave", lambda a: a.get("where_live") != "rough_sleeping"),
    Question("leave_date", lambda a: a.get("told_to_leave") == "yes" and a.get("where_live") != "rough_sleeping"),
    Question("age"),
    Question("partner"),
    Question("children"),
    Question("children_details", lambda a: (_number(a, "children") or 0) > 0),
    Question("other_adults"),
    Question("adults_details", lambda a: (_number(a, "other_adults") or 0) > 0),
    Question("pregnant"),
    Question("bedrooms", _where(*HOMES_WITH_BEDROOMS)),
    Question("shares_facilities", _where(*SHARING_TYPES)),
    Question("home_condition", _where(*HOMES_WITH_BEDROOMS)),
    Question("immigration"),
    Question("residence"),
    Question("work_local"),
    Question("move_for_work", _where(*SOCIAL_TENANT_TYPES)),
    Question("health"),
    Question("care_support"),
    Question("support_needs"),
    Question("care_leaver", lambda a: (_number(a, "age") or 99) < 25),
    Question("armed_forces"),
    Question("income_yearly"),
    Question("take_home_monthly"),
    Question("savings"),
    Question("owns_home", lambda a: a.get("where_live") != "owner_occupier"),
)
QUESTION_ORDER: tuple[str, ...] = tuple(question.key for question in QUESTIONS)
BY_KEY = {question.key: question for question in QUESTIONS}


def applies(key: str, answers: Answers) -> bool:
    """Whether the question ``key`` is asked, given the answers so far."""
    return BY_KEY[key].asked_when(answers)


def questions_to_ask(answers: Answers) -> tuple[str, ...]:
    """The keys of the questions that apply to these answers, in order."""
    return tuple(key for key in QUESTION_ORDER if applies(key, answers))


def next_unanswered(answers: Answers) -> str | None:
    """The first question that applies and has no answer yet, or None when every one is answered."""
    for key in questions_to_ask(answers):
        if key not in answers:
            return key
    return None


def is_complete(answers: Answers) -> bool:
    return next_unanswered(answers) is None


def without_unasked(answers: Answers) -> dict[str, Any]:
    """The answers with any that no longer apply taken away (after an earlier answer changed)."""
    asked = set(questions_to_ask(answers))
    return {key: value for key, value in answers.items() if key in asked}


def is_urgent_now(answers: Answers) -> bool:
    """Whether the answers so far show someone needs help today (nowhere safe tonight, or abuse)."""
    return answers.get("safe_tonight") == "no" or answers.get("abuse") == "yes"


@dataclass(frozen=True)
class Person:
    age: int
    sex: str


@dataclass(frozen=True)
class OptionsAnswers:
    """Checked, typed answers. Fields for questions not asked are None (or empty)."""

    safe_tonight: bool
    abuse: str
    where_live: str
    told_to_leave: bool
    leave_date: dt.date | None
    age: int
    partner: bool
    children: tuple[Person, ...]
    other_adults: tuple[Person, ...]
    pregnant: bool
    bedrooms: int | None
    shares_facilities: bool
    home_condition: bool
    immigration: str
    residence: str
    work_local: bool
    move_for_work: bool
    health: str
    care_support: bool
    support_needs: bool
    care_leaver: bool
    armed_forces: str
    income_yearly: Decimal
    take_home_monthly: Decimal
    savings: Decimal
    owns_home: bool

    @classmethod
    def from_mapping(cls, answers: Answers) -> OptionsAnswers:
        """Check a complete set of answers and type them. Raises ValueError naming the first bad key."""
        missing = next_unanswered(answers)
        if missing is not None:
            raise ValueError(f"{missing}: no answer")
        where = _choice(answers, "where_live", HOME_TYPES_ASKED)
        asked = set(questions_to_ask(answers))
        return cls(
            safe_tonight=_yes(answers, "safe_tonight"),
            abuse=_choice(answers, "abuse", ABUSE),
            where_live=where,
            told_to_leave="told_to_leave" in asked and _yes(answers, "told_to_leave"),
            leave_date=_date(answers, "leave_date") if "leave_date" in asked else None,
            age=_whole(answers, "age", AGE_RANGE),
            partner=_yes(answers, "partner"),
            children=_people(answers, "children", "children_details", CHILDREN_RANGE, CHILD_AGE_RANGE),
            other_adults=_people(answers, "other_adults", "adults_details", OTHER_ADULTS_RANGE, ADULT_AGE_RANGE),
            pregnant=_yes(answers, "pregnant"),
            bedrooms=_whole(answers, "bedrooms", BEDROOMS_RANGE) if "bedrooms" in asked else None,
            shares_facilities="shares_facilities" in asked and _yes(answers, "shares_facilities"),
            home_condition="home_condition" in asked and _yes(answers, "home_condition"),
            immigration=_choice(answers, "immigration", IMMIGRATION),
            residence=_choice(answers, "residence", RESIDENCE),
            work_local=_yes(answers, "work_local"),
            move_for_work="move_for_work" in asked and _yes(answers, "move_for_work"),
            health=_choice(answers, "health", HEALTH),
            care_support=_yes(answers, "care_support"),
            support_needs=_yes(answers, "support_needs"),
            care_leaver="care_leaver" in asked and _yes(answers, "care_leaver"),
            armed_forces=_choice(answers, "armed_forces", ARMED_FORCES),
            income_yearly=_money(answers, "income_yearly"),
            take_home_monthly=_money(answers, "take_home_monthly"),
            savings=_money(answers, "savings"),
            owns_home=where == "owner_occupier" or _yes(answers, "owns_home"),
        )


def _choice(answers: Answers, key: str, allowed: tuple[str, ...]) -> str:
    value = answers.get(key)
    if value not in allowed:
        raise ValueError(f"{key}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _yes(answers: Answers, key: str) -> bool:
    return _choice(answers, key, YES_NO) == "yes"


def _whole(answers: Answers, key: str, bounds: tuple[int, int], value: Any = None) -> int:
    value = answers.get(key) if value is None else value
    if isinstance(value, bool) or not isinstance(value, int) or not bounds[0] <= value <= bounds[1]:
        raise ValueError(f"{key}: {value!r} is not a whole number from {bounds[0]} to {bounds[1]}")
    return value


def _money(answers: Answers, key: str) -> Decimal:
    try:
        amount = Decimal(str(answers.get(key)))
    except InvalidOperation as error:
        raise ValueError(f"{key}: not an amount of money") from error
    if not amount.is_finite() or amount < 0 or amount > MAXIMUM_MONEY:
        raise ValueError(f"{key}: {amount} is not an amount from 0 to {MAXIMUM_MONEY}")
    return amount


def _date(answers: Answers, key: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(answers.get(key)))
    except ValueError as error:
        raise ValueError(f"{key}: not a date") from error


def _people(
    answers: Answers, count_key: str, details_key: str, count_bounds: tuple[int, int], age_bounds: tuple[int, int]
) -> tuple[Person, ...]:
    count = _whole(answers, count_key, count_bounds)
    if count == 0:
        return ()
    details = answers.get(details_key)
    if not isinstance(details, list) or len(details) != count:
        raise ValueError(f"{details_key}: needs {count} people")
    people = []
    for item in details:
        if not isinstance(item, Mapping):
            raise ValueError(f"{details_key}: each person needs an age and sex")
        people.append(Person(age=_whole(item, "age", age_bounds), sex=_choice(item, "sex", SEXES)))
    return tuple(people)
