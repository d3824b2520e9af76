"""Demo support workers: an approved worker helping demo applicants with their consent, and one waiting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session


def seed_demo_support(session: Session, today: dt.date) -> None:
    """Add the demo organisations, support worker profiles and consents (once)."""
