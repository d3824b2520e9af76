"""Officers' assessments, determinations, decision letters and review requests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.data.base import Base, UTCDateTime, utcnow
from portal.data.case_models import one_of
from portal.rules.casework.kinds import (
    ASSESSMENT_STATUSES,
    DECISION_KINDS,
    OUTCOMES,
    REVIEW_OUTCOMES,
    REVIEW_STATUSES,
)


class CaseAssessment(Base):
    """An officer's working assessment: findings, what they confirmed or overrode, and the checklist.

    ``version`` guards against two officers saving over each other.
    """

    __tablename__ = "case_assessments"
    __table_args__ = (one_of("status", ASSESSMENT_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    #: What the officer found that the engine takes from officers (medical award and its date, hazards, duty...).
    findings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: For each proposed field: {"value": ..., "overridden": bool, "reason": str}.
    confirmations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: The checklist factors the officer has ticked.
    checklist: Mapped[list[str]] = mapped_column(JSON, default=list)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Decision(Base):
    """A determination: what was decided, by whom, why, and until when a review can be asked for."""

    __tablename__ = "decisions"
    __table_args__ = (one_of("kind", DECISION_KINDS, "kind"), one_of("outcome", OUTCOMES, "outcome"))

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("case_assessments.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20), default="initial")
    outcome: Mapped[str] = mapped_column(String(30))
    eligible: Mapped[bool] = mapped_column()
    qualifies: Mapped[bool | None] = mapped_column()
    local_connection: Mapped[bool | None] = mapped_column()
    bedroom_need: Mapped[int | None] = mapped_column(Integer)
    band: Mapped[int | None] = mapped_column(Integer)
    priority_date: Mapped[dt.date | None] = mapped_column(Date)
    registration_date: Mapped[dt.date | None] = mapped_column(Date)
    #: The reasons for the letter: [{"message": msgid, "rule": str, "params": {...}}] from the rules,
    #: and [{"officer": text}] for an officer's own words (overrides), shown as written.
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: The fields the officer overrode: {field: {"proposed": ..., "decided": ..., "reason": str}}.
    overrides: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    review_by: Mapped[dt.date | None] = mapped_column(Date)


class DecisionLetter(Base):
    """A decision letter as sent, in one language: its HTML and the key of its PDF in the file store."""

    __tablename__ = "decision_letters"
    __table_args__ = (UniqueConstraint("decision_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    locale: Mapped[str] = mapped_column(String(10))
    html: Mapped[str] = mapped_column(Text)
    pdf_key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewRequest(Base):
    """An applicant's request for a review of a decision, and the senior officer's outcome."""

    __tablename__ = "review_requests"
    __table_args__ = (one_of("status", REVIEW_STATUSES, "status"), one_of("outcome", REVIEW_OUTCOMES, "outcome"))

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    reasons: Mapped[str] = mapped_column(Text)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    assigned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str | None] = mapped_column(String(20))
    #: The decision made on review (the new letter), whether it upheld or changed the first one.
    outcome_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
