"""Offers of homes to households, and their answers.

An offer comes from a shortlist place (route ``bidding``), a housing
association accepting a nomination (route ``nomination``) or an approved
direct match (route ``direct_match``). A refusal the officer judged suitable
and reasonable counts towards the scheme's reduced preference rule.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.letting_models import Offer
from portal.data.models import User
from portal.data.shortlists import entries_for, entry_for, set_status
from portal.rules.lettings.offers import refusals_counted

#: Offers still standing: an answer is awaited, or the home is being let.
STANDING = ("made", "accepted")


def offers_for_application(session: Session, application_id: int) -> list[Offer]:
    """Every offer made to the household, newest first."""
    query = select(Offer).where(Offer.application_id == application_id).order_by(Offer.made_at.desc(), Offer.id.desc())
    return list(session.scalars(query))


def standing_offer(session: Session, advert_id: int) -> Offer | None:
    """The advert's offer still made or accepted, if any (there is at most one)."""
    query = (
        select(Offer).where(Offer.advert_id == advert_id, Offer.status.in_(STANDING)).order_by(Offer.id.desc()).limit(1)
    )
    return session.scalar(query)


def accepted_offer(session: Session, advert_id: int) -> Offer | None:
    query = select(Offer).where(Offer.advert_id == advert_id, Offer.status == "accepted").order_by(Offer.id.desc())
    return session.scalar(query.limit(1))


def refusals_counted_for(session: Session, application_id: int, today: dt.date) -> int:
    """Suitable and reasonable offers the household refused in the last 12 months."""
    query = select(Offer.answered_on).where(
        Offer.application_id == application_id,
        Offer.status == "refused",
        Offer.reasonable.is_(True),
        Offer.answered_on.is_not(None),
    )
    refused_on = list(session.scalars(query))
    return refusals_counted(refused_on, today) if refused_on else 0


def _details(advert: Advert, offer: Offer, **extra: object) -> dict[str, object]:
    return {"advert": advert.reference, "offer_id": offer.id, "route": offer.route, **extra}


def make_offer(
    session: Session,
    advert: Advert,
    application_id: int,
    *,
    officer: User | None,
    route: str,
    status: str = "made",
    respond_by: dt.date | None = None,
) -> Offer:
    """Offer the home to the household; its shortlist place (if it has one) becomes ``offered``."""
    offer = Offer(
        advert_id=advert.id,
        application_id=application_id,
        route=route,
        status=status,
        made_by_id=officer.id if officer else None,
        respond_by=respond_by,
    )
    session.add(offer)
    session.flush()
    entry = entry_for(session, advert.id, application_id)
    if entry is not None:
        set_status(entry, officer, "accepted" if status == "accepted" else "offered")
    record_event(
        session,
        actor=officer,
        action="lettings.offer_made",
        subject_type="application",
        subject_id=application_id,
        details=_details(advert, offer, respond_by=respond_by.isoformat() if respond_by else None),
    )
    return offer


def _answered(offer: Offer, officer: User, today: dt.date) -> None:
    offer.answered_at = utcnow()
    offer.answered_on = today
    offer.recorded_by_id = officer.id


def record_acceptance(session: Session, advert: Advert, offer: Offer, *, officer: User, today: dt.date) -> None:
    offer.status = "accepted"
    _answered(offer, officer, today)
    entry = entry_for(session, advert.id, offer.application_id)
    if entry is not None:
        set_status(entry, officer, "accepted")
    record_event(
        session,
        actor=officer,
        action="lettings.offer_accepted",
        subject_type="application",
        subject_id=offer.application_id,
        details=_details(advert, offer),
    )


def record_refusal(
    session: Session, advert: Advert, offer: Offer, *, officer: User, reason: str, reasonable: bool, today: dt.date
) -> None:
    """The household said no; a suitable and reasonable offer counts towards reduced preference."""
    offer.status = "refused"
    offer.refusal_reason = reason
    offer.reasonable = reasonable
    _answered(offer, officer, today)
    entry = entry_for(session, advert.id, offer.application_id)
    if entry is not None:
        set_status(entry, officer, "refused")
    _after_direct_match_ended(session, advert, offer)
    record_event(
        session,
        actor=officer,
        action="lettings.offer_refused",
        subject_type="application",
        subject_id=offer.application_id,
        reason=reason,
        details=_details(advert, offer, reasonable=reasonable),
    )


def withdraw_offer(session: Session, advert: Advert, offer: Offer, *, officer: User, reason: str) -> None:
    """Put an offer back, as if not made: the household's place goes back to ``verified``."""
    offer.status = "withdrawn"
    offer.withdrawn_reason = reason
    entry = entry_for(session, advert.id, offer.application_id)
    if entry is not None:
        set_status(entry, officer, "verified")
    _after_direct_match_ended(session, advert, offer)
    record_event(
        session,
        actor=officer,
        action="lettings.offer_withdrawn",
        subject_type="application",
        subject_id=offer.application_id,
        reason=reason,
        details=_details(advert, offer),
    )


def _after_direct_match_ended(session: Session, advert: Advert, offer: Offer) -> None:
    """A home held for a direct match is free again: back to its shortlist when it has one, else a draft."""
    if offer.route == "direct_match" and advert.status == "matched":
        advert.status = "closed" if entries_for(session, advert) else "draft"
        advert.updated_at = utcnow()


def offer_of(session: Session, offer_id: int) -> Offer | None:
    return session.get(Offer, offer_id)
