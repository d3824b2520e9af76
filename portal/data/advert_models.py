"""Homes to let or sell: landlords and their nomination agreements, bidding cycles, adverts and their photos.

Money is kept in whole pence, so no amount passes through binary floating point.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.data.base import Base, UTCDateTime, utcnow
from portal.data.case_models import one_of
from portal.rules.lettings.kinds import (
    ADVERT_STATUSES,
    CYCLE_STATUSES,
    LANDLORD_KINDS,
    MOBILITY_CATEGORIES,
    PROPERTY_TYPES,
    TENURES,
)


class Landlord(Base):
    """The council, or a partner housing association whose homes are let by nomination."""

    __tablename__ = "landlords"
    __table_args__ = (one_of("kind", LANDLORD_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    email: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NominationAgreement(Base):
    """The share of a housing association's lets owed to the council's nominees over a period."""

    __tablename__ = "nomination_agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    landlord_id: Mapped[int] = mapped_column(ForeignKey("landlords.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    percent_owed: Mapped[int] = mapped_column(Integer)
    #: Homes the landlord says it let in the period, by any route (the base the percentage applies to).
    lets_reported: Mapped[int] = mapped_column(Integer, default=0)


class BiddingCycle(Base):
    """A period in which adverts take bids; each household may hold ``bid_limit`` bids in it."""

    __tablename__ = "bidding_cycles"
    __table_args__ = (one_of("status", CYCLE_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    opens_on: Mapped[dt.date] = mapped_column(Date, index=True)
    closes_on: Mapped[dt.date] = mapped_column(Date, index=True)
    bid_limit: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    opened_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    adverts: Mapped[list[Advert]] = relationship(back_populates="cycle", order_by="Advert.id")


class Advert(Base):
    """A home advertised for social or affordable rent, shared ownership or First Homes."""

    __tablename__ = "adverts"
    __table_args__ = (
        one_of("status", ADVERT_STATUSES, "status"),
        one_of("tenure", TENURES, "tenure"),
        one_of("property_type", PROPERTY_TYPES, "property_type"),
        one_of("mobility", MOBILITY_CATEGORIES, "mobility"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    cycle_id: Mapped[int | None] = mapped_column(ForeignKey("bidding_cycles.id", ondelete="SET NULL"), index=True)
    landlord_id: Mapped[int] = mapped_column(ForeignKey("landlords.id", ondelete="RESTRICT"), index=True)
    tenure: Mapped[str] = mapped_column(String(30))
    # Where it is.
    address_line_1: Mapped[str] = mapped_column(String(200))
    address_line_2: Mapped[str] = mapped_column(String(200), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    area: Mapped[str] = mapped_column(String(100), default="", index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # What it is.
    bedrooms: Mapped[int] = mapped_column(Integer)
    property_type: Mapped[str] = mapped_column(String(20))
    floor: Mapped[int | None] = mapped_column(Integer)  # 0 is the ground floor; None for a house
    has_lift: Mapped[bool | None] = mapped_column()
    mobility: Mapped[str] = mapped_column(String(30), default="general")
    accessibility: Mapped[str] = mapped_column(Text, default="")  # the access features, in words
    description: Mapped[str] = mapped_column(Text, default="")
    # What it costs. Rent tenures: weekly rent and service charge. Ownership: the full market value,
    # the share range (whole percents), the monthly rent on the unsold share and the service charge.
    weekly_rent_pence: Mapped[int | None] = mapped_column(Integer)
    weekly_service_charge_pence: Mapped[int | None] = mapped_column(Integer)
    market_value_pence: Mapped[int | None] = mapped_column(Integer)
    min_share_percent: Mapped[int | None] = mapped_column(Integer)
    max_share_percent: Mapped[int | None] = mapped_column(Integer)
    monthly_rent_pence: Mapped[int | None] = mapped_column(Integer)
    monthly_service_charge_pence: Mapped[int | None] = mapped_column(Integer)
    discount_percent: Mapped[int | None] = mapped_column(Integer)  # First Homes
    # Who may bid.
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    min_bedroom_need: Mapped[int | None] = mapped_column(Integer)
    max_bedroom_need: Mapped[int | None] = mapped_column(Integer)
    transfer_only: Mapped[bool] = mapped_column(default=False)
    #: A local lettings plan, in words; with ``local_connection_only`` only bidders with a local connection.
    local_lettings_plan: Mapped[str] = mapped_column(Text, default="")
    local_connection_only: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    cycle: Mapped[BiddingCycle | None] = relationship(back_populates="adverts")
    landlord: Mapped[Landlord] = relationship()
    photos: Mapped[list[AdvertPhoto]] = relationship(
        back_populates="advert", cascade="all, delete-orphan", order_by="AdvertPhoto.position"
    )


class AdvertPhoto(Base):
    """A photo of an advertised home, kept in the file store, with the words that describe it."""

    __tablename__ = "advert_photos"
    __table_args__ = (UniqueConstraint("advert_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    advert_id: Mapped[int] = mapped_column(ForeignKey("adverts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    file_key: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(50))
    alt: Mapped[str] = mapped_column(String(300))

    advert: Mapped[Advert] = relationship(back_populates="photos")
