"""A couple with two children, overcrowded in a privately rented 1 bedroom flat, apply on a 320px wide phone.

Sam registers, confirms his email, and answers every page of the application
by clicking and typing: the household one person at a time, two addresses, and
a change made from a check answers page. He sends the application, sees his
reference and provisional band, and sends a PDF and a photo as evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.browser.apply_walk import (
    APPLY,
    PASSWORD,
    Walk,
    answer,
    answer_section,
    born,
    card_rows,
    check_rows,
    date_parts,
    finish_section,
    sample_files,
    section,
    send_application,
    send_evidence,
    start_application,
    task_status,
    years_ago,
)
from tests.browser.conftest import NARROW, LiveServer, unique_email
from tests.browser.test_accessibility import path_of

pytestmark = pytest.mark.browser

ABOUT_SAM = [
    ("date-of-birth", born(36)),
    ("sex", "male"),
    ("ni-number", "qq 12 34 56 c"),
    ("phone", "07700 900982"),
    ("interpreter", "no"),
]


def person(name: str, birth: tuple[str, str, str], sex: str, relationship: str) -> list[tuple[str, str | tuple]]:
    return [
        ("full-name", name),
        ("date-of-birth", birth),
        ("sex", sex),
        ("relationship", relationship),
        ("lives-with-you", "yes"),
    ]


HOUSEHOLD = [
    ("anyone-else", "yes"),
    *person("Grace Okafor", born(34), "female", "partner"),
    ("ni-number", ""),  # asked of a partner; she leaves it empty
    ("another", {"add_another": "yes"}),
    *person("Daniel Okafor", born(11), "male", "child"),
    ("another", {"add_another": "yes"}),
    *person("Ruby Okafor", born(6), "female", "child"),  # a slip: she is 7, put right from the check answers page
    ("another", {"add_another": "no"}),
    ("pregnant", "no"),
]
CURRENT_HOME = [
    ("home-type", "private_rented"),
    ("nowhere-tonight", "no"),
    ("bedrooms", "1"),
    ("living-rooms", "1"),
    ("shares-facilities", "no"),
    ("disrepair", "yes"),
    ("disrepair-details", "Black mould on the bedroom walls. The landlord knows."),
    ("must-leave", "no"),
]
ADDRESSES = [
    ("address", {"line_1": "Flat 3, 18 Mill Road", "line_2": "", "town": "Exampletown", "postcode": "ex1 2ab"}),
    ("moved-in", date_parts(years_ago(3))),
    ("in-area", "yes"),
    ("another", {"lived_before": "yes"}),
    ("address", {"line_1": "42 Station Street", "line_2": "Eastside", "town": "Exampletown", "postcode": "EX2 9QT"}),
    ("moved-in", date_parts(years_ago(9))),
    ("in-area", "yes"),
    ("work-in-area", "yes"),
    ("work-since", date_parts(years_ago(4))),
    ("work-hours", "37"),
    ("work-permanent", "yes"),
    ("family-in-area", "no"),
    ("care-move", "no"),
]
IMMIGRATION = [
    ("immigration-status", "british_irish"),  # Sam
    ("lived-in-uk-2-years", "yes"),
    ("immigration-status", "settled"),  # Grace
    ("lived-in-uk-2-years", "yes"),
]
MONEY = [("income", "32,500"), ("take-home-pay", "2,150"), ("savings", "250"), ("owns-property", "no")]
HEALTH = [
    ("health-problem", "yes"),
    ("health-details", "The mould makes Daniel's asthma worse."),
    ("mobility", "none"),
    ("own-room", "no"),
    ("overnight-carer", "no"),
    ("medical-form", "no"),
]
SAFETY = [
    ("domestic-abuse", "no"),
    ("harassment", "no"),
    ("care-leaver", "no"),
    ("armed-forces", "no"),
    ("support-worker", "no"),
]
TENANCY = [("rent-arrears", "no"), ("evicted", "no"), ("antisocial", "no")]
EQUALITY = [
    ("answer-equality", "yes"),
    ("ethnicity", "black"),
    ("religion", "christian"),
    ("sexual-orientation", "straight"),
    ("disability", "no"),
]


def register(walk: Walk, email: str) -> None:
    """Create an account with the form, confirm it from the email, and sign in."""
    page, server = walk.page, walk.server
    walk.goto("/register?lang=en")
    page.get_by_label("Full name").fill("Sam Okafor")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type your password again").fill(PASSWORD)
    walk.submit()
    link = server.link_in_newest_email_to(email, "/verify-email/")
    page.goto(link)
    assert path_of(page) == "/sign-in"
    walk.check("sign in, confirmed")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    walk.submit()
    assert path_of(page) == "/account"
    walk.check("account")


def test_couple_with_two_children_overcrowded_in_a_private_let_apply_on_a_phone(
    live_server: LiveServer, new_context: Callable[..., BrowserContext], tmp_path: Path
) -> None:
    page = new_context(viewport=NARROW).new_page()
    walk = Walk(page, live_server)
    register(walk, unique_email("okafor"))
    start_application(walk)
    assert [task_status(page, slug) for slug in ("about-you", "household", "equality")] == ["Not yet started"] * 3

    about = section(walk, "about-you", ABOUT_SAM)
    assert about["Full name"] == "Sam Okafor"  # from the account, not asked again
    assert about["National Insurance number"] == "QQ123456C"

    answer_section(walk, "household", HOUSEHOLD)
    assert [title.strip() for title in page.locator("main .govuk-summary-card__title").all_inner_texts()] == [
        "Grace Okafor",
        "Daniel Okafor",
        "Ruby Okafor",
    ]
    assert card_rows(page, "Daniel Okafor")["Relationship to you"] == "My child"
    # Ruby's date of birth was a year out: put it right from the check answers page.
    walk.click(page.get_by_role("link", name="Change Date of birth (Ruby Okafor)"))
    assert urlsplit(page.url).query == "change=1"
    answer(page, "date_of_birth", born(7))
    walk.submit()
    assert path_of(page) == f"{APPLY}household/check"
    ruby = card_rows(page, "Ruby Okafor")
    assert ruby["Date of birth"] == years_ago(7, 40).strftime("%-d %B %Y")
    assert ruby["Sex"] == "Female"
    assert check_rows(page)["Someone is pregnant"] == "No"
    finish_section(walk, "household")

    home = section(walk, "current-home", CURRENT_HOME)
    assert home["Where you live now"] == "Renting from a private landlord"
    assert home["Bedrooms"] == "1"
    addresses = section(walk, "addresses", ADDRESSES)
    assert addresses["Hours of work each week"] == "37"
    section(walk, "immigration", IMMIGRATION)
    money = section(walk, "money", MONEY)
    assert money["Household income each year"] == "£32,500"
    section(walk, "health", HEALTH)
    section(walk, "safety", SAFETY, exit_this_page=True)
    section(walk, "tenancy", TENANCY)
    section(walk, "equality", EQUALITY)
    expect(page.locator("main")).to_contain_text("You have finished 10 of 10 sections.")

    everyone = (
        "Sam Okafor",
        "Grace Okafor",
        "Daniel Okafor",
        "Ruby Okafor",
        "Flat 3, 18 Mill Road",
        "42 Station Street",
    )
    result = send_application(walk, (*everyone, "Black mould on the bedroom walls", "Equality monitoring"))
    assert result["qualifies"] == "Probably yes"
    assert result["bedrooms"] == "3"  # a room for the couple, and one each for a boy of 11 and a girl of 7
    assert result["band"] == "Band 2", result
    assert "You are short of 2 or more bedrooms." in result["reasons"]
    assert f"Your priority date is {dt.date.today():%-d %B %Y}," in result["reasons"]  # in words, not 2026-11-22

    walk.click(page.locator("main a.govuk-button"))  # Send your evidence
    files = sample_files(tmp_path)
    send_evidence(walk, "Proof of identity for Sam Okafor", files["pdf"])
    send_evidence(walk, "Proof of the children who live with you", files["photo"])
    expect(page.locator("main")).to_contain_text("Proof of identity for Grace Okafor")
