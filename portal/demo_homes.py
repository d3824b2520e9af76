"""The demo homes: who owns them, where they are, what they cost and who bids for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

COUNCIL = "Exampleton Borough Council"
RIVERSIDE = "Riverside Homes"
MEADOW = "Meadow Housing Association"
LANDLORDS = ((COUNCIL, "council", 0), (RIVERSIDE, "housing_association", 50), (MEADOW, "housing_association", 40))
AREAS = ("Town Centre", "Northfield", "Riverside", "Oakwood", "Brookside")


@dataclass(frozen=True)
class Home:
    landlord: str
    tenure: str
    line_1: str
    area: str
    bedrooms: int
    property_type: str
    values: dict[str, Any]


STREET = {
    "flat": "Flat {n}, {name} House, Market Street",
    "house": "{n} {name} Road",
    "bungalow": "{n} {name} Close",
}

THIS_WEEK = (
    Home(
        COUNCIL,
        "social_rent",
        "Flat 4, Linden Court, Station Road",
        "Town Centre",
        2,
        "flat",
        {
            "floor": 2,
            "has_lift": True,
            "weekly_rent_pence": 11240,
            "weekly_service_charge_pence": 850,
            "min_bedroom_need": 2,
            "max_bedroom_need": 2,
            "description": "A bright two-bedroom flat on the second floor, near the station and shops.",
        },
    ),
    Home(
        COUNCIL,
        "social_rent",
        "27 Hawthorn Avenue",
        "Northfield",
        2,
        "house",
        {
            "weekly_rent_pence": 12480,
            "min_bedroom_need": 2,
            "max_bedroom_need": 3,
            "description": "A two-bedroom house with a garden, close to a primary school.",
        },
    ),
    Home(
        RIVERSIDE,
        "affordable_rent",
        "9 Kingfisher Way",
        "Riverside",
        3,
        "house",
        {
            "weekly_rent_pence": 17950,
            "min_bedroom_need": 3,
            "max_bedroom_need": 3,
            "description": "A three-bedroom house with a garden and off-road parking.",
        },
    ),
    Home(
        COUNCIL,
        "social_rent",
        "Flat 1, Willow House, Mill Lane",
        "Oakwood",
        1,
        "flat",
        {
            "floor": 0,
            "has_lift": False,
            "weekly_rent_pence": 9320,
            "weekly_service_charge_pence": 620,
            "min_bedroom_need": 1,
            "max_bedroom_need": 1,
            "description": "A ground-floor one-bedroom flat with a shared garden.",
        },
    ),
    Home(
        MEADOW,
        "social_rent",
        "3 Primrose Close",
        "Brookside",
        1,
        "bungalow",
        {
            "mobility": "step_free",
            "weekly_rent_pence": 10110,
            "min_age": 55,
            "min_bedroom_need": 1,
            "max_bedroom_need": 2,
            "accessibility": "Level access to the front door, a walk-in shower and wide doors.",
            "description": "A one-bedroom bungalow for people aged 55 or over.",
        },
    ),
    Home(
        COUNCIL,
        "social_rent",
        "12 Beech Grove",
        "Northfield",
        1,
        "bungalow",
        {
            "mobility": "wheelchair",
            "weekly_rent_pence": 10540,
            "min_bedroom_need": 1,
            "max_bedroom_need": 2,
            "accessibility": "Built for someone who uses a wheelchair all the time: ramped entrance, wide doors, "
            "a level-access shower and a lowered kitchen.",
            "description": "A one-bedroom wheelchair-accessible bungalow.",
        },
    ),
    Home(
        COUNCIL,
        "social_rent",
        "Flat 7, Cedar Court, Church Street",
        "Town Centre",
        2,
        "flat",
        {
            "floor": 3,
            "has_lift": True,
            "weekly_rent_pence": 11630,
            "weekly_service_charge_pence": 900,
            "min_bedroom_need": 1,
            "max_bedroom_need": 2,
            "transfer_only": True,
            "description": "A two-bedroom flat for council and housing association tenants who want to move.",
        },
    ),
    Home(
        RIVERSIDE,
        "shared_ownership",
        "15 Meadow View",
        "Oakwood",
        2,
        "house",
        {
            "market_value_pence": 29000000,
            "min_share_percent": 10,
            "max_share_percent": 75,
            "monthly_rent_pence": 66460,
            "monthly_service_charge_pence": 3500,
            "description": "A new two-bedroom house. Buy a share of 10% to 75% and pay rent on the rest.",
        },
    ),
    Home(
        MEADOW,
        "first_homes",
        "Flat 2, Orchard House, New Road",
        "Brookside",
        1,
        "flat",
        {
            "floor": 1,
            "has_lift": False,
            "market_value_pence": 18500000,
            "discount_percent": 30,
            "local_connection_only": True,
            "local_lettings_plan": "For first-time buyers who live or work here.",
            "description": "A one-bedroom flat for first-time buyers at 30% off the market price.",
        },
    ),
)

LAST_WEEK = (
    Home(
        COUNCIL,
        "social_rent",
        "31 Rowan Road",
        "Brookside",
        2,
        "house",
        {
            "weekly_rent_pence": 12150,
            "min_bedroom_need": 2,
            "max_bedroom_need": 2,
            "description": "A two-bedroom house with a garden.",
        },
    ),
    Home(
        RIVERSIDE,
        "social_rent",
        "Flat 5, Heron Court, Quay Street",
        "Riverside",
        1,
        "flat",
        {
            "floor": 1,
            "has_lift": True,
            "weekly_rent_pence": 9680,
            "weekly_service_charge_pence": 740,
            "min_bedroom_need": 1,
            "max_bedroom_need": 1,
            "description": "A one-bedroom flat by the river.",
        },
    ),
)

NEXT_WEEK = (
    Home(
        COUNCIL,
        "social_rent",
        "44 Sycamore Drive",
        "Oakwood",
        3,
        "house",
        {
            "weekly_rent_pence": 13890,
            "min_bedroom_need": 3,
            "max_bedroom_need": 4,
            "description": "A three-bedroom house with a large garden.",
        },
    ),
    Home(
        MEADOW,
        "affordable_rent",
        "Flat 9, Ash House, Hill Road",
        "Town Centre",
        2,
        "flat",
        {
            "floor": 4,
            "has_lift": True,
            "weekly_rent_pence": 15420,
            "min_bedroom_need": 2,
            "max_bedroom_need": 2,
            "description": "A two-bedroom flat with a balcony.",
        },
    ),
)

#: Who bids on this week's homes (by index) and last week's, before Joy tries.
THIS_WEEK_BIDS = {
    "kwame@example.org": (0, 1),
    "ahmed@example.org": (2,),
    "sofia@example.org": (3,),
    "li@example.org": (3,),
    "mary@example.org": (4, 5),
}
LAST_WEEK_BIDS = {
    "kwame@example.org": (0,),
    "joy@example.org": (0,),
    "sofia@example.org": (1,),
    "mary@example.org": (1,),
    "li@example.org": (1,),
}
