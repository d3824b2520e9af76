"""The support worker's dashboard: only their own clients whose consent is in force, each with the stage of their
application, the evidence still to send, the homes they can bid on now and the dates that matter; the requests
waiting for an answer and the access that has ended; and buttons that start helping."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import event

from portal.auth.roles import Role
from portal.data import bids
from portal.data.base import utcnow
from portal.data.db import Database
from portal.data.evidence import evidence_items, is_outstanding
from portal.data.letting_models import Offer
from portal.data.support_models import Consent, Organisation, SupportWorker
from tests.conftest import sign_in_client
from tests.integration.lettings_helpers import a_cycle, a_household, an_advert

TODAY = dt.date.today()


def show_date(day):
    """A date as the pages write it in English: "3 April 2026"."""
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def organisation(db_session):
    found = Organisation(name="Riverside Advice", kind="charity")
    db_session.add(found)
    db_session.flush()
    return found


@pytest.fixture
def make_worker(app, db_session, make_user, organisation):
    def make(status="approved", full_name="Sam Worker"):
        user = make_user(Role.SUPPORT_WORKER, full_name=full_name)
        db_session.add(SupportWorker(user_id=user.id, organisation_id=organisation.id, status=status))
        db_session.flush()
        browser = app.test_client()
        sign_in_client(browser, user)
        browser.user = user
        return browser

    return make


@pytest.fixture
def worker(make_worker):
    return make_worker()


def consent_for(db_session, applicant_id, worker_user, **fields):
    values = {"route": "code_invite", "status": "active", "can_help": True, "can_bid": True}
    values.update(fields)
    values.setdefault("expires_on", TODAY + dt.timedelta(days=90))
    consent = Consent(applicant_id=applicant_id, worker_id=worker_user.id, **values)
    db_session.add(consent)
    db_session.flush()
    return consent


def soup(client, path="/support/"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def words(element):
    return " ".join(element.get_text(" ").split()) if element is not None else ""


def card(page, consent):
    return page.select_one(f"#client-{consent.id}")


def field(page, consent, name):
    return words(card(page, consent).select_one(f"[data-field={name}]"))


# Whose clients are shown


def test_only_the_workers_own_clients_with_consent_in_force_are_shown(worker, make_worker, db_session, make_user):
    shown = make_user(Role.APPLICANT, full_name="Shown Person")
    in_force = consent_for(db_session, shown.id, worker.user)
    hidden = {
        "Expired Person": {"expires_on": TODAY - dt.timedelta(days=1)},
        "Revoked Person": {"status": "revoked", "ended_at": utcnow()},
        "Asked Person": {"status": "requested", "route": "worker_request"},
        "Declined Person": {"status": "declined"},
    }
    made = {}
    for name, fields in hidden.items():
        person = make_user(Role.APPLICANT, full_name=name)
        made[name] = consent_for(db_session, person.id, worker.user, **fields)
    other_worker = make_worker(full_name="Other Worker")
    someone_elses = make_user(Role.APPLICANT, full_name="Someone Elses")
    consent_for(db_session, someone_elses.id, other_worker.user)
    page = soup(worker)
    cards = page.select(".govuk-summary-card")
    assert [card["id"] for card in cards] == [f"client-{in_force.id}"]
    assert words(cards[0].select_one("h2")) == "Shown Person"
    assert "Someone Elses" not in words(page)


def test_a_client_with_two_active_consents_is_shown_once_with_the_newest(worker, db_session, make_user):
    person = make_user(Role.APPLICANT, full_name="Twice Given")
    consent_for(db_session, person.id, worker.user, can_bid=False, can_help=False)
    newest = consent_for(db_session, person.id, worker.user, can_bid=True)
    page = soup(worker)
    assert [c["id"] for c in page.select(".govuk-summary-card")] == [f"client-{newest.id}"]


def test_a_consent_ends_on_its_end_date_and_not_before(worker, db_session, make_user):
    person = make_user(Role.APPLICANT, full_name="Last Day")
    consent = consent_for(db_session, person.id, worker.user, expires_on=TODAY)
    page = soup(worker)
    assert card(page, consent) is not None
    assert f"Until {show_date(TODAY)}" in field(page, consent, "can")


def test_a_worker_with_no_clients_is_told_how_they_get_some(worker):
    page = soup(worker)
    assert page.select(".govuk-summary-card") == []
    assert "Nobody has given you access" in words(page.select_one("#no-clients"))


# What each client's card says


def test_a_client_with_no_application_yet(worker, db_session, make_user):
    person = make_user(Role.APPLICANT, full_name="New Person")
    consent = consent_for(db_session, person.id, worker.user, can_bid=False)
    page = soup(worker)
    assert field(page, consent, "stage") == "Not started yet"
    assert field(page, consent, "evidence") == "Nothing to send"
    assert field(page, consent, "deadlines") == "None at the moment"
    assert card(page, consent).select_one("[data-field=homes]") is None


def test_the_stage_scope_and_end_date_are_shown(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Joy Client", stage="decided")
    consent = consent_for(db_session, application.user_id, worker.user, can_help=False, can_bid=False)
    page = soup(worker)
    text = words(card(page, consent))
    assert application.reference in text
    assert field(page, consent, "stage") == "Decided"
    assert field(page, consent, "can") == (f"see their application and bids Until {show_date(consent.expires_on)}")


def test_outstanding_evidence_is_counted_with_the_first_due_date(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Evi Dence")
    items = evidence_items(db_session, application)
    assert len(items) >= 4
    items[0].status = "accepted"
    items[1].status = "uploaded"
    items[2].status = "requested_again"
    items[2].due_on = TODAY + dt.timedelta(days=9)
    items[3].still_needed = False
    db_session.flush()
    expected = sum(1 for item in evidence_items(db_session, application) if is_outstanding(item))
    assert expected == len(items) - 3
    consent = consent_for(db_session, application.user_id, worker.user)
    page = soup(worker)
    due = show_date(TODAY + dt.timedelta(days=9))
    noun = "document" if expected == 1 else "documents"
    assert field(page, consent, "evidence") == f"{expected} {noun} to send, the first by {due}"
    assert f"Send evidence by {due}" in field(page, consent, "deadlines")


def test_the_homes_a_client_can_bid_on_now_are_counted(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Bea Bidder", bedroom_need=2)
    cycle = a_cycle(db_session, closes_on=TODAY + dt.timedelta(days=3))
    later = a_cycle(db_session, closes_on=TODAY + dt.timedelta(days=6))
    an_advert(db_session, cycle=later)  # can bid
    an_advert(db_session, cycle=later)  # can bid
    an_advert(db_session, cycle=cycle, min_bedroom_need=3, max_bedroom_need=4)  # too big for them
    an_advert(db_session, cycle=cycle, transfer_only=True)  # only for tenants
    an_advert(db_session, status="draft")  # not taking bids
    already = an_advert(db_session, cycle=cycle)
    bids.place_bid(db_session, application, already, None, TODAY)
    consent = consent_for(db_session, application.user_id, worker.user)
    page = soup(worker)
    assert field(page, consent, "homes") == "2 homes"
    # Their bid closes first, so that is the date to know.
    assert f"Bidding closes on {show_date(TODAY + dt.timedelta(days=3))}" in field(page, consent, "deadlines")


def test_homes_are_counted_only_when_the_worker_may_bid(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="View Only")
    an_advert(db_session)
    consent = consent_for(db_session, application.user_id, worker.user, can_bid=False)
    page = soup(worker)
    assert card(page, consent).select_one("[data-field=homes]") is None
    assert "Bid for View Only" not in words(card(page, consent))


def test_a_household_off_the_register_can_bid_on_no_homes(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Not Yet", stage="being_assessed")
    an_advert(db_session)
    consent = consent_for(db_session, application.user_id, worker.user)
    assert field(soup(worker), consent, "homes") == "0 homes"


def test_the_bid_limit_stops_the_count(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Full Up")
    cycle = a_cycle(db_session, bid_limit=1)
    bids.place_bid(db_session, application, an_advert(db_session, cycle=cycle), None, TODAY)
    an_advert(db_session, cycle=cycle)
    consent = consent_for(db_session, application.user_id, worker.user)
    assert field(soup(worker), consent, "homes") == "0 homes"


def test_offers_and_review_deadlines_are_listed_soonest_first(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Dee Dates")
    decision = application_decision(db_session, application)
    decision.review_by = TODAY + dt.timedelta(days=20)
    offered = an_advert(db_session, status="closed", address_line_1="7 Offer Lane")
    db_session.add(
        Offer(
            advert_id=offered.id, application_id=application.id, status="made", respond_by=TODAY + dt.timedelta(days=2)
        )
    )
    answered = an_advert(db_session, status="closed", address_line_1="9 Old Road")
    db_session.add(Offer(advert_id=answered.id, application_id=application.id, status="refused"))
    db_session.flush()
    consent = consent_for(db_session, application.user_id, worker.user)
    dates = [words(li) for li in card(soup(worker), consent).select("[data-field=deadlines] li")]
    assert dates[0] == f"Answer the offer of 7 Offer Lane by {show_date(TODAY + dt.timedelta(days=2))}"
    assert f"Ask for a review of our decision by {show_date(TODAY + dt.timedelta(days=20))}" in dates
    assert not any("9 Old Road" in date for date in dates)


def test_no_review_deadline_once_a_review_is_asked_for_or_the_date_has_passed(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Past Due")
    application_decision(db_session, application).review_by = TODAY - dt.timedelta(days=1)
    db_session.flush()
    consent = consent_for(db_session, application.user_id, worker.user)
    assert "review" not in field(soup(worker), consent, "deadlines")


def application_decision(db_session, application):
    from portal.data.decisions import latest_decision

    return latest_decision(db_session, application)


# Buttons


def test_help_and_bid_buttons_start_helping_and_land_in_the_right_place(worker, db_session, make_user):
    application = a_household(db_session, make_user, full_name="Joy Client")
    consent = consent_for(db_session, application.user_id, worker.user)
    page = soup(worker)
    forms = card(page, consent).select("form")
    assert [(form["action"], form.select_one("input[name=to]")["value"], words(form.button)) for form in forms] == [
        (f"/support/clients/{consent.id}/help", "apply", "Help Joy Client"),
        (f"/support/clients/{consent.id}/help", "homes", "Bid for Joy Client"),
    ]
    assert all(form.select_one("input[name=csrf_token]") for form in forms)
    response = worker.post_form(f"/support/clients/{consent.id}/help", {"to": "homes"}, token_from="/support/")
    assert response.headers["Location"] == "/homes/"
    response = worker.post_form(f"/support/clients/{consent.id}/help", {"to": "apply"}, token_from="/support/")
    assert response.headers["Location"] == "/apply/"
    assert worker.get("/apply/", follow_redirects=True).status_code == 200


def test_a_worker_cannot_start_helping_someone_elses_client(worker, make_worker, db_session, make_user):
    other = make_worker(full_name="Other Worker")
    person = make_user(Role.APPLICANT, full_name="Their Client")
    consent = consent_for(db_session, person.id, other.user)
    response = worker.post_form(f"/support/clients/{consent.id}/help", {"to": "apply"}, token_from="/support/settings")
    assert response.headers["Location"] == "/support/"
    assert worker.get("/apply/").status_code == 403


def test_the_links_to_take_up_a_code_and_ask_for_access(app, worker):
    page = soup(worker)
    links = {a["href"] for a in page.select("#worker-links a")}
    assert "/support/settings" in links
    for endpoint, path in (("support.code", "/support/code"), ("support.ask", "/support/ask")):
        assert (path in links) == (endpoint in app.view_functions)


def test_each_client_links_to_ending_access(app, worker, db_session, make_user):
    person = make_user(Role.APPLICANT, full_name="End Me")
    consent = consent_for(db_session, person.id, worker.user)
    page = soup(worker)
    end_links = [a["href"] for a in card(page, consent).select("a")]
    assert f"/support/clients/{consent.id}/end" in end_links


# Requests and ended access


def test_requests_waiting_are_not_listed_so_no_account_is_revealed(worker, db_session, make_user):
    person = make_user(Role.APPLICANT, full_name="Private Name", email="asked@example.org")
    consent_for(
        db_session, person.id, worker.user, status="requested", route="worker_request", invite_email="asked@example.org"
    )
    page = soup(worker)
    assert "asked@example.org" not in words(page)
    assert "Private Name" not in words(page)
    assert "they will appear here once they agree" in words(page.select_one("#requests-note"))


def test_ended_access_says_when_and_why(worker, db_session, make_user):
    ended_at = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
    cases = [
        ("Revo Ked", {"status": "revoked", "ended_at": ended_at}, "They ended it on 4 March 2026"),
        ("Ex Pired", {"expires_on": dt.date(2026, 2, 1)}, "Came to its end date on 1 February 2026"),
        ("Self Ended", {"status": "revoked", "ended_at": ended_at, "by_worker": True}, "You ended it on 4 March 2026"),
    ]
    for name, fields, _expected in cases:
        person = make_user(Role.APPLICANT, full_name=name)
        if fields.pop("by_worker", False):
            fields["ended_by_id"] = worker.user.id
        else:
            fields.setdefault("ended_by_id", person.id if fields.get("status") == "revoked" else None)
        consent_for(db_session, person.id, worker.user, **fields)
    declined = make_user(Role.APPLICANT, full_name="Said No", email="said.no@example.org")
    consent_for(
        db_session,
        declined.id,
        worker.user,
        status="declined",
        route="worker_request",
        invite_email="said.no@example.org",
        ended_at=ended_at,
    )
    listed = [words(li) for li in soup(worker).select("#ended-list li")]
    for name, _fields, expected in cases:
        assert f"{name}: {expected}" in listed
    assert "said.no@example.org: They said no to your request on 4 March 2026" in listed
    assert not any("Said No" in item for item in listed)


def test_ended_access_is_not_listed_for_someone_the_worker_helps_again(worker, db_session, make_user):
    person = make_user(Role.APPLICANT, full_name="Back Again")
    consent_for(db_session, person.id, worker.user, status="revoked", ended_at=utcnow())
    consent_for(db_session, person.id, worker.user)
    page = soup(worker)
    assert page.select_one("#ended-list") is None
    assert len(page.select(".govuk-summary-card")) == 1


# Reading it all at once


def count_queries(app, action):
    engine = Database.state(app).engine
    seen = []

    def listener(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", listener)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


def test_the_number_of_queries_does_not_grow_with_the_clients(app, worker, db_session, make_user):
    an_advert(db_session)
    first = a_household(db_session, make_user, full_name="Client One")
    consent_for(db_session, first.user_id, worker.user)
    one = count_queries(app, lambda: worker.get("/support/"))
    for number in range(4):
        household = a_household(db_session, make_user, full_name=f"Client {number + 2}")
        consent_for(db_session, household.user_id, worker.user)
    many = count_queries(app, lambda: worker.get("/support/"))
    assert len(soup(worker).select(".govuk-summary-card")) == 5
    assert one > 5  # the listener sees the queries
    assert many == one
