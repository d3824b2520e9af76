"""Changes of circumstances sent by applicants, and reassessment tasks for officers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.data.base import Base, UTCDateTime, utcnow


class CircumstanceChange(Base):
    """A change an applicant told us about, with the preview they saw before sending it."""

    __tablename__ = "circumstance_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    preview: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: Set when an officer has dealt with it.
    handled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ReassessmentTask(Base):
    """Work for an officer: something that may change the band or bedroom need, found by the portal."""

    __tablename__ = "reassessment_tasks"
    __table_args__ = (UniqueConstraint("application_id", "reason", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(40))
    due_on: Mapped[dt.date] = mapped_column(Date)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
