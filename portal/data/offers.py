"""Offers of homes (being written)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from portal.data.letting_models import Offer


def offers_for_application(session: Session, application_id: int) -> list[Offer]:
    raise NotImplementedError
