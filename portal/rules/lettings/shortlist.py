"""Shortlists: bidders filtered by the advert's rules, then ranked by the scheme's ordering.

The filters are ``bidding.eligibility_blockers``: a bidder the home is not for
is left out, with the codes of every rule they miss. The rest are put in the
order of ``portal.rules.ranking`` (scheme section 8): band, priority date,
registration date, then reference. A household on the register always has
both dates; if one is missing, the priority date falls back to the
registration date (the date an initial assessment uses) and a missing date
sorts after every real one, so the order stays total.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from portal.rules.lettings.bidding import eligibility_blockers
from portal.rules.lettings.facts import Bidder, Home
from portal.rules.ranking import Candidate, ranked
from portal.rules.text import N_, Sentence

#: Shortlist places that no longer stand in the way of an offer to someone lower down.
PASSED_OVER_STATUSES = frozenset({"skipped", "refused"})


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


RULES_USED: tuple[Sentence, ...] = (
    Sentence(N_("Only households on the housing register with a band can be on a shortlist."), ""),
    Sentence(
        N_(
            "We leave out households this home is not for, going by what the advert says: the number of bedrooms "
            "they need, their age, whether they already rent from the council or a housing association, and a "
            "local connection."
        ),
        "",
    ),
    Sentence(N_("We put everyone else in order of band. Band 1 comes first."), "8"),
    Sentence(N_("In the same band, the household with the earliest priority date comes first."), "8"),
    Sentence(N_("If the priority dates are the same, the earliest registration date comes first."), "8"),
    Sentence(
        N_("If those are the same too, the application reference decides, so the order is always the same."),
        "8",
    ),
)


def candidate_of(bidder: Bidder) -> Candidate:
    """The bidder as the scheme's ordering reads it (see the module's note on missing dates)."""
    registered = bidder.registration_date or dt.date.max
    return Candidate(
        ref=bidder.reference,
        band=bidder.band if bidder.band is not None else 5,
        priority_date=bidder.priority_date or registered,
        registration_date=registered,
    )


def make_shortlist(home: Home, bidders: Iterable[Bidder]) -> list[Placed]:
    """The ranked bidders (positions 1 to n), then the ones left out (by reference, with their codes).

    Raises ``ValueError`` when two bidders share a reference: a reference names one household.
    """
    eligible: dict[str, Bidder] = {}
    excluded: list[Placed] = []
    seen: set[str] = set()
    for bidder in bidders:
        if bidder.reference in seen:
            raise ValueError(f"The reference {bidder.reference!r} is on the shortlist more than once.")
        seen.add(bidder.reference)
        codes = tuple(blocker.code for blocker in eligibility_blockers(home, bidder))
        if codes:
            excluded.append(Placed(bidder, None, codes))
        else:
            eligible[bidder.reference] = bidder
    order = ranked(candidate_of(bidder) for bidder in eligible.values())
    placed = [Placed(eligible[candidate.ref], number) for number, candidate in enumerate(order, start=1)]
    return placed + sorted(excluded, key=lambda place: place.bidder.reference)


def live_place(home: Home, reference: str, bidders: Iterable[Bidder]) -> tuple[int, int] | None:
    """(position, number of bidders ranked) if the shortlist were made now; None when left out or not bidding."""
    places = make_shortlist(home, bidders)
    ranked_count = sum(1 for place in places if place.position is not None)
    for place in places:
        if place.bidder.reference == reference and place.position is not None:
            return place.position, ranked_count
    return None


def live_position(home: Home, reference: str, bidders: Iterable[Bidder]) -> int | None:
    """The household's place if the shortlist were made now; None when it would be left out or has not bid."""
    place = live_place(home, reference, bidders)
    return place[0] if place else None


def position_sentence(position: int, out_of: int) -> Sentence:
    """ "You are number 3 of 12 bidders", with its own wording when the household is the only one."""
    if out_of == 1:
        return Sentence(N_("You are the only bidder so far."), "")
    return Sentence(
        N_("You are number %(position)s of %(count)s bidders."), "", {"position": position, "count": out_of}
    )


def passed_over_without_reason(entries: Sequence[EntryState], chosen: str) -> list[str]:
    """References of places above ``chosen`` that were neither skipped nor refused, top first.

    A chosen household with no place (left out, or not on the list) is below every place.
    """
    mine = next((entry.position for entry in entries if entry.reference == chosen), None)
    above = [
        entry
        for entry in entries
        if entry.position is not None
        and entry.reference != chosen
        and (mine is None or entry.position < mine)
        and entry.status not in PASSED_OVER_STATUSES
    ]
    return [entry.reference for entry in sorted(above, key=lambda entry: (entry.position, entry.reference))]
