"""A whole letting cycle in Chromium: a household bids, the officer closes the cycle, works through the
shortlist (passing over the household above with a reason), offers, records the answer, lets the home and
publishes the result; the household sees its position and then that it was housed. Every page is checked
with axe-core, and the household's pages at 320px wide. Two bids sent at the same moment from the
browser never pass the bid limit."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from portal.auth.roles import Role
from portal.data import accounts
from portal.data.base import utcnow
from portal.demo import DEMO_PASSWORD
from portal.extensions import db
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import NARROW, LiveServer, sign_in, unique_email
from tests.browser.test_accessibility import horizontal_scrolling_problem
from tests.conftest import TEST_PASSWORD
from tests.integration.lettings_helpers import a_cycle, a_household, a_landlord, an_advert
from tests.integration.lettings_offer_helpers import a_bid

pytestmark = pytest.mark.browser


def checked(page: Page, what: str, narrow: bool = False) -> None:
    assert_no_axe_violations(page, what)
    if narrow:
        assert horizontal_scrolling_problem(page) is None, what


class _Users:
    def __init__(self, emails: list[str]) -> None:
        self.emails = emails

    def __call__(self, role: Role = Role.APPLICANT, **fields: Any) -> Any:
        email = unique_email("household")
        self.emails.append(email)
        user = accounts.create_user(
            db.session,
            email=email,
            full_name=fields.pop("full_name", "Household"),
            password=TEST_PASSWORD,
            role=role,
            verified_at=utcnow(),
        )
        db.session.flush()
        return user


def a_letting(server: LiveServer, *, bid_limit: int = 3, homes: int = 1) -> dict[str, Any]:
    """An open cycle with council flats; a band 1 household has bid for the first; a band 2 household
    (who signs in) has not bid yet."""
    emails: list[str] = []
    with server.app.app_context():
        users = _Users(emails)
        first = a_household(db.session, users, band=1, full_name="Rosa Lima")
        bidder = a_household(db.session, users, band=2, full_name="Ayesha Khan")
        cycle = a_cycle(db.session, bid_limit=bid_limit, name=f"Browser week {unique_email('x')[:14]}")
        landlord = a_landlord(db.session)
        adverts = [an_advert(db.session, cycle=cycle, landlord=landlord) for _ in range(homes)]
        a_bid(db.session, adverts[0], first)
        made = {
            "email": emails[1],
            "cycle_id": cycle.id,
            "references": [advert.reference for advert in adverts],
            "advert_ids": [advert.id for advert in adverts],
            "first": first.reference,
            "bidder": bidder.reference,
            "street": adverts[0].address_line_1,
        }
        db.session.commit()
    return made


def primary_button(page: Page) -> Any:
    return page.locator("main button.govuk-button:not(.govuk-button--secondary)").first


def household_bids(page: Page, server: LiveServer, letting: dict[str, Any]) -> None:
    page.goto(server("/homes/"))
    checked(page, "homes", narrow=True)
    page.goto(server(f"/homes/{letting['references'][0]}"))
    expect(page.locator("#bid-status")).to_have_text("You can bid for this home.")
    checked(page, "advert", narrow=True)
    page.get_by_role("button", name="Bid for this home").click()
    expect(page.locator("h1")).to_contain_text("Your bid has been placed")
    checked(page, "bid placed", narrow=True)
    page.goto(server("/homes/bids"))
    expect(page.locator("main")).to_contain_text("You are number 2 of 2 bidders.")
    checked(page, "your bids", narrow=True)


def officer_lets_it(page: Page, server: LiveServer, letting: dict[str, Any]) -> None:
    page.goto(server(f"/officer/lettings/cycles/{letting['cycle_id']}"))
    checked(page, "cycle")
    page.get_by_role("button", name="Close the cycle now").click()
    checked(page, "close the cycle")
    primary_button(page).click()
    advert_id = letting["advert_ids"][0]
    page.goto(server(f"/officer/lettings/adverts/{advert_id}/shortlist"))
    checked(page, "shortlist")
    rows = page.locator("main table tbody tr")
    expect(rows.nth(0)).to_contain_text(letting["first"])
    expect(rows.nth(1)).to_contain_text(letting["bidder"])
    rows.nth(1).get_by_role("link", name=re.compile("^Check")).click()
    checked(page, "check a household")
    primary_button(page).click()
    rows.nth(1).get_by_role("link", name=re.compile("^Offer the home")).click()
    checked(page, "offer refused while someone above has no reason")
    primary_button(page).click()
    expect(page.locator("main")).to_contain_text(f"{letting['first']} (number 1) is above this household")
    page.goto(server(f"/officer/lettings/adverts/{advert_id}/shortlist"))
    rows.nth(0).get_by_role("link", name=re.compile("^Pass over")).click()
    page.get_by_label("Circumstances have changed").check()
    page.get_by_label("Note").fill("Has found a home with family.")
    checked(page, "pass over")
    primary_button(page).click()
    rows.nth(1).get_by_role("link", name=re.compile("^Offer the home")).click()
    primary_button(page).click()
    expect(page.locator("main")).to_contain_text("Record their answer")
    page.get_by_role("link", name="Record their answer").click()
    page.get_by_label("Accepted the offer").check()
    checked(page, "record the answer")
    primary_button(page).click()
    page.get_by_role("link", name="Let the home").click()
    checked(page, "let the home")
    primary_button(page).click()
    page.goto(server("/officer/lettings/results"))
    checked(page, "lettings results")
    page.get_by_role("button", name=re.compile(f"Publish the result for {letting['references'][0]}")).click()
    checked(page, "published")


def test_a_whole_letting_cycle(live_server: LiveServer, new_context: Callable[..., BrowserContext]) -> None:
    letting = a_letting(live_server)
    household = new_context(viewport=NARROW).new_page()
    sign_in(household, live_server, letting["email"], TEST_PASSWORD)
    household_bids(household, live_server, letting)

    officer = new_context().new_page()
    sign_in(officer, live_server, "officer@example.org", DEMO_PASSWORD)
    officer_lets_it(officer, live_server, letting)

    household.goto(live_server("/homes/bids"))
    expect(household.locator("main")).to_contain_text("You have been housed in this home")
    checked(household, "housed", narrow=True)
    household.goto(live_server("/homes/results"))
    results = household.locator("main")
    expect(results).to_contain_text("Brighton Hill")
    expect(results).not_to_contain_text(letting["street"])
    expect(results).not_to_contain_text(letting["bidder"])
    checked(household, "public results", narrow=True)


def test_two_bids_sent_at_once_never_pass_the_limit(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    letting = a_letting(live_server, bid_limit=1, homes=3)
    page = new_context().new_page()
    sign_in(page, live_server, letting["email"], TEST_PASSWORD)
    forms = []
    for reference in letting["references"][1:]:
        page.goto(live_server(f"/homes/{reference}"))
        token = page.locator("#bidding input[name=csrf_token]").get_attribute("value")
        forms.append({"url": f"/homes/{reference}/bid", "token": token})
    statuses = page.evaluate(
        """forms => Promise.all(forms.map(form => fetch(form.url, {
            method: "POST", redirect: "manual",
            headers: {"Content-Type": "application/x-www-form-urlencoded"},
            body: new URLSearchParams({csrf_token: form.token}),
        }).then(response => response.type)))""",
        forms,
    )
    assert statuses == ["opaqueredirect", "opaqueredirect"]
    page.goto(live_server("/homes/bids"))
    expect(page.get_by_text("Bidding open", exact=True)).to_have_count(1)
    checked(page, "your bids after two at once")
    seen = []
    for reference in letting["references"][1:]:
        page.goto(live_server(f"/homes/{reference}"))
        seen.append(page.locator("#bid-status").inner_text().strip())
    assert sorted(seen) == ["You cannot bid for this home.", "You have bid"]
    checked(page, "the second home")
