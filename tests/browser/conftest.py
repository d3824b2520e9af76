"""Fixtures for the browser tests: live servers, one Chromium, a context per test.

The live server is a real WSGI server on 127.0.0.1 in a daemon thread, on its
own SQLite database seeded with the demo accounts. A second, "fast" server
with a short idle timeout is started only when a test asks for it.
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from werkzeug.serving import BaseWSGIServer, make_server

from portal.app import create_app
from portal.config import TestingConfig
from portal.data.migrate import upgrade_database

# Debian's Chromium (Playwright's own browser downloads are not used). Override with CHROMIUM_PATH.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 900}


@dataclass
class LiveServer:
    app: Flask
    url: str
    outbox: Path
    server: BaseWSGIServer
    thread: threading.Thread

    def __call__(self, path: str = "/") -> str:
        return self.url + path

    def emails(self) -> list[EmailMessage]:
        parser = BytesParser(policy=policy.default)
        files = sorted(self.outbox.glob("*.eml"), key=lambda p: int(p.stem))  # time_ns names
        return [parser.parsebytes(p.read_bytes()) for p in files]  # type: ignore[misc]

    def newest_email_to(self, address: str) -> EmailMessage:
        for message in reversed(self.emails()):
            if address.lower() in str(message["To"]).lower():
                return message
        raise AssertionError(f"No email to {address} in {self.outbox}")

    def link_in_newest_email_to(self, address: str, path_prefix: str) -> str:
        """The link in the newest email to this address whose path starts with path_prefix."""
        message = self.newest_email_to(address)
        body = message.get_body(preferencelist=("plain",))
        assert body is not None, f"The email to {address} has no text part"
        text = body.get_content()
        match = re.search(rf"https?://\S+?{re.escape(path_prefix)}\S+", text)
        assert match, f"No {path_prefix} link in the email to {address}:\n{text}"
        return match.group(0)

    def session_cookie(self, data: dict[str, Any]) -> dict[str, str]:
        """A session cookie holding this data, for ``BrowserContext.add_cookies``: a journey part way through."""
        with self.app.test_client() as client:
            with client.session_transaction() as session:
                session.update(data)
            cookie = client.get_cookie(self.app.config["SESSION_COOKIE_NAME"])
        assert cookie is not None
        return {"name": cookie.key, "value": cookie.value, "url": self.url}

    def create_account(self, email: str, password: str, full_name: str = "Browser Test") -> None:
        """Make a confirmed applicant account directly in the server's database."""
        from portal.data.accounts import create_user
        from portal.data.base import utcnow
        from portal.extensions import db

        with self.app.app_context():
            create_user(db.session, email=email, full_name=full_name, password=password, verified_at=utcnow())
            db.commit()


def _start_server(folder: Path, **overrides: Any) -> LiveServer:
    from portal.demo import seed_demo
    from portal.extensions import db

    url = f"sqlite:///{folder / 'browser.sqlite3'}"
    settings = {key: getattr(TestingConfig, key) for key in dir(TestingConfig) if key.isupper()}
    settings.update(
        DATABASE_URL=url,
        OUTBOX_DIR=str(folder / "outbox"),
        UPLOAD_DIR=str(folder / "uploads"),
        RATELIMIT_ENABLED=False,
        **overrides,
    )
    (folder / "outbox").mkdir(parents=True, exist_ok=True)
    (folder / "uploads").mkdir(parents=True, exist_ok=True)
    upgrade_database(url)
    app = create_app(settings)
    with app.app_context():
        seed_demo(db.session)
        db.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    return LiveServer(
        app=app,
        url=f"http://127.0.0.1:{server.server_port}",
        outbox=folder / "outbox",
        server=server,
        thread=thread,
    )


def _stop_server(live: LiveServer) -> None:
    live.server.shutdown()
    live.server.server_close()
    live.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = _start_server(tmp_path_factory.mktemp("browser"))
    yield live
    _stop_server(live)


@pytest.fixture(scope="session")
def fast_timeout_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server that warns after 3 idle seconds and signs out after 12 (IDLE_WARNING_SECONDS=9)."""
    live = _start_server(
        tmp_path_factory.mktemp("browser-fast"),
        IDLE_TIMEOUT_SECONDS=12,
        IDLE_WARNING_SECONDS=9,
    )
    yield live
    _stop_server(live)


def unique_email(label: str = "person") -> str:
    return f"{label}-{uuid.uuid4().hex[:12]}@example.org"


def sign_in(page: Page, server: LiveServer, email: str, password: str) -> None:
    """Sign in through the form (works with and without JavaScript)."""
    page.goto(server("/sign-in?lang=en"))
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"No Chromium at {CHROMIUM}: run `make test` as root, `apt-get install chromium`, or set CHROMIUM_PATH"
        )
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts (closed at the end of the test)."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("viewport", WIDE)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
