"""Adverts for homes, and their photos: making, changing, publishing and withdrawing them.

An advert starts as a ``draft`` only officers see. Published into a planned
cycle it is ``ready``, and it opens with its cycle; published into a cycle
that is already open, it opens at once. Withdrawing it (from draft, ready,
open or closed) gives back the bids made on it, so each household can bid
for another home.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from portal.data.advert_models import Advert, AdvertPhoto, BiddingCycle
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.letting_models import Bid
from portal.data.models import User

REFERENCE_PREFIX = "HM-"
REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0, O, 1 or I to mix up
REFERENCE_LENGTH = 6
#: Adverts an officer may still change: not once bidding has ended.
EDITABLE = ("draft", "ready", "open")
WITHDRAWABLE = ("draft", "ready", "open", "closed")
#: Adverts the lettings page lists as needing an officer: bidding has ended and the home is not let yet.
NEEDS_ACTION = ("closed", "matched")
PHOTO_LIMIT = 20

#: Every column an officer sets on an advert (the rest are kept by the portal).
ADVERT_FIELDS = (
    "landlord_id",
    "tenure",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "area",
    "latitude",
    "longitude",
    "bedrooms",
    "property_type",
    "floor",
    "has_lift",
    "mobility",
    "accessibility",
    "description",
    "weekly_rent_pence",
    "weekly_service_charge_pence",
    "market_value_pence",
    "min_share_percent",
    "max_share_percent",
    "monthly_rent_pence",
    "monthly_service_charge_pence",
    "discount_percent",
    "min_age",
    "max_age",
    "min_bedroom_need",
    "max_bedroom_need",
    "transfer_only",
    "local_lettings_plan",
    "local_connection_only",
)


class WrongAdvertStatus(Exception):
    """The advert is not in a status this step can start from."""


class NoCycle(Exception):
    """The advert has no bidding cycle to be published into."""


def new_advert_reference(session: Session) -> str:
    """An unused advert reference such as HM-7K3M9Q."""
    while True:
        reference = REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(REFERENCE_LENGTH))
        if not reference_taken(session, reference):
            return reference


def reference_taken(session: Session, reference: str) -> bool:
    return session.scalar(select(Advert.id).where(func.upper(Advert.reference) == reference.upper())) is not None


def advert_by_id(session: Session, advert_id: int) -> Advert | None:
    return session.get(Advert, advert_id)


def list_adverts(session: Session, *, status: str | None = None, cycle_id: int | None = None) -> list[Advert]:
    """Adverts, newest first, by status and cycle when given."""
    query = select(Advert).options(selectinload(Advert.landlord), selectinload(Advert.cycle))
    if status is not None:
        query = query.where(Advert.status == status)
    if cycle_id is not None:
        query = query.where(Advert.cycle_id == cycle_id)
    return list(session.scalars(query.order_by(Advert.id.desc())))


def adverts_in_cycle(session: Session, cycle_id: int) -> list[Advert]:
    query = (
        select(Advert)
        .where(Advert.cycle_id == cycle_id)
        .options(selectinload(Advert.landlord))
        .order_by(Advert.reference)
    )
    return list(session.scalars(query))


def adverts_needing_action(session: Session) -> list[Advert]:
    """Closed adverts being shortlisted and adverts held for a direct match, oldest first."""
    query = (
        select(Advert)
        .where(Advert.status.in_(NEEDS_ACTION))
        .options(selectinload(Advert.landlord))
        .order_by(Advert.updated_at, Advert.id)
    )
    return list(session.scalars(query))


def bid_counts(session: Session, advert_ids: Iterable[int]) -> dict[int, int]:
    """Active bids on each advert (adverts without one are left out)."""
    ids = sorted(set(advert_ids))
    if not ids:
        return {}
    query = (
        select(Bid.advert_id, func.count(Bid.id))
        .where(Bid.advert_id.in_(ids), Bid.status == "active")
        .group_by(Bid.advert_id)
    )
    return {advert_id: count for advert_id, count in session.execute(query).all()}


def _set(advert: Advert, values: Mapping[str, Any]) -> dict[str, Any]:
    """Set the officer's fields from ``values``; what changed, as {column: [before, after]}."""
    changed: dict[str, Any] = {}
    for name in ADVERT_FIELDS:
        if name not in values:
            continue
        before, after = getattr(advert, name), values[name]
        if before != after:
            changed[name] = [before, after]
            setattr(advert, name, after)
    return changed


def create_advert(
    session: Session,
    values: Mapping[str, Any],
    *,
    officer: User | None,
    cycle: BiddingCycle | None = None,
    reference: str | None = None,
    status: str = "draft",
    action: str = "lettings.advert_created",
    details: Mapping[str, Any] | None = None,
) -> Advert:
    """A new advert (a draft unless told), with a new reference unless one is given."""
    advert = Advert(
        reference=reference or new_advert_reference(session),
        status=status,
        cycle=cycle,
        created_by_id=officer.id if officer else None,
    )
    _set(advert, values)
    session.add(advert)
    session.flush()
    record_event(
        session,
        actor=officer,
        action=action,
        subject_type="advert",
        subject_id=advert.id,
        details={"advert": advert.reference, "status": status, **(details or {})},
    )
    return advert


