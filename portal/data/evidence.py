"""Evidence for an application: the items the council needs to see and the files sent for them.

``sync_evidence`` keeps the items in step with what the rules say is needed
(``portal.rules.application.evidence.evidence_needed``): it adds what is new,
and marks what is no longer needed without deleting it, so no file is lost.
Every function that finds an item or a file for an applicant takes their user
id and only finds what belongs to an application they own.

Files themselves live in the file store (``portal.storage``); this module only
keeps their key, so the caller stores a file before ``add_file`` and deletes
it from the store after ``remove_file`` has been committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.evidence_models import EvidenceFile, EvidenceItem
from portal.data.models import User
from portal.rules.application.evidence import EVIDENCE_KINDS

#: Statuses from which sending a file makes the item "uploaded" (waiting to be checked).
SENDABLE = frozenset({"needed", "rejected", "requested_again"})
#: Statuses that still need something from the applicant.
OUTSTANDING = frozenset({"needed", "rejected", "requested_again"})
HOUSEHOLD = ""  # the person_key of an item about the whole household
SUBJECT = "application"  # audit events about evidence are kept on the application's trail
#: The kind of an item an officer asked for that the rules do not; its person_key is "r1", "r2", ...
REQUESTED = "other"
REQUESTED_KEY_PREFIX = "r"
INFORMATION_REQUESTED = "evidence.information_requested"


class EvidenceNeedLike(Protocol):
    """What ``sync_evidence`` reads from each need (``portal.rules.application.evidence.EvidenceNeed``)."""

    @property
    def kind(self) -> str: ...

    @property
    def person_id(self) -> str | None: ...


class EvidenceLocked(ValueError):
    """The item has been accepted, so its files can no longer change."""


def person_key(person_id: str | None) -> str:
    return person_id or HOUSEHOLD


def _touch(item: EvidenceItem) -> None:
    item.updated_at = utcnow()


def _all_items(session: Session, application: Application) -> list[EvidenceItem]:
    query = select(EvidenceItem).where(EvidenceItem.application_id == application.id)
    return list(session.scalars(query))


def sync_evidence(session: Session, application: Application, needs: Iterable[EvidenceNeedLike]) -> list[EvidenceItem]:
    """Make the items match ``needs``: add new ones, mark the others no longer (or again) needed.

    Items are never deleted: one no longer needed keeps its files and status,
    and comes back as it was if it is needed again. Items an officer asked for
    (``REQUESTED``) are not the rules' to change, so they are left as they are.
    """
    existing = {(item.kind, item.person_key): item for item in _all_items(session, application)}
    wanted: set[tuple[str, str]] = set()
    for need in needs:
        key = (need.kind, person_key(need.person_id))
        if key in wanted:
            continue
        wanted.add(key)
        item = existing.get(key)
        if item is None:
            item = EvidenceItem(application_id=application.id, kind=key[0], person_key=key[1], status="needed")
            item.still_needed = True
            session.add(item)
            existing[key] = item
        elif not item.still_needed:
            item.still_needed = True
            _touch(item)
    for key, item in existing.items():
        if key not in wanted and item.still_needed and item.kind != REQUESTED:
            item.still_needed = False
            _touch(item)
    session.flush()
    return evidence_items(session, application)


def _order(application: Application) -> dict[str, int]:
    return {person.key: person.position for person in application.people}


def evidence_items(session: Session, application: Application) -> list[EvidenceItem]:
    """The application's items: still needed first, then by kind (the rules' order), then by person."""
    positions = _order(application)
    kinds = {kind: index for index, kind in enumerate(EVIDENCE_KINDS)}

    def sort_key(item: EvidenceItem) -> tuple[int, int, int, str, int]:
        person = -1 if item.person_key == HOUSEHOLD else positions.get(item.person_key, len(positions))
        return (0 if item.still_needed else 1, kinds.get(item.kind, len(kinds)), person, item.kind, item.id or 0)

    return sorted(_all_items(session, application), key=sort_key)


def item_for_user(session: Session, user_id: int, item_id: int) -> EvidenceItem | None:
    """The item, if it belongs to an application the user owns; otherwise None."""
    query = (
        select(EvidenceItem)
        .join(Application, EvidenceItem.application_id == Application.id)
        .where(EvidenceItem.id == item_id, Application.user_id == user_id)
    )
    return session.scalar(query)


def file_for_user(session: Session, user_id: int, file_id: int) -> EvidenceFile | None:
    """The file, if it was sent for an application the user owns; otherwise None."""
    query = (
        select(EvidenceFile)
        .join(EvidenceItem, EvidenceFile.item_id == EvidenceItem.id)
        .join(Application, EvidenceItem.application_id == Application.id)
        .where(EvidenceFile.id == file_id, Application.user_id == user_id)
    )
    return session.scalar(query)


def _details(item: EvidenceItem, **extra: object) -> dict[str, object]:
    return {"item_id": item.id, "kind": item.kind, "person": item.person_key, **extra}


def add_file(
    session: Session,
    item: EvidenceItem,
    *,
    storage_key: str,
    display_name: str,
    content_type: str,
    size_bytes: int,
    uploaded_by: User | None,
    on_behalf_of: User | None = None,
) -> EvidenceFile:
    """Keep a file already in the file store for the item, and record "evidence.uploaded".

    An item that was needed, not accepted or asked for again is now waiting
    to be checked. An accepted item cannot take more files (EvidenceLocked).
    """
    if item.status == "accepted":
        raise EvidenceLocked("This evidence has been accepted.")
    added = EvidenceFile(
        storage_key=storage_key,
        display_name=display_name[:200],
        content_type=content_type,
        size_bytes=size_bytes,
        uploaded_by_id=uploaded_by.id if uploaded_by else None,
    )
    item.files.append(added)
    if item.status in SENDABLE:
        item.status = "uploaded"
    _touch(item)
    session.flush()
    record_event(
        session,
        actor=uploaded_by,
        on_behalf_of=on_behalf_of,
        action="evidence.uploaded",
        subject_type=SUBJECT,
        subject_id=item.application_id,
        details=_details(item, file_id=added.id, content_type=content_type, size_bytes=size_bytes),
    )
    return added


def remove_file(
    session: Session, file: EvidenceFile, *, actor: User | None = None, on_behalf_of: User | None = None
) -> str:
    """Remove a file from its item and return its storage key, for the caller to delete from the store.

    Not allowed once the item is accepted (EvidenceLocked). An item waiting to
    be checked with no files left goes back to needed.
    """
    item = file.item
    if item.status == "accepted":
        raise EvidenceLocked("This evidence has been accepted.")
    key, file_id = file.storage_key, file.id
    item.files.remove(file)
    if item.status == "uploaded" and not item.files:
        item.status = "needed"
    _touch(item)
    session.flush()
    record_event(
        session,
        actor=actor,
        on_behalf_of=on_behalf_of,
        action="evidence.file_removed",
        subject_type=SUBJECT,
        subject_id=item.application_id,
        details=_details(item, file_id=file_id),
    )
    return key


def file_viewed(session: Session, file: EvidenceFile, *, actor: User | None, on_behalf_of: User | None = None) -> None:
    """Record that someone opened or downloaded the file ("evidence.viewed")."""
    record_event(
        session,
        actor=actor,
        on_behalf_of=on_behalf_of,
        action="evidence.viewed",
        subject_type=SUBJECT,
        subject_id=file.item.application_id,
        details=_details(file.item, file_id=file.id),
    )


def accept_item(session: Session, item: EvidenceItem, *, officer: User, valid_until: dt.date | None) -> None:
    """An officer has checked the evidence and it is enough (until ``valid_until``, if set)."""
    item.status = "accepted"
    item.valid_until = valid_until
    item.reason = item.request_note = item.due_on = None
    _touch(item)
    record_event(
        session,
        actor=officer,
        action="evidence.accepted",
        subject_type=SUBJECT,
        subject_id=item.application_id,
        details=_details(item, valid_until=valid_until.isoformat() if valid_until else None),
    )


def reject_item(session: Session, item: EvidenceItem, *, officer: User, reason: str) -> None:
    """An officer has checked the evidence and cannot accept it; ``reason`` is shown to the applicant."""
    reason = reason.strip()
    if not reason:
        raise ValueError("Say why the evidence is not accepted.")
    item.status = "rejected"
    item.reason = reason[:1000]
    item.valid_until = item.request_note = item.due_on = None
    _touch(item)
    record_event(
        session,
        actor=officer,
        action="evidence.rejected",
        subject_type=SUBJECT,
        subject_id=item.application_id,
        reason=item.reason,
        details=_details(item),
    )


def request_again(session: Session, item: EvidenceItem, *, officer: User, note: str, due_on: dt.date | None) -> None:
    """An officer asks for the evidence again (for example, it has run out); ``note`` says what to send."""
    note = note.strip()
    if not note:
        raise ValueError("Say what the applicant needs to send.")
    item.status = "requested_again"
    item.request_note = note[:1000]
    item.due_on = due_on
    item.valid_until = item.reason = None
    item.still_needed = True
    _touch(item)
    record_event(
        session,
        actor=officer,
        action="evidence.requested_again",
        subject_type=SUBJECT,
        subject_id=item.application_id,
        reason=item.request_note,
        details=_details(item, due_on=due_on.isoformat() if due_on else None),
    )


def is_outstanding(item: EvidenceItem) -> bool:
    """Still needed and waiting for the applicant to send something."""
    return item.still_needed and item.status in OUTSTANDING


def outstanding_count(items: Sequence[EvidenceItem]) -> int:
    """How many items still need something from the applicant."""
    return sum(1 for item in items if is_outstanding(item))


# Officers' side: finding a case's items and files, and asking for something the rules do not.


def item_for_case(session: Session, application_id: int, item_id: int) -> EvidenceItem | None:
    """The item, if it belongs to this application; otherwise None."""
    query = select(EvidenceItem).where(EvidenceItem.id == item_id, EvidenceItem.application_id == application_id)
    return session.scalar(query)


def file_for_case(session: Session, application_id: int, file_id: int) -> EvidenceFile | None:
    """The file, if it was sent for an item of this application; otherwise None."""
    query = (
        select(EvidenceFile)
        .join(EvidenceItem, EvidenceFile.item_id == EvidenceItem.id)
        .where(EvidenceFile.id == file_id, EvidenceItem.application_id == application_id)
    )
    return session.scalar(query)


def all_accepted(items: Sequence[EvidenceItem]) -> bool:
    """Whether every item still needed has been accepted (true when none is needed)."""
    return all(item.status == "accepted" for item in items if item.still_needed)


@dataclass(frozen=True)
class InformationRequest:
    """What an officer asked for outside the rules' list, and why."""

    item_id: int
    what: str
    why: str
    officer_id: int | None


