"""Shortlists made when an advert closes (being written)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.letting_models import ShortlistEntry


def create_shortlist(session: Session, advert: Advert, today: dt.date) -> list[ShortlistEntry]:
    raise NotImplementedError


def entries_for(session: Session, advert: Advert) -> list[ShortlistEntry]:
    raise NotImplementedError


def entry_for(session: Session, advert_id: int, application_id: int) -> ShortlistEntry | None:
    raise NotImplementedError
