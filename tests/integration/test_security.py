"""Security headers, CSRF protection, rate limits and safe redirects."""

from __future__ import annotations

import re

import pytest

from portal.security import content_security_policy, is_safe_local_path


def test_security_headers_on_every_page(client):
    response = client.get("/")
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in headers  # only in production
    assert headers["Cache-Control"] == "no-store"


def test_every_inline_script_carries_the_response_nonce(client):
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script([^>]*)>", response.get_data(as_text=True))
    assert scripts
    for attributes in scripts:
        assert f'nonce="{nonce}"' in attributes or "src=" in attributes


def test_nonce_changes_with_every_response(client):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    assert first != second
    assert content_security_policy("abc").count("'nonce-abc'") == 1


def test_a_form_posted_without_its_token_is_refused(client, make_user):
    make_user(email="csrf@example.org")
    response = client.post("/sign-in", data={"email": "csrf@example.org", "password": "x" * 12})
    assert response.status_code == 400
    assert "This page timed out" in response.get_data(as_text=True)
    assert client.get("/account").status_code == 302


def test_session_cookie_flags(client, make_user):
    from tests.conftest import TEST_PASSWORD

    make_user(email="cookie@example.org")
    response = client.post_form("/sign-in", {"email": "cookie@example.org", "password": TEST_PASSWORD})
    cookie = next(v for v in response.headers.getlist("Set-Cookie") if v.startswith("portal_session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


@pytest.mark.parametrize(
    ("path", "form", "limit"),
    [
        ("/sign-in", {"email": "someone@example.org", "password": "wrong-password"}, 10),
        ("/register", {"full_name": "", "email": "", "password": "", "confirm_password": ""}, 5),
        ("/password-reset", {"email": "someone@example.org"}, 5),
        ("/verify-email", {"email": "someone@example.org"}, 10),
    ],
)
def test_rate_limits(client, path, form, limit):
    token = client.csrf_token(path)
    statuses = [client.post(path, data={**form, "csrf_token": token}).status_code for _ in range(limit + 1)]
    assert 429 not in statuses[:limit]
    assert statuses[limit] == 429
    page = client.post(path, data={**form, "csrf_token": token})
    assert "You have tried too many times" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        ("/account", True),
        ("/apply/?step=2", True),
        ("", False),
        (None, False),
        ("account", False),
        ("//evil.example", False),
        ("/\\evil.example", False),
        ("https://evil.example/", False),
        ("/\tjavascript:alert(1)", False),
    ],
)
def test_is_safe_local_path(target, safe):
    assert is_safe_local_path(target) is safe
