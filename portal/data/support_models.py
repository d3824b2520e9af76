"""Support workers and their organisations, applicants' consents, contact preferences and account handovers.

A consent records who agreed to what: the applicant, the support worker,
what the worker may do (seeing the application always; helping with it and
bidding when chosen), when it was given and when it ends. Invitation codes
and links are stored only as hashes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.data.base import Base, UTCDateTime, utcnow
from portal.data.case_models import one_of
from portal.rules.support.scopes import CONSENT_STATUSES, Scope, scopes_from

ORGANISATION_KINDS = ("charity", "social_care", "probation", "health", "council_team", "other")
WORKER_STATUSES = ("waiting", "approved", "refused", "suspended")
CONSENT_ROUTES = ("email_invite", "code_invite", "worker_request")
LETTER_CHOICES = ("home", "none", "other")
ACCESSIBLE_FORMATS = ("large_print", "easy_read", "braille", "audio", "bsl")


class Organisation(Base):
    """A charity, team or service whose staff help applicants."""

    __tablename__ = "organisations"
    __table_args__ = (one_of("kind", ORGANISATION_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SupportWorker(Base):
    """A support worker's profile: their organisation, and whether an officer has approved them."""

    __tablename__ = "support_workers"
    __table_args__ = (one_of("status", WORKER_STATUSES, "status"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"), index=True)
    job_title: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_reason: Mapped[str | None] = mapped_column(String(2000))
    #: Email the worker when something happens on a client's case.
    email_client_updates: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def is_approved(self) -> bool:
        return self.status == "approved"


class Consent(Base):
    """An applicant's agreement that a support worker may see, help with or bid on their application."""

    __tablename__ = "consents"
    __table_args__ = (
        one_of("status", CONSENT_STATUSES, "status"),
        one_of("route", CONSENT_ROUTES, "route"),
        Index("ix_consents_worker_status", "worker_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: Empty until the worker takes up an invitation.
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    route: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    invite_email: Mapped[str | None] = mapped_column(String(254))
    #: The hash of the invitation link's token or the one-time code.
    code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    code_expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    can_help: Mapped[bool] = mapped_column(Boolean, default=False)
    can_bid: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_on: Mapped[dt.date] = mapped_column(Date)
    #: What a worker wrote when asking for access.
    request_message: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    granted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    @property
    def scopes(self) -> frozenset[Scope]:
        return scopes_from(self.can_help, self.can_bid)


class ContactPreferences(Base):
    """How an applicant wants to be contacted, honoured by every email and letter."""

    __tablename__ = "contact_preferences"
    __table_args__ = (one_of("letters", LETTER_CHOICES, "letters"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    #: The language an interpreter should speak, or empty when none is needed.
    interpreter_language: Mapped[str | None] = mapped_column(String(60))
    formats: Mapped[list[str]] = mapped_column(JSON, default=list)
    format_other: Mapped[str | None] = mapped_column(String(200))
    letters: Mapped[str] = mapped_column(String(10), default="home")
    letter_address: Mapped[str | None] = mapped_column(String(500))
    safe_call_times: Mapped[str | None] = mapped_column(String(200))
    no_voicemail: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Emails go here instead of the sign-in address when set.
    alternative_email: Mapped[str | None] = mapped_column(String(254))
    #: Email the applicant when someone helping them does something for them.
    email_helper_activity: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AccountHandover(Base):
    """An account an officer set up for someone, waiting for them to take it over with a code or link."""

    __tablename__ = "account_handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    sent_by: Mapped[str] = mapped_column(String(10))  # "email" or "letter"
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
