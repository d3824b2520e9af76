"""Possible duplicate applications: finding them, listing the open ones, and an officer's resolution.

Two sent applications may be the same household when any of their people
share a National Insurance number (compared in upper case without spaces),
when any of their people share a full name (compared trimmed, in any case)
and a date of birth, or when they were sent from the same account email.
Drafts are never compared, an application never matches itself, and a pair
is flagged at most once for each kind of match, whatever became of the flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from portal.data.application_models import Application, HouseholdMember
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.case_models import DuplicateFlag
from portal.data.models import User
from portal.rules.casework.kinds import DUPLICATE_STATUSES

RESOLUTIONS = tuple(status for status in DUPLICATE_STATUSES if status != "open")

_NI_IN_SQL = func.upper(func.replace(HouseholdMember.ni_number, " ", ""))
_NAME_IN_SQL = func.lower(func.trim(HouseholdMember.full_name))


class DuplicateAlreadyResolved(ValueError):
    """Someone has already resolved this flag."""


def normalise_ni(value: str | None) -> str:
    """A National Insurance number as it is compared: upper case, no spaces."""
    return "".join((value or "").split()).upper()


def normalise_name(value: str | None) -> str:
    return (value or "").strip().lower()


def _other_sent(application: Application) -> Any:
    return and_(Application.stage != "draft", Application.id != application.id)


def _matches(session: Session, application: Application) -> set[tuple[int, str]]:
    """(other application id, what matched) for every sent application that looks like this one."""
    found: set[tuple[int, str]] = set()
    ni_numbers = {normalise_ni(person.ni_number) for person in application.people} - {""}
    if ni_numbers:
        query = (
            select(HouseholdMember.application_id)
            .join(Application, Application.id == HouseholdMember.application_id)
            .where(_other_sent(application), _NI_IN_SQL.in_(ni_numbers))
        )
        found.update((other, "ni_number") for other in session.scalars(query))
    people = {
        (normalise_name(person.full_name), person.date_of_birth)
        for person in application.people
        if normalise_name(person.full_name) and person.date_of_birth is not None
    }
    if people:
        same_person = or_(
            *(and_(_NAME_IN_SQL == name, HouseholdMember.date_of_birth == born) for name, born in sorted(people))
        )
        query = (
            select(HouseholdMember.application_id)
            .join(Application, Application.id == HouseholdMember.application_id)
            .where(_other_sent(application), same_person)
        )
        found.update((other, "name_and_birth_date") for other in session.scalars(query))
    email = session.scalar(select(User.email).where(User.id == application.user_id))
    if email:
        query = (
            select(Application.id)
            .join(User, User.id == Application.user_id)
            .where(_other_sent(application), func.lower(User.email) == email.strip().lower())
        )
        found.update((other, "email") for other in session.scalars(query))
    return found


def find_duplicates(session: Session, application: Application) -> list[DuplicateFlag]:
    """Flag every sent application that looks like this one and is not flagged already; returns the new flags."""
    if application.stage == "draft":
        return []
    session.flush()
    wanted = {
        (min(application.id, other), max(application.id, other), match)
        for other, match in _matches(session, application)
    }
    if not wanted:
        return []
    known_query = select(
        DuplicateFlag.application_id, DuplicateFlag.other_application_id, DuplicateFlag.matched_on
    ).where(
        tuple_(DuplicateFlag.application_id, DuplicateFlag.other_application_id).in_(
            sorted({(low, high) for low, high, _match in wanted})
        )
    )
    known = {tuple(row) for row in session.execute(known_query)}
    flags = []
    for low, high, match in sorted(wanted - known):
        flag = DuplicateFlag(application_id=low, other_application_id=high, matched_on=match, status="open")
        try:
            with session.begin_nested():  # another request may have flagged the pair a moment ago
                session.add(flag)
                session.flush()
        except IntegrityError:
            continue
        for subject, other in ((low, high), (high, low)):
            record_event(
                session,
                actor=None,
                action="duplicate.found",
                subject_type="application",
                subject_id=subject,
                details={"flag_id": flag.id, "other_application_id": other, "matched_on": match},
            )
        flags.append(flag)
    return flags


def find_all_duplicates(session: Session) -> list[DuplicateFlag]:
    """Check every sent application against the others; returns the new flags."""
    ids = session.scalars(select(Application.id).where(Application.stage != "draft").order_by(Application.id))
    flags: list[DuplicateFlag] = []
    for application_id in list(ids):
        application = session.get(Application, application_id)
        if application is not None:
            flags.extend(find_duplicates(session, application))
    return flags


def open_duplicates(session: Session) -> list[DuplicateFlag]:
    """The flags nobody has resolved yet, the oldest first."""
    query = (
        select(DuplicateFlag).where(DuplicateFlag.status == "open").order_by(DuplicateFlag.found_at, DuplicateFlag.id)
    )
    return list(session.scalars(query))


def duplicate_of(session: Session, flag_id: int) -> DuplicateFlag | None:
    return session.get(DuplicateFlag, flag_id)


def pair_of(session: Session, flag: DuplicateFlag) -> tuple[Application, Application]:
    """The two applications a flag is about (the lower id first)."""
    first = session.get(Application, flag.application_id)
    second = session.get(Application, flag.other_application_id)
    assert first is not None and second is not None  # the flag's rows go with their applications
    return first, second


def flags_between(session: Session, flag: DuplicateFlag) -> list[DuplicateFlag]:
    """Every flag on the same pair of applications (one for each kind of match)."""
    query = (
        select(DuplicateFlag)
        .where(
            DuplicateFlag.application_id == flag.application_id,
            DuplicateFlag.other_application_id == flag.other_application_id,
        )
        .order_by(DuplicateFlag.id)
    )
    return list(session.scalars(query))


def resolve(session: Session, flag: DuplicateFlag, *, officer: User, status: str, note: str) -> None:
    """Record an officer's decision on a flag, audited on both applications."""
    if status not in RESOLUTIONS:
        raise ValueError(f"Unknown resolution {status!r}")
    if status == "duplicate" and not note.strip():
        raise ValueError("A note is needed when the applications are duplicates")
    if flag.status != "open":
        raise DuplicateAlreadyResolved(flag.id)
    flag.status = status
    flag.note = note.strip() or None
    flag.resolved_by_id = officer.id
    flag.resolved_at = utcnow()
    session.flush()
    for subject, other in (
        (flag.application_id, flag.other_application_id),
        (flag.other_application_id, flag.application_id),
    ):
        record_event(
            session,
            actor=officer,
            action="duplicate.resolved",
            subject_type="application",
            subject_id=subject,
            reason=flag.note,
            details={
                "flag_id": flag.id,
                "status": status,
                "matched_on": flag.matched_on,
                "other_application_id": other,
            },
        )


@dataclass(frozen=True, slots=True)
class Side:
    """What an officer compares of one application."""

    application: Application
    name: str
    date_of_birth: dt.date | None
    ni_number: str
    address: str
    email: str
    stage: str


def side_of(session: Session, application: Application) -> Side:
    applicant = application.applicant
    current = [address for address in application.addresses if address.moved_out is None] or application.addresses
    address = ""
    if current:
        parts = (current[0].line_1, current[0].line_2, current[0].town, current[0].postcode)
        address = ", ".join(part for part in parts if part)
    email = session.scalar(select(User.email).where(User.id == application.user_id)) or ""
    return Side(
        application=application,
        name=applicant.full_name,
        date_of_birth=applicant.date_of_birth,
        ni_number=applicant.ni_number or "",
        address=address,
        email=email,
        stage=application.stage,
    )
