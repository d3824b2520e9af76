"""Handing over an account an officer set up: a code on a letter or a link in an email, kept only as a hash.

An officer who starts an application for someone can give them the account:
by a letter with an 8-character code, or by an email with a link. Either
works once, for ``HANDOVER_DAYS``. A new one stops any earlier one working.
Taking over sets the person's own password (and email address, when the
account had none), so every other session of the account ends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.accounts import get_user_by_email, normalise_email, set_password, verify_email
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.models import User
from portal.data.support_models import AccountHandover

HANDOVER_DAYS = 28
#: Letters and numbers that cannot be mistaken for each other (no 0, O, 1, I or L).
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
SENT_BY = ("email", "letter")
NOT_CODE = re.compile(r"[\s\-]")
#: Accounts set up for someone with no email address get an address on this reserved domain.
NO_EMAIL_DOMAIN = "no-email.invalid"


def has_real_email(user: User) -> bool:
    return not user.email.endswith("@" + NO_EMAIL_DOMAIN)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def grouped(code: str) -> str:
    """The code as printed: ABCD-EFGH."""
    return f"{code[:4]}-{code[4:]}"


def normalise_code(typed: str) -> str:
    """What the person typed as a code, without spaces or dashes, in capitals."""
    return NOT_CODE.sub("", typed or "").upper()


def create_handover(
    session: Session, user: User, *, officer: User, sent_by: str, code: str | None = None
) -> tuple[AccountHandover, str]:
    """A new handover and its secret (a code for a letter, a token for an email); earlier ones stop working."""
    if sent_by not in SENT_BY:
        raise ValueError(f"Unknown way to hand over: {sent_by!r}")
    now = utcnow()
    for earlier in waiting_handovers(session, user.id):
        earlier.expires_at = now
        earlier.details = {**(earlier.details or {}), "replaced": True}
    secret = normalise_code(code or new_code()) if sent_by == "letter" else secrets.token_urlsafe(32)
    handover = AccountHandover(
        user_id=user.id,
        code_hash=_hash(secret),
        sent_by=sent_by,
        created_at=now,
        created_by_id=officer.id,
        expires_at=now + dt.timedelta(days=HANDOVER_DAYS),
        details={},
    )
    session.add(handover)
    session.flush()
    record_event(
        session,
        actor=officer,
        on_behalf_of=user,
        action="account.handover_sent",
        subject_type="user",
        subject_id=user.id,
        details={"sent_by": sent_by, "handover": handover.id, "expires_at": handover.expires_at.isoformat()},
    )
    return handover, secret


def waiting_handovers(session: Session, user_id: int) -> list[AccountHandover]:
    """The account's handovers not used and not yet run out."""
    query = select(AccountHandover).where(
        AccountHandover.user_id == user_id, AccountHandover.used_at.is_(None), AccountHandover.expires_at > utcnow()
    )
    return list(session.scalars(query))


def handovers_of(session: Session, user_id: int) -> list[AccountHandover]:
    query = select(AccountHandover).where(AccountHandover.user_id == user_id).order_by(AccountHandover.id.desc())
    return list(session.scalars(query))


def claimed_at(session: Session, user_id: int) -> dt.datetime | None:
    """When the person took the account over, or None when they have not."""
    used = [handover.used_at for handover in handovers_of(session, user_id) if handover.used_at is not None]
    return max(used) if used else None


def handover_by_code(session: Session, typed: str) -> AccountHandover | None:
    code = normalise_code(typed)
    if len(code) != CODE_LENGTH:
        return None
    query = select(AccountHandover).where(AccountHandover.code_hash == _hash(code), AccountHandover.sent_by == "letter")
    return session.scalar(query)


def handover_by_token(session: Session, token: str) -> AccountHandover | None:
    if not token or len(token) > 200:
        return None
    query = select(AccountHandover).where(AccountHandover.code_hash == _hash(token), AccountHandover.sent_by == "email")
    return session.scalar(query)


def problem_with(handover: AccountHandover) -> str | None:
    """Why the handover cannot be used now: "used" or "expired"; None when it can."""
    if handover.used_at is not None:
        return "used"
    if handover.expires_at <= utcnow():
        return "expired"
    return None


def _latest_reference(session: Session, user_id: int) -> str | None:
    query = (
        select(Application.reference)
        .where(Application.user_id == user_id, Application.reference.is_not(None))
        .order_by(Application.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def reference_of(session: Session, user: User) -> str | None:
    """The reference of the person's latest sent application, for the letter."""
    return _latest_reference(session, user.id)


def belongs_to(session: Session, handover: AccountHandover, who: str) -> bool:
    """Whether ``who`` (a reference number or an email address) is the handover's account's."""
    user = session.get(User, handover.user_id)
    typed = (who or "").strip()
    if user is None or not typed:
        return False
    if "@" in typed:
        return has_real_email(user) and normalise_email(typed) == user.email
    reference = _latest_reference(session, user.id)
    if reference is None:
        return False
    wanted = NOT_CODE.sub("", typed).upper()
    full = NOT_CODE.sub("", reference).upper()
    return wanted in (full, full.removeprefix("HR"))


def email_taken(session: Session, email: str, user: User) -> bool:
    found = get_user_by_email(session, email)
    return found is not None and found.id != user.id


def claim(
    session: Session, handover: AccountHandover, *, password: str, email: str | None = None, verified: bool = False
) -> User:
    """The person takes over the account: their own password, and email address when it had none."""
    if problem_with(handover) is not None:
        raise ValueError("This handover cannot be used.")
    user = session.get(User, handover.user_id)
    assert user is not None  # the foreign key holds
    if email and not has_real_email(user):
        user.email = normalise_email(email)
    handover.used_at = utcnow()
    set_password(session, user, password)
    if verified:
        verify_email(session, user)
    record_event(
        session,
        actor=user,
        action="account.claimed",
        subject_type="user",
        subject_id=user.id,
        details={"handover": handover.id, "sent_by": handover.sent_by, "email_added": bool(email)},
    )
    session.flush()
    return user
