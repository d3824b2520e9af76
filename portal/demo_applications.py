"""Demo applications, so the applicant's status page, evidence and changes can be tried at once.

The demo applicant (Amina Rahman) has sent an application for herself, her
husband and their two children, who live in a one-bedroom flat they rent
privately. A second demo applicant (Tomasz Nowak) has started an application
and stopped half way, to show saving and coming back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from portal.apply.provisional import snapshot_of
from portal.auth.roles import Role
from portal.data import applications as data
from portal.data.accounts import create_user, get_user_by_email
from portal.data.base import utcnow
from portal.data.evidence import sync_evidence
from portal.data.models import User
from portal.rules.application.evidence import evidence_needed
from portal.rules.application.provisional import provisional_result
from portal.rules.scheme import Scheme

SENT_SECTIONS = (
    "about_you",
    "household",
    "current_home",
    "addresses",
    "immigration",
    "money",
    "health",
    "safety",
    "tenancy",
    "equality",
)


def _years_ago(today: dt.date, years: int, month: int = 3, day: int = 14) -> str:
    return dt.date(today.year - years, month, day).isoformat()


def _family(session: Session, application: data.Application, today: dt.date) -> None:
    applicant = application.applicant
    data.set_person_answers(
        applicant,
        {
            "date_of_birth": _years_ago(today, 34, 5, 2),
            "sex": "female",
            "ni_number": "QQ123456C",
            "phone": "07700 900982",
            "interpreter": "no",
            "immigration_status": "british_irish",
            "lived_in_uk_2_years": "yes",
        },
    )
    for name, born, sex, relationship in (
        ("Yusuf Rahman", _years_ago(today, 36, 9, 21), "male", "partner"),
        ("Sara Rahman", _years_ago(today, 9, 1, 30), "female", "child"),
        ("Adam Rahman", _years_ago(today, 5, 7, 4), "male", "child"),
    ):
        person = data.add_person(session, application)
        values = {
            "full_name": name,
            "date_of_birth": born,
            "sex": sex,
            "relationship": relationship,
            "lives_with_you": "yes",
        }
        if relationship == "partner":
            values.update(ni_number="", immigration_status="settled", lived_in_uk_2_years="yes")
        data.set_person_answers(person, values)
    current = data.add_address(session, application)
    data.set_address_answers(
        current,
        {
            "line_1": "Flat 4, 18 Mill Lane",
            "line_2": "",
            "town": "Exampleton",
            "postcode": "EX1 4MB",
            "moved_in": _years_ago(today, 3),
            "in_area": "yes",
        },
    )
    earlier = data.add_address(session, application)
    data.set_address_answers(
        earlier,
        {
            "line_1": "27 Station Road",
            "line_2": "",
            "town": "Exampleton",
            "postcode": "EX2 7SR",
            "moved_in": _years_ago(today, 8),
            "in_area": "yes",
        },
    )
    sections = {
        "household": {"pregnant": "no", "people_done": True},
        "current_home": {
            "home_type": "private_rented",
            "nowhere_tonight": "no",
            "bedrooms": 1,
            "living_rooms": 1,
            "shares_facilities": "no",
            "disrepair": "yes",
            "disrepair_details": "Damp and black mould in the bedroom and kitchen.",
            "must_leave": "no",
        },
        "addresses": {
            "addresses_done": True,
            "work_in_area": "yes",
            "work_since": _years_ago(today, 4),
            "work_hours": 30,
            "work_permanent": "yes",
            "family_in_area": "no",
            "care_move": "no",
        },
        "money": {"income": "24000", "take_home_pay": "1650", "savings": "800", "owns_property": "no"},
        "health": {
            "health_problem": "yes",
            "health_details": "Sara has asthma that the damp makes worse.",
            "mobility": "none",
            "own_room": "no",
            "overnight_carer": "no",
            "medical_form": "no",
        },
        "safety": {
            "domestic_abuse": "no",
            "harassment": "no",
            "care_leaver": "no",
            "armed_forces": "no",
            "support_worker": "no",
        },
        "tenancy": {"rent_arrears": "no", "evicted": "no", "antisocial": "no"},
        "equality": {"answer_equality": "no"},
    }
    for section, values in sections.items():
        data.set_section_answers(application, section, values)


def seed_demo_applications(session: Session, scheme: Scheme, today: dt.date, password: str) -> int:
    """Create the demo applications that are missing; return how many were created."""
    created = 0
    amina = get_user_by_email(session, "applicant@example.org")
    if amina is not None and data.application_for(session, amina.id) is None:
        application = data.start_application(session, amina)
        _family(session, application, today)
        for section in SENT_SECTIONS:
            data.mark_section(application, section, complete=True)
        data.submit_application(
            session,
            application,
            actor=amina,
            declaration={"accepted": ["changes", "checks", "share", "true"], "on": today.isoformat()},
            today=today,
        )
        facts = data.facts_of(application)
        result = provisional_result(facts, today, scheme)
        data.save_provisional(application, snapshot_of(result, today))
        sync_evidence(session, application, evidence_needed(facts))
        created += 1
    tomasz = get_user_by_email(session, "tomasz@example.org")
    if tomasz is None:
        tomasz = create_user(
            session,
            email="tomasz@example.org",
            full_name="Tomasz Nowak",
            password=password,
            role=Role.APPLICANT,
            verified_at=utcnow(),
        )
    if data.application_for(session, tomasz.id) is None:
        _draft(session, tomasz, today)
        created += 1
    return created


def _draft(session: Session, user: User, today: dt.date) -> None:
    application = data.start_application(session, user, answers={"current_home": {"home_type": "lodger"}})
    data.set_person_answers(
        application.applicant,
        {
            "date_of_birth": _years_ago(today, 27, 11, 8),
            "sex": "male",
            "ni_number": "",
            "phone": "",
            "interpreter": "no",
        },
    )
    data.mark_section(application, "about_you", complete=True)
