"""Queries and changes for accounts and their single-use tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.auth.passwords import hash_password
from portal.auth.roles import Role
from portal.data.base import utcnow
from portal.data.models import AccountToken, TokenPurpose, User


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def users_by_id(session: Session, user_ids: Iterable[int | None]) -> dict[int, User]:
    """The accounts with these ids (for showing who did what), by id, in one query."""
    wanted = {user_id for user_id in user_ids if user_id is not None}
    if not wanted:
        return {}
    return {user.id: user for user in session.scalars(select(User).where(User.id.in_(wanted)))}


def get_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    session: Session,
    *,
    email: str,
    full_name: str,
    password: str,
    role: Role = Role.APPLICANT,
    preferred_locale: str = "en",
    verified_at: datetime | None = None,
) -> User:
    user = User(
        email=normalise_email(email),
        full_name=full_name.strip(),
        password_hash=hash_password(password),
        role=role,
        preferred_locale=preferred_locale,
        email_verified_at=verified_at,
    )
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.session_version += 1
    session.flush()


def mark_signed_in(session: Session, user: User) -> None:
    user.last_signed_in_at = utcnow()
    session.flush()


def list_staff(session: Session) -> list[User]:
    query = select(User).where(User.role != Role.APPLICANT).order_by(User.role, User.email)
    return list(session.scalars(query))


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, user: User, purpose: TokenPurpose, lifetime: timedelta) -> str:
    """Create a single-use token, retiring any earlier unused one for the same purpose."""
    now = utcnow()
    for earlier in session.scalars(
        select(AccountToken).where(
            AccountToken.user_id == user.id,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
        )
    ):
        earlier.used_at = now
    token = secrets.token_urlsafe(32)
    session.add(
        AccountToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=_hash_token(token),
            expires_at=now + lifetime,
        )
    )
    session.flush()
    return token


def find_valid_token(session: Session, token: str, purpose: TokenPurpose) -> AccountToken | None:
    """The unused, unexpired token with this value, or None."""
    if not token or len(token) > 200:
        return None
    record = session.scalar(
        select(AccountToken).where(AccountToken.token_hash == _hash_token(token), AccountToken.purpose == purpose)
    )
    if record is None or record.used_at is not None or record.expires_at <= utcnow():
        return None
    return record


def use_token(session: Session, record: AccountToken) -> None:
    record.used_at = utcnow()
    session.flush()


def verify_email(session: Session, user: User) -> None:
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    session.flush()
