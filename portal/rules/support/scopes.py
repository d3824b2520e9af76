"""What an applicant lets a support worker do, and whether a consent is in force on a day.

Seeing the application is always part of a consent. Helping with the
application and uploads, and bidding for homes, are each chosen on top.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Scope(enum.Enum):
    VIEW = "view"
    HELP = "help"
    BID = "bid"


ALL_SCOPES = frozenset(Scope)

#: Each status a consent can have. ``invited`` waits for the worker; ``requested`` waits for the applicant.
CONSENT_STATUSES = ("invited", "requested", "active", "declined", "revoked", "cancelled")
ENDED_STATUSES = frozenset({"declined", "revoked", "cancelled"})

#: Longest a consent may last, and how long it lasts unless the applicant says otherwise.
LONGEST_CONSENT_DAYS = 366
USUAL_CONSENT_DAYS = 183
#: How long an invitation code or link stays usable.
INVITE_DAYS = 14


def scopes_from(can_help: bool, can_bid: bool) -> frozenset[Scope]:
    chosen = {Scope.VIEW}
    if can_help:
        chosen.add(Scope.HELP)
    if can_bid:
        chosen.add(Scope.BID)
    return frozenset(chosen)


def scope_values(scopes: Iterable[Scope]) -> list[str]:
    return [scope.value for scope in Scope if scope in set(scopes)]


@dataclass(frozen=True)
class ConsentState:
    """What decides whether a consent lets a worker act today."""

    status: str
    expires_on: dt.date
    worker_approved: bool


def in_force(state: ConsentState, today: dt.date) -> bool:
    """Active, not past its end date, and the worker's account approved."""
    return state.status == "active" and today <= state.expires_on and state.worker_approved


def why_not_in_force(state: ConsentState, today: dt.date) -> str | None:
    """A short key for why a consent does not let the worker act, or None when it does."""
    if state.status in ENDED_STATUSES:
        return state.status
    if state.status != "active":
        return "not_accepted"
    if today > state.expires_on:
        return "expired"
    if not state.worker_approved:
        return "worker_not_approved"
    return None


def allows(scopes: Iterable[Scope], needed: Scope) -> bool:
    return needed in set(scopes)


def expiry_problem(expires_on: dt.date, today: dt.date) -> str | None:
    """Why an end date cannot be used, or None when it can."""
    if expires_on <= today:
        return "past"
    if (expires_on - today).days > LONGEST_CONSENT_DAYS:
        return "too_far"
    return None
