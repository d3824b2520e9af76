"""After sending: the status page, the provisional result, the printable summary, and the demo applications."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from portal.data import applications as data
from portal.data.accounts import get_user_by_email
from portal.demo import DEMO_PASSWORD, seed_demo
from portal.demo_applications import seed_demo_applications
from portal.rules.scheme import load_scheme
from tests.conftest import sign_in_client


@pytest.fixture
def demo(db_session):
    seed_demo(db_session)
    seed_demo_applications(db_session, load_scheme("default"), dt.date.today(), DEMO_PASSWORD)
    db_session.flush()
    return db_session


def signed_in(app, session, email):
    user = get_user_by_email(session, email)
    client = app.test_client()
    sign_in_client(client, user)
    client.user = user
    return client


def test_demo_applications_are_made_once(demo):
    assert seed_demo_applications(demo, load_scheme("default"), dt.date.today(), DEMO_PASSWORD) == 0


def test_sent_application_goes_to_its_status_page(app, demo):
    client = signed_in(app, demo, "applicant@example.org")
    response = client.get("/apply/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/apply/status")
    page = client.get("/apply/status").get_data(as_text=True)
    application = data.application_for(demo, client.user.id)
    assert application.reference and application.reference in page
    assert re.match(r"^HR-[A-HJ-NP-Z2-9]{6}$", application.reference)
    assert "Sent" in page
    # Two adults and two children under 10 of different sexes: 1 room for the couple, 1 for the children.
    assert re.search(r'id="provisional-bedrooms">\s*2\s*<', page)
    assert "This is provisional" in page
    assert "pieces of evidence from you" in page


def test_status_history_has_one_row_for_sending(app, demo):
    client = signed_in(app, demo, "applicant@example.org")
    application = data.application_for(demo, client.user.id)
    assert [(c.from_stage, c.to_stage) for c in application.status_changes] == [("draft", "submitted")]


def test_printable_summary_shows_every_person_without_change_links(app, demo):
    client = signed_in(app, demo, "applicant@example.org")
    page = client.get("/apply/summary").get_data(as_text=True)
    for name in ("Yusuf Rahman", "Sara Rahman", "Adam Rahman", "Flat 4, 18 Mill Lane"):
        assert name in page
    assert ">Change<" not in page


def test_draft_applicant_sees_task_list_not_status(app, demo):
    client = signed_in(app, demo, "tomasz@example.org")
    page = client.get("/apply/").get_data(as_text=True)
    assert "You have finished 1 of" in page
    assert client.get("/apply/status").headers["Location"].endswith("/apply/")
