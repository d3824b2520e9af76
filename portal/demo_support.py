"""Demo support workers: an approved worker helping demo applicants with their consent, and one waiting.

- Sam Okafor (``support@example.org``) works at Exampleton Citizens Advice and
  is approved. Joy Okafor has agreed he can help with her application and bid
  for her for 6 months; Amina Rahman has agreed he can see her application.
  He has asked Tomasz Nowak for access, and Tomasz has not answered yet.
- Priya Shah (``worker.waiting@example.org``) works at Exampleton Adult
  Social Care and is waiting for an officer to approve her account.

Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data.accounts import create_user, get_user_by_email
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.models import User
from portal.data.support_models import Consent, Organisation, SupportWorker
from portal.demo import DEMO_PASSWORD
from portal.rules.support.scopes import USUAL_CONSENT_DAYS

CITIZENS_ADVICE = ("Exampleton Citizens Advice", "charity")
ADULT_SOCIAL_CARE = ("Exampleton Adult Social Care", "social_care")
WAITING_WORKER = ("worker.waiting@example.org", "Priya Shah")


def _organisation(session: Session, name: str, kind: str) -> Organisation:
    found = session.scalar(select(Organisation).where(Organisation.name == name))
    if found is None:
        found = Organisation(name=name, kind=kind)
        session.add(found)
        session.flush()
    return found


def _profile(
    session: Session, user: User, organisation: Organisation, *, job_title: str, phone: str, status: str
) -> None:
    if session.get(SupportWorker, user.id) is not None:
        return
    session.add(
        SupportWorker(
            user_id=user.id,
            organisation_id=organisation.id,
            job_title=job_title,
            phone=phone,
            status=status,
            decided_at=utcnow() if status == "approved" else None,
        )
    )
    session.flush()


def _consent(session: Session, applicant: User | None, worker: User, **fields: object) -> None:
    """A consent between them, unless they have one already (in any state)."""
    if applicant is None:
        return
    query = select(Consent.id).where(Consent.applicant_id == applicant.id, Consent.worker_id == worker.id).limit(1)
    if session.scalar(query) is not None:
        return
    fields.setdefault("created_by_id", applicant.id)
    consent = Consent(applicant_id=applicant.id, worker_id=worker.id, **fields)
    session.add(consent)
    session.flush()
    action = "consent.requested" if consent.status == "requested" else "consent.granted"
    actor = worker if consent.status == "requested" else applicant
    record_event(
        session,
        actor=actor,
        action=action,
        subject_type="consent",
        subject_id=consent.id,
        details={"scopes": sorted(scope.value for scope in consent.scopes), "expires_on": str(consent.expires_on)},
    )


def _waiting_worker(session: Session, organisation: Organisation) -> None:
    email, name = WAITING_WORKER
    priya = get_user_by_email(session, email)
    if priya is None:
        priya = create_user(
            session, email=email, full_name=name, password=DEMO_PASSWORD, role=Role.SUPPORT_WORKER, verified_at=utcnow()
        )
    _profile(session, priya, organisation, job_title="Social worker", phone="01632 960 002", status="waiting")


def seed_demo_support(session: Session, today: dt.date) -> None:
    """Add the demo organisations, support worker profiles and consents (once)."""
    citizens_advice = _organisation(session, *CITIZENS_ADVICE)
    social_care = _organisation(session, *ADULT_SOCIAL_CARE)
    _waiting_worker(session, social_care)
    sam = get_user_by_email(session, "support@example.org")
    if sam is None:
        return
    _profile(session, sam, citizens_advice, job_title="Housing adviser", phone="01632 960 001", status="approved")
    now = utcnow()
    ends = today + dt.timedelta(days=USUAL_CONSENT_DAYS)
    _consent(
        session,
        get_user_by_email(session, "joy@example.org"),
        sam,
        route="code_invite",
        status="active",
        can_help=True,
        can_bid=True,
        expires_on=ends,
        granted_at=now,
        accepted_at=now,
    )
    _consent(
        session,
        get_user_by_email(session, "applicant@example.org"),
        sam,
        route="email_invite",
        status="active",
        invite_email=sam.email,
        expires_on=ends,
        granted_at=now,
        accepted_at=now,
    )
    _consent(
        session,
        get_user_by_email(session, "tomasz@example.org"),
        sam,
        route="worker_request",
        status="requested",
        invite_email="tomasz@example.org",
        can_help=True,
        expires_on=ends,
        request_message="I am Tomasz's housing adviser at Citizens Advice. He asked me to help him finish his application.",
        created_by_id=sam.id,
    )
