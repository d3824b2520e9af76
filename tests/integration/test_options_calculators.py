"""The affordability calculators: open to anyone, results from the rules engine, errors kept on the page."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html import unescape

import pytest

from portal.config import PROJECT_ROOT
from portal.rules.affordability import AffordableRentCase, SocialRentCase, affordable_rent, pounds, social_rent
from portal.rules.first_homes import FirstHomesCase, first_homes
from portal.rules.scheme import load_scheme
from portal.rules.shared_ownership import SharedOwnershipCase, shared_ownership

CASES = PROJECT_ROOT.parent / "shared" / "cases" / "afford-public.jsonl"
RENT = "/options/calculators/rent"
SHARED = "/options/calculators/shared-ownership"
FIRST_HOMES = "/options/calculators/first-homes"


def case(case_id: str) -> dict:
    for line in CASES.read_text().splitlines():
        if line.strip():
            data = json.loads(line, parse_float=Decimal)
            if data["id"] == case_id:
                return data
    raise AssertionError(case_id)


def text_of(response) -> str:
    """The page's text with tags removed and spaces squeezed."""
    html = response.get_data(as_text=True)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def result_section(response) -> str:
    html = response.get_data(as_text=True)
    assert 'id="your-result"' in html
    section = html[html.index('id="your-result"') :]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", section)))


def input_value(response, name: str) -> str:
    html = response.get_data(as_text=True)
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, name
    value = re.search(r'value="([^"]*)"', match.group(0))
    return unescape(value.group(1)) if value else ""


@pytest.mark.parametrize("path", ["/options/", "/options/calculators/", RENT, SHARED, FIRST_HOMES])
def test_pages_open_without_an_account(client, path):
    response = client.get(path + "?lang=en")
    assert response.status_code == 200


def test_options_page_links_to_each_calculator(client):
    html = client.get("/options/?lang=en").get_data(as_text=True)
    for path in (RENT, SHARED, FIRST_HOMES):
        assert f'href="{path}"' in html


def test_shared_ownership_matches_e01(client):
    data = case("E01")
    response = client.post_form(
        SHARED,
        {
            "market_value": "£300,000",
            "gross_annual_income": "40,000",
            "savings": "£20000",
            "london": "no",
        },
    )
    assert response.status_code == 200
    expected = shared_ownership(
        SharedOwnershipCase(Decimal(300000), Decimal(40000), Decimal(20000)), load_scheme("default")
    )
    assert expected.max_share_percent == data["expect"]["max_share_percent"] == 65
    shown = result_section(response)
    assert "65%" in shown
    assert "£1,292.89" in shown
    assert pounds(expected.monthly_rent) in shown
    assert "This looks affordable for you." in shown
    assert "not a decision" in shown
    # The working, with figures from the scheme.
    assert "We leave £5,000 for the costs of buying, so your deposit could be £15,000." in shown
    assert "4.5 times your yearly income. That is £180,000." in shown
    assert "The largest first share anyone can buy is 75%." in shown
    # The engine's own reasons.
    for sentence in expected.sentences:
        assert sentence.text() in shown


def test_shared_ownership_in_london_runs_the_cost_check_e06(client):
    data = case("E06")
    form = {
        "market_value": "500000",
        "gross_annual_income": "60000",
        "savings": "40000",
        "london": "yes",
        "service_charge_monthly": "150",
        "net_monthly_income": "3700",
    }
    response = client.post_form(SHARED, form)
    expected = shared_ownership(
        SharedOwnershipCase(Decimal(500000), Decimal(60000), Decimal(40000), True, Decimal(3700), Decimal(150)),
        load_scheme("default"),
    )
    assert expected.max_share_percent == data["expect"]["max_share_percent"] == 32
    shown = result_section(response)
    assert "32%" in shown
    assert pounds(expected.monthly_cost) in shown
    assert "£1,665" in shown  # 45% of £3,700, the most the monthly cost may be
    assert "We also check the monthly cost" in shown


def test_shared_ownership_in_london_asks_for_take_home_pay(client):
    form = {"market_value": "500000", "gross_annual_income": "60000", "savings": "40000", "london": "yes"}
    response = client.post_form(SHARED, form)
    page = text_of(response)
    assert "Enter your take-home pay each month. We need it to check the monthly cost of this home." in page
    assert 'id="your-result"' not in response.get_data(as_text=True)
    assert input_value(response, "market_value") == "500000"


def test_social_rent_matches_the_engine(client):
    response = client.post_form(
        RENT,
        {
            "product": "social",
            "weekly_rent": "£110.50",
            "service_charge_monthly": "20",
            "housing_support_monthly": "",
            "net_monthly_income": "1,500",
        },
    )
    expected = social_rent(SocialRentCase(Decimal("110.50"), Decimal(1500), Decimal(20)), load_scheme("default"))
    shown = result_section(response)
    assert pounds(expected.monthly_cost) in shown
    assert "£478.83" in shown
    assert "This looks affordable for you." in shown
    for sentence in expected.sentences:
        assert sentence.text() in shown


