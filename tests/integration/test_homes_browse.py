"""Finding a home: the list of homes taking bids with its filters and pages, each home's page in words,
its photos, and who may see what."""

from __future__ import annotations

import pytest

from portal.auth.roles import Role
from portal.data.advert_models import AdvertPhoto
from portal.data.letting_models import Bid
from portal.storage import file_store, new_key
from tests.integration.homes_helpers import error_summary, main_text, signed_in_household, soup_of
from tests.integration.lettings_helpers import a_cycle, a_landlord, an_advert
from tests.integration.lettings_officer_helpers import image_bytes


def card_titles(response):
    return [" ".join(h.get_text(" ").split()) for h in soup_of(response).select(".govuk-summary-card__title")]


def test_visitors_see_only_the_homes_taking_bids_with_the_key_facts(client, db_session):
    cycle = a_cycle(db_session)
    an_advert(db_session, cycle=cycle, address_line_1="1 Open Road", area="Popley", mobility="step_free")
    an_advert(db_session, status="draft", address_line_1="2 Draft Road")
    an_advert(db_session, status="ready", cycle=a_cycle(db_session, status="planned"), address_line_1="3 Ready Road")
    an_advert(db_session, status="closed", address_line_1="4 Closed Road")
    response = client.get("/homes/")
    assert card_titles(response) == ["1 Open Road, Popley"]
    text = main_text(client, "/homes/")
    assert "1 home found" in text
    for shown in ("2 bedrooms, flat", "Social rent", "£110 a week", "Step-free: no steps to get in", "Bidding closes"):
        assert shown in text
    assert cycle.closes_on.strftime("%B") in text
    assert "Save this search" not in text


def test_filters_narrow_the_list_and_a_bad_amount_is_explained_and_ignored(client, db_session):
    cycle = a_cycle(db_session)
    an_advert(db_session, cycle=cycle, address_line_1="Cheap Flat", area="Popley", weekly_rent_pence=9000)
    an_advert(db_session, cycle=cycle, address_line_1="Dear Flat", area="Popley", weekly_rent_pence=16000)
    an_advert(db_session, cycle=cycle, address_line_1="Big House", area="Oakridge", bedrooms=4, property_type="house")
    an_advert(
        db_session,
        cycle=cycle,
        address_line_1="Shared Home",
        area="Popley",
        tenure="shared_ownership",
        weekly_rent_pence=None,
        weekly_service_charge_pence=None,
        market_value_pence=20_000_000,
    )
    assert card_titles(client.get("/homes/?area=Popley&tenure=social_rent")) == [
        "Cheap Flat, Popley",
        "Dear Flat, Popley",
    ]
    assert card_titles(client.get("/homes/?max_weekly_rent=100")) == ["Cheap Flat, Popley"]
    assert card_titles(client.get("/homes/?min_bedrooms=3&property_type=house")) == ["Big House, Oakridge"]
    assert card_titles(client.get("/homes/?tenure=first_homes")) == []
    assert "No homes taking bids now match these filters" in main_text(client, "/homes/?tenure=first_homes")
    response = client.get("/homes/?max_weekly_rent=lots&area=Popley")
    assert response.status_code == 200
    assert error_summary(response) == ["Enter an amount using numbers only, like 1,200.50"]
    assert soup_of(response).find("input", {"name": "max_weekly_rent"})["value"] == "lots"
    assert len(card_titles(response)) == 3
    response = client.get("/homes/?min_bedrooms=4&max_bedrooms=2")
    assert error_summary(response) == ["The most bedrooms must be the same as or more than the fewest bedrooms"]


@pytest.mark.parametrize("query", ["tenure=castle", "min_bedrooms=99", "area=Nowhere", "page=-1", "page=abc"])
def test_odd_queries_never_fail(client, db_session, query):
    an_advert(db_session)
    assert client.get(f"/homes/?{query}").status_code == 200


def test_homes_come_twenty_a_page(client, db_session):
    cycle = a_cycle(db_session)
    for number in range(21):
        an_advert(db_session, cycle=cycle, address_line_1=f"{number} Long Road")
    first = client.get("/homes/")
    assert len(card_titles(first)) == 20
    assert "Showing 1 to 20 of 21." in main_text(client, "/homes/")
    next_link = soup_of(first).select_one(".govuk-pagination__next a")["href"]
    assert len(card_titles(client.get(next_link))) == 1
    assert len(card_titles(client.get("/homes/?page=9"))) == 1


def test_an_open_home_is_described_in_words(client, db_session):
    landlord = a_landlord(db_session, kind="housing_association", name="Sovereign Homes")
    advert = an_advert(
        db_session,
        landlord=landlord,
        floor=0,
        has_lift=True,
        mobility="wheelchair_partial",
        accessibility="Level entrance and a wet room.",
        description="A quiet flat.\nNear the park.",
        min_age=55,
        local_connection_only=True,
        local_lettings_plan="Half of these homes go to people who work locally.",
        latitude=51.2634,
        longitude=-1.0871,
    )
    text = main_text(client, f"/homes/{advert.reference}")
    for shown in (
        "A quiet flat.",
        "Near the park.",
        "Ground floor",
        "Yes, there is a lift",
        "Suitable for someone who uses a wheelchair some of the time",
        "Level entrance and a wet room.",
        "Map position 51.2634, -1.0871",
        "Sovereign Homes (Housing association)",
        "For households who need 2 bedrooms.",
        "For people aged 55 or over.",
        "Only for people with a local connection to the area.",
        "Half of these homes go to people who work locally.",
        "Rent £110 a week",
        "Service charge £5 a week",
        "Bidding opens on",
        "Sign in to bid",
    ):
        assert shown in text, shown
    assert "openstreetmap" not in client.get(f"/homes/{advert.reference}").get_data(as_text=True).lower()


