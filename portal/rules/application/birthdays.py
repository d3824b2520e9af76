"""Birthdays that change the number of bedrooms a household needs (allocation scheme, section 5).

A child turning 10 may no longer share with a child of the other sex, and
someone turning 16 (the sharing limit of the SC model; 21 for BS) needs a
room of their own. ``bedroom_need_changes`` finds each birthday in a window
that changes the need, so the portal can ask an officer to look again.

Each birthday is looked at on its own: the need the day before, against the
need that day with only that person a year older. So twins whose birthday
changes the need are both found, and a parent's birthday on the same day is not.
Someone born on 29 February turns a year older on 1 March in other years
(spec 1.5). People without a real date of birth have no birthdays here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from portal.rules.application.to_case import case_from_facts, parse_date, people_of
from portal.rules.bedrooms import assess_home
from portal.rules.dates import age_on
from portal.rules.household import Case
from portal.rules.options.to_case import born_for_age
from portal.rules.scheme import Scheme

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class BirthdayChange:
    """A birthday on ``on`` when ``person_id`` turns ``age`` and the bedroom need goes from one number to another."""

    on: dt.date
    person_id: str
    age: int
    need_before: int
    need_after: int


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthdays(born: dt.date, start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The days in (start, end] on which someone born on ``born`` turns a year older."""
    for year in range(max(start.year, born.year + 1), end.year + 1):
        if (born.month, born.day) == (2, 29) and not _is_leap(year):
            day = dt.date(year, 3, 1)
        else:
            day = born.replace(year=year)
        if start < day <= end:
            yield day


def _need(case: Case, scheme: Scheme) -> int:
    return assess_home(case, scheme).bedroom_need


def _one_year_older(case: Case, person_id: str) -> Case:
    people = tuple(
        replace(person, date_of_birth=born_for_age(age_on(person.date_of_birth, case.as_at) + 1, case.as_at))
        if person.id == person_id
        else person
        for person in case.people
    )
    return replace(case, people=people)


def bedroom_need_changes(
    facts: Mapping[str, Any], scheme: Scheme, start: dt.date, end: dt.date
) -> tuple[BirthdayChange, ...]:
    """Each birthday in (start, end] that changes the household's bedroom need, by date then person."""
    by_day: dict[dt.date, list[str]] = {}
    for person_id, person in people_of(facts):
        born = parse_date(person.get("date_of_birth"))
        if born is None:
            continue
        for day in birthdays(born, start, end):
            by_day.setdefault(day, []).append(person_id)
    found: list[BirthdayChange] = []
    for day in sorted(by_day):
        case = case_from_facts(facts, day - ONE_DAY, scheme)
        before = _need(case, scheme)
        for person_id in by_day[day]:
            after = _need(_one_year_older(case, person_id), scheme)
            if after != before:
                born = next(person.date_of_birth for person in case.people if person.id == person_id)
                found.append(BirthdayChange(day, person_id, age_on(born, day), before, after))
    return tuple(found)
