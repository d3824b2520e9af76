"""Support workers registering, waiting for approval (when they cannot act for anyone), and their email settings."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from portal.auth.acting import ACTING_KEY
from portal.auth.roles import Role
from portal.data import accounts
from portal.data.audit import events_for_subject
from portal.data.support_models import Consent, Organisation, SupportWorker
from tests.conftest import TEST_PASSWORD, link_in, sign_in_client

TODAY = dt.date.today()


def an_organisation(db_session, name="Riverside Advice", kind="charity"):
    organisation = Organisation(name=name, kind=kind)
    db_session.add(organisation)
    db_session.flush()
    return organisation


def registration(organisation="", **changes):
    form = {
        "full_name": "Rosa Diaz",
        "email": "rosa.diaz@riverside.example.org",
        "password": TEST_PASSWORD,
        "confirm_password": TEST_PASSWORD,
        "organisation": str(organisation),
        "new_organisation": "",
        "organisation_kind": "",
        "job_title": "Housing support worker",
        "phone": "01632 960 123",
    }
    form.update(changes)
    return form


def errors_of(response):
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return [" ".join(a.get_text(" ").split()) for a in soup.select(".govuk-error-summary__list a")]


def main_text(response):
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return " ".join(soup.find("main").get_text(" ").split())


def count(db_session, model):
    return db_session.scalar(select(func.count()).select_from(model))


def a_client_consent(db_session, make_user, worker, **fields):
    applicant = make_user(Role.APPLICANT, full_name=fields.pop("full_name", "Joy Client"))
    values = {"route": "code_invite", "status": "active", "can_help": True, "can_bid": True}
    values.update(fields)
    values.setdefault("expires_on", TODAY + dt.timedelta(days=30))
    consent = Consent(applicant_id=applicant.id, worker_id=worker.id, **values)
    db_session.add(consent)
    db_session.flush()
    return consent


# Registering


def test_the_register_page_lists_the_organisations_to_choose_from(client, db_session):
    organisation = an_organisation(db_session)
    response = client.get("/support/register")
    assert response.status_code == 200
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    options = {option["value"]: option.get_text(strip=True) for option in soup.select("select#organisation option")}
    assert options[str(organisation.id)] == "Riverside Advice"
    assert options["not_listed"] == "My organisation is not in the list"
    assert soup.select_one("input#password[type=password]") is not None


def test_registering_makes_a_waiting_worker_and_sends_a_link_to_confirm_the_email(client, db_session, outbox):
    organisation = an_organisation(db_session)
    response = client.post_form("/support/register", registration(organisation.id))
    assert response.status_code == 302
    assert response.headers["Location"] == "/support/register/check-your-email"
    user = accounts.get_user_by_email(db_session, "Rosa.Diaz@riverside.example.org")
    assert user is not None and user.role is Role.SUPPORT_WORKER and not user.is_verified
    profile = db_session.get(SupportWorker, user.id)
    assert (profile.status, profile.organisation_id) == ("waiting", organisation.id)
    assert (profile.job_title, profile.phone) == ("Housing support worker", "01632 960 123")
    actions = [event.action for event in events_for_subject(db_session, "user", user.id)]
    assert "account.registered" in actions and "support_worker.registered" in actions
    [message] = outbox()
    assert message["To"] == "rosa.diaz@riverside.example.org"
    assert link_in(message).startswith("/verify-email/")
    page = client.get("/support/register/check-your-email")
    assert "A council officer will check your account" in main_text(page)


def test_a_worker_can_name_an_organisation_not_in_the_list(client, db_session):
    response = client.post_form(
        "/support/register",
        registration("not_listed", new_organisation="  Northgate   Probation ", organisation_kind="probation"),
    )
    assert response.status_code == 302
    organisation = db_session.scalar(select(Organisation).where(Organisation.name == "Northgate Probation"))
    assert organisation is not None and organisation.kind == "probation"
    user = accounts.get_user_by_email(db_session, "rosa.diaz@riverside.example.org")
    assert db_session.get(SupportWorker, user.id).organisation_id == organisation.id
    assert [e.action for e in events_for_subject(db_session, "organisation", organisation.id)] == ["organisation.added"]


def test_naming_a_known_organisation_uses_it_rather_than_adding_another(client, db_session):
    organisation = an_organisation(db_session)
    before = count(db_session, Organisation)
    client.post_form(
        "/support/register",
        registration("not_listed", new_organisation="riverside ADVICE", organisation_kind="other"),
    )
    assert count(db_session, Organisation) == before
    user = accounts.get_user_by_email(db_session, "rosa.diaz@riverside.example.org")
    assert db_session.get(SupportWorker, user.id).organisation_id == organisation.id


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"organisation": ""}, "Choose the organisation you work for"),
        ({"organisation": "999999"}, "Choose the organisation you work for"),
        (
            {"organisation": "not_listed", "organisation_kind": "charity"},
            "Enter the name of the organisation you work for",
        ),
        ({"organisation": "not_listed", "new_organisation": "New Place"}, "Choose what kind of organisation it is"),
        ({"job_title": " "}, "Enter your job title"),
        ({"phone": "call me"}, "Enter a phone number, like 01632 960 001 or 07700 900 982"),
        ({"password": "short", "confirm_password": "short"}, "Your password must be at least"),
        ({"confirm_password": "Something-else-entirely-1"}, "The passwords do not match. Type them again."),
        ({"email": "not-an-email"}, "Enter an email address in the correct format, like name@example.com"),
    ],
)
def test_a_mistake_is_explained_on_the_same_page_and_nothing_is_saved(client, db_session, changes, expected):
    organisation = an_organisation(db_session)
    form = registration(organisation.id)
    form.update(changes)
    users = count(db_session, SupportWorker)
    response = client.post_form("/support/register", form)
    assert response.status_code == 400
    assert any(message.startswith(expected) for message in errors_of(response)), errors_of(response)
    assert count(db_session, SupportWorker) == users
    assert 'value="Rosa Diaz"' in response.get_data(as_text=True)


def test_registering_with_an_address_that_has_an_account_says_nothing_and_emails_its_owner(
    client, db_session, make_user, outbox
):
    existing = make_user(Role.APPLICANT, email="taken@example.org")
    organisation = an_organisation(db_session)
    response = client.post_form("/support/register", registration(organisation.id, email="taken@example.org"))
    assert response.headers["Location"] == "/support/register/check-your-email"
    assert accounts.get_user_by_email(db_session, "taken@example.org").role is Role.APPLICANT
    assert db_session.get(SupportWorker, existing.id) is None
    [message] = outbox()
    assert message["To"] == "taken@example.org"
    assert "/password-reset" in message.get_body().get_content()


def test_registering_is_rate_limited(client):
    token = client.csrf_token("/support/register")
    statuses = [
        client.post("/support/register", data={**registration(), "csrf_token": token}).status_code for _ in range(6)
    ]
    assert 429 not in statuses[:5]
    assert statuses[5] == 429


def test_registering_needs_the_csrf_token(client, db_session):
    organisation = an_organisation(db_session)
    response = client.post("/support/register", data=registration(organisation.id))
    assert response.status_code == 400
    assert accounts.get_user_by_email(db_session, "rosa.diaz@riverside.example.org") is None


def test_after_confirming_the_email_a_worker_signs_in_to_a_page_saying_they_wait(client, db_session, outbox):
    organisation = an_organisation(db_session)
    client.post_form("/support/register", registration(organisation.id))
    client.get(link_in(outbox()[0]))
    response = client.post_form("/sign-in", {"email": "rosa.diaz@riverside.example.org", "password": TEST_PASSWORD})
    assert response.headers["Location"] == "/support/"
    page = client.get("/support/")
    assert page.status_code == 200
    text = main_text(page)
    assert "Your account is waiting to be approved" in text
    assert "before you can help anyone" in text
    assert "People you are helping" not in text


def test_a_signed_in_person_opening_the_register_page_goes_to_their_own_page(sign_in_as):
    client = sign_in_as(Role.SUPPORT_WORKER)
    assert client.get("/support/register").headers["Location"] == "/support/"


# Waiting workers cannot act


@pytest.fixture
def waiting_worker(app, db_session, make_user):
    organisation = an_organisation(db_session)
    user = make_user(Role.SUPPORT_WORKER, full_name="Wendy Waiting")
    db_session.add(SupportWorker(user_id=user.id, organisation_id=organisation.id, status="waiting"))
    db_session.flush()
    browser = app.test_client()
    sign_in_client(browser, user)
    browser.user = user
    return browser


def test_a_waiting_worker_cannot_start_helping_even_with_a_consent(waiting_worker, db_session, make_user):
    consent = a_client_consent(db_session, make_user, waiting_worker.user)
    response = waiting_worker.post_form(f"/support/clients/{consent.id}/help", {"to": "apply"}, token_from="/support/")
    assert response.status_code == 403
    with waiting_worker.session_transaction() as session:
        assert ACTING_KEY not in session
    assert "helper.started" not in [
        event.action for event in events_for_subject(db_session, "user", consent.applicant_id)
    ]


def test_a_waiting_worker_cannot_open_applicant_pages(waiting_worker, db_session, make_user):
    consent = a_client_consent(db_session, make_user, waiting_worker.user)
    assert waiting_worker.get("/apply/").status_code == 403
    with waiting_worker.session_transaction() as session:
        session[ACTING_KEY] = {"applicant": consent.applicant_id, "reason": None}
    assert waiting_worker.get("/apply/").status_code == 403


def test_a_waiting_worker_sees_no_clients(waiting_worker, db_session, make_user):
    a_client_consent(db_session, make_user, waiting_worker.user, full_name="Hidden Client")
    text = main_text(waiting_worker.get("/support/"))
    assert "waiting to be approved" in text
    assert "Hidden Client" not in text


def test_a_worker_set_up_by_an_administrator_without_a_profile_counts_as_waiting(sign_in_as):
    client = sign_in_as(Role.SUPPORT_WORKER)
    response = client.get("/support/")
    assert response.status_code == 200
    assert "Your account is waiting to be approved" in main_text(response)
    assert client.get("/support/settings").headers["Location"] == "/support/"


@pytest.mark.parametrize(
    ("status", "heading"),
    [("refused", "We could not approve your account"), ("suspended", "Your account is suspended")],
)
def test_a_refused_or_suspended_worker_is_told_why(app, db_session, make_user, status, heading):
    organisation = an_organisation(db_session)
    user = make_user(Role.SUPPORT_WORKER)
    db_session.add(
        SupportWorker(
            user_id=user.id,
            organisation_id=organisation.id,
            status=status,
            decision_reason="We could not check <b>who</b>",
        )
    )
    db_session.flush()
    browser = sign_in_client(app.test_client(), user)
    response = browser.get("/support/")
    text = main_text(response)
    assert heading in text
    assert "We could not check <b>who</b>" in text  # shown as text, never as markup
    assert "<b>who</b>" not in response.get_data(as_text=True)


# Email settings


def test_a_worker_turns_off_and_on_emails_about_their_clients(waiting_worker, db_session):
    page = BeautifulSoup(waiting_worker.get("/support/settings").get_data(as_text=True), "html.parser")
    assert page.select_one("input[name=email_client_updates][value=yes]").has_attr("checked")
    response = waiting_worker.post_form("/support/settings", {"email_client_updates": "no"})
    assert response.headers["Location"] == "/support/"
    db_session.expire_all()
    assert db_session.get(SupportWorker, waiting_worker.user.id).email_client_updates is False
    waiting_worker.post_form("/support/settings", {"email_client_updates": "yes"})
    db_session.expire_all()
    assert db_session.get(SupportWorker, waiting_worker.user.id).email_client_updates is True


def test_the_settings_page_asks_again_when_nothing_is_chosen(waiting_worker, db_session):
    response = waiting_worker.post_form("/support/settings", {"email_client_updates": "maybe"})
    assert response.status_code == 400
    assert errors_of(response) == ["Choose yes if you want these emails"]
    db_session.expire_all()
    assert db_session.get(SupportWorker, waiting_worker.user.id).email_client_updates is True


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.OFFICER])
def test_only_support_workers_reach_the_settings(sign_in_as, role):
    assert sign_in_as(role).get("/support/settings").status_code == 403
