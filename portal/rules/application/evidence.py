"""The documents to ask for, worked out from the answers in an application's ``facts``.

One ``EvidenceNeed`` for each thing to check, in a fixed order: by kind in the
order of ``EVIDENCE_KINDS``, then people in the order of the application. The
kinds are stable strings the web layer also uses for titles.

"Adult applicants" are the applicant, a partner and a joint applicant whose
main home is with the applicant. There is no date here to measure ages on
except ``submitted_on``: when it is given, people under 16 on that date are
left out; otherwise everyone in those relationships counts.

No evidence is ever asked for domestic abuse, and no rule reads the ``equality`` answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portal.rules.application.to_case import (
    ADULT_APPLICANT_RELATIONSHIPS,
    birth_date,
    is_yes,
    lives_with_applicant,
    parse_date,
    parse_money,
    people_of,
    relationship_of,
    section,
)
from portal.rules.dates import age_on
from portal.rules.text import N_, Sentence

IDENTITY = "identity"
IMMIGRATION_STATUS = "immigration_status"
ADDRESS_HISTORY = "address_history"
INCOME = "income"
SAVINGS = "savings"
PROPERTY = "property"
PREGNANCY = "pregnancy"
CHILDREN = "children"
MEDICAL = "medical"
NOTICE_TO_QUIT = "notice_to_quit"
EMPLOYMENT = "employment"
ARMED_FORCES = "armed_forces"
CARE_LEAVER = "care_leaver"
RENT_ARREARS = "rent_arrears"
EVIDENCE_KINDS = (
    IDENTITY,
    IMMIGRATION_STATUS,
    ADDRESS_HISTORY,
    INCOME,
    SAVINGS,
    PROPERTY,
    PREGNANCY,
    CHILDREN,
    MEDICAL,
    NOTICE_TO_QUIT,
    EMPLOYMENT,
    ARMED_FORCES,
    CARE_LEAVER,
    RENT_ARREARS,
)
ADULT_AGE = 16
NO_STATUS_EVIDENCE = "british_irish"
FORCES_SERVICE = ("serving", "left", "reservist_injured", "bereaved")

IDENTITY_NAMED = N_("We need to see something that shows who %(name)s is, such as a passport or a driving licence.")
IDENTITY_UNNAMED = N_(
    "We need to see something that shows who this person is, such as a passport or a driving licence."
)
STATUS_NAMED = N_(
    "We need to see something that shows the immigration status of %(name)s, such as a share code or a letter "
    "from the Home Office."
)
STATUS_UNNAMED = N_(
    "We need to see something that shows the immigration status of this person, such as a share code or a "
    "letter from the Home Office."
)
WHY: dict[str, Sentence] = {
    ADDRESS_HISTORY: Sentence(
        N_(
            "We need to see something that shows where you have lived, such as a tenancy agreement or a council tax bill."
        ),
        "",
    ),
    INCOME: Sentence(
        N_("We need to see something that shows the money your household gets, such as payslips or a benefit letter."),
        "",
    ),
    SAVINGS: Sentence(
        N_("You told us you have savings, so we need to see your latest bank or savings statements."), ""
    ),
    PROPERTY: Sentence(
        N_(
            "You told us you own a home, so we need to see a letter about it, such as one from your mortgage "
            "lender or the Land Registry."
        ),
        "",
    ),
    PREGNANCY: Sentence(N_("We need to see a letter from your midwife or doctor that shows when the baby is due."), ""),
    CHILDREN: Sentence(
        N_("We need to see a child benefit letter, or the birth certificate of each child who lives with you."), ""
    ),
    MEDICAL: Sentence(
        N_(
            "We need to see letters from the doctors, nurses or other people who help with the health problems "
            "you told us about."
        ),
        "",
    ),
    NOTICE_TO_QUIT: Sentence(N_("We need to see the letter or notice that says you have to leave your home."), ""),
    EMPLOYMENT: Sentence(
        N_(
            "We need to see something that shows your work in the area, such as a letter from your employer or payslips."
        ),
        "",
    ),
    ARMED_FORCES: Sentence(
        N_(
            "We need to see something that shows service in the Armed Forces, such as discharge papers or a letter "
            "from the Ministry of Defence."
        ),
        "",
    ),
    CARE_LEAVER: Sentence(N_("We need to see a letter from children's services that says you have left care."), ""),
    RENT_ARREARS: Sentence(
        N_("We need to see a letter or statement from your landlord that shows the rent owed and any plan to pay it."),
        "",
    ),
}


@dataclass(frozen=True, slots=True)
class EvidenceNeed:
    """One thing to check: its kind, the person it is about (None: the household), and why we ask."""

    kind: str
    person_id: str | None
    why: Sentence


def _person_need(kind: str, person_id: str, person: Mapping[str, Any]) -> EvidenceNeed:
    name = person.get("full_name")
    named, unnamed = (IDENTITY_NAMED, IDENTITY_UNNAMED) if kind == IDENTITY else (STATUS_NAMED, STATUS_UNNAMED)
    if isinstance(name, str) and name.strip():
        return EvidenceNeed(kind, person_id, Sentence(named, "", {"name": name.strip()}))
    return EvidenceNeed(kind, person_id, Sentence(unnamed, ""))


def adult_applicants(facts: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The applicant, partners and joint applicants who live with the applicant, aged 16 or over if known."""
    submitted = parse_date(facts.get("submitted_on"))
    found = []
    for index, (person_id, person) in enumerate(people_of(facts)):
        if relationship_of(index, person) not in ADULT_APPLICANT_RELATIONSHIPS:
            continue
        if not lives_with_applicant(index, person):
            continue
        if index > 0 and submitted is not None:
            born = birth_date(person, submitted)
            if born is not None and age_on(born, submitted) < ADULT_AGE:
                continue
        found.append((person_id, person))
    return found


