"""Whole journeys through the browser: register, confirm, sign in, sign out, reset a password."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import LiveServer, sign_in, unique_email

pytestmark = pytest.mark.browser

ERROR_SUMMARY = ".govuk-error-summary"
SUCCESS_BANNER = ".govuk-notification-banner--success"


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def test_register_confirm_sign_in_and_sign_out(live_server: LiveServer, page: Page) -> None:
    email = unique_email("register")
    password = "Plum-tree-orchard-42"  # noqa: S105

    page.goto(live_server("/register?lang=en"))
    page.get_by_label("Full name").fill("Browser Tester")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Create a password").fill(password)
    page.get_by_label("Type your password again").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    assert path_of(page) == "/register/check-your-email"
    expect(page.locator("h1")).to_have_text("Check your email")

    link = live_server.link_in_newest_email_to(email, "/verify-email/")
    assert urlsplit(link).netloc == urlsplit(live_server.url).netloc

    page.goto(link)
    assert path_of(page) == "/sign-in"
    expect(page.locator(SUCCESS_BANNER)).to_contain_text("Your email address is confirmed")

    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert path_of(page) == "/account"
    expect(page.locator("main")).to_contain_text(f"You are signed in as {email}")

    # Each confirmation link works once.
    page.goto(link)
    expect(page.locator("h1")).to_have_text("This link does not work any more")
    assert_no_axe_violations(page)

    page.goto(live_server("/account"))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert path_of(page) == "/signed-out"
    expect(page.locator("h1")).to_have_text("You have signed out")

    # Signed out for real: the account page asks to sign in again.
    page.goto(live_server("/account"))
    assert path_of(page) == "/sign-in"


def test_unconfirmed_account_cannot_sign_in(live_server: LiveServer, page: Page) -> None:
    email = unique_email("unconfirmed")
    password = "Plum-tree-orchard-42"  # noqa: S105
    page.goto(live_server("/register?lang=en"))
    page.get_by_label("Full name").fill("Not Confirmed")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Create a password").fill(password)
    page.get_by_label("Type your password again").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()

    sign_in(page, live_server, email, password)
    expect(page.locator("h1")).to_have_text("Confirm your email address")
    assert_no_axe_violations(page)
    page.goto(live_server("/account"))
    assert path_of(page) == "/sign-in"


def test_reset_password_through_the_emailed_link(live_server: LiveServer, page: Page) -> None:
    email = unique_email("reset")
    old_password = "Old-garden-gate-17"  # noqa: S105
    new_password = "New-river-bridge-83"  # noqa: S105
    live_server.create_account(email, old_password)

    page.goto(live_server("/sign-in?lang=en"))
    with page.expect_navigation():
        page.get_by_role("link", name="Forgotten your password?").click()
    assert path_of(page) == "/password-reset"
    page.get_by_label("Email address").fill(email)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the link").click()
    expect(page.locator("h1")).to_have_text("Check your email")

    link = live_server.link_in_newest_email_to(email, "/password-reset/")
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Create a new password")
    assert_no_axe_violations(page)
    page.get_by_label("Create a new password", exact=True).fill(new_password)
    page.get_by_label("Type your new password again").fill(new_password)
    with page.expect_navigation():
        page.get_by_role("button", name="Save new password").click()
    assert path_of(page) == "/sign-in"
    expect(page.locator(SUCCESS_BANNER)).to_contain_text("Your password has been changed")
    assert_no_axe_violations(page, "/sign-in with a success banner")

    # The link works only once.
    page.goto(link)
    expect(page.locator("h1")).to_have_text("This link does not work any more")

    # The old password no longer works.
    sign_in(page, live_server, email, old_password)
    assert path_of(page) == "/sign-in"
    expect(page.locator(ERROR_SUMMARY)).to_contain_text("Enter a correct email address and password")

    sign_in(page, live_server, email, new_password)
    assert path_of(page) == "/account"
    expect(page.locator("main")).to_contain_text(re.compile(re.escape(email)))


def test_wrong_password_shows_an_error_and_keeps_the_email(live_server: LiveServer, page: Page) -> None:
    sign_in(page, live_server, "applicant@example.org", "not-the-password")
    assert path_of(page) == "/sign-in"
    expect(page.locator(ERROR_SUMMARY)).to_contain_text("Enter a correct email address and password")
    expect(page.locator("#email")).to_have_value("applicant@example.org")
    expect(page.locator("#password")).to_have_value("")
