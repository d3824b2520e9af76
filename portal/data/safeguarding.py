"""Safeguarding flags and sensitive cases: who is named on a case, and every change to either, audited.

A flag is never deleted: removing one records who removed it, when and why.
A case may be marked sensitive only while it has an active flag; the officer
who marks it is named on it, and a sensitive case always keeps at least one
named officer. Every change writes an audit event on the application.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from portal.auth.roles import OFFICER_ROLES, Role
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.case_models import NamedOfficer, SafeguardingFlag
from portal.data.cases import active_flags, handling_of, is_named, is_sensitive, read_handling
from portal.data.models import User
from portal.rules.casework.kinds import FLAG_KINDS

#: Who may name themselves on a sensitive case they are not named on ("break the glass").
CLAIMING_ROLES = frozenset({Role.SENIOR_OFFICER, Role.ADMIN})


class SafeguardingRefused(ValueError):
    """The change cannot be made; the message says why, in plain English for the officer."""


def _audit(
    session: Session,
    officer: User,
    application_id: int,
    action: str,
    *,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    record_event(
        session,
        actor=officer,
        action=action,
        subject_type="application",
        subject_id=application_id,
        reason=reason,
        details=details,
    )


# Flags ---------------------------------------------------------------------------------------------------------------


def flags_for(session: Session, application_id: int) -> list[SafeguardingFlag]:
    """Every flag on the case, active and removed, oldest first."""
    query = (
        select(SafeguardingFlag)
        .where(SafeguardingFlag.application_id == application_id)
        .order_by(SafeguardingFlag.added_at, SafeguardingFlag.id)
    )
    return list(session.scalars(query))


def flag_of(session: Session, application_id: int, flag_id: int) -> SafeguardingFlag | None:
    flag = session.get(SafeguardingFlag, flag_id)
    return flag if flag is not None and flag.application_id == application_id else None


def add_flag(session: Session, application: Application, *, officer: User, kind: str, note: str) -> SafeguardingFlag:
    if kind not in FLAG_KINDS:
        raise SafeguardingRefused("Choose the kind of flag")
    flag = SafeguardingFlag(application_id=application.id, kind=kind, note=note.strip(), added_by_id=officer.id)
    session.add(flag)
    session.flush()
    _audit(session, officer, application.id, "flag.added", details={"flag_id": flag.id, "kind": kind})
    return flag


def remove_flag(session: Session, flag: SafeguardingFlag, *, officer: User, reason: str) -> None:
    if flag.removed_at is not None:
        raise SafeguardingRefused("This flag has already been removed")
    if not reason.strip():
        raise SafeguardingRefused("Enter why you are removing the flag")
    flag.removed_at = utcnow()
    flag.removed_by_id = officer.id
    flag.removed_reason = reason.strip()
    session.flush()
    _audit(
        session,
        officer,
        flag.application_id,
        "flag.removed",
        reason=flag.removed_reason,
        details={"flag_id": flag.id, "kind": flag.kind},
    )


# Sensitive cases and named officers ----------------------------------------------------------------------------------


def named_rows(session: Session, application_id: int) -> list[NamedOfficer]:
    query = select(NamedOfficer).where(NamedOfficer.application_id == application_id).order_by(NamedOfficer.id)
    return list(session.scalars(query))


def nameable_officers(session: Session, application_id: int) -> list[User]:
    """Active officer accounts not yet named on the case, by name."""
    already = select(NamedOfficer.officer_id).where(NamedOfficer.application_id == application_id)
    query = (
        select(User)
        .where(User.role.in_(OFFICER_ROLES), User.is_active.is_(True), User.id.not_in(already))
        .order_by(User.full_name, User.id)
    )
    return list(session.scalars(query))


def _name(session: Session, application: Application, officer: User, *, by: User, how: str) -> None:
    session.add(NamedOfficer(application_id=application.id, officer_id=officer.id, added_by_id=by.id))
    session.flush()
    _audit(session, by, application.id, "case.officer_named", details={"officer_id": officer.id, "how": how})


def mark_sensitive(session: Session, application: Application, *, officer: User, reason: str) -> None:
    """Restrict the case to named officers, naming the officer who restricts it."""
    if is_sensitive(session, application.id):
        raise SafeguardingRefused("This case is already sensitive")
    if not active_flags(session, application.id):
        raise SafeguardingRefused("Add a safeguarding flag before you mark the case as sensitive")
    if not reason.strip():
        raise SafeguardingRefused("Enter why the case is sensitive")
    handling = handling_of(session, application)
    handling.sensitive = True
    handling.sensitive_reason = reason.strip()
    handling.sensitive_since = utcnow()
    session.flush()
    _audit(session, officer, application.id, "case.marked_sensitive", reason=handling.sensitive_reason)
    if not is_named(session, application.id, officer.id):
        _name(session, application, officer, by=officer, how="marked sensitive")


def unmark_sensitive(session: Session, application: Application, *, officer: User, reason: str) -> None:
    """Open the case to every officer again; the named officers are no longer needed and are cleared."""
    if not is_sensitive(session, application.id):
        raise SafeguardingRefused("This case is not sensitive")
    if not reason.strip():
        raise SafeguardingRefused("Enter why the case is no longer sensitive")
    handling = handling_of(session, application)
    was_named = [row.officer_id for row in named_rows(session, application.id)]
    handling.sensitive = False
    handling.sensitive_reason = None
    handling.sensitive_since = None
    session.execute(delete(NamedOfficer).where(NamedOfficer.application_id == application.id))
    session.flush()
    _audit(
        session,
        officer,
        application.id,
        "case.unmarked_sensitive",
        reason=reason.strip(),
        details={"named_officers": was_named},
    )


def name_officer(session: Session, application: Application, *, officer: User, by: User) -> None:
    """Name another officer on a sensitive case."""
    if not is_sensitive(session, application.id):
        raise SafeguardingRefused("Officers are named only on a sensitive case")
    if officer.role not in OFFICER_ROLES or not officer.is_active:
        raise SafeguardingRefused("Choose an officer")
    if is_named(session, application.id, officer.id):
        raise SafeguardingRefused(f"{officer.full_name} is already named on this case")
    handling_of(session, application)
    _name(session, application, officer, by=by, how="named by an officer")


def unname_officer(session: Session, application: Application, *, officer: User, by: User, reason: str) -> None:
    """Take an officer off a sensitive case; the last named officer stays."""
    rows = named_rows(session, application.id)
    row = next((row for row in rows if row.officer_id == officer.id), None)
    if row is None:
        raise SafeguardingRefused(f"{officer.full_name} is not named on this case")
    if len(rows) == 1:
        raise SafeguardingRefused("A sensitive case must have at least one named officer. Name another officer first.")
    handling_of(session, application)
    session.delete(row)
    session.flush()
    _audit(
        session,
        by,
        application.id,
        "case.officer_unnamed",
        reason=reason.strip() or None,
        details={"officer_id": officer.id},
    )


def may_claim_access(session: Session, officer: User, application_id: int) -> bool:
    """Whether this officer may name themselves on the case: a senior officer, not named, on a sensitive case."""
    return (
        officer.role in CLAIMING_ROLES
        and is_sensitive(session, application_id)
        and not is_named(session, application_id, officer.id)
    )


def claim_access(session: Session, application: Application, *, officer: User, reason: str) -> None:
    """A senior officer names themselves on a sensitive case ("break the glass"), with a recorded reason."""
    if not may_claim_access(session, officer, application.id):
        raise SafeguardingRefused("You cannot name yourself on this case")
    if not reason.strip():
        raise SafeguardingRefused("Enter why you need to open this case")
    handling_of(session, application)
    _audit(session, officer, application.id, "case.access_claimed", reason=reason.strip())
    _name(session, application, officer, by=officer, how="claimed access")


def sent_case(session: Session, application_id: int) -> Application | None:
    """The sent application with this id (never a draft), without any check on who may open it."""
    application = session.get(Application, application_id)
    return application if application is not None and application.stage != "draft" else None


def sensitive_reason(session: Session, application_id: int) -> str | None:
    handling = read_handling(session, application_id)
    return handling.sensitive_reason if handling and handling.sensitive else None
