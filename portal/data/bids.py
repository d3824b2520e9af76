"""Bids for advertised homes: placing one within the cycle's limit, taking one back, and reading them.

The bid limit holds under concurrent requests. ``place_bid`` locks the
household's application row (on PostgreSQL; SQLite writes one at a time),
counts its active bids and takes the lowest free slot of the cycle. The
database allows each slot once for each household in a cycle, so if another
request took the same slot first, the insert fails; the bid is then tried
once more, and refused if the household is out of bids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from portal.data.advert_models import Advert, AdvertPhoto
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.bidders import bidder_for, bidders_for, home_of
from portal.data.letting_models import Bid
from portal.data.models import User
from portal.rules.lettings.bidding import BID_LIMIT, BidCheck, bid_check
from portal.rules.lettings.facts import Bidder
from portal.rules.lettings.shortlist import make_shortlist

#: How many times a bid is tried when another request takes the same slot at the same moment.
ATTEMPTS = 2


class BidRefused(Exception):
    """The household may not bid for the home; ``check`` says every reason why."""

    def __init__(self, check: BidCheck) -> None:
        super().__init__(", ".join(check.codes))
        self.check = check


class BidNotWithdrawable(ValueError):
    """The bid is already taken back, or bidding for the home has closed."""


def advert_with_details(session: Session, reference: str) -> Advert | None:
    """An advert by its reference, with its landlord, cycle and photos loaded."""
    query = (
        select(Advert)
        .where(Advert.reference == reference)
        .options(selectinload(Advert.photos), selectinload(Advert.landlord), selectinload(Advert.cycle))
    )
    return session.scalar(query)


def photo_of(session: Session, photo_id: int) -> AdvertPhoto | None:
    return session.get(AdvertPhoto, photo_id)


def active_bid_count(session: Session, application_id: int, cycle_id: int) -> int:
    query = select(func.count(Bid.id)).where(
        Bid.application_id == application_id, Bid.cycle_id == cycle_id, Bid.status == "active"
    )
    return int(session.scalar(query) or 0)


def active_bid_for(session: Session, application_id: int, advert_id: int) -> Bid | None:
    query = select(Bid).where(Bid.application_id == application_id, Bid.advert_id == advert_id, Bid.status == "active")
    return session.scalar(query)


def has_bid_for(session: Session, application_id: int, advert_id: int) -> bool:
    """Whether the household ever bid for the home (a bid taken back counts too)."""
    query = select(Bid.id).where(Bid.application_id == application_id, Bid.advert_id == advert_id).limit(1)
    return session.scalar(query) is not None


def _used_slots(session: Session, application_id: int, cycle_id: int) -> set[int]:
    query = select(Bid.slot).where(
        Bid.application_id == application_id, Bid.cycle_id == cycle_id, Bid.status == "active"
    )
    return set(session.scalars(query))


def _check(
    session: Session, application_id: int | None, advert: Advert, bidder: Bidder | None, today: dt.date
) -> BidCheck:
    home = home_of(advert)
    cycle = advert.cycle
    if cycle is None:  # an advert outside any cycle takes no bids, whatever its status says
        home = replace(home, status="draft")
    if bidder is None or application_id is None or cycle is None:
        return bid_check(
            home, bidder, active_bids=0, bid_limit=cycle.bid_limit if cycle else 0, already_bid=False, today=today
        )
    return bid_check(
        home,
        bidder,
        active_bids=active_bid_count(session, application_id, cycle.id),
        bid_limit=cycle.bid_limit,
        already_bid=active_bid_for(session, application_id, advert.id) is not None,
        today=today,
    )


def check_for(session: Session, application: Application | None, advert: Advert, today: dt.date) -> BidCheck:
    """Whether the household (None: no application) may bid for the home today, and if not, every reason."""
    if application is None or application.stage == "draft":
        return _check(session, None, advert, None, today)
    return _check(session, application.id, advert, bidder_for(session, application, today), today)


def _lock(session: Session, application: Application) -> None:
    """Hold the application row until the transaction ends, so one household's bids are placed one at a time."""
    session.execute(select(Application.id).where(Application.id == application.id).with_for_update())


def _out_of_bids(
    session: Session, application: Application, advert: Advert, bidder: Bidder, today: dt.date
) -> BidCheck:
    """The reasons after losing a race for a slot: whatever the rules say now, or else the bid limit."""
    check = _check(session, application.id, advert, bidder, today)
    if not check.can_bid:
        return check
    cycle = advert.cycle
    assert cycle is not None
    full = bid_check(
        home_of(advert), bidder, active_bids=cycle.bid_limit, bid_limit=cycle.bid_limit, already_bid=False, today=today
    )
    return BidCheck(tuple(blocker for blocker in full.blockers if blocker.code == BID_LIMIT))


