"""Closed adverts with shortlists, for the tests of shortlists, offers, nominations, direct matches and lets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.audit import events_for_subject
from portal.data.letting_models import Bid, ShortlistEntry
from portal.data.shortlists import create_shortlist, entries_for
from tests.integration.lettings_helpers import a_cycle, a_household, a_landlord, an_advert


def a_bid(db_session: Session, advert: Advert, household: Application, slot: int = 1) -> Bid:
    bid = Bid(advert_id=advert.id, application_id=household.id, cycle_id=advert.cycle_id, slot=slot)
    db_session.add(bid)
    db_session.flush()
    return bid


def households(db_session: Session, make_user: Any, *facts: dict[str, Any]) -> list[Application]:
    """One household for each dict of facts (see ``a_household``); each has its own name."""
    return [
        a_household(db_session, make_user, **{"full_name": f"Bidder {number}", **fact})
        for number, fact in enumerate(facts, start=1)
    ]


def a_closed_advert(
    db_session: Session, bidders: list[Application], *, landlord_kind: str = "council", **fields: Any
) -> Advert:
    """An advert each household bid for, closed with its shortlist made."""
    cycle = a_cycle(db_session)
    advert = an_advert(db_session, cycle=cycle, landlord=a_landlord(db_session, kind=landlord_kind), **fields)
    for household in bidders:
        a_bid(db_session, advert, household)
    advert.status = "closed"
    create_shortlist(db_session, advert, dt.date.today())
    db_session.flush()
    return advert


def entry_of(db_session: Session, advert: Advert, household: Application) -> ShortlistEntry:
    db_session.expire_all()
    return next(entry for entry in entries_for(db_session, advert) if entry.application_id == household.id)


def actions(db_session: Session, household: Application, action: str) -> list[Any]:
    db_session.expire_all()
    return [e for e in events_for_subject(db_session, "application", household.id) if e.action == action]


def shortlist_path(advert: Advert, entry: ShortlistEntry | None = None, action: str = "") -> str:
    path = f"/officer/lettings/adverts/{advert.id}/shortlist"
    return f"{path}/{entry.id}/{action}" if entry is not None else path


def date_fields(name: str, when: dt.date) -> dict[str, list[str]]:
    return {name: [str(when.day), str(when.month), str(when.year)]}


def words(client: Any, path: str, status: int = 200) -> str:
    """The page's text as a person reads it, tags left out and spaces run together."""
    from bs4 import BeautifulSoup

    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    text = BeautifulSoup(response.get_data(as_text=True), "html.parser").get_text(" ")
    return " ".join(text.split())
