"""Creating staff accounts, from the admin page or the command line."""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import current_app, url_for
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data import accounts
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.models import TokenPurpose, User
from portal.mail import send_email


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
        token = accounts.issue_token(session, user, TokenPurpose.RESET_PASSWORD, reset_lifetime)
        send_email(
            user.email,
            "staff_invite",
            user.preferred_locale,
            name=user.full_name,
            link=url_for("account.choose_new_password", token=token, _external=True),
            council=current_app.config["COUNCIL_NAME"],
        )
    return user
