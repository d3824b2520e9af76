"""How fast the homes pages and lettings answer with a full bidding cycle.

Made-up lettings data (a fixed seed) is written straight into the benchmark's
database: one landlord, one open bidding cycle of homes of every size and
tenure, households on the register with three bids each, a closed cycle with
two homes to shortlist, and a year of lets. The homes pages are then timed for
a visitor and for a household with three bids, the shortlist page for the demo
officer, and making a large shortlist by a direct call.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass

from flask import Flask
from sqlalchemy.orm import Session

from benchmarks.applying import _median, _p95, _sign_in, _time_get
from benchmarks.officer import FIRST, LAST

AREAS = ("Town Centre", "Northfield", "Riverside", "Oakwood", "Brookside", "Eastrop", "Popley", "Winklebury")
TENURES = ("social_rent", "affordable_rent", "shared_ownership", "first_homes")
HOUSEHOLD_EMAIL = "lettings0@example.org"
SHORTLIST_BIDDERS = 60
LARGE_BIDDERS = 500
#: The two closed homes in last week's cycle: a two-bedroom council flat for social rent.
CLOSED_HOME = {
    "tenure": "social_rent",
    "town": "Exampleton",
    "postcode": "EX1 1HQ",
    "area": "Town Centre",
    "bedrooms": 2,
    "property_type": "flat",
    "floor": 1,
    "has_lift": False,
    "weekly_rent_pence": 12_500,
    "min_bedroom_need": 2,
    "max_bedroom_need": 3,
}


@dataclass
class Seeded:
    advert_reference: str  # an open home the signed-in household bid for
    open_bids: int
    shortlisted_advert_id: int
    large_advert_id: int


@dataclass
class LettingsResult:
    adverts: int
    households: int
    bids: int
    lets: int
    shortlist_bidders: int
    large_bidders: int
    timings: dict[str, list[float]]


def _advert_values(rng: random.Random, number: int) -> dict[str, object]:
    """One made-up home: its size, type, access, cost and who it is for."""
    bedrooms = rng.choices((0, 1, 2, 3, 4, 5), weights=(5, 30, 35, 20, 8, 2))[0]
    kind = "bedsit" if bedrooms == 0 else rng.choice(("flat", "flat", "maisonette", "house", "bungalow"))
    if bedrooms >= 3 and kind in ("flat", "maisonette"):
        kind = "house"
    tenure = rng.choices(TENURES, weights=(50, 25, 15, 10))[0]
    flat = kind in ("bedsit", "flat", "maisonette")
    floor = rng.randrange(0, 8) if flat else None
    values: dict[str, object] = {
        "tenure": tenure,
        "address_line_1": f"{number % 90 + 1} {rng.choice(LAST)} {'Court' if flat else 'Road'}",
        "town": "Exampleton",
        "postcode": f"EX{number % 9 + 1} {number % 10}HQ",
        "area": rng.choice(AREAS),
        "bedrooms": bedrooms,
        "property_type": kind,
        "floor": floor,
        "has_lift": floor is not None and floor >= 3,
        "mobility": rng.choices(("general", "step_free", "wheelchair_partial", "wheelchair"), (80, 10, 6, 4))[0],
        "description": "A made-up home for the benchmarks, close to shops, schools and a bus stop.",
        "min_bedroom_need": bedrooms if bedrooms >= 2 else None,
        "max_bedroom_need": max(bedrooms, 1) + 1,
        "min_age": 60 if kind == "bungalow" and rng.random() < 0.5 else None,
    }
    if tenure in ("social_rent", "affordable_rent"):
        values["weekly_rent_pence"] = 9000 + 1500 * bedrooms + rng.randrange(0, 2000)
        values["weekly_service_charge_pence"] = rng.randrange(0, 1500) if flat else None
    else:
        values["market_value_pence"] = (150_000 + 45_000 * bedrooms + rng.randrange(0, 40_000)) * 100
        if tenure == "shared_ownership":
            values.update(min_share_percent=25, max_share_percent=75, monthly_rent_pence=rng.randrange(30_000, 70_000))
        else:
            values["discount_percent"] = 30
        values["monthly_service_charge_pence"] = rng.randrange(0, 15_000) if flat else None
    return values


def _households(session: Session, rng: random.Random, count: int, today: dt.date, now: dt.datetime) -> list[int]:
    """Households on the register: an account, an ``active`` application and a decision; gives their ids.

    The first signs in with the demo password; it is in band 2 and needs two bedrooms.
    """
    from portal.auth.passwords import hash_password
    from portal.auth.roles import Role
    from portal.data.application_models import Application, HouseholdMember
    from portal.data.decision_models import Decision
    from portal.data.models import User
    from portal.demo import DEMO_PASSWORD
    from portal.rules.parameters import HOME_TYPES

    applications = []
    for number in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        password = hash_password(DEMO_PASSWORD) if number == 0 else "!"
        user = User(email=f"lettings{number}@example.org", full_name=name, password_hash=password, role=Role.APPLICANT)
        user.email_verified_at = now
        registered = today - dt.timedelta(days=rng.randrange(30, 3000))
        application = Application(
            reference=f"HR-L{number:05d}",
            stage="active",
            received_on=registered,
            answers={"current_home": {"home_type": rng.choice(HOME_TYPES)}},
        )
        born = dt.date(rng.randrange(1945, 2005), rng.randrange(1, 13), rng.randrange(1, 29))
        application.people.append(HouseholdMember(position=0, full_name=name, date_of_birth=born))
        session.add(user)
        applications.append((user, application, registered))
    session.flush()
    for user, application, _registered in applications:
        application.user_id = user.id
        session.add(application)
    session.flush()
    for number, (_user, application, registered) in enumerate(applications):
        session.add(
            Decision(
                application_id=application.id,
                kind="initial",
                outcome="joins",
                eligible=True,
                qualifies=True,
                local_connection=rng.random() < 0.9,
                bedroom_need=2 if number == 0 else rng.choices((1, 2, 3, 4), weights=(45, 30, 18, 7))[0],
                band=2 if number == 0 else rng.choices((1, 2, 3, 4), weights=(10, 30, 40, 20))[0],
                priority_date=registered + dt.timedelta(days=rng.randrange(0, (today - registered).days)),
                registration_date=registered,
                reasons=[],
                overrides={},
            )
        )
    return [application.id for _user, application, _registered in applications]


def seed_lettings(app: Flask, adverts: int, households: int, lets: int, seed: int = 2026) -> Seeded:
    """Write the made-up homes, households, bids and lets; give what the timed pages need."""
    from portal.data.advert_models import Advert, BiddingCycle, Landlord
    from portal.data.base import utcnow
    from portal.data.letting_models import Bid, Let
    from portal.data.shortlists import create_shortlist
    from portal.extensions import db

    rng = random.Random(seed)  # noqa: S311  (made-up data, not security)
    today = dt.date.today()  # the pages read today's date, so the cycles are placed around it
    now = utcnow()
    with app.app_context():
        session = db.session
        landlord = Landlord(name="Exampleton Council Homes", kind="council", email="lettings@example.org")
        day = dt.timedelta(days=1)
        this_week = BiddingCycle(name="This week", opens_on=today - 2 * day, closes_on=today + 4 * day, status="open")
        last_week = BiddingCycle(name="Last week", opens_on=today - 9 * day, closes_on=today - 3 * day, status="closed")
        session.add_all([landlord, this_week, last_week])
        session.flush()

        def advert(reference: str, status: str, cycle_id: int | None, values: dict[str, object]) -> Advert:
            return Advert(reference=reference, status=status, cycle_id=cycle_id, landlord_id=landlord.id, **values)

        open_homes = [advert(f"BENCH-{n:05d}", "open", this_week.id, _advert_values(rng, n)) for n in range(adverts)]
        shortlisted = advert("BENCH-C0001", "closed", last_week.id, dict(CLOSED_HOME, address_line_1="1 Elm Court"))
        large = advert("BENCH-C0002", "closed", last_week.id, dict(CLOSED_HOME, address_line_1="2 Elm Court"))
        let_homes = [advert(f"BENCH-L{n:04d}", "let", None, _advert_values(rng, n)) for n in range(lets)]
        session.add_all([*open_homes, shortlisted, large, *let_homes])
        session.flush()
        ids = _households(session, rng, households, today, now)

        # Three bids each this week (slots 1 to 3), some homes far more wanted than others; the household
        # that signs in bids for homes meant for it, so its pages show its place.
        popularity = [rng.lognormvariate(0, 0.75) for _ in open_homes]
        suits = [(home.min_bedroom_need or 0) <= 2 <= home.max_bedroom_need and not home.min_age for home in open_homes]
        bids = []
        for application_id in ids:
            chosen: list[Advert] = []
            weights = [w * fit for w, fit in zip(popularity, suits, strict=True)] if not bids else popularity
            while len(chosen) < 3:
                home = rng.choices(open_homes, weights=weights)[0]
                if home not in chosen:
                    chosen.append(home)
            for slot, home in enumerate(chosen, start=1):
                placed = now - dt.timedelta(minutes=rng.randrange(0, 24 * 60))
                bids.append(Bid(advert_id=home.id, application_id=application_id, cycle_id=this_week.id, slot=slot))
                bids[-1].placed_at = placed
        open_bids = len(bids)
        # Last week's two homes: one for the shortlist page, one with many bidders to shortlist.
        for slot, home, count in ((1, large, LARGE_BIDDERS), (2, shortlisted, SHORTLIST_BIDDERS)):
            bidders = rng.sample(ids, min(count, len(ids)))
            bids += [Bid(advert_id=home.id, application_id=i, cycle_id=last_week.id, slot=slot) for i in bidders]
        session.add_all(bids)

        for home in let_homes:
            let_on = today - dt.timedelta(days=rng.randrange(1, 365))
            band = rng.choices((1, 2, 3, 4), weights=(25, 45, 25, 5))[0]
            waited = int({1: 90, 2: 320, 3: 720, 4: 1200}[band] * rng.uniform(0.6, 1.6))
            session.add(
                Let(
                    advert_id=home.id,
                    route="bidding",
                    let_on=let_on,
                    bedrooms=home.bedrooms,
                    band=band,
                    priority_date=let_on - dt.timedelta(days=waited),
                    registration_date=let_on - dt.timedelta(days=waited + rng.randrange(0, 200)),
                    bid_count=rng.randrange(5, 120),
                    published_at=now,
                )
            )
        session.flush()
        create_shortlist(session, shortlisted, today)  # as when the cycle closed
        db.commit()
        reference = next(home.reference for home in open_homes if home.id == bids[0].advert_id)
        return Seeded(reference, open_bids, shortlisted.id, large.id)


def _time_create_shortlist(app: Flask, advert_id: int, runs: int) -> list[float]:
    """Make the advert's shortlist ``runs`` times, rolling each one back so the next starts afresh."""
    from portal.data.advert_models import Advert
    from portal.data.shortlists import create_shortlist
    from portal.extensions import db

    timings = []
    with app.app_context():
        for _ in range(runs):
            advert = db.session.get(Advert, advert_id)
            started = time.perf_counter()
            entries = create_shortlist(db.session, advert, dt.date.today())
            timings.append((time.perf_counter() - started) * 1000)
            db.rollback()
            if not entries:
                raise RuntimeError("The shortlist was empty")
    return timings


