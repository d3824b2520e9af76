"""Adverts and households as the lettings rules read them: the latest decision on each household, and what it told us."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.decision_models import Decision
from portal.rules.dates import age_on
from portal.rules.lettings.facts import Bidder, Home


def _latest_decisions(session: Session, application_ids: list[int]) -> dict[int, Decision]:
    """The newest decision on each application, by one query."""
    if not application_ids:
        return {}
    newest = (
        select(Decision.application_id, func.max(Decision.id).label("decision_id"))
        .where(Decision.application_id.in_(application_ids))
        .group_by(Decision.application_id)
        .subquery()
    )
    query = select(Decision).join(newest, Decision.id == newest.c.decision_id)
    return {decision.application_id: decision for decision in session.scalars(query)}


def bidder_from(application: Application, decision: Decision | None, today: dt.date) -> Bidder:
    """The household on ``today``: band, dates and bedroom need from its latest decision."""
    birth = application.people[0].date_of_birth if application.people else None
    home_type = application.section("current_home").get("home_type")
    return Bidder(
        reference=application.reference or f"#{application.id}",
        stage=application.stage,
        band=decision.band if decision else None,
        priority_date=decision.priority_date if decision else None,
        registration_date=(decision.registration_date if decision else None) or application.received_on,
        bedroom_need=decision.bedroom_need if decision else None,
        applicant_age=age_on(birth, today) if birth else None,
        current_home_type=home_type if isinstance(home_type, str) else None,
        local_connection=decision.local_connection if decision else None,
    )


def bidders_for(session: Session, application_ids: Iterable[int], today: dt.date) -> dict[int, Bidder]:
    """Each application's household as a bidder, keyed by application id (missing ids are left out)."""
    ids = sorted(set(application_ids))
    if not ids:
        return {}
    query = select(Application).where(Application.id.in_(ids)).options(selectinload(Application.people))
    applications = list(session.scalars(query))
    decisions = _latest_decisions(session, ids)
    return {app.id: bidder_from(app, decisions.get(app.id), today) for app in applications}


def bidder_for(session: Session, application: Application, today: dt.date) -> Bidder:
    return bidders_for(session, [application.id], today)[application.id]


def pounds_from_pence(pence: int | None) -> Decimal | None:
    return None if pence is None else Decimal(pence) / 100


def home_of(advert: Advert) -> Home:
    """An advert as the rules read it (its landlord loaded)."""
    return Home(
        reference=advert.reference,
        status=advert.status,
        tenure=advert.tenure,
        landlord_kind=advert.landlord.kind,
        bedrooms=advert.bedrooms,
        property_type=advert.property_type,
        mobility=advert.mobility,
        area=advert.area,
        weekly_rent=pounds_from_pence(advert.weekly_rent_pence),
        weekly_service_charge=pounds_from_pence(advert.weekly_service_charge_pence),
        market_value=pounds_from_pence(advert.market_value_pence),
        min_age=advert.min_age,
        max_age=advert.max_age,
        min_bedroom_need=advert.min_bedroom_need,
        max_bedroom_need=advert.max_bedroom_need,
        transfer_only=advert.transfer_only,
        local_connection_only=advert.local_connection_only,
    )
