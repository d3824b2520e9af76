"""Support workers, consents and the invitation pages, for the tests of consents (tests/integration/test_consents_*)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data.models import AuditEvent, User
from portal.data.support_models import Consent, Organisation, SupportWorker
from tests.conftest import sign_in_client
from tests.integration.homes_helpers import soup_of

_numbers = itertools.count(1)


def an_organisation(db_session: Session, name: str | None = None) -> Organisation:
    organisation = Organisation(name=name or f"Advice Service {next(_numbers)}", kind="charity")
    db_session.add(organisation)
    db_session.flush()
    return organisation


def a_worker(
    db_session: Session,
    make_user: Any,
    *,
    status: str = "approved",
    organisation: Organisation | None = None,
    **fields: Any,
) -> User:
    """A support worker account with a profile at an organisation, approved unless told otherwise."""
    worker = make_user(Role.SUPPORT_WORKER, **fields)
    organisation = organisation or an_organisation(db_session)
    db_session.add(
        SupportWorker(user_id=worker.id, organisation_id=organisation.id, job_title="Advice worker", status=status)
    )
    db_session.flush()
    return worker


def a_consent(
    db_session: Session,
    applicant: User,
    worker: User | None,
    *,
    status: str = "active",
    can_help: bool = True,
    can_bid: bool = True,
    days: int = 90,
    route: str = "code_invite",
    **fields: Any,
) -> Consent:
    consent = Consent(
        applicant_id=applicant.id,
        worker_id=worker.id if worker else None,
        route=route,
        status=status,
        can_help=can_help,
        can_bid=can_bid,
        expires_on=fields.pop("expires_on", dt.date.today() + dt.timedelta(days=days)),
        **fields,
    )
    db_session.add(consent)
    db_session.flush()
    return consent


def browser_for(app: Flask, user: User) -> Any:
    browser = app.test_client()
    sign_in_client(browser, user)
    browser.user = user  # type: ignore[attr-defined]
    return browser


def invite(
    browser: Any,
    *,
    how: str = "code",
    email: str | None = None,
    can: tuple[str, ...] = ("help", "bid"),
    until: str = "6",
    on: dt.date | None = None,
) -> Any:
    """Go through the invitation questions and send it; returns the check page's answer."""
    assert browser.post_form("/account/helpers/invite", {"how": how}).status_code == 302
    if how == "email":
        assert browser.post_form("/account/helpers/invite/email", {"email": email}).status_code == 302
    assert browser.post_form("/account/helpers/scope", {"can": list(can)}).status_code == 302
    data: dict[str, Any] = {"until": until}
    if on is not None:
        data["on_date"] = [str(on.day), str(on.month), str(on.year)]
    assert browser.post_form("/account/helpers/until", data).status_code == 302
    return browser.post_form("/account/helpers/check", {})


def code_shown(browser: Any) -> str:
    response = browser.get("/account/helpers/invite/done")
    assert response.status_code == 200
    return soup_of(response).select_one("#invite-code").get_text(strip=True)


def consents_of(db_session: Session, applicant: User) -> list[Consent]:
    db_session.expire_all()
    return list(db_session.scalars(select(Consent).where(Consent.applicant_id == applicant.id).order_by(Consent.id)))


def audit_of(db_session: Session, consent: Consent) -> list[AuditEvent]:
    query = (
        select(AuditEvent)
        .where(AuditEvent.subject_type == "consent", AuditEvent.subject_id == str(consent.id))
        .order_by(AuditEvent.id)
    )
    return list(db_session.scalars(query))


def actions_of(db_session: Session, consent: Consent) -> list[str]:
    return [event.action for event in audit_of(db_session, consent)]


def body_of(message: Any) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def answer_invitation(browser: Any, path: str, answer: str = "yes") -> Any:
    return browser.post_form(path, {"answer": answer})
