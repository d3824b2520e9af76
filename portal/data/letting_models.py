"""Bids, shortlists, offers, nominations, direct matches, lets, property alerts and auto-bidding.

The bid limit holds under concurrent requests because each active bid takes
one of the cycle's numbered slots (1 to the limit), and the database allows
each slot once for each household in a cycle; on PostgreSQL the household's
application row is also locked while a bid is placed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from portal.data.base import Base, UTCDateTime, utcnow
from portal.data.case_models import one_of
from portal.rules.lettings.kinds import (
    BID_STATUSES,
    DIRECT_MATCH_STATUSES,
    LET_ROUTES,
    NOMINATION_OUTCOMES,
    OFFER_STATUSES,
    SHORTLIST_STATUSES,
    SKIP_REASONS,
)

ACTIVE = text("status = 'active'")


class Bid(Base):
    """A household's bid for an advertised home."""

    __tablename__ = "bids"
    __table_args__ = (
        one_of("status", BID_STATUSES, "status"),
        Index(
            "uq_bids_active_slot",
            "application_id",
            "cycle_id",
            "slot",
            unique=True,
            sqlite_where=ACTIVE,
            postgresql_where=ACTIVE,
        ),
        Index(
            "uq_bids_active_advert",
            "application_id",
            "advert_id",
            unique=True,
            sqlite_where=ACTIVE,
            postgresql_where=ACTIVE,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("bidding_cycles.id", ondelete="CASCADE"), index=True)
    slot: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="active")
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    placed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: Placed by an officer or a support worker for the household.
    case_work: Mapped[bool] = mapped_column(Boolean, default=False)
    placed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class ShortlistEntry(Base):
    """A bidder's place on the shortlist made when an advert closes, with the facts it was ranked by."""

    __tablename__ = "shortlist_entries"
    __table_args__ = (
        UniqueConstraint("advert_id", "application_id"),
        one_of("status", SHORTLIST_STATUSES, "status"),
        one_of("skip_reason", SKIP_REASONS, "skip_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    bid_id: Mapped[int | None] = mapped_column(ForeignKey("bids.id", ondelete="SET NULL"))
    #: 1 for the first eligible bidder; None for a bidder the eligibility filters left out.
    position: Mapped[int | None] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(12))
    band: Mapped[int | None] = mapped_column(Integer)
    priority_date: Mapped[dt.date | None] = mapped_column(Date)
    registration_date: Mapped[dt.date | None] = mapped_column(Date)
    bedroom_need: Mapped[int | None] = mapped_column(Integer)
    #: Why the filters left the bidder out: the rule codes of ``portal.rules.lettings.bidding``.
    excluded_because: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    skip_reason: Mapped[str | None] = mapped_column(String(40))
    skip_note: Mapped[str | None] = mapped_column(Text)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Offer(Base):
    """An offer of a home to a household, and their answer."""

    __tablename__ = "offers"
    __table_args__ = (one_of("status", OFFER_STATUSES, "status"), one_of("route", LET_ROUTES, "route"))

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    route: Mapped[str] = mapped_column(String(20), default="bidding")
    status: Mapped[str] = mapped_column(String(20), default="made")
    made_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    made_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    respond_by: Mapped[dt.date | None] = mapped_column(Date)
    #: The officer's view that the offer was suitable and reasonable: a refusal of it counts towards the
    #: scheme's reduced preference rule (``reduced_preference_offers_refused`` in 12 months).
    reasonable: Mapped[bool] = mapped_column(Boolean, default=True)
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)


class Nomination(Base):
    """A nomination of a household to a housing association for one of its homes, and the landlord's answer."""

    __tablename__ = "nominations"
    __table_args__ = (one_of("outcome", NOMINATION_OUTCOMES, "outcome"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    landlord_id: Mapped[int] = mapped_column(ForeignKey("landlords.id", ondelete="CASCADE"), index=True)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: The nomination document (PDF) in the file store.
    document_key: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(20), default="waiting")
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    outcome_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class DirectMatch(Base):
    """An officer's match of a vulnerable household to a home outside bidding, for a senior officer to approve."""

    __tablename__ = "direct_matches"
    __table_args__ = (one_of("status", DIRECT_MATCH_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decision_reason: Mapped[str | None] = mapped_column(Text)


class Let(Base):
    """A home let (or sold) to a household: the lettings result, published without naming anyone."""

    __tablename__ = "lets"
    __table_args__ = (UniqueConstraint("advert_id"), one_of("route", LET_ROUTES, "route"))

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offers.id", ondelete="SET NULL"))
    route: Mapped[str] = mapped_column(String(20))
    let_on: Mapped[dt.date] = mapped_column(Date, index=True)
    # What the results and waiting-time estimates show, copied so they never change afterwards.
    bedrooms: Mapped[int] = mapped_column(Integer)
    band: Mapped[int | None] = mapped_column(Integer)
    priority_date: Mapped[dt.date | None] = mapped_column(Date)
    registration_date: Mapped[dt.date | None] = mapped_column(Date)
    bid_count: Mapped[int] = mapped_column(Integer, default=0)
    let_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)


class SavedSearch(Base):
    """A property alert: a search an applicant saved, emailed to them when a matching home is advertised."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: The filters, as on the search page: {"tenure": [...], "area": str, "bedrooms": int, ...}.
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AlertSent(Base):
    """A home already emailed for a saved search, so each is sent once."""

    __tablename__ = "alerts_sent"
    __table_args__ = (UniqueConstraint("saved_search_id", "advert_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_searches.id", ondelete="CASCADE"))
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"))
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AutoBid(Base):
    """Bidding on a household's behalf when a cycle opens, asked for by them or set up by an officer."""

    __tablename__ = "auto_bids"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    #: What homes to bid for: {"tenure": [...], "area": [...], "property_type": [...], "mobility": [...]}.
    preferences: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    set_by_officer: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
