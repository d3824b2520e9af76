"""Working days (Monday to Friday) between two dates, for the age of a case and its target.

Bank holidays are not taken out: a working day here is any Monday to Friday.
"""

from __future__ import annotations

import datetime as dt

_ONE_DAY = dt.timedelta(days=1)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days come after ``start``, up to and including ``end`` (0 when ``end`` is not later).

    A case received on a Friday is 1 working day old on the Monday after; one
    received on a Saturday or Sunday is also 1 working day old on that Monday.
    """
    if end <= start:
        return 0
    weeks, extra = divmod((end - start).days, 7)
    count = weeks * 5
    day = start
    for _ in range(extra):
        day += _ONE_DAY
        if is_working_day(day):
            count += 1
    return count


def oldest_within(end: dt.date, days: int) -> dt.date:
    """The earliest date that is at most ``days`` working days before ``end``.

    A date is more than ``days`` working days old on ``end`` exactly when it is
    before this one, so a database can find older cases with ``received_on < oldest_within(today, target)``.
    """
    days = max(days, 0)
    earliest = end
    age = 0
    while True:
        age_before = age + (1 if is_working_day(earliest) else 0)
        if age_before > days:
            return earliest
        earliest -= _ONE_DAY
        age = age_before
