"""Changing consents: invitations by email or code, requests from support workers, agreeing, changing and ending.

An applicant invites a support worker by an emailed link or by a one-time
code they hand over; a support worker may ask an applicant for access. Only
hashes of links and codes are stored. Every change writes an audit event
(subject "consent") with the scopes and end date. A consent that becomes
active replaces any older active one between the same two people, so there
is only ever one to change or end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data.accounts import get_user_by_email, normalise_email
from portal.data.audit import record_event
from portal.data.consents import consent_in_force
from portal.data.models import AuditEvent, User
from portal.data.support_models import Consent, Organisation, SupportWorker
from portal.rules.support.scopes import INVITE_DAYS, USUAL_CONSENT_DAYS, expiry_problem, scope_values

#: Letters and numbers that cannot be mistaken for each other (no I, L, O, 0 or 1).
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class ConsentChangeRefused(Exception):
    """The consent is not in a state that allows this change, or the end date cannot be used."""


# Codes and links --------------------------------------------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def show_code(code: str) -> str:
    """A code as people read it: "ABCD-EFGH"."""
    return f"{code[:4]}-{code[4:]}"


def clean_code(typed: str) -> str:
    """A typed code without spaces, dashes or case, as it was made."""
    return "".join(character for character in typed.upper() if character.isalnum())


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def months_ahead(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the last day of that month when it is shorter."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")  # pragma: no cover


def _unused_secret(session: Session, make: Any) -> str:
    while True:
        secret = str(make())
        if session.scalar(select(Consent.id).where(Consent.code_hash == secret_hash(secret))) is None:
            return secret


# Audit ------------------------------------------------------------------------------------------------------------


def consent_details(consent: Consent) -> dict[str, Any]:
    return {"scopes": scope_values(consent.scopes), "expires_on": consent.expires_on.isoformat()}


def _record(
    session: Session,
    consent: Consent,
    actor: User | None,
    action: str,
    *,
    on_behalf_of: User | None = None,
    **extra: Any,
) -> None:
    details = consent_details(consent)
    details.update(extra)
    record_event(
        session,
        actor=actor,
        action=action,
        subject_type="consent",
        subject_id=consent.id,
        on_behalf_of=on_behalf_of,
        details=details,
    )


def _need(consent: Consent, *statuses: str) -> None:
    if consent.status not in statuses:
        raise ConsentChangeRefused(consent.status)


def _check_end_date(expires_on: dt.date, today: dt.date) -> None:
    problem = expiry_problem(expires_on, today)
    if problem is not None:
        raise ConsentChangeRefused(problem)


def _end(consent: Consent, status: str, by: User | None, now: dt.datetime) -> None:
    consent.status = status
    consent.ended_at = now
    consent.ended_by_id = by.id if by else None
    consent.code_hash = None


def _replace_older(session: Session, consent: Consent, now: dt.datetime) -> None:
    """End any other active consent between the same applicant and worker: the new one takes its place."""
    query = select(Consent).where(
        Consent.applicant_id == consent.applicant_id,
        Consent.worker_id == consent.worker_id,
        Consent.status == "active",
        Consent.id != consent.id,
    )
    for older in session.scalars(query):
        _end(older, "cancelled", None, now)
        _record(session, older, None, "consent.cancelled", replaced_by=consent.id)


# The applicant's side ---------------------------------------------------------------------------------------------


def invite(
    session: Session,
    applicant: User,
    *,
    email: str | None,
    can_help: bool,
    can_bid: bool,
    expires_on: dt.date,
    today: dt.date,
    now: dt.datetime,
) -> tuple[Consent, str]:
    """An invitation by emailed link (``email`` given) or by code (no email); returns it and the link's token or code."""
    _check_end_date(expires_on, today)
    secret = _unused_secret(session, (lambda: secrets.token_urlsafe(32)) if email else new_code)
    consent = Consent(
        applicant_id=applicant.id,
        route="email_invite" if email else "code_invite",
        status="invited",
        invite_email=normalise_email(email) if email else None,
        code_hash=secret_hash(secret),
        code_expires_at=now + dt.timedelta(days=INVITE_DAYS),
        can_help=can_help,
        can_bid=can_bid,
        expires_on=expires_on,
        created_by_id=applicant.id,
        granted_at=now,
    )
    session.add(consent)
    session.flush()
    _record(session, consent, applicant, "consent.invited", route=consent.route)
    return consent, secret


def agree(
    session: Session,
    consent: Consent,
    applicant: User,
    *,
    can_help: bool,
    can_bid: bool,
    expires_on: dt.date,
    today: dt.date,
    now: dt.datetime,
) -> None:
    """The applicant agrees to a worker's request, with the scopes and end date they chose."""
    _need(consent, "requested")
    _check_end_date(expires_on, today)
    consent.can_help, consent.can_bid, consent.expires_on = can_help, can_bid, expires_on
    consent.status = "active"
    consent.granted_at = consent.accepted_at = now
    _replace_older(session, consent, now)
    _record(session, consent, applicant, "consent.granted")


def say_no(session: Session, consent: Consent, applicant: User, now: dt.datetime) -> None:
    _need(consent, "requested")
    _end(consent, "declined", applicant, now)
    _record(session, consent, applicant, "consent.declined")


def change(
    session: Session,
    consent: Consent,
    applicant: User,
    *,
    can_help: bool,
    can_bid: bool,
    expires_on: dt.date,
    today: dt.date,
) -> None:
    """Change what a worker may do, or until when. Their next request follows the new choice."""
    _need(consent, "active")
    if consent.expires_on < today:
        raise ConsentChangeRefused("expired")
    _check_end_date(expires_on, today)
    before = consent_details(consent)
    consent.can_help, consent.can_bid, consent.expires_on = can_help, can_bid, expires_on
    _record(session, consent, applicant, "consent.changed", before=before)


