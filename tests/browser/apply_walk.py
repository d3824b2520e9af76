"""Applying to join the housing register in a real browser, as a person would.

A person signs in, opens the task list, and goes through each section: they
click a section, answer one question a page (clicking the label of a choice,
typing in the boxes), check the section's answers and say they have finished
it. Then they check the whole application, tick the declaration, send it and
send their evidence. ``Walk.check`` checks every page on the way: its language
and direction, Exit this page where it belongs, sideways scrolling on a narrow
screen, and axe.

Answers are given by the values the portal keeps ("private_rented"), so a walk
reads the same in every language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import NARROW, LiveServer, sign_in
from tests.browser.options_walk import RTL, choose, type_into
from tests.browser.test_accessibility import horizontal_scrolling_problem, path_of
from tests.unit.upload_samples import image_bytes, make_pdf

APPLY = "/apply/"
PASSWORD = "Plum-tree-orchard-42"  # noqa: S105
DECLARATIONS = ("true", "checks", "share", "changes")
REFERENCE = re.compile(r"HR-[0-9A-Z]{6}")
SENT_TAG = "Sent, waiting to be checked"
#: An answer: a choice's value or text to type, or a date as (day, month, year).
Answer = str | tuple[str, str, str]
#: One page of a section: its last path segment, and its answer (or its answers by field name).
Step = tuple[str, Answer | Mapping[str, Answer]]


def years_ago(years: int, days: int = 0) -> dt.date:
    today = dt.date.today()
    return today.replace(year=today.year - years, day=min(today.day, 28)) - dt.timedelta(days=days)


def date_parts(day: dt.date) -> tuple[str, str, str]:
    return str(day.day), str(day.month), str(day.year)


def born(years: int, days: int = 40) -> tuple[str, str, str]:
    """A date of birth for someone aged ``years``."""
    return date_parts(years_ago(years, days))


@dataclass
class Walk:
    """One person in one browser page, and what every page they see must do."""

    page: Page
    server: LiveServer
    language: str = "en"
    #: Whether they told us someone is hurting them: then every page of theirs has Exit this page.
    abuse: bool = False
    seen: list[str] = field(default_factory=list)

    @property
    def narrow(self) -> bool:
        viewport = self.page.viewport_size
        return viewport is not None and viewport["width"] <= NARROW["width"]

    def check(self, where: str = "", *, exit_this_page: bool | None = None) -> None:
        """What every page must do. ``exit_this_page`` defaults to whether this person said they are being hurt."""
        where = where or path_of(self.page)
        self.seen.append(path_of(self.page))
        html = self.page.locator("html")
        direction = "rtl" if self.language in RTL else "ltr"
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (self.language, direction), where
        expected = self.abuse if exit_this_page is None else exit_this_page
        shown = self.page.locator(".govuk-exit-this-page").count()
        assert shown == (1 if expected else 0), f"{where}: Exit this page should {'' if expected else 'not '}be shown"
        if self.narrow:
            problem = horizontal_scrolling_problem(self.page)
            assert problem is None, f"{where}: {problem}"
        width = (self.page.viewport_size or {}).get("width")
        assert_no_axe_violations(self.page, f"{where} ({self.language}, {width}px)")

    def goto(self, path: str, **check: bool) -> None:
        self.page.goto(self.server(path))
        self.check(**check)

    def click(self, target: Locator, **check: bool) -> None:
        """Click a link or button that opens another page, then check that page."""
        expect(target).to_have_count(1)
        with self.page.expect_navigation():
            target.click()
        self.check(**check)

    def submit(self, **check: bool) -> None:
        """Press the page's one button (Save and continue, Continue, Accept and send)."""
        self.click(self.page.locator("main form [type=submit]"), **check)


