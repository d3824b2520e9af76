"""Demo households already on the register, so bidding and lettings can be tried on a laptop.

Each household is sent, assessed and decided the way an officer would: the
rules' proposal confirmed field by field with the officer's findings (a
medical award, for example), the decision recorded and its letters written.

- Joy Okafor: a single parent with a son in a one-bedroom flat; band 2 after a
  high medical award. She signs in as ``joy@example.org`` to bid.
- Kwame Boateng, Sofia Rossi, Ahmed Hassan, Mary O'Brien and Li Wei: other
  households whose bids fill the shortlists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from portal.data import applications as data
from portal.data.assessments import open_assessment, proposal_for
from portal.data.decisions import record_decision
from portal.data.models import User
from portal.demo_cases import (
    CLEAR_TENANCY,
    NO_HEALTH,
    NOT_AT_RISK,
    add_home_address,
    add_household_member,
    born_years_ago,
    new_demo_applicant,
    send_application,
)
from portal.letters import issue_letters
from portal.rules.determination.findings import Findings, findings_to_mapping
from portal.rules.determination.settle import Confirmation, Settled, settle
from portal.rules.scheme import Scheme
from portal.storage.base import FileStore


@dataclass(frozen=True)
class Household:
    email: str
    name: str
    age: int
    sex: str
    members: tuple[tuple[str, str, str, int], ...]  # (name, relationship, sex, age)
    home_type: str
    bedrooms: int
    money: dict[str, str]
    received_days_ago: int
    medical: str = "none"
    street: str = "1 High Street"
    extra_home: dict[str, Any] = field(default_factory=dict)


HOUSEHOLDS = (
    Household(
        "joy@example.org",
        "Joy Okafor",
        34,
        "female",
        (("Daniel Okafor", "child", "male", 9),),
        "private_rented",
        1,
        {"income": "18200", "take_home_pay": "1290", "savings": "650", "owns_property": "no"},
        420,
        medical="high",
        street="14 Elm Road",
    ),
    Household(
        "kwame@example.org",
        "Kwame Boateng",
        41,
        "male",
        (("Abena Boateng", "partner", "female", 39), ("Yaw Boateng", "child", "male", 6)),
        "private_rented",
        1,
        {"income": "23400", "take_home_pay": "1650", "savings": "1200", "owns_property": "no"},
        700,
        medical="urgent",
        street="3 Mill Lane",
    ),
    Household(
        "sofia@example.org",
        "Sofia Rossi",
        27,
        "female",
        (),
        "living_with_family",
        0,
        {"income": "21000", "take_home_pay": "1480", "savings": "2500", "owns_property": "no"},
        300,
        medical="medium",
        street="22 Church Walk",
    ),
    Household(
        "ahmed@example.org",
        "Ahmed Hassan",
        45,
        "male",
        (
            ("Huda Hassan", "partner", "female", 42),
            ("Omar Hassan", "child", "male", 14),
            ("Mariam Hassan", "child", "female", 11),
        ),
        "private_rented",
        2,
        {"income": "27500", "take_home_pay": "1900", "savings": "800", "owns_property": "no"},
        900,
        medical="high",
        street="8 Station Road",
    ),
    Household(
        "mary@example.org",
        "Mary O'Brien",
        67,
        "female",
        (),
        "private_rented",
        2,
        {"income": "14100", "take_home_pay": "1175", "savings": "4000", "owns_property": "no"},
        520,
        medical="high",
        street="5 Orchard Close",
    ),
    Household(
        "li@example.org",
        "Li Wei",
        30,
        "male",
        (),
        "living_with_family",
        0,
        {"income": "32000", "take_home_pay": "2170", "savings": "9000", "owns_property": "no"},
        200,
        street="40 Park Avenue",
    ),
)


def _send(session: Session, household: Household, scheme: Scheme, today: dt.date, password: str) -> Any:
    user = new_demo_applicant(
        session,
        household.email,
        household.name,
        password,
        {"date_of_birth": born_years_ago(today, household.age, 5, 12), "sex": household.sex, "ni_number": ""},
    )
    if user is None:
        return None
    application = data.application_for(session, user.id)
    assert application is not None
    for name, relationship, sex, age in household.members:
        add_household_member(
            session,
            application,
            {
                "full_name": name,
                "relationship": relationship,
                "sex": sex,
                "date_of_birth": born_years_ago(today, age, 3, 2),
            },
        )
    add_home_address(
        session,
        application,
        {"line_1": household.street, "postcode": "EX1 2AB", "moved_in": born_years_ago(today, 6, 4, 1)},
    )
    received = today - dt.timedelta(days=household.received_days_ago)
    return send_application(
        session,
        user,
        scheme,
        today,
        received,
        {
            "household": {"anyone_else": "yes" if household.members else "no", "pregnant": "no", "people_done": True},
            "current_home": {
                "home_type": household.home_type,
                "nowhere_tonight": "no",
                "bedrooms": household.bedrooms,
                "living_rooms": 1,
                "shares_facilities": "no",
                "disrepair": "no",
                "must_leave": "no",
                **household.extra_home,
            },
            "addresses": {"addresses_done": True, "work_in_area": "no", "family_in_area": "no", "care_move": "no"},
            "money": household.money,
            "health": NO_HEALTH,
            "safety": {**NOT_AT_RISK, "support_worker": "no"},
            "tenancy": CLEAR_TENANCY,
        },
    )


def decide_as_proposed(
    session: Session,
    application: data.Application,
    officer: User,
    today: dt.date,
    scheme: Scheme,
    findings: Findings,
    store: FileStore,
) -> Settled:
    """Assess the case as an officer who confirms every proposed field, record the decision and write its letters."""
    assessment = open_assessment(session, application, officer)
    assessment.findings = findings_to_mapping(findings)
    worked = proposal_for(session, application, findings, today, scheme=scheme)
    confirmations = {
        name: Confirmation(value=proposed.value, overridden=False) for name, proposed in worked.proposal.fields.items()
    }
    ticked = [factor.key for factor in worked.checklist]
    result = settle(worked.proposal, confirmations, ticked, worked.checklist, worked.findings, today=today)
    if not isinstance(result, Settled):
        raise RuntimeError(f"The demo case {application.reference} does not settle: {result}")
    decision = record_decision(
        session,
        application,
        officer=officer,
        expected_version=application.version,
        settled=result,
        kind="initial",
        assessment=assessment,
        review_days=21,
        today=today,
    )
    issue_letters(session, decision, application, store=store)
    return result


def seed_demo_register(
    session: Session, scheme: Scheme, today: dt.date, password: str, officer: User, store: FileStore
) -> dict[str, data.Application]:
    """Create the demo households on the register that are missing; return them by email."""
    made = {}
    for household in HOUSEHOLDS:
        application = _send(session, household, scheme, today, password)
        if application is None:
            continue
        received = today - dt.timedelta(days=household.received_days_ago)
        findings = Findings(
            medical_welfare=household.medical,
            medical_awarded_on=received + dt.timedelta(days=30) if household.medical != "none" else None,
        )
        decide_as_proposed(session, application, officer, received + dt.timedelta(days=40), scheme, findings, store)
        made[household.email] = application
    return made
