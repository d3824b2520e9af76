"""Notes on a case, and the contact log: each call, visit, message, letter or email with the applicant.

A note or contact is never changed or deleted once written; each one is
audited ("note.added", "contact.recorded") on the application's trail. The
audit event does not repeat what was written, only which note it was.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.case_models import CaseNote
from portal.data.models import User
from portal.rules.casework.kinds import CONTACT_METHODS, DIRECTIONS

MAX_BODY = 5000
NOTE_ADDED = "note.added"
CONTACT_RECORDED = "contact.recorded"


def _body(text: str) -> str:
    body = text.strip()
    if not body:
        raise ValueError("A note needs some text.")
    return body[:MAX_BODY]


def add_note(session: Session, application: Application, *, author: User, body: str, occurred_on: dt.date) -> CaseNote:
    """A note on the case."""
    note = CaseNote(
        application_id=application.id, kind="note", occurred_on=occurred_on, body=_body(body), author_id=author.id
    )
    session.add(note)
    session.flush()
    record_event(
        session,
        actor=author,
        action=NOTE_ADDED,
        subject_type="application",
        subject_id=application.id,
        details={"note_id": note.id},
    )
    return note


def add_contact(
    session: Session,
    application: Application,
    *,
    author: User,
    method: str,
    direction: str,
    occurred_on: dt.date,
    body: str,
) -> CaseNote:
    """A contact with the applicant: how (``CONTACT_METHODS``), which way ("in" or "out"), when and what was said."""
    if method not in CONTACT_METHODS:
        raise ValueError(f"A contact method must be one of {', '.join(CONTACT_METHODS)}.")
    if direction not in DIRECTIONS:
        raise ValueError(f"A direction must be one of {', '.join(DIRECTIONS)}.")
    note = CaseNote(
        application_id=application.id,
        kind="contact",
        method=method,
        direction=direction,
        occurred_on=occurred_on,
        body=_body(body),
        author_id=author.id,
    )
    session.add(note)
    session.flush()
    record_event(
        session,
        actor=author,
        action=CONTACT_RECORDED,
        subject_type="application",
        subject_id=application.id,
        details={"note_id": note.id, "method": method, "direction": direction},
    )
    return note


def notes_for(session: Session, application: Application, *, limit: int | None = None) -> list[CaseNote]:
    """The case's notes and contacts, newest first (by the day they happened, then when they were written)."""
    query = (
        select(CaseNote)
        .where(CaseNote.application_id == application.id)
        .order_by(CaseNote.occurred_on.desc(), CaseNote.created_at.desc(), CaseNote.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))
