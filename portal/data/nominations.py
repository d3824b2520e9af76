"""Nominations of households to housing associations, and the landlord's answer.

A housing association lets its own homes: the council nominates the top
household on the shortlist, with a nomination document the landlord reads.
When the landlord accepts, an accepted offer (route ``nomination``) is
recorded, so the home is let in the same way as a council home.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.letting_models import Nomination, Offer, ShortlistEntry
from portal.data.models import User
from portal.data.offers import make_offer
from portal.data.shortlists import set_status


def nomination_of(session: Session, nomination_id: int) -> Nomination | None:
    return session.get(Nomination, nomination_id)


def nominations_for_application(session: Session, application_id: int) -> list[Nomination]:
    query = (
        select(Nomination)
        .where(Nomination.application_id == application_id)
        .order_by(Nomination.sent_at.desc(), Nomination.id.desc())
    )
    return list(session.scalars(query))


def waiting_nomination(session: Session, advert_id: int) -> Nomination | None:
    """The advert's nomination the landlord has not answered yet, if any."""
    query = select(Nomination).where(Nomination.advert_id == advert_id, Nomination.outcome == "waiting")
    return session.scalar(query.order_by(Nomination.id.desc()).limit(1))


def nominate(
    session: Session,
    advert: Advert,
    entry: ShortlistEntry,
    *,
    officer: User,
    document_key: str,
    access_needs: str,
) -> Nomination:
    """Nominate the household on this shortlist place to the advert's landlord; the place becomes ``offered``."""
    nomination = Nomination(
        advert_id=advert.id,
        application_id=entry.application_id,
        landlord_id=advert.landlord_id,
        sent_by_id=officer.id,
        document_key=document_key,
    )
    session.add(nomination)
    set_status(entry, officer, "offered")
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.nominated",
        subject_type="application",
        subject_id=entry.application_id,
        details={
            "advert": advert.reference,
            "nomination_id": nomination.id,
            "landlord": advert.landlord.name,
            "access_needs": access_needs,
        },
    )
    return nomination


def record_outcome(
    session: Session,
    advert: Advert,
    nomination: Nomination,
    entry: ShortlistEntry | None,
    *,
    officer: User,
    outcome: str,
    reason: str,
    today: dt.date,
) -> Offer | None:
    """The landlord's answer. Accepted: an accepted offer to let from. Refused: the place is ``refused``."""
    nomination.outcome = outcome
    nomination.outcome_reason = reason or None
    nomination.outcome_at = utcnow()
    nomination.recorded_by_id = officer.id
    record_event(
        session,
        actor=officer,
        action=f"lettings.nomination_{outcome}",
        subject_type="application",
        subject_id=nomination.application_id,
        reason=reason or None,
        details={"advert": advert.reference, "nomination_id": nomination.id},
    )
    if outcome == "refused":
        if entry is not None:
            set_status(entry, officer, "refused")
        session.flush()
        return None
    offer = make_offer(
        session, advert, nomination.application_id, officer=officer, route="nomination", status="accepted"
    )
    offer.answered_at = utcnow()
    offer.answered_on = today
    offer.recorded_by_id = officer.id
    session.flush()
    return offer