def test_affordable_rent_capped_at_lha_matches_e09(client):
    data = case("E09")
    response = client.post_form(
        RENT,
        {"product": "affordable", "market_rent_monthly": "1200", "lha_weekly": "207.12", "net_monthly_income": "2400"},
    )
    expected = affordable_rent(
        AffordableRentCase(Decimal(1200), Decimal(2400), Decimal("207.12")), load_scheme("default")
    )
    assert list(expected.reasons) == data["expect"]["reasons"]
    shown = result_section(response)
    assert "£897.52" in shown
    assert "37.4%" in shown
    assert "This may be hard for you to afford." in shown
    assert "you can still apply" in shown


def test_first_homes_matches_e11(client):
    data = case("E11")
    response = client.post_form(
        FIRST_HOMES,
        {
            "market_value": "320000",
            "discount_percent": "30",
            "gross_annual_income": "48000",
            "savings": "20000",
            "london": "no",
            "first_time_buyers": "yes",
        },
    )
    expected = first_homes(
        FirstHomesCase(Decimal(320000), Decimal(48000), Decimal(20000), True), load_scheme("default")
    )
    assert expected.affordable is data["expect"]["affordable"] is True
    shown = result_section(response)
    assert "£224,000" in shown
    assert "£1,221.79" in shown
    assert "This looks affordable for you." in shown


def test_first_homes_not_first_time_buyer_e14(client):
    response = client.post_form(
        FIRST_HOMES,
        {
            "market_value": "300000",
            "discount_percent": "30",
            "gross_annual_income": "30000",
            "savings": "3000",
            "london": "no",
            "first_time_buyers": "no",
        },
    )
    shown = result_section(response)
    assert "This kind of home may not be open to you." in shown
    assert "First Homes are only for people buying their first home." in shown


def test_first_homes_discount_defaults_to_30(client):
    response = client.get(FIRST_HOMES + "?lang=en")
    assert input_value(response, "discount_percent") == "30"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lots", "Enter an amount using numbers only, like 1,200.50"),
        ("-5", "Enter an amount of 0 or more"),
        ("£-5", "Enter an amount of 0 or more"),
        ("100000001", "Enter an amount of £100,000,000 or less"),
        ("12.345", "Enter an amount with no more than 2 numbers after the decimal point"),
        ("1e5", "Enter an amount using numbers only, like 1,200.50"),
    ],
)
def test_bad_amounts_are_explained_and_kept(client, typed, message):
    form = {"market_value": "£300,000", "gross_annual_income": typed, "savings": "20000", "london": "no"}
    response = client.post_form(SHARED, form)
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page
    assert message in page
    assert 'href="#gross_annual_income"' in response.get_data(as_text=True)
    assert input_value(response, "gross_annual_income") == typed
    assert input_value(response, "market_value") == "£300,000"
    assert 'id="your-result"' not in response.get_data(as_text=True)


def test_missing_answers_are_asked_for(client):
    response = client.post_form(RENT, {"product": "affordable", "lha_weekly": "200"})
    page = text_of(response)
    assert "Enter the market rent each month" in page
    assert "Enter your take-home pay each month" in page
    assert input_value(response, "lha_weekly") == "200"
    response = client.post_form(FIRST_HOMES, {"market_value": "0", "discount_percent": "120"})
    page = text_of(response)
    assert "Enter a price of more than £0" in page
    assert "Enter a discount of 100 or less" in page
    assert "Choose yes if all the buyers are buying their first home" in page


def test_without_the_csrf_token_nothing_is_worked_out(client):
    response = client.post(SHARED, data={"market_value": "300000"})
    assert response.status_code == 400


def test_polish_page_shows_translated_labels(client):
    response = client.get(SHARED + "?lang=pl")
    html = response.get_data(as_text=True)
    assert 'lang="pl"' in html
    assert "Full price of the home" not in html
    assert "Work it out" not in html
    response = client.post_form(
        SHARED,
        {"market_value": "300000", "gross_annual_income": "40000", "savings": "20000", "london": "no"},
    )
    shown = result_section(response)
    assert "Your result" not in shown
    assert "How we worked this out" not in shown
    assert "65%" in shown


def test_an_unknown_choice_is_explained(client):
    response = client.post_form(RENT, {"product": "castle", "weekly_rent": "100", "net_monthly_income": "1000"})
    assert "Choose social rent or Affordable Rent" in text_of(response)
    assert input_value(response, "weekly_rent") == "100"
