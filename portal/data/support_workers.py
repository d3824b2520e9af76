"""Support worker accounts and their organisations: registering, and officers approving, refusing or suspending.

A support worker may act for an applicant only while their account is
approved (``portal.rules.support.scopes.in_force`` checks it on every
request), so suspending a worker ends their access to every client at once.
An account an administrator made with the support worker role has no
profile until an officer approves it, and counts as waiting until then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.models import User
from portal.data.support_models import Consent, Organisation, SupportWorker

#: How officers see the workers: waiting first, then approved, then the rest.
STATUS_ORDER = ("waiting", "approved", "suspended", "refused")


class NameTaken(Exception):
    """There is already an organisation with this name (in any mix of capitals)."""


class NotAllowed(Exception):
    """The worker's account is not in a state this decision applies to."""


@dataclass(frozen=True)
class WorkerRow:
    """A support worker's account, with their profile and organisation when they have one."""

    user: User
    profile: SupportWorker | None
    organisation: Organisation | None

    @property
    def status(self) -> str:
        """The profile's status; an account without a profile is waiting."""
        return self.profile.status if self.profile is not None else "waiting"


def clean_name(name: str) -> str:
    return " ".join(name.split())


# Organisations


def list_organisations(session: Session) -> list[Organisation]:
    return list(session.scalars(select(Organisation).order_by(func.lower(Organisation.name), Organisation.id)))


def organisation_by_id(session: Session, organisation_id: int) -> Organisation | None:
    return session.get(Organisation, organisation_id)


def organisation_by_name(session: Session, name: str) -> Organisation | None:
    """The organisation with this name, whatever its capitals and spaces."""
    cleaned = clean_name(name).lower()
    if not cleaned:
        return None
    return session.scalar(select(Organisation).where(func.lower(Organisation.name) == cleaned).limit(1))


def worker_counts(session: Session) -> dict[int, int]:
    """How many support workers each organisation has, by organisation id."""
    query = select(SupportWorker.organisation_id, func.count()).group_by(SupportWorker.organisation_id)
    return {organisation_id: int(count) for organisation_id, count in session.execute(query)}


def add_organisation(
    session: Session,
    *,
    name: str,
    kind: str,
    actor: User | None,
    email: str | None = None,
    phone: str | None = None,
) -> Organisation:
    """A new organisation; raises NameTaken when one has the name already."""
    if organisation_by_name(session, name) is not None:
        raise NameTaken(name)
    organisation = Organisation(name=clean_name(name), kind=kind, email=email or None, phone=phone or None)
    session.add(organisation)
    session.flush()
    record_event(
        session,
        actor=actor,
        action="organisation.added",
        subject_type="organisation",
        subject_id=organisation.id,
        details={"name": organisation.name, "kind": kind},
    )
    return organisation


# Registering


def register_worker(
    session: Session,
    user: User,
    *,
    organisation: Organisation,
    job_title: str,
    phone: str,
) -> SupportWorker:
    """The profile of a newly registered support worker, waiting for an officer to approve it."""
    profile = SupportWorker(
        user_id=user.id,
        organisation_id=organisation.id,
        job_title=job_title,
        phone=phone,
        status="waiting",
    )
    session.add(profile)
    session.flush()
    record_event(
        session,
        actor=user,
        action="support_worker.registered",
        subject_type="user",
        subject_id=user.id,
        details={"organisation": organisation.id},
    )
    return profile


def set_email_updates(session: Session, profile: SupportWorker, wanted: bool) -> None:
    profile.email_client_updates = wanted
    session.flush()


# Officers' decisions


def worker_rows(session: Session) -> list[WorkerRow]:
    """Every support worker account, waiting ones first, then by name."""
    status = func.coalesce(SupportWorker.status, "waiting")
    order = case({name: position for position, name in enumerate(STATUS_ORDER)}, value=status, else_=len(STATUS_ORDER))
    query = (
        select(User, SupportWorker, Organisation)
        .outerjoin(SupportWorker, SupportWorker.user_id == User.id)
        .outerjoin(Organisation, Organisation.id == SupportWorker.organisation_id)
        .where(User.role == Role.SUPPORT_WORKER)
        .order_by(order, func.lower(User.full_name), User.id)
    )
    return [WorkerRow(user, profile, organisation) for user, profile, organisation in session.execute(query)]


def worker_row(session: Session, user_id: int) -> WorkerRow | None:
    """One support worker's account, or None when there is no support worker with this id."""
    user = session.get(User, user_id)
    if user is None or user.role is not Role.SUPPORT_WORKER:
        return None
    profile = session.get(SupportWorker, user_id)
    organisation = session.get(Organisation, profile.organisation_id) if profile is not None else None
    return WorkerRow(user, profile, organisation)


def clients_count(session: Session, worker_id: int, today: dt.date) -> int:
    """How many applicants have an active consent for this worker that has not reached its end date."""
    query = select(func.count(func.distinct(Consent.applicant_id))).where(
        Consent.worker_id == worker_id, Consent.status == "active", Consent.expires_on >= today
    )
    return int(session.scalar(query) or 0)


def _decide(profile: SupportWorker, status: str, officer: User, reason: str | None) -> None:
    profile.status = status
    profile.decided_at = utcnow()
    profile.decided_by_id = officer.id
    profile.decision_reason = reason


def approve(session: Session, row: WorkerRow, *, officer: User, organisation: Organisation) -> SupportWorker:
    """Approve the worker at this organisation (making their profile if an administrator set up the account)."""
    if row.status == "approved":
        raise NotAllowed("approved")
    profile = row.profile
    if profile is None:
        profile = SupportWorker(user_id=row.user.id, organisation_id=organisation.id)
        session.add(profile)
    earlier = profile.status if row.profile is not None else "waiting"
    profile.organisation_id = organisation.id
    _decide(profile, "approved", officer, None)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="support_worker.approved",
        subject_type="user",
        subject_id=row.user.id,
        details={"organisation": organisation.id, "was": earlier},
    )
    return profile


def refuse(session: Session, row: WorkerRow, *, officer: User, reason: str) -> None:
    """Refuse a waiting worker's account, saying why."""
    if row.profile is None or row.profile.status != "waiting":
        raise NotAllowed(row.status)
    _decide(row.profile, "refused", officer, reason)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="support_worker.refused",
        subject_type="user",
        subject_id=row.user.id,
        reason=reason,
    )


def suspend(session: Session, row: WorkerRow, *, officer: User, reason: str) -> None:
    """Suspend an approved worker: from now on they cannot act for anyone."""
    if row.profile is None or row.profile.status != "approved":
        raise NotAllowed(row.status)
    _decide(row.profile, "suspended", officer, reason)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="support_worker.suspended",
        subject_type="user",
        subject_id=row.user.id,
        reason=reason,
    )
