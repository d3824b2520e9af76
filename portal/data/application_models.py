"""Applications to the housing register: the application, its people, addresses and status history.

Answers to the questions that are not about a person or an address are kept
as plain values in ``Application.answers``, one dict for each section. People
and addresses have rows of their own, with the facts officers search by in
typed columns and the other answers about them in ``answers``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.data.base import Base, UTCDateTime, utcnow
from portal.rules.application.stages import STAGES


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_user_stage", "user_id", "stage"),
        CheckConstraint("stage IN ({})".format(", ".join(f"'{stage}'" for stage in STAGES)), name="stage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reference: Mapped[str | None] = mapped_column(String(12), unique=True)
    stage: Mapped[str] = mapped_column(String(40), default="draft")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: Sections the applicant has checked and said are complete.
    completed_sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Sections holding answers carried over from the housing options questions, still to be checked.
    prefilled_sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    declaration: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    locale: Mapped[str] = mapped_column(String(10), default="en")
    provisional: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    provisional_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    #: The date the council first received the application: the registration date.
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_reason: Mapped[str | None] = mapped_column(String(500))
    #: How the council received it: online, or started by an officer from a phone call, drop-in or paper form.
    channel: Mapped[str] = mapped_column(String(20), default="online")
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    people: Mapped[list[HouseholdMember]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="HouseholdMember.position"
    )
    addresses: Mapped[list[Address]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Address.position"
    )
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="StatusChange.id"
    )

    __mapper_args__ = {"version_id_col": version}

    def section(self, key: str) -> dict[str, Any]:
        return dict((self.answers or {}).get(key) or {})

    @property
    def applicant(self) -> HouseholdMember:
        return self.people[0]

    def __repr__(self) -> str:
        return f"<Application {self.id} {self.stage}>"


class HouseholdMember(Base):
    """The applicant (position 0) or someone who lives, or will live, with them."""

    __tablename__ = "household_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    relationship_to_applicant: Mapped[str] = mapped_column(String(30), default="applicant")
    full_name: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date, index=True)
    sex: Mapped[str | None] = mapped_column(String(10))
    ni_number: Mapped[str | None] = mapped_column(String(13), index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    application: Mapped[Application] = relationship(back_populates="people")

    @property
    def key(self) -> str:
        return f"p{self.id}"


class Address(Base):
    """An address the applicant lives at (``moved_out`` None) or lived at before."""

    __tablename__ = "application_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    line_1: Mapped[str] = mapped_column(String(200), default="")
    line_2: Mapped[str] = mapped_column(String(200), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="", index=True)
    moved_in: Mapped[dt.date | None] = mapped_column(Date)
    moved_out: Mapped[dt.date | None] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    application: Mapped[Application] = relationship(back_populates="addresses")

    @property
    def key(self) -> str:
        return f"a{self.id}"


class StatusChange(Base):
    """One move from a stage to another. Written only by ``portal.data.applications.move_to``."""

    __tablename__ = "application_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[str] = mapped_column(String(40))
    to_stage: Mapped[str] = mapped_column(String(40))
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(String(2000))

    application: Mapped[Application] = relationship(back_populates="status_changes")