def test_homes_to_buy_show_their_price_and_shares(client, db_session):
    shared = an_advert(
        db_session,
        tenure="shared_ownership",
        weekly_rent_pence=None,
        weekly_service_charge_pence=None,
        market_value_pence=25_000_000,
        min_share_percent=25,
        max_share_percent=75,
        monthly_rent_pence=43_000,
        monthly_service_charge_pence=8_000,
    )
    text = main_text(client, f"/homes/{shared.reference}")
    assert "Full price £250,000" in text and "25% to 75%" in text and "£430 a month" in text
    first = an_advert(
        db_session,
        tenure="first_homes",
        weekly_rent_pence=None,
        weekly_service_charge_pence=None,
        market_value_pence=30_000_000,
        discount_percent=30,
    )
    assert "£210,000, after a discount of 30%" in main_text(client, f"/homes/{first.reference}")


def test_homes_not_taking_bids_are_not_found_unless_the_household_bid(app, db_session, make_user, client):
    closed = an_advert(db_session, status="closed")
    draft = an_advert(db_session, status="draft")
    for path in (f"/homes/{closed.reference}", f"/homes/{draft.reference}", "/homes/NO-SUCH", "/homes/" + "x" * 300):
        assert client.get(path).status_code == 404
    household_client, household = signed_in_household(app, db_session, make_user)
    assert household_client.get(f"/homes/{closed.reference}").status_code == 404
    db_session.add(Bid(advert_id=closed.id, application_id=household.id, cycle_id=closed.cycle_id, slot=1))
    db_session.flush()
    text = main_text(household_client, f"/homes/{closed.reference}")
    assert "Not taking bids" in text
    assert "Bidding has closed" in text
    assert household_client.get(f"/homes/{draft.reference}").status_code == 404


def test_photos_are_shown_with_their_words_and_served_only_while_the_home_may_be_seen(app, client, db_session):
    advert = an_advert(db_session)
    key = new_key("adverts")
    file_store(app).put(key, image_bytes(), "image/png")
    photo = AdvertPhoto(advert_id=advert.id, position=0, file_key=key, content_type="image/png", alt="The kitchen")
    db_session.add(photo)
    db_session.flush()
    page = soup_of(client.get(f"/homes/{advert.reference}"))
    image = page.select_one("main img")
    assert image["alt"] == "The kitchen" and image["src"] == f"/homes/photos/{photo.id}"
    listed = soup_of(client.get("/homes/")).select_one("main img")
    assert listed["alt"] == "The kitchen"
    served = client.get(f"/homes/photos/{photo.id}")
    assert served.status_code == 200 and served.mimetype == "image/png"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    advert.status = "withdrawn"
    db_session.flush()
    assert client.get(f"/homes/photos/{photo.id}").status_code == 404
    assert client.get("/homes/photos/999999").status_code == 404


def test_the_bidding_part_of_the_page_speaks_to_who_is_looking(app, db_session, make_user, sign_in_as, client):
    advert = an_advert(db_session)
    assert "Sign in to bid" in main_text(client, f"/homes/{advert.reference}")
    officer = sign_in_as(Role.OFFICER)
    assert "Staff accounts cannot bid" in main_text(officer, f"/homes/{advert.reference}")
    new_applicant = sign_in_as(Role.APPLICANT)
    text = main_text(new_applicant, f"/homes/{advert.reference}")
    assert "You cannot bid for this home." in text
    assert "you need an application on the housing register" in text
    assert "Apply to join the housing register" in text
    household_client, _household = signed_in_household(app, db_session, make_user, bedroom_need=3)
    text = main_text(household_client, f"/homes/{advert.reference}")
    assert "This home is for households who need 2 bedrooms. Your household needs 3." in text
    able_client, _able = signed_in_household(app, db_session, make_user)
    page = soup_of(able_client.get(f"/homes/{advert.reference}"))
    assert page.select_one("#bid-status").get_text(strip=True) == "You can bid for this home."
    assert page.select_one(f"form[action='/homes/{advert.reference}/bid']") is not None


def test_applicants_can_save_a_search_from_the_list(app, db_session, make_user):
    an_advert(db_session, area="Popley")
    household_client, _household = signed_in_household(app, db_session, make_user)
    page = soup_of(household_client.get("/homes/?area=Popley&tenure=social_rent&tenure=affordable_rent"))
    form = page.select_one("form[action='/homes/alerts']")
    hidden = sorted((field["name"], field["value"]) for field in form.select("input[type=hidden]"))
    assert ("area", "Popley") in hidden
    assert [value for name, value in hidden if name == "tenure"] == ["affordable_rent", "social_rent"]


def test_the_pages_work_in_other_languages_and_right_to_left(client, db_session):
    advert = an_advert(db_session)
    for path in ("/homes/?lang=ar", f"/homes/{advert.reference}?lang=pl", "/homes/results?lang=ur"):
        response = client.get(path)
        assert response.status_code == 200
    assert soup_of(client.get("/homes/?lang=ar")).find("html")["dir"] == "rtl"
