"""Telling an applicant what someone helping them did, as they chose."""

from __future__ import annotations

from collections.abc import Sequence

from flask import current_app, url_for
from flask_babel import force_locale
from sqlalchemy.orm import Session

from portal.data.models import User
from portal.notify import email_applicant, wants_helper_activity_emails
from portal.support.activity_words import words_for


def tell_applicant(session: Session, applicant: User, helper: User, actions: Sequence[str]) -> bool:
    """Email the applicant a line for each thing the helper did, unless they asked us not to."""
    if not actions or not wants_helper_activity_emails(session, applicant):
        return False
    with force_locale(applicant.preferred_locale or "en"):
        lines = [words_for(action) for action in dict.fromkeys(actions)]
    base = current_app.config["BASE_URL"].rstrip("/")
    return email_applicant(
        session,
        applicant,
        "helper_activity",
        name=applicant.full_name,
        helper=helper.full_name,
        lines=lines,
        link=base + url_for("account.helper_activity"),
        council=current_app.config["COUNCIL_NAME"],
    )
