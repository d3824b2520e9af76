"""A sent application with its evidence items, made through the data layer, and uploads through the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data.application_models import Application
from portal.data.applications import (
    add_person,
    facts_of,
    set_person_answers,
    set_section_answers,
    start_application,
    submit_application,
)
from portal.data.evidence import evidence_items, sync_evidence
from portal.data.evidence_models import EvidenceFile, EvidenceItem
from portal.data.models import User
from portal.rules.application.evidence import evidence_needed

SENT_ON = dt.date(2026, 11, 20)


def sent_application(
    session: Session,
    user: User,
    *,
    partner_status: str | None = "settled",
    pregnant: bool = True,
    child: bool = True,
    savings: str = "1200",
) -> Application:
    """A submitted application for ``user`` (the applicant, British), with its evidence items made."""
    application = start_application(session, user)
    applicant = application.applicant
    set_person_answers(
        applicant,
        {"date_of_birth": "1990-04-03", "sex": "female", "immigration_status": "british_irish"},
    )
    if partner_status is not None:
        partner = add_person(session, application)
        set_person_answers(
            partner,
            {
                "full_name": "Omar Haddad",
                "relationship": "partner",
                "date_of_birth": "1988-02-01",
                "sex": "male",
                "lives_with_you": "yes",
                "immigration_status": partner_status,
            },
        )
    if child:
        kid = add_person(session, application)
        set_person_answers(
            kid,
            {
                "full_name": "Lina Haddad",
                "relationship": "child",
                "date_of_birth": "2019-06-01",
                "sex": "female",
                "lives_with_you": "yes",
            },
        )
    household = {"anyone_else": "yes" if partner_status or child else "no", "pregnant": "yes" if pregnant else "no"}
    if pregnant:
        household.update(pregnant_person=applicant.key, due_date="2027-02-01")
    set_section_answers(application, "household", household)
    set_section_answers(application, "money", {"income": "18500", "savings": savings, "owns_property": "no"})
    submit_application(session, application, actor=user, declaration={"true": "yes"}, today=SENT_ON)
    resync(session, application)
    return application


def resync(session: Session, application: Application) -> list[EvidenceItem]:
    items = sync_evidence(session, application, evidence_needed(facts_of(application)))
    session.flush()
    return items


def sent_for(sign_in_as: Any, session: Session, name: str = "Amina Haddad", **options: Any) -> tuple[Any, Application]:
    """A signed-in applicant and their sent application."""
    client = sign_in_as(Role.APPLICANT, full_name=name)
    return client, sent_application(session, client.user, **options)


def item_of(session: Session, application: Application, kind: str, person_key: str = "") -> EvidenceItem:
    session.expire_all()
    return next(
        item for item in evidence_items(session, application) if (item.kind, item.person_key) == (kind, person_key)
    )


BOUNDARY = "evidence-test-boundary"


def multipart(token: str, files: tuple[tuple[bytes, str], ...]) -> bytes:
    """The form as a browser sends it, built in memory (so no temporary file is left open)."""
    parts = [
        b'--%s\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n' % (BOUNDARY.encode(), token.encode())
    ]
    for content, name in files:
        parts.append(
            b'--%s\r\nContent-Disposition: form-data; name="files"; filename="%s"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n%s\r\n" % (BOUNDARY.encode(), name.encode(), content)
        )
    return b"".join(parts) + b"--%s--\r\n" % BOUNDARY.encode()


def upload(client: Any, item_id: int, *files: tuple[bytes, str], token: str | None = None) -> Any:
    """Post files to an item's page as a browser does, with the page's CSRF token."""
    path = f"/apply/evidence/{item_id}"
    body = multipart(token or client.csrf_token(path), files)
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={BOUNDARY}")


def files_of(session: Session, item_id: int) -> list[EvidenceFile]:
    session.expire_all()
    return list(session.scalars(select(EvidenceFile).where(EvidenceFile.item_id == item_id).order_by(EvidenceFile.id)))
