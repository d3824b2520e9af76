"""Offers: refusals that count towards the scheme's reduced preference rule (stub: being written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def refusals_counted(refused_on: Iterable[dt.date], today: dt.date) -> int:
    raise NotImplementedError
