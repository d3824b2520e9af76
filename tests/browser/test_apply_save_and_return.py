"""Save and come back: answers are kept when someone signs out part way through a section.

Rosa starts adding her son to her household on a 320px wide phone, signs out
half way through, signs in again later and goes on from the first question
she has not answered, with every answer she gave still there.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.apply_walk import (
    APPLY,
    PASSWORD,
    Walk,
    answer,
    born,
    signed_in_walk,
    start_application,
    task_status,
)
from tests.browser.conftest import NARROW, LiveServer, sign_in, unique_email
from tests.browser.test_accessibility import path_of

pytestmark = pytest.mark.browser


def sign_out(walk: Walk) -> None:
    """Open the menu (folded away on a narrow screen), go to the account page and sign out."""
    page = walk.page
    menu = page.locator("header .govuk-service-navigation__toggle")
    if menu.is_visible():
        menu.click()
    walk.click(page.locator("header a[href='/account']"))
    walk.click(page.get_by_role("button", name="Sign out"), exit_this_page=False)
    assert path_of(page) == "/signed-out"


def date_boxes(page: Page) -> list[str]:
    return [box.input_value() for box in page.locator("main input[name='date_of_birth']").all()]


def test_answers_are_kept_after_signing_out_and_the_section_goes_on_from_the_first_gap(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    email = unique_email("diaz")
    page = new_context(viewport=NARROW).new_page()
    walk = signed_in_walk(page, live_server, email, "Rosa Diaz")
    start_application(walk)

    walk.click(page.locator(f"main a[href='{APPLY}household/']"))
    assert path_of(page) == f"{APPLY}household/anyone-else"
    answer(page, "anyone_else", "yes")
    walk.submit()
    answer(page, "full_name", "Tom Diaz")
    walk.submit()
    tom_born = born(9)
    answer(page, "date_of_birth", tom_born)
    walk.submit()
    asked_next = path_of(page)
    assert asked_next.startswith(f"{APPLY}household/p") and asked_next.endswith("/sex")
    sign_out(walk)

    # Later, she signs in again and opens her application.
    sign_in(page, live_server, email, PASSWORD)
    walk.check("account, signed in again")
    walk.click(page.locator(f"main a[href='{APPLY}']"))
    assert path_of(page) == APPLY
    assert task_status(page, "household") == "In progress"
    assert task_status(page, "about-you") == "Not yet started"
    expect(page.locator("main")).to_contain_text("You have finished 0 of 10 sections.")

    # Going on with the section opens the first question she has not answered, about Tom.
    walk.click(page.locator(f"main a[href='{APPLY}household/']"))
    assert path_of(page) == asked_next
    expect(page.locator("main .govuk-caption-l")).to_have_text("Your household: Tom Diaz")
    assert page.locator("main input[name='sex']:checked").count() == 0

    # Going back shows the answers she gave before signing out.
    walk.click(page.locator(".govuk-back-link"))
    assert path_of(page).endswith("/date-of-birth")
    assert date_boxes(page) == list(tom_born)
    walk.click(page.locator(".govuk-back-link"))
    assert path_of(page).endswith("/full-name")
    expect(page.locator("main input[name='full_name']")).to_have_value("Tom Diaz")

    # She goes on from there to the end of the section, and nothing is asked twice.
    walk.submit()
    walk.submit()
    assert path_of(page) == asked_next
    answer(page, "sex", "male")
    walk.submit()
    answer(page, "relationship", "child")
    walk.submit()
    answer(page, "lives_with_you", "yes")
    walk.submit()
    answer(page, "add_another", "no")
    walk.submit()
    assert path_of(page) == f"{APPLY}household/check"
    expect(page.locator("main .govuk-summary-card__title")).to_have_text(["Tom Diaz"])
