"""Direct matches: an officer matches a household to a home outside bidding, and a senior officer decides.

The officer who asks for a match never decides it. An approved match holds the
home (advert ``matched``) and makes the household an offer (route ``direct_match``).
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.letting_models import DirectMatch, Let, Nomination, Offer
from portal.data.models import User
from portal.data.offers import STANDING, make_offer
from portal.data.shortlists import lock_advert

#: Adverts a household can be matched to: not taking bids, not let, not held already.
MATCHABLE = ("draft", "ready", "closed")


class CannotMatch(ValueError):
    """The match cannot go ahead; the message says why, in plain English."""


class OwnRequest(CannotMatch):
    """The officer who asked for the match tried to decide it."""


def match_of(session: Session, match_id: int) -> DirectMatch | None:
    return session.get(DirectMatch, match_id)


def matches_for_advert(session: Session, advert_id: int) -> list[DirectMatch]:
    query = select(DirectMatch).where(DirectMatch.advert_id == advert_id)
    return list(session.scalars(query.order_by(DirectMatch.requested_at.desc(), DirectMatch.id.desc())))


def matches_for_application(session: Session, application_id: int) -> list[DirectMatch]:
    query = select(DirectMatch).where(DirectMatch.application_id == application_id)
    return list(session.scalars(query.order_by(DirectMatch.requested_at.desc(), DirectMatch.id.desc())))


def match_list(session: Session, *, waiting: bool, limit: int = 200) -> list[tuple[DirectMatch, Advert]]:
    """Matches waiting for a decision (oldest first), or decided ones (newest first), each with its advert."""
    query = select(DirectMatch, Advert).join(Advert, Advert.id == DirectMatch.advert_id)
    if waiting:
        query = query.where(DirectMatch.status == "waiting").order_by(DirectMatch.requested_at, DirectMatch.id)
    else:
        query = query.where(DirectMatch.status != "waiting").order_by(DirectMatch.decided_at.desc(), DirectMatch.id)
    return [(match, advert) for match, advert in session.execute(query.limit(limit)).all()]


def household_by_reference(session: Session, typed: str) -> Application | None:
    """The sent application with this reference, typed with or without ``HR-``, in any case and spacing."""
    cleaned = re.sub(r"[\s-]", "", typed or "").upper()
    if cleaned.startswith("HR"):
        cleaned = cleaned[2:]
    if not cleaned:
        return None
    return session.scalar(select(Application).where(func.upper(Application.reference) == f"HR-{cleaned}"))


def why_not_matchable(session: Session, advert: Advert) -> str | None:
    """Why no household can be matched to this home now, or None when one can."""
    if advert.status not in MATCHABLE:
        return "Only a draft, ready or closed home can be matched. This home is " + advert.status.replace("_", " ")
    if session.scalar(select(Let.id).where(Let.advert_id == advert.id)) is not None:
        return "This home has been let"
    standing = select(Offer.id).where(Offer.advert_id == advert.id, Offer.status.in_(STANDING))
    if session.scalar(standing.limit(1)) is not None:
        return "This home has been offered to a household. Undo the offer first"
    waiting = select(Nomination.id).where(Nomination.advert_id == advert.id, Nomination.outcome == "waiting")
    if session.scalar(waiting.limit(1)) is not None:
        return "A household has been nominated for this home. Record the landlord's answer first"
    return None


def request_match(
    session: Session, advert: Advert, application: Application, *, officer: User, reason: str
) -> DirectMatch:
    problem = why_not_matchable(session, advert)
    if problem:
        raise CannotMatch(problem)
    if application.stage != "active":
        raise CannotMatch(f"{application.reference} is not on the housing register now, so cannot be matched")
    match = DirectMatch(advert_id=advert.id, application_id=application.id, reason=reason, requested_by_id=officer.id)
    session.add(match)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.direct_match_requested",
        subject_type="application",
        subject_id=application.id,
        reason=reason,
        details={"advert": advert.reference, "match_id": match.id},
    )
    return match


def _may_decide(match: DirectMatch, officer: User) -> None:
    if match.status != "waiting":
        raise CannotMatch("This match has already been decided")
    if match.requested_by_id == officer.id:
        raise OwnRequest("You asked for this match, so another senior officer or administrator must decide it")


def _decided(match: DirectMatch, officer: User, status: str, reason: str) -> None:
    match.status = status
    match.decided_by_id = officer.id
    match.decided_at = utcnow()
    match.decision_reason = reason


def approve(
    session: Session, match: DirectMatch, advert: Advert, *, officer: User, reason: str, respond_by: dt.date
) -> Offer:
    """Approve the match: the home is held for the household and offered to them."""
    _may_decide(match, officer)
    lock_advert(session, advert.id)
    problem = why_not_matchable(session, advert)
    application = session.get(Application, match.application_id)
    if problem is None and (application is None or application.stage != "active"):
        problem = "The household is not on the housing register now, so cannot be matched"
    if problem:
        raise CannotMatch(problem)
    _decided(match, officer, "approved", reason)
    advert.status = "matched"
    advert.updated_at = utcnow()
    record_event(
        session,
        actor=officer,
        action="lettings.direct_match_approved",
        subject_type="application",
        subject_id=match.application_id,
        reason=reason,
        details={"advert": advert.reference, "match_id": match.id},
    )
    return make_offer(
        session, advert, match.application_id, officer=officer, route="direct_match", respond_by=respond_by
    )


def refuse(session: Session, match: DirectMatch, advert: Advert, *, officer: User, reason: str) -> None:
    _may_decide(match, officer)
    _decided(match, officer, "refused", reason)
    record_event(
        session,
        actor=officer,
        action="lettings.direct_match_refused",
        subject_type="application",
        subject_id=match.application_id,
        reason=reason,
        details={"advert": advert.reference, "match_id": match.id},
    )
