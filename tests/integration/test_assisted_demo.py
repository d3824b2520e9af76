"""The demo paper application: keyed in by the demo officer, sent, and waiting in the queue with its first date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.data.accounts import get_user_by_email
from portal.data.application_models import Application
from portal.data.audit import events_for_subject
from portal.data.support_models import AccountHandover
from portal.demo import seed_demo
from portal.demo_assisted import DEMO_CODE, PATRICK_EMAIL, RECEIVED_DAYS_AGO, seed_demo_assisted
from tests.conftest import sign_in_client
from tests.integration.homes_helpers import main_text

TODAY = dt.date.today()


def test_the_demo_paper_application_is_made_once_and_can_be_claimed(app, db_session, client):
    seed_demo(db_session)
    with app.test_request_context(base_url=app.config["BASE_URL"]):
        assert seed_demo_assisted(db_session, TODAY) == 1
        assert seed_demo_assisted(db_session, TODAY) == 0
    patrick = get_user_by_email(db_session, PATRICK_EMAIL)
    officer = get_user_by_email(db_session, "officer@example.org")
    [application] = db_session.scalars(select(Application).where(Application.user_id == patrick.id))
    assert application.channel == "paper" and application.started_by_id == officer.id
    assert application.stage == "submitted" and application.reference
    assert application.received_on == TODAY - dt.timedelta(days=RECEIVED_DAYS_AGO)
    assert application.applicant.date_of_birth.year == 1958
    events = events_for_subject(db_session, "application", application.id)
    stage = [event for event in events if event.action == "application.stage_changed"]
    assert stage[0].actor_id == officer.id and stage[0].on_behalf_of_id == patrick.id
    [handover] = db_session.scalars(select(AccountHandover).where(AccountHandover.user_id == patrick.id))
    assert handover.sent_by == "letter" and handover.used_at is None

    officer_client = app.test_client()
    sign_in_client(officer_client, officer)
    text = main_text(officer_client, f"/officer/cases/{application.id}/help")
    assert "From a paper form" in text and "No email address" in text and "A letter with a code was made" in text
    assert "Patrick Doyle" in main_text(officer_client, "/officer/assisted")

    response = client.post_form("/claim-account", {"who": application.reference, "code": DEMO_CODE})
    assert response.headers["Location"] == "/claim-account/your-details"
