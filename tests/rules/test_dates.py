"""Calendar rules (spec 1.5 to 1.8): ages, adding months, whole months."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules.dates import add_months, age_on, on_or_before_add_months, whole_months

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        ("2009-06-01", "2025-05-31", 15),  # the day before the 16th birthday
        ("2009-06-01", "2025-06-01", 16),  # on the birthday
        ("2009-06-01", "2025-06-02", 16),
        ("2008-02-29", "2025-02-28", 16),  # born 29 February: not yet 17 on 28 February in a common year
        ("2008-02-29", "2025-03-01", 17),  # ... 17 on 1 March
        ("2008-02-29", "2024-02-28", 15),
        ("2008-02-29", "2024-02-29", 16),  # a leap year: the birthday itself
        ("2000-12-31", "2001-01-01", 0),
        ("2025-06-01", "2025-06-01", 0),
    ],
)
def test_age_on(birth, on, age):
    assert age_on(D(birth), D(on)) == age


@pytest.mark.parametrize(
    ("start", "months", "result"),
    [
        ("2024-01-31", 1, "2024-02-29"),  # the spec's example
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-01-31", 2, "2024-03-31"),  # always from the original date, never step by step
        ("2024-03-31", -1, "2024-02-29"),
        ("2024-05-15", -5, "2023-12-15"),
        ("2024-12-31", 12, "2025-12-31"),
        ("2020-02-29", 60, "2025-02-28"),
        ("2020-02-29", 48, "2024-02-29"),
        ("2025-06-01", 0, "2025-06-01"),
    ],
)
def test_add_months(start, months, result):
    assert add_months(D(start), months) == D(result)


def test_add_months_outside_the_calendar():
    with pytest.raises(OverflowError):
        add_months(dt.date(9999, 12, 1), 1)
    with pytest.raises(OverflowError):
        add_months(dt.date(1, 1, 1), -1)
    assert on_or_before_add_months(dt.date(9999, 12, 31), dt.date(9998, 1, 1), 60)
    assert not on_or_before_add_months(dt.date(1, 1, 1), dt.date(1, 1, 1), -1)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2023-06-01", "2025-06-01", 24),
        ("2023-06-02", "2025-06-01", 23),  # one day short
        ("2023-05-31", "2025-05-30", 23),
        ("2023-05-31", "2025-05-31", 24),
        ("2024-01-31", "2024-02-29", 1),  # add_months(2024-01-31, 1) is 2024-02-29
        ("2024-01-31", "2024-02-28", 0),
        ("2023-01-31", "2023-02-28", 1),
        ("2024-03-31", "2024-04-30", 1),
        ("2025-06-01", "2025-06-01", 0),
        ("2025-06-02", "2025-06-01", 0),  # start after end
        ("2025-05-01", "2025-05-31", 0),
    ],
)
def test_whole_months(start, end, months):
    assert whole_months(D(start), D(end)) == months


def test_whole_months_is_the_largest_m_with_add_months_not_after_end():
    start = dt.date(2020, 1, 31)
    for offset in range(0, 800, 7):
        end = start + dt.timedelta(days=offset)
        m = whole_months(start, end)
        assert add_months(start, m) <= end < add_months(start, m + 1)
