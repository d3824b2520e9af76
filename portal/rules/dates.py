"""Calendar arithmetic for the rules (allocation scheme, sections 1.5 to 1.8).

Dates are plain calendar dates; there are no times or time zones.
"""

from __future__ import annotations

import datetime as dt

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years on ``on`` (1.5): someone born on 29 February turns a year older on 1 March."""
    age = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        age -= 1
    return age


def add_months(d: dt.date, m: int) -> dt.date:
    """``d`` moved by ``m`` months (1.6), keeping the day or using the last day of the month.

    Raises ``OverflowError`` when the result is outside the years 1 to 9999.
    """
    total = d.year * 12 + d.month - 1 + m
    year, month0 = divmod(total, 12)
    if not 1 <= year <= 9999:
        raise OverflowError(f"{d.isoformat()} plus {m} months is outside the calendar.")
    month = month0 + 1
    day = d.day
    if day > 28:
        day = min(day, _days_in_month(year, month))
    return dt.date(year, month, day)


def whole_months(start: dt.date, end: dt.date) -> int:
    """The largest m >= 0 with add_months(start, m) <= end (1.7); 0 when start is after end."""
    if start >= end:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    # add_months(start, months) falls in end's month; it passes end only if its day is later.
    if min(start.day, _days_in_month(end.year, end.month)) > end.day:
        months -= 1
    return months


def on_or_before_add_months(on: dt.date, start: dt.date, months: int) -> bool:
    """Whether ``on <= add_months(start, months)``, also when that date is beyond the calendar."""
    try:
        return on <= add_months(start, months)
    except OverflowError:
        return months > 0
