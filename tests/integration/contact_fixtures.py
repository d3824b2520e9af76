"""Support workers and consents made through the models, for the contact, notify and paper tests."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from flask import Flask
from sqlalchemy.orm import Session

from portal.auth.acting import ACTING_KEY
from portal.auth.roles import Role
from portal.data.models import User
from portal.data.support_models import Consent, Organisation, SupportWorker
from tests.conftest import sign_in_client

_numbers = itertools.count(1)


def helper_of(
    session: Session,
    make_user: Any,
    applicant: User,
    *,
    status: str = "active",
    approved: bool = True,
    email_client_updates: bool = True,
    can_help: bool = False,
    expires_on: dt.date | None = None,
    locale: str = "en",
) -> User:
    """A support worker with a consent from ``applicant`` (in force unless told otherwise)."""
    number = next(_numbers)
    organisation = Organisation(name=f"Contact Test Organisation {number}", kind="charity")
    session.add(organisation)
    session.flush()
    worker = make_user(Role.SUPPORT_WORKER, full_name=f"Helper {number}", email=f"helper{number}@support.example.org")
    worker.preferred_locale = locale
    session.add(
        SupportWorker(
            user_id=worker.id,
            organisation_id=organisation.id,
            status="approved" if approved else "waiting",
            email_client_updates=email_client_updates,
        )
    )
    session.add(
        Consent(
            applicant_id=applicant.id,
            worker_id=worker.id,
            route="code_invite",
            status=status,
            can_help=can_help,
            can_bid=False,
            expires_on=expires_on or dt.date.today() + dt.timedelta(days=90),
        )
    )
    session.flush()
    return worker


def acting_client(app: Flask, worker: User, applicant: User) -> Any:
    """A client signed in as ``worker`` and acting for ``applicant``."""
    client = app.test_client()
    sign_in_client(client, worker)
    with client.session_transaction() as stored:
        stored[ACTING_KEY] = {"applicant": applicant.id, "reason": None}
    return client
