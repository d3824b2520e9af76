"""Shortlists made when an advert closes, and the officer's steps on each place.

A shortlist is made once, from the advert's active bids: the rules in
``portal.rules.lettings.shortlist`` leave out bidders the advert is not for and
rank the rest by the scheme's ordering. The facts each bidder was ranked on are
kept with their place, so the shortlist never changes afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.application_models import Application, HouseholdMember
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.bidders import bidders_for, home_of
from portal.data.letting_models import Bid, ShortlistEntry
from portal.data.models import User
from portal.rules.lettings.shortlist import EntryState, make_shortlist, passed_over_without_reason


def active_bids(session: Session, advert_id: int) -> list[Bid]:
    query = select(Bid).where(Bid.advert_id == advert_id, Bid.status == "active").order_by(Bid.id)
    return list(session.scalars(query))


def entries_for(session: Session, advert: Advert) -> list[ShortlistEntry]:
    """The advert's shortlist: ranked places by position, then the bidders left out, by reference."""
    query = select(ShortlistEntry).where(ShortlistEntry.advert_id == advert.id)
    entries = list(session.scalars(query))
    return sorted(
        entries,
        key=lambda e: (e.position is None, e.position or 0, e.reference, e.id),
    )


def create_shortlist(session: Session, advert: Advert, today: dt.date) -> list[ShortlistEntry]:
    """Make the advert's shortlist from its active bids; when it already has one, return that unchanged."""
    existing = entries_for(session, advert)
    if existing:
        return existing
    bids = active_bids(session, advert.id)
    bidders = bidders_for(session, [bid.application_id for bid in bids], today)
    by_reference = {}
    for bid in bids:
        bidder = bidders.get(bid.application_id)
        if bidder is not None:
            by_reference[bidder.reference] = (bid, bidder)
    placed = make_shortlist(home_of(advert), [bidder for _, bidder in by_reference.values()])
    for place in placed:
        bid, bidder = by_reference[place.bidder.reference]
        session.add(
            ShortlistEntry(
                advert_id=advert.id,
                application_id=bid.application_id,
                bid_id=bid.id,
                position=place.position,
                reference=bidder.reference,
                band=bidder.band,
                priority_date=bidder.priority_date,
                registration_date=bidder.registration_date,
                bedroom_need=bidder.bedroom_need,
                excluded_because=list(place.excluded_because),
                status="waiting" if place.position is not None else "excluded",
            )
        )
    session.flush()
    return entries_for(session, advert)


def entry_for(session: Session, advert_id: int, application_id: int) -> ShortlistEntry | None:
    query = select(ShortlistEntry).where(
        ShortlistEntry.advert_id == advert_id, ShortlistEntry.application_id == application_id
    )
    return session.scalar(query)


def entry_on_advert(session: Session, advert_id: int, entry_id: int) -> ShortlistEntry | None:
    """The place with this id, only when it is on this advert's shortlist."""
    entry = session.get(ShortlistEntry, entry_id)
    return entry if entry is not None and entry.advert_id == advert_id else None


def entries_for_application(session: Session, application_id: int) -> list[ShortlistEntry]:
    query = (
        select(ShortlistEntry).where(ShortlistEntry.application_id == application_id).order_by(ShortlistEntry.id.desc())
    )
    return list(session.scalars(query))


def bids_for_application(session: Session, application_id: int) -> list[Bid]:
    query = select(Bid).where(Bid.application_id == application_id).order_by(Bid.placed_at.desc(), Bid.id.desc())
    return list(session.scalars(query))


def in_the_way(session: Session, advert: Advert, entry: ShortlistEntry) -> list[str]:
    """References of places above this one that were neither skipped nor refused."""
    states = [EntryState(e.reference, e.position, e.status) for e in entries_for(session, advert)]
    return passed_over_without_reason(states, entry.reference)


def verify(session: Session, advert: Advert, entry: ShortlistEntry, *, officer: User) -> None:
    """The officer has checked the household's evidence and circumstances still stand."""
    set_status(entry, officer, "verified")
    entry.verified_by_id = officer.id
    entry.verified_at = utcnow()
    record_event(
        session,
        actor=officer,
        action="lettings.shortlist_verified",
        subject_type="application",
        subject_id=entry.application_id,
        details={"advert": advert.reference, "position": entry.position},
    )


def skip(session: Session, advert: Advert, entry: ShortlistEntry, *, officer: User, reason: str, note: str) -> None:
    """Pass over the household on this shortlist, with a reason and a note."""
    set_status(entry, officer, "skipped")
    entry.skip_reason = reason
    entry.skip_note = note
    record_event(
        session,
        actor=officer,
        action="lettings.shortlist_skipped",
        subject_type="application",
        subject_id=entry.application_id,
        reason=note,
        details={"advert": advert.reference, "position": entry.position, "skip_reason": reason},
    )


def set_status(entry: ShortlistEntry, officer: User | None, status: str) -> None:
    entry.status = status
    entry.updated_by_id = officer.id if officer else None
    entry.updated_at = utcnow()


def advert_of(session: Session, advert_id: int) -> Advert | None:
    return session.get(Advert, advert_id)


def reference_of(session: Session, application_id: int) -> str:
    """The application's reference (``#id`` for one never sent, which cannot be on a shortlist)."""
    reference = session.scalar(select(Application.reference).where(Application.id == application_id))
    return reference or f"#{application_id}"


def adverts_by_id(session: Session, advert_ids: Iterable[int]) -> dict[int, Advert]:
    ids = sorted(set(advert_ids))
    if not ids:
        return {}
    return {advert.id: advert for advert in session.scalars(select(Advert).where(Advert.id.in_(ids)))}


def lock_advert(session: Session, advert_id: int) -> None:
    """Hold the advert's row until the transaction ends, so two officers cannot offer one home at once.

    A no-op on SQLite, which lets one writer in at a time anyway.
    """
    session.execute(select(Advert.id).where(Advert.id == advert_id).with_for_update())


def applicant_names(session: Session, application_ids: set[int]) -> dict[int, str]:
    """The lead applicant's name on each of these applications, by one query."""
    if not application_ids:
        return {}
    query = select(HouseholdMember.application_id, HouseholdMember.full_name).where(
        HouseholdMember.application_id.in_(application_ids), HouseholdMember.position == 0
    )
    return {application_id: name for application_id, name in session.execute(query)}
