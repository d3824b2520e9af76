"""The facts the lettings rules read: an advertised home, and a household that may bid for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Home:
    """An advert as the rules see it. Money is in pounds, exactly."""

    reference: str
    status: str  # one of kinds.ADVERT_STATUSES
    tenure: str  # one of kinds.TENURES
    landlord_kind: str  # one of kinds.LANDLORD_KINDS
    bedrooms: int
    property_type: str
    mobility: str
    area: str = ""
    weekly_rent: Decimal | None = None
    weekly_service_charge: Decimal | None = None
    market_value: Decimal | None = None
    min_age: int | None = None
    max_age: int | None = None
    min_bedroom_need: int | None = None
    max_bedroom_need: int | None = None
    transfer_only: bool = False
    local_connection_only: bool = False


#: Current homes whose people rent from the council or a housing association (may bid for transfer-only homes).
SOCIAL_TENANT_HOMES = frozenset({"council_tenant", "housing_association_tenant"})


@dataclass(frozen=True, slots=True)
class Bidder:
    """A household as it stands on the register: its latest decision and what it told us."""

    reference: str
    stage: str  # the application's stage; only "active" households may bid
    band: int | None = None
    priority_date: dt.date | None = None
    registration_date: dt.date | None = None
    bedroom_need: int | None = None
    applicant_age: int | None = None  # on the day the rules run
    current_home_type: str | None = None
    local_connection: bool | None = None  # met or exempt, as decided
