"""Every error a person may meet has a clear page, in their language."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import BadRequest

from portal.app import create_app
from portal.data.db import Database


def test_not_found(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_method_not_allowed_is_a_page_not_a_crash(client):
    response = client.put("/sign-in")
    assert response.status_code == 405
    assert "Sorry, something went wrong" in response.get_data(as_text=True)


def test_too_large(client, app):
    token = client.csrf_token("/sign-in")
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/sign-in", data={"csrf_token": token, "email": big, "password": "p"})
    assert response.status_code == 413
    assert "The file is too big" in response.get_data(as_text=True)


def test_expired_form(client):
    response = client.post("/password-reset", data={"csrf_token": "forged", "email": "a@b.example"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "This page timed out" in page
    assert 'href="/password-reset"' in page


@pytest.fixture
def fragile_app(app):
    settings = dict(app.config)
    settings["PROPAGATE_EXCEPTIONS"] = False
    fragile = create_app(settings)

    def broken():
        raise RuntimeError("something unexpected")

    def bad_request():
        raise BadRequest()

    for rule, view in (("/broken", broken), ("/bad-request", bad_request)):
        view.portal_access = "public"
        fragile.add_url_rule(rule, view.__name__, view)
    yield fragile
    Database.state(fragile).engine.dispose()


def test_server_error_page(fragile_app, db_session):
    response = fragile_app.test_client().get("/broken?lang=ro")
    assert response.status_code == 500
    assert response.headers["Content-Security-Policy"]
    page = response.get_data(as_text=True)
    assert 'lang="ro"' in page
    assert "something unexpected" not in page


def test_bad_request_page(fragile_app, db_session):
    response = fragile_app.test_client().get("/bad-request")
    assert response.status_code == 400
    assert "Sorry, something went wrong" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/verify-email/" + "x" * 300, "/password-reset/%00%ff", "/sign-in?next=%ff%fe"])
def test_odd_urls_never_crash(client, path):
    assert client.get(path).status_code in {200, 302, 404}


def test_health_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok", "rate_limits": "ok"}


def test_health_check_reports_a_broken_database(fragile_app):
    Database.state(fragile_app).engine.dispose()
    fragile_app.config["DATABASE_URL"] = "sqlite:////nonexistent/folder/db.sqlite3"
    from portal.data.db import make_engine, make_session_factory

    broken = make_engine(fragile_app.config["DATABASE_URL"])
    Database.state(fragile_app).engine = broken
    Database.state(fragile_app).factory = make_session_factory(broken)
    response = fragile_app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unavailable"
