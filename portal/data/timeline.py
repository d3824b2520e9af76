"""Everything that has happened on a case, in date order, for the officer's timeline.

The audit trail of the application is the spine: every officer action and
most applicant actions write an event there. Rows that tell the same story in
more detail are joined to their event (a note's text, a change of
circumstances, a stage change), and rows with no event of their own (made
before their action was audited, or by a job that does not audit, such as
reassessment tasks) are added as entries of the same kind, so nothing is
missed and nothing is listed twice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, and_, cast, or_, select
from sqlalchemy.orm import Session

from portal.data.application_models import Application, StatusChange
from portal.data.audit import events_for_subject
from portal.data.case_models import CaseNote
from portal.data.case_notes import CONTACT_RECORDED, NOTE_ADDED
from portal.data.change_models import CircumstanceChange, ReassessmentTask
from portal.data.evidence_models import EvidenceFile, EvidenceItem
from portal.data.models import AuditEvent
from portal.data.support_models import Consent

STAGE_CHANGED = "application.stage_changed"
CHANGE_REPORTED = "application.change_reported"
CHANGE_HANDLED = "change.handled"
TASK_CREATED = "task.created"
TASK_DONE = "task.done"
UPLOADED = "evidence.uploaded"


@dataclass(frozen=True)
class Entry:
    """One thing that happened: when, what (an audit action name), who, for whom, why, and what it was about."""

    at: dt.datetime
    action: str
    actor_id: int | None = None
    on_behalf_of_id: int | None = None
    reason: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    note: CaseNote | None = None
    change: CircumstanceChange | None = None
    task: ReassessmentTask | None = None


def _notes(session: Session, application: Application) -> dict[int, CaseNote]:
    query = select(CaseNote).where(CaseNote.application_id == application.id)
    return {note.id: note for note in session.scalars(query)}


def _changes(session: Session, application: Application) -> dict[int, CircumstanceChange]:
    query = select(CircumstanceChange).where(CircumstanceChange.application_id == application.id)
    return {change.id: change for change in session.scalars(query)}


def _tasks(session: Session, application: Application) -> dict[int, ReassessmentTask]:
    query = select(ReassessmentTask).where(ReassessmentTask.application_id == application.id)
    return {task.id: task for task in session.scalars(query)}


def _files(session: Session, application: Application) -> dict[int, EvidenceFile]:
    query = (
        select(EvidenceFile)
        .join(EvidenceItem, EvidenceFile.item_id == EvidenceItem.id)
        .where(EvidenceItem.application_id == application.id)
    )
    return {found.id: found for found in session.scalars(query)}


def _id(details: Mapping[str, Any], key: str) -> int | None:
    value = details.get(key)
    return value if isinstance(value, int) else None


class _Builder:
    """Joins the audit events of one case to the rows they are about, then adds the rows left over."""

    def __init__(self, session: Session, application: Application) -> None:
        self.notes = _notes(session, application)
        self.all_changes = _changes(session, application)
        self.changes = dict(self.all_changes)
        self.tasks = _tasks(session, application)
        self.files = _files(session, application)
        self.stage_rows: dict[tuple[str, str], deque[StatusChange]] = defaultdict(deque)
        for row in application.status_changes:
            self.stage_rows[(row.from_stage, row.to_stage)].append(row)
        self.handled: set[int] = set()
        self.done: set[int] = set()
        self.entries: list[Entry] = []

    def from_event(self, event: Any) -> None:
        details = dict(event.details or {})
        note = change = task = None
        if event.action in (NOTE_ADDED, CONTACT_RECORDED):
            note = self.notes.pop(_id(details, "note_id") or 0, None)
        elif event.action == CHANGE_REPORTED:
            change = self.changes.pop(_id(details, "change_id") or 0, None)
        elif event.action == CHANGE_HANDLED:
            self.handled.add(_id(details, "change_id") or 0)
            change = self.all_changes.get(_id(details, "change_id") or 0)
        elif event.action == TASK_DONE:
            self.done.add(_id(details, "task_id") or 0)
            task = self.tasks.get(_id(details, "task_id") or 0)
        elif event.action == STAGE_CHANGED:
            rows = self.stage_rows.get((str(details.get("from")), str(details.get("to"))))
            if rows:
                rows.popleft()
        elif event.action == UPLOADED:
            self.files.pop(_id(details, "file_id") or 0, None)
        self.entries.append(
            Entry(
                at=event.occurred_at,
                action=event.action,
                actor_id=event.actor_id,
                on_behalf_of_id=event.on_behalf_of_id,
                reason=event.reason,
                details=details,
                note=note,
                change=change,
                task=task,
            )
        )

    def left_over(self) -> None:
        add = self.entries.append
        for rows in self.stage_rows.values():
            for row in rows:
                details = {"from": row.from_stage, "to": row.to_stage}
                add(Entry(row.occurred_at, STAGE_CHANGED, row.actor_id, reason=row.reason, details=details))
        for note in self.notes.values():
            action = CONTACT_RECORDED if note.kind == "contact" else NOTE_ADDED
            details = {"note_id": note.id, "method": note.method, "direction": note.direction}
            add(Entry(note.created_at, action, note.author_id, details=details, note=note))
        for change in self.changes.values():
            details = {"change_id": change.id, "kind": change.kind}
            add(Entry(change.sent_at, CHANGE_REPORTED, change.sent_by_id, details=details, change=change))
        for change in self.all_changes.values():
            if change.handled_at is not None and change.id not in self.handled:
                details = {"change_id": change.id, "kind": change.kind}
                add(Entry(change.handled_at, CHANGE_HANDLED, details=details, change=change))
        for task in self.tasks.values():
            details = {"task_id": task.id, "reason": task.reason, "due_on": task.due_on.isoformat()}
            add(Entry(task.created_at, TASK_CREATED, details=details, task=task))
            if task.done_at is not None and task.id not in self.done:
                add(Entry(task.done_at, TASK_DONE, details=details, task=task))
        for sent in self.files.values():
            item = sent.item
            details = {"item_id": item.id, "kind": item.kind, "person": item.person_key, "file_id": sent.id}
            add(Entry(sent.uploaded_at, UPLOADED, sent.uploaded_by_id, details=details))


def _about_the_applicant(session: Session, application: Application) -> list[AuditEvent]:
    """Events about the applicant rather than the application: help from others, consents, their account."""
    consent_ids = select(cast(Consent.id, String)).where(Consent.applicant_id == application.user_id)
    query = select(AuditEvent).where(
        or_(
            and_(AuditEvent.subject_type == "user", AuditEvent.subject_id == str(application.user_id)),
            and_(AuditEvent.subject_type == "consent", AuditEvent.subject_id.in_(consent_ids)),
        )
    )
    return list(session.scalars(query))


def case_timeline(session: Session, application: Application) -> list[Entry]:
    """Every event on the case, oldest first, with those about the applicant's account and helpers."""
    builder = _Builder(session, application)
    events = events_for_subject(session, "application", application.id) + _about_the_applicant(session, application)
    for event in sorted(events, key=lambda event: (event.occurred_at, event.id)):
        builder.from_event(event)
    builder.left_over()
    return sorted(builder.entries, key=lambda entry: entry.at)
