"""Each page says which language it is in and which way the text runs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

DIRECTIONS = {"en": "ltr", "pl": "ltr", "ro": "ltr", "ar": "rtl", "ur": "rtl"}


def html_language(page: Page) -> tuple[str | None, str | None]:
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


@pytest.mark.parametrize("language", DIRECTIONS)
def test_lang_and_dir_follow_the_chosen_language(live_server: LiveServer, page: Page, language: str) -> None:
    page.goto(live_server(f"/?lang={language}"))
    assert html_language(page) == (language, DIRECTIONS[language])
    direction = page.evaluate("() => getComputedStyle(document.querySelector('main')).direction")
    assert direction == DIRECTIONS[language]

    # The choice is kept for the next page, without ?lang= in the address.
    page.goto(live_server("/sign-in"))
    assert html_language(page) == (language, DIRECTIONS[language])


def test_language_switcher_changes_the_language(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server("/sign-in?lang=en"))
    with page.expect_navigation():
        page.locator("a[hreflang='ar']").first.click()
    assert html_language(page) == ("ar", "rtl")
    # The page name in the switcher is marked up in its own language.
    current = page.locator("[aria-current='true'][lang='ar']")
    expect(current).to_have_count(1)
    with page.expect_navigation():
        page.locator("a[hreflang='en']").first.click()
    assert html_language(page) == ("en", "ltr")
