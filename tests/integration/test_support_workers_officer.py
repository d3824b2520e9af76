"""Officers approving, refusing and suspending support workers, and adding organisations; nobody else may."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.audit import events_for_subject
from portal.data.support_models import Consent, Organisation, SupportWorker
from tests.conftest import sign_in_client

TODAY = dt.date.today()

OFFICER_PAGES = [
    "/officer/support-workers",
    "/officer/support-workers/{id}",
    "/officer/support-workers/{id}/approve",
    "/officer/support-workers/{id}/refuse",
    "/officer/support-workers/{id}/suspend",
    "/officer/support-workers/organisations",
    "/officer/support-workers/organisations/new",
]


@pytest.fixture
def organisation(db_session):
    found = Organisation(name="Riverside Advice", kind="charity")
    db_session.add(found)
    db_session.flush()
    return found


@pytest.fixture
def make_worker(app, db_session, make_user, organisation):
    def make(status="waiting", full_name="Wendy Worker", profile=True):
        user = make_user(Role.SUPPORT_WORKER, full_name=full_name)
        if profile:
            db_session.add(SupportWorker(user_id=user.id, organisation_id=organisation.id, status=status))
            db_session.flush()
        browser = app.test_client()
        sign_in_client(browser, user)
        browser.user = user
        return browser

    return make


@pytest.fixture
def officer(sign_in_as):
    return sign_in_as(Role.OFFICER, full_name="Olivia Officer")


def a_consent(db_session, make_user, worker):
    applicant = make_user(Role.APPLICANT, full_name="Joy Client")
    consent = Consent(
        applicant_id=applicant.id,
        worker_id=worker.id,
        route="code_invite",
        status="active",
        can_help=True,
        can_bid=True,
        expires_on=TODAY + dt.timedelta(days=30),
    )
    db_session.add(consent)
    db_session.flush()
    return consent


def profile_of(db_session, user):
    db_session.expire_all()
    return db_session.get(SupportWorker, user.id)


def actions_on(db_session, user):
    return [(event.action, event.actor_id, event.reason) for event in events_for_subject(db_session, "user", user.id)]


def main_text(response):
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return " ".join(soup.find("main").get_text(" ").split())


def errors_of(response):
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return [" ".join(a.get_text(" ").split()) for a in soup.select(".govuk-error-summary__list a")]


def start_helping(worker, consent):
    return worker.post_form(f"/support/clients/{consent.id}/help", {"to": "apply"}, token_from="/support/")


# Who may open the pages


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.SUPPORT_WORKER])
@pytest.mark.parametrize("page", OFFICER_PAGES)
def test_only_officers_reach_the_support_worker_pages(sign_in_as, make_worker, role, page):
    target = make_worker()
    client = sign_in_as(role)
    assert client.get(page.format(id=target.user.id)).status_code == 403


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN])
@pytest.mark.parametrize("page", ["/officer/support-workers", "/officer/support-workers/organisations"])
def test_every_officer_role_reaches_the_lists(sign_in_as, role, page):
    assert sign_in_as(role).get(page).status_code == 200


@pytest.mark.parametrize("page", OFFICER_PAGES)
def test_visitors_are_asked_to_sign_in(client, page):
    response = client.get(page.format(id=1))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_an_approved_worker_cannot_approve_themself_or_others(make_worker, db_session):
    waiting = make_worker(full_name="Wendy Waiting")
    approved = make_worker("approved", full_name="Adam Approved")
    response = approved.post(f"/officer/support-workers/{waiting.user.id}/approve", data={"organisation": "1"})
    assert response.status_code in (400, 403)
    assert profile_of(db_session, waiting.user).status == "waiting"


def test_a_page_for_someone_who_is_not_a_support_worker_is_not_found(officer, make_user):
    applicant = make_user(Role.APPLICANT)
    assert officer.get(f"/officer/support-workers/{applicant.id}").status_code == 404
    assert officer.get("/officer/support-workers/999999/approve").status_code == 404


# The list


def test_the_list_shows_waiting_accounts_first_then_the_rest(officer, make_worker):
    waiting = make_worker(full_name="Wendy Waiting")
    admin_made = make_worker(full_name="Alan Adminmade", profile=False)
    approved = make_worker("approved", full_name="Adam Approved")
    suspended = make_worker("suspended", full_name="Sue Suspended")
    page = BeautifulSoup(officer.get("/officer/support-workers").get_data(as_text=True), "html.parser")
    waiting_rows = {row["id"] for row in page.select("#waiting tbody tr")}
    other_rows = [row["id"] for row in page.select("#others tbody tr")]
    assert {f"worker-{waiting.user.id}", f"worker-{admin_made.user.id}"} <= waiting_rows
    assert f"worker-{approved.user.id}" in other_rows and f"worker-{suspended.user.id}" in other_rows
    assert other_rows.index(f"worker-{approved.user.id}") < other_rows.index(f"worker-{suspended.user.id}")
    assert "None chosen yet" in page.select_one(f"#worker-{admin_made.user.id}").get_text()


# Approving


def test_approving_lets_the_worker_act_and_tells_them(
    officer, make_worker, db_session, make_user, outbox, organisation
):
    worker = make_worker()
    consent = a_consent(db_session, make_user, worker.user)
    assert start_helping(worker, consent).status_code == 403
    response = officer.post_form(
        f"/officer/support-workers/{worker.user.id}/approve", {"organisation": str(organisation.id)}
    )
    assert response.headers["Location"] == f"/officer/support-workers/{worker.user.id}"
    profile = profile_of(db_session, worker.user)
    assert profile.status == "approved"
    assert profile.decided_by_id == officer.user.id and profile.decided_at is not None
    assert ("support_worker.approved", officer.user.id, None) in actions_on(db_session, worker.user)
    [message] = outbox()
    assert message["To"] == worker.user.email
    assert "Your support worker account is approved" in message["Subject"]
    assert "Riverside Advice" in message.get_body().get_content()
    helping = start_helping(worker, consent)
    assert helping.headers["Location"] == "/apply/"
    assert worker.get("/apply/").status_code == 200


def test_approving_can_move_the_worker_to_another_organisation(officer, make_worker, db_session):
    other = Organisation(name="Hillside Care", kind="social_care")
    db_session.add(other)
    db_session.flush()
    worker = make_worker()
    page = BeautifulSoup(
        officer.get(f"/officer/support-workers/{worker.user.id}/approve").get_data(as_text=True), "html.parser"
    )
    assert page.select_one("select#organisation option[selected]")["value"] == str(
        profile_of(db_session, worker.user).organisation_id
    )
    officer.post_form(f"/officer/support-workers/{worker.user.id}/approve", {"organisation": str(other.id)})
    assert profile_of(db_session, worker.user).organisation_id == other.id


def test_an_account_an_administrator_set_up_is_approved_at_the_organisation_chosen(
    officer, make_worker, db_session, organisation
):
    worker = make_worker(profile=False)
    text = main_text(officer.get(f"/officer/support-workers/{worker.user.id}"))
    assert "Choose their organisation to approve it" in text
    assert "Refuse the account" not in text
    officer.post_form(f"/officer/support-workers/{worker.user.id}/approve", {"organisation": str(organisation.id)})
    profile = profile_of(db_session, worker.user)
    assert (profile.status, profile.organisation_id) == ("approved", organisation.id)


@pytest.mark.parametrize("value", ["", "999999", "not-a-number"])
def test_approving_needs_an_organisation_from_the_list(officer, make_worker, db_session, value):
    worker = make_worker()
    response = officer.post_form(f"/officer/support-workers/{worker.user.id}/approve", {"organisation": value})
    assert response.status_code == 400
    assert errors_of(response) == ["Choose the organisation they work for"]
    assert profile_of(db_session, worker.user).status == "waiting"


def test_an_approved_account_is_not_approved_twice(officer, make_worker, db_session, organisation):
    worker = make_worker("approved")
    response = officer.post_form(
        f"/officer/support-workers/{worker.user.id}/approve",
        {"organisation": str(organisation.id)},
        token_from="/officer/support-workers/organisations/new",
    )
    assert response.status_code == 302
    assert not [a for a, *_rest in actions_on(db_session, worker.user) if a == "support_worker.approved"]


def test_a_suspended_worker_can_be_approved_again(officer, make_worker, db_session, make_user, organisation):
    worker = make_worker("suspended")
    consent = a_consent(db_session, make_user, worker.user)
    assert start_helping(worker, consent).status_code == 403
    officer.post_form(f"/officer/support-workers/{worker.user.id}/approve", {"organisation": str(organisation.id)})
    assert start_helping(worker, consent).headers["Location"] == "/apply/"


# Refusing


def test_refusing_needs_a_reason_that_the_worker_then_reads(officer, make_worker, db_session, outbox):
    worker = make_worker()
    empty = officer.post_form(f"/officer/support-workers/{worker.user.id}/refuse", {"reason": "  "})
    assert empty.status_code == 400
    assert errors_of(empty) == ["Enter why you are refusing this account"]
    assert profile_of(db_session, worker.user).status == "waiting"
    reason = "We could not confirm that you work at Riverside Advice."
    response = officer.post_form(f"/officer/support-workers/{worker.user.id}/refuse", {"reason": reason})
    assert response.headers["Location"] == f"/officer/support-workers/{worker.user.id}"
    profile = profile_of(db_session, worker.user)
    assert (profile.status, profile.decision_reason) == ("refused", reason)
    assert ("support_worker.refused", officer.user.id, reason) in actions_on(db_session, worker.user)
    [message] = outbox()
    assert message["To"] == worker.user.email and reason in message.get_body().get_content()
    text = main_text(worker.get("/support/"))
    assert "We could not approve your account" in text and reason in text
    assert reason in main_text(officer.get(f"/officer/support-workers/{worker.user.id}"))


def test_an_approved_account_cannot_be_refused(officer, make_worker, db_session):
    worker = make_worker("approved")
    response = officer.post_form(
        f"/officer/support-workers/{worker.user.id}/refuse",
        {"reason": "No"},
        token_from="/officer/support-workers/organisations/new",
    )
    assert response.status_code == 302
    assert profile_of(db_session, worker.user).status == "approved"


def test_a_reason_that_is_too_long_is_refused_with_a_message(officer, make_worker, db_session):
    worker = make_worker()
    response = officer.post_form(f"/officer/support-workers/{worker.user.id}/refuse", {"reason": "x" * 2001})
    assert response.status_code == 400
    assert errors_of(response) == ["This must be 2000 characters or fewer"]


# Suspending


def test_suspending_stops_a_worker_at_once_even_mid_way_through_helping(
    officer, make_worker, db_session, make_user, outbox
):
    worker = make_worker("approved")
    consent = a_consent(db_session, make_user, worker.user)
    assert start_helping(worker, consent).headers["Location"] == "/apply/"
    assert worker.get("/apply/").status_code == 200
    reason = "We have had a complaint and are looking into it."
    response = officer.post_form(f"/officer/support-workers/{worker.user.id}/suspend", {"reason": reason})
    assert response.headers["Location"] == f"/officer/support-workers/{worker.user.id}"
    assert profile_of(db_session, worker.user).status == "suspended"
    assert ("support_worker.suspended", officer.user.id, reason) in actions_on(db_session, worker.user)
    page = worker.get("/apply/")
    assert page.status_code == 403
    assert "You can no longer help Joy Client" in main_text(page)
    assert worker.get("/homes/bids").status_code == 403
    assert start_helping(worker, consent).status_code == 403
    assert "Your account is suspended" in main_text(worker.get("/support/"))
    [told] = [message for message in outbox() if message["To"] == worker.user.email]
    assert told["Subject"] == "Your support worker account is suspended"
    assert reason in told.get_body().get_content()


def test_suspending_needs_a_reason(officer, make_worker, db_session):
    worker = make_worker("approved")
    response = officer.post_form(f"/officer/support-workers/{worker.user.id}/suspend", {"reason": ""})
    assert response.status_code == 400
    assert errors_of(response) == ["Enter why you are suspending this account"]
    assert profile_of(db_session, worker.user).status == "approved"


@pytest.mark.parametrize("status", ["waiting", "refused"])
def test_only_an_approved_account_can_be_suspended(officer, make_worker, db_session, status):
    worker = make_worker(status)
    assert officer.get(f"/officer/support-workers/{worker.user.id}/suspend").status_code == 302
    officer.post(f"/officer/support-workers/{worker.user.id}/suspend", data={"reason": "x"})
    assert profile_of(db_session, worker.user).status == status


def test_the_worker_page_shows_the_clients_they_help_now(officer, make_worker, db_session, make_user):
    worker = make_worker("approved")
    a_consent(db_session, make_user, worker.user)
    text = main_text(officer.get(f"/officer/support-workers/{worker.user.id}"))
    assert "People they help now 1" in text
    assert "Suspend the account" in text and "Approve the account" not in text


# Organisations


def test_an_officer_adds_an_organisation(officer, db_session):
    response = officer.post_form(
        "/officer/support-workers/organisations/new",
        {"name": " Eastfield  Women's Aid ", "kind": "charity", "email": "help@eastfield.example.org", "phone": ""},
    )
    assert response.headers["Location"] == "/officer/support-workers/organisations"
    added = db_session.scalar(select(Organisation).where(Organisation.name == "Eastfield Women's Aid"))
    assert (added.kind, added.email, added.phone) == ("charity", "help@eastfield.example.org", None)
    [event] = events_for_subject(db_session, "organisation", added.id)
    assert (event.action, event.actor_id) == ("organisation.added", officer.user.id)
    assert "Eastfield Women's Aid" in main_text(officer.get("/officer/support-workers/organisations"))


def test_an_organisation_name_is_not_added_twice(officer, organisation, db_session):
    response = officer.post_form(
        "/officer/support-workers/organisations/new", {"name": "RIVERSIDE advice", "kind": "other"}
    )
    assert response.status_code == 400
    assert errors_of(response) == ["There is already an organisation with this name"]
    names = db_session.scalars(select(Organisation.name)).all()
    assert [name.lower() for name in names].count("riverside advice") == 1


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"name": "", "kind": "charity"}, "Enter the organisation's name"),
        ({"name": "New", "kind": "pirates"}, "Choose the kind of organisation"),
        ({"name": "New", "kind": "charity", "email": "nope"}, "Enter an email address in the correct format"),
    ],
)
def test_adding_an_organisation_explains_each_mistake(officer, form, expected):
    response = officer.post_form("/officer/support-workers/organisations/new", form)
    assert response.status_code == 400
    assert any(message.startswith(expected) for message in errors_of(response))


def test_the_organisations_list_counts_their_workers(officer, make_worker, organisation):
    make_worker()
    make_worker("approved")
    page = BeautifulSoup(officer.get("/officer/support-workers/organisations").get_data(as_text=True), "html.parser")
    row = next(tr for tr in page.select("#organisations tbody tr") if "Riverside Advice" in tr.get_text())
    assert row.select("td")[-1].get_text(strip=True) == "2"
