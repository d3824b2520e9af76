"""Applications an officer starts for someone: from a phone call, a drop-in visit or a paper form.

The officer makes the person's account (with an unusable password until they
take it over, and a reserved no-email address when they have no email) and a
draft application that keeps the date the council first received it: that
date, not the day it is sent, is the registration date.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from portal.auth.roles import Role
from portal.data.accounts import create_user
from portal.data.application_models import Application, HouseholdMember
from portal.data.applications import set_person_answers
from portal.data.audit import record_event
from portal.data.handovers import NO_EMAIL_DOMAIN
from portal.data.models import User

#: How the council received an application: online by the applicant, or through an officer.
CHANNELS = ("online", "phone", "drop_in", "paper")
OFFICER_CHANNELS = CHANNELS[1:]


@dataclass(frozen=True)
class Someone:
    """Who an officer is starting an application for, as they told us."""

    full_name: str
    date_of_birth: dt.date
    email: str | None
    phone: str
    locale: str


def no_email_address() -> str:
    """An address nobody can receive mail at, for an account set up for someone without email."""
    return f"assisted-{secrets.token_hex(8)}@{NO_EMAIL_DOMAIN}"


def start_for_someone(
    session: Session,
    someone: Someone,
    *,
    officer: User,
    channel: str,
    received_on: dt.date,
    email: str | None = None,
) -> Application:
    """Make the person's account and a draft application holding the date the council first received it.

    ``email`` overrides the made-up address for someone without one (the demo uses a fixed one).
    """
    if channel not in OFFICER_CHANNELS:
        raise ValueError(f"Unknown channel {channel!r}")
    user = create_user(
        session,
        email=someone.email or email or no_email_address(),
        full_name=someone.full_name,
        password=secrets.token_urlsafe(32),
        role=Role.APPLICANT,
        preferred_locale=someone.locale,
    )
    application = Application(
        user_id=user.id,
        locale=someone.locale,
        answers={},
        channel=channel,
        started_by_id=officer.id,
        received_on=received_on,
    )
    applicant = HouseholdMember(position=0, relationship_to_applicant="applicant", full_name=user.full_name)
    application.people.append(applicant)
    session.add(application)
    session.flush()
    known: dict[str, str] = {"date_of_birth": someone.date_of_birth.isoformat()}
    if someone.phone:
        known["phone"] = someone.phone
    set_person_answers(applicant, known)
    record_event(
        session,
        actor=officer,
        on_behalf_of=user,
        action="account.created_by_officer",
        subject_type="user",
        subject_id=user.id,
        details={"has_email": someone.email is not None},
    )
    record_event(
        session,
        actor=officer,
        on_behalf_of=user,
        action="application.started_by_officer",
        subject_type="application",
        subject_id=application.id,
        details={"channel": channel, "received_on": received_on.isoformat()},
    )
    session.flush()
    return application


@dataclass(frozen=True)
class StartedRow:
    application: Application
    applicant: User
    officer_name: str


def started_by_officers(session: Session, limit: int = 200) -> list[StartedRow]:
    """Applications officers started, newest first, with the applicant and the officer who started each."""
    officer = aliased(User)
    query = (
        select(Application, User, officer.full_name)
        .join(User, User.id == Application.user_id)
        .outerjoin(officer, officer.id == Application.started_by_id)
        .where(Application.channel.in_(OFFICER_CHANNELS))
        .order_by(Application.id.desc())
        .limit(limit)
    )
    return [
        StartedRow(application, applicant, name or "An officer")
        for application, applicant, name in session.execute(query)
    ]


def draft_started_by_officer(session: Session, application_id: int) -> Application | None:
    """A draft an officer started, which officers may open before it is sent; None for anything else."""
    application = session.get(Application, application_id)
    if application is None or application.stage != "draft" or application.channel not in OFFICER_CHANNELS:
        return None
    return application
