"""Five people walk the housing options questions in a real browser, end to end, and get their plan.

Each starts at /options/, answers every question as a person would, checks
their answers and sees their options. Every page on the way passes axe; two
people use a 320px wide screen, where no page may scroll sideways. One person
walks in Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Route, expect

from tests.browser.conftest import NARROW, LiveServer, unique_email
from tests.browser.options_walk import (
    EXIT_URL,
    RESULTS,
    URGENT_HELP,
    Persona,
    check_answer_rows,
    check_page,
    check_plan,
    option_text,
    path_of,
    plan_summary,
    see_options,
    translated,
    walk_to_check_answers,
)

pytestmark = pytest.mark.browser

NOTHING_UNUSUAL = {
    "immigration": "british_irish",
    "residence": "yes",
    "work_local": "no",
    "health": "no",
    "care_support": "no",
    "support_needs": "no",
    "armed_forces": "no",
}

FAMILY = Persona(
    "family of four, overcrowded",
    {
        "safe_tonight": "yes",
        "abuse": "no",
        "where_live": "private_rented",
        "told_to_leave": "no",
        "age": "35",
        "partner": "yes",
        "children": "2",
        "children_details": [("9", "male"), ("6", "female")],
        "other_adults": "0",
        "pregnant": "no",
        "bedrooms": "1",
        "shares_facilities": "no",
        "home_condition": "no",
        **NOTHING_UNUSUAL,
        "work_local": "yes",
        "income_yearly": "28,000",
        "take_home_monthly": "£1,900",
        "savings": "250",
        "owns_home": "no",
    },
)
ROUGH_SLEEPER = Persona(
    "man sleeping rough",
    {
        "safe_tonight": "no",
        "abuse": "no",
        "where_live": "rough_sleeping",
        "age": "40",
        "partner": "no",
        "children": "0",
        "other_adults": "0",
        "pregnant": "no",
        **NOTHING_UNUSUAL,
        "income_yearly": "0",
        "take_home_monthly": "0",
        "savings": "0",
        "owns_home": "no",
    },
    viewport=NARROW,
)
LEAVING_ABUSE = Persona(
    "woman leaving abuse with her children",
    {
        "safe_tonight": "yes",
        "abuse": "yes",
        "where_live": "living_with_family",
        "told_to_leave": "no",
        "age": "29",
        "partner": "no",
        "children": "2",
        "children_details": [("7", "male"), ("4", "female")],
        "other_adults": "0",
        "pregnant": "no",
        "bedrooms": "3",
        "home_condition": "no",
        **NOTHING_UNUSUAL,
        "residence": "less",
        "income_yearly": "12000",
        "take_home_monthly": "1100",
        "savings": "0",
        "owns_home": "no",
    },
    viewport=NARROW,
)
COUPLE_BUYING = Persona(
    "couple who could buy a share",
    {
        "safe_tonight": "yes",
        "abuse": "no",
        "where_live": "private_rented",
        "told_to_leave": "no",
        "age": "31",
        "partner": "yes",
        "children": "0",
        "other_adults": "0",
        "pregnant": "no",
        "bedrooms": "1",
        "shares_facilities": "no",
        "home_condition": "no",
        **NOTHING_UNUSUAL,
        "work_local": "yes",
        "income_yearly": "45000",
        "take_home_monthly": "2,900",
        "savings": "30,000",
        "owns_home": "no",
    },
)
OLDER_HOMEOWNER = Persona(
    "homeowner aged 72 living alone",
    {
        "safe_tonight": "yes",
        "abuse": "no",
        "where_live": "owner_occupier",
        "told_to_leave": "no",
        "age": "72",
        "partner": "no",
        "children": "0",
        "other_adults": "0",
        "pregnant": "no",
        "bedrooms": "3",
        "home_condition": "no",
        **NOTHING_UNUSUAL,
        "health": "hard",
        "care_support": "yes",
        "income_yearly": "15,000",
        "take_home_monthly": "1,100",
        "savings": "20000",
    },
)
FAMILY_IN_ARABIC = Persona("family of four, in Arabic", FAMILY.answers, language="ar", viewport=NARROW)


def test_family_overcrowded_in_a_private_let_can_join_the_register(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(viewport=FAMILY.viewport).new_page()
    walk_to_check_answers(page, live_server, FAMILY)
    rows = dict(check_answer_rows(page))
    assert len(rows) == len(FAMILY.answers) - 1  # the children's ages are in the Children row
    assert "boy aged 9" in rows["Children"] and "girl aged 6" in rows["Children"]
    assert rows["Household income"] == "£28,000 a year"
    assert rows["Money each month"] == "£1,900 a month"

    see_options(page, FAMILY, exit_this_page=False)
    check_plan(
        page, [("register", "yes"), ("social_rent", "yes"), ("affordable_rent", "maybe"), ("private_renting", "maybe")]
    )
    summary = plan_summary(page)
    assert summary["Bedrooms you are likely to need"] == "2 bedrooms"
    assert re.fullmatch(r"Band [1-4] \(.+\)", summary["Your likely band"]), summary
    assert page.locator("#get-help-today").count() == 0
    register = option_text(page, "register")
    assert "short of 1 bedroom" in register
    social_rent = option_text(page, "social_rent")
    assert "£116.80" in social_rent and "£506.13" in social_rent  # the council's typical 2 bedroom rent

    # Keep the plan: download it as a PDF, then email it.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your plan as a PDF").click()
    download = download_info.value
    assert download.suggested_filename == "housing-options-plan.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    address = unique_email("plan")
    with page.expect_navigation():
        page.get_by_role("link", name="Email your plan").click()
    check_page(page, FAMILY, "email your plan", exit_this_page=False)
    page.get_by_label("What email address should we send your plan to?").fill(address)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the plan").click()
    expect(page.locator("h1")).to_have_text("We have sent your plan")
    check_page(page, FAMILY, "plan sent", exit_this_page=False)
    email = live_server.newest_email_to(address)
    attachments = list(email.iter_attachments())
    assert [part.get_filename() for part in attachments] == ["housing-options-plan.pdf"]
    assert attachments[0].get_content().startswith(b"%PDF-")
    text = email.get_body(preferencelist=("plain",))
    assert text is not None and "Join the housing register" in text.get_content()


def test_man_sleeping_rough_is_shown_help_today_first(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(viewport=ROUGH_SLEEPER.viewport).new_page()
    seen = walk_to_check_answers(page, live_server, ROUGH_SLEEPER)
    assert seen[:3] == ["safe_tonight", "abuse", URGENT_HELP]
    # Someone sleeping outside is not asked about being told to leave, or about bedrooms.
    assert not {"told_to_leave", "bedrooms", "home_condition"} & set(seen)

    see_options(page, ROUGH_SLEEPER, exit_this_page=False)
    # The plan leads with help today, before the summary and the options.
    first_heading = page.locator("main h2").first
    expect(first_heading).to_have_text("Get help today")
    help_today = page.locator("#get-help-today")
    expect(help_today).to_contain_text("01234 567890")  # the council's homelessness team
    expect(help_today).to_contain_text("StreetLink")
    expect(help_today.locator(".govuk-summary-card__title")).to_contain_text(["homelessness team", "StreetLink"])
    plan = check_plan(
        page,
        [
            ("homelessness_help", "yes"),
            ("register", "maybe"),
            ("social_rent", "maybe"),
            ("affordable_rent", "maybe"),
            ("private_renting", "maybe"),
        ],
    )
    assert dict(plan)["domestic_abuse_help"] == "no"

    # The urgent help page, seen after the first questions, named StreetLink too.
    page.goto(live_server(URGENT_HELP))
    expect(page.locator("main .govuk-summary-card__title")).to_contain_text(
        ["homelessness team", "Shelter", "StreetLink"]
    )


def test_woman_leaving_abuse_can_exit_quickly_at_every_step(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    context = new_context(viewport=LEAVING_ABUSE.viewport)
    page = context.new_page()
    seen = walk_to_check_answers(page, live_server, LEAVING_ABUSE)
    assert seen[:3] == ["safe_tonight", "abuse", URGENT_HELP]
    rows = dict(check_answer_rows(page))
    assert rows["Someone hurting you or making you afraid"] == "Yes"

    see_options(page, LEAVING_ABUSE, exit_this_page=True)
    help_today = page.locator("#get-help-today")
    expect(help_today).to_contain_text("999")
    expect(help_today).to_contain_text("National Domestic Abuse Helpline")
    check_plan(
        page,
        [
            ("domestic_abuse_help", "yes"),
            ("homelessness_help", "yes"),
            ("register", "maybe"),
            ("social_rent", "maybe"),
            ("affordable_rent", "maybe"),
            ("private_renting", "maybe"),
        ],
    )
    assert "local connection rule does not apply" in option_text(page, "domestic_abuse_help")
    expect(page.locator("main")).to_contain_text("think about whether it is safe to keep a copy of this plan")

    # Far down the long plan, Exit this page is still at the top of the screen.
    email_link = page.get_by_role("link", name="Email your plan")
    email_link.scroll_into_view_if_needed()
    exit_button = page.get_by_role("button", name="Exit this page")
    box = exit_button.bounding_box()
    assert box is not None and box["y"] <= 0.5 and box["width"] == pytest.approx(NARROW["width"], abs=1)
    check_page(page, LEAVING_ABUSE, "results, scrolled down", exit_this_page=True)

    # She emails the plan to herself, warned to use an address nobody else can read.
    with page.expect_navigation():
        email_link.click()
    check_page(page, LEAVING_ABUSE, "email your plan", exit_this_page=True)
    expect(page.locator("main .govuk-warning-text")).to_contain_text("nobody else can read")
    address = unique_email("safe")
    page.get_by_label("What email address should we send your plan to?").fill(address)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the plan").click()
    check_page(page, LEAVING_ABUSE, "plan sent", exit_this_page=True)
    assert live_server.newest_email_to(address)["Subject"]

    # Then she leaves, at once, for the everyday page Exit this page goes to.
    def weather(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>Weather</title>")

    context.route(EXIT_URL + "**", weather)
    with page.expect_navigation(url=EXIT_URL):
        page.get_by_role("button", name="Exit this page").click()
    assert page.url == EXIT_URL
    assert page.title() == "Weather"


def test_couple_with_savings_could_buy_a_shared_ownership_home(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(viewport=COUPLE_BUYING.viewport).new_page()
    walk_to_check_answers(page, live_server, COUPLE_BUYING)
    see_options(page, COUPLE_BUYING, exit_this_page=False)
    shown = check_plan(page, [("private_renting", "yes"), ("shared_ownership", "yes"), ("first_homes", "yes")])
    assert dict(shown)["register"] == "no"
    assert "savings of £30,000" in option_text(page, "register")
    shared_ownership = option_text(page, "shared_ownership")
    assert "Likely to suit you" in shared_ownership
    link = page.locator("#option-shared-ownership a", has_text="Find out more about Shared ownership")
    expect(link).to_have_attribute("href", "https://www.gov.uk/shared-ownership-scheme")
    assert page.locator("#get-help-today").count() == 0


def test_older_homeowner_is_shown_sheltered_housing(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(viewport=OLDER_HOMEOWNER.viewport).new_page()
    seen = walk_to_check_answers(page, live_server, OLDER_HOMEOWNER)
    # Someone living in a home they own is not asked if they own a home; someone aged 72 is not asked about care.
    assert "owns_home" not in seen and "care_leaver" not in seen
    rows = dict(check_answer_rows(page))
    assert rows["Where you live now"] == "In a home you own or are buying"

    see_options(page, OLDER_HOMEOWNER, exit_this_page=False)
    shown = check_plan(page, [("sheltered", "maybe"), ("extra_care", "maybe"), ("private_renting", "maybe")])
    assert shown[0] == ("sheltered", "maybe")
    assert dict(shown)["register"] == "no"
    register = option_text(page, "register")
    assert "because you or someone moving with you owns a home" in register
    sheltered = option_text(page, "sheltered")
    assert "aged 55 or over" in sheltered
    assert "If you sell your home" in sheltered


def test_family_walk_in_arabic_is_right_to_left_and_accessible(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    persona = FAMILY_IN_ARABIC
    page = new_context(viewport=persona.viewport).new_page()
    walk_to_check_answers(page, live_server, persona)
    expect(page.locator("h1")).to_have_text(translated("ar", "Check your answers"))
    assert page.locator("main .govuk-summary-list__row").count() == len(persona.answers) - 1

    see_options(page, persona, exit_this_page=False)
    assert path_of(page) == RESULTS
    expect(page.locator("h1")).to_have_text(translated("ar", "Your housing options"))
    assert page.evaluate("() => getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # The same options, in the same order, as in English.
    check_plan(
        page,
        [("register", "yes"), ("social_rent", "yes"), ("affordable_rent", "maybe"), ("private_renting", "maybe")],
        language="ar",
    )
    expect(page.locator("#option-social-rent")).to_contain_text("£506.13")