def _has_children(facts: Mapping[str, Any]) -> bool:
    return any(
        relationship_of(index, person) == "child" and lives_with_applicant(index, person)
        for index, (_, person) in enumerate(people_of(facts))
    )


def _household_kinds(facts: Mapping[str, Any]) -> list[str]:
    """The kinds asked once for the household, in the order of ``EVIDENCE_KINDS``."""
    money = section(facts, "money")
    household = section(facts, "household")
    health = section(facts, "health")
    home = section(facts, "current_home")
    addresses = section(facts, "addresses")
    safety = section(facts, "safety")
    tenancy = section(facts, "tenancy")
    savings = parse_money(money.get("savings"))
    asked = {
        ADDRESS_HISTORY: True,
        INCOME: True,
        SAVINGS: savings is not None and savings > 0,
        PROPERTY: is_yes(money.get("owns_property")),
        PREGNANCY: is_yes(household.get("pregnant")),
        CHILDREN: _has_children(facts),
        MEDICAL: is_yes(health.get("health_problem")),
        NOTICE_TO_QUIT: is_yes(home.get("must_leave")),
        EMPLOYMENT: is_yes(addresses.get("work_in_area")),
        ARMED_FORCES: safety.get("armed_forces") in FORCES_SERVICE,
        CARE_LEAVER: is_yes(safety.get("care_leaver")),
        RENT_ARREARS: is_yes(tenancy.get("rent_arrears")),
    }
    return [kind for kind in EVIDENCE_KINDS if asked.get(kind)]


def _pregnant_person(facts: Mapping[str, Any]) -> str | None:
    chosen = section(facts, "household").get("pregnant_person")
    return chosen if any(chosen == person_id for person_id, _ in people_of(facts)) else None


def evidence_needed(facts: Mapping[str, Any]) -> tuple[EvidenceNeed, ...]:
    """Every document to ask for, in a fixed order. Never raises on incomplete facts."""
    adults = adult_applicants(facts)
    needs = [_person_need(IDENTITY, person_id, person) for person_id, person in adults]
    needs += [
        _person_need(IMMIGRATION_STATUS, person_id, person)
        for person_id, person in adults
        if person.get("immigration_status") != NO_STATUS_EVIDENCE
    ]
    for kind in _household_kinds(facts):
        person_id = _pregnant_person(facts) if kind == PREGNANCY else None
        needs.append(EvidenceNeed(kind, person_id, WHY[kind]))
    return tuple(needs)
