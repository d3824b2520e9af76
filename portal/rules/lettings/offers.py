"""Offers: refusals that count towards the scheme's reduced preference rule.

A refusal of a suitable and reasonable offer counts for 12 months: from the
day it was refused until the same day a year later (``dates.add_months``, so
a refusal on 29 February counts until 28 February).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from portal.rules.dates import add_months

REFUSALS_COUNT_FOR_MONTHS = 12


def counting_since(today: dt.date, months: int = REFUSALS_COUNT_FOR_MONTHS) -> dt.date:
    """The first day whose refusals still count on ``today``."""
    return add_months(today, -months)


def refusals_counted(refused_on: Iterable[dt.date], today: dt.date, *, months: int = REFUSALS_COUNT_FOR_MONTHS) -> int:
    """How many refusals were on or after ``today`` less ``months`` months."""
    since = counting_since(today, months)
    return sum(1 for day in refused_on if day >= since)
