"""Demo accounts, and the development outbox page."""

from __future__ import annotations

import pytest

from portal.auth.roles import Role
from portal.data import accounts
from portal.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo


def test_seed_demo_creates_every_role_once(db_session):
    assert seed_demo(db_session) == len(DEMO_ACCOUNTS)
    assert seed_demo(db_session) == 0
    roles = {accounts.get_user_by_email(db_session, email).role for email, _n, _r in DEMO_ACCOUNTS}
    assert roles == set(Role)


@pytest.mark.parametrize(
    ("email", "landing"),
    [
        ("applicant@example.org", "/account"),
        ("support@example.org", "/support/"),
        ("officer@example.org", "/officer/"),
        ("senior.officer@example.org", "/officer/"),
        ("admin@example.org", "/officer/"),
    ],
)
def test_demo_accounts_sign_in(client, db_session, email, landing):
    seed_demo(db_session)
    response = client.post_form("/sign-in", {"email": email, "password": DEMO_PASSWORD})
    assert response.headers["Location"] == landing
    assert client.get(landing).status_code == 200


def test_outbox_page_shows_sent_emails(client):
    client.post_form("/password-reset", {"email": "nobody@example.org"})
    client.post_form(
        "/register",
        {
            "full_name": "Out Box",
            "email": "outbox@example.org",
            "password": "Long-enough-pass-1",
            "confirm_password": "Long-enough-pass-1",
        },
    )
    page = client.get("/dev/outbox").get_data(as_text=True)
    assert "outbox@example.org" in page
    assert "Confirm your email address" in page
