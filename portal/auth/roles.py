"""The one role enum and the predicates that decide what each role may do."""

from __future__ import annotations

import enum


class Role(enum.Enum):
    APPLICANT = "applicant"
    SUPPORT_WORKER = "support_worker"
    OFFICER = "officer"
    SENIOR_OFFICER = "senior_officer"
    ADMIN = "admin"


OFFICER_ROLES = frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN})
STAFF_ROLES_CREATED_BY_ADMIN = (Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN, Role.SUPPORT_WORKER)


def is_officer(role: Role) -> bool:
    return role in OFFICER_ROLES


def is_admin(role: Role) -> bool:
    return role is Role.ADMIN


def home_endpoint(role: Role) -> str:
    """Where a person lands after signing in."""
    if role in OFFICER_ROLES:
        return "officer_review.dashboard"
    if role is Role.SUPPORT_WORKER:
        return "support.dashboard"
    return "account.dashboard"
