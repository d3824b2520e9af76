"""Fixtures every test builds on.

- ``app``: one app for the run, on a database made by the migrations
  (SQLite by default; PostgreSQL with ``--postgres`` and TEST_DATABASE_URL).
- ``db_session``: the request sessions join one transaction that is rolled
  back after each test, so tests never see each other's data.
- ``client``: a test client that checks every HTML page it receives
  (see tests/html_checks.py). CSRF protection stays on: ``post_form``
  fetches the page first and sends its token, as a browser would.
- ``sign_in_as``: a client signed in with a given role.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from portal.app import create_app
from portal.auth.roles import Role
from portal.config import TestingConfig
from portal.data import accounts
from portal.data.base import utcnow
from portal.data.db import Database, make_engine, make_session_factory
from portal.data.migrate import upgrade_database
from portal.data.models import User
from portal.extensions import limiter
from tests.html_checks import check_page

TEST_PASSWORD = "Correct-horse-battery-9"  # noqa: S105
CSRF_PATTERN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgres",
        action="store_true",
        help="Run the database tests against TEST_DATABASE_URL (PostgreSQL).",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "db_session" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


def _reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.config.getoption("--postgres"):
        url = os.environ.get("TEST_DATABASE_URL", "")
        if not url.startswith("postgresql"):
            raise pytest.UsageError("--postgres needs TEST_DATABASE_URL=postgresql://...")
        from portal.config import normalise_database_url

        url = normalise_database_url(url)
        _reset_postgres(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    upgrade_database(url)
    return url


class CheckedClient(FlaskClient):
    """A test client that checks the structure of every HTML page it gets."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302 and response.data:
            check_page(response.get_data(as_text=True), str(args[0] if args else ""))
        return response

    def csrf_token(self, path: str) -> str:
        page = self.get(path)
        match = CSRF_PATTERN.search(page.get_data(as_text=True))
        assert match, f"No CSRF token on {path}"
        return match.group(1)

    def post_form(self, path: str, data: dict[str, Any], **kwargs: Any) -> Any:
        """Post a form the way a browser does: with the token from the page."""
        form = dict(data)
        form.setdefault("csrf_token", self.csrf_token(kwargs.pop("token_from", path)))
        return self.post(path, data=form, **kwargs)


@pytest.fixture(scope="session")
def app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    settings = {key: getattr(TestingConfig, key) for key in dir(TestingConfig) if key.isupper()}
    settings.update(
        DATABASE_URL=database_url,
        OUTBOX_DIR=str(tmp_path_factory.mktemp("outbox")),
        UPLOAD_DIR=str(tmp_path_factory.mktemp("uploads")),
    )
    application = create_app(settings)
    application.test_client_class = CheckedClient
    yield application
    Database.state(application).engine.dispose()


@pytest.fixture
def db_session(app: Flask) -> Iterator[Session]:
    state = Database.state(app)
    connection = state.engine.connect()
    transaction = connection.begin()
    original = state.factory
    state.factory = make_session_factory(connection, join_transaction_mode="create_savepoint")
    session = state.factory()
    try:
        yield session
    finally:
        session.close()
        state.factory = original
        transaction.rollback()
        connection.close()


@pytest.fixture(autouse=True)
def _fresh_rate_limits_and_outbox(app: Flask, request: pytest.FixtureRequest) -> Iterator[None]:
    # One limiter object serves every app in the run, and each app's setup sets whether it is on. The browser
    # tests' live server turns it off; every other test has it on, whichever app was set up last.
    limiter.enabled = bool(app.config["RATELIMIT_ENABLED"]) and request.node.get_closest_marker("browser") is None
    with app.app_context():
        limiter.reset()
    outbox = Path(app.config["OUTBOX_DIR"])
    for message in outbox.glob("*.eml"):
        message.unlink()
    yield


@pytest.fixture
def client(app: Flask, db_session: Session) -> CheckedClient:
    return app.test_client()  # type: ignore[return-value]


@pytest.fixture
def make_user(db_session: Session) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def make(role: Role = Role.APPLICANT, verified: bool = True, **fields: Any) -> User:
        number = next(counter)
        user = accounts.create_user(
            db_session,
            email=fields.pop("email", f"person{number}-{role.value}@example.org"),
            full_name=fields.pop("full_name", f"Test Person {number}"),
            password=fields.pop("password", TEST_PASSWORD),
            role=role,
            verified_at=utcnow() if verified else None,
            **fields,
        )
        db_session.flush()
        return user

    return make


def sign_in_client(client: FlaskClient, user: User) -> FlaskClient:
    with client.session_transaction() as session:
        session["_user_id"] = f"{user.id}:{user.session_version}"
        session["_fresh"] = True
        session["last_active"] = int(time.time())
    return client


@pytest.fixture
def sign_in_as(app: Flask, make_user: Callable[..., User]) -> Callable[..., CheckedClient]:
    def factory(role: Role, **fields: Any) -> CheckedClient:
        user = make_user(role, **fields)
        new_client = app.test_client()
        sign_in_client(new_client, user)
        new_client.user = user  # type: ignore[attr-defined]
        return new_client  # type: ignore[return-value]

    return factory


@pytest.fixture
def outbox(app: Flask) -> Callable[[], list[EmailMessage]]:
    def read() -> list[EmailMessage]:
        folder = Path(app.config["OUTBOX_DIR"])
        parser = BytesParser(policy=policy.default)
        return [parser.parsebytes(p.read_bytes()) for p in sorted(folder.glob("*.eml"))]  # type: ignore[misc]

    return read


def link_in(message: EmailMessage) -> str:
    """The first link to this site in an email, as a path."""
    body = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    match = re.search(r"https?://[^/\s]+(/\S+)", body)
    assert match, body
    return match.group(1)
