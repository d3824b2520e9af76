"""Bidding through the pages: placing a bid and its confirmation, refusals with every reason, taking a bid
back, the rate limit and CSRF, and "your bids" with honest places and outcomes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import bids
from portal.data.audit import events_for_subject
from portal.data.letting_models import Bid, Let, Offer, ShortlistEntry
from tests.integration.homes_helpers import main_text, signed_in_household, soup_of
from tests.integration.lettings_helpers import a_cycle, a_household, an_advert

TODAY = dt.date.today()


def bid_on(client, advert):
    return client.post_form(f"/homes/{advert.reference}/bid", {}, token_from="/homes/")


def bids_of(db_session, application):
    db_session.expire_all()
    return list(db_session.scalars(select(Bid).where(Bid.application_id == application.id).order_by(Bid.id)))


def card(client, bid):
    response = client.get("/homes/bids")
    assert response.status_code == 200
    found = soup_of(response).select_one(f"#bid-{bid.id}")
    return " ".join(found.get_text(" ").split())


def test_a_household_bids_and_sees_where_it_stands(app, db_session, make_user):
    advert = an_advert(db_session)
    rival = a_household(db_session, make_user, band=1)
    bids.place_bid(db_session, rival, advert, None, TODAY)
    client, household = signed_in_household(app, db_session, make_user)
    response = bid_on(client, advert)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/homes/{advert.reference}/bid-placed"
    text = main_text(client, f"/homes/{advert.reference}/bid-placed")
    assert "Your bid has been placed" in text
    assert "You are number 2 of 2 bidders." in text
    assert "You are using 1 of your 3 bids in this bidding cycle." in text
    [placed] = bids_of(db_session, household)
    assert placed.placed_by_id == client.user.id and not placed.automatic
    assert "lettings.bid_placed" in [e.action for e in events_for_subject(db_session, "application", household.id)]
    page = soup_of(client.get(f"/homes/{advert.reference}"))
    assert page.select_one("#position").get_text(strip=True) == "You are number 2 of 2 bidders."
    assert page.select_one(f"a[href='/homes/bids/{placed.id}/withdraw']") is not None


def test_a_refused_bid_says_so_and_the_page_gives_every_reason(app, db_session, make_user):
    advert = an_advert(db_session, transfer_only=True)
    client, household = signed_in_household(app, db_session, make_user, bedroom_need=3)
    response = bid_on(client, advert)
    assert response.headers["Location"] == f"/homes/{advert.reference}"
    page = client.get(response.headers["Location"])
    text = " ".join(soup_of(page).get_text(" ").split())
    assert "We could not place your bid. The reasons are on this page." in text
    reasons = [li.get_text(" ", strip=True) for li in soup_of(page).select("#blockers li")]
    assert reasons[0] == "This home is for households who need 2 bedrooms. Your household needs 3."
    assert reasons[1].startswith("This home is only for people who already rent their home")
    assert bids_of(db_session, household) == []


def test_bidding_is_for_signed_in_applicants_with_a_token(app, db_session, make_user, client, sign_in_as):
    advert = an_advert(db_session)
    response = client.post_form(f"/homes/{advert.reference}/bid", {}, token_from="/sign-in")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")
    officer = sign_in_as(Role.OFFICER)
    assert officer.post_form(f"/homes/{advert.reference}/bid", {}, token_from="/account/language").status_code == 403
    household_client, household = signed_in_household(app, db_session, make_user)
    assert household_client.post(f"/homes/{advert.reference}/bid").status_code == 400
    closed = an_advert(db_session, status="closed")
    assert household_client.post_form(f"/homes/{closed.reference}/bid", {}, token_from="/homes/").status_code == 404
    assert bids_of(db_session, household) == []


def test_an_applicant_without_a_sent_application_is_told_how_to_bid(db_session, sign_in_as):
    advert = an_advert(db_session)
    client = sign_in_as(Role.APPLICANT)
    response = bid_on(client, advert)
    assert response.headers["Location"] == f"/homes/{advert.reference}"
    text = main_text(client, response.headers["Location"])
    assert "To bid for a home, you need an application on the housing register." in text


def test_bids_are_rate_limited(app, db_session, make_user):
    cycle = a_cycle(db_session)
    adverts = [an_advert(db_session, cycle=cycle) for _ in range(3)]
    client, household = signed_in_household(app, db_session, make_user)
    token = client.csrf_token("/homes/")
    original = app.config["RATE_LIMIT_BID"]
    app.config["RATE_LIMIT_BID"] = "2 per minute"
    try:
        codes = [client.post(f"/homes/{a.reference}/bid", data={"csrf_token": token}).status_code for a in adverts]
    finally:
        app.config["RATE_LIMIT_BID"] = original
    assert codes == [302, 302, 429]
    assert len(bids_of(db_session, household)) == 2


def test_taking_a_bid_back(app, db_session, make_user):
    advert = an_advert(db_session)
    client, household = signed_in_household(app, db_session, make_user)
    bid_on(client, advert)
    [placed] = bids_of(db_session, household)
    path = f"/homes/bids/{placed.id}/withdraw"
    text = main_text(client, path)
    assert "Are you sure you want to take back your bid?" in text
    assert f"You are taking back your bid for {advert.address_line_1}, Brighton Hill." in text
    response = client.post_form(path, {})
    assert response.headers["Location"] == "/homes/bids"
    assert f"You have taken back your bid for {advert.address_line_1}." in main_text(client, "/homes/bids")
    [withdrawn] = bids_of(db_session, household)
    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_by_id == client.user.id
    assert "You took back this bid on" in card(client, withdrawn)
    assert client.get(path).headers["Location"] == "/homes/bids"


def test_no_one_can_take_back_another_households_bid(app, db_session, make_user):
    advert = an_advert(db_session)
    owner = a_household(db_session, make_user)
    theirs = bids.place_bid(db_session, owner, advert, None, TODAY)
    client, _household = signed_in_household(app, db_session, make_user)
    assert client.get(f"/homes/bids/{theirs.id}/withdraw").status_code == 404
    assert client.post_form(f"/homes/bids/{theirs.id}/withdraw", {}, token_from="/homes/").status_code == 404
    assert client.get("/homes/bids/999999/withdraw").status_code == 404
    assert bids_of(db_session, owner)[0].status == "active"


def test_a_bid_cannot_be_taken_back_after_bidding_closes(app, db_session, make_user):
    advert = an_advert(db_session)
    client, household = signed_in_household(app, db_session, make_user)
    placed = bids.place_bid(db_session, household, advert, None, TODAY)
    advert.status = "closed"
    db_session.flush()
    response = client.get(f"/homes/bids/{placed.id}/withdraw")
    assert response.headers["Location"] == "/homes/bids"
    assert "You can only take back a bid while bidding for the home is open." in main_text(client, "/homes/bids")
    assert bids_of(db_session, household)[0].status == "active"


def test_your_bids_while_bidding_is_open(app, db_session, make_user):
    cycle = a_cycle(db_session, name="Week 48")
    advert = an_advert(db_session, cycle=cycle)
    client, household = signed_in_household(app, db_session, make_user)
    placed = bids.place_bid(db_session, household, advert, None, TODAY)
    text = card(client, placed)
    assert "Bidding open" in text and "You are the only bidder so far." in text and "Bidding closes on" in text
    assert "Take back" in text
    assert "You are using 1 of your 3 bids in Week 48." in main_text(client, "/homes/bids")


def _closed_with_bid(db_session, household, **advert_fields):
    advert = an_advert(db_session, **advert_fields)
    placed = bids.place_bid(db_session, household, advert, None, TODAY)
    advert.status = "closed"
    db_session.flush()
    return advert, placed


def _entry(db_session, advert, household, position, status="waiting", excluded=()):
    entry = ShortlistEntry(
        advert_id=advert.id,
        application_id=household.id,
        position=position,
        reference=household.reference,
        band=2,
        status=status,
        excluded_because=list(excluded),
    )
    db_session.add(entry)
    db_session.flush()
    return entry


def test_your_bids_after_bidding_closes_says_only_what_the_records_say(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    _waiting_advert, waiting = _closed_with_bid(db_session, household)
    assert "We are making the shortlist" in card(client, waiting)
    listed_advert, listed = _closed_with_bid(db_session, household)
    _entry(db_session, listed_advert, household, 3)
    assert "You are number 3." in card(client, listed)
    left_advert, left = _closed_with_bid(db_session, household)
    _entry(db_session, left_advert, household, None, "excluded", ["local_connection"])
    text = card(client, left)
    assert "This home's rules left you off the shortlist" in text
    assert "This home is only for people with a local connection to the area." in text
    skipped_advert, skipped = _closed_with_bid(db_session, household)
    _entry(db_session, skipped_advert, household, 1, "skipped")
    assert "We have not offered you this home." in card(client, skipped)
    for shown in (waiting, listed, left, skipped):
        assert "unsuccessful" not in card(client, shown).lower()


def test_your_bids_shows_offers_lets_and_the_household_housed(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    offered_advert, offered = _closed_with_bid(db_session, household)
    _entry(db_session, offered_advert, household, 1, "offered")
    db_session.add(Offer(advert_id=offered_advert.id, application_id=household.id, respond_by=dt.date(2026, 12, 4)))
    db_session.flush()
    text = card(client, offered)
    assert "We have offered you this home." in text and "Please tell us by 4 December 2026 if you want it." in text

    lost_advert, lost = _closed_with_bid(db_session, household)
    _entry(db_session, lost_advert, household, 4)
    winner = a_household(db_session, make_user)
    db_session.add(
        Let(
            advert_id=lost_advert.id,
            application_id=winner.id,
            route="bidding",
            let_on=dt.date(2026, 11, 2),
            bedrooms=2,
            band=1,
            priority_date=dt.date(2024, 5, 6),
            bid_count=9,
        )
    )
    lost_advert.status = "let"
    db_session.flush()
    text = card(client, lost)
    assert "Not successful" in text
    assert "This home was let to another household on 2 November 2026." in text
    assert "You were number 4 on the shortlist." in text
    assert "The household housed was in band 1, with a priority date of 6 May 2024." in text
    assert winner.reference not in main_text(client, "/homes/bids")

    home_advert, home = _closed_with_bid(db_session, household)
    db_session.add(
        Let(advert_id=home_advert.id, application_id=household.id, route="bidding", let_on=TODAY, bedrooms=2)
    )
    home_advert.status = "let"
    db_session.flush()
    assert "You have been housed in this home" in card(client, home)
    assert "We have offered you this home." in main_text(client, f"/homes/{offered_advert.reference}")


def test_your_bids_for_someone_not_on_the_register_yet(sign_in_as):
    client = sign_in_as(Role.APPLICANT)
    text = main_text(client, "/homes/bids")
    assert "To bid for homes, you need to apply to join the housing register first." in text
