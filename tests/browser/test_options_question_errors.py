"""Mistakes in the housing options answers, in a real browser, on a 320px wide screen.

A wrong answer (an age of 500, 120 children, a date that cannot be, letters
for money) shows the GOV.UK error summary and the error by the box, on the
same page, with focus on the summary and what was typed still there. Going
back page by page with the Back link shows every earlier answer still kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import NARROW, LiveServer
from tests.browser.options_walk import (
    QUESTIONS,
    Answer,
    Persona,
    answer,
    check_page,
    path_of,
    press_continue,
    start,
)

pytestmark = pytest.mark.browser

TODAY = dt.date.today()
LEAVE_DATE = TODAY + dt.timedelta(days=60)
PERSON = Persona(
    "person who makes mistakes",
    {
        "safe_tonight": "yes",
        "abuse": "no",
        "where_live": "private_rented",
        "told_to_leave": "yes",
        "leave_date": (str(LEAVE_DATE.day), str(LEAVE_DATE.month), str(LEAVE_DATE.year)),
        "age": "34",
        "partner": "no",
        "children": "1",
        "children_details": [("5", "female")],
        "other_adults": "0",
        "pregnant": "no",
        "bedrooms": "2",
        "shares_facilities": "no",
        "home_condition": "yes",
        "immigration": "settled",
        "residence": "yes",
        "work_local": "no",
        "health": "hard",
        "care_support": "no",
        "support_needs": "no",
        "armed_forces": "no",
        "income_yearly": "20000",
    },
    viewport=NARROW,
)


def answer_and_continue(page: Page, key: str) -> None:
    assert path_of(page) == QUESTIONS + key.replace("_", "-")
    check_page(page, PERSON, f"question {key}", exit_this_page=key == "abuse")
    answer(page, key, PERSON.answers[key])
    press_continue(page)


def send_wrong_answer(page: Page, key: str, wrong: Answer, *messages: str) -> None:
    """Send a wrong answer: the same page comes back with the errors, focus on the summary, and the answer kept."""
    answer(page, key, wrong)
    press_continue(page)
    assert path_of(page) == QUESTIONS + key.replace("_", "-"), "The page with the mistake is shown again"
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary, so it is read out first
    assert page.title().startswith("Error: ")
    links = summary.locator(".govuk-error-summary__list a")
    expect(links).to_have_count(len(messages))
    expect(links).to_contain_text(list(messages))
    for link in links.all():
        target = page.locator(link.get_attribute("href") or "")
        expect(target).to_have_count(1)
        assert "--error" in (target.get_attribute("class") or "")
    inline = page.locator("main form .govuk-error-message")
    expect(inline).to_have_count(len(messages))
    for message, shown in zip(messages, inline.all(), strict=True):
        expect(shown).to_contain_text(message)
    if isinstance(wrong, tuple):
        boxes = page.locator(f"main input[name='{key}']")
        assert [box.input_value() for box in boxes.all()] == list(wrong)
    elif isinstance(wrong, str):
        assert page.locator(f"main input[name='{key}']").input_value() == wrong
    check_page(page, PERSON, f"question {key} with a mistake", exit_this_page=False)


def check_kept(page: Page, key: str) -> None:
    """The answer given before is shown on its page."""
    given = PERSON.answers[key]
    if isinstance(given, list):
        for number, (age, sex) in enumerate(given, start=1):
            expect(page.locator(f"main input[name='age_{number}']")).to_have_value(age)
            expect(page.locator(f"main input[name='sex_{number}'][value='{sex}']")).to_be_checked()
    elif isinstance(given, tuple):
        boxes = page.locator(f"main input[name='{key}']")
        assert [box.input_value() for box in boxes.all()] == list(given)
    elif page.locator(f"main input[type=radio][name='{key}']").count():
        expect(page.locator(f"main input[name='{key}'][value='{given}']")).to_be_checked()
    else:
        expect(page.locator(f"main input[name='{key}']")).to_have_value(given)


def test_mistakes_are_shown_on_the_same_page_and_answers_are_kept(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(viewport=PERSON.viewport).new_page()
    start(page, live_server, PERSON)
    for key in ("safe_tonight", "abuse", "where_live", "told_to_leave"):
        answer_and_continue(page, key)

    next_year = str(TODAY.year + 1)
    send_wrong_answer(page, "leave_date", ("30", "2", next_year), "Enter a real date, like")
    send_wrong_answer(page, "leave_date", ("1", "1", str(TODAY.year + 5)), "The date must be in the next 2 years")
    answer_and_continue(page, "leave_date")

    send_wrong_answer(page, "age", "500", "Enter an age from 12 to 120")
    # The link in the error summary takes you to the box.
    page.locator(".govuk-error-summary a").first.click()
    expect(page.locator("main input[name='age']")).to_be_focused()
    answer_and_continue(page, "age")
    answer_and_continue(page, "partner")

    send_wrong_answer(page, "children", "120", "Enter a number of children from 0 to 15")
    answer_and_continue(page, "children")
    send_wrong_answer(
        page,
        "children_details",
        [("twelve", "female")],
        "Enter the age of child 1 as a whole number, like 7",
    )
    assert page.locator("main input[name='age_1']").input_value() == "twelve"
    expect(page.locator("main input[name='sex_1'][value='female']")).to_be_checked()
    answer_and_continue(page, "children_details")

    keys = list(PERSON.answers)
    for key in keys[keys.index("other_adults") : keys.index("income_yearly")]:
        answer_and_continue(page, key)
    send_wrong_answer(page, "income_yearly", "twenty thousand", "Enter an amount using numbers only, like 1,200.50")
    answer_and_continue(page, "income_yearly")
    assert path_of(page) == QUESTIONS + "take-home-monthly"

    # Back, page by page, to the first question: every answer is still there.
    for key in reversed(PERSON.answers):
        with page.expect_navigation():
            page.locator(".govuk-back-link").click()
        assert path_of(page) == QUESTIONS + key.replace("_", "-")
        check_kept(page, key)
    with page.expect_navigation():
        page.locator(".govuk-back-link").click()
    assert path_of(page) == "/options/"
    expect(page.get_by_role("button", name="Continue where you left off")).to_be_visible()
