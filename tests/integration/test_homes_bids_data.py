"""The bids data API: slots within the cycle's limit, every reason a bid is refused, taking a bid back,
the retry when another request takes the same slot, and auto-bidding when a cycle opens."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.data import auto_bids, bids
from portal.data.audit import events_for_subject
from portal.data.letting_models import Bid
from tests.integration.lettings_helpers import a_cycle, a_household, an_advert

TODAY = dt.date.today()


def _bids_of(db_session, application):
    return list(db_session.scalars(select(Bid).where(Bid.application_id == application.id).order_by(Bid.id)))


def test_each_bid_takes_the_lowest_free_slot_and_the_limit_holds(db_session, make_user):
    household = a_household(db_session, make_user)
    cycle = a_cycle(db_session, bid_limit=2)
    first, second, third = (an_advert(db_session, cycle=cycle) for _ in range(3))
    assert bids.place_bid(db_session, household, first, None, TODAY).slot == 1
    assert bids.place_bid(db_session, household, second, None, TODAY).slot == 2
    with pytest.raises(bids.BidRefused) as refused:
        bids.place_bid(db_session, household, third, None, TODAY)
    assert refused.value.check.codes == ("bid_limit",)
    actions = [event.action for event in events_for_subject(db_session, "application", household.id)]
    assert actions.count("lettings.bid_placed") == 2


def test_taking_a_bid_back_frees_its_slot_for_the_next_bid(db_session, make_user):
    household = a_household(db_session, make_user)
    officer = make_user()
    cycle = a_cycle(db_session, bid_limit=2)
    first, second, third = (an_advert(db_session, cycle=cycle) for _ in range(3))
    placed = bids.place_bid(db_session, household, first, None, TODAY)
    bids.place_bid(db_session, household, second, None, TODAY)
    bids.withdraw_bid(db_session, placed, officer)
    assert placed.status == "withdrawn" and placed.withdrawn_by_id == officer.id and placed.withdrawn_at
    again = bids.place_bid(db_session, household, third, None, TODAY)
    assert again.slot == 1
    with pytest.raises(bids.BidNotWithdrawable):
        bids.withdraw_bid(db_session, placed, None)
    event = events_for_subject(db_session, "application", household.id)
    assert any(e.action == "lettings.bid_withdrawn" and e.details["advert"] == first.reference for e in event)


def test_a_bid_cannot_be_taken_back_once_bidding_has_closed(db_session, make_user):
    household = a_household(db_session, make_user)
    advert = an_advert(db_session)
    placed = bids.place_bid(db_session, household, advert, None, TODAY)
    advert.status = "closed"
    db_session.flush()
    with pytest.raises(bids.BidNotWithdrawable):
        bids.withdraw_bid(db_session, placed, None)
    assert placed.status == "active"


def test_every_reason_is_given_when_a_bid_is_refused(db_session, make_user):
    household = a_household(db_session, make_user, bedroom_need=1)
    advert = an_advert(db_session, transfer_only=True)
    with pytest.raises(bids.BidRefused) as refused:
        bids.place_bid(db_session, household, advert, None, TODAY)
    assert refused.value.check.codes == ("too_few_bedrooms_needed", "transfer_only")
    assert _bids_of(db_session, household) == []


def test_a_second_bid_on_the_same_home_and_a_home_not_taking_bids_are_refused(db_session, make_user):
    household = a_household(db_session, make_user)
    advert = an_advert(db_session)
    bids.place_bid(db_session, household, advert, None, TODAY)
    with pytest.raises(bids.BidRefused) as refused:
        bids.place_bid(db_session, household, advert, None, TODAY)
    assert refused.value.check.codes == ("already_bid",)
    ready = an_advert(db_session, status="ready", cycle=a_cycle(db_session, status="planned"))
    with pytest.raises(bids.BidRefused) as refused:
        bids.place_bid(db_session, household, ready, None, TODAY)
    assert refused.value.check.codes == ("advert_not_open",)


def test_households_not_on_the_register_cannot_bid(db_session, make_user):
    waiting = a_household(db_session, make_user, stage="being_assessed")
    no_band = a_household(db_session, make_user, band=None)
    advert = an_advert(db_session)
    for household in (waiting, no_band):
        with pytest.raises(bids.BidRefused) as refused:
            bids.place_bid(db_session, household, advert, None, TODAY)
        assert refused.value.check.codes == ("not_on_register",)


def test_when_another_request_takes_the_slot_first_the_bid_takes_the_next_one(db_session, make_user, monkeypatch):
    household = a_household(db_session, make_user)
    cycle = a_cycle(db_session, bid_limit=3)
    first, second = an_advert(db_session, cycle=cycle), an_advert(db_session, cycle=cycle)
    bids.place_bid(db_session, household, first, None, TODAY)
    real_used_slots = bids._used_slots
    calls = []

    def stale_then_real(session, application_id, cycle_id):
        calls.append(1)
        # The first look misses the bid another request has just placed, as a race would.
        return set() if len(calls) == 1 else real_used_slots(session, application_id, cycle_id)

    monkeypatch.setattr(bids, "_used_slots", stale_then_real)
    placed = bids.place_bid(db_session, household, second, None, TODAY)
    assert placed.slot == 2 and len(calls) == 2
    assert [bid.slot for bid in _bids_of(db_session, household)] == [1, 2]


def test_when_every_slot_is_taken_by_racing_requests_the_bid_is_refused_at_the_limit(
    db_session, make_user, monkeypatch
):
    household = a_household(db_session, make_user)
    cycle = a_cycle(db_session, bid_limit=1)
    first, second = an_advert(db_session, cycle=cycle), an_advert(db_session, cycle=cycle)
    bids.place_bid(db_session, household, first, None, TODAY)
    # Both looks miss the other request's bid: the database refuses the slot each time.
    monkeypatch.setattr(bids, "_used_slots", lambda *args: set())
    monkeypatch.setattr(bids, "active_bid_count", lambda *args: 0)
    with pytest.raises(bids.BidRefused) as refused:
        bids.place_bid(db_session, household, second, None, TODAY)
    assert refused.value.check.codes == ("bid_limit",)
    assert len(_bids_of(db_session, household)) == 1


def test_live_places_rank_the_bidders_as_the_shortlist_will(db_session, make_user):
    advert = an_advert(db_session)
    band_one = a_household(db_session, make_user, band=1)
    band_two = a_household(db_session, make_user, band=2)
    too_small = a_household(db_session, make_user, bedroom_need=1)
    for household in (band_two, band_one):
        bids.place_bid(db_session, household, advert, None, TODAY)
    db_session.add(Bid(advert_id=advert.id, application_id=too_small.id, cycle_id=advert.cycle_id, slot=1))
    db_session.flush()
    places = bids.live_places(db_session, advert, [band_one.id, band_two.id, too_small.id], TODAY)
    assert (places[band_one.id].position, places[band_one.id].eligible_bidders) == (1, 2)
    assert places[band_two.id].position == 2
    assert places[too_small.id].position is None
    assert places[too_small.id].excluded_because == ("too_few_bedrooms_needed",)


def test_auto_bids_go_on_matching_open_homes_up_to_the_limit(db_session, make_user):
    cycle = a_cycle(db_session, bid_limit=2)
    flat_a = an_advert(db_session, cycle=cycle, area="Popley")
    house = an_advert(db_session, cycle=cycle, area="Popley", property_type="house")
    an_advert(db_session, cycle=cycle, area="Oakridge")
    flat_b = an_advert(db_session, cycle=cycle, area="popley")
    flat_c = an_advert(db_session, cycle=cycle, area="Popley")
    keen = a_household(db_session, make_user)
    auto_bids.save_auto_bid(
        db_session,
        keen,
        enabled=True,
        preferences={"area": ["Popley"], "property_type": ["flat"]},
        actor=None,
        by_officer=False,
    )
    waiting = a_household(db_session, make_user, stage="being_assessed")
    auto_bids.save_auto_bid(db_session, waiting, enabled=True, preferences={}, actor=None, by_officer=False)
    stopped = a_household(db_session, make_user)
    auto_bids.save_auto_bid(db_session, stopped, enabled=False, preferences={}, actor=None, by_officer=False)

    assert auto_bids.place_auto_bids(db_session, cycle, TODAY) == 2
    placed = _bids_of(db_session, keen)
    assert [bid.advert_id for bid in placed] == [flat_a.id, flat_b.id]
    assert all(bid.automatic and bid.placed_by_id is None for bid in placed)
    assert house.id not in {bid.advert_id for bid in placed} and flat_c.id not in {b.advert_id for b in placed}
    assert _bids_of(db_session, waiting) == [] and _bids_of(db_session, stopped) == []
    actions = [event.action for event in events_for_subject(db_session, "application", keen.id)]
    assert actions.count("lettings.auto_bid") == 2


def test_auto_bids_skip_homes_the_household_cannot_bid_for_and_count_bids_already_placed(db_session, make_user):
    cycle = a_cycle(db_session, bid_limit=2)
    an_advert(db_session, cycle=cycle, min_bedroom_need=3, max_bedroom_need=3, bedrooms=3)
    already = an_advert(db_session, cycle=cycle)
    fits = an_advert(db_session, cycle=cycle)
    an_advert(db_session, cycle=cycle)  # after the limit is reached
    household = a_household(db_session, make_user, bedroom_need=2)
    bids.place_bid(db_session, household, already, None, TODAY)
    auto_bids.save_auto_bid(
        db_session,
        household,
        enabled=True,
        preferences={"mobility": auto_bids.STEP_FREE_HOMES["none"]},
        actor=None,
        by_officer=False,
    )
    assert auto_bids.place_auto_bids(db_session, cycle, TODAY) == 1
    assert {bid.advert_id for bid in _bids_of(db_session, household)} == {already.id, fits.id}


def test_step_free_preferences_bid_only_on_homes_without_steps(db_session, make_user):
    cycle = a_cycle(db_session)
    an_advert(db_session, cycle=cycle, mobility="general")
    step_free = an_advert(db_session, cycle=cycle, mobility="step_free")
    wheelchair = an_advert(db_session, cycle=cycle, mobility="wheelchair")
    household = a_household(db_session, make_user)
    saved = auto_bids.save_auto_bid(
        db_session,
        household,
        enabled=True,
        preferences={"mobility": auto_bids.STEP_FREE_HOMES["step_free"]},
        actor=None,
        by_officer=False,
    )
    assert auto_bids.step_free_need(saved.preferences) == "step_free"
    assert auto_bids.place_auto_bids(db_session, cycle, TODAY) == 2
    assert {bid.advert_id for bid in _bids_of(db_session, household)} == {step_free.id, wheelchair.id}


def test_preferences_keep_only_known_kinds_and_each_area_once():
    cleaned = auto_bids.clean_preferences(
        {"tenure": ["social_rent", "castle"], "area": ["Popley", " popley ", ""], "property_type": "flat", "x": 1}
    )
    assert cleaned == {"tenure": ["social_rent"], "area": ["Popley"], "property_type": ["flat"], "mobility": []}
