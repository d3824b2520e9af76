"""Demo homes and lettings, so a whole letting cycle can be tried on a laptop.

- Three landlords: the council and two housing associations, each association
  with a nomination agreement for this year.
- A year of past lets (made-up, published), so the lettings results and the
  waiting-time estimates have something honest to show.
- Last week's cycle, closed: a council house with a shortlist to work through
  (Kwame first, Joy second) and a housing association flat to nominate for
  (Sofia, Mary and Li bid for it).
- This week's cycle, open: homes of every kind, some with bids already. Joy
  Okafor (``joy@example.org``) has not bid yet, so she has all her bids to use.
- Next week's cycle, planned, with two homes ready to go.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data import bids, cycles
from portal.data.advert_models import Advert, BiddingCycle, Landlord, NominationAgreement
from portal.data.adverts import new_advert_reference
from portal.data.application_models import Application
from portal.data.base import utcnow
from portal.data.letting_models import Let
from portal.data.models import User
from portal.demo_homes import (
    AREAS,
    LANDLORDS,
    LAST_WEEK,
    LAST_WEEK_BIDS,
    NEXT_WEEK,
    RIVERSIDE,
    STREET,
    THIS_WEEK,
    THIS_WEEK_BIDS,
    Home,
)


def _landlords(session: Session, today: dt.date) -> dict[str, Landlord]:
    found = {landlord.name: landlord for landlord in session.scalars(select(Landlord))}
    for name, kind, percent in LANDLORDS:
        if name in found:
            continue
        landlord = Landlord(name=name, kind=kind, email=f"lettings@{name.split()[0].lower()}.example.org")
        session.add(landlord)
        session.flush()
        found[name] = landlord
        if percent:
            session.add(
                NominationAgreement(
                    landlord_id=landlord.id,
                    starts_on=dt.date(today.year, 1, 1),
                    ends_on=dt.date(today.year, 12, 31),
                    percent_owed=percent,
                    lets_reported=24 if name == RIVERSIDE else 10,
                )
            )
    session.flush()
    return found


def _advert(session: Session, home: Home, landlords: dict[str, Landlord], cycle: BiddingCycle, status: str) -> Advert:
    values = {"mobility": "general", **home.values}
    advert = Advert(
        reference=new_advert_reference(session),
        status=status,
        cycle=cycle,
        landlord=landlords[home.landlord],
        tenure=home.tenure,
        address_line_1=home.line_1,
        town="Exampleton",
        postcode="EX1 4HQ",
        area=home.area,
        bedrooms=home.bedrooms,
        property_type=home.property_type,
        **values,
    )
    session.add(advert)
    session.flush()
    return advert


def _cycle(session: Session, name: str, opens_on: dt.date, closes_on: dt.date, status: str = "planned") -> BiddingCycle:
    cycle = BiddingCycle(name=name, opens_on=opens_on, closes_on=closes_on, bid_limit=3, status=status)
    session.add(cycle)
    session.flush()
    return cycle


def _past_lets(session: Session, landlords: dict[str, Landlord], today: dt.date) -> int:
    """A year of made-up lets, one closed cycle a month, published, with no household named."""
    rng = random.Random(2026)  # noqa: S311  (made-up demo figures, not secrets)
    made = 0
    for months_ago in range(12, 0, -1):
        closes_on = today - dt.timedelta(days=30 * months_ago)
        cycle = _cycle(
            session, f"Cycle closing {closes_on:%d %B %Y}", closes_on - dt.timedelta(days=6), closes_on, "closed"
        )
        for _ in range(3):
            bedrooms = rng.choices((1, 2, 3, 4), weights=(35, 40, 20, 5))[0]
            band = rng.choices((1, 2, 3, 4), weights=(25, 45, 25, 5))[0]
            landlord = rng.choice(list(landlords))
            kind = "house" if bedrooms >= 3 else rng.choice(("flat", "flat", "house", "bungalow"))
            home = Home(
                landlord,
                "social_rent",
                STREET[kind].format(
                    n=rng.randint(1, 60), name=rng.choice(("Ash", "Elm", "Oak", "Birch", "Holly", "Maple"))
                ),
                rng.choice(AREAS),
                bedrooms,
                kind,
                {"weekly_rent_pence": 9000 + 1500 * bedrooms + rng.randint(0, 900)},
            )
            advert = _advert(session, home, landlords, cycle, "let")
            let_on = closes_on + dt.timedelta(days=rng.randint(7, 21))
            wait = int({1: 90, 2: 320, 3: 720, 4: 1200}[band] * (1 + 0.3 * (bedrooms - 1)) * rng.uniform(0.6, 1.4))
            priority = let_on - dt.timedelta(days=wait)
            session.add(
                Let(
                    advert_id=advert.id,
                    route="nomination" if landlords[landlord].kind == "housing_association" else "bidding",
                    let_on=let_on,
                    bedrooms=bedrooms,
                    band=band,
                    priority_date=priority,
                    registration_date=priority - dt.timedelta(days=rng.randint(0, 200) if band <= 2 else 0),
                    bid_count=rng.randint(6, 90),
                    published_at=utcnow(),
                )
            )
            made += 1
    session.flush()
    return made


def _bid_for(
    session: Session,
    households: dict[str, Application],
    plan: dict[str, tuple[int, ...]],
    adverts: list[Advert],
    users: dict[str, User],
    today: dt.date,
) -> None:
    for email, picks in plan.items():
        application = households.get(email)
        if application is None:
            continue
        for index in picks:
            bids.place_bid(session, application, adverts[index], users[email], today)


def seed_demo_lettings(
    session: Session, today: dt.date, households: dict[str, Application], users: dict[str, User], officer: User
) -> bool:
    """Create the demo lettings once (when there are no cycles yet); return whether they were made."""
    if session.scalar(select(BiddingCycle.id).limit(1)) is not None:
        return False
    landlords = _landlords(session, today)
    _past_lets(session, landlords, today)
    last_week = _cycle(session, "Last week", today - dt.timedelta(days=12), today - dt.timedelta(days=5))
    closed = [_advert(session, home, landlords, last_week, "ready") for home in LAST_WEEK]
    cycles.open_cycle(session, last_week, officer, today - dt.timedelta(days=12))
    _bid_for(session, households, LAST_WEEK_BIDS, closed, users, today - dt.timedelta(days=10))
    cycles.close_cycle(session, last_week, officer, today - dt.timedelta(days=5))
    this_week = _cycle(session, "This week", today - dt.timedelta(days=2), today + dt.timedelta(days=4))
    open_now = [_advert(session, home, landlords, this_week, "ready") for home in THIS_WEEK]
    cycles.open_cycle(session, this_week, officer, today - dt.timedelta(days=2))
    _bid_for(session, households, THIS_WEEK_BIDS, open_now, users, today)
    next_week = _cycle(session, "Next week", today + dt.timedelta(days=5), today + dt.timedelta(days=11))
    for home in NEXT_WEEK:
        _advert(session, home, landlords, next_week, "ready")
    session.flush()
    return True


def seed_demo_lettings_and_register(session: Session, today: dt.date) -> int:
    """The demo households on the register, then the demo lettings; returns how many households were added."""
    from flask import current_app

    from portal.data.accounts import get_user_by_email
    from portal.data.applications import application_for
    from portal.demo import DEMO_PASSWORD
    from portal.demo_register import HOUSEHOLDS, seed_demo_register
    from portal.options.council_config import current_scheme
    from portal.storage import file_store

    officer = get_user_by_email(session, "officer@example.org")
    if officer is None:
        return 0
    made = seed_demo_register(session, current_scheme(), today, DEMO_PASSWORD, officer, file_store(current_app))
    users: dict[str, User] = {}
    households: dict[str, Application] = {}
    for household in HOUSEHOLDS:
        user = get_user_by_email(session, household.email)
        application = application_for(session, user.id) if user is not None else None
        if user is not None and application is not None and application.stage == "active":
            users[household.email], households[household.email] = user, application
    seed_demo_lettings(session, today, households, users, officer)
    return len(made)
