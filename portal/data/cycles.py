"""Bidding cycles: making them, and opening and closing them on their dates.

A cycle is ``planned`` while its adverts are got ready, ``open`` while they
take bids and ``closed`` once bidding has ended and shortlisting starts.
Opening a cycle opens its ready adverts and then bids for the households that
asked for automatic bidding; closing it closes its open adverts and makes each
one's shortlist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.data import auto_bids, shortlists
from portal.data.advert_models import Advert, BiddingCycle
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.letting_models import Bid
from portal.data.models import User

#: How many closed cycles the lettings page lists.
RECENT_CLOSED = 5


class WrongCycleStatus(Exception):
    """The cycle is not in the status this step needs (another officer may have moved it on)."""


@dataclass(frozen=True)
class CycleCounts:
    adverts: int
    bids: int


def cycle_by_id(session: Session, cycle_id: int) -> BiddingCycle | None:
    return session.get(BiddingCycle, cycle_id)


def cycles_with_status(session: Session, status: str, *, limit: int | None = None) -> list[BiddingCycle]:
    """Cycles in one status: planned and open ones soonest first, closed ones latest first."""
    query = select(BiddingCycle).where(BiddingCycle.status == status)
    if status == "closed":
        query = query.order_by(BiddingCycle.closes_on.desc(), BiddingCycle.id.desc())
    else:
        query = query.order_by(BiddingCycle.opens_on, BiddingCycle.id)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def cycles_taking_adverts(session: Session) -> list[BiddingCycle]:
    """Cycles an advert can be put in: planned and open ones."""
    query = (
        select(BiddingCycle)
        .where(BiddingCycle.status.in_(("planned", "open")))
        .order_by(BiddingCycle.opens_on, BiddingCycle.id)
    )
    return list(session.scalars(query))


def counts_for(session: Session, cycle_ids: Iterable[int]) -> dict[int, CycleCounts]:
    """How many adverts each cycle has (withdrawn ones left out) and how many active bids they hold."""
    ids = sorted(set(cycle_ids))
    if not ids:
        return {}
    adverts = dict(
        session.execute(
            select(Advert.cycle_id, func.count(Advert.id))
            .where(Advert.cycle_id.in_(ids), Advert.status != "withdrawn")
            .group_by(Advert.cycle_id)
        ).all()
    )
    bids = dict(
        session.execute(
            select(Bid.cycle_id, func.count(Bid.id))
            .where(Bid.cycle_id.in_(ids), Bid.status == "active")
            .group_by(Bid.cycle_id)
        ).all()
    )
    return {cycle_id: CycleCounts(adverts.get(cycle_id, 0), bids.get(cycle_id, 0)) for cycle_id in ids}


def create_cycle(
    session: Session, *, name: str, opens_on: dt.date, closes_on: dt.date, bid_limit: int, officer: User | None
) -> BiddingCycle:
    """A new planned cycle."""
    if closes_on < opens_on:
        raise ValueError("A cycle cannot close before it opens")
    cycle = BiddingCycle(name=name, opens_on=opens_on, closes_on=closes_on, bid_limit=bid_limit, status="planned")
    session.add(cycle)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.cycle_created",
        subject_type="cycle",
        subject_id=cycle.id,
        details={
            "name": name,
            "opens_on": opens_on.isoformat(),
            "closes_on": closes_on.isoformat(),
            "bid_limit": bid_limit,
        },
    )
    return cycle


def cycle_name(opens_on: dt.date, closes_on: dt.date) -> str:
    """The name given to a cycle made for an import: "Bidding 3 Apr 2026 to 9 Apr 2026"."""
    return f"Bidding {opens_on.day} {opens_on:%b %Y} to {closes_on.day} {closes_on:%b %Y}"


def cycle_with_dates(session: Session, opens_on: dt.date, closes_on: dt.date) -> BiddingCycle | None:
    """A planned or open cycle with exactly these dates, the oldest first."""
    query = (
        select(BiddingCycle)
        .where(
            BiddingCycle.opens_on == opens_on,
            BiddingCycle.closes_on == closes_on,
            BiddingCycle.status.in_(("planned", "open")),
        )
        .order_by(BiddingCycle.id)
        .limit(1)
    )
    return session.scalar(query)


def find_or_create_cycle(
    session: Session, opens_on: dt.date, closes_on: dt.date, *, bid_limit: int, officer: User | None
) -> tuple[BiddingCycle, bool]:
    """The planned or open cycle with these dates, or a new planned one; and whether it was made now."""
    found = cycle_with_dates(session, opens_on, closes_on)
    if found is not None:
        return found, False
    made = create_cycle(
        session,
        name=cycle_name(opens_on, closes_on),
        opens_on=opens_on,
        closes_on=closes_on,
        bid_limit=bid_limit,
        officer=officer,
    )
    return made, True


def _adverts_in(session: Session, cycle: BiddingCycle, status: str) -> list[Advert]:
    query = select(Advert).where(Advert.cycle_id == cycle.id, Advert.status == status).order_by(Advert.id)
    return list(session.scalars(query))


def _lock(session: Session, cycle: BiddingCycle) -> None:
    """Lock the cycle's row and read its status again, so two officers cannot move it on at once (PostgreSQL)."""
    query = (
        select(BiddingCycle)
        .where(BiddingCycle.id == cycle.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    session.scalars(query).one()


def _record_adverts(
    session: Session, adverts: list[Advert], officer: User | None, action: str, cycle: BiddingCycle
) -> None:
    for advert in adverts:
        record_event(
            session,
            actor=officer,
            action=action,
            subject_type="advert",
            subject_id=advert.id,
            details={"advert": advert.reference, "cycle": cycle.id},
        )


def open_cycle(session: Session, cycle: BiddingCycle, officer: User | None, today: dt.date) -> int:
    """Open a planned cycle: its ready adverts start taking bids, then automatic bids are placed.

    Returns how many automatic bids were placed. ``officer`` is None when the command line opens it.
    """
    _lock(session, cycle)
    if cycle.status != "planned":
        raise WrongCycleStatus(cycle.status)
    cycle.status = "open"
    cycle.opened_at = utcnow()
    opened = _adverts_in(session, cycle, "ready")
    for advert in opened:
        advert.status = "open"
        advert.updated_at = utcnow()
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.cycle_opened",
        subject_type="cycle",
        subject_id=cycle.id,
        details={"adverts": [advert.reference for advert in opened], "on": today.isoformat()},
    )
    _record_adverts(session, opened, officer, "lettings.advert_opened", cycle)
    placed = auto_bids.place_auto_bids(session, cycle, today)
    session.flush()
    return placed


def close_cycle(session: Session, cycle: BiddingCycle, officer: User | None, today: dt.date) -> list[Advert]:
    """Close an open cycle: its open adverts stop taking bids and each gets its shortlist. Returns them."""
    _lock(session, cycle)
    if cycle.status != "open":
        raise WrongCycleStatus(cycle.status)
    cycle.status = "closed"
    cycle.closed_at = utcnow()
    closed = _adverts_in(session, cycle, "open")
    for advert in closed:
        advert.status = "closed"
        advert.updated_at = utcnow()
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.cycle_closed",
        subject_type="cycle",
        subject_id=cycle.id,
        details={"adverts": [advert.reference for advert in closed], "on": today.isoformat()},
    )
    _record_adverts(session, closed, officer, "lettings.advert_closed", cycle)
    for advert in closed:
        shortlists.create_shortlist(session, advert, today)
    session.flush()
    return closed


def cycles_due_to_open(session: Session, today: dt.date) -> list[BiddingCycle]:
    """Planned cycles whose opening day has come."""
    query = (
        select(BiddingCycle)
        .where(BiddingCycle.status == "planned", BiddingCycle.opens_on <= today)
        .order_by(BiddingCycle.opens_on, BiddingCycle.id)
    )
    return list(session.scalars(query))


def cycles_due_to_close(session: Session, today: dt.date) -> list[BiddingCycle]:
    """Open cycles whose closing day has passed (bids are taken all through the closing day)."""
    query = (
        select(BiddingCycle)
        .where(BiddingCycle.status == "open", BiddingCycle.closes_on < today)
        .order_by(BiddingCycle.closes_on, BiddingCycle.id)
    )
    return list(session.scalars(query))
