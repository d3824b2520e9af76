"""The application in Arabic: right to left, and no English from our catalogue on the pages.

Layla starts her application in Arabic on a 320px wide phone. Every page runs
right to left and passes axe; the start page, the task list and the question
pages (one with a mistake on it) show no text from the portal's catalogue in
English: everything there is in Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.apply_walk import APPLY, PASSWORD, Walk, answer, born
from tests.browser.conftest import NARROW, LiveServer, sign_in, unique_email
from tests.browser.options_walk import TRANSLATIONS
from tests.browser.test_accessibility import path_of

pytestmark = pytest.mark.browser

LANGUAGE = "ar"
#: Where a message has something filled in, or a tag: what is between them is checked on its own.
FILLED_IN = re.compile(r"%\([a-z_]+\)[sd]|%%\{count\}|%[sd]|<[^>]+>")
#: The page's words, leaving out what is marked as another language (the language switcher) and scripts.
PAGE_WORDS = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('script, style, [lang]:not([lang|="ar"])').forEach(element => element.remove());
  return copy.textContent.replace(/\\s+/g, ' ');
}"""


def catalogue_entries() -> dict[str, tuple[str, ...]]:
    """Every message in the template and the Arabic catalogue, with its Arabic ("" when there is none)."""
    with (TRANSLATIONS / "messages.pot").open("rb") as template:
        entries: dict[str, tuple[str, ...]] = {}
        for message in read_po(template):
            for text in message.id if isinstance(message.id, tuple) else (message.id,):
                entries.setdefault(text, ("",))
    with (TRANSLATIONS / LANGUAGE / "LC_MESSAGES" / "messages.po").open("rb") as arabic:
        for message in read_po(arabic):
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in ids:
                entries[text] = ("",) if message.fuzzy else tuple(strings)
    entries.pop("", None)
    return entries


@cache
def english_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The English of every message that Arabic pages must not show: each part with words in it."""
    found: dict[str, re.Pattern[str]] = {}
    for text, arabic in catalogue_entries().items():
        if all(arabic) and text in arabic:
            continue  # the same in Arabic, like a name
        for part in FILLED_IN.split(text):
            part = part.strip(" .,:;!?()'\"-")
            if re.search(r"[A-Za-z]{2}", part) and part not in found:
                found[part] = re.compile(rf"(?<![A-Za-z]){re.escape(part)}(?![A-Za-z])")
    return tuple(found.items())


def english_on(page: Page) -> list[str]:
    words = page.evaluate(PAGE_WORDS)
    return [part for part, pattern in english_patterns() if pattern.search(words)]


def check_arabic(walk: Walk, where: str) -> None:
    walk.check(where)
    direction = walk.page.evaluate("() => getComputedStyle(document.querySelector('main')).direction")
    assert direction == "rtl", where
    english = english_on(walk.page)
    assert not english, f"{where} shows English from the catalogue: {english}"


def test_starting_an_application_in_arabic_is_right_to_left_with_no_english(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    email = unique_email("haddad")
    live_server.create_account(email, PASSWORD, "ليلى حداد")
    page = new_context(viewport=NARROW).new_page()
    sign_in(page, live_server, email, PASSWORD)
    walk = Walk(page, live_server, language=LANGUAGE)

    walk.page.goto(live_server(f"{APPLY}?lang={LANGUAGE}"))
    check_arabic(walk, "start page")
    walk.submit()  # Start your application
    assert path_of(page) == APPLY
    check_arabic(walk, "task list")
    expect(page.locator("main .govuk-task-list__item")).to_have_count(10)

    walk.click(page.locator(f"main a[href='{APPLY}about-you/']"))
    assert path_of(page) == f"{APPLY}about-you/date-of-birth"
    check_arabic(walk, "date of birth question")
    walk.submit()  # nothing typed: a mistake
    assert path_of(page) == f"{APPLY}about-you/date-of-birth"
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_arabic(walk, "date of birth question, with a mistake")

    answer(page, "date_of_birth", born(31))
    walk.submit()
    assert path_of(page) == f"{APPLY}about-you/sex"
    check_arabic(walk, "sex question")
    answer(page, "sex", "female")
    walk.submit()
    assert path_of(page) == f"{APPLY}about-you/ni-number"
    check_arabic(walk, "National Insurance number question")
