"""An applicant invites a support worker by a one-time code or an emailed link, and the worker takes it up.

The invitation ends in a consent in force with the scope and end date the
applicant chose. A wrong, expired, used or cancelled code or link is refused
kindly; a worker not yet approved is told why they cannot take it up.
"""

from __future__ import annotations

import datetime as dt
import re

from portal.auth.roles import Role
from portal.data import consent_changes, consents
from portal.data.base import utcnow
from portal.rules.support.scopes import INVITE_DAYS, Scope
from tests.conftest import link_in
from tests.integration.consents_helpers import (
    a_worker,
    actions_of,
    answer_invitation,
    audit_of,
    body_of,
    browser_for,
    code_shown,
    consents_of,
    invite,
)
from tests.integration.homes_helpers import error_summary, main_text, soup_of

TODAY = dt.date.today()


def test_an_invitation_by_code_becomes_a_consent_in_force(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Joy Client")
    worker = a_worker(db_session, make_user, full_name="Sam Okafor")
    you = browser_for(app, applicant)
    chosen = TODAY + dt.timedelta(days=100)
    response = invite(you, how="code", can=("bid",), until="date", on=chosen)
    assert response.headers["Location"] == "/account/helpers/invite/done"
    code = code_shown(you)
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}", code)
    # The code is shown once only.
    assert you.get("/account/helpers/invite/done").headers["Location"] == "/account/helpers"
    [consent] = consents_of(db_session, applicant)
    assert (consent.status, consent.route, consent.worker_id) == ("invited", "code_invite", None)
    assert consent.code_hash == consent_changes.secret_hash(code.replace("-", "")) and code not in consent.code_hash
    assert consent.code_expires_at > utcnow() + dt.timedelta(days=INVITE_DAYS - 1)
    assert "Invitation by code" in main_text(you, "/account/helpers")

    helper = browser_for(app, worker)
    typed = code.lower().replace("-", " ")
    response = helper.post_form("/support/code", {"code": typed})
    assert response.headers["Location"] == "/support/code/invitation"
    page = main_text(helper, "/support/code/invitation")
    assert "Joy Client has asked you to help them" in page and "bid for homes for them" in page
    assert "help with their application and documents" not in page
    response = answer_invitation(helper, "/support/code/invitation")
    assert response.headers["Location"] == "/support/"

    [consent] = consents_of(db_session, applicant)
    assert (consent.status, consent.worker_id, consent.expires_on) == ("active", worker.id, chosen)
    assert consent.scopes == {Scope.VIEW, Scope.BID} and consent.accepted_at is not None
    assert consents.consent_in_force(db_session, worker.id, applicant.id, TODAY) == consent
    assert actions_of(db_session, consent) == ["consent.invited", "consent.accepted"]
    accepted = audit_of(db_session, consent)[-1]
    assert accepted.actor_id == worker.id and accepted.on_behalf_of_id == applicant.id
    assert accepted.details == {"scopes": ["view", "bid"], "expires_on": chosen.isoformat()}
    [told] = outbox()
    assert told["To"] == applicant.email and "Sam Okafor can now help you" in told["Subject"]
    # Used: the same code does not work a second time.
    again = helper.post_form("/support/code", {"code": code})
    assert again.status_code == 200 and "This code does not work" in error_summary(again)[0]
    listed = main_text(you, "/account/helpers")
    assert "Sam Okafor" in listed and "Bid for homes for you" in listed


