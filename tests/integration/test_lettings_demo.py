"""A whole letting cycle on the demo data, through the pages: bid, close, shortlist, skip, offer, accept,
let and publish, with the household seeing honest positions and outcomes at each step, and the shortlist
in the same order as ``housing-register rank``."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from portal.data.accounts import get_user_by_email
from portal.data.advert_models import Advert, BiddingCycle
from portal.data.applications import application_for
from portal.data.letting_models import Let, ShortlistEntry
from portal.data.shortlists import entries_for
from portal.demo import seed_demo
from portal.demo_lettings import seed_demo_lettings_and_register
from tests.conftest import sign_in_client
from tests.integration.lettings_offer_helpers import date_fields, words

TODAY = dt.date.today()


@pytest.fixture
def demo(app: Any, db_session: Any) -> dict[str, Any]:
    seed_demo(db_session)
    with app.test_request_context(base_url=app.config["BASE_URL"]):
        seed_demo_lettings_and_register(db_session, TODAY)
    db_session.flush()
    cycles = {cycle.name: cycle for cycle in db_session.scalars(select(BiddingCycle))}
    return {"this_week": cycles["This week"], "last_week": cycles["Last week"]}


def client_for(app: Any, db_session: Any, email: str) -> Any:
    client = app.test_client()
    sign_in_client(client, get_user_by_email(db_session, email))
    return client


def advert_at(db_session: Any, line_1: str) -> Advert:
    return db_session.scalar(select(Advert).where(Advert.address_line_1 == line_1))


def test_the_demo_has_a_cycle_open_with_bids_and_a_shortlist_waiting(app, db_session, demo):
    assert demo["this_week"].status == "open" and demo["last_week"].status == "closed"
    house = advert_at(db_session, "31 Rowan Road")
    places = [(entry.position, entry.status) for entry in entries_for(db_session, house)]
    assert places == [(1, "waiting"), (2, "waiting")]
    joy = client_for(app, db_session, "joy@example.org")
    page = words(joy, "/homes/bids")
    assert "Bidding has closed and we are checking the shortlist. You are number 2." in page
    times = words(joy, "/homes/waiting-times")
    assert "months" in times
    assert len(db_session.scalars(select(Let)).all()) == 36


def test_a_whole_letting_cycle_on_the_demo_data(app, db_session, demo, outbox):
    flat = advert_at(db_session, "Flat 4, Linden Court, Station Road")
    joy = client_for(app, db_session, "joy@example.org")
    assert "You can bid for this home" in words(joy, f"/homes/{flat.reference}")
    response = joy.post_form(f"/homes/{flat.reference}/bid", {}, token_from=f"/homes/{flat.reference}")
    assert response.status_code == 302
    assert "You are number 2 of 2 bidders." in words(joy, "/homes/bids")

    officer = client_for(app, db_session, "officer@example.org")
    cycle = demo["this_week"]
    assert officer.post_form(f"/officer/lettings/cycles/{cycle.id}/close", {}).status_code == 302
    db_session.expire_all()
    entries = entries_for(db_session, flat)
    kwame, joy_entry = entries
    joy_application = application_for(db_session, get_user_by_email(db_session, "joy@example.org").id)
    assert joy_entry.application_id == joy_application.id and (kwame.position, joy_entry.position) == (1, 2)
    assert_same_order_as_rank(entries)
    assert "You are number 2." in words(joy, "/homes/bids")

    shortlist = f"/officer/lettings/adverts/{flat.id}/shortlist"
    assert officer.post_form(f"{shortlist}/{joy_entry.id}/verify", {}).status_code == 302
    refused = officer.post_form(f"{shortlist}/{joy_entry.id}/offer", date_fields("respond_by", TODAY))
    assert f"{kwame.reference} (number 1) is above this household" in refused.get_data(as_text=True)
    skip = {"reason": "circumstances_changed", "note": "Moved in with family last week"}
    assert officer.post_form(f"{shortlist}/{kwame.id}/skip", skip).status_code == 302
    assert officer.post_form(f"{shortlist}/{joy_entry.id}/offer", date_fields("respond_by", TODAY)).status_code == 302
    assert any("joy@example.org" in message["To"] for message in outbox())
    assert "We have offered you this home." in words(joy, "/homes/bids")

    offer_id = officer_offer_id(db_session, joy_entry)
    answer = {"answer": "accepted", "reasonable": "yes"}
    assert officer.post_form(f"/officer/lettings/offers/{offer_id}/answer", answer).status_code == 302
    assert (
        officer.post_form(f"/officer/lettings/adverts/{flat.id}/let", date_fields("let_on", TODAY)).status_code == 302
    )
    let = db_session.scalar(select(Let).where(Let.advert_id == flat.id))
    assert (let.band, let.bid_count, let.route) == (joy_entry.band, 2, "bidding")
    assert "You have been housed in this home" in words(joy, "/homes/bids")
    db_session.expire_all()
    assert joy_application.stage == "closed"

    timeline = words(officer, f"/officer/cases/{joy_application.id}/timeline")
    for happened in ("Bid for", "Checked on the shortlist for", "Offered", "Said yes to the offer of", "Housed in"):
        assert f"{happened} home {flat.reference}" in timeline
    kwame_timeline = words(officer, f"/officer/cases/{kwame.application_id}/timeline")
    assert f"Passed over on the shortlist for home {flat.reference}: Circumstances have changed" in kwame_timeline

    results = "/officer/lettings/results"
    assert officer.post_form(f"/officer/lettings/lets/{let.id}/publish", {}, token_from=results).status_code == 302
    public = words(app.test_client(), "/homes/results")
    assert "Linden Court" not in public and "Joy" not in public and joy_application.reference not in public
    assert "Town Centre" in public


def officer_offer_id(db_session: Any, entry: ShortlistEntry) -> int:
    from portal.data.offers import offers_for_application

    (offer,) = offers_for_application(db_session, entry.application_id)
    return offer.id


def assert_same_order_as_rank(entries: list[ShortlistEntry]) -> None:
    """The stored positions are the order ``housing-register rank`` gives for the same bidders."""
    line = {
        "id": "demo",
        "candidates": [
            {
                "ref": entry.reference,
                "band": entry.band,
                "priority_date": entry.priority_date.isoformat(),
                "registration_date": entry.registration_date.isoformat(),
            }
            for entry in reversed(entries)
        ],
    }
    done = subprocess.run(  # noqa: S603  (the installed command, fixed arguments)
        [str(Path(sys.executable).with_name("housing-register")), "rank", "-"],
        input=json.dumps(line) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["order"] == [entry.reference for entry in entries if entry.position is not None]
