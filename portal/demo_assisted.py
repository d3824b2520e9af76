"""A demo application an officer keyed in from a paper form, with the date the council first received it.

Patrick Doyle has no email address. He posted a paper form five months ago;
the demo officer (officer@example.org) keyed it in and sent it, so it sits in
the queue with its original received date as the registration date. He asked
for large print, and a letter with a code is waiting for him to take over
his account: at /claim-account, type his reference and the code DEMO_CODE.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from portal.apply.provisional import snapshot_of
from portal.data import applications as data
from portal.data.accounts import get_user_by_email
from portal.data.assisted import Someone, start_for_someone
from portal.data.contact_prefs import save_preferences
from portal.data.duplicates import find_duplicates
from portal.data.evidence import sync_evidence
from portal.data.handovers import NO_EMAIL_DOMAIN, create_handover
from portal.demo_cases import CLEAR_TENANCY, NO_HEALTH, NOT_AT_RISK, add_home_address
from portal.options.council_config import current_scheme
from portal.rules.application.evidence import evidence_needed
from portal.rules.application.provisional import provisional_result

#: A fixed address on the reserved domain, so the demo finds Patrick again (he has no email of his own).
PATRICK_EMAIL = f"assisted-demo-patrick@{NO_EMAIL_DOMAIN}"
#: The code on Patrick's demo letter (published, demo mode only).
DEMO_CODE = "PDYK-7K3M"
RECEIVED_DAYS_AGO = 152
SECTIONS = {
    "household": {"anyone_else": "no", "pregnant": "no", "people_done": True},
    "current_home": {
        "home_type": "private_rented",
        "nowhere_tonight": "no",
        "bedrooms": 1,
        "living_rooms": 1,
        "shares_facilities": "no",
        "disrepair": "no",
        "must_leave": "no",
    },
    "addresses": {"addresses_done": True, "work_in_area": "no", "family_in_area": "no", "care_move": "no"},
    "money": {"income": "11200", "savings": "900", "owns_property": "no"},
    "health": NO_HEALTH,
    "safety": {**NOT_AT_RISK, "support_worker": "no"},
    "tenancy": CLEAR_TENANCY,
}


def seed_demo_assisted(session: Session, today: dt.date) -> int:
    """Add the demo assisted application (once); returns how many applications were made."""
    officer = get_user_by_email(session, "officer@example.org")
    if officer is None or get_user_by_email(session, PATRICK_EMAIL) is not None:
        return 0
    received = today - dt.timedelta(days=RECEIVED_DAYS_AGO)
    someone = Someone(
        full_name="Patrick Doyle", date_of_birth=dt.date(1958, 6, 12), email=None, phone="01632 960 417", locale="en"
    )
    application = start_for_someone(
        session, someone, officer=officer, channel="paper", received_on=received, email=PATRICK_EMAIL
    )
    user = get_user_by_email(session, PATRICK_EMAIL)
    assert user is not None
    data.set_person_answers(
        application.applicant,
        {"sex": "male", "ni_number": "", "interpreter": "no", "immigration_status": "british_irish"},
    )
    data.set_person_answers(application.applicant, {"lived_in_uk_2_years": "yes"})
    add_home_address(
        session,
        application,
        {"line_1": "3 Mill Lane", "postcode": "EX2 4ML", "moved_in": dt.date(today.year - 11, 9, 1).isoformat()},
    )
    for section, values in SECTIONS.items():
        data.set_section_answers(application, section, values)
        data.mark_section(application, section, complete=True)
    data.submit_application(
        session,
        application,
        actor=officer,
        on_behalf_of=user,
        declaration={"accepted": ["changes", "checks", "share", "true"], "on": received.isoformat()},
        today=today,
    )
    facts = data.facts_of(application)
    data.save_provisional(application, snapshot_of(provisional_result(facts, today, current_scheme()), today))
    sync_evidence(session, application, evidence_needed(facts))
    find_duplicates(session, application)
    save_preferences(session, user, actor=officer, on_behalf_of=user, formats=["large_print"])
    create_handover(session, user, officer=officer, sent_by="letter", code=DEMO_CODE)
    return 1
