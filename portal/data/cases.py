"""Opening a case as an officer: what each officer may see, and the audit of sensitive cases.

A case is a sent application (any stage but ``draft``). A sensitive case is
open only to the officers named on it; every time one of them opens any page
of it, an audit event records who, when and which page.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.case_models import CaseHandling, NamedOfficer, SafeguardingFlag
from portal.data.models import User


class CaseNotFound(LookupError):
    """No sent application has this id."""


class CaseRestricted(PermissionError):
    """The case is sensitive and this officer is not named on it."""


def read_handling(session: Session, application_id: int) -> CaseHandling | None:
    """The case's handling row, or None when nobody has assigned or restricted it yet (never writes)."""
    return session.get(CaseHandling, application_id)


def handling_of(session: Session, application: Application) -> CaseHandling:
    """The case's handling row (who is assigned, whether it is sensitive), made on first use."""
    handling = session.get(CaseHandling, application.id)
    if handling is None:
        handling = CaseHandling(application_id=application.id, sensitive=False)
        session.add(handling)
        session.flush()
    return handling


def is_sensitive(session: Session, application_id: int) -> bool:
    found = session.scalar(select(CaseHandling.sensitive).where(CaseHandling.application_id == application_id))
    return bool(found)


def is_named(session: Session, application_id: int, officer_id: int) -> bool:
    query = select(NamedOfficer.id).where(
        NamedOfficer.application_id == application_id, NamedOfficer.officer_id == officer_id
    )
    return session.scalar(query) is not None


def named_officers(session: Session, application_id: int) -> list[User]:
    query = (
        select(User)
        .join(NamedOfficer, NamedOfficer.officer_id == User.id)
        .where(NamedOfficer.application_id == application_id)
        .order_by(User.full_name)
    )
    return list(session.scalars(query))


def may_open(session: Session, officer: User, application_id: int) -> bool:
    """Whether this officer may open the case: any officer, unless it is sensitive and they are not named."""
    return not is_sensitive(session, application_id) or is_named(session, application_id, officer.id)


def case_for_officer(session: Session, officer: User, application_id: int) -> Application:
    """The case, if this officer may open it; raises CaseNotFound or CaseRestricted."""
    application = session.get(Application, application_id)
    if application is None or application.stage == "draft":
        raise CaseNotFound(application_id)
    if not may_open(session, officer, application_id):
        record_event(
            session,
            actor=officer,
            action="case.restricted_refused",
            subject_type="application",
            subject_id=application_id,
        )
        raise CaseRestricted(application_id)
    return application


def record_sensitive_view(session: Session, officer: User, application: Application, page: str) -> None:
    """Audit one view of a sensitive case: who, when, and which page."""
    record_event(
        session,
        actor=officer,
        action="case.sensitive_viewed",
        subject_type="application",
        subject_id=application.id,
        details={"page": page},
    )


def active_flags(session: Session, application_id: int) -> list[SafeguardingFlag]:
    query = (
        select(SafeguardingFlag)
        .where(SafeguardingFlag.application_id == application_id, SafeguardingFlag.removed_at.is_(None))
        .order_by(SafeguardingFlag.added_at, SafeguardingFlag.id)
    )
    return list(session.scalars(query))


def assign(session: Session, application: Application, *, officer: User | None, by: User) -> None:
    """Assign the case to an officer (or to nobody), with an audit event."""
    handling = handling_of(session, application)
    handling.assigned_officer_id = officer.id if officer else None
    handling.assigned_at = utcnow() if officer else None
    record_event(
        session,
        actor=by,
        action="case.assigned",
        subject_type="application",
        subject_id=application.id,
        details={"officer_id": officer.id if officer else None},
    )
