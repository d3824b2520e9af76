"""A woman leaving domestic abuse, with a baby due, applies on a computer; and Exit this page leaves at once.

Leah is staying in a refuge and has been told when she must leave. When she
tells us someone is hurting her, every page of hers from then on has the Exit
this page button: the rest of the questions, the check answers pages, the task
list, sending and evidence. No evidence is ever asked about the abuse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Route, expect

from tests.browser.apply_walk import (
    APPLY,
    born,
    date_parts,
    sample_files,
    section,
    send_application,
    send_evidence,
    signed_in_walk,
    start_application,
    years_ago,
)
from tests.browser.conftest import WIDE, LiveServer, unique_email
from tests.browser.options_walk import EXIT_URL
from tests.browser.test_accessibility import path_of

pytestmark = pytest.mark.browser

TODAY = dt.date.today()
ABOUT_LEAH = [
    ("date-of-birth", born(27)),
    ("sex", "female"),
    ("ni-number", "AB 12 34 56 D"),
    ("phone", "07700 900123"),
    ("interpreter", "yes"),
    ("interpreter-language", "Polish"),
]
HOUSEHOLD = [
    ("anyone-else", "no"),
    ("pregnant", "yes"),  # she is the only woman, so she is not asked who
    ("due-date", date_parts(TODAY + dt.timedelta(days=90))),
]
IN_A_REFUGE = [
    ("home-type", "refuge"),
    ("nowhere-tonight", "no"),
    ("bedrooms", "1"),
    ("living-rooms", "0"),
    ("disrepair", "no"),
    ("must-leave", "yes"),
    ("must-leave-date", date_parts(TODAY + dt.timedelta(days=60))),
]
ADDRESSES = [
    ("address", {"line_1": "Room 4, 10 Church Lane", "line_2": "", "town": "Othertown", "postcode": "OT1 4CL"}),
    ("moved-in", date_parts(years_ago(0, 60))),
    ("in-area", "no"),
    ("another", {"lived_before": "yes"}),
    ("address", {"line_1": "27 Oak Avenue", "line_2": "", "town": "Othertown", "postcode": "OT3 8OA"}),
    ("moved-in", date_parts(years_ago(6))),
    ("in-area", "no"),
    ("work-in-area", "no"),
    ("family-in-area", "no"),
    ("care-move", "no"),
]
HEALTH = [("health-problem", "no"), ("mobility", "none"), ("own-room", "no"), ("overnight-carer", "no")]
SAFETY = [
    ("domestic-abuse", "yes"),
    ("abuse-need-move", "yes"),
    ("harassment", "no"),
    ("care-leaver", "no"),
    ("armed-forces", "no"),
    ("support-worker", "yes"),
    (
        "support-details",
        {"support_name": "Jo Baker", "support_organisation": "Othertown Women's Aid", "support_contact": ""},
    ),
]


def test_woman_leaving_abuse_with_a_baby_due_applies_with_exit_this_page_after_she_tells_us(
    live_server: LiveServer, new_context: Callable[..., BrowserContext], tmp_path: Path
) -> None:
    page = new_context(viewport=WIDE).new_page()
    walk = signed_in_walk(page, live_server, unique_email("morgan"), "Leah Morgan")
    start_application(walk)

    about = section(walk, "about-you", ABOUT_LEAH)
    assert about["Interpreter language"] == "Polish"
    household = section(walk, "household", HOUSEHOLD)
    assert household["Due date"] == (TODAY + dt.timedelta(days=90)).strftime("%-d %B %Y")
    section(walk, "current-home", IN_A_REFUGE)
    addresses = section(walk, "addresses", ADDRESSES)
    assert addresses["In Example Borough"] == "No"
    section(walk, "immigration", [("immigration-status", "british_irish"), ("lived-in-uk-2-years", "yes")])
    section(walk, "money", [("income", "9,800"), ("take-home-pay", "780"), ("savings", "0"), ("owns-property", "no")])
    section(walk, "health", HEALTH)
    assert not walk.abuse and page.locator(".govuk-exit-this-page").count() == 0

    safety = section(walk, "safety", SAFETY, exit_this_page=True)
    assert walk.abuse, "From here on every page must have Exit this page"
    assert safety["Someone hurting you or making you afraid"] == "Yes"
    section(walk, "tenancy", [("rent-arrears", "no"), ("evicted", "no"), ("antisocial", "no")])
    section(walk, "equality", [("answer-equality", "no")])

    result = send_application(walk, ("Leah Morgan", "Room 4, 10 Church Lane", "Jo Baker"), forgetting_one=True)
    # The scheme counts no bedroom for a baby not yet born, and gives no band for abuse on its own (an officer
    # decides the homelessness duty); the local connection rule does not apply, and we will get in touch.
    assert (result["qualifies"], result["bedrooms"], result["band"]) == (
        "Probably not: see the reasons below",
        "1",
        "No band",
    )
    reasons = result["reasons"]
    assert "The local connection rule does not apply to you, because you need to move to be safe" in reasons
    get_in_touch = (TODAY + dt.timedelta(days=60 - 56)).strftime("%-d %B %Y")  # 56 days before she must leave
    assert f"We will get in touch again on {get_in_touch}, which is 56 days before you have to leave" in reasons

    walk.click(page.locator("main a.govuk-button"))  # Send your evidence
    titles = page.locator("main .govuk-summary-card__title").all_inner_texts()
    assert "Proof of pregnancy" in titles
    assert not [title for title in titles if "abuse" in title.lower() or "safe" in title.lower()], titles
    files = sample_files(tmp_path)
    send_evidence(walk, "Proof of pregnancy", files["pdf"])
    send_evidence(walk, "The letter that says you must leave your home", files["photo"])
    walk.goto(APPLY)  # a sent application opens at its status page, with Exit this page too
    assert path_of(page) == f"{APPLY}status"


def test_exit_this_page_on_a_safety_question_leaves_the_site(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    context = new_context(viewport=WIDE)
    page = context.new_page()
    walk = signed_in_walk(page, live_server, unique_email("exit"), "Nadia Exit")
    start_application(walk)
    walk.click(page.locator(f"main a[href='{APPLY}safety/']"), exit_this_page=True)
    assert path_of(page) == f"{APPLY}safety/domestic-abuse"

    def weather(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>Weather</title>")

    context.route(EXIT_URL + "**", weather)
    with page.expect_navigation(url=EXIT_URL):
        page.get_by_role("button", name="Exit this page").click()
    assert page.url == EXIT_URL
    expect(page).to_have_title("Weather")
    assert live_server.url not in page.url
