"""Emails to applicants, honouring how each wants to be contacted, with copies to the people helping them.

Every email to an applicant goes through ``email_applicant``: it is written
in their chosen language and sent to the address they chose (another email
address from their contact preferences instead of the one they sign in with,
never both). An account an officer set up for someone without an email
address has none to send to, unless they have since given another one.

``email_helpers`` tells each support worker helping the applicant (consent in
force, and the worker asked for these emails) that there is an update on the
case, in the worker's language. It names the kind of update only: no
decision, reasons, addresses or attachments; the worker signs in to see more.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import current_app, url_for
from sqlalchemy.orm import Session
from werkzeug.routing import BuildError

from portal.data.contact_prefs import helpers_to_copy, preferences_for
from portal.data.handovers import NO_EMAIL_DOMAIN, has_real_email  # noqa: F401  (NO_EMAIL_DOMAIN is used by callers)
from portal.data.lettings_clock import today
from portal.data.models import User
from portal.mail import Attachment, send_email

#: The template support workers get for every update on a client's case.
HELPER_TEMPLATE = "client_update"
#: The kinds of update a support worker is told about (the words are in the template).
UPDATES = ("application_sent", "decision_made", "review_requested", "evidence_requested", "offer_made")


def has_email(user: User) -> bool:
    return has_real_email(user)


def address_for(session: Session, user: User) -> str | None:
    """Where the applicant's emails go: the other address they gave us, else their own; None when neither."""
    preferences = preferences_for(session, user.id)
    if preferences is not None and preferences.alternative_email:
        return preferences.alternative_email
    return user.email if has_email(user) else None


def email_applicant(
    session: Session,
    user: User,
    template: str,
    *,
    attachments: Sequence[Attachment] = (),
    locale: str | None = None,
    **context: Any,
) -> bool:
    """Email an applicant at the address they chose; False when there is none.

    The email is in ``locale`` when the caller knows the language the applicant is using (the page they are on,
    or the language of their application and its letters), and otherwise in the language they chose.
    """
    to = address_for(session, user)
    if to is None:
        return False
    send_email(to, template, locale or user.preferred_locale or "en", attachments=attachments, **context)
    return True


def wants_helper_activity_emails(session: Session, user: User) -> bool:
    """Whether the applicant wants an email when someone helping them does something for them."""
    preferences = preferences_for(session, user.id)
    return preferences is None or preferences.email_helper_activity


def wants_large_print(session: Session, user: User) -> bool:
    """Whether letters and documents made for the applicant should be in large print."""
    preferences = preferences_for(session, user.id)
    return preferences is not None and "large_print" in (preferences.formats or [])


def _dashboard_link() -> str:
    try:
        path = url_for("support.dashboard")
    except (BuildError, RuntimeError):
        path = "/support/"
    return str(current_app.config["BASE_URL"]).rstrip("/") + path


def email_helpers(session: Session, applicant: User, template: str = HELPER_TEMPLATE, **context: Any) -> int:
    """Tell each support worker helping ``applicant`` who asked for it that there is an update; how many were told.

    ``context["update"]`` names the kind of update (one of ``UPDATES``). Nothing else about the case is passed on.
    """
    update = context.get("update")
    if update is not None and update not in UPDATES:
        raise ValueError(f"Unknown kind of update {update!r}")
    told = 0
    for worker_user in helpers_to_copy(session, applicant.id, today()):
        if not has_email(worker_user):
            continue
        send_email(
            worker_user.email,
            template,
            worker_user.preferred_locale or "en",
            worker_name=worker_user.full_name,
            client_name=applicant.full_name,
            update=update,
            link=_dashboard_link(),
            council=current_app.config.get("COUNCIL_NAME", ""),
        )
        told += 1
    return told
