"""The service works with JavaScript switched off."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, expect

from portal.demo import DEMO_PASSWORD
from tests.browser.conftest import LiveServer, sign_in

pytestmark = pytest.mark.browser


def test_sign_in_and_out_without_javascript(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server("/sign-in?lang=en"))
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    # Without JavaScript the password stays a plain password field, with no Show button.
    expect(page.locator(".govuk-password-input__toggle")).to_be_hidden()

    sign_in(page, live_server, "applicant@example.org", DEMO_PASSWORD)
    assert urlsplit(page.url).path == "/account"
    expect(page.locator("main")).to_contain_text("applicant@example.org")
    # The timeout warning is a closed <dialog>: invisible without JavaScript.
    expect(page.locator("dialog")).to_be_hidden()

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert urlsplit(page.url).path == "/signed-out"
    page.goto(live_server("/account"))
    assert urlsplit(page.url).path == "/sign-in"


def test_errors_show_without_javascript(live_server: LiveServer, new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server("/register?lang=en"))
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("a")).to_have_count(4)