def answer(page: Page, name: str, given: Answer) -> None:
    """Give one answer on the page that is showing: a choice, a date, or text typed into a box."""
    if isinstance(given, tuple):
        boxes = page.locator(f"main input[name='{name}']")  # day, month and year
        expect(boxes).to_have_count(3)
        for number, text in enumerate(given):
            type_into(boxes.nth(number), text)
    elif page.locator(f"main input[type=radio][name='{name}']").count():
        choose(page, name, given)
    else:
        box = page.locator(f"main input[name='{name}'], main textarea[name='{name}']")
        expect(box).to_have_count(1)
        if given:
            type_into(box, given)
        else:
            box.fill("")


def answers_of(slug: str, given: Answer | Mapping[str, Answer]) -> Mapping[str, Answer]:
    return given if isinstance(given, Mapping) else {slug.replace("-", "_"): given}


def task_status(page: Page, slug: str) -> str:
    """The status the task list shows for a section."""
    item = page.locator("main .govuk-task-list__item").filter(has=page.locator(f"a[href='{APPLY}{slug}/']"))
    return item.locator(".govuk-task-list__status").inner_text().strip()


def answer_section(walk: Walk, slug: str, steps: Sequence[Step], *, exit_this_page: bool | None = None) -> None:
    """From the task list, open a section and answer each of its pages in turn, up to its check answers page."""
    page = walk.page
    assert path_of(page) == APPLY
    walk.click(page.locator(f"main a[href='{APPLY}{slug}/']"), exit_this_page=exit_this_page)
    for expected, given in steps:
        path = path_of(page)
        assert path.startswith(f"{APPLY}{slug}/") and path.rsplit("/", 1)[1] == expected, (
            f"Expected the {expected} page of {slug}, got {path}"
        )
        for name, value in answers_of(expected, given).items():
            answer(page, name, value)
            if name == "domestic_abuse" and value == "yes":
                walk.abuse = True
        walk.submit(exit_this_page=exit_this_page)
    assert path_of(page) == f"{APPLY}{slug}/check", f"{slug} did not end at its check answers page: {page.url}"


def rows_of(within: Locator) -> dict[str, str]:
    """The rows of summary lists, by their label (the last one wins when labels repeat)."""
    rows = within.locator(".govuk-summary-list__row").all()
    key, value = ".govuk-summary-list__key", ".govuk-summary-list__value"
    return {row.locator(key).inner_text().strip(): row.locator(value).inner_text().strip() for row in rows}


def check_rows(page: Page, within: str = "main") -> dict[str, str]:
    """The answers on a check answers page."""
    return rows_of(page.locator(within))


def summary_card(page: Page, title: str) -> Locator:
    """The one summary card with this title: a person, an address, or a piece of evidence."""
    title_is = re.compile(rf"^\s*{re.escape(title)}\s*$")
    card = page.locator("main .govuk-summary-card").filter(
        has=page.locator(".govuk-summary-card__title", has_text=title_is)
    )
    expect(card).to_have_count(1)
    return card


def card_rows(page: Page, title: str) -> dict[str, str]:
    return rows_of(summary_card(page, title))


def finish_section(walk: Walk, slug: str) -> None:
    """On a section's check answers page, say it is finished, and see it completed on the task list."""
    page = walk.page
    assert path_of(page) == f"{APPLY}{slug}/check"
    choose(page, "complete", "yes")
    walk.submit()
    assert path_of(page) == APPLY
    assert task_status(page, slug) == "Completed"


def section(walk: Walk, slug: str, steps: Sequence[Step], *, exit_this_page: bool | None = None) -> dict[str, str]:
    """Answer a whole section and finish it; gives the rows its check answers page showed."""
    answer_section(walk, slug, steps, exit_this_page=exit_this_page)
    rows = check_rows(walk.page)
    finish_section(walk, slug)
    return rows


def start_application(walk: Walk) -> None:
    """From the account page, open the application and press Start your application."""
    page = walk.page
    walk.click(page.locator(f"main a[href='{APPLY}']"))
    assert path_of(page) == APPLY
    walk.submit()
    assert path_of(page) == APPLY
    expect(page.locator("main .govuk-task-list")).to_be_visible()


