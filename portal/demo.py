"""Demo accounts and data, so everyone can try every role on a laptop.

Only the development and demo configurations call this; production never does.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data.accounts import create_user, get_user_by_email
from portal.data.base import utcnow

DEMO_PASSWORD = "Demo-password-2026"  # noqa: S105  (published demo password, demo mode only)

DEMO_ACCOUNTS = (
    ("applicant@example.org", "Amina Rahman", Role.APPLICANT),
    ("support@example.org", "Sam Okafor", Role.SUPPORT_WORKER),
    ("officer@example.org", "Olivia Price", Role.OFFICER),
    ("senior.officer@example.org", "Sunil Mehta", Role.SENIOR_OFFICER),
    ("admin@example.org", "Adam Nowak", Role.ADMIN),
)


def seed_demo(session: Session) -> int:
    """Create any missing demo account; return how many were created."""
    created = 0
    for email, name, role in DEMO_ACCOUNTS:
        if get_user_by_email(session, email) is None:
            create_user(
                session,
                email=email,
                full_name=name,
                password=DEMO_PASSWORD,
                role=role,
                verified_at=utcnow(),
            )
            created += 1
    return created
