"""Changing and ending a support worker's access, from either side, and what the applicant sees.

Ending access works at once: the worker's next request is refused with the
"access ended" page. Changing what a worker can do changes it at once too.
Consent ids belonging to someone else give 404 on both sides, and every
change writes its audit row.
"""

from __future__ import annotations

import datetime as dt

import pytest

from portal.auth.roles import Role
from portal.data import consents
from portal.data.audit import record_event
from portal.data.letting_models import Bid
from portal.rules.support.scopes import Scope
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
from tests.integration.homes_helpers import main_text, signed_in_household, soup_of
from tests.integration.lettings_helpers import a_cycle, an_advert

TODAY = dt.date.today()


def start_helping(helper, consent, to="apply"):
    return helper.post_form(f"/support/clients/{consent.id}/help", {"to": to}, token_from="/account")


def bids_count(db_session, application):
    db_session.expire_all()
    return db_session.query(Bid).filter(Bid.application_id == application.id).count()


def test_ending_access_stops_the_worker_at_once(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Joy Client")
    worker = a_worker(db_session, make_user, full_name="Sam Okafor")
    consent = a_consent(db_session, applicant, worker)
    helper = browser_for(app, worker)
    assert start_helping(helper, consent).headers["Location"] == "/apply/"
    assert helper.get("/apply/").status_code == 200
    you = browser_for(app, applicant)
    text = main_text(you, f"/account/helpers/{consent.id}/end")
    assert "Sam Okafor will not be able to see or change anything for you" in text
    response = you.post_form(f"/account/helpers/{consent.id}/end", {})
    assert response.headers["Location"] == "/account/helpers"
    ended = helper.get("/apply/")
    assert ended.status_code == 403 and "You can no longer help Joy Client" in ended.get_data(as_text=True)
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "revoked" and consent.ended_by_id == applicant.id and consent.ended_at is not None
    assert consents.consent_in_force(db_session, worker.id, applicant.id, TODAY) is None
    assert actions_of(db_session, consent) == ["consent.revoked"]
    revoked = audit_of(db_session, consent)[0]
    assert revoked.actor_id == applicant.id and revoked.details["scopes"] == ["view", "help", "bid"]
    message = outbox()[-1]
    assert message["To"] == worker.email and message["Subject"] == "Joy Client has ended your access"
    listed = main_text(you, "/account/helpers")
    assert "Their access has ended." in listed and "You ended their access." in listed
    assert "Nobody is helping you at the moment." in listed
    # Starting again does not work either.
    assert start_helping(helper, consent).status_code == 403


def test_removing_bidding_stops_the_worker_bidding(app, db_session, make_user, outbox):
    cycle = a_cycle(db_session)
    first, second = an_advert(db_session, cycle=cycle), an_advert(db_session, cycle=cycle)
    you, household = signed_in_household(app, db_session, make_user, full_name="Joy Client")
    worker = a_worker(db_session, make_user)
    consent = a_consent(db_session, you.user, worker, can_help=False, can_bid=True)
    helper = browser_for(app, worker)
    assert start_helping(helper, consent, to="homes").headers["Location"] == "/homes/"
    placed = helper.post_form(f"/homes/{first.reference}/bid", {}, token_from="/homes/")
    assert placed.headers["Location"] == f"/homes/{first.reference}/bid-placed"
    assert bids_count(db_session, household) == 1

    assert you.get(f"/account/helpers/{consent.id}/change").headers["Location"] == "/account/helpers/scope"
    checked = [box["value"] for box in soup_of(you.get("/account/helpers/scope")).select("input[name=can][checked]")]
    assert checked == ["bid"]
    you.post_form("/account/helpers/scope", {"can": ["help"]})
    until = soup_of(you.get("/account/helpers/until"))
    assert until.select_one("input[name=until][checked]")["value"] == "date"
    assert until.select_one("#on_date")["value"] == str(consent.expires_on.day)
    new_end = TODAY + dt.timedelta(days=20)
    you.post_form("/account/helpers/until", {"until": "date", "on_date": [new_end.day, new_end.month, new_end.year]})
    assert you.post_form("/account/helpers/check", {}).headers["Location"] == "/account/helpers"

    refused = helper.post_form(f"/homes/{second.reference}/bid", {}, token_from="/homes/")
    assert refused.status_code == 403 and "You cannot do this for Joy Client" in refused.get_data(as_text=True)
    assert bids_count(db_session, household) == 1
    [consent] = consents_of(db_session, you.user)
    assert consent.status == "active" and consent.scopes == {Scope.VIEW, Scope.HELP} and consent.expires_on == new_end
    changed = audit_of(db_session, consent)[-1]
    assert changed.action == "consent.changed" and changed.actor_id == you.user.id
    assert changed.details["scopes"] == ["view", "help"] and changed.details["expires_on"] == new_end.isoformat()
    assert changed.details["before"]["scopes"] == ["view", "bid"]
    message = outbox()[-1]
    assert message["To"] == worker.email and "changed what you can do" in message["Subject"]
    assert "help with their application and documents" in body_of(message)
    assert "We have saved what they can do for you." in main_text(you, "/account/helpers")


def test_a_consent_past_its_end_date_has_ended_on_both_sides(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT, full_name="Joy Client")
    worker = a_worker(db_session, make_user)
    consent = a_consent(db_session, applicant, worker, expires_on=TODAY - dt.timedelta(days=1))
    helper = browser_for(app, worker)
    assert start_helping(helper, consent).status_code == 403
    you = browser_for(app, applicant)
    listed = main_text(you, "/account/helpers")
    assert "It came to its end date." in listed and "Nobody is helping you at the moment." in listed
    assert you.get(f"/account/helpers/{consent.id}/change").headers["Location"] == "/account/helpers"


def test_a_worker_ends_their_own_access(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Joy Client")
    worker = a_worker(
        db_session, make_user, full_name="Sam Okafor", organisation=an_organisation(db_session, "Citizens Advice")
    )
    consent = a_consent(db_session, applicant, worker)
    helper = browser_for(app, worker)
    start_helping(helper, consent)
    assert "End your help for Joy Client" in main_text(helper, f"/support/clients/{consent.id}/end")
    response = helper.post_form(f"/support/clients/{consent.id}/end", {})
    assert response.headers["Location"] == "/support/"
    assert helper.get("/apply/").status_code == 403
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "revoked" and consent.ended_by_id == worker.id
    [event] = audit_of(db_session, consent)
    assert event.action == "consent.ended_by_worker"
    assert event.actor_id == worker.id and event.on_behalf_of_id == applicant.id
    assert outbox()[-1]["Subject"] == "Sam Okafor no longer helps you"
    you = browser_for(app, applicant)
    assert "They stopped helping you." in main_text(you, "/account/helpers")
    activity = main_text(you, "/account/helpers/activity")
    assert "Sam Okafor, Citizens Advice" in activity and "stopped helping you" in activity


def test_someone_elses_consent_ids_give_404(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(db_session, make_user)
    consent = a_consent(db_session, applicant, worker)
    stranger = browser_for(app, make_user(Role.APPLICANT))
    for path in (f"/account/helpers/{consent.id}/change", f"/account/helpers/{consent.id}/end"):
        assert stranger.get(path).status_code == 404, path
    assert stranger.post_form(f"/account/helpers/{consent.id}/end", {}, token_from="/account").status_code == 404
    other_worker = browser_for(app, a_worker(db_session, make_user))
    assert other_worker.get(f"/support/clients/{consent.id}/end").status_code == 404
    assert other_worker.post_form(f"/support/clients/{consent.id}/end", {}, token_from="/account").status_code == 404
    assert browser_for(app, applicant).get("/account/helpers/999999/end").status_code == 404
    [consent] = consents_of(db_session, applicant)
    assert consent.status == "active" and audit_of(db_session, consent) == []


def test_a_change_started_by_someone_else_cannot_be_saved(app, db_session, make_user):
    """A change kept in the session names the consent; the check page still checks it is the applicant's own."""
    applicant = make_user(Role.APPLICANT)
    consent = a_consent(db_session, applicant, a_worker(db_session, make_user))
    stranger = browser_for(app, make_user(Role.APPLICANT))
    with stranger.session_transaction() as session:
        session["helper_draft"] = {"mode": "change", "consent": consent.id, "help": False, "bid": False, "until": "3"}
    assert stranger.get("/account/helpers/check").status_code == 404
    assert consents_of(db_session, applicant)[0].scopes == {Scope.VIEW, Scope.HELP, Scope.BID}


def test_the_list_shows_who_helps_and_what_they_can_do(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    organisation = an_organisation(db_session, "Exampleton Adult Social Care")
    now = a_worker(db_session, make_user, full_name="Sam Okafor", organisation=organisation)
    paused = a_worker(db_session, make_user, full_name="Pat Paused", status="suspended")
    a_consent(db_session, applicant, now, can_help=True, can_bid=False, expires_on=dt.date(2027, 3, 4))
    a_consent(db_session, applicant, paused)
    you = browser_for(app, applicant)
    page = soup_of(you.get("/account/helpers"))
    cards = [" ".join(card.get_text(" ").split()) for card in page.select("[id^=helper-]")]
    assert len(cards) == 2
    sam = next(card for card in cards if "Sam Okafor" in card)
    assert "Exampleton Adult Social Care" in sam and "4 March 2027" in sam
    assert "Help with your application and documents" in sam and "Bid for homes" not in sam
    pat = next(card for card in cards if "Pat Paused" in card)
    assert "their support worker account is on hold" in pat
    dashboard = soup_of(you.get("/account"))
    assert dashboard.select_one("a[href='/account/helpers']").get_text(strip=True) == "People helping you"


def test_the_activity_page_lists_what_helpers_did_newest_first_50_a_page(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT)
    worker = a_worker(
        db_session, make_user, full_name="Sam Okafor", organisation=an_organisation(db_session, "Citizens Advice")
    )
    officer = make_user(Role.OFFICER, full_name="Olu Officer")
    someone_else = make_user(Role.APPLICANT)
    for _ in range(50):
        record_event(
            db_session, actor=worker, on_behalf_of=applicant, action="evidence.uploaded", subject_type="x", subject_id=1
        )
    record_event(
        db_session,
        actor=officer,
        on_behalf_of=applicant,
        action="helper.changed",
        subject_type="x",
        subject_id=1,
        details={"endpoint": "apply.question"},
    )
    record_event(
        db_session,
        actor=worker,
        on_behalf_of=someone_else,
        action="lettings.bid_placed",
        subject_type="x",
        subject_id=1,
    )
    record_event(db_session, actor=applicant, action="account.signed_in", subject_type="user", subject_id=applicant.id)
    you = browser_for(app, applicant)
    first = soup_of(you.get("/account/helpers/activity"))
    rows = [
        [
            part.get_text(" ", strip=True)
            for part in row.select(".app-activity__when, .app-activity__who, .app-activity__what")
        ]
        for row in first.select("#activity li")
    ]
    assert len(rows) == 50
    assert rows[0][1:] == ["A council officer: Olu Officer", "answered questions in your application"]
    assert rows[1][1:] == ["Sam Okafor, Citizens Advice", "uploaded a document for you"]
    assert "Showing 1 to 50 of 51." in first.get_text(" ")
    second = main_text(you, "/account/helpers/activity?page=2")
    assert "Showing 51 to 51 of 51." in second and "placed a bid" not in second
    nobody = browser_for(app, make_user(Role.APPLICANT))
    assert "Nobody has done anything for you yet." in main_text(nobody, "/account/helpers/activity")


@pytest.mark.parametrize("role", [Role.SUPPORT_WORKER, Role.OFFICER])
def test_managing_helpers_is_for_the_applicant_alone(app, db_session, make_user, sign_in_as, role):
    applicant = make_user(Role.APPLICANT)
    browser = sign_in_as(role)
    with browser.session_transaction() as session:
        session["acting_for"] = {"applicant": applicant.id, "reason": "Phone call"}
    for path in ("/account/helpers", "/account/helpers/activity", "/account/helpers/invite"):
        assert browser.get(path).status_code == 403, path
    dashboard = soup_of(browser.get("/account"))
    assert dashboard.select_one("a[href='/account/helpers']") is None


def test_the_support_pages_are_for_support_workers(app, db_session, make_user, client, sign_in_as):
    for path in ("/support/code", "/support/ask", "/support/invitations/anything"):
        assert client.get(path).headers["Location"].startswith("/sign-in"), path
        assert sign_in_as(Role.APPLICANT).get(path).status_code == 403, path
