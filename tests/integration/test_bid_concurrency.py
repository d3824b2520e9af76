"""The bid limit holds when one household's bids arrive at the same moment.

These tests commit for real (the requests run in parallel threads, each with
its own database connection), so they make their own household and homes and
delete them afterwards. They run on SQLite and, with ``--postgres``, on
PostgreSQL, where the application row is locked while a bid is placed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data import accounts
from portal.data.advert_models import Advert, BiddingCycle, Landlord
from portal.data.application_models import Application
from portal.data.base import utcnow
from portal.data.db import Database
from portal.data.letting_models import Bid
from portal.data.models import AuditEvent
from tests.conftest import TEST_PASSWORD, sign_in_client
from tests.integration.lettings_helpers import a_cycle, a_household, a_landlord, an_advert

pytestmark = pytest.mark.db

BID_LIMIT = 3
REQUESTS = 6


class _Users:
    """``make_user`` for a session that commits."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.made: list[int] = []

    def __call__(self, role: Role = Role.APPLICANT, **fields: Any) -> Any:
        user = accounts.create_user(
            self.session,
            email=f"parallel-{len(self.made)}-{id(self)}@example.org",
            full_name=fields.pop("full_name", "Parallel Bidder"),
            password=TEST_PASSWORD,
            role=role,
            verified_at=utcnow(),
        )
        self.session.flush()
        self.made.append(user.id)
        return user


@pytest.fixture
def committed(app: Flask) -> Iterator[dict[str, Any]]:
    factory = Database.state(app).factory
    session = factory()
    users = _Users(session)
    with app.app_context():
        household = a_household(session, users, full_name="Parallel Bidder")
        cycle = a_cycle(session, bid_limit=BID_LIMIT)
        landlord = a_landlord(session)
        adverts = [an_advert(session, cycle=cycle, landlord=landlord) for _ in range(REQUESTS)]
    made = {
        "user_id": household.user_id,
        "application_id": household.id,
        "references": [advert.reference for advert in adverts],
        "advert_ids": [advert.id for advert in adverts],
        "cycle_id": cycle.id,
        "landlord_id": landlord.id,
    }
    session.commit()
    session.close()
    try:
        yield made
    finally:
        _clean_up(factory(), made, users.made)


def _clean_up(session: Session, made: dict[str, Any], user_ids: list[int]) -> None:
    session.execute(delete(Bid).where(Bid.application_id == made["application_id"]))
    session.execute(
        delete(AuditEvent).where(
            AuditEvent.subject_type == "application", AuditEvent.subject_id == str(made["application_id"])
        )
    )
    session.execute(delete(Advert).where(Advert.id.in_(made["advert_ids"])))
    session.execute(delete(BiddingCycle).where(BiddingCycle.id == made["cycle_id"]))
    session.execute(delete(Landlord).where(Landlord.id == made["landlord_id"]))
    session.execute(delete(Application).where(Application.id == made["application_id"]))
    for user_id in user_ids:
        user = session.get(accounts.User, user_id)
        if user is not None:
            session.delete(user)
    session.commit()
    session.close()


def _parallel_bids(app: Flask, made: dict[str, Any]) -> list[int]:
    """Every bid posted at the same moment, each from its own signed-in browser; their status codes."""
    factory = Database.state(app).factory
    with factory() as session:
        user = session.get(accounts.User, made["user_id"])
        clients = [sign_in_client(app.test_client(), user) for _ in made["references"]]
    tokens = [
        client.csrf_token(f"/homes/{reference}") for client, reference in zip(clients, made["references"], strict=True)
    ]
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def bid(client: Any, reference: str, token: str) -> None:
        start.wait()
        response = client.post(f"/homes/{reference}/bid", data={"csrf_token": token})
        statuses.append(response.status_code)

    threads = [
        threading.Thread(target=bid, args=(client, reference, token))
        for client, reference, token in zip(clients, made["references"], tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def _active_bids(app: Flask, application_id: int) -> list[Bid]:
    with Database.state(app).factory() as session:
        query = select(Bid).where(Bid.application_id == application_id, Bid.status == "active")
        return list(session.scalars(query))


def test_parallel_bids_never_pass_the_limit(app, committed):
    statuses = _parallel_bids(app, committed)
    assert sorted(statuses) == [302] * REQUESTS  # every request answered, none failed
    active = _active_bids(app, committed["application_id"])
    assert len(active) == BID_LIMIT
    assert sorted(bid.slot for bid in active) == [1, 2, 3]
    assert len({bid.advert_id for bid in active}) == BID_LIMIT


def test_after_the_race_the_household_is_told_why_it_cannot_bid(app, committed):
    _parallel_bids(app, committed)
    active = {bid.advert_id for bid in _active_bids(app, committed["application_id"])}
    without = next(
        reference
        for reference, advert_id in zip(committed["references"], committed["advert_ids"], strict=True)
        if advert_id not in active
    )
    factory = Database.state(app).factory
    with factory() as session:
        client = sign_in_client(app.test_client(), session.get(accounts.User, committed["user_id"]))
        count = session.scalar(
            select(func.count()).select_from(Bid).where(Bid.application_id == committed["application_id"])
        )
    assert count == BID_LIMIT
    page = " ".join(client.get(f"/homes/{without}").get_data(as_text=True).split())
    assert "You have 3 bids in this bidding cycle" in page
