"""Honest waiting-time estimates from the last months of lets (stub: being written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from portal.rules.text import Sentence


@dataclass(frozen=True, slots=True)
class LetRecord:
    let_on: dt.date
    bedrooms: int
    band: int | None
    priority_date: dt.date | None


@dataclass(frozen=True, slots=True)
class WaitEstimate:
    band: int
    bedrooms: int
    lets: int  # lets of this size to this band in the period
    months: int
    median_days: int | None  # None when there are too few lets to say
    shortest_days: int | None
    longest_days: int | None
    sentences: tuple[Sentence, ...]


def estimate(
    lets: Iterable[LetRecord], *, band: int, bedrooms: int, today: dt.date, months: int = 12, minimum_lets: int = 3
) -> WaitEstimate:
    raise NotImplementedError


def estimate_table(
    lets: Iterable[LetRecord], *, today: dt.date, months: int = 12, minimum_lets: int = 3
) -> list[WaitEstimate]:
    raise NotImplementedError