def measure(
    app: Flask, adverts: int = 300, households: int = 2_000, lets: int = 400, pages: int = 100, runs: int = 21
) -> LettingsResult:
    seeded = seed_lettings(app, adverts, households, lets)
    visitor = app.test_client()
    household = _sign_in(app, HOUSEHOLD_EMAIL)
    officer = _sign_in(app, "officer@example.org")
    timings = {
        "Homes taking bids (`/homes/`), a visitor": _time_get(visitor, "/homes/", pages),
        "Homes with 2 bedrooms or more (`/homes/?min_bedrooms=2`)": _time_get(visitor, "/homes/?min_bedrooms=2", pages),
        "A home they bid for (`/homes/<reference>`), a household": _time_get(
            household, f"/homes/{seeded.advert_reference}", pages
        ),
        "Your bids (`/homes/bids`), a household with 3 bids": _time_get(household, "/homes/bids", pages),
        "Waiting times (`/homes/waiting-times`), a household": _time_get(household, "/homes/waiting-times", pages),
        "Shortlist (`/officer/lettings/adverts/<id>/shortlist`), the demo officer": _time_get(
            officer, f"/officer/lettings/adverts/{seeded.shortlisted_advert_id}/shortlist", pages
        ),
        "Making a shortlist (`create_shortlist`, a direct call)": _time_create_shortlist(
            app, seeded.large_advert_id, runs
        ),
    }
    return LettingsResult(adverts, households, seeded.open_bids, lets, SHORTLIST_BIDDERS, LARGE_BIDDERS, timings)


def report_lines(result: LettingsResult) -> list[str]:
    lines = [
        "",
        "## Homes and lettings",
        "",
        f"With {result.adverts:,} made-up homes taking bids in one cycle, {result.households:,} households on the "
        f"register holding {result.bids:,} bids, and {result.lets:,} lets in the past year. The shortlist page is "
        f"for a closed home with {result.shortlist_bidders} bidders; the last row makes the shortlist of one with "
        f"{result.large_bidders} bidders in process, rolled back after each run.",
        "",
        "| Page | Requests | Median | 95th percentile |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, timings in result.timings.items():
        lines.append(f"| {label} | {len(timings)} | {_median(timings)} | {_p95(timings)} |")
    return lines
