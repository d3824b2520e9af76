"""What the officer lettings tests share: a filled-in advert form, photos, and reading rows back."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.audit import events_for_subject


def advert_form(landlord_id: int, **changes: Any) -> dict[str, Any]:
    """The advert form for a two-bedroom council flat for social rent, with no cycle; ``changes`` win."""
    data: dict[str, Any] = {
        "landlord": str(landlord_id),
        "tenure": "social_rent",
        "property_type": "flat",
        "bedrooms": "2",
        "floor": "1",
        "has_lift": "no",
        "mobility": "general",
        "accessibility": "",
        "description": "A bright flat near the shops.",
        "address_line_1": "Flat 4 Ash Court",
        "address_line_2": "12 Station Road",
        "town": "Exampleton",
        "postcode": "ex1 2ab",
        "area": "Town Centre",
        "latitude": "",
        "longitude": "",
        "weekly_rent": "£110.50",
        "weekly_service_charge": "6.25",
        "market_value": "",
        "min_share": "",
        "max_share": "",
        "monthly_rent": "",
        "monthly_service_charge": "",
        "discount_percent": "",
        "min_age": "",
        "max_age": "",
        "min_bedroom_need": "2",
        "max_bedroom_need": "2",
        "transfer_only": "no",
        "local_connection_only": "no",
        "local_lettings_plan": "",
        "cycle": "",
    }
    data.update(changes)
    return data


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=kind)
    return buffer.getvalue()


def all_adverts(db_session: Session) -> list[Advert]:
    db_session.expire_all()
    return list(db_session.scalars(select(Advert).order_by(Advert.id)))


def actions(db_session: Session, subject_type: str, subject_id: int) -> list[str]:
    return [event.action for event in events_for_subject(db_session, subject_type, subject_id)]
