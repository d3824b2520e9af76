"""The affordability check on a home's page: advice from the rules, from the household's recorded money or
from figures typed on the page (never saved), with money advice when it does not pass."""

from __future__ import annotations

from tests.integration.homes_helpers import error_summary, main_text, set_money, signed_in_household, soup_of
from tests.integration.lettings_helpers import an_advert


def section_text(response) -> str:
    section = soup_of(response).select_one("#affordability")
    return " ".join(section.get_text(" ").split()) if section else ""


def test_the_recorded_take_home_pay_is_used_for_a_rent_home(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    set_money(db_session, household, take_home_pay="1800")
    advert = an_advert(db_session)  # £110 rent and £5 service charge a week
    text = section_text(client.get(f"/homes/{advert.reference}"))
    assert "This home looks affordable for you." in text
    assert "This uses the money your application told us about." in text
    assert "Rent each month £476.67" in text
    assert "What you would pay each month £498.33" in text
    assert "This check is only advice to help you plan. It is never a reason to turn you down." in text
    assert "Free money advice" not in text
    assert soup_of(client.get(f"/homes/{advert.reference}")).find("input", {"name": "take_home_pay"})["value"] == "1800"


def test_a_rent_that_is_too_high_is_advice_with_a_money_advice_line_and_bidding_still_open(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    set_money(db_session, household, take_home_pay="1200")
    advert = an_advert(db_session)
    response = client.get(f"/homes/{advert.reference}")
    text = section_text(response)
    assert "This home may be hard for you to afford." in text
    assert "You can still be offered this home." in text
    assert "Free money advice can help you plan." in text
    assert soup_of(response).select_one("#affordability a[href='/contact']") is not None
    assert soup_of(response).select_one("#bid-status").get_text(strip=True) == "You can bid for this home."


def test_without_a_recorded_take_home_pay_the_page_asks_for_it_and_saves_nothing(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    advert = an_advert(db_session)
    text = section_text(client.get(f"/homes/{advert.reference}"))
    assert "Tell us how much money your household takes home each month" in text
    assert "We do not save what you type here." in text
    response = client.get(f"/homes/{advert.reference}?take_home_pay=£1,200&housing_support=100")
    text = section_text(response)
    assert "This uses the figures you typed." in text
    assert "After £100 a month of help with housing costs, you would pay £398.33 a month." in text
    assert "This home looks affordable for you." in text
    db_session.expire_all()
    assert "take_home_pay" not in household.section("money")


def test_typed_figures_with_a_problem_are_explained_and_kept(client, db_session):
    advert = an_advert(db_session)
    response = client.get(f"/homes/{advert.reference}?take_home_pay=lots&housing_support=-4")
    assert response.status_code == 200
    assert error_summary(response) == [
        "Enter an amount using numbers only, like 1,200.50",
        "Enter an amount of 0 or more",
    ]
    assert soup_of(response).find("input", {"name": "take_home_pay"})["value"] == "lots"
    response = client.get(f"/homes/{advert.reference}?take_home_pay=")
    assert error_summary(response) == ["Enter how much your household takes home each month, or 0 if there is none"]


def test_visitors_can_check_a_rent_home_with_their_own_figures(client, db_session):
    advert = an_advert(db_session)
    text = section_text(client.get(f"/homes/{advert.reference}?take_home_pay=1000"))
    assert "This home may be hard for you to afford." in text


def test_shared_ownership_uses_the_income_and_savings_the_application_recorded(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    set_money(db_session, household, income="40000", savings="20000")
    advert = an_advert(
        db_session,
        tenure="shared_ownership",
        weekly_rent_pence=None,
        weekly_service_charge_pence=None,
        market_value_pence=30_000_000,
    )
    text = section_text(client.get(f"/homes/{advert.reference}"))
    assert "Largest share you could buy" in text
    assert "This uses the money your application told us about." in text


def test_homes_to_buy_send_visitors_to_the_calculators(client, db_session):
    first = an_advert(
        db_session,
        tenure="first_homes",
        weekly_rent_pence=None,
        weekly_service_charge_pence=None,
        market_value_pence=30_000_000,
        discount_percent=30,
    )
    response = client.get(f"/homes/{first.reference}")
    assert "we need your household's income and savings" in section_text(response)
    assert soup_of(response).select_one("#affordability a[href='/options/calculators/first-homes']") is not None


def test_first_homes_check_for_a_household_that_owns_a_home(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    set_money(db_session, household, income="40000", savings="30000", owns_property="yes")
    advert = an_advert(
        db_session,
        tenure="first_homes",
        weekly_rent_pence=None,
        weekly_service_charge_pence=None,
        market_value_pence=30_000_000,
        discount_percent=30,
    )
    text = main_text(client, f"/homes/{advert.reference}")
    assert "This kind of home may not be open to you." in text
    assert "Price after the discount £210,000" in text
