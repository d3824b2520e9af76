"""Cases for the officer area's tests: sent applications made through the data layer."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data.application_models import Application
from tests.integration.apply_evidence_helpers import sent_application


def a_case(db_session: Session, make_user: Any, **options: Any) -> Application:
    """A sent application from a new applicant (see ``sent_application`` for the options)."""
    applicant = make_user(Role.APPLICANT, full_name=options.pop("full_name", "Nadia Haddad"))
    application = sent_application(db_session, applicant, **options)
    application.applicant.full_name = applicant.full_name
    db_session.flush()
    return application


def page_text(client: Any, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return " ".join(response.get_data(as_text=True).split())
