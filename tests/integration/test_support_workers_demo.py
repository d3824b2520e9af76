"""The demo support workers: Sam approved at Citizens Advice with his clients' consent, Priya waiting; made once."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from sqlalchemy import func, select

from portal.auth.roles import Role
from portal.data import accounts
from portal.data.models import AuditEvent
from portal.data.support_models import Consent, Organisation, SupportWorker
from portal.demo import DEMO_PASSWORD, seed_demo
from portal.demo_support import seed_demo_support
from portal.rules.support.scopes import USUAL_CONSENT_DAYS

TODAY = dt.date.today()


def counts(db_session):
    return tuple(
        db_session.scalar(select(func.count()).select_from(model))
        for model in (Organisation, SupportWorker, Consent, AuditEvent)
    )


def seeded(db_session, make_user):
    seed_demo(db_session)
    make_user(Role.APPLICANT, email="joy@example.org", full_name="Joy Okafor")
    make_user(Role.APPLICANT, email="tomasz@example.org", full_name="Tomasz Nowak")
    seed_demo_support(db_session, TODAY)


def test_the_demo_support_data_is_made_once(db_session, make_user):
    seeded(db_session, make_user)
    before = counts(db_session)
    seed_demo_support(db_session, TODAY)
    assert counts(db_session) == before
    names = {o.name: o.kind for o in db_session.scalars(select(Organisation))}
    assert names["Exampleton Citizens Advice"] == "charity"
    assert names["Exampleton Adult Social Care"] == "social_care"


def test_sam_is_approved_and_his_clients_agreed_to_what_the_design_says(db_session, make_user):
    seeded(db_session, make_user)
    sam = accounts.get_user_by_email(db_session, "support@example.org")
    profile = db_session.get(SupportWorker, sam.id)
    assert profile.status == "approved"
    assert db_session.get(Organisation, profile.organisation_id).name == "Exampleton Citizens Advice"
    found = {
        accounts.get_user(db_session, c.applicant_id).email: c
        for c in db_session.scalars(select(Consent).where(Consent.worker_id == sam.id))
    }
    joy, amina, tomasz = found["joy@example.org"], found["applicant@example.org"], found["tomasz@example.org"]
    assert (joy.status, joy.can_help, joy.can_bid) == ("active", True, True)
    assert joy.expires_on == TODAY + dt.timedelta(days=USUAL_CONSENT_DAYS)
    assert (amina.status, amina.can_help, amina.can_bid) == ("active", False, False)
    assert (tomasz.status, tomasz.route) == ("requested", "worker_request")


def test_priya_waits_for_approval_and_signs_in_with_the_demo_password(client, db_session, make_user):
    seeded(db_session, make_user)
    priya = accounts.get_user_by_email(db_session, "worker.waiting@example.org")
    assert (priya.full_name, priya.role) == ("Priya Shah", Role.SUPPORT_WORKER)
    profile = db_session.get(SupportWorker, priya.id)
    assert profile.status == "waiting"
    assert db_session.get(Organisation, profile.organisation_id).name == "Exampleton Adult Social Care"
    response = client.post_form("/sign-in", {"email": "worker.waiting@example.org", "password": DEMO_PASSWORD})
    assert response.headers["Location"] == "/support/"
    assert "Your account is waiting to be approved" in client.get("/support/").get_data(as_text=True)


def test_sam_sees_joy_and_amina_on_his_dashboard(client, db_session, make_user):
    seeded(db_session, make_user)
    client.post_form("/sign-in", {"email": "support@example.org", "password": DEMO_PASSWORD})
    page = BeautifulSoup(client.get("/support/").get_data(as_text=True), "html.parser")
    assert sorted(h.get_text(strip=True) for h in page.select(".govuk-summary-card h2")) == [
        "Amina Rahman",
        "Joy Okafor",
    ]
    assert "tomasz@example.org" not in page.get_text()