def place_for_bidder(
    session: Session,
    application: Application,
    advert: Advert,
    bidder: Bidder,
    actor: User | None,
    today: dt.date,
    *,
    automatic: bool = False,
    on_behalf_of: User | None = None,
) -> Bid:
    """``place_bid`` for a household already read as a bidder (auto-bidding reads many at once).

    A bid placed by an officer or a support worker ``on_behalf_of`` the applicant is case work.
    """
    _lock(session, application)
    for _attempt in range(ATTEMPTS):
        check = _check(session, application.id, advert, bidder, today)
        if not check.can_bid:
            raise BidRefused(check)
        cycle = advert.cycle
        assert cycle is not None  # the check refuses an advert outside a cycle
        used = _used_slots(session, application.id, cycle.id)
        slot = min(number for number in range(1, cycle.bid_limit + 1) if number not in used)
        bid = Bid(
            advert_id=advert.id,
            application_id=application.id,
            cycle_id=cycle.id,
            slot=slot,
            automatic=automatic,
            placed_by_id=actor.id if actor else None,
            case_work=on_behalf_of is not None,
        )
        try:
            with session.begin_nested():
                session.add(bid)
                session.flush()
        except IntegrityError:
            continue
        record_event(
            session,
            actor=actor,
            on_behalf_of=on_behalf_of,
            action="lettings.auto_bid" if automatic else "lettings.bid_placed",
            subject_type="application",
            subject_id=application.id,
            details={"advert": advert.reference, "bid_id": bid.id, "slot": slot, "cycle": cycle.id},
        )
        return bid
    raise BidRefused(_out_of_bids(session, application, advert, bidder, today))


def place_bid(
    session: Session,
    application: Application,
    advert: Advert,
    actor: User | None,
    today: dt.date,
    *,
    on_behalf_of: User | None = None,
) -> Bid:
    """A bid by the household for the home, or ``BidRefused`` with every reason it may not bid."""
    if application.stage == "draft":
        raise BidRefused(_check(session, None, advert, None, today))
    return place_for_bidder(
        session, application, advert, bidder_for(session, application, today), actor, today, on_behalf_of=on_behalf_of
    )


def withdraw_bid(session: Session, bid: Bid, actor: User | None, *, on_behalf_of: User | None = None) -> None:
    """Take back an active bid while the home is still taking bids; its slot is free again."""
    advert = session.get(Advert, bid.advert_id)
    if bid.status != "active" or advert is None or advert.status != "open":
        raise BidNotWithdrawable(bid.status)
    bid.status = "withdrawn"
    bid.withdrawn_at = utcnow()
    bid.withdrawn_by_id = actor.id if actor else None
    session.flush()
    record_event(
        session,
        actor=actor,
        on_behalf_of=on_behalf_of,
        action="lettings.bid_withdrawn",
        subject_type="application",
        subject_id=bid.application_id,
        details={"advert": advert.reference, "bid_id": bid.id},
    )


def bid_of(session: Session, application_id: int, bid_id: int) -> Bid | None:
    """One of the household's own bids (None for anyone else's)."""
    return session.scalar(select(Bid).where(Bid.id == bid_id, Bid.application_id == application_id))


def advert_of(session: Session, bid: Bid) -> Advert:
    """The advert a bid is for, with its landlord, cycle and photos loaded."""
    query = (
        select(Advert)
        .where(Advert.id == bid.advert_id)
        .options(selectinload(Advert.photos), selectinload(Advert.landlord), selectinload(Advert.cycle))
    )
    return session.scalars(query).one()


@dataclass(frozen=True)
class BidWithAdvert:
    bid: Bid
    advert: Advert


def bids_for_application(session: Session, application_id: int) -> list[BidWithAdvert]:
    """Every bid of the household, newest first, each with its advert (landlord and cycle loaded)."""
    query = (
        select(Bid, Advert)
        .join(Advert, Advert.id == Bid.advert_id)
        .where(Bid.application_id == application_id)
        .options(selectinload(Advert.landlord), selectinload(Advert.cycle), selectinload(Advert.photos))
        .order_by(Bid.placed_at.desc(), Bid.id.desc())
    )
    return [BidWithAdvert(bid, advert) for bid, advert in session.execute(query)]


def active_bidder_ids(session: Session, advert_id: int) -> list[int]:
    query = select(Bid.application_id).where(Bid.advert_id == advert_id, Bid.status == "active")
    return list(session.scalars(query))


@dataclass(frozen=True)
class LivePlace:
    """Where a household stands among the bidders for an open home today."""

    position: int | None  # None when the home's rules leave the household out
    eligible_bidders: int  # households on the list so far
    excluded_because: tuple[str, ...] = ()


def live_places(
    session: Session, advert: Advert, application_ids: Iterable[int], today: dt.date
) -> dict[int, LivePlace]:
    """Each of these households' place among the advert's active bidders, ranked as the shortlist will be."""
    bidder_ids = active_bidder_ids(session, advert.id)
    bidders = bidders_for(session, bidder_ids, today)
    placed = make_shortlist(home_of(advert), bidders.values())
    eligible = sum(1 for place in placed if place.position is not None)
    by_reference = {place.bidder.reference: place for place in placed}
    places: dict[int, LivePlace] = {}
    for application_id in application_ids:
        bidder = bidders.get(application_id)
        place = by_reference.get(bidder.reference) if bidder else None
        if place is not None:
            places[application_id] = LivePlace(place.position, eligible, tuple(place.excluded_because))
    return places