def _next_requested_key(session: Session, application: Application) -> str:
    numbers = [
        int(item.person_key[len(REQUESTED_KEY_PREFIX) :])
        for item in _all_items(session, application)
        if item.kind == REQUESTED and item.person_key[len(REQUESTED_KEY_PREFIX) :].isdigit()
    ]
    return f"{REQUESTED_KEY_PREFIX}{max(numbers, default=0) + 1}"


def request_information(
    session: Session, application: Application, *, officer: User, what: str, why: str, due_on: dt.date | None
) -> EvidenceItem:
    """Ask the applicant for something not on the rules' list: a new item, needed until it is accepted.

    ``what`` (the item's title) and ``why`` are shown to the applicant as the officer wrote them.
    """
    what, why = what.strip()[:200], why.strip()[:1000]
    if not what or not why:
        raise ValueError("Say what the applicant needs to send, and why.")
    item = EvidenceItem(
        application_id=application.id,
        kind=REQUESTED,
        person_key=_next_requested_key(session, application),
        status="needed",
        due_on=due_on,
        title=what,
        why=why,
        requested_by_id=officer.id,
    )
    item.still_needed = True
    session.add(item)
    session.flush()
    record_event(
        session,
        actor=officer,
        action=INFORMATION_REQUESTED,
        subject_type=SUBJECT,
        subject_id=application.id,
        reason=why,
        details=_details(item, what=what, why=why, due_on=due_on.isoformat() if due_on else None),
    )
    return item


def information_requests(session: Session, application: Application) -> dict[int, InformationRequest]:
    """What was asked for in each item an officer added, by item id."""
    query = (
        select(EvidenceItem)
        .where(EvidenceItem.application_id == application.id, EvidenceItem.kind == REQUESTED)
        .order_by(EvidenceItem.id)
    )
    return {
        item.id: InformationRequest(item.id, item.title or "", item.why or "", item.requested_by_id)
        for item in session.scalars(query)
    }
