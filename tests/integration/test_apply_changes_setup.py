"""Builders for the tests of changes, withdrawing, downloading and reassessment (this module has no tests).

``sent_application`` makes a complete application with the data layer, sends
it and works out its provisional result and evidence, as sending does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from portal.apply.provisional import work_out
from portal.data import applications as data
from portal.data.application_models import Application
from portal.data.audit import events_for_subject
from portal.data.evidence import sync_evidence
from portal.rules.application.evidence import evidence_needed
from tests.conftest import sign_in_client

TODAY = dt.date.today()
ANSWERS: dict[str, dict[str, Any]] = {
    "current_home": {
        "home_type": "private_rented",
        "bedrooms": 2,
        "living_rooms": 1,
        "shares_facilities": "no",
        "disrepair": "no",
        "must_leave": "no",
        "nowhere_tonight": "no",
    },
    "household": {"anyone_else": "yes", "pregnant": "no"},
    "addresses": {"work_in_area": "no", "family_in_area": "no", "care_move": "no"},
    "money": {"income": "18500", "savings": "0", "owns_property": "no"},
    "health": {"health_problem": "no", "mobility": "none", "own_room": "no", "overnight_carer": "no"},
    "safety": {"domestic_abuse": "no", "harassment": "no", "care_leaver": "no", "armed_forces": "no"},
    "tenancy": {"rent_arrears": "no", "evicted": "no", "antisocial": "no"},
}


def born(years: int, days_to_birthday: int) -> str:
    """The date of birth of someone who turns ``years`` old ``days_to_birthday`` days from today."""
    birthday = TODAY + dt.timedelta(days=days_to_birthday)
    try:
        return birthday.replace(year=birthday.year - years).isoformat()
    except ValueError:  # 29 February
        return birthday.replace(year=birthday.year - years, day=28).isoformat()


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def parts(day: dt.date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def sent_application(
    session: Any,
    user: Any,
    people: Sequence[tuple[str, str, str, str]] = (),
    *,
    bedrooms: int = 2,
    stage: str = "submitted",
) -> Application:
    """A sent application from a woman of 36 living in the area since 2015, with ``people``
    given as (name, date of birth, sex, relationship), all living with her."""
    application = data.start_application(session, user)
    data.set_person_answers(
        application.applicant,
        {
            "date_of_birth": born(36, -40),
            "sex": "female",
            "ni_number": "",
            "immigration_status": "british_irish",
            "lived_in_uk_2_years": "yes",
        },
    )
    for name, date_of_birth, sex, relationship in people:
        person = data.add_person(session, application)
        data.set_person_answers(
            person,
            {
                "full_name": name,
                "date_of_birth": date_of_birth,
                "sex": sex,
                "relationship": relationship,
                "lives_with_you": "yes",
                "ni_number": "",
            },
        )
    address = data.add_address(session, application)
    data.set_address_answers(
        address,
        {"line_1": "12 Mill Lane", "line_2": "", "town": "Basingstoke", "postcode": "RG21 4AA"},
    )
    data.set_address_answers(address, {"moved_in": "2015-01-05", "in_area": "yes"})
    for section, values in ANSWERS.items():
        data.set_section_answers(application, section, values)
    data.set_section_answers(application, "current_home", {"bedrooms": bedrooms})
    if not people:
        data.set_section_answers(application, "household", {"anyone_else": "no"})
    data.submit_application(session, application, actor=user, declaration={"accepted": ["true"]}, today=TODAY)
    facts = data.facts_of(application)
    data.save_provisional(application, work_out(facts, TODAY))
    sync_evidence(session, application, evidence_needed(facts))
    if stage == "closed":
        data.move_to(session, application, "closed", actor=user, reason="Closed for the test")
    session.flush()
    return application


def signed_in(app: Any, user: Any) -> Any:
    client = app.test_client()
    sign_in_client(client, user)
    client.user = user
    return client


def applicant_with(app: Any, db_session: Any, make_user: Any, people: Sequence[Any] = (), **options: Any) -> Any:
    """A signed-in client whose user has sent an application, and that application."""
    user = make_user()
    client = signed_in(app, user)
    return client, sent_application(db_session, user, people, **options)


def actions(db_session: Any, application: Application) -> list[str]:
    return [event.action for event in events_for_subject(db_session, "application", application.id)]


#: A mother and her son of 11.
MOTHER_AND_SON = (("Sam Jones", born(12, 60), "male", "child"),)
