"""Who may bid for a home, and if not, why, in plain words (stub: being written)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from portal.rules.lettings.facts import Bidder, Home
from portal.rules.text import Sentence


@dataclass(frozen=True, slots=True)
class Blocker:
    code: str
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class BidCheck:
    blockers: tuple[Blocker, ...]

    @property
    def can_bid(self) -> bool:
        return not self.blockers

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(blocker.code for blocker in self.blockers)


def eligibility_blockers(home: Home, bidder: Bidder) -> tuple[Blocker, ...]:
    raise NotImplementedError


def bid_check(
    home: Home, bidder: Bidder | None, *, active_bids: int, bid_limit: int, already_bid: bool, today: dt.date
) -> BidCheck:
    raise NotImplementedError
