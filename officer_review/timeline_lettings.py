"""Words for the lettings events on a case's timeline: bids, shortlists, offers, nominations and lets."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from portal.rules.lettings.kinds import SKIP_REASONS


def _home(details: Mapping[str, Any]) -> str:
    reference = details.get("advert")
    return f"home {reference}" if reference else "a home"


def _said(text: str) -> Callable[[Mapping[str, Any], Any], str]:
    """Words that name the home: "Bid for home HM-ABC123"."""
    return lambda details, _context: f"{text} {_home(details)}"


def _skipped(details: Mapping[str, Any], _context: Any) -> str:
    reason = SKIP_REASONS.get(str(details.get("skip_reason")), details.get("skip_reason"))
    return f"Passed over on the shortlist for {_home(details)}" + (f": {reason}" if reason else "")


LETTINGS_WORDS: dict[str, Callable[[Mapping[str, Any], Any], str]] = {
    "lettings.bid_placed": _said("Bid for"),
    "lettings.auto_bid": _said("Bid placed automatically for"),
    "lettings.bid_withdrawn": _said("Took back the bid for"),
    "lettings.bid_given_back": _said("Bid given back because the advert was withdrawn:"),
    "lettings.auto_bid_set": lambda d, c: "Set up automatic bidding",
    "lettings.auto_bid_stopped": lambda d, c: "Stopped automatic bidding",
    "lettings.shortlist_verified": _said("Checked on the shortlist for"),
    "lettings.shortlist_skipped": _skipped,
    "lettings.offer_made": _said("Offered"),
    "lettings.offer_accepted": _said("Said yes to the offer of"),
    "lettings.offer_refused": _said("Said no to the offer of"),
    "lettings.offer_withdrawn": _said("Undid the offer of"),
    "lettings.nominated": _said("Nominated to the housing association for"),
    "lettings.nomination_accepted": _said("The housing association accepted the nomination for"),
    "lettings.nomination_refused": _said("The housing association turned down the nomination for"),
    "lettings.direct_match_requested": _said("Asked for a direct match to"),
    "lettings.direct_match_approved": _said("Direct match approved for"),
    "lettings.direct_match_refused": _said("Direct match not approved for"),
    "lettings.let": _said("Housed in"),
}
