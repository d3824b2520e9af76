"""``flask lettings run-cycles``: planned cycles open on their day, open cycles close once their last day has passed."""

from __future__ import annotations

import datetime as dt

from flask import Flask
from sqlalchemy import select

from officer_review.lettings_cli import init_app, lettings_cli
from portal.data import lettings_clock
from portal.data.advert_models import BiddingCycle
from portal.data.letting_models import Bid, ShortlistEntry
from tests.integration.lettings_helpers import a_cycle, a_household, an_advert
from tests.integration.lettings_officer_helpers import actions, all_adverts

DAY = dt.date(2027, 3, 10)


def statuses(db_session) -> dict[str, str]:
    db_session.expire_all()
    return {cycle.name: cycle.status for cycle in db_session.scalars(select(BiddingCycle))}


def run(app, *args: str):
    return app.test_cli_runner().invoke(lettings_cli, ["run-cycles", *args])


def test_cycles_open_on_their_day_and_close_after_their_last_day(app, db_session, make_user):
    due = a_cycle(db_session, status="planned", name="Opens today", opens_on=DAY, closes_on=DAY + dt.timedelta(4))
    a_cycle(
        db_session,
        status="planned",
        name="Opens tomorrow",
        opens_on=DAY + dt.timedelta(1),
        closes_on=DAY + dt.timedelta(5),
    )
    ending = a_cycle(
        db_session,
        status="open",
        name="Ended yesterday",
        opens_on=DAY - dt.timedelta(5),
        closes_on=DAY - dt.timedelta(1),
    )
    a_cycle(db_session, status="open", name="Ends today", opens_on=DAY - dt.timedelta(4), closes_on=DAY)
    ready = an_advert(db_session, cycle=due, status="ready")
    bidding = an_advert(db_session, cycle=ending, status="open")
    household = a_household(db_session, make_user)
    db_session.add(Bid(advert_id=bidding.id, application_id=household.id, cycle_id=ending.id, slot=1))
    db_session.flush()
    result = run(app, "--today", DAY.isoformat())
    assert result.exit_code == 0, result.output
    assert statuses(db_session) == {
        "Opens today": "open",
        "Opens tomorrow": "planned",
        "Ended yesterday": "closed",
        "Ends today": "open",
    }
    assert {advert.id: advert.status for advert in all_adverts(db_session)} == {ready.id: "open", bidding.id: "closed"}
    (entry,) = db_session.scalars(select(ShortlistEntry))
    assert (entry.advert_id, entry.application_id, entry.position) == (bidding.id, household.id, 1)
    assert "Opened Opens today (opens 2027-03-10): 0 automatic bids." in result.output
    assert "Closed Ended yesterday (last day 2027-03-09): 1 shortlist made." in result.output
    assert "Opened 1 cycle and closed 1 cycle on 2027-03-10." in result.output
    assert actions(db_session, "cycle", due.id) == ["lettings.cycle_opened"]
    assert actions(db_session, "cycle", ending.id) == ["lettings.cycle_closed"]
    again = run(app, "--today", DAY.isoformat())
    assert "Opened 0 cycles and closed 0 cycles on 2027-03-10." in again.output
    assert actions(db_session, "cycle", due.id) == ["lettings.cycle_opened"]


def test_a_planned_cycle_whose_days_have_all_passed_opens_and_closes_in_one_run(app, db_session):
    late = a_cycle(
        db_session, status="planned", name="Missed", opens_on=DAY - dt.timedelta(6), closes_on=DAY - dt.timedelta(2)
    )
    an_advert(db_session, cycle=late, status="ready")
    result = run(app, "--today", DAY.isoformat())
    assert result.exit_code == 0, result.output
    assert statuses(db_session) == {"Missed": "closed"}
    assert all_adverts(db_session)[0].status == "closed"
    assert actions(db_session, "cycle", late.id) == ["lettings.cycle_opened", "lettings.cycle_closed"]


def test_without_a_day_it_runs_for_the_lettings_day(app, db_session, monkeypatch):
    monkeypatch.setattr(lettings_clock, "today", lambda: DAY)
    a_cycle(db_session, status="planned", name="Due", opens_on=DAY, closes_on=DAY + dt.timedelta(3))
    result = run(app)
    assert result.exit_code == 0, result.output
    assert statuses(db_session) == {"Due": "open"}
    assert "on 2027-03-10." in result.output


def test_a_day_that_is_not_a_date_is_refused(app, db_session):
    a_cycle(db_session, status="planned", name="Due", opens_on=DAY, closes_on=DAY)
    result = run(app, "--today", "10/03/2027")
    assert result.exit_code == 2
    assert "give the day as YYYY-MM-DD" in result.output
    assert statuses(db_session) == {"Due": "planned"}


def test_the_command_group_is_registered_by_init_app(app):
    target = Flask("registering")
    init_app(target)
    assert "run-cycles" in target.cli.commands["lettings"].commands
    result = app.test_cli_runner().invoke(args=["lettings", "--help"])
    assert "run-cycles" in result.output
