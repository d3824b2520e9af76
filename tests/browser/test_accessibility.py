"""Every public page passes axe in every language, at a phone and a desktop width."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import NARROW, WIDE, LiveServer

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "pl", "ro", "ar", "ur"]
RTL = {"ar", "ur"}
PAGES = [
    "/",
    "/register",
    "/sign-in",
    "/password-reset",
    "/accessibility",
    "/privacy",
    "/cookies",
    "/contact",
]
WIDTHS = {"320": NARROW, "1280": WIDE}


def open_page(new_context: Callable[..., BrowserContext], url: str, viewport: dict) -> Page:
    page = new_context(viewport=viewport).new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"
    return page


def assert_no_horizontal_scrolling(page: Page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    if widths["scroll"] > widths["inner"]:
        wide = page.evaluate(
            """() => Array.from(document.querySelectorAll('body *'))
                .filter(el => {
                  const r = el.getBoundingClientRect();
                  return r.right > window.innerWidth + 0.5 || r.left < -0.5;
                })
                .slice(0, 8)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                     + (el.className && typeof el.className === 'string'
                        ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))"""
        )
        raise AssertionError(
            f"{page.url} scrolls sideways at {widths['inner']}px "
            f"(content is {widths['scroll']}px wide). Too wide: {wide}"
        )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(
    live_server: LiveServer,
    new_context: Callable[..., BrowserContext],
    path: str,
    language: str,
    width: str,
) -> None:
    page = open_page(new_context, live_server(f"{path}?lang={language}"), WIDTHS[width])
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language in RTL else "ltr")
    assert_no_axe_violations(page, f"{path} in {language} at {width}px")
    if width == "320":
        assert_no_horizontal_scrolling(page)


FORMS = {
    "/register": "Create account",
    "/sign-in": "Sign in",
    "/password-reset": "Send the link",
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", FORMS)
def test_form_errors_have_no_axe_violations(
    live_server: LiveServer,
    new_context: Callable[..., BrowserContext],
    path: str,
    language: str,
    width: str,
) -> None:
    page = open_page(new_context, live_server(f"{path}?lang={language}"), WIDTHS[width])
    with page.expect_navigation():
        page.locator("main form[method=post] [type=submit]").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert page.locator("html").get_attribute("lang") == language
    assert page.title().startswith(page.evaluate("() => document.title").split(" ")[0])
    # GOV.UK Frontend moves focus to the error summary so screen readers hear it.
    assert page.evaluate(
        "() => document.activeElement && document.activeElement.classList.contains('govuk-error-summary')"
    )
    # Every error in the summary links to a field on the page.
    for link in summary.locator("a").all():
        href = link.get_attribute("href")
        assert href and href.startswith("#")
        assert page.locator(href).count() == 1, f"{href} is not on {path}"
    assert_no_axe_violations(page, f"{path} with errors in {language} at {width}px")
    if width == "320":
        assert_no_horizontal_scrolling(page)
