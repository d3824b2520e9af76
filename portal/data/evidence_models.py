"""Evidence for an application: what is needed, and the files sent for it.

Each ``EvidenceItem`` is one thing the council needs to see (proof of
identity for one person, proof of income, ...). Its status is what the
applicant and officers both work from. Files are kept in the file store under
a random key; the name the file had on the sender's device is kept only to
show it back to them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.data.application_models import Application
from portal.data.base import Base, UTCDateTime, utcnow

#: needed: nothing sent yet; uploaded: sent, not yet checked; accepted: checked and fine (until valid_until);
#: rejected: checked and not enough (reason says why); requested_again: an officer asked for it again.
EVIDENCE_STATUSES = ("needed", "uploaded", "accepted", "rejected", "requested_again")


class EvidenceItem(Base):
    __tablename__ = "evidence_items"
    __table_args__ = (
        UniqueConstraint("application_id", "kind", "person_key"),
        CheckConstraint(
            "status IN ({})".format(", ".join(f"'{status}'" for status in EVIDENCE_STATUSES)), name="status"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    #: The person it is about ("p12"), or "" when it is about the whole household.
    person_key: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default="needed")
    #: False when the answers no longer call for it; kept, never deleted, so nothing is lost.
    still_needed: Mapped[bool] = mapped_column(default=True)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(1000))
    request_note: Mapped[str | None] = mapped_column(String(1000))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    #: For an item an officer asked for that is not on the rules' list: what it is and why, in their words.
    title: Mapped[str | None] = mapped_column(String(200))
    why: Mapped[str | None] = mapped_column(String(1000))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    application: Mapped[Application] = relationship()
    files: Mapped[list[EvidenceFile]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="EvidenceFile.id"
    )


class EvidenceFile(Base):
    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id", ondelete="CASCADE"), index=True)
    storage_key: Mapped[str] = mapped_column(String(80), unique=True)
    #: The file's name on the sender's device, cleaned, only ever shown back as text.
    display_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(80))
    size_bytes: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    item: Mapped[EvidenceItem] = relationship(back_populates="files")
