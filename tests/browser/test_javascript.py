"""GOV.UK Frontend's JavaScript starts, and the idle-timeout warning works."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from portal.demo import DEMO_PASSWORD
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import LiveServer, sign_in, unique_email

pytestmark = pytest.mark.browser

DIALOG = "dialog[data-module='app-timeout-warning']"


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def test_govuk_frontend_starts(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server("/sign-in?lang=en"))
    body_classes = page.locator("body").get_attribute("class") or ""
    assert "js-enabled" in body_classes and "govuk-frontend-supported" in body_classes

    # The password input's Show button appears, and shows and hides the password.
    toggle = page.locator(".govuk-password-input__toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text("Show")
    password = page.locator("#password")
    password.fill("Some-secret-123")
    toggle.click()
    expect(password).to_have_attribute("type", "text")
    expect(toggle).to_have_attribute("aria-label", "Hide password")
    toggle.click()
    expect(password).to_have_attribute("type", "password")


def test_show_button_is_translated(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server("/sign-in?lang=pl"))
    toggle = page.locator(".govuk-password-input__toggle")
    expect(toggle).to_be_visible()
    assert toggle.inner_text().strip() != "Show"


def test_signed_out_visitors_get_no_timeout_warning(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server("/?lang=en"))
    assert page.locator(DIALOG).count() == 0


def test_idle_timeout_warning(fast_timeout_server: LiveServer, new_context: Callable[..., BrowserContext]) -> None:
    """With a 6 second idle timeout and a 4 second warning:

    - the person who chooses "Stay signed in" is still signed in after 7.5 seconds;
    - the person who does nothing is signed out when the time runs out, for real;
    - the person in the middle of a form is signed out, and what they chose is kept.
    """
    server = fast_timeout_server
    emails = {name: unique_email(name) for name in ("stayer", "idler", "typist")}
    for email in emails.values():
        server.create_account(email, DEMO_PASSWORD)
    stayer = new_context().new_page()
    idler = new_context().new_page()
    typist = new_context().new_page()

    # The stayer signs in last: their timing matters most.
    sign_in(typist, server, emails["typist"], DEMO_PASSWORD)
    typist.goto(server("/account/language?lang=en"))
    typist.get_by_label("Polski").check()
    sign_in(idler, server, emails["idler"], DEMO_PASSWORD)
    sign_in(stayer, server, emails["stayer"], DEMO_PASSWORD)
    started = time.monotonic()
    assert path_of(idler) == "/account" and path_of(stayer) == "/account"

    # The warning opens after 3 seconds as a modal dialog, with focus in it.
    dialog = stayer.locator(DIALOG)
    expect(dialog).to_be_visible(timeout=8_000)
    assert stayer.evaluate(f'() => document.querySelector("{DIALOG}").open')
    assert stayer.evaluate(f'() => document.querySelector("{DIALOG}").contains(document.activeElement)')
    expect(dialog.get_by_role("heading")).to_have_text("Do you want to stay signed in?")
    assert_no_axe_violations(stayer, "the timeout warning on /account")

    # Choose to stay signed in about 5 seconds after the last page load
    # (the page itself would sign out after 12).
    time.sleep(max(0.0, started + 5.0 - time.monotonic()))
    assert time.monotonic() - started < 10.5, "Too slow to test the timeout warning reliably"
    with stayer.expect_response(lambda r: r.url.endswith("/account/keep-alive")) as keep_alive:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert keep_alive.value.status == 204
    expect(dialog).to_be_hidden()

    # The one who did nothing is taken to the signed-out page after 12 seconds...
    idler.wait_for_url("**/signed-out", timeout=20_000)
    expect(idler.locator("h1")).to_have_text("You have signed out")
    # ... and is really signed out: no signed-in navigation and no warning.
    assert idler.locator(DIALOG).count() == 0
    idler.goto(server("/account"))
    assert path_of(idler) == "/sign-in", "The idle person is still signed in after the timeout"

    # The one in the middle of a form is signed out too, and their choice is kept.
    typist.wait_for_url("**/sign-in**", timeout=20_000)
    expect(typist.locator(".govuk-notification-banner")).to_contain_text("We kept what you typed")
    typist.locator("#email").fill(emails["typist"])
    typist.locator("#password").fill(DEMO_PASSWORD)
    with typist.expect_navigation():
        typist.locator("main form [type=submit]").click()
    assert path_of(typist) == "/account/language"
    expect(typist.get_by_label("Polski")).to_be_checked()

    # More than 12 seconds after the page loaded, but not after "Stay signed in".
    time.sleep(max(0.0, started + 13.5 - time.monotonic()))
    stayer.goto(server("/account"))
    assert path_of(stayer) == "/account", "Stay signed in did not keep the session"
