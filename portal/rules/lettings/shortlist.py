"""Shortlists: bidders filtered by the advert's rules, then ranked by the scheme's ordering (stub: being written)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from portal.rules.lettings.facts import Bidder, Home
from portal.rules.text import Sentence


@dataclass(frozen=True, slots=True)
class Placed:
    bidder: Bidder
    position: int | None  # 1 is the top; None when left out
    excluded_because: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntryState:
    reference: str
    position: int | None
    status: str  # one of kinds.SHORTLIST_STATUSES


RULES_USED: tuple[Sentence, ...] = ()


def make_shortlist(home: Home, bidders: Iterable[Bidder]) -> list[Placed]:
    raise NotImplementedError


def live_position(home: Home, reference: str, bidders: Iterable[Bidder]) -> int | None:
    raise NotImplementedError


def passed_over_without_reason(entries: Sequence[EntryState], chosen: str) -> list[str]:
    raise NotImplementedError
