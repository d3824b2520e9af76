"""Auto-bidding: bids placed for a household when a cycle opens, on the homes that fit what it asked for.

A household turns it on for itself, or an officer sets it up for a vulnerable
applicant (with a reason). When a cycle opens, ``place_auto_bids`` bids for
each such household that is on the register with a band, on the cycle's open
homes that match its preferences and that the household may bid for, in
advert order, until it runs out of bids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from portal.data.advert_models import Advert, BiddingCycle
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.bidders import bidders_for, home_of
from portal.data.bids import BidRefused, place_for_bidder
from portal.data.letting_models import AutoBid
from portal.data.models import User
from portal.rules.lettings.alerts import STEP_FREE_MOBILITY, matches
from portal.rules.lettings.bidding import BID_LIMIT
from portal.rules.lettings.facts import Home
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES

#: The homes each step-free need can live in.
STEP_FREE_HOMES: dict[str, list[str]] = {
    "none": [],
    "step_free": list(STEP_FREE_MOBILITY),
    "wheelchair": ["wheelchair"],
}
AREA_LENGTH = 100


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def clean_preferences(raw: Mapping[str, Any]) -> dict[str, list[str]]:
    """Preferences as kept: kind keys that exist, areas as typed (each once), nothing else."""
    areas: list[str] = []
    for area in _strings(raw.get("area")):
        if area[:AREA_LENGTH].lower() not in [known.lower() for known in areas]:
            areas.append(area[:AREA_LENGTH])
    return {
        "tenure": [key for key in TENURES if key in _strings(raw.get("tenure"))],
        "area": areas,
        "property_type": [key for key in PROPERTY_TYPES if key in _strings(raw.get("property_type"))],
        "mobility": [key for key in MOBILITY_CATEGORIES if key in _strings(raw.get("mobility"))],
    }


def step_free_need(preferences: Mapping[str, Any]) -> str:
    """Which of ``STEP_FREE_HOMES`` the preferences ask for."""
    chosen = sorted(clean_preferences(preferences)["mobility"])
    for need, homes in STEP_FREE_HOMES.items():
        if sorted(homes) == chosen:
            return need
    return "none"


def fits(preferences: Mapping[str, Any], home: Home) -> bool:
    """Whether the home is one the household asked to bid for: any of its areas (or any area), and the rest."""
    cleaned = clean_preferences(preferences)
    for area in cleaned["area"] or [""]:
        filters = {
            "tenure": cleaned["tenure"],
            "area": area,
            "min_bedrooms": None,
            "max_bedrooms": None,
            "property_type": cleaned["property_type"],
            "mobility": cleaned["mobility"],
            "max_weekly_rent": None,
        }
        if matches(filters, home):
            return True
    return False


def auto_bid_for(session: Session, application_id: int) -> AutoBid | None:
    return session.get(AutoBid, application_id)


def save_auto_bid(
    session: Session,
    application: Application,
    *,
    enabled: bool,
    preferences: Mapping[str, Any],
    actor: User | None,
    by_officer: bool,
    reason: str | None = None,
) -> AutoBid:
    """Turn auto-bidding on (with these preferences) or off for the household, and record who did it and why."""
    auto_bid = auto_bid_for(session, application.id)
    if auto_bid is None:
        auto_bid = AutoBid(application_id=application.id)
        session.add(auto_bid)
    cleaned = clean_preferences(preferences)
    auto_bid.enabled = enabled
    auto_bid.preferences = cleaned
    auto_bid.set_by_id = actor.id if actor else None
    auto_bid.set_by_officer = by_officer
    auto_bid.reason = reason or None
    auto_bid.updated_at = utcnow()
    session.flush()
    record_event(
        session,
        actor=actor,
        action="lettings.auto_bid_set" if enabled else "lettings.auto_bid_stopped",
        subject_type="application",
        subject_id=application.id,
        reason=reason or None,
        details={"preferences": cleaned, "by_officer": by_officer},
    )
    return auto_bid


def _households(session: Session) -> list[tuple[AutoBid, Application]]:
    query = (
        select(AutoBid, Application)
        .join(Application, Application.id == AutoBid.application_id)
        .where(AutoBid.enabled.is_(True), Application.stage == "active")
        .order_by(Application.id)
    )
    return [(auto_bid, application) for auto_bid, application in session.execute(query)]


def _open_adverts(session: Session, cycle: BiddingCycle) -> list[Advert]:
    query = (
        select(Advert)
        .where(Advert.cycle_id == cycle.id, Advert.status == "open")
        .options(selectinload(Advert.landlord), selectinload(Advert.cycle))
        .order_by(Advert.id)
    )
    return list(session.scalars(query))


def _bid_in_turn(
    session: Session,
    auto_bid: AutoBid,
    application: Application,
    adverts: Iterable[Advert],
    bidder: Any,
    today: dt.date,
) -> int:
    placed = 0
    for advert in adverts:
        if not fits(auto_bid.preferences, home_of(advert)):
            continue
        try:
            place_for_bidder(session, application, advert, bidder, None, today, automatic=True)
        except BidRefused as refused:
            if BID_LIMIT in refused.check.codes:
                break
            continue
        placed += 1
    return placed


def place_auto_bids(session: Session, cycle: BiddingCycle, today: dt.date) -> int:
    """Bid for every household with auto-bidding on, on the cycle's open homes that fit it; how many bids were placed."""
    households = _households(session)
    if not households:
        return 0
    adverts = _open_adverts(session, cycle)
    bidders = bidders_for(session, [application.id for _auto_bid, application in households], today)
    placed = 0
    for auto_bid, application in households:
        bidder = bidders.get(application.id)
        if bidder is None or bidder.band is None:
            continue
        placed += _bid_in_turn(session, auto_bid, application, adverts, bidder, today)
    return placed
