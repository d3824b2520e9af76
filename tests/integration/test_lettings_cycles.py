"""Bidding cycles in the officer area: the lettings page, planning a cycle, and opening and closing it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import lettings_clock
from portal.data.advert_models import BiddingCycle
from portal.data.letting_models import AutoBid, Bid, ShortlistEntry
from tests.integration.lettings_helpers import a_cycle, a_household, an_advert
from tests.integration.lettings_officer_helpers import actions, all_adverts
from tests.integration.officer_helpers import page_text

NEW = "/officer/lettings/cycles/new"
TODAY = dt.date(2027, 3, 1)


@pytest.fixture(autouse=True)
def _lettings_day(monkeypatch):
    monkeypatch.setattr(lettings_clock, "today", lambda: TODAY)


def cycles(db_session) -> list[BiddingCycle]:
    db_session.expire_all()
    return list(db_session.scalars(select(BiddingCycle).order_by(BiddingCycle.id)))


def a_bid(db_session, advert, household, slot: int = 1) -> Bid:
    bid = Bid(advert_id=advert.id, application_id=household.id, cycle_id=advert.cycle_id, slot=slot)
    db_session.add(bid)
    db_session.flush()
    return bid


def cycle_form(**changes: str) -> dict[str, str]:
    data = {
        "name": "Week 10",
        "opens_on": ["4", "3", "2027"],
        "closes_on": ["8", "3", "2027"],
        "bid_limit": "3",
    }
    data.update(changes)
    return data


def test_the_lettings_page_shows_cycles_with_their_counts_and_adverts_waiting(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    this_week = a_cycle(db_session, status="open", name="This week")
    a_cycle(db_session, status="planned", name="Next week")
    last_week = a_cycle(db_session, status="closed", name="Last week")
    open_advert = an_advert(db_session, cycle=this_week)
    an_advert(db_session, cycle=this_week, status="withdrawn")
    a_bid(db_session, open_advert, a_household(db_session, make_user))
    shortlisting = an_advert(db_session, cycle=last_week, status="closed")
    html = client.get("/officer/lettings").get_data(as_text=True)
    page = " ".join(html.split())
    assert "This week" in page and "Next week" in page and "Last week" in page
    this_week_row = page[page.index("This week") :].split("</tr>")[0]
    assert this_week_row.count('govuk-table__cell--numeric">1<') == 2  # one advert (not the withdrawn one), one bid
    assert shortlisting.reference in page and "Shortlisting" in page
    assert f'href="/officer/lettings/adverts/{shortlisting.id}/shortlist"' in html
    assert open_advert.reference not in page
    for path in ("/officer/lettings/cycles/new", "/officer/lettings/import", "/officer/lettings/landlords"):
        assert f'href="{path}"' in html


def test_a_new_cycle_starts_with_the_configured_bid_limit(sign_in_as, app, monkeypatch):
    monkeypatch.setitem(app.config, "BID_LIMIT_PER_CYCLE", 2)
    client = sign_in_as(Role.OFFICER)
    assert 'name="bid_limit" type="text" value="2"' in client.get(NEW).get_data(as_text=True)


def test_an_officer_plans_a_cycle(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    response = client.post_form(NEW, cycle_form(bid_limit="2"))
    (cycle,) = cycles(db_session)
    assert response.status_code == 302 and response.headers["Location"] == f"/officer/lettings/cycles/{cycle.id}"
    assert (cycle.name, cycle.opens_on, cycle.closes_on, cycle.bid_limit, cycle.status) == (
        "Week 10",
        dt.date(2027, 3, 4),
        dt.date(2027, 3, 8),
        2,
        "planned",
    )
    assert actions(db_session, "cycle", cycle.id) == ["lettings.cycle_created"]
    page = page_text(client, f"/officer/lettings/cycles/{cycle.id}")
    assert "The cycle Week 10 is planned." in page
    assert "From 4 March 2027 to the end of 8 March 2027" in page
    assert "This cycle has no adverts yet." in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": " "}, "Enter a name for the cycle"),
        ({"closes_on": ["3", "3", "2027"]}, "The closing date must be on or after the opening date"),
        ({"opens_on": ["28", "2", "2027"]}, "The opening date must be today or in the future"),
        ({"opens_on": ["31", "2", "2027"]}, "The opening date must be a real date"),
        ({"closes_on": ["", "", ""]}, "Enter the closing date"),
        ({"bid_limit": "0"}, "The number of bids must be from 1 to 20"),
        ({"bid_limit": "many"}, "The number of bids must be a whole number"),
    ],
)
def test_a_cycle_with_a_problem_is_shown_again(sign_in_as, db_session, changes, message):
    client = sign_in_as(Role.OFFICER)
    response = client.post_form(NEW, cycle_form(**{"name": "Keep this name", **changes}))
    page = " ".join(response.get_data(as_text=True).split())
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    if "name" not in changes:
        assert 'value="Keep this name"' in page
    assert cycles(db_session) == []


def test_opening_a_cycle_opens_its_ready_adverts_and_bids_for_households_who_asked(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    cycle = a_cycle(db_session, status="planned", name="Week 10", opens_on=TODAY, closes_on=TODAY + dt.timedelta(4))
    ready = an_advert(db_session, cycle=cycle, status="ready")
    draft = an_advert(db_session, cycle=cycle, status="draft")
    household = a_household(db_session, make_user)
    db_session.add(AutoBid(application_id=household.id, enabled=True, preferences={"tenure": ["social_rent"]}))
    db_session.flush()
    confirm = f"/officer/lettings/cycles/{cycle.id}/open"
    page = page_text(client, confirm)
    assert "1 advert ready for the cycle will take bids until the end of 5 March 2027" in page
    assert f"1 draft stays hidden until published: {draft.reference}." in page
    assert "Opening it now starts bidding early" not in page
    response = client.post_form(confirm, {})
    assert response.status_code == 302
    (saved,) = cycles(db_session)
    assert saved.status == "open" and saved.opened_at is not None
    statuses = {advert.id: advert.status for advert in all_adverts(db_session)}
    assert statuses == {ready.id: "open", draft.id: "draft"}
    (bid,) = db_session.scalars(select(Bid))
    assert (bid.advert_id, bid.application_id, bid.automatic) == (ready.id, household.id, True)
    assert actions(db_session, "cycle", cycle.id) == ["lettings.cycle_opened"]
    assert actions(db_session, "advert", ready.id) == ["lettings.advert_opened"]
    assert actions(db_session, "advert", draft.id) == []
    assert "The cycle Week 10 is open and its adverts are taking bids. We placed 1 automatic bid." in page_text(
        client, f"/officer/lettings/cycles/{cycle.id}"
    )


def test_opening_a_cycle_before_its_day_is_said_to_be_early(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    cycle = a_cycle(db_session, status="planned", opens_on=TODAY + dt.timedelta(3), closes_on=TODAY + dt.timedelta(7))
    assert "This cycle is set to open on 4 March 2027. Opening it now starts bidding early." in page_text(
        client, f"/officer/lettings/cycles/{cycle.id}/open"
    )


def test_closing_a_cycle_closes_its_adverts_and_makes_their_shortlists(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    cycle = a_cycle(db_session, status="open", name="Week 9", opens_on=TODAY - dt.timedelta(7), closes_on=TODAY)
    advert = an_advert(db_session, cycle=cycle, status="open")
    quiet = an_advert(db_session, cycle=cycle, status="open")
    first = a_household(db_session, make_user, band=1)
    second = a_household(db_session, make_user, band=3)
    a_bid(db_session, advert, second)
    a_bid(db_session, advert, first)
    confirm = f"/officer/lettings/cycles/{cycle.id}/close"
    page = page_text(client, confirm)
    assert "Bids are taken until the end of 1 March 2027. Closing the cycle now stops bidding early." in page
    assert "its 2 open adverts stop taking bids" in page
    response = client.post_form(confirm, {})
    assert response.status_code == 302
    (saved,) = cycles(db_session)
    assert saved.status == "closed" and saved.closed_at is not None
    assert {a.status for a in all_adverts(db_session)} == {"closed"}
    entries = list(db_session.scalars(select(ShortlistEntry).order_by(ShortlistEntry.position)))
    assert [(entry.advert_id, entry.application_id, entry.position) for entry in entries] == [
        (advert.id, first.id, 1),
        (advert.id, second.id, 2),
    ]
    assert quiet.id not in {entry.advert_id for entry in entries}
    assert actions(db_session, "cycle", cycle.id) == ["lettings.cycle_closed"]
    assert actions(db_session, "advert", quiet.id) == ["lettings.advert_closed"]
    page = page_text(client, "/officer/lettings")
    assert "The cycle Week 9 is closed. We made 2 shortlists." in page
    assert advert.reference in page and quiet.reference in page


@pytest.mark.parametrize(
    ("status", "step", "message"),
    [
        ("open", "open", "This cycle is already open. Another officer may have opened it."),
        ("closed", "open", "This cycle has closed, so it cannot be opened again."),
        ("planned", "close", "This cycle has not opened yet, so it cannot be closed."),
        ("closed", "close", "This cycle is already closed. Another officer may have closed it."),
    ],
)
def test_a_cycle_is_opened_only_when_planned_and_closed_only_when_open(sign_in_as, db_session, status, step, message):
    client = sign_in_as(Role.OFFICER)
    cycle = a_cycle(db_session, status=status)
    an_advert(db_session, cycle=cycle, status="ready")
    path = f"/officer/lettings/cycles/{cycle.id}/{step}"
    assert message in page_text(client, path)
    response = client.post_form(path, {}, token_from="/account")
    assert response.status_code == 302
    assert cycles(db_session)[0].status == status
    assert all_adverts(db_session)[0].status == "ready"
    assert actions(db_session, "cycle", cycle.id) == []
    assert message in page_text(client, f"/officer/lettings/cycles/{cycle.id}")


def test_the_cycle_page_lists_its_adverts(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    cycle = a_cycle(db_session, status="planned", name="Week 11")
    advert = an_advert(db_session, cycle=cycle, status="ready")
    other = an_advert(db_session, status="open")
    page = page_text(client, f"/officer/lettings/cycles/{cycle.id}")
    assert advert.reference in page and "Ready for its cycle" in page and other.reference not in page
    assert "Open the cycle now" in page


@pytest.mark.parametrize("step", ["", "/open", "/close"])
def test_a_cycle_that_does_not_exist_is_not_found(sign_in_as, step):
    client = sign_in_as(Role.OFFICER)
    path = f"/officer/lettings/cycles/999999{step}"
    assert client.get(path).status_code == 404
    if step:
        assert client.post_form(path, {}, token_from="/account").status_code == 404
