"""The affordability calculators in a real browser: filled in, sent, checked with axe, in English and Arabic."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import NARROW, WIDE, LiveServer
from tests.browser.test_accessibility import horizontal_scrolling_problem

pytestmark = pytest.mark.browser

WIDTHS = {"320": NARROW, "1280": WIDE}

# Each calculator: its path, the text boxes, the radio answers and figures the result must show.
CALCULATORS = {
    "shared-ownership": (
        "/options/calculators/shared-ownership",
        {"market_value": "£300,000", "gross_annual_income": "40,000", "savings": "20000"},
        {"london": "no"},
        ["65%", "£1,292.89", "£240.63"],
    ),
    "shared-ownership-london": (
        "/options/calculators/shared-ownership",
        {
            "market_value": "500000",
            "gross_annual_income": "60000",
            "savings": "40000",
            "service_charge_monthly": "150",
            "net_monthly_income": "3700",
        },
        {"london": "yes"},
        ["32%", "£1,665"],
    ),
    "rent": (
        "/options/calculators/rent",
        {"market_rent_monthly": "1200", "lha_weekly": "207.12", "net_monthly_income": "2400"},
        {"product": "affordable"},
        ["£897.52", "37.4%"],
    ),
    "first-homes": (
        "/options/calculators/first-homes",
        {"market_value": "320000", "gross_annual_income": "48000", "savings": "20000"},
        {"london": "no", "first_time_buyers": "yes"},
        ["£224,000", "£1,221.79"],
    ),
}


def submit(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()


def fill(page: Page, boxes: dict[str, str], radios: dict[str, str]) -> None:
    for name, value in boxes.items():
        page.locator(f"#{name}").fill(value)
    for name, value in radios.items():
        page.locator(f"input[name={name}][value={value}]").check()


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("calculator", CALCULATORS)
def test_calculator_result_is_shown_and_accessible(
    live_server: LiveServer, new_context: Callable[..., BrowserContext], calculator, language, width
):
    path, boxes, radios, figures = CALCULATORS[calculator]
    page = new_context(viewport=WIDTHS[width]).new_page()
    page.goto(live_server(f"{path}?lang={language}"))
    fill(page, boxes, radios)
    submit(page)
    result = page.locator("#your-result")
    assert result.is_visible()
    text = result.inner_text()
    for figure in figures:
        assert figure in text, f"{figure} not in the result: {text}"
    assert result.locator("ol li").count() >= 3  # the working, step by step
    if language == "en":
        assert "not a decision" in text
    else:
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert "How we worked this out" not in text
    # What was typed is still in the form.
    for name, value in boxes.items():
        assert page.locator(f"#{name}").input_value() == value
    assert horizontal_scrolling_problem(page) is None
    assert_no_axe_violations(page, f"{path} result ({language}, {width}px)")


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_calculator_error_state_is_accessible(
    live_server: LiveServer, new_context: Callable[..., BrowserContext], language, width
):
    page = new_context(viewport=WIDTHS[width]).new_page()
    page.goto(live_server(f"/options/calculators/shared-ownership?lang={language}"))
    page.locator("#market_value").fill("lots")
    page.locator("#savings").fill("-5")
    submit(page)
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.locator("#market_value").input_value() == "lots"
    assert page.locator("#savings").input_value() == "-5"
    assert page.locator("#your-result").count() == 0
    assert horizontal_scrolling_problem(page) is None
    assert_no_axe_violations(page, f"calculator error state ({language}, {width}px)")


def test_calculators_work_without_javascript(live_server: LiveServer, new_context: Callable[..., BrowserContext]):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server("/options/?lang=en"))
    page.get_by_role("link", name="Shared ownership calculator").click()
    path, boxes, radios, figures = CALCULATORS["shared-ownership"]
    fill(page, boxes, radios)
    submit(page)
    text = page.locator("#your-result").inner_text()
    for figure in figures:
        assert figure in text


@pytest.mark.parametrize("path", ["/options/", "/options/calculators/"])
def test_calculator_lists_are_accessible(live_server: LiveServer, page: Page, path):
    for language in ("en", "ar"):
        page.goto(live_server(f"{path}?lang={language}"))
        assert_no_axe_violations(page, f"{path} ({language})")
