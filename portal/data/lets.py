"""Lets of homes (being written)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from portal.data.letting_models import Let


def let_for_advert(session: Session, advert_id: int) -> Let | None:
    raise NotImplementedError
