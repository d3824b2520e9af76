"""Households on the register, landlords, bidding cycles and adverts for the lettings tests.

Everything is made through the models and the data layer, in the test's transaction.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from sqlalchemy.orm import Session

from portal.data.advert_models import Advert, BiddingCycle, Landlord
from portal.data.application_models import Application
from portal.data.applications import move_to
from portal.data.decision_models import Decision
from tests.integration.officer_helpers import a_case

_numbers = itertools.count(1)


def a_household(
    db_session: Session,
    make_user: Any,
    *,
    band: int | None = 2,
    bedroom_need: int = 2,
    priority_date: dt.date | None = dt.date(2025, 3, 1),
    registration_date: dt.date = dt.date(2024, 6, 1),
    local_connection: bool = True,
    stage: str = "active",
    **options: Any,
) -> Application:
    """A household on the register: a sent application, a decision giving its band, and the ``active`` stage.

    Options not named here go to ``a_case`` (``full_name``, ``child``, ``partner_status``...).
    """
    application = a_case(db_session, make_user, **options)
    application.received_on = registration_date
    db_session.add(
        Decision(
            application_id=application.id,
            kind="initial",
            outcome="joins",
            eligible=True,
            qualifies=True,
            local_connection=local_connection,
            bedroom_need=bedroom_need,
            band=band,
            priority_date=priority_date if band is not None else None,
            registration_date=registration_date,
            reasons=[],
            overrides={},
        )
    )
    move_to(db_session, application, "being_assessed", actor=None, reason="Test")
    if stage != "being_assessed":
        move_to(db_session, application, stage, actor=None, reason="Test")
    db_session.flush()
    return application


def a_landlord(db_session: Session, kind: str = "council", name: str | None = None) -> Landlord:
    landlord = Landlord(name=name or f"Landlord {next(_numbers)}", kind=kind, email="lettings@example.org")
    db_session.add(landlord)
    db_session.flush()
    return landlord


def a_cycle(db_session: Session, *, status: str = "open", bid_limit: int = 3, **fields: Any) -> BiddingCycle:
    today = dt.date.today()
    cycle = BiddingCycle(
        name=fields.pop("name", f"Cycle {next(_numbers)}"),
        opens_on=fields.pop("opens_on", today - dt.timedelta(days=2)),
        closes_on=fields.pop("closes_on", today + dt.timedelta(days=4)),
        bid_limit=bid_limit,
        status=status,
        **fields,
    )
    db_session.add(cycle)
    db_session.flush()
    return cycle


def an_advert(
    db_session: Session,
    *,
    cycle: BiddingCycle | None = None,
    landlord: Landlord | None = None,
    status: str = "open",
    **fields: Any,
) -> Advert:
    """A two-bedroom council flat for social rent at £110 a week, open for bids unless told otherwise."""
    number = next(_numbers)
    values: dict[str, Any] = {
        "reference": f"T-{number:05d}",
        "tenure": "social_rent",
        "address_line_1": f"{number} Test Street",
        "town": "Basingstoke",
        "postcode": "RG21 4AA",
        "area": "Brighton Hill",
        "bedrooms": 2,
        "property_type": "flat",
        "floor": 1,
        "has_lift": False,
        "mobility": "general",
        "weekly_rent_pence": 11000,
        "weekly_service_charge_pence": 500,
        "min_bedroom_need": 2,
        "max_bedroom_need": 2,
    }
    values.update(fields)
    advert = Advert(
        status=status,
        cycle=cycle if cycle is not None or status == "draft" else a_cycle(db_session),
        landlord=landlord or a_landlord(db_session),
        **values,
    )
    db_session.add(advert)
    db_session.flush()
    return advert
