"""Registering, confirming an email address, signing in and out, resetting a password."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import accounts
from portal.data.base import utcnow
from portal.data.models import AccountToken, AuditEvent, TokenPurpose, User
from tests.conftest import TEST_PASSWORD, link_in

NEW_PASSWORD = "A-brand-new-passphrase-7"  # noqa: S105


def register(client, email="new.person@example.org", password=TEST_PASSWORD, **extra):
    data = {
        "full_name": "New Person",
        "email": email,
        "password": password,
        "confirm_password": password,
    }
    data.update(extra)
    return client.post_form("/register", data)


def test_register_confirm_email_and_sign_in(client, db_session, outbox):
    response = register(client)
    assert response.status_code == 302
    assert response.headers["Location"] == "/register/check-your-email"
    user = accounts.get_user_by_email(db_session, "new.person@example.org")
    assert user is not None and user.role is Role.APPLICANT and not user.is_verified
    assert user.password_hash.startswith("$argon2id$")

    [message] = outbox()
    assert message["To"] == "new.person@example.org"
    assert message["Subject"] == "Confirm your email address"
    verify = client.get(link_in(message))
    assert verify.status_code == 302
    db_session.refresh(user)
    assert user.is_verified

    signed_in = client.post_form("/sign-in", {"email": "New.Person@Example.org ", "password": TEST_PASSWORD})
    assert signed_in.status_code == 302
    assert signed_in.headers["Location"] == "/account"
    assert "new.person@example.org" in client.get("/account").get_data(as_text=True)


def test_verification_link_works_once(client, outbox):
    register(client)
    link = link_in(outbox()[0])
    assert client.get(link).status_code == 302
    again = client.get(link)
    assert again.status_code == 200
    assert "This link does not work any more" in again.get_data(as_text=True)


def test_registering_an_existing_email_reveals_nothing(client, make_user, outbox, db_session):
    existing = make_user(email="taken@example.org")
    response = register(client, email="taken@example.org")
    assert response.status_code == 302
    assert response.headers["Location"] == "/register/check-your-email"
    [message] = outbox()
    assert message["Subject"] == "You already have an account"
    count = db_session.scalar(select(User.id).where(User.email == "taken@example.org"))
    assert count == existing.id


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"full_name": ""}, "Enter your full name"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"password": "short", "confirm_password": "short"}, "at least 10 characters"),
        ({"confirm_password": "Something-else-entirely"}, "The passwords do not match"),
    ],
)
def test_registration_errors_are_shown_on_the_page(client, changes, message, db_session):
    response = register(client, **changes)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "There is a problem" in page
    assert message in page
    assert "Error:" in page.split("<title>")[1].split("</title>")[0]
    if "full_name" not in changes:
        assert 'value="New Person"' in page  # what was typed is kept
    assert accounts.get_user_by_email(db_session, "new.person@example.org") is None


def test_wrong_password_and_unknown_email_get_the_same_message(client, make_user):
    make_user(email="known@example.org")
    wrong = client.post_form("/sign-in", {"email": "known@example.org", "password": "nope-nope-nope"})
    unknown = client.post_form("/sign-in", {"email": "nobody@example.org", "password": "nope-nope-nope"})
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "Enter a correct email address and password" in response.get_data(as_text=True)
    assert client.get("/account").status_code == 302


def test_unverified_account_is_sent_a_new_link(client, make_user, outbox):
    make_user(email="unverified@example.org", verified=False)
    response = client.post_form("/sign-in", {"email": "unverified@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "Confirm your email address" in response.get_data(as_text=True)
    assert outbox()[0]["Subject"] == "Confirm your email address"
    assert client.get("/account").status_code == 302


def test_sign_in_starts_a_fresh_session(client, make_user):
    make_user(email="fixation@example.org")
    client.get("/sign-in")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    client.post_form("/sign-in", {"email": "fixation@example.org", "password": TEST_PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].endswith(":1")


def test_sign_in_is_audited(client, make_user, db_session):
    user = make_user(email="audited@example.org")
    client.post_form("/sign-in", {"email": "audited@example.org", "password": TEST_PASSWORD})
    actions = db_session.scalars(select(AuditEvent.action).where(AuditEvent.actor_id == user.id)).all()
    assert "account.signed_in" in actions


@pytest.mark.parametrize(
    ("next_path", "expected"),
    [
        ("/account/language", "/account/language"),
        ("//evil.example.com/", "/account"),
        ("https://evil.example.com/", "/account"),
        ("/\\evil.example.com", "/account"),
        ("javascript:alert(1)", "/account"),
    ],
)
def test_next_only_goes_to_local_paths(client, make_user, next_path, expected):
    make_user(email="next@example.org")
    response = client.post_form(
        f"/sign-in?next={next_path}",
        {"email": "next@example.org", "password": TEST_PASSWORD},
        token_from="/sign-in",
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_sign_out_ends_the_session(sign_in_as):
    client = sign_in_as(Role.APPLICANT)
    assert client.get("/account").status_code == 200
    response = client.post_form("/sign-out", {}, token_from="/account")
    assert response.headers["Location"] == "/signed-out"
    assert client.get("/account").status_code == 302


def test_password_reset_flow(client, make_user, outbox, db_session):
    user = make_user(email="forgetful@example.org")
    other_device = client.application.test_client()
    from tests.conftest import sign_in_client

    sign_in_client(other_device, user)
    assert other_device.get("/account").status_code == 200

    sent = client.post_form("/password-reset", {"email": "forgetful@example.org"})
    assert "If there is an account with that email address" in sent.get_data(as_text=True)
    link = link_in(outbox()[0])
    assert client.get(link).status_code == 200
    done = client.post_form(link, {"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    assert done.headers["Location"] == "/sign-in"

    # The link is single-use, and the other session has ended.
    assert "This link does not work any more" in client.get(link).get_data(as_text=True)
    assert other_device.get("/account").status_code == 302
    old = client.post_form("/sign-in", {"email": "forgetful@example.org", "password": TEST_PASSWORD})
    assert "Enter a correct email address and password" in old.get_data(as_text=True)
    new = client.post_form("/sign-in", {"email": "forgetful@example.org", "password": NEW_PASSWORD})
    assert new.headers["Location"] == "/account"


def test_reset_for_unknown_email_looks_the_same(client, outbox):
    response = client.post_form("/password-reset", {"email": "nobody@example.org"})
    assert "If there is an account with that email address" in response.get_data(as_text=True)
    assert outbox() == []


def test_expired_reset_link_does_not_work(client, make_user, db_session, app):
    user = make_user()
    with app.test_request_context():
        token = accounts.issue_token(db_session, user, TokenPurpose.RESET_PASSWORD, timedelta(hours=1))
    record = db_session.scalar(select(AccountToken).where(AccountToken.user_id == user.id))
    record.expires_at = utcnow() - timedelta(seconds=1)
    db_session.flush()
    page = client.get(f"/password-reset/{token}").get_data(as_text=True)
    assert "This link does not work any more" in page


def test_a_new_reset_link_retires_the_old_one(db_session, make_user):
    user = make_user()
    first = accounts.issue_token(db_session, user, TokenPurpose.RESET_PASSWORD, timedelta(hours=1))
    second = accounts.issue_token(db_session, user, TokenPurpose.RESET_PASSWORD, timedelta(hours=1))
    assert accounts.find_valid_token(db_session, first, TokenPurpose.RESET_PASSWORD) is None
    assert accounts.find_valid_token(db_session, second, TokenPurpose.RESET_PASSWORD) is not None
    assert accounts.find_valid_token(db_session, second, TokenPurpose.VERIFY_EMAIL) is None


def test_keep_alive(sign_in_as):
    client = sign_in_as(Role.APPLICANT)
    token = client.csrf_token("/account")
    response = client.post("/account/keep-alive", headers={"X-CSRFToken": token})
    assert response.status_code == 204


def test_saving_a_language_preference(sign_in_as, db_session):
    client = sign_in_as(Role.APPLICANT)
    response = client.post_form("/account/language", {"language": "ro"})
    assert response.headers["Location"] == "/account"
    db_session.refresh(client.user)
    assert client.user.preferred_locale == "ro"
    assert "portal_lang=ro" in response.headers["Set-Cookie"]
    bad = client.post_form("/account/language?lang=en", {"language": "xx"}, token_from="/account/language")
    assert bad.status_code == 200
    assert "Choose the language you want us to use" in bad.get_data(as_text=True)
