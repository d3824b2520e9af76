"""The case timeline: every event on the case in date order, in plain English.

Each entry says when, who (and on whose behalf), what, and why. Known audit
actions are put into words; an action not known here is shown as written, so
a new kind of event is never hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

from flask import render_template

from officer_review.case_access import case_header, open_case
from officer_review.case_forms import DIRECTIONS
from officer_review.evidence_views import EVIDENCE_NAMES, item_title, person_names
from officer_review.routes import bp
from officer_review.timeline_lettings import LETTINGS_WORDS
from officer_review.timeline_support import SUPPORT_WORDS
from portal.apply.change_forms import KIND_NAMES
from portal.auth.access import officer_required
from portal.auth.roles import Role
from portal.data import evidence, timeline
from portal.data.accounts import users_by_id
from portal.data.application_models import Application
from portal.data.models import User
from portal.extensions import db
from portal.rules.casework.kinds import CONTACT_METHODS, DUPLICATE_MATCHES, FLAG_KINDS, OUTCOMES, PARTNERS

COUNCIL_TIME_ZONE = ZoneInfo("Europe/London")
TASK_REASONS = {"child_birthday": "a child's birthday changes the bedroom need"}
#: Actions the portal does on its own, with no one acting.
BY_THE_PORTAL = frozenset({"task.created", "duplicate.found"})
DUPLICATE_RESULTS = {"duplicate": "the same household", "not_duplicate": "not the same household"}
#: Actions whose words need nothing from the event.
PLAIN_WORDS = {
    "application.started": "Started the application",
    "application.submitted": "Sent the application",
    "application.downloaded": "Downloaded everything the council holds about them",
    "note.added": "Added a note",
    "case.marked_sensitive": "Marked the case as sensitive",
    "case.unmarked_sensitive": "Marked the case as no longer sensitive",
    "case.restricted_refused": "Tried to open the case, and was refused because it is sensitive",
    "assessment.opened": "Started an assessment",
    "assessment.saved": "Saved the assessment",
    "decision.letters_issued": "Made the decision letters",
    "review.requested": "Asked for a review of the decision",
}
Words = Callable[[Mapping[str, Any], "Context"], str]


class Context:
    """What the words for an event may need: the case's evidence titles and people's names."""

    def __init__(self, application: Application, users: Mapping[int, User]) -> None:
        self.names = person_names(application)
        self.requests = evidence.information_requests(db.session, application)
        self.items = {item.id: item for item in evidence.evidence_items(db.session, application)}
        self.users = users

    def item(self, details: Mapping[str, Any]) -> str:
        item = self.items.get(details.get("item_id") or 0)
        if item is not None:
            return item_title(item, self.names, self.requests)
        kind = str(details.get("kind") or "")
        return EVIDENCE_NAMES.get(kind, kind.replace("_", " ") or "evidence")

    def user(self, user_id: Any) -> str:
        found = self.users.get(user_id) if isinstance(user_id, int) else None
        return found.full_name if found else "an officer"


def _stage(value: Any) -> str:
    return str(value or "").replace("_", " ")


def _day(value: Any) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def _due(details: Mapping[str, Any]) -> str:
    return f", to send by {_day(details['due_on'])}" if details.get("due_on") else ""


def _assigned(details: Mapping[str, Any], context: Context) -> str:
    officer = details.get("officer_id")
    return f"Assigned the case to {context.user(officer)}" if officer else "Took the case off every officer's list"


def _contact(details: Mapping[str, Any], _context: Context) -> str:
    method = CONTACT_METHODS.get(str(details.get("method")), "contact")
    direction = DIRECTIONS.get(str(details.get("direction")), "").lower()
    return (
        f"Recorded a contact: {method.lower()}, {direction}" if direction else f"Recorded a contact: {method.lower()}"
    )


def _decision(details: Mapping[str, Any], _context: Context) -> str:
    words = f"Made a decision: {OUTCOMES.get(str(details.get('outcome')), str(details.get('outcome'))).lower()}"
    if details.get("band"):
        words += f", band {details['band']}"
    if details.get("bedroom_need") is not None:
        words += f", bedroom need {details['bedroom_need']}"
    return words


EVENT_WORDS: dict[str, Words] = {
    "application.stage_changed": lambda d, c: f"Moved the case from {_stage(d.get('from'))} to {_stage(d.get('to'))}",
    "application.change_reported": lambda d, c: (
        "Told us about a change: " + str(KIND_NAMES.get(str(d.get("kind")), d.get("kind"))).lower()
    ),
    "evidence.uploaded": lambda d, c: f"Sent a file for {c.item(d)}",
    "evidence.file_removed": lambda d, c: f"Removed a file from {c.item(d)}",
    "evidence.viewed": lambda d, c: f"Opened a file of {c.item(d)}",
    "evidence.accepted": lambda d, c: (
        f"Accepted {c.item(d)}" + (f", valid until {_day(d['valid_until'])}" if d.get("valid_until") else "")
    ),
    "evidence.rejected": lambda d, c: f"Did not accept {c.item(d)}",
    "evidence.requested_again": lambda d, c: f"Asked again for {c.item(d)}{_due(d)}",
    "evidence.information_requested": lambda d, c: f"Asked the applicant for: {d.get('what')}{_due(d)}",
    "contact.recorded": _contact,
    "change.handled": lambda d, c: (
        "Dealt with a change: " + str(KIND_NAMES.get(str(d.get("kind")), d.get("kind"))).lower()
    ),
    "task.created": lambda d, c: (
        f"Reassessment task made: {TASK_REASONS.get(str(d.get('reason')), d.get('reason'))}"
        + (f", due {_day(d['due_on'])}" if d.get("due_on") else "")
    ),
    "task.done": lambda d, c: (
        f"Marked a reassessment task as done: {TASK_REASONS.get(str(d.get('reason')), d.get('reason'))}"
    ),
    "case.assigned": _assigned,
    "case.officer_named": lambda d, c: f"Named {c.user(d.get('officer_id'))} on the sensitive case",
    "case.officer_unnamed": lambda d, c: f"Took {c.user(d.get('officer_id'))} off the sensitive case",
    "case.sensitive_viewed": lambda d, c: f"Opened the sensitive case ({d.get('page') or 'a page'})",
    "flag.added": lambda d, c: f"Added a flag: {FLAG_KINDS.get(str(d.get('kind')), d.get('kind'))}",
    "flag.removed": lambda d, c: f"Removed a flag: {FLAG_KINDS.get(str(d.get('kind')), d.get('kind'))}",
    "referral.made": lambda d, c: f"Referred the household to {PARTNERS.get(str(d.get('partner')), d.get('partner'))}",
    "referral.outcome": lambda d, c: "Recorded what came of a referral",
    "duplicate.found": lambda d, c: (
        "Found a possible duplicate: "
        + DUPLICATE_MATCHES.get(str(d.get("matched_on")), str(d.get("matched_on"))).lower()
    ),
    "duplicate.resolved": lambda d, c: (
        "Checked a possible duplicate: " + DUPLICATE_RESULTS.get(str(d.get("status")), str(d.get("status")))
    ),
    "decision.made": _decision,
    "review.assigned": lambda d, c: f"Gave the review to {c.user(d.get('reviewer_id'))}",
    "review.decided": lambda d, c: f"Decided the review: the decision was {d.get('outcome') or 'looked at again'}",
    **LETTINGS_WORDS,
    **SUPPORT_WORDS,
}


def words_for(action: str, details: Mapping[str, Any], context: Context) -> str:
    """What happened, in plain English; an unknown action as written."""
    if action in PLAIN_WORDS:
        return PLAIN_WORDS[action]
    words = EVENT_WORDS.get(action)
    return words(details, context) if words is not None else action


def when(moment: dt.datetime) -> str:
    local = moment.astimezone(COUNCIL_TIME_ZONE) if moment.tzinfo else moment
    return f"{local.day} {local:%B %Y, %H:%M}"


def _user_ids(entries: list[timeline.Entry]) -> set[int]:
    ids: set[int] = set()
    for entry in entries:
        for value in (
            entry.actor_id,
            entry.on_behalf_of_id,
            *(entry.details.get(key) for key in ("officer_id", "reviewer_id")),
        ):
            if isinstance(value, int):
                ids.add(value)
    return ids


def _who(actor: User | None, action: str) -> str:
    if actor is None:
        return "The portal" if action in BY_THE_PORTAL else "Not known"
    if actor.role is Role.SUPPORT_WORKER:
        return f"{actor.full_name} (support worker)"
    return actor.full_name


def describe(application: Application, entries: list[timeline.Entry]) -> list[dict[str, Any]]:
    users = users_by_id(db.session, _user_ids(entries))
    context = Context(application, users)
    described = []
    for entry in entries:
        actor = users.get(entry.actor_id) if entry.actor_id else None
        behalf = users.get(entry.on_behalf_of_id) if entry.on_behalf_of_id else None
        described.append(
            {
                "when": when(entry.at),
                "who": _who(actor, entry.action),
                "behalf": behalf.full_name if behalf else None,
                "what": words_for(entry.action, entry.details, context),
                "why": entry.reason,
                "note": entry.note.body if entry.note is not None else None,
            }
        )
    return described


@bp.get("/cases/<int:application_id>/timeline")
@officer_required
def case_timeline(application_id: int) -> str:
    application = open_case(application_id)
    return render_template(
        "officer_review/case/timeline.html",
        title="Timeline",
        case=case_header(application),
        entries=describe(application, timeline.case_timeline(db.session, application)),
    )