def update_advert(
    session: Session, advert: Advert, values: Mapping[str, Any], *, officer: User, cycle: BiddingCycle | None
) -> dict[str, Any]:
    """Change an advert an officer may still change. A ready advert follows its cycle: into an open cycle
    it opens, and with no cycle it goes back to being a draft. An open advert keeps its cycle."""
    if advert.status not in EDITABLE:
        raise WrongAdvertStatus(advert.status)
    changed = _set(advert, values)
    new_cycle_id = cycle.id if cycle else None
    if new_cycle_id != advert.cycle_id:
        if advert.status == "open":
            raise WrongAdvertStatus(advert.status)
        changed["cycle_id"] = [advert.cycle_id, new_cycle_id]
        advert.cycle = cycle
        if advert.status == "ready":
            status = "draft" if cycle is None else ("open" if cycle.status == "open" else "ready")
            if status != advert.status:
                changed["status"] = [advert.status, status]
                advert.status = status
    advert.updated_at = utcnow()
    session.flush()
    if changed:
        record_event(
            session,
            actor=officer,
            action="lettings.advert_changed",
            subject_type="advert",
            subject_id=advert.id,
            details={"advert": advert.reference, "changed": _plain(changed)},
        )
    return changed


def _plain(changed: Mapping[str, Any]) -> dict[str, Any]:
    """What changed, as values the audit trail can keep (JSON)."""
    return {
        name: [value if isinstance(value, str | int | float | bool | None) else str(value) for value in pair]
        for name, pair in changed.items()
    }


def publish(session: Session, advert: Advert, *, officer: User) -> str:
    """Publish a draft into its cycle: ``ready`` for a planned cycle, ``open`` for an open one. The new status."""
    if advert.status != "draft":
        raise WrongAdvertStatus(advert.status)
    cycle = advert.cycle
    if cycle is None or cycle.status not in ("planned", "open"):
        raise NoCycle
    advert.status = "open" if cycle.status == "open" else "ready"
    advert.updated_at = utcnow()
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.advert_published",
        subject_type="advert",
        subject_id=advert.id,
        details={"advert": advert.reference, "cycle": cycle.id, "status": advert.status},
    )
    return advert.status


def withdraw(session: Session, advert: Advert, *, officer: User, reason: str) -> list[Bid]:
    """Withdraw an advert with a reason; its active bids are given back. Returns those bids."""
    if advert.status not in WITHDRAWABLE:
        raise WrongAdvertStatus(advert.status)
    before = advert.status
    advert.status = "withdrawn"
    advert.updated_at = utcnow()
    query = select(Bid).where(Bid.advert_id == advert.id, Bid.status == "active").order_by(Bid.id)
    given_back = list(session.scalars(query))
    for bid in given_back:
        bid.status = "withdrawn"
        bid.withdrawn_at = utcnow()
        bid.withdrawn_by_id = officer.id
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.advert_withdrawn",
        subject_type="advert",
        subject_id=advert.id,
        reason=reason,
        details={"advert": advert.reference, "from": before, "bids_given_back": len(given_back)},
    )
    for bid in given_back:
        record_event(
            session,
            actor=officer,
            action="lettings.bid_given_back",
            subject_type="application",
            subject_id=bid.application_id,
            reason=reason,
            details={"advert": advert.reference, "bid": bid.id},
        )
    return given_back


def photo_on_advert(session: Session, advert_id: int, photo_id: int) -> AdvertPhoto | None:
    photo = session.get(AdvertPhoto, photo_id)
    return photo if photo is not None and photo.advert_id == advert_id else None


def photo_by_id(session: Session, photo_id: int) -> AdvertPhoto | None:
    return session.get(AdvertPhoto, photo_id)


def add_photo(
    session: Session, advert: Advert, *, file_key: str, content_type: str, alt: str, officer: User
) -> AdvertPhoto:
    """Add a photo already in the file store, after the advert's other photos."""
    last = session.scalar(select(func.max(AdvertPhoto.position)).where(AdvertPhoto.advert_id == advert.id))
    photo = AdvertPhoto(
        advert_id=advert.id,
        position=(last + 1) if last is not None else 0,
        file_key=file_key,
        content_type=content_type,
        alt=alt,
    )
    session.add(photo)
    advert.updated_at = utcnow()
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.photo_added",
        subject_type="advert",
        subject_id=advert.id,
        details={"advert": advert.reference, "photo": photo.id, "alt": alt},
    )
    return photo


def delete_photo(session: Session, advert: Advert, photo: AdvertPhoto, *, officer: User) -> str:
    """Remove a photo from the advert; the key of its file, for the caller to delete from the store."""
    key = photo.file_key
    session.delete(photo)
    advert.updated_at = utcnow()
    session.flush()
    session.expire(advert, ["photos"])
    record_event(
        session,
        actor=officer,
        action="lettings.photo_removed",
        subject_type="advert",
        subject_id=advert.id,
        details={"advert": advert.reference, "photo": photo.id, "alt": photo.alt},
    )
    return key
