"""Working days between two dates: Monday to Friday, the start day not counted."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules.casework.working_days import is_working_day, oldest_within, working_days_between

MONDAY = dt.date(2026, 11, 16)
FRIDAY = dt.date(2026, 11, 20)
SATURDAY = dt.date(2026, 11, 21)
SUNDAY = dt.date(2026, 11, 22)
NEXT_MONDAY = dt.date(2026, 11, 23)


def test_weekdays_are_working_days_and_weekends_are_not():
    assert [is_working_day(MONDAY + dt.timedelta(days=n)) for n in range(7)] == [True] * 5 + [False] * 2


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (MONDAY, MONDAY, 0),
        (MONDAY, dt.date(2026, 11, 17), 1),
        (MONDAY, FRIDAY, 4),
        (MONDAY, SATURDAY, 4),
        (MONDAY, NEXT_MONDAY, 5),
        (FRIDAY, SATURDAY, 0),
        (FRIDAY, SUNDAY, 0),
        (FRIDAY, NEXT_MONDAY, 1),
        (SATURDAY, SUNDAY, 0),
        (SATURDAY, NEXT_MONDAY, 1),
        (SUNDAY, NEXT_MONDAY, 1),
        (MONDAY, MONDAY + dt.timedelta(weeks=4), 20),
        (dt.date(2026, 12, 31), dt.date(2027, 1, 1), 1),  # across a year; bank holidays are not taken out
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


def test_an_end_before_the_start_gives_nothing():
    assert working_days_between(NEXT_MONDAY, MONDAY) == 0


def test_counting_day_by_day_agrees():
    start = dt.date(2026, 1, 1)
    for length in range(0, 60):
        end = start + dt.timedelta(days=length)
        slow = sum(1 for n in range(1, length + 1) if is_working_day(start + dt.timedelta(days=n)))
        assert working_days_between(start, end) == slow


@pytest.mark.parametrize("end", [MONDAY, FRIDAY, SATURDAY, SUNDAY, NEXT_MONDAY])
@pytest.mark.parametrize("target", [0, 1, 4, 5, 20])
def test_older_than_the_target_exactly_when_before_the_oldest_within(end, target):
    cutoff = oldest_within(end, target)
    for back in range(0, 50):
        day = end - dt.timedelta(days=back)
        assert (working_days_between(day, end) > target) == (day < cutoff), (day, end, target)


def test_a_negative_target_counts_as_none():
    assert oldest_within(MONDAY, -3) == oldest_within(MONDAY, 0)