def end_access(session: Session, consent: Consent, applicant: User, now: dt.datetime) -> None:
    """End a worker's access at once."""
    _need(consent, "active")
    _end(consent, "revoked", applicant, now)
    _record(session, consent, applicant, "consent.revoked")


def cancel(session: Session, consent: Consent, by: User, now: dt.datetime) -> None:
    """Take back an invitation (the applicant) or a request (the worker who made it) before it is answered."""
    _need(consent, "invited" if by.id == consent.applicant_id else "requested")
    _end(consent, "cancelled", by, now)
    _record(session, consent, by, "consent.cancelled")


# The support worker's side ----------------------------------------------------------------------------------------


def open_invitation(session: Session, secret: str, route: str, today: dt.date, now: dt.datetime) -> Consent | None:
    """The invitation this link token or code opens: waiting, not past its time, of that route; else None."""
    if not secret:
        return None
    consent = session.scalar(select(Consent).where(Consent.code_hash == secret_hash(secret), Consent.route == route))
    return consent if consent is not None and still_open(consent, today, now) else None


def still_open(consent: Consent, today: dt.date, now: dt.datetime) -> bool:
    """Whether an invitation can still be taken up."""
    return (
        consent.status == "invited"
        and consent.code_expires_at is not None
        and consent.code_expires_at > now
        and consent.expires_on >= today
    )


def invited_address_is(consent: Consent, email: str) -> bool:
    return consent.invite_email is not None and consent.invite_email.casefold() == email.strip().casefold()


def take_up(session: Session, consent: Consent, worker: User, applicant: User, now: dt.datetime) -> None:
    """A worker accepts an invitation: the consent is in force from now."""
    _need(consent, "invited")
    consent.worker_id = worker.id
    consent.status = "active"
    consent.accepted_at = now
    consent.code_hash = None
    session.flush()
    _replace_older(session, consent, now)
    _record(session, consent, worker, "consent.accepted", on_behalf_of=applicant)


def turn_down(session: Session, consent: Consent, worker: User, now: dt.datetime) -> None:
    """A worker says no to an invitation."""
    _need(consent, "invited")
    consent.worker_id = worker.id
    _end(consent, "declined", worker, now)
    _record(session, consent, worker, "consent.declined")


def ask(
    session: Session,
    worker: User,
    *,
    email: str,
    can_help: bool,
    can_bid: bool,
    message: str,
    today: dt.date,
) -> tuple[Consent, User] | None:
    """Ask an applicant for access. None (and nothing written) when there is no such applicant or nothing to ask."""
    applicant = get_user_by_email(session, email)
    if applicant is None or applicant.role is not Role.APPLICANT or not applicant.is_active:
        return None
    waiting = select(Consent.id).where(
        Consent.applicant_id == applicant.id, Consent.worker_id == worker.id, Consent.status == "requested"
    )
    if session.scalar(waiting) is not None or consent_in_force(session, worker.id, applicant.id, today):
        return None
    consent = Consent(
        applicant_id=applicant.id,
        worker_id=worker.id,
        route="worker_request",
        status="requested",
        can_help=can_help,
        can_bid=can_bid,
        expires_on=today + dt.timedelta(days=USUAL_CONSENT_DAYS),
        request_message=message or None,
        created_by_id=worker.id,
    )
    session.add(consent)
    session.flush()
    _record(session, consent, worker, "consent.requested")
    return consent, applicant


def worker_ends(session: Session, consent: Consent, worker: User, applicant: User, now: dt.datetime) -> None:
    """A worker says they no longer help this person."""
    _need(consent, "active")
    _end(consent, "revoked", worker, now)
    _record(session, consent, worker, "consent.ended_by_worker", on_behalf_of=applicant)


# Reading ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HelperRow:
    """A consent with the worker it is for (when known), their profile and organisation."""

    consent: Consent
    worker: User | None
    profile: SupportWorker | None
    organisation: Organisation | None


def _helper_query() -> Any:
    return (
        select(Consent, User, SupportWorker, Organisation)
        .outerjoin(User, User.id == Consent.worker_id)
        .outerjoin(SupportWorker, SupportWorker.user_id == Consent.worker_id)
        .outerjoin(Organisation, Organisation.id == SupportWorker.organisation_id)
    )


def helper_rows(session: Session, applicant_id: int) -> list[HelperRow]:
    """Every consent of this applicant, newest first, with who it is for, in one query."""
    query = (
        _helper_query()
        .where(Consent.applicant_id == applicant_id)
        .order_by(Consent.created_at.desc(), Consent.id.desc())
    )
    return [HelperRow(*row) for row in session.execute(query)]


def helper_row(session: Session, consent: Consent) -> HelperRow:
    row = session.execute(_helper_query().where(Consent.id == consent.id)).one()
    return HelperRow(*row)


@dataclass(frozen=True)
class ActivityLine:
    event: AuditEvent
    actor: User | None
    organisation: Organisation | None


def helper_activity(session: Session, applicant_id: int, *, page: int, per_page: int) -> tuple[list[ActivityLine], int]:
    """Everything done on the applicant's behalf, newest first, one page of it, and how many there are in all."""
    where = AuditEvent.on_behalf_of_id == applicant_id
    total = session.scalar(select(func.count()).select_from(AuditEvent).where(where)) or 0
    query = (
        select(AuditEvent, User, Organisation)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .outerjoin(SupportWorker, SupportWorker.user_id == AuditEvent.actor_id)
        .outerjoin(Organisation, Organisation.id == SupportWorker.organisation_id)
        .where(where)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    return [ActivityLine(*row) for row in session.execute(query)], int(total)
