"""Every public page passes axe in every language, at a phone and a desktop width.

One test per language and width visits every page in one browser context (a
fresh context per test, reused across its pages, keeps the suite fast), and
reports the problems of all the pages together.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page

from portal.demo import DEMO_PASSWORD
from tests.browser.axe import format_violations, run_axe
from tests.browser.conftest import NARROW, WIDE, LiveServer, sign_in

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "pl", "ro", "ar", "ur"]
RTL = {"ar", "ur"}
PAGES = [
    "/",
    "/register",
    "/sign-in",
    "/password-reset",
    "/accessibility",
    "/privacy",
    "/cookies",
    "/contact",
    "/options/",
    "/homes/",
    "/register/check-your-email",
    "/verify-email",
    "/signed-out",
    "/support/register",
    "/claim-account",
    "/apply/paper-form",
]
SIGNED_IN_PAGES = [
    "/account",
    "/account/language",
    "/account/helpers",
    "/account/helpers/activity",
    "/account/helpers/invite",
    "/account/contact",
]
# Each form, submitted empty, shows an error summary.
FORMS = ["/register", "/sign-in", "/password-reset"]
WIDTHS = {"320": NARROW, "1280": WIDE}
# Pages with Exit this page, for someone who told the housing options questions that they are being hurt.
EXIT_THIS_PAGE_PAGES = ["/options/questions/abuse", "/options/urgent-help", "/options/results"]
BEING_HURT = {
    "safe_tonight": "yes",
    "abuse": "yes",
    "where_live": "living_with_family",
    "told_to_leave": "no",
    "age": 29,
    "partner": "no",
    "children": 2,
    "children_details": [{"age": 7, "sex": "male"}, {"age": 4, "sex": "female"}],
    "other_adults": 0,
    "pregnant": "no",
    "bedrooms": 3,
    "home_condition": "no",
    "immigration": "british_irish",
    "residence": "less",
    "work_local": "no",
    "health": "no",
    "care_support": "no",
    "support_needs": "no",
    "armed_forces": "no",
    "income_yearly": "12000",
    "take_home_monthly": "1100",
    "savings": "0",
    "owns_home": "no",
}
# Scroll the page this far at a time, less than the height of a line of links.
SCROLL_STEP = 10
TARGET_SIZE_AT_EVERY_SCROLL = """async (step) => {
  const found = [];
  const bottom = document.documentElement.scrollHeight - window.innerHeight;
  for (let y = 0; y <= bottom + step; y += step) {
    window.scrollTo(0, y);
    const results = await axe.run(document, {runOnly: ['target-size'], resultTypes: ['violations']});
    for (const violation of results.violations) {
      for (const node of violation.nodes) {
        found.push(`scrolled ${window.scrollY}px: ${node.target.join(' ')}: ${node.failureSummary.replace(/\\s+/g, ' ')}`);
      }
    }
  }
  return found;
}"""

WIDEST_ELEMENTS = """() => Array.from(document.querySelectorAll('body *'))
    .filter(el => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < -0.5);
    })
    .slice(-6)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
         + (typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))"""


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def horizontal_scrolling_problem(page: Page) -> str | None:
    """A description of the sideways scrolling on the page, if it scrolls sideways."""
    widths = page.evaluate("() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    if widths["scroll"] <= widths["inner"]:
        return None
    return (
        f"scrolls sideways at {widths['inner']}px (content is {widths['scroll']}px wide); "
        f"too wide: {page.evaluate(WIDEST_ELEMENTS)}"
    )


def page_problems(page: Page, language: str, width: str) -> list[str]:
    problems = []
    lang = page.locator("html").get_attribute("lang")
    direction = page.locator("html").get_attribute("dir")
    expected_direction = "rtl" if language in RTL else "ltr"
    if lang != language or direction != expected_direction:
        problems.append(
            f"<html lang={lang!r} dir={direction!r}>, expected lang={language!r} dir={expected_direction!r}"
        )
    violations = run_axe(page)
    if violations:
        problems.append(f"axe found {len(violations)} violation(s):\n{format_violations(violations)}")
    if width == "320":
        scrolling = horizontal_scrolling_problem(page)
        if scrolling:
            problems.append(scrolling)
    return problems


def report(failures: dict[str, list[str]]) -> str:
    return "\n\n".join(
        f"{where}:\n" + "\n".join(f"  {problem}" for problem in problems) for where, problems in failures.items()
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_have_no_axe_violations(
    live_server: LiveServer,
    new_context: Callable[..., BrowserContext],
    language: str,
    width: str,
) -> None:
    page = new_context(viewport=WIDTHS[width]).new_page()
    failures: dict[str, list[str]] = {}
    for path in PAGES:
        response = page.goto(live_server(f"{path}?lang={language}"))
        assert response is not None and response.status == 200, f"{path} answered {response}"
        problems = page_problems(page, language, width)
        if problems:
            failures[f"{path} ({language}, {width}px)"] = problems
    assert not failures, report(failures)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_form_errors_have_no_axe_violations(
    live_server: LiveServer,
    new_context: Callable[..., BrowserContext],
    language: str,
    width: str,
) -> None:
    page = new_context(viewport=WIDTHS[width]).new_page()
    failures: dict[str, list[str]] = {}
    for path in FORMS:
        page.goto(live_server(f"{path}?lang={language}"))
        with page.expect_navigation():
            page.locator("main form[method=post] [type=submit]").click()
        summary = page.locator(".govuk-error-summary")
        summary.wait_for()
        # The title says there is an error ("Error: ..." in the page's language).
        title_prefix = page.evaluate("() => document.title").split(" ")[0]
        assert title_prefix.endswith(":"), f"{path}: the title does not begin with 'Error:'"
        # GOV.UK Frontend moves focus to the error summary so screen readers hear it first.
        assert page.evaluate("() => document.activeElement.classList.contains('govuk-error-summary')"), (
            f"{path}: focus is not on the error summary"
        )
        # Each error in the summary links to a field on the page, marked as in error.
        links = summary.locator("a").all()
        assert links, f"{path}: the error summary lists no errors"
        for link in links:
            href = link.get_attribute("href") or ""
            assert href.startswith("#") and page.locator(href).count() == 1, href
            assert "govuk-input--error" in (page.locator(href).get_attribute("class") or "")
        problems = page_problems(page, language, width)
        if problems:
            failures[f"{path} with errors ({language}, {width}px)"] = problems
    assert not failures, report(failures)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_signed_in_pages_have_no_axe_violations(
    live_server: LiveServer,
    new_context: Callable[..., BrowserContext],
    language: str,
    width: str,
) -> None:
    page = new_context(viewport=WIDTHS[width]).new_page()
    sign_in(page, live_server, "applicant@example.org", DEMO_PASSWORD)
    failures: dict[str, list[str]] = {}
    for path in SIGNED_IN_PAGES:
        response = page.goto(live_server(f"{path}?lang={language}"))
        assert response is not None and response.status == 200, f"{path} answered {response}"
        problems = page_problems(page, language, width)
        if problems:
            failures[f"{path} signed in ({language}, {width}px)"] = problems
    assert not failures, report(failures)


def test_error_link_moves_focus_to_the_field(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server("/sign-in?lang=en"))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.locator(".govuk-error-summary a").first.click()
    assert page.evaluate("() => document.activeElement.id") == "email"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_exit_this_page_pages_have_no_axe_violations(
    live_server: LiveServer,
    new_context: Callable[..., BrowserContext],
    language: str,
    width: str,
) -> None:
    context = new_context(viewport=WIDTHS[width])
    context.add_cookies([live_server.session_cookie({"housing_options": BEING_HURT})])
    page = context.new_page()
    failures: dict[str, list[str]] = {}
    for path in EXIT_THIS_PAGE_PAGES:
        response = page.goto(live_server(f"{path}?lang={language}"))
        assert response is not None and response.status == 200, f"{path} answered {response}"
        assert path_of(page) == path
        assert page.locator(".govuk-exit-this-page").count() == 1, f"{path} has no Exit this page"
        problems = page_problems(page, language, width)
        if problems:
            failures[f"{path} ({language}, {width}px)"] = problems
    assert not failures, report(failures)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_exit_this_page_never_leaves_part_of_a_link_beside_it(
    live_server: LiveServer,
    new_context: Callable[..., BrowserContext],
    language: str,
) -> None:
    """On a phone, Exit this page stays at the top of the screen: wherever the page is scrolled, nothing is too close."""
    context = new_context(viewport=NARROW)
    context.add_cookies([live_server.session_cookie({"housing_options": BEING_HURT})])
    page = context.new_page()
    page.goto(live_server(f"/options/urgent-help?lang={language}"))
    assert page.evaluate("() => document.documentElement.scrollHeight") > 4 * NARROW["height"], "a long page"
    run_axe(page)
    found = page.evaluate(TARGET_SIZE_AT_EVERY_SCROLL, SCROLL_STEP)
    assert not found, "axe target-size fails:\n" + "\n".join(found[:10])
