"""Applicants' contact preferences: reading and saving them, and a short summary of needs for officers.

The preferences say how to reach someone safely: an interpreter, accessible
formats, where (or whether) to post letters, when it is safe to call, and
another email address. Saving records an audit event naming what changed,
never the new values (an address or email may be a safe one kept secret).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.consents import helpers_in_force
from portal.data.models import User
from portal.data.support_models import (
    ACCESSIBLE_FORMATS,
    LETTER_CHOICES,
    ContactPreferences,
)

EDITABLE = (
    "interpreter_language",
    "formats",
    "format_other",
    "letters",
    "letter_address",
    "safe_call_times",
    "no_voicemail",
    "alternative_email",
    "email_helper_activity",
)
#: How officers see each format, in the order the applicant's page lists them.
FORMAT_NAMES = {
    "large_print": "large print",
    "easy_read": "easy read",
    "braille": "braille",
    "audio": "audio",
    "bsl": "British Sign Language",
}


def preferences_for(session: Session, user_id: int) -> ContactPreferences | None:
    """The applicant's contact preferences, or None when they have never set any."""
    return session.get(ContactPreferences, user_id)


def _tidy(name: str, value: Any) -> Any:
    if name == "formats":
        return [found for found in ACCESSIBLE_FORMATS if found in (value or [])]
    if name == "letters":
        if value not in LETTER_CHOICES:
            raise ValueError(f"Unknown letters choice {value!r}")
        return value
    if name in ("no_voicemail", "email_helper_activity"):
        return bool(value)
    text = (value or "").strip() if isinstance(value, str) or value is None else value
    return text or None


def save_preferences(
    session: Session, user: User, *, actor: User | None = None, on_behalf_of: User | None = None, **fields: Any
) -> ContactPreferences:
    """Change some of the applicant's preferences (made when they have none) and record which changed."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not a contact preference: {sorted(unknown)}")
    preferences = preferences_for(session, user.id)
    if preferences is None:
        preferences = ContactPreferences(user_id=user.id, formats=[], letters="home", email_helper_activity=True)
        session.add(preferences)
    changed = []
    for name, value in fields.items():
        tidy = _tidy(name, value)
        if getattr(preferences, name) != tidy:
            setattr(preferences, name, tidy)
            changed.append(name)
    if preferences.letters != "other":
        preferences.letter_address = None
    if changed:
        preferences.updated_at = utcnow()
        record_event(
            session,
            actor=actor or user,
            on_behalf_of=on_behalf_of,
            action="contact.preferences_changed",
            subject_type="user",
            subject_id=user.id,
            details={"changed": sorted(changed)},
        )
    session.flush()
    return preferences


def wants_large_print(session: Session, user_id: int) -> bool:
    preferences = preferences_for(session, user_id)
    return preferences is not None and "large_print" in (preferences.formats or [])


@dataclass(frozen=True)
class ContactNeeds:
    """What an officer must know before contacting someone: each line is empty when there is nothing to say."""

    interpreter: str = ""
    formats: str = ""
    safe_contact: str = ""
    letter_address: str = ""
    letters: str = "home"

    @property
    def any(self) -> bool:
        return bool(self.interpreter or self.formats or self.safe_contact)


def needs_of(preferences: ContactPreferences | None) -> ContactNeeds:
    """A short summary of someone's contact needs, in the officers' words (English)."""
    if preferences is None:
        return ContactNeeds()
    formats = [FORMAT_NAMES[found] for found in ACCESSIBLE_FORMATS if found in (preferences.formats or [])]
    if preferences.format_other:
        formats.append(preferences.format_other)
    safe = []
    if preferences.letters == "none":
        safe.append("no letters to home")
    elif preferences.letters == "other":
        safe.append("post letters to another address")
    if preferences.safe_call_times:
        safe.append(f"call {preferences.safe_call_times}")
    if preferences.no_voicemail:
        safe.append("no voicemail")
    if preferences.alternative_email:
        safe.append("use other email")
    return ContactNeeds(
        interpreter=preferences.interpreter_language or "",
        formats=", ".join(formats),
        safe_contact="; ".join(safe),
        letter_address=(preferences.letter_address or "") if preferences.letters == "other" else "",
        letters=preferences.letters,
    )


def helpers_to_copy(session: Session, applicant_id: int, today: dt.date) -> list[User]:
    """The support workers to tell about updates on this applicant's case.

    Each has the applicant's consent in force today and asked to hear about their clients' cases.
    """
    found: dict[int, User] = {}
    for _consent, user, worker in helpers_in_force(session, applicant_id, today):
        if worker.email_client_updates:
            found.setdefault(user.id, user)
    return list(found.values())
