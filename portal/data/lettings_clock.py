"""Today's date for lettings: one place to read it, so tests can set the day."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()
