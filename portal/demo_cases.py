"""Demo cases for the officer area, so every queue has work in it on a laptop.

- Grace Mensah: a single parent of two in a one-bedroom flat, sent long ago
  and not yet picked up (overdue). She sent a second application from another
  email address, so the duplicates list has a pair to resolve.
- Daniel Kowalski: sleeping on friends' sofas, waiting for the payslips an
  officer asked for; a duty referral about him is waiting for advice.
- Fatima Ali: in a refuge after domestic abuse; flagged, sensitive and open
  only to the demo officer (a senior officer can claim access with a reason),
  with a referral to community safety.

Each applicant signs in with the demo password. Amina Rahman's application
(portal.demo_applications) stays as sent, for trying a whole assessment.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from portal.apply.provisional import snapshot_of
from portal.auth.roles import Role
from portal.data import applications as data
from portal.data import cases, duty, referrals, safeguarding
from portal.data.accounts import create_user, get_user_by_email
from portal.data.base import utcnow
from portal.data.duplicates import find_duplicates
from portal.data.evidence import request_information, sync_evidence
from portal.data.models import User
from portal.rules.application.evidence import evidence_needed
from portal.rules.application.provisional import provisional_result
from portal.rules.scheme import Scheme

NOT_AT_RISK = {"domestic_abuse": "no", "harassment": "no", "care_leaver": "no", "armed_forces": "no"}
NO_HEALTH = {
    "health_problem": "no",
    "mobility": "none",
    "own_room": "no",
    "overnight_carer": "no",
    "medical_form": "no",
}
CLEAR_TENANCY = {"rent_arrears": "no", "evicted": "no", "antisocial": "no"}


def born_years_ago(today: dt.date, years: int, month: int, day: int) -> str:
    return dt.date(today.year - years, month, day).isoformat()


def add_household_member(session: Session, application: data.Application, values: dict[str, Any]) -> None:
    person = data.add_person(session, application)
    data.set_person_answers(person, {"lives_with_you": "yes", **values})


def add_home_address(session: Session, application: data.Application, values: dict[str, Any]) -> None:
    address = data.add_address(session, application)
    data.set_address_answers(address, {"line_2": "", "town": "Exampleton", "in_area": "yes", **values})


def send_application(
    session: Session, user: User, scheme: Scheme, today: dt.date, received: dt.date, sections: dict[str, Any]
) -> data.Application:
    application = data.application_for(session, user.id)
    assert application is not None
    for section, values in sections.items():
        data.set_section_answers(application, section, values)
        data.mark_section(application, section, complete=True)
    data.submit_application(
        session,
        application,
        actor=user,
        declaration={"accepted": ["changes", "checks", "share", "true"], "on": received.isoformat()},
        today=received,
    )
    facts = data.facts_of(application)
    data.save_provisional(application, snapshot_of(provisional_result(facts, today, scheme), today))
    sync_evidence(session, application, evidence_needed(facts))
    find_duplicates(session, application)
    return application


def new_demo_applicant(
    session: Session, email: str, name: str, password: str, applicant: dict[str, Any]
) -> User | None:
    """A new demo applicant with a started application, or None when they exist already."""
    if get_user_by_email(session, email) is not None:
        return None
    user = create_user(
        session, email=email, full_name=name, password=password, role=Role.APPLICANT, verified_at=utcnow()
    )
    application = data.start_application(session, user)
    data.set_person_answers(
        application.applicant,
        {"interpreter": "no", "immigration_status": "british_irish", "lived_in_uk_2_years": "yes", **applicant},
    )
    return user


def _grace(session: Session, scheme: Scheme, today: dt.date, password: str, email: str) -> data.Application | None:
    user = new_demo_applicant(
        session,
        email,
        "Grace Mensah",
        password,
        {"date_of_birth": born_years_ago(today, 31, 8, 17), "sex": "female", "ni_number": "", "phone": "07700 900311"},
    )
    if user is None:
        return None
    application = data.application_for(session, user.id)
    assert application is not None
    add_household_member(
        session,
        application,
        {
            "full_name": "Ama Mensah",
            "relationship": "child",
            "sex": "female",
            "date_of_birth": born_years_ago(today, 12, 2, 9),
        },
    )
    add_household_member(
        session,
        application,
        {
            "full_name": "Kofi Mensah",
            "relationship": "child",
            "sex": "male",
            "date_of_birth": born_years_ago(today, 7, 10, 1),
        },
    )
    add_home_address(
        session,
        application,
        {"line_1": "9 Canal Street", "postcode": "EX3 9CS", "moved_in": born_years_ago(today, 6, 4, 1)},
    )
    received = today - dt.timedelta(days=45)
    return send_application(
        session,
        user,
        scheme,
        today,
        received,
        {
            "household": {"anyone_else": "yes", "pregnant": "no", "people_done": True},
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
            "money": {"income": "16500", "savings": "300", "owns_property": "no"},
            "health": NO_HEALTH,
            "safety": {**NOT_AT_RISK, "support_worker": "no"},
            "tenancy": CLEAR_TENANCY,
        },
    )


def _daniel(session: Session, scheme: Scheme, today: dt.date, password: str, officer: User) -> bool:
    user = new_demo_applicant(
        session,
        "daniel@example.org",
        "Daniel Kowalski",
        password,
        {"date_of_birth": born_years_ago(today, 24, 1, 30), "sex": "male", "ni_number": "QQ654321A", "phone": ""},
    )
    if user is None:
        return False
    application = data.application_for(session, user.id)
    assert application is not None
    add_home_address(
        session,
        application,
        {"line_1": "41 Harbour View", "postcode": "EX4 1HV", "moved_in": born_years_ago(today, 5, 6, 1)},
    )
    application = send_application(
        session,
        user,
        scheme,
        today,
        today - dt.timedelta(days=12),
        {
            "household": {"anyone_else": "no", "pregnant": "no", "people_done": True},
            "current_home": {"home_type": "sofa_surfing", "nowhere_tonight": "no", "must_leave": "no"},
            "addresses": {
                "addresses_done": True,
                "work_in_area": "yes",
                "work_since": born_years_ago(today, 1, 3, 1),
                "work_hours": 25,
                "work_permanent": "yes",
                "family_in_area": "no",
                "care_move": "no",
            },
            "money": {"income": "14200", "savings": "150", "owns_property": "no"},
            "health": NO_HEALTH,
            "safety": {**NOT_AT_RISK, "support_worker": "no"},
            "tenancy": CLEAR_TENANCY,
        },
    )
    cases.assign(session, application, officer=officer, by=officer)
    request_information(
        session,
        application,
        officer=officer,
        what="Your last 3 payslips",
        why="We need them to check your income and how long you have worked in the area.",
        due_on=today + dt.timedelta(days=14),
    )
    data.move_to(session, application, "awaiting_evidence", actor=officer, reason="Payslips asked for")
    duty.refer(
        session,
        officer=officer,
        enquirer_name="Daniel Kowalski",
        enquirer_contact="Phoned from a friend's number",
        note="His friend has asked him to leave by the weekend. Does he need the homelessness team today?",
        application=application,
    )
    return True


def _fatima(session: Session, scheme: Scheme, today: dt.date, password: str, officer: User) -> bool:
    user = new_demo_applicant(
        session,
        "fatima@example.org",
        "Fatima Ali",
        password,
        {"date_of_birth": born_years_ago(today, 29, 11, 23), "sex": "female", "ni_number": "", "phone": ""},
    )
    if user is None:
        return False
    application = data.application_for(session, user.id)
    assert application is not None
    add_household_member(
        session,
        application,
        {
            "full_name": "Zara Ali",
            "relationship": "child",
            "sex": "female",
            "date_of_birth": born_years_ago(today, 3, 5, 12),
        },
    )
    application = send_application(
        session,
        user,
        scheme,
        today,
        today - dt.timedelta(days=5),
        {
            "household": {"anyone_else": "yes", "pregnant": "no", "people_done": True},
            "current_home": {"home_type": "refuge", "nowhere_tonight": "no", "must_leave": "no"},
            "addresses": {"addresses_done": True, "work_in_area": "no", "family_in_area": "no", "care_move": "no"},
            "money": {"income": "9800", "savings": "0", "owns_property": "no"},
            "health": NO_HEALTH,
            "safety": {**NOT_AT_RISK, "domestic_abuse": "yes", "abuse_need_move": "yes", "support_worker": "yes"},
            "tenancy": CLEAR_TENANCY,
        },
    )
    cases.assign(session, application, officer=officer, by=officer)
    safeguarding.add_flag(
        session, application, officer=officer, kind="domestic_abuse", note="Fled a partner; the refuge supports her."
    )
    safeguarding.mark_sensitive(
        session, application, officer=officer, reason="The person who hurt her must never learn where she lives."
    )
    referrals.make_referral(
        session,
        application,
        officer=officer,
        partner="community_safety",
        contact="Domestic abuse team",
        reason="Risk assessment and a referral to MARAC.",
        referred_on=today,
    )
    data.move_to(session, application, "being_assessed", actor=officer, reason="Urgent: leaving abuse")
    return True


def seed_demo_cases(session: Session, scheme: Scheme, today: dt.date, password: str) -> int:
    """Create the demo cases that are missing; return how many were created."""
    officer = get_user_by_email(session, "officer@example.org")
    if officer is None:
        return 0
    created = 0
    for email in ("grace@example.org", "grace.mensah@example.org"):
        if _grace(session, scheme, today, password, email) is not None:
            created += 1
    created += _daniel(session, scheme, today, password, officer)
    created += _fatima(session, scheme, today, password, officer)
    return created
