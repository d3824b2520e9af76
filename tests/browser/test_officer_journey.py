"""The officer's whole journey in Chromium: from a sent application to a decision letter, and a review.

An applicant sends an application (through the real pages, with a test
client). The demo officer finds it in the new submissions queue, accepts the
evidence, assesses it with one change to the rules' proposal, makes the
decision and reads the letter's PDF. The applicant asks for a review, and
the demo senior officer takes it and decides it. Every officer page is
checked with axe-core, and the case's timeline shows each step.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from pypdf import PdfReader

from portal.demo import DEMO_PASSWORD
from tests.browser.apply_walk import PASSWORD
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import NARROW, WIDE, LiveServer, sign_in, unique_email
from tests.browser.test_accessibility import horizontal_scrolling_problem
from tests.browser.test_apply_after_sending import sent_by_someone_else

pytestmark = pytest.mark.browser

OVERRIDE_REASON = "You share a bedroom with your sister, so you need a bedroom of your own as well."
REVIEW_REASONS = "My sister has moved in with me for good. Please look at my bedroom need again."
REVIEW_SUMMARY = "We looked at everything again. The change to your bedroom need was right, so we keep it."


def checked(page: Page, what: str) -> None:
    """No axe violations on the page, named in the failure."""
    assert_no_axe_violations(page, what)


def open_case_from_queue(page: Page, server: LiveServer, name: str) -> None:
    page.goto(server("/officer/"))
    checked(page, "dashboard")
    page.get_by_role("link", name=re.compile("New submissions")).click()
    checked(page, "new submissions queue")
    page.locator("main tr", has_text=name).get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text("Case overview")
    checked(page, "case overview")


def accept_every_item(page: Page) -> None:
    page.get_by_role("link", name="Evidence", exact=True).click()
    checked(page, "evidence list")
    while True:
        waiting = page.locator("main table a.govuk-link", has_not_text="Download").filter(
            has_not=page.locator("xpath=ancestor::tr[contains(., 'Accepted')]")
        )
        if waiting.count() == 0:
            break
        waiting.first.click()
        checked(page, "evidence item")
        page.get_by_role("button", name="Accept this evidence", exact=True).click()
        expect(page.locator(".govuk-notification-banner")).to_be_visible()
        page.get_by_role("link", name="Evidence", exact=True).click()


def assess_with_one_change(page: Page) -> str:
    """Record a high medical award, then confirm every proposal but the bedroom need, which goes up by one
    with a reason; tick the checklist."""
    page.get_by_role("link", name="Assessment", exact=True).click()
    checked(page, "assessment")
    expect(page.locator("#proposed-band")).not_to_contain_text("Band")
    page.locator("input[name=medical_welfare][value=high]").check()
    for index, part in enumerate(("20", "11", "2026")):
        page.locator("input[name=medical_awarded_on]").nth(index).fill(part)
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator("#proposed-band")).to_contain_text("2")
    proposed = page.locator("#proposed-bedroom_need").inner_text()
    changed = str(int(proposed.split()[0]) + 1)
    for name in ("eligibility", "qualification", "local_connection", "band", "priority_date"):
        page.locator(f"input[name={name}_choice][value=confirm]").check()
    page.locator("input[name=bedroom_need_choice][value=override]").check()
    page.locator("#bedroom_need_value").fill(changed)
    page.locator("#bedroom_need_reason").fill(OVERRIDE_REASON)
    boxes = page.locator("input[name=checklist]")
    for index in range(boxes.count()):
        boxes.nth(index).check()
    page.get_by_role("button", name="Save and continue to the determination").click()
    expect(page.locator("h1")).to_contain_text("etermination")
    checked(page, "determination")
    return changed


def decide(page: Page) -> None:
    page.get_by_role("button", name="Make this decision").click()
    expect(page.locator("h1")).to_have_text(re.compile("Decisions"))
    checked(page, "decisions")


def letter_text(page: Page, server: LiveServer) -> str:
    link = page.locator("a[href$='/letter/en.pdf']").first
    response = page.request.get(server(link.get_attribute("href") or ""))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def ask_for_a_review(page: Page, server: LiveServer, email: str) -> None:
    sign_in(page, server, email, PASSWORD)
    page.goto(server("/apply/decisions?lang=en"))
    checked(page, "applicant decisions")
    page.locator("main a[href^='/apply/decisions/']").first.click()
    checked(page, "applicant decision")
    page.locator("#ask-for-review").click()
    checked(page, "review request")
    page.locator("textarea[name=reasons]").fill(REVIEW_REASONS)
    page.get_by_role("button", name="Ask us to look again").click()
    expect(page.locator(".govuk-panel")).to_be_visible()
    assert horizontal_scrolling_problem(page) is None


def decide_the_review(page: Page, server: LiveServer, name: str) -> None:
    page.goto(server("/officer/reviews"))
    checked(page, "reviews")
    page.get_by_role("link", name=re.compile(name)).first.click()
    checked(page, "review")
    page.get_by_role("button", name="Assign this review to me").click()
    page.locator("#decide").click()
    checked(page, "review decision")
    boxes = page.locator("input[name=checklist]")
    for index in range(boxes.count()):
        boxes.nth(index).check()
    page.locator("textarea[name=summary]").fill(REVIEW_SUMMARY)
    page.get_by_role("button", name="Record the review decision").click()
    expect(page.locator("main")).to_contain_text("upheld")


def test_an_officer_decides_and_a_senior_officer_reviews(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    email = unique_email("okoro")
    sent_by_someone_else(live_server, email, "Chidi Okoro")

    officer = new_context(viewport=WIDE).new_page()
    sign_in(officer, live_server, "officer@example.org", DEMO_PASSWORD)
    open_case_from_queue(officer, live_server, "Chidi Okoro")
    accept_every_item(officer)
    bedrooms = assess_with_one_change(officer)
    decide(officer)
    text = letter_text(officer, live_server)
    assert "Chidi Okoro" in text
    assert "band 2" in text.lower(), text[:1500]
    assert OVERRIDE_REASON in text
    assert f"{bedrooms} bedroom" in text

    applicant = new_context(viewport=NARROW).new_page()
    ask_for_a_review(applicant, live_server, email)

    senior = new_context(viewport=WIDE).new_page()
    sign_in(senior, live_server, "senior.officer@example.org", DEMO_PASSWORD)
    decide_the_review(senior, live_server, "Chidi Okoro")

    senior.get_by_role("link", name="Timeline", exact=True).click()
    checked(senior, "timeline")
    timeline = senior.locator("main").inner_text()
    for step in ("Olivia Price", "Sunil Mehta", "Chidi Okoro"):
        assert step in timeline
    assert timeline.count("ecision") >= 2, timeline[:3000]
    assert "eview" in timeline
