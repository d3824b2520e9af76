"""Emails that carry a single-use link: confirming an address, choosing a password."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, url_for
from sqlalchemy.orm import Session

from portal.data import accounts
from portal.data.models import TokenPurpose, User
from portal.mail import send_email

ENDPOINTS = {
    TokenPurpose.VERIFY_EMAIL: "account.verify_email",
    TokenPurpose.RESET_PASSWORD: "account.choose_new_password",
}


def send_link(session: Session, user: User, purpose: TokenPurpose, template: str, lifetime: timedelta) -> None:
    """Issue a new single-use token and email its link in the person's language."""
    token = accounts.issue_token(session, user, purpose, lifetime)
    send_email(
        user.email,
        template,
        user.preferred_locale,
        name=user.full_name,
        link=url_for(ENDPOINTS[purpose], token=token, _external=True),
        council=current_app.config["COUNCIL_NAME"],
    )
