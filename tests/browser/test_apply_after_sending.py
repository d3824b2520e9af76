"""After sending: a file that is not what its name says is turned away, and a new baby is told about.

Each test starts from an application sent earlier (a man living alone in a
1 bedroom council flat, answered through the real pages with a test client),
then signs in and uses the pages in Chromium on a 320px wide screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.apply_walk import (
    APPLY,
    DECLARATIONS,
    PASSWORD,
    Walk,
    answer,
    check_rows,
    date_parts,
    open_evidence_item,
    sample_files,
    summary_card,
    upload,
)
from tests.browser.conftest import NARROW, LiveServer, sign_in, unique_email
from tests.browser.options_walk import choose
from tests.browser.test_accessibility import path_of
from tests.conftest import CheckedClient
from tests.integration.apply_sections_helpers import walk_everything

pytestmark = pytest.mark.browser

IDENTITY = "Proof of identity for Ben Carter"
WRONG_TYPE = "The selected file must be a PDF, JPG, PNG or HEIC photo"


def sent_by_someone_else(server: LiveServer, email: str, full_name: str) -> None:
    """An applicant whose application (a man living alone in a council flat) was sent earlier, not in this browser.

    The answers go through the real pages with a test client, as ``walk_everything`` gives them.
    """
    server.create_account(email, PASSWORD, full_name)
    client = CheckedClient(server.app, server.app.response_class, use_cookies=True)
    signed_in = client.post_form("/sign-in?lang=en", {"email": email, "password": PASSWORD})
    assert signed_in.status_code == 302, signed_in.get_data(as_text=True)[:2000]
    assert client.post_form("/apply/start", {}, token_from=APPLY).status_code == 302
    walk_everything(client)
    sent = client.post_form("/apply/check", {"declaration": list(DECLARATIONS)})
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/apply/sent"), sent.status_code


def status_page(page: Page, server: LiveServer) -> Walk:
    """Ben's application was sent earlier; he signs in and opens it from his account."""
    email = unique_email("carter")
    sent_by_someone_else(server, email, "Ben Carter")
    sign_in(page, server, email, PASSWORD)
    walk = Walk(page, server)
    walk.check("account")
    walk.click(page.locator(f"main a[href='{APPLY}']"))
    assert path_of(page) == f"{APPLY}status"
    return walk


def test_a_text_file_named_pdf_is_turned_away_with_a_clear_message(
    live_server: LiveServer, new_context: Callable[..., BrowserContext], tmp_path: Path
) -> None:
    page = new_context(viewport=NARROW).new_page()
    walk = status_page(page, live_server)
    walk.click(page.locator("main a", has_text="See and send evidence"))
    expect(summary_card(page, IDENTITY).locator(".govuk-tag")).to_have_text("Not sent yet")
    open_evidence_item(walk, IDENTITY)
    item_path = path_of(page)

    upload(walk, sample_files(tmp_path)["text_as_pdf"])
    assert path_of(page) == item_path, "The problem is shown on the same page"
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator(".govuk-error-summary__list a")).to_have_text([WRONG_TYPE])
    expect(page.locator("#files-error")).to_contain_text(WRONG_TYPE)
    # Nothing was kept: no file is listed as sent, and the item still waits for one.
    expect(page.locator("main #files-sent")).to_have_count(0)
    expect(page.locator("main .govuk-tag").first).to_have_text("Not sent yet")
    expect(page.locator("main .govuk-notification-banner--success")).to_have_count(0)

    # The link in the summary takes him to the file box, to choose again.
    summary.locator("a").click()
    expect(page.locator("main input[type=file]")).to_be_focused()

    walk.click(page.locator(".govuk-back-link"))
    expect(summary_card(page, IDENTITY).locator(".govuk-tag")).to_have_text("Not sent yet")


def test_a_new_baby_is_told_about_from_the_status_page_with_the_bedrooms_it_needs(
    live_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    page = new_context(viewport=NARROW).new_page()
    walk = status_page(page, live_server)
    expect(page.locator("#provisional-bedrooms")).to_have_text("1")

    walk.click(page.locator("main a", has_text="Tell us about a change"))
    assert path_of(page) == f"{APPLY}changes"
    choose(page, "kind", "new_baby")
    walk.submit()
    assert path_of(page) == f"{APPLY}changes/new-baby"
    expect(page.locator("h1")).to_have_text("Tell us about your new baby")
    born_on = dt.date.today() - dt.timedelta(days=12)
    answer(page, "full_name", "Lily Carter")
    answer(page, "date_of_birth", date_parts(born_on))
    answer(page, "sex", "female")
    walk.submit()

    assert path_of(page) == f"{APPLY}changes/new-baby/preview"
    told = check_rows(page, "#what-you-told-us")
    assert told["The baby's full name"] == "Lily Carter"
    assert told["The baby's date of birth"] == born_on.strftime("%-d %B %Y")
    effect = page.locator("#change-effect")
    expect(effect.locator("strong")).to_have_text(
        [
            "Your household would need 2 bedrooms instead of 1.",
            "Your provisional band would be Band 3. At the moment you do not have a band.",
        ]
    )

    walk.submit()  # Send this change
    assert path_of(page) == f"{APPLY}changes/sent"
    expect(page.locator(".govuk-panel")).to_contain_text("We have your change")
    expect(page.locator(".govuk-panel")).to_contain_text("A new baby")
    expect(page.locator("#evidence-needed")).to_be_visible()

    walk.click(page.locator("main a", has_text="Go back to your application"))
    assert path_of(page) == f"{APPLY}status"
    expect(page.locator("#provisional-bedrooms")).to_have_text("2")
    expect(page.locator("#provisional-band")).to_have_text("Band 3")
    walk.click(page.locator("main a", has_text="See and send evidence"))
    expect(summary_card(page, "Proof of the children who live with you").locator(".govuk-tag")).to_have_text(
        "Not sent yet"
    )
