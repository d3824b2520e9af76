"""The household case for the ``assess`` rules, built from one application's ``facts``.

The facts are what the applicant told us, so anything an officer decides is left unset: a medical or welfare
award, a Category 1 hazard (``disrepair`` sets nothing: an officer must inspect), statutory overcrowding (no rooms
are recorded), hardship, Right to Move, unacceptable behaviour (``evicted`` and ``antisocial`` set nothing), a
homelessness duty and an urgent risk of harm.

Incomplete facts (a draft) never raise. An answer that is missing, or not one of the contract's values (a date that
is not a real ``YYYY-MM-DD`` date, money that is not an amount from 0 to under a trillion, a count that is not a
whole number from 0 to 99, or 168 for hours a week), counts as not answered. The defaults:

- No people: one applicant with the id ``applicant``. A person with no id, or an id used before, gets ``person-N``
  (N their place in the list). ``people[0]`` is the applicant whatever its relationship; a later relationship that
  is missing, unknown or ``applicant`` is ``other``.
- Date of birth missing, not real, or after ``as_at``: a child is taken to be 5 (under 10, so they can share with
  anyone), anyone else 30 (an adult, too old for the care-leaver exemption).
- Sex missing: ``female``. ``lives_with_you`` missing: counted (only ``"no"`` leaves someone out).
- Immigration status missing: like ``not_sure`` (eligible until an officer checks). ``lived_in_uk_2_years``
  missing: habitually resident.
- Home type missing: ``other``. Bedrooms missing: the home's bedrooms are not assessed.
- Local connection: the unbroken run of ``in_area == "yes"`` addresses from the current one back stops at an
  address not in the area, one with no real ``moved_in``, or an earlier one with no real ``moved_out`` or that was
  left more than one day before the later run began. Work or close family with no start date: not counted. Work
  hours missing: 0.
- Registration date: ``submitted_on``, or ``as_at`` when missing or later.
- Pregnancy with no real due date: no pregnancy weeks; a due date passed: 40 weeks.
- Told to leave with no real date: no must-leave date. Armed forces ``left`` with no real discharge date: a former
  regular with no discharge date.
- Income, savings and the arrears amount missing: 0.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from portal.rules.household import (
    ArmedForces,
    Case,
    CurrentHome,
    Employment,
    Finances,
    Homelessness,
    Immigration,
    LocalConnection,
    Person,
    RentArrears,
    Role,
    Sex,
)
from portal.rules.options.to_case import IMMIGRATION, born_for_age
from portal.rules.parameters import HOME_TYPES
from portal.rules.scheme import Scheme

CASE_ID = "application"
APPLICANT_ID = "applicant"
DEFAULT_ADULT_AGE = 30
DEFAULT_CHILD_AGE = 5
DEFAULT_SEX: Sex = "female"
DEFAULT_HOME_TYPE = "other"
UNKNOWN_IMMIGRATION = "not_sure"
FULL_TERM_WEEKS = 40
MOST_MONEY = Decimal(10) ** 12
MOST_COUNT = 99
MOST_HOURS = 168

RELATIONSHIPS = ("applicant", "partner", "joint_applicant", "child", "parent", "sibling", "other_relative", "other")
#: The people asked about immigration and identity ("adult applicants" when aged 16 or over).
ADULT_APPLICANT_RELATIONSHIPS = ("applicant", "partner", "joint_applicant")
ROLES: dict[str, Role] = {"partner": "partner", "joint_applicant": "joint_applicant", "child": "child"}
SEXES: dict[str, Sex] = {"male": "male", "female": "female"}
FORCES: dict[str, ArmedForces] = {
    "serving": ArmedForces(status="serving_regular"),
    "reservist_injured": ArmedForces(status="former_reservist", service_attributable_injury=True),
    "bereaved": ArmedForces(status="bereaved_partner"),
}

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONEY = re.compile(r"[0-9]{1,15}(\.[0-9]{1,6})?")
_COUNT = re.compile(r"[0-9]{1,3}")


def parse_date(value: object) -> dt.date | None:
    """A real ``YYYY-MM-DD`` date, or None."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_money(value: object) -> Decimal | None:
    """An amount of money from 0 to under a trillion (a decimal string, or a whole number), or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = value.strip().removeprefix("£").replace(",", "") if isinstance(value, str) else ""
    if not _MONEY.fullmatch(text):
        return None
    amount = Decimal(text)
    return amount if amount < MOST_MONEY else None


def parse_count(value: object, most: int = MOST_COUNT) -> int | None:
    """A whole number from 0 to ``most`` (an int or a string of digits), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and _COUNT.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, int) and 0 <= value <= most:
        return value
    return None


def mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def section(facts: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    """One section of the answers (an empty mapping when it is missing)."""
    return mapping(mapping(facts.get("answers")).get(name))


def is_yes(value: object) -> bool:
    return value == "yes"


def people_of(facts: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """Each person as (id, answers), the applicant first, with the ids the case uses."""
    given = facts.get("people")
    rows = [row for row in given if isinstance(row, Mapping)] if isinstance(given, list | tuple) else []
    if not rows:
        return [(APPLICANT_ID, {})]
    people: list[tuple[str, Mapping[str, Any]]] = []
    used: set[str] = set()
    for number, row in enumerate(rows, 1):
        person_id = row.get("id")
        if not isinstance(person_id, str) or not person_id or person_id in used:
            person_id = f"person-{number}"
            while person_id in used:
                person_id += "-"
        used.add(person_id)
        people.append((person_id, row))
    return people


def relationship_of(index: int, person: Mapping[str, Any]) -> str:
    """The relationship to the applicant: ``applicant`` for the first person only."""
    if index == 0:
        return "applicant"
    relationship = person.get("relationship")
    if isinstance(relationship, str) and relationship in RELATIONSHIPS and relationship != "applicant":
        return relationship
    return "other"


def lives_with_applicant(index: int, person: Mapping[str, Any]) -> bool:
    return index == 0 or person.get("lives_with_you") != "no"


def birth_date(person: Mapping[str, Any], on: dt.date) -> dt.date | None:
    """The date of birth given, or None when it is missing, not a real date, or after ``on``."""
    born = parse_date(person.get("date_of_birth"))
    return born if born is not None and born <= on else None


def immigration_of(person: Mapping[str, Any]) -> Immigration:
    status = person.get("immigration_status")
    known = isinstance(status, str) and status in IMMIGRATION
    base = IMMIGRATION[status] if known else IMMIGRATION[UNKNOWN_IMMIGRATION]
    return replace(base, habitually_resident=person.get("lived_in_uk_2_years") != "no")


def _people(facts: Mapping[str, Any], as_at: dt.date) -> tuple[Person, ...]:
    rows = people_of(facts)
    health = section(facts, "health")
    own_room = health.get("own_room_person") if is_yes(health.get("own_room")) else None
    relationships = [relationship_of(index, row) for index, (_, row) in enumerate(rows)]
    partners = [person_id for (person_id, _), rel in zip(rows, relationships, strict=True) if rel == "partner"]
    applicant_id = rows[0][0]
    people = []
    for index, ((person_id, row), relationship) in enumerate(zip(rows, relationships, strict=True)):
        role: Role = "applicant" if index == 0 else ROLES.get(relationship, "other")
        born = birth_date(row, as_at)
        if born is None:
            born = born_for_age(DEFAULT_CHILD_AGE if role == "child" else DEFAULT_ADULT_AGE, as_at)
        sex = row.get("sex")
        partner_of = (partners or [None])[0] if index == 0 else applicant_id if role == "partner" else None
        adult_applicant = relationship in ADULT_APPLICANT_RELATIONSHIPS
        people.append(
            Person(
                id=person_id,
                role=role,
                date_of_birth=born,
                sex=SEXES[sex] if isinstance(sex, str) and sex in SEXES else DEFAULT_SEX,
                partner_of=partner_of,
                needs_own_room=own_room == person_id,
                main_home_with_applicant=lives_with_applicant(index, row),
                immigration=immigration_of(row) if adult_applicant else None,
            )
        )
    return tuple(people)


def lived_in_area_since(facts: Mapping[str, Any]) -> dt.date | None:
    """The start of the unbroken run of addresses in the area, from the current one back."""
    given = facts.get("addresses")
    rows = [row for row in given if isinstance(row, Mapping)] if isinstance(given, list | tuple) else []
    since: dt.date | None = None
    for row in rows:
        moved_in = parse_date(row.get("moved_in"))
        if row.get("in_area") != "yes" or moved_in is None:
            break
        if since is not None:  # an earlier address must last until the later run began
            moved_out = parse_date(row.get("moved_out"))
            if moved_out is None or (since - moved_out).days > 1:
                break
        since = moved_in if since is None else min(since, moved_in)
    return since


def _local_connection(facts: Mapping[str, Any]) -> LocalConnection:
    answers = section(facts, "addresses")
    job = None
    work_since = parse_date(answers.get("work_since"))
    if is_yes(answers.get("work_in_area")) and work_since is not None:
        job = Employment(
            since=work_since,
            hours_per_week=Decimal(parse_count(answers.get("work_hours"), MOST_HOURS) or 0),
            permanent=is_yes(answers.get("work_permanent")),
        )
    family_since = parse_date(answers.get("family_since")) if is_yes(answers.get("family_in_area")) else None
    return LocalConnection(
        lived_in_district_since=lived_in_area_since(facts),
        employment_in_district=job,
        close_family_in_district_since=family_since,
        needs_to_move_for_care=is_yes(answers.get("care_move")),
    )


def _current_home(facts: Mapping[str, Any]) -> CurrentHome:
    answers = section(facts, "current_home")
    home_type = answers.get("home_type")
    return CurrentHome(
        type=home_type if isinstance(home_type, str) and home_type in HOME_TYPES else DEFAULT_HOME_TYPE,
        bedrooms_available=parse_count(answers.get("bedrooms")),
        shares_kitchen_or_bathroom_with_other_household=is_yes(answers.get("shares_facilities")),
    )


def _finances(facts: Mapping[str, Any]) -> Finances:
    money = section(facts, "money")
    tenancy = section(facts, "tenancy")
    owns = is_yes(money.get("owns_property"))
    arrears = RentArrears(parse_money(tenancy.get("arrears_amount")) or Decimal(0), is_yes(tenancy.get("arrears_plan")))
    return Finances(
        gross_annual_income=parse_money(money.get("income")) or Decimal(0),
        savings=parse_money(money.get("savings")) or Decimal(0),
        owns_property=owns,
        property_inaccessible=owns and money.get("property_can_live_in") == "no",
        rent_arrears=arrears if is_yes(tenancy.get("rent_arrears")) else None,
    )


def _armed_forces(facts: Mapping[str, Any]) -> ArmedForces:
    safety = section(facts, "safety")
    service = safety.get("armed_forces")
    if service == "left":
        return ArmedForces(status="former_regular", discharge_date=parse_date(safety.get("forces_discharge_date")))
    return FORCES[service] if isinstance(service, str) and service in FORCES else ArmedForces()


def pregnancy_weeks(facts: Mapping[str, Any], as_at: dt.date) -> int | None:
    """40 weeks less the whole weeks until the due date (at least 1), or None with no pregnancy or due date."""
    household = section(facts, "household")
    due = parse_date(household.get("due_date"))
    if not is_yes(household.get("pregnant")) or due is None:
        return None
    weeks_left = max(0, (due - as_at).days) // 7
    return max(1, FULL_TERM_WEEKS - weeks_left)


def registration_date(facts: Mapping[str, Any], as_at: dt.date) -> dt.date:
    submitted = parse_date(facts.get("submitted_on"))
    return as_at if submitted is None else min(submitted, as_at)


def case_from_facts(facts: Mapping[str, Any], as_at: dt.date, scheme: Scheme) -> Case:
    """The case for ``assess`` on ``as_at``. Never raises on incomplete facts (see the module docstring)."""
    del scheme  # taken like every rule takes it; the rules measure every length of time themselves
    reference = facts.get("reference")
    health = section(facts, "health")
    home = section(facts, "current_home")
    must_leave = parse_date(home.get("must_leave_date")) if is_yes(home.get("must_leave")) else None
    safety = section(facts, "safety")
    return Case(
        id=reference if isinstance(reference, str) and reference else CASE_ID,
        as_at=as_at,
        registration_date=registration_date(facts, as_at),
        people=_people(facts, as_at),
        current_home=_current_home(facts),
        finances=_finances(facts),
        local_connection=_local_connection(facts),
        homelessness=Homelessness(
            must_leave_by=must_leave, nowhere_to_stay_tonight=is_yes(home.get("nowhere_tonight"))
        ),
        armed_forces=_armed_forces(facts),
        pregnancy_weeks=pregnancy_weeks(facts, as_at),
        overnight_carer=is_yes(health.get("overnight_carer")),
        domestic_abuse_needs_move=is_yes(safety.get("domestic_abuse")) and is_yes(safety.get("abuse_need_move")),
        care_leaver=is_yes(safety.get("care_leaver")),
    )
