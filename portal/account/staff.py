"""Creating staff accounts, from the admin page or the command line."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy.orm import Session

from portal.account.emails import send_link
from portal.auth.roles import Role
from portal.data import accounts
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.models import TokenPurpose, User


def create_staff_account(
    session: Session,
    *,
    admin: User | None,
    email: str,
    full_name: str,
    role_value: str,
    reset_lifetime: timedelta,
    password: str | None = None,
) -> User:
    """Create a verified staff account; without a password, email a link to choose one."""
    role = Role(role_value)
    user = accounts.create_user(
        session,
        email=email,
        full_name=full_name,
        password=password or secrets.token_urlsafe(32),
        role=role,
        verified_at=utcnow(),
    )
    record_event(
        session,
        actor=admin,
        action="staff.created",
        subject_type="user",
        subject_id=user.id,
        details={"role": role.value, "by": "admin page" if admin else "command line"},
    )
    if password is None:
        send_link(session, user, TokenPurpose.RESET_PASSWORD, "staff_invite", reset_lifetime)
    return user
