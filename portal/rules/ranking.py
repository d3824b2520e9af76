"""Shortlist ordering (allocation scheme, section 8, "Ordering").

Eligible bidders are sorted by band (1 first), then priority date, then
registration date (earliest first), then application reference in ascending
order of character codes, which makes the order total and deterministic.
Size, type, bid limits and local lettings plans are applied before this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """One bidder on a shortlist."""

    ref: str  # application reference, unique on the shortlist
    band: int  # 1 (urgent) to 4
    priority_date: dt.date
    registration_date: dt.date


SortKey = tuple[int, dt.date, dt.date, str]


def sort_key(candidate: Candidate) -> SortKey:
    """The key a shortlist is sorted by; Python compares ``str`` by code point, as the rule needs."""
    return (candidate.band, candidate.priority_date, candidate.registration_date, candidate.ref)


def ranked(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates in shortlist order."""
    return sorted(candidates, key=sort_key)


def shortlist_order(candidates: Iterable[Candidate]) -> list[str]:
    """The references in shortlist order."""
    return [candidate.ref for candidate in ranked(candidates)]
