"""People are signed out after a while with nothing happening, and keep what they typed."""

from __future__ import annotations

import time

from portal.auth.roles import Role
from tests.conftest import TEST_PASSWORD


def make_idle(client, app, seconds_ago: int) -> None:
    with client.session_transaction() as session:
        session["last_active"] = int(time.time()) - seconds_ago


def test_active_person_stays_signed_in(sign_in_as, app):
    client = sign_in_as(Role.APPLICANT)
    make_idle(client, app, app.config["IDLE_TIMEOUT_SECONDS"] - 60)
    assert client.get("/account").status_code == 200


def test_idle_person_is_signed_out_with_an_explanation(sign_in_as, app):
    client = sign_in_as(Role.APPLICANT)
    make_idle(client, app, app.config["IDLE_TIMEOUT_SECONDS"] + 1)
    response = client.get("/account")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You were signed out because nothing happened for a while" in page


def test_typed_answers_survive_a_timeout(sign_in_as, app):
    client = sign_in_as(Role.APPLICANT, email="typing@example.org")
    token = client.csrf_token("/account/language")
    make_idle(client, app, app.config["IDLE_TIMEOUT_SECONDS"] + 1)
    response = client.post("/account/language", data={"csrf_token": token, "language": "pl"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=/account/language")
    sign_in = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "We kept what you typed" in sign_in

    signed = client.post_form(
        "/sign-in?next=/account/language",
        {"email": "typing@example.org", "password": TEST_PASSWORD},
        token_from="/sign-in",
    )
    assert signed.headers["Location"] == "/account/language"
    page = client.get("/account/language").get_data(as_text=True)
    assert 'value="pl" checked' in page
    # The kept answers are used once only.
    assert 'value="pl" checked' not in client.get("/account/language").get_data(as_text=True)


def test_the_warning_dialog_is_on_signed_in_pages_only(sign_in_as, client, app):
    signed_in = sign_in_as(Role.APPLICANT).get("/account").get_data(as_text=True)
    assert 'data-module="app-timeout-warning"' in signed_in
    assert f'data-idle-seconds="{app.config["IDLE_TIMEOUT_SECONDS"]}"' in signed_in
    assert 'data-module="app-timeout-warning"' not in client.get("/").get_data(as_text=True)
