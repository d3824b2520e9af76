"""Officers' case work on an application: who handles it, notes and contacts, safeguarding,
partner referrals, possible duplicates and duty referrals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.data.base import Base, UTCDateTime, utcnow
from portal.rules.casework.kinds import (
    CONTACT_METHODS,
    DIRECTIONS,
    DUPLICATE_MATCHES,
    DUPLICATE_STATUSES,
    FLAG_KINDS,
    NOTE_KINDS,
    PARTNERS,
)


def one_of(column: str, values: object, name: str) -> CheckConstraint:
    """A check that ``column`` holds one of ``values`` (or is null, when the column allows it)."""
    listed = ", ".join(f"'{value}'" for value in values)  # type: ignore[attr-defined]
    return CheckConstraint(f"{column} IS NULL OR {column} IN ({listed})", name=name)


class CaseHandling(Base):
    """Who is working on a case, and whether it is sensitive (open only to named officers)."""

    __tablename__ = "case_handling"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    assigned_officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    assigned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    sensitive: Mapped[bool] = mapped_column(default=False)
    sensitive_reason: Mapped[str | None] = mapped_column(String(2000))
    sensitive_since: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class NamedOfficer(Base):
    """An officer who may open a sensitive case."""

    __tablename__ = "case_named_officers"
    __table_args__ = (UniqueConstraint("application_id", "officer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CaseNote(Base):
    """A note on the case, or a contact with the applicant (phone, visit, web message, letter, email)."""

    __tablename__ = "case_notes"
    __table_args__ = (
        one_of("kind", NOTE_KINDS, "kind"),
        one_of("method", CONTACT_METHODS, "method"),
        one_of("direction", DIRECTIONS, "direction"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="note")
    method: Mapped[str | None] = mapped_column(String(20))
    direction: Mapped[str | None] = mapped_column(String(5))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SafeguardingFlag(Base):
    """A safeguarding or vulnerability flag. Removing one keeps the row, with who removed it and why."""

    __tablename__ = "safeguarding_flags"
    __table_args__ = (one_of("kind", FLAG_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    removed_reason: Mapped[str | None] = mapped_column(String(2000))


class PartnerReferral(Base):
    """A referral to a partner team or agency: who, when, why and what came of it."""

    __tablename__ = "partner_referrals"
    __table_args__ = (one_of("partner", PARTNERS, "partner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    partner: Mapped[str] = mapped_column(String(40))
    contact: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text)
    referred_on: Mapped[dt.date] = mapped_column(Date)
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(Text)
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class DuplicateFlag(Base):
    """Two applications that may be the same household, for an officer to resolve.

    The lower application id is always ``application_id``, so a pair is stored once for each match.
    """

    __tablename__ = "duplicate_flags"
    __table_args__ = (
        UniqueConstraint("application_id", "other_application_id", "matched_on"),
        one_of("matched_on", DUPLICATE_MATCHES, "matched_on"),
        one_of("status", DUPLICATE_STATUSES, "status"),
        CheckConstraint("application_id < other_application_id", name="ordered_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    other_application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    matched_on: Mapped[str] = mapped_column(String(30))
    found_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="open")
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(String(2000))


class DutyReferral(Base):
    """A complex enquiry referred to the duty officer, and the advice the duty officer gave."""

    __tablename__ = "duty_referrals"
    __table_args__ = (Index("ix_duty_referrals_open", "advised_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"))
    enquirer_name: Mapped[str] = mapped_column(String(200))
    enquirer_contact: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text)
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    referred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    taken_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    advice: Mapped[str | None] = mapped_column(Text)
    advised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
