"""A demo application an officer keyed in from a paper form, with the date the council first received it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session


def seed_demo_assisted(session: Session, today: dt.date) -> int:
    """Add the demo assisted application (once); returns how many applications were made."""
    return 0
