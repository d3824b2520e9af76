"""The database itself holds the lettings rules that must survive concurrent requests."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from portal.data.bidders import bidder_for, home_of
from portal.data.letting_models import Bid
from tests.integration.lettings_helpers import a_household, an_advert


def _bid(db_session: Session, advert: Any, application: Any, slot: int, status: str = "active") -> Bid:
    bid = Bid(advert_id=advert.id, application_id=application.id, cycle_id=advert.cycle_id, slot=slot, status=status)
    db_session.add(bid)
    return bid


def test_a_household_cannot_hold_one_bid_slot_twice_in_a_cycle(db_session: Session, make_user: Any) -> None:
    household = a_household(db_session, make_user)
    first = an_advert(db_session)
    second = an_advert(db_session, cycle=first.cycle)
    _bid(db_session, first, household, slot=1)
    db_session.flush()
    _bid(db_session, second, household, slot=1)
    with pytest.raises(IntegrityError), db_session.begin_nested():
        db_session.flush()


def test_a_withdrawn_bid_frees_its_slot(db_session: Session, make_user: Any) -> None:
    household = a_household(db_session, make_user)
    first = an_advert(db_session)
    second = an_advert(db_session, cycle=first.cycle)
    _bid(db_session, first, household, slot=1, status="withdrawn")
    _bid(db_session, second, household, slot=1)
    db_session.flush()


def test_one_active_bid_for_each_advert(db_session: Session, make_user: Any) -> None:
    household = a_household(db_session, make_user)
    advert = an_advert(db_session)
    _bid(db_session, advert, household, slot=1)
    db_session.flush()
    _bid(db_session, advert, household, slot=2)
    with pytest.raises(IntegrityError), db_session.begin_nested():
        db_session.flush()


def test_the_rules_read_the_latest_decision_and_the_advert(db_session: Session, make_user: Any) -> None:
    household = a_household(db_session, make_user, band=1, bedroom_need=3)
    advert = an_advert(db_session, bedrooms=3, weekly_rent_pence=12345)
    bidder = bidder_for(db_session, household, advert.created_at.date())
    assert (bidder.band, bidder.bedroom_need, bidder.stage) == (1, 3, "active")
    assert bidder.reference == household.reference
    home = home_of(advert)
    assert str(home.weekly_rent) == "123.45"
    assert home.landlord_kind == "council"