def send_application(walk: Walk, shown: Sequence[str] = (), *, forgetting_one: bool = False) -> dict[str, str]:
    """From the finished task list: check everything (``shown`` is on the page), tick each declaration, send.

    ``forgetting_one`` leaves the last box unticked at first, to see the mistake. Gives the provisional result.
    """
    page = walk.page
    walk.click(page.locator("main a[href='/apply/check']"))
    for text in shown:
        expect(page.locator("main")).to_contain_text(text)
    for value in DECLARATIONS[:-1] if forgetting_one else DECLARATIONS:
        choose_box(page, "declaration", value)
    if forgetting_one:
        walk.submit()
        assert path_of(page) == "/apply/check"
        expect(page.locator(".govuk-error-summary")).to_contain_text("Tick all 4 boxes to send your application")
        choose_box(page, "declaration", DECLARATIONS[-1])
    walk.submit()
    assert path_of(page) == "/apply/sent"
    expect(page.locator("h1")).to_have_text("Application sent")
    reference = page.locator("main .govuk-panel strong").inner_text().strip()
    assert REFERENCE.fullmatch(reference), reference
    return {
        "reference": reference,
        "qualifies": page.locator("#provisional-qualifies").inner_text().strip(),
        "bedrooms": page.locator("#provisional-bedrooms").inner_text().strip(),
        "band": page.locator("#provisional-band").inner_text().strip(),
        "reasons": page.locator("#provisional-reasons").inner_text(),
    }


def choose_box(page: Page, name: str, value: str) -> None:
    """Tick a checkbox by clicking its label."""
    box = page.locator(f"main input[type=checkbox][name='{name}'][value='{value}']")
    expect(box).to_have_count(1)
    page.locator(f"main label[for='{box.get_attribute('id')}']").click()
    expect(box).to_be_checked()


def sample_files(folder: Path) -> dict[str, Path]:
    """A real one-page PDF and a real JPEG photo, written to files as a phone or computer would have them."""
    pdf = folder / "tenancy-agreement.pdf"
    pdf.write_bytes(make_pdf())
    photo = folder / "IMG_20261122_093015_HDR.jpg"  # a long name with nowhere to break it
    photo.write_bytes(image_bytes("JPEG", (64, 48)))
    text = folder / "payslip.pdf"
    text.write_text("This is a note about my pay, saved as text.\n", encoding="utf-8")
    return {"pdf": pdf, "photo": photo, "text_as_pdf": text}


def open_evidence_item(walk: Walk, title: str) -> None:
    """On the evidence list, follow an item's link to its page."""
    assert path_of(walk.page) == "/apply/evidence"
    walk.click(summary_card(walk.page, title).locator(".govuk-summary-card__actions a"))
    expect(walk.page.locator("h1")).to_have_text(title)


def upload(walk: Walk, file: Path) -> None:
    """On an evidence item's page, choose a file and press Send files."""
    page = walk.page
    page.locator("main input[type=file][name='files']").set_input_files(file)
    walk.click(page.locator("main form[enctype='multipart/form-data'] button"))


def send_evidence(walk: Walk, title: str, file: Path) -> None:
    """Send one file for an evidence item and see it waiting to be checked, here and on the list."""
    page = walk.page
    open_evidence_item(walk, title)
    upload(walk, file)
    expect(page.locator("main .govuk-notification-banner--success")).to_contain_text("We have your file")
    expect(page.locator("main .govuk-tag").first).to_have_text(SENT_TAG)
    expect(page.locator("main #files-sent .govuk-summary-list__key a")).to_have_text([file.name])
    walk.click(page.locator(".govuk-back-link"))
    assert path_of(page) == "/apply/evidence"
    expect(summary_card(page, title).locator(".govuk-tag")).to_have_text(SENT_TAG)


def signed_in_walk(page: Page, server: LiveServer, email: str, full_name: str, **options: bool) -> Walk:
    """A fresh, confirmed applicant account, signed in through the form."""
    server.create_account(email, PASSWORD, full_name)
    sign_in(page, server, email, PASSWORD)
    assert path_of(page) == "/account"
    walk = Walk(page, server, **options)
    walk.check("account")
    return walk
