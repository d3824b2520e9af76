"""A support worker acting for a client: what is recorded, who is told, and what the pages show."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.accounts import get_user
from portal.data.letting_models import Bid
from portal.data.models import AuditEvent
from portal.data.support_models import Consent, ContactPreferences, Organisation, SupportWorker
from tests.conftest import sign_in_client
from tests.integration.homes_helpers import soup_of
from tests.integration.lettings_helpers import a_household, an_advert

TODAY = dt.date.today()


def a_worker_helping(app, db_session, make_user, applicant_id, *, can_help=True, can_bid=True):
    organisation = Organisation(name=f"Advice {applicant_id}", kind="charity")
    db_session.add(organisation)
    db_session.flush()
    worker = make_user(Role.SUPPORT_WORKER, full_name="Sam Helper")
    db_session.add(SupportWorker(user_id=worker.id, organisation_id=organisation.id, status="approved"))
    consent = Consent(
        applicant_id=applicant_id,
        worker_id=worker.id,
        route="code_invite",
        status="active",
        can_help=can_help,
        can_bid=can_bid,
        expires_on=TODAY + dt.timedelta(days=90),
    )
    db_session.add(consent)
    db_session.flush()
    browser = app.test_client()
    sign_in_client(browser, worker)
    browser.user = worker
    return browser, consent


def start_helping(browser, consent, to="apply"):
    return browser.post_form(f"/support/clients/{consent.id}/help", {"to": to}, token_from="/account")


def emails_to(outbox, address):
    return [message for message in outbox() if message["To"] == address]


def helper_events(db_session, worker_id):
    db_session.expire_all()
    query = select(AuditEvent).where(AuditEvent.actor_id == worker_id).order_by(AuditEvent.id)
    return list(db_session.scalars(query))


def test_starting_to_help_is_recorded_and_the_client_is_told(app, db_session, make_user, outbox):
    household = a_household(db_session, make_user)
    applicant = get_user(db_session, household.user_id)
    browser, consent = a_worker_helping(app, db_session, make_user, household.user_id)
    response = start_helping(browser, consent)
    assert response.status_code == 302 and response.headers["Location"] == "/apply/"
    [event] = helper_events(db_session, browser.user.id)
    assert (event.action, event.on_behalf_of_id) == ("helper.started", applicant.id)
    [email] = emails_to(outbox, applicant.email)
    body = email.get_body(preferencelist=("plain",)).get_content()
    assert "Sam Helper" in body and "started helping you" in body


def test_the_banner_names_the_client_and_what_the_worker_may_do(app, db_session, make_user):
    household = a_household(db_session, make_user, full_name="Joy Banner")
    browser, consent = a_worker_helping(app, db_session, make_user, household.user_id, can_bid=False)
    start_helping(browser, consent)
    banner = soup_of(browser.get("/apply/status")).select_one(".app-acting-banner")
    text = " ".join(banner.get_text(" ").split())
    assert "You are helping Joy Banner" in text
    assert "help with their application and documents" in text
    assert "bid for homes for them" not in text


def test_a_bid_by_a_worker_is_case_work_done_on_behalf_of_the_client(app, db_session, make_user, outbox):
    household = a_household(db_session, make_user, full_name="Joy Bidder")
    applicant = get_user(db_session, household.user_id)
    advert = an_advert(db_session)
    browser, consent = a_worker_helping(app, db_session, make_user, household.user_id)
    start_helping(browser, consent, to="homes")
    page = soup_of(browser.get(f"/homes/{advert.reference}"))
    button = page.select_one(f"form[action='/homes/{advert.reference}/bid'] button")
    assert button.get_text(strip=True) == "Bid for this home for Joy Bidder"
    response = browser.post_form(f"/homes/{advert.reference}/bid", {}, token_from=f"/homes/{advert.reference}")
    assert response.status_code == 302
    db_session.expire_all()
    [bid] = db_session.scalars(select(Bid).where(Bid.application_id == household.id))
    assert bid.case_work and bid.placed_by_id == browser.user.id
    placed = [event for event in helper_events(db_session, browser.user.id) if event.action == "lettings.bid_placed"]
    assert [event.on_behalf_of_id for event in placed] == [applicant.id]
    assert any(
        "placed a bid for a home" in m.get_body(("plain",)).get_content() for m in emails_to(outbox, applicant.email)
    )


def test_a_view_only_worker_sees_no_bid_button_and_cannot_bid(app, db_session, make_user):
    household = a_household(db_session, make_user)
    advert = an_advert(db_session)
    browser, consent = a_worker_helping(app, db_session, make_user, household.user_id, can_help=False, can_bid=False)
    start_helping(browser, consent, to="homes")
    page = soup_of(browser.get(f"/homes/{advert.reference}"))
    assert page.select_one(f"form[action='/homes/{advert.reference}/bid']") is None
    assert page.select_one("#no-bid-scope") is not None
    response = browser.post_form(f"/homes/{advert.reference}/bid", {}, token_from=f"/homes/{advert.reference}")
    assert response.status_code == 403
    db_session.expire_all()
    assert db_session.scalars(select(Bid).where(Bid.application_id == household.id)).first() is None


def test_a_form_with_no_event_of_its_own_is_recorded_by_its_page(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    browser, consent = a_worker_helping(app, db_session, make_user, applicant.id)
    start_helping(browser, consent)
    response = browser.post_form("/apply/start", {}, token_from="/apply/")
    assert response.status_code == 302
    changed = [event for event in helper_events(db_session, browser.user.id) if event.action == "helper.changed"]
    assert len(changed) == 1
    assert changed[0].details["endpoint"] == "apply.start"
    assert changed[0].on_behalf_of_id == applicant.id


def test_the_client_who_asked_for_no_emails_about_helpers_gets_none(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT)
    db_session.add(ContactPreferences(user_id=applicant.id, email_helper_activity=False))
    browser, consent = a_worker_helping(app, db_session, make_user, applicant.id)
    start_helping(browser, consent)
    assert emails_to(outbox, applicant.email) == []
    assert [event.action for event in helper_events(db_session, browser.user.id)] == ["helper.started"]


def test_stopping_returns_the_worker_to_their_dashboard_and_ends_the_banner(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    browser, consent = a_worker_helping(app, db_session, make_user, applicant.id)
    start_helping(browser, consent)
    response = browser.post_form("/support/stop-helping", {}, token_from="/apply/")
    assert response.headers["Location"] == "/support/"
    assert browser.get("/apply/").status_code == 403
    assert [event.action for event in helper_events(db_session, browser.user.id)] == [
        "helper.started",
        "helper.stopped",
    ]


def test_a_worker_cannot_start_helping_with_a_consent_that_is_not_theirs(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    _browser, consent = a_worker_helping(app, db_session, make_user, applicant.id)
    other, _ = a_worker_helping(app, db_session, make_user, make_user(Role.APPLICANT).id)
    response = start_helping(other, consent)
    assert response.headers["Location"] == "/support/"
    assert other.get("/apply/").status_code == 403


def test_a_revoked_consent_stops_a_worker_starting(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT, full_name="Ended Client")
    browser, consent = a_worker_helping(app, db_session, make_user, applicant.id)
    consent.status = "revoked"
    db_session.flush()
    response = start_helping(browser, consent)
    assert response.status_code == 403
    assert "You can no longer help Ended Client" in response.get_data(as_text=True)
