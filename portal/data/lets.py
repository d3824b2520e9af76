"""Lets of homes: the household housed, the facts the lettings results show, and publishing them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.applications import move_to
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.bidders import bidder_for
from portal.data.letting_models import Bid, Let, Offer, ShortlistEntry
from portal.data.models import User
from portal.data.shortlists import entry_for, set_status


class CannotLet(ValueError):
    """The home cannot be let: it is let already, or it has no accepted offer."""


def let_for_advert(session: Session, advert_id: int) -> Let | None:
    return session.scalar(select(Let).where(Let.advert_id == advert_id))


def let_of(session: Session, let_id: int) -> Let | None:
    return session.get(Let, let_id)


def lets_for_application(session: Session, application_id: int) -> list[Let]:
    query = select(Let).where(Let.application_id == application_id).order_by(Let.let_on.desc(), Let.id.desc())
    return list(session.scalars(query))


def all_lets(session: Session, *, limit: int, offset: int = 0) -> list[tuple[Let, Advert]]:
    """Lets newest first, each with its advert (the results page, published or not)."""
    query = (
        select(Let, Advert)
        .join(Advert, Advert.id == Let.advert_id)
        .order_by(Let.let_on.desc(), Let.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [(let, advert) for let, advert in session.execute(query).all()]


def count_lets(session: Session) -> int:
    return session.scalar(select(func.count(Let.id))) or 0


def bid_count(session: Session, advert_id: int) -> int:
    """The bids there were when bidding closed: one shortlist place each (active bids when there is no shortlist)."""
    places = session.scalar(select(func.count(ShortlistEntry.id)).where(ShortlistEntry.advert_id == advert_id))
    if places:
        return places
    query = select(func.count(Bid.id)).where(Bid.advert_id == advert_id, Bid.status == "active")
    return session.scalar(query) or 0


def housed_reason(advert: Advert) -> str:
    parts = [advert.address_line_1, advert.address_line_2, advert.town, advert.postcode]
    return "Housed: " + ", ".join(part for part in parts if part)


def let_home(session: Session, advert: Advert, offer: Offer, *, officer: User, let_on: dt.date, today: dt.date) -> Let:
    """Let the home to the household that accepted it, and close their application as housed."""
    if offer.status != "accepted" or offer.advert_id != advert.id or let_for_advert(session, advert.id) is not None:
        raise CannotLet(advert.reference)
    application = session.get(Application, offer.application_id)
    if application is None:
        raise CannotLet(advert.reference)
    entry = entry_for(session, advert.id, application.id)
    if entry is not None and entry.band is not None:
        band, priority, registration = entry.band, entry.priority_date, entry.registration_date
    else:
        bidder = bidder_for(session, application, today)
        band, priority, registration = bidder.band, bidder.priority_date, bidder.registration_date
    let = Let(
        advert_id=advert.id,
        application_id=application.id,
        offer_id=offer.id,
        route=offer.route,
        let_on=let_on,
        bedrooms=advert.bedrooms,
        band=band,
        priority_date=priority,
        registration_date=registration,
        bid_count=bid_count(session, advert.id),
        let_by_id=officer.id,
    )
    session.add(let)
    advert.status = "let"
    advert.updated_at = utcnow()
    if entry is not None:
        set_status(entry, officer, "let")
    record_event(
        session,
        actor=officer,
        action="lettings.let",
        subject_type="application",
        subject_id=application.id,
        details={"advert": advert.reference, "let_on": let_on.isoformat(), "route": offer.route},
    )
    if application.stage != "closed":  # every other stage may close
        move_to(session, application, "closed", actor=officer, reason=housed_reason(advert))
    session.flush()
    return let


def publish(session: Session, let: Let, *, officer: User) -> None:
    if let.published_at is None:
        let.published_at = utcnow()
        record_event(
            session, actor=officer, action="lettings.result_published", subject_type="advert", subject_id=let.advert_id
        )
