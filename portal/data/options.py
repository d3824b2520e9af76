"""Housing options answers kept with an account, so an application can start from them.

A person may answer the housing options questions before they have an
account. When they sign in, the answers in their session are saved here, one
row for each account, replacing any saved before.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from portal.data.base import Base, UTCDateTime, utcnow


class HousingOptionsAnswers(Base):
    """The latest housing options answers a person gave, as the plain values the questions store."""

    __tablename__ = "housing_options_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def save_options_answers(session: Session, user_id: int, answers: Mapping[str, Any]) -> HousingOptionsAnswers:
    """Keep these answers for the account, replacing any kept before."""
    record = session.scalar(select(HousingOptionsAnswers).where(HousingOptionsAnswers.user_id == user_id))
    if record is None:
        record = HousingOptionsAnswers(user_id=user_id)
        session.add(record)
    record.answers = dict(answers)
    record.saved_at = utcnow()
    session.flush()
    return record


def options_answers_for(session: Session, user_id: int) -> dict[str, Any] | None:
    """The answers kept for this account, or None when there are none."""
    record = session.scalar(select(HousingOptionsAnswers).where(HousingOptionsAnswers.user_id == user_id))
    return dict(record.answers) if record is not None else None
