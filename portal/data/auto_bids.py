"""Bidding for households that asked for it, when a cycle opens (being written)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from portal.data.advert_models import BiddingCycle


def place_auto_bids(session: Session, cycle: BiddingCycle, today: dt.date) -> int:
    raise NotImplementedError
