"""Duty referrals: a complex enquiry any officer passes to the duty officer, and the advice given.

Any officer refers an enquiry (who asked, how to reach them, the case if there
is one, and what it is about). A duty officer takes it, and records the advice
they gave. Every step is audited: on the application's trail when the referral
is about a case, otherwise on the referral's own (subject type ``duty_referral``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.accounts import users_by_id
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.case_models import DutyReferral
from portal.data.models import User

SUBJECT = "duty_referral"
#: How long an answered referral stays in the list of recent ones.
RECENT_DAYS = 30
RECENT_LIMIT = 50
REFERENCE_BODY = 6  # the letters after "HR-"


class AlreadyAdvised(ValueError):
    """Advice has already been recorded for this referral; it is kept as it was."""


class NotTaken(ValueError):
    """Only the officer who has taken the referral can record the advice."""


@dataclass(frozen=True, slots=True)
class ReferralView:
    """A referral with the names and the case reference the pages show."""

    referral: DutyReferral
    reference: str | None
    referred_by: str | None
    taken_by: str | None


def _audit(session: Session, referral: DutyReferral, officer: User, action: str, **details: object) -> None:
    about_case = referral.application_id is not None
    record_event(
        session,
        actor=officer,
        action=action,
        subject_type="application" if about_case else SUBJECT,
        subject_id=referral.application_id if about_case else referral.id,
        details={"referral_id": referral.id, **details},
    )


def sent_application_by_reference(session: Session, reference: str) -> Application | None:
    """The sent application with this reference (spaces and case ignored, "HR-" optional), or None."""
    squashed = "".join(reference.split()).upper()
    if len(squashed) == REFERENCE_BODY:
        squashed = "HR-" + squashed
    elif len(squashed) == REFERENCE_BODY + 2 and squashed.startswith("HR"):
        squashed = "HR-" + squashed[2:]
    query = select(Application).where(Application.reference == squashed, Application.stage != "draft")
    return session.scalar(query)


def refer(
    session: Session,
    *,
    officer: User,
    enquirer_name: str,
    enquirer_contact: str,
    note: str,
    application: Application | None = None,
) -> DutyReferral:
    """Pass an enquiry to the duty officer ("duty.referred")."""
    referral = DutyReferral(
        application_id=application.id if application else None,
        enquirer_name=enquirer_name.strip()[:200],
        enquirer_contact=enquirer_contact.strip()[:200],
        note=note.strip(),
        referred_by_id=officer.id,
        referred_at=utcnow(),
    )
    session.add(referral)
    session.flush()
    _audit(session, referral, officer, "duty.referred")
    return referral


def referral_by_id(session: Session, referral_id: int) -> DutyReferral | None:
    return session.get(DutyReferral, referral_id)


def take(session: Session, referral: DutyReferral, *, officer: User) -> None:
    """The officer takes the referral as duty officer ("duty.taken"); taking one over from a colleague is allowed
    until the advice is recorded."""
    if referral.advised_at is not None:
        raise AlreadyAdvised(referral.id)
    before = referral.taken_by_id
    if before == officer.id:
        return
    referral.taken_by_id = officer.id
    referral.taken_at = utcnow()
    session.flush()
    _audit(session, referral, officer, "duty.taken", taken_over_from=before)


def record_advice(session: Session, referral: DutyReferral, *, officer: User, advice: str) -> None:
    """Keep the advice the duty officer gave ("duty.advised"). Raises AlreadyAdvised or NotTaken."""
    advice = advice.strip()
    if not advice:
        raise ValueError("Enter the advice you gave.")
    if referral.advised_at is not None:
        raise AlreadyAdvised(referral.id)
    if referral.taken_by_id != officer.id:
        raise NotTaken(referral.id)
    referral.advice = advice
    referral.advised_at = utcnow()
    session.flush()
    _audit(session, referral, officer, "duty.advised")


def _references(session: Session, ids: set[int]) -> dict[int, str | None]:
    if not ids:
        return {}
    query = select(Application.id, Application.reference).where(Application.id.in_(ids))
    return dict(session.execute(query).all())


def describe(session: Session, referrals: list[DutyReferral]) -> list[ReferralView]:
    """The referrals with the names of the officers and the case references, in two queries."""
    officers = {i for r in referrals for i in (r.referred_by_id, r.taken_by_id) if i is not None}
    names = {user_id: user.full_name for user_id, user in users_by_id(session, officers).items()}
    references = _references(session, {r.application_id for r in referrals if r.application_id is not None})
    return [
        ReferralView(
            referral=r,
            reference=references.get(r.application_id) if r.application_id is not None else None,
            referred_by=names.get(r.referred_by_id) if r.referred_by_id else None,
            taken_by=names.get(r.taken_by_id) if r.taken_by_id else None,
        )
        for r in referrals
    ]


def open_referrals(session: Session) -> list[DutyReferral]:
    """Referrals still waiting for advice, the oldest first."""
    query = (
        select(DutyReferral)
        .where(DutyReferral.advised_at.is_(None))
        .order_by(DutyReferral.referred_at, DutyReferral.id)
    )
    return list(session.scalars(query))


def recent_referrals(session: Session, *, now: dt.datetime | None = None) -> list[DutyReferral]:
    """Referrals answered in the last 30 days, the latest first (at most 50)."""
    since = (now or utcnow()) - dt.timedelta(days=RECENT_DAYS)
    query = (
        select(DutyReferral)
        .where(DutyReferral.advised_at.is_not(None), DutyReferral.advised_at >= since)
        .order_by(DutyReferral.advised_at.desc(), DutyReferral.id.desc())
        .limit(RECENT_LIMIT)
    )
    return list(session.scalars(query))


def referrals_for_case(session: Session, application_id: int) -> list[DutyReferral]:
    """Every duty referral about a case, the latest first (for the case pages)."""
    query = (
        select(DutyReferral)
        .where(DutyReferral.application_id == application_id)
        .order_by(DutyReferral.referred_at.desc(), DutyReferral.id.desc())
    )
    return list(session.scalars(query))