def test_an_invitation_by_email_becomes_a_consent_in_force(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Joy Client")
    worker = a_worker(db_session, make_user, email="sam@advice.example.org")
    you = browser_for(app, applicant)
    response = invite(you, how="email", email="Sam@Advice.example.org ", can=("help",), until="3")
    assert response.headers["Location"] == "/account/helpers/invite/done"
    assert "We have emailed a link to Sam@Advice.example.org" in main_text(you, "/account/helpers/invite/done")
    [message] = outbox()
    assert message["To"] == "Sam@Advice.example.org"
    assert message["Subject"] == "Joy Client has asked you to help them with their housing application"
    assert "help with their application and documents" in body_of(message)
    path = link_in(message)
    assert path.startswith("/support/invitations/")
    [consent] = consents_of(db_session, applicant)
    assert consent.invite_email == "sam@advice.example.org" and path.rsplit("/", 1)[1] not in consent.code_hash
    expected_end = consent_changes.months_ahead(TODAY, 3)
    assert consent.expires_on == expected_end

    helper = browser_for(app, worker)
    assert "Joy Client has asked you to help them" in main_text(helper, path)
    assert answer_invitation(helper, path).headers["Location"] == "/support/"
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "active" and consent.scopes == {Scope.VIEW, Scope.HELP}
    assert consent.expires_on == expected_end
    assert actions_of(db_session, consent) == ["consent.invited", "consent.accepted"]
    # A used link is refused kindly.
    used = helper.get(path)
    assert used.status_code == 200 and "This link does not work" in main_text(helper, path)


def test_a_link_works_only_for_the_address_it_was_sent_to(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT)
    invite(browser_for(app, applicant), how="email", email="right@advice.example.org")
    path = link_in(outbox()[0])
    someone_else = browser_for(app, a_worker(db_session, make_user, email="wrong@advice.example.org"))
    assert "This link does not work" in main_text(someone_else, path)
    response = someone_else.post_form(path, {"answer": "yes"}, token_from="/support/code")
    assert response.status_code == 200
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "invited" and consent.worker_id is None


def test_a_wrong_or_made_up_link_is_refused_kindly(app, db_session, make_user):
    helper = browser_for(app, a_worker(db_session, make_user))
    text = main_text(helper, "/support/invitations/not-a-real-token")
    assert "This link does not work" in text and "ask the person to invite you again" in text


def test_an_expired_code_or_link_is_refused(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user, email="sam@advice.example.org")
    you = browser_for(app, applicant)
    invite(you, how="code")
    code = code_shown(you)
    invite(you, how="email", email=worker.email)
    path = link_in(outbox()[0])
    for consent in consents_of(db_session, applicant):
        consent.code_expires_at = utcnow() - dt.timedelta(minutes=1)
    db_session.flush()
    helper = browser_for(app, worker)
    response = helper.post_form("/support/code", {"code": code})
    assert response.status_code == 200 and "This code does not work" in error_summary(response)[0]
    assert "This link does not work" in main_text(helper, path)
    assert {consent.status for consent in consents_of(db_session, applicant)} == {"invited"}
    ended = main_text(you, "/account/helpers")
    assert "The invitation was not used in time." in ended and "Invitations waiting" not in ended


def test_a_wrong_code_is_refused_and_typing_codes_is_rate_limited(app, db_session, make_user):
    helper = browser_for(app, a_worker(db_session, make_user))
    empty = helper.post_form("/support/code", {"code": ""})
    assert error_summary(empty) == ["Enter the code they gave you"]
    # Ten tries an hour, the empty one included.
    statuses = [helper.post_form("/support/code", {"code": "ABCD-EFGH"}).status_code for _ in range(9)]
    assert statuses == [200] * 9
    assert helper.post_form("/support/code", {"code": "ABCD-EFGH"}, token_from="/support/ask").status_code == 429


def test_a_cancelled_invitation_does_not_work(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    you = browser_for(app, applicant)
    invite(you, how="code")
    code = code_shown(you)
    [consent] = consents_of(db_session, applicant)
    outsider = browser_for(app, make_user(Role.APPLICANT))
    assert outsider.post_form(f"/account/helpers/{consent.id}/cancel", {}, token_from="/account").status_code == 404
    response = you.post_form(f"/account/helpers/{consent.id}/cancel", {}, token_from="/account/helpers")
    assert response.headers["Location"] == "/account/helpers"
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "cancelled" and consent.ended_by_id == applicant.id and consent.code_hash is None
    assert actions_of(db_session, consent) == ["consent.invited", "consent.cancelled"]
    assert "You cancelled the invitation." in main_text(you, "/account/helpers")
    helper = browser_for(app, a_worker(db_session, make_user))
    assert "This code does not work" in error_summary(helper.post_form("/support/code", {"code": code}))[0]


def test_a_worker_can_say_no_to_an_invitation(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user, full_name="Sam Okafor")
    you = browser_for(app, applicant)
    invite(you, how="code")
    helper = browser_for(app, worker)
    helper.post_form("/support/code", {"code": code_shown(you)})
    assert answer_invitation(helper, "/support/code/invitation", "no").headers["Location"] == "/support/"
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "declined" and consent.ended_by_id == worker.id
    assert actions_of(db_session, consent) == ["consent.invited", "consent.declined"]
    assert consents.consent_in_force(db_session, worker.id, applicant.id, TODAY) is None
    assert outbox()[-1]["Subject"] == "Sam Okafor said no to your invitation"
    assert "They said no to your invitation." in main_text(you, "/account/helpers")
    # Having said no, the page no longer opens the invitation.
    assert "This code does not work" in main_text(helper, "/support/code/invitation")


def test_a_worker_waiting_for_approval_is_told_why_they_cannot_take_it_up(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    you = browser_for(app, applicant)
    invite(you, how="code")
    code = code_shown(you)
    waiting = browser_for(app, a_worker(db_session, make_user, status="waiting"))
    text = main_text(waiting, "/support/code")
    assert "You cannot help people yet" in text and "An officer needs to check and approve" in text
    response = waiting.post_form("/support/code", {"code": code}, token_from="/account")
    assert response.status_code == 200 and "You cannot help people yet" in response.get_data(as_text=True)
    assert "You cannot help people yet" in main_text(waiting, "/support/ask")
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "invited"


def test_the_invitation_questions_explain_each_mistake(app, db_session, make_user):
    you = browser_for(app, make_user(Role.APPLICANT))
    assert error_summary(you.post_form("/account/helpers/invite", {})) == ["Select how you want to invite them"]
    you.post_form("/account/helpers/invite", {"how": "email"})
    bad = you.post_form("/account/helpers/invite/email", {"email": "not an email"})
    assert error_summary(bad) == ["Enter an email address in the correct format, like name@example.com"]
    you.post_form("/account/helpers/invite/email", {"email": "sam@advice.example.org"})
    you.post_form("/account/helpers/scope", {})
    cases = [
        ({}, "Select how long they can help you"),
        ({"until": "date"}, "Enter the date their help ends"),
        ({"until": "date", "on_date": ["31", "2", "2027"]}, "The date their help ends must be a real date"),
        ({"until": "date", "on_date": _parts(TODAY)}, "The date their help ends must be in the future"),
        (
            {"until": "date", "on_date": _parts(TODAY + dt.timedelta(days=400))},
            "The date their help ends must be within the next 12 months",
        ),
    ]
    for data, message in cases:
        response = you.post_form("/account/helpers/until", data)
        assert response.status_code == 200 and error_summary(response) == [message], data
    # What was typed stays, and nothing was saved.
    response = you.post_form("/account/helpers/until", {"until": "date", "on_date": ["5", "13", "2027"]})
    assert soup_of(response).select_one("#on_date")["value"] == "5"
    assert you.post_form("/account/helpers/until", {"until": "12"}).headers["Location"] == "/account/helpers/check"
    check = main_text(you, "/account/helpers/check")
    assert "sam@advice.example.org" in check and "See your application" in check
    assert "Help with your application" not in check
    assert consent_changes.months_ahead(TODAY, 12).strftime("%Y") in check


def test_the_check_page_changes_an_answer_and_comes_back(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    you = browser_for(app, applicant)
    you.post_form("/account/helpers/invite", {"how": "code"})
    you.post_form("/account/helpers/scope", {"can": ["help"]})
    you.post_form("/account/helpers/until", {"until": "6"})
    response = you.post_form("/account/helpers/scope?check=1", {"can": ["help", "bid"]})
    assert response.headers["Location"] == "/account/helpers/check"
    assert "Bid for homes for you" in main_text(you, "/account/helpers/check")
    you.post_form("/account/helpers/check", {})
    [consent] = consents_of(db_session, applicant)
    assert consent.can_help and consent.can_bid and consent.expires_on == consent_changes.months_ahead(TODAY, 6)


def test_the_questions_need_an_invitation_under_way(app, db_session, make_user):
    you = browser_for(app, make_user(Role.APPLICANT))
    for path in ("/account/helpers/scope", "/account/helpers/until", "/account/helpers/check"):
        assert you.get(path).headers["Location"] == "/account/helpers", path
    assert you.get("/account/helpers/invite/email").headers["Location"] == "/account/helpers/invite"


def test_codes_and_end_dates():
    code = consent_changes.new_code()
    assert len(code) == 8 and set(code) <= set(consent_changes.CODE_LETTERS)
    assert not set("ILO01") & set(consent_changes.CODE_LETTERS)
    assert consent_changes.show_code("ABCDEFGH") == "ABCD-EFGH"
    assert consent_changes.clean_code(" abcd-efgh ") == "ABCDEFGH"
    assert consent_changes.months_ahead(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert consent_changes.months_ahead(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
    assert consent_changes.months_ahead(dt.date(2026, 1, 31), 12) == dt.date(2027, 1, 31)


def _parts(day: dt.date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]
