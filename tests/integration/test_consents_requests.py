"""A support worker asks an applicant for access; the applicant agrees (choosing what and until when) or says no.

The worker always gets the same answer, so asking never reveals whether an
account exists. Only the applicant the request is for can answer it, and only
the worker who made it can take it back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from portal.auth.roles import Role
from portal.data import consent_changes, consents
from portal.data.base import utcnow
from portal.data.models import AuditEvent
from portal.data.support_models import Consent
from portal.rules.support.scopes import USUAL_CONSENT_DAYS, Scope
from tests.integration.consents_helpers import (
    a_consent,
    a_worker,
    actions_of,
    an_organisation,
    audit_of,
    body_of,
    browser_for,
    consents_of,
)
from tests.integration.homes_helpers import error_summary, main_text, soup_of, text_of

TODAY = dt.date.today()
SAME_ANSWER = "If there is an account with that email address, we have emailed them to ask"


def ask(helper, email, can=("help",), message="I am your adviser at the Citizens Advice drop-in."):
    return helper.post_form("/support/ask", {"email": email, "can": list(can), "message": message})


def count_consents(db_session):
    return db_session.scalar(select(func.count()).select_from(Consent))


def test_asking_an_applicant_sends_them_a_request(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Tomasz Nowak", email="tomasz@example.org")
    worker = a_worker(
        db_session, make_user, full_name="Sam Okafor", organisation=an_organisation(db_session, "Citizens Advice")
    )
    helper = browser_for(app, worker)
    response = ask(helper, " Tomasz@Example.org", can=("help", "bid"))
    assert response.headers["Location"] == "/support/ask/sent"
    assert SAME_ANSWER in main_text(helper, "/support/ask/sent")
    [consent] = consents_of(db_session, applicant)
    assert (consent.status, consent.route, consent.worker_id) == ("requested", "worker_request", worker.id)
    assert consent.scopes == {Scope.VIEW, Scope.HELP, Scope.BID}
    assert consent.expires_on == TODAY + dt.timedelta(days=USUAL_CONSENT_DAYS)
    assert consent.request_message == "I am your adviser at the Citizens Advice drop-in."
    assert actions_of(db_session, consent) == ["consent.requested"]
    [message] = outbox()
    assert message["To"] == "tomasz@example.org" and message["Subject"] == "A support worker has asked to help you"
    body = body_of(message)
    assert "Sam Okafor from Citizens Advice has asked to help you" in body and "/account/helpers" in body
    assert "Bid for homes for you" in body and "I am your adviser" in body
    assert consents.consent_in_force(db_session, worker.id, applicant.id, TODAY) is None


def test_asking_never_reveals_whether_an_account_exists(app, db_session, make_user, outbox):
    make_user(Role.APPLICANT, email="real@example.org")
    officer = make_user(Role.OFFICER, email="officer@council.example.org")
    helper = browser_for(app, a_worker(db_session, make_user))
    pages = []
    for email in ("real@example.org", "nobody@example.org", officer.email):
        response = ask(helper, email)
        assert response.headers["Location"] == "/support/ask/sent"
        pages.append(main_text(helper, response.headers["Location"]))
    assert pages[0] == pages[1] == pages[2]
    assert count_consents(db_session) == 1
    assert [message["To"] for message in outbox()] == ["real@example.org"]


def test_asking_twice_does_not_ask_again(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user)
    helper = browser_for(app, worker)
    ask(helper, applicant.email)
    second = ask(helper, applicant.email)
    assert second.headers["Location"] == "/support/ask/sent"
    assert len(consents_of(db_session, applicant)) == 1 and len(outbox()) == 1


def test_the_ask_page_explains_mistakes_and_keeps_what_was_typed(app, db_session, make_user):
    helper = browser_for(app, a_worker(db_session, make_user))
    response = ask(helper, "not-an-email", message="x" * 1001)
    assert response.status_code == 200
    assert error_summary(response) == [
        "Enter an email address in the correct format, like name@example.com",
        "Your answer must be 1000 characters or fewer",
    ]
    assert soup_of(response).select_one("#email")["value"] == "not-an-email"
    assert count_consents(db_session) == 0


def test_agreeing_to_a_request_with_a_different_scope_and_date(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Tomasz Nowak")
    worker = a_worker(db_session, make_user, full_name="Sam Okafor")
    ask(browser_for(app, worker), applicant.email, can=("help", "bid"))
    [consent] = consents_of(db_session, applicant)
    you = browser_for(app, applicant)
    listed = main_text(you, "/account/helpers")
    assert "Asking to help you" in listed and "Sam Okafor" in listed
    page = main_text(you, f"/account/helpers/requests/{consent.id}")
    assert "Sam Okafor has asked to help you" in page and "I am your adviser" in page
    assert you.post_form(f"/account/helpers/requests/{consent.id}", {}).status_code == 200
    response = you.post_form(f"/account/helpers/requests/{consent.id}", {"answer": "yes"})
    assert response.headers["Location"] == "/account/helpers/scope"
    # The request's choices come first; the applicant takes away bidding and picks a date.
    checked = [box["value"] for box in soup_of(you.get("/account/helpers/scope")).select("input[name=can][checked]")]
    assert checked == ["help", "bid"]
    you.post_form("/account/helpers/scope", {"can": ["help"]})
    chosen = TODAY + dt.timedelta(days=30)
    you.post_form("/account/helpers/until", {"until": "date", "on_date": [chosen.day, chosen.month, chosen.year]})
    assert "Sam Okafor" in main_text(you, "/account/helpers/check")
    assert you.post_form("/account/helpers/check", {}).headers["Location"] == "/account/helpers"
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "active" and consent.scopes == {Scope.VIEW, Scope.HELP} and consent.expires_on == chosen
    assert consents.consent_in_force(db_session, worker.id, applicant.id, TODAY) == consent
    assert actions_of(db_session, consent) == ["consent.requested", "consent.granted"]
    granted = audit_of(db_session, consent)[-1]
    assert granted.actor_id == applicant.id
    assert granted.details == {"scopes": ["view", "help"], "expires_on": chosen.isoformat()}
    message = outbox()[-1]
    assert message["To"] == worker.email and message["Subject"] == "Tomasz Nowak agreed that you can help them"
    assert "help with their application and documents" in body_of(message)
    assert "bid for homes" not in body_of(message)
    assert "They can now help you." in main_text(you, "/account/helpers")


def test_saying_no_to_a_request(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Tomasz Nowak")
    worker = a_worker(db_session, make_user)
    ask(browser_for(app, worker), applicant.email)
    [consent] = consents_of(db_session, applicant)
    you = browser_for(app, applicant)
    response = you.post_form(f"/account/helpers/requests/{consent.id}", {"answer": "no"})
    assert response.headers["Location"] == "/account/helpers"
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "declined" and consent.ended_by_id == applicant.id
    assert actions_of(db_session, consent) == ["consent.requested", "consent.declined"]
    assert outbox()[-1]["Subject"] == "Tomasz Nowak did not agree to your request"
    assert "You said no to their request." in main_text(you, "/account/helpers")
    # Answered: the request page sends the applicant back to the list.
    assert you.get(f"/account/helpers/requests/{consent.id}").headers["Location"] == "/account/helpers"


def test_nobody_else_can_answer_or_cancel_a_request(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user)
    consent = a_consent(db_session, applicant, worker, status="requested", route="worker_request")
    stranger = browser_for(app, make_user(Role.APPLICANT))
    assert stranger.get(f"/account/helpers/requests/{consent.id}").status_code == 404
    answered = stranger.post_form(f"/account/helpers/requests/{consent.id}", {"answer": "yes"}, token_from="/account")
    assert answered.status_code == 404
    other_worker = browser_for(app, a_worker(db_session, make_user))
    assert other_worker.get(f"/support/requests/{consent.id}/cancel").status_code == 404
    cancelled = other_worker.post_form(f"/support/requests/{consent.id}/cancel", {}, token_from="/account")
    assert cancelled.status_code == 404
    assert consents_of(db_session, applicant)[0].status == "requested"


def test_a_worker_takes_back_their_request(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT, full_name="Tomasz Nowak")
    worker = a_worker(db_session, make_user)
    helper = browser_for(app, worker)
    ask(helper, applicant.email)
    [consent] = consents_of(db_session, applicant)
    assert "Cancel your request to help Tomasz Nowak" in main_text(helper, f"/support/requests/{consent.id}/cancel")
    response = helper.post_form(f"/support/requests/{consent.id}/cancel", {})
    assert response.headers["Location"] == "/support/"
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "cancelled" and consent.ended_by_id == worker.id
    assert actions_of(db_session, consent) == ["consent.requested", "consent.cancelled"]
    you = browser_for(app, applicant)
    assert "They took back their request." in main_text(you, "/account/helpers")
    assert you.get(f"/account/helpers/requests/{consent.id}").headers["Location"] == "/account/helpers"


def test_a_request_agreed_after_being_taken_back_is_refused_kindly(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user)
    consent = a_consent(db_session, applicant, worker, status="requested", route="worker_request")
    you = browser_for(app, applicant)
    you.post_form(f"/account/helpers/requests/{consent.id}", {"answer": "yes"})
    you.post_form("/account/helpers/scope", {"can": ["help"]})
    you.post_form("/account/helpers/until", {"until": "3"})
    consent_changes.cancel(db_session, consent, worker, utcnow())
    db_session.flush()
    response = you.post_form("/account/helpers/check", {})
    assert response.headers["Location"] == "/account/helpers"
    assert "something changed in the meantime" in main_text(you, "/account/helpers")
    assert consents_of(db_session, applicant)[0].status == "cancelled"
    granted = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "consent.granted")
    assert db_session.scalar(granted) == 0


def test_asking_while_helping_someone_else_is_not_recorded_as_done_for_them(app, db_session, make_user):
    joy = make_user(Role.APPLICANT, full_name="Joy Client")
    tomasz = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user)
    consent = a_consent(db_session, joy, worker)
    helper = browser_for(app, worker)
    helper.post_form(f"/support/clients/{consent.id}/help", {"to": "apply"}, token_from="/account")
    assert "You are helping Joy Client" in text_of(helper.get("/support/ask"))
    ask(helper, tomasz.email)
    ask(helper, "nobody@example.org")
    [request] = consents_of(db_session, tomasz)
    assert audit_of(db_session, request)[0].on_behalf_of_id is None
    done_for_joy = select(AuditEvent.action).where(AuditEvent.on_behalf_of_id == joy.id).order_by(AuditEvent.id)
    assert list(db_session.scalars(done_for_joy)) == ["helper.started"]
    # Asking is not work for a client: the worker is no longer helping Joy.
    assert "You are helping Joy Client" not in text_of(helper.get("/support/ask"))


def test_the_forms_need_their_token(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user)
    consent = a_consent(db_session, applicant, worker)
    you = browser_for(app, applicant)
    assert you.post(f"/account/helpers/{consent.id}/end").status_code == 400
    assert you.post("/account/helpers/invite", data={"how": "code"}).status_code == 400
    helper = browser_for(app, worker)
    assert helper.post(f"/support/clients/{consent.id}/end").status_code == 400
    assert helper.post("/support/ask", data={"email": applicant.email}).status_code == 400
    assert consents_of(db_session, applicant)[0].status == "active"
