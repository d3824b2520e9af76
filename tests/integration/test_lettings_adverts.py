"""Adverts in the officer area: making and changing them, their details in words, publishing and withdrawing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.letting_models import Bid
from tests.integration.lettings_helpers import a_cycle, a_household, a_landlord, an_advert
from tests.integration.lettings_officer_helpers import actions, advert_form, all_adverts
from tests.integration.officer_helpers import page_text

NEW = "/officer/lettings/adverts/new"


def test_an_officer_makes_a_draft_advert_with_money_in_pence(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    landlord = a_landlord(db_session, name="Exampleton Borough Council")
    cycle = a_cycle(db_session, status="planned", name="Week 14")
    response = client.post_form(NEW, advert_form(landlord.id, cycle=str(cycle.id)))
    (advert,) = all_adverts(db_session)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/officer/lettings/adverts/{advert.id}"
    assert advert.status == "draft" and advert.cycle_id == cycle.id
    assert advert.reference.startswith("HM-") and len(advert.reference) == 9
    assert (advert.weekly_rent_pence, advert.weekly_service_charge_pence) == (11050, 625)
    assert advert.market_value_pence is None and advert.postcode == "EX1 2AB"
    assert (advert.floor, advert.has_lift, advert.created_by_id) == (1, False, client.user.id)
    assert actions(db_session, "advert", advert.id) == ["lettings.advert_created"]
    page = page_text(client, f"/officer/lettings/adverts/{advert.id}")
    assert f"Advert {advert.reference} saved as a draft" in page
    for words in (
        "1st floor, no lift",
        "General needs: may have steps or stairs",
        "£110.50 a week",
        "£6.25 a week",
        "Only for households who need 2 bedrooms.",
        "Week 14: bids from",
        "Exampleton Borough Council (council)",
        "Flat 4 Ash Court, 12 Station Road, Exampleton, EX1 2AB",
        "Publish the advert",
    ):
        assert words in page, words


def test_the_details_say_every_rule_and_cost_in_words(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(
        db_session,
        status="draft",
        tenure="shared_ownership",
        weekly_rent_pence=None,
        weekly_service_charge_pence=None,
        market_value_pence=21000000,
        min_share_percent=10,
        max_share_percent=75,
        monthly_rent_pence=38500,
        floor=0,
        has_lift=None,
        mobility="wheelchair",
        min_age=55,
        max_age=None,
        min_bedroom_need=1,
        max_bedroom_need=3,
        transfer_only=True,
        local_connection_only=True,
        local_lettings_plan="For people who work nearby.",
        latitude=51.2667,
        longitude=-1.0876,
    )
    page = page_text(client, f"/officer/lettings/adverts/{advert.id}")
    for words in (
        "£210,000",
        "From 10% to 75%",
        "£385 a month",
        "Ground floor",
        "Suitable for someone who uses a wheelchair all the time",
        "Only for applicants aged 55 or over.",
        "Only for households who need 1 to 3 bedrooms.",
        "Only for tenants of the council or a housing association who are moving home.",
        "Only for households with a local connection.",
        "For people who work nearby.",
        "51.2667, -1.0876",
        "Not in a bidding cycle yet.",
        "Choose a planned or open bidding cycle for it, then publish it.",
    ):
        assert words in page, words
    assert "Weekly rent" not in page


def test_the_advert_pages_share_a_header_and_sub_navigation(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="open")
    html = client.get(f"/officer/lettings/adverts/{advert.id}/photos").get_data(as_text=True)
    assert f"{advert.reference}, {advert.address_line_1}" in html
    assert "Taking bids" in html
    assert f'href="/officer/lettings/adverts/{advert.id}/photos" aria-current="page"' in html
    assert f'href="/officer/lettings/adverts/{advert.id}"' in html
    assert 'aria-label="Advert pages"' in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"address_line_1": " "}, "Enter the first line of the address"),
        ({"landlord": ""}, "Choose the landlord"),
        ({"landlord": "999999"}, "Choose the landlord"),
        ({"tenure": "castle"}, "Choose the tenure"),
        ({"property_type": "yurt"}, "Choose the type of home"),
        ({"bedrooms": ""}, "Enter the number of bedrooms"),
        ({"bedrooms": "two"}, "The number of bedrooms must be a whole number"),
        ({"bedrooms": "21"}, "The number of bedrooms must be from 0 to 20"),
        ({"weekly_rent": ""}, "Enter the weekly rent of a home for social rent"),
        ({"weekly_rent": "lots"}, "Enter the weekly rent using numbers only"),
        ({"weekly_rent": "110.555"}, "no more than 2 numbers after the decimal point"),
        ({"market_value": "200000"}, "Leave the full market value empty for a home for social rent"),
        (
            {"tenure": "shared_ownership", "weekly_rent": "", "weekly_service_charge": ""},
            "Enter the full market value of a shared ownership home",
        ),
        (
            {"tenure": "first_homes", "weekly_rent": "", "weekly_service_charge": ""},
            "Enter the discount of a First Home",
        ),
        ({"min_bedroom_need": "3"}, "The fewest bedrooms needed must not be more than the most"),
        ({"min_age": "70", "max_age": "60"}, "The youngest age must not be more than the oldest age"),
        ({"latitude": "51.2"}, "Give both the latitude and the longitude, or neither"),
        ({"latitude": "95", "longitude": "1"}, "The latitude must be from -90 to 90"),
        ({"floor": "-9"}, "The floor must be from -5 to 100"),
        ({"cycle": "999999"}, "Choose a cycle from the list"),
        ({"transfer_only": "maybe"}, "Choose whether the home is only for tenants moving home"),
    ],
)
def test_an_advert_with_a_problem_is_shown_again_with_the_answers(sign_in_as, db_session, changes, message):
    client = sign_in_as(Role.OFFICER)
    landlord = a_landlord(db_session)
    response = client.post_form(NEW, advert_form(landlord.id, description="Keep these words", **changes))
    page = " ".join(response.get_data(as_text=True).split())
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert "Keep these words" in page
    assert all_adverts(db_session) == []


def test_a_new_advert_needs_a_landlord_first(sign_in_as):
    client = sign_in_as(Role.OFFICER)
    page = page_text(client, NEW)
    assert "Every advert needs a landlord, and there are none yet." in page
    assert 'href="/officer/lettings/landlords/new"' in client.get(NEW).get_data(as_text=True)


def test_changing_an_advert_shows_what_it_holds_and_records_what_changed(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft", weekly_rent_pence=11000)
    edit = f"/officer/lettings/adverts/{advert.id}/edit"
    page = client.get(edit).get_data(as_text=True)
    assert 'value="110.00"' in page and f'value="{advert.address_line_1}"' in page
    response = client.post_form(edit, advert_form(advert.landlord_id, weekly_rent="120", bedrooms="2"))
    assert response.status_code == 302
    (saved,) = all_adverts(db_session)
    assert saved.weekly_rent_pence == 12000 and saved.status == "draft"
    assert actions(db_session, "advert", advert.id)[-1] == "lettings.advert_changed"


def test_a_ready_advert_follows_its_cycle(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    planned = a_cycle(db_session, status="planned")
    advert = an_advert(db_session, status="ready", cycle=planned)
    open_cycle = a_cycle(db_session, status="open")
    edit = f"/officer/lettings/adverts/{advert.id}/edit"
    client.post_form(edit, advert_form(advert.landlord_id, cycle=str(open_cycle.id)))
    (saved,) = all_adverts(db_session)
    assert (saved.cycle_id, saved.status) == (open_cycle.id, "open")


def test_a_ready_advert_with_no_cycle_goes_back_to_being_a_draft(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="ready", cycle=a_cycle(db_session, status="planned"))
    client.post_form(f"/officer/lettings/adverts/{advert.id}/edit", advert_form(advert.landlord_id, cycle=""))
    (saved,) = all_adverts(db_session)
    assert (saved.cycle_id, saved.status) == (None, "draft")


def test_an_open_advert_keeps_its_cycle(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="open")
    other = a_cycle(db_session, status="planned", name="Another cycle")
    edit = f"/officer/lettings/adverts/{advert.id}/edit"
    assert "Another cycle" not in page_text(client, edit)
    response = client.post_form(edit, advert_form(advert.landlord_id, cycle=str(other.id)))
    assert response.status_code == 400
    assert "Choose a cycle from the list" in response.get_data(as_text=True)
    response = client.post_form(edit, advert_form(advert.landlord_id, cycle=str(advert.cycle_id), area="Oakwood"))
    assert response.status_code == 302
    (saved,) = all_adverts(db_session)
    assert (saved.area, saved.status, saved.cycle_id) == ("Oakwood", "open", advert.cycle_id)


@pytest.mark.parametrize("status", ["closed", "let", "withdrawn"])
def test_an_advert_cannot_be_changed_once_bidding_has_ended(sign_in_as, db_session, status):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status=status, area="Before")
    edit = f"/officer/lettings/adverts/{advert.id}/edit"
    assert "This advert can no longer be changed" in page_text(client, edit)
    response = client.post_form(edit, advert_form(advert.landlord_id, area="After"), token_from="/account")
    assert response.status_code == 200
    assert all_adverts(db_session)[0].area == "Before"
    assert "Change the advert" not in page_text(client, f"/officer/lettings/adverts/{advert.id}")


@pytest.mark.parametrize(("cycle_status", "becomes"), [("planned", "ready"), ("open", "open")])
def test_publishing_a_draft_puts_it_in_its_cycle(sign_in_as, db_session, cycle_status, becomes):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft", cycle=a_cycle(db_session, status=cycle_status))
    details = f"/officer/lettings/adverts/{advert.id}"
    page = page_text(client, details + "/publish")
    assert "can see it and bid for it" in page and "Publish the advert" in page
    response = client.post_form(details + "/publish", {})
    assert response.status_code == 302
    assert all_adverts(db_session)[0].status == becomes
    assert actions(db_session, "advert", advert.id) == ["lettings.advert_published"]
    assert "is published" in page_text(client, details)


def test_a_draft_without_a_cycle_is_not_published(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft")
    details = f"/officer/lettings/adverts/{advert.id}"
    assert "Choose a planned or open bidding cycle for the advert before you publish it." in page_text(
        client, details + "/publish"
    )
    client.post_form(details + "/publish", {}, token_from="/account")
    assert all_adverts(db_session)[0].status == "draft"
    assert "Choose a planned or open bidding cycle for the advert before you publish it." in page_text(client, details)


def test_publishing_twice_or_without_the_token_changes_nothing(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft", cycle=a_cycle(db_session, status="planned"))
    details = f"/officer/lettings/adverts/{advert.id}"
    assert client.post(details + "/publish").status_code == 400
    assert all_adverts(db_session)[0].status == "draft"
    client.post_form(details + "/publish", {})
    assert "This advert has been published already." in page_text(client, details + "/publish")
    client.post_form(details + "/publish", {}, token_from="/account")
    assert all_adverts(db_session)[0].status == "ready"
    assert "has been published already" in page_text(client, details)
    assert actions(db_session, "advert", advert.id) == ["lettings.advert_published"]


def test_withdrawing_an_advert_needs_a_reason_and_gives_the_bids_back(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="open")
    household = a_household(db_session, make_user)
    db_session.add(Bid(advert_id=advert.id, application_id=household.id, cycle_id=advert.cycle_id, slot=1))
    db_session.flush()
    withdraw = f"/officer/lettings/adverts/{advert.id}/withdraw"
    assert "1 household has bid for this home" in page_text(client, withdraw)
    response = client.post_form(withdraw, {"reason": " "})
    assert response.status_code == 400
    assert "Say why you are withdrawing the advert" in response.get_data(as_text=True)
    assert all_adverts(db_session)[0].status == "open"
    response = client.post_form(withdraw, {"reason": "The landlord needs the home back."})
    assert response.status_code == 302
    (saved,) = all_adverts(db_session)
    bid = db_session.scalar(select(Bid))
    assert saved.status == "withdrawn"
    assert (bid.status, bid.withdrawn_by_id) == ("withdrawn", client.user.id)
    assert actions(db_session, "advert", advert.id) == ["lettings.advert_withdrawn"]
    assert "lettings.bid_given_back" in actions(db_session, "application", household.id)
    assert "1 bid was given back" in page_text(client, f"/officer/lettings/adverts/{advert.id}")


def test_a_let_advert_cannot_be_withdrawn(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="let")
    withdraw = f"/officer/lettings/adverts/{advert.id}/withdraw"
    assert "This advert cannot be withdrawn now" in page_text(client, withdraw)
    client.post_form(withdraw, {"reason": "Because"}, token_from="/account")
    assert all_adverts(db_session)[0].status == "let"


def test_the_list_of_adverts_filters_by_status_and_cycle(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    cycle = a_cycle(db_session, status="open", name="This week")
    taking_bids = an_advert(db_session, status="open", cycle=cycle)
    draft = an_advert(db_session, status="draft")
    elsewhere = an_advert(db_session, status="open")
    page = page_text(client, "/officer/lettings/adverts")
    assert all(advert.reference in page for advert in (taking_bids, draft, elsewhere))
    page = page_text(client, "/officer/lettings/adverts?status=draft")
    assert draft.reference in page and taking_bids.reference not in page
    page = page_text(client, f"/officer/lettings/adverts?cycle={cycle.id}")
    assert taking_bids.reference in page and elsewhere.reference not in page and draft.reference not in page
    page = page_text(client, "/officer/lettings/adverts?status=nonsense&cycle=abc")
    assert all(advert.reference in page for advert in (taking_bids, draft, elsewhere))
    assert "No adverts match these filters." in page_text(client, "/officer/lettings/adverts?status=let")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/officer/lettings/adverts/999999"),
        ("get", "/officer/lettings/adverts/999999/edit"),
        ("get", "/officer/lettings/adverts/999999/publish"),
        ("post", "/officer/lettings/adverts/999999/publish"),
        ("get", "/officer/lettings/adverts/999999/withdraw"),
    ],
)
def test_an_advert_that_does_not_exist_is_not_found(sign_in_as, method, path):
    client = sign_in_as(Role.OFFICER)
    if method == "post":
        assert client.post_form(path, {}, token_from="/account").status_code == 404
    else:
        assert client.get(path).status_code == 404


def test_only_officers_see_adverts(sign_in_as, db_session):
    advert = an_advert(db_session, status="draft")
    for role in (Role.APPLICANT, Role.SUPPORT_WORKER):
        assert sign_in_as(role).get(f"/officer/lettings/adverts/{advert.id}").status_code == 403
