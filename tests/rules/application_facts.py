"""Builders for application ``facts`` (the contract between the data layer and portal.rules.application)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from portal.rules.scheme import load_scheme

AS_AT = dt.date(2026, 11, 22)
SUBMITTED = "2026-11-20"
SCHEME = load_scheme("default")

ANSWERS: dict[str, dict[str, Any]] = {
    "current_home": {
        "home_type": "private_rented",
        "bedrooms": 1,
        "living_rooms": 1,
        "shares_facilities": "no",
        "disrepair": "no",
        "must_leave": "no",
        "nowhere_tonight": "no",
    },
    "household": {"anyone_else": "no", "pregnant": "no"},
    "addresses": {"work_in_area": "no", "family_in_area": "no", "care_move": "no"},
    "money": {"income": "18500", "savings": "0", "owns_property": "no"},
    "health": {
        "health_problem": "no",
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
}


def adult(
    person_id: str,
    relationship: str,
    name: str,
    born: str,
    sex: str,
    status: str = "british_irish",
    **more: Any,
) -> dict[str, Any]:
    """An applicant, partner or joint applicant who has lived in the UK for 2 years."""
    person = {
        "id": person_id,
        "relationship": relationship,
        "full_name": name,
        "date_of_birth": born,
        "sex": sex,
        "ni_number": "",
        "immigration_status": status,
        "lived_in_uk_2_years": "yes",
    }
    if relationship != "applicant":
        person["lives_with_you"] = "yes"
    return {**person, **more}


def member(person_id: str, relationship: str, name: str, born: str, sex: str, **more: Any) -> dict[str, Any]:
    """Anyone else in the household (a child, a parent, another relative), living with the applicant."""
    person = {
        "id": person_id,
        "relationship": relationship,
        "full_name": name,
        "date_of_birth": born,
        "sex": sex,
        "lives_with_you": "yes",
        "ni_number": "",
    }
    return {**person, **more}


APPLICANT = adult("p1", "applicant", "Ann Jones", "1990-04-02", "female")
PARTNER = adult("p2", "partner", "Ben Jones", "1988-09-15", "male")
BOY_12 = member("p3", "child", "Cal Jones", "2014-03-10", "male")
GIRL_9 = member("p4", "child", "Dee Jones", "2017-06-15", "female")


def family() -> list[dict[str, Any]]:
    """Two adults, a boy of 12 and a girl of 9 on AS_AT."""
    return copy.deepcopy([APPLICANT, PARTNER, BOY_12, GIRL_9])


def address(address_id: str, moved_in: str, moved_out: str | None, in_area: str = "yes", **more: Any) -> dict[str, Any]:
    return {
        "id": address_id,
        "line_1": f"{address_id} High Street",
        "line_2": "",
        "town": "Basingstoke",
        "postcode": "RG21 4AA",
        "moved_in": moved_in,
        "moved_out": moved_out,
        "in_area": in_area,
        **more,
    }


def facts_example(
    *,
    people: list[dict[str, Any]] | None = None,
    history: list[dict[str, Any]] | None = None,
    submitted_on: str | None = SUBMITTED,
    **sections: dict[str, Any],
) -> dict[str, Any]:
    """A complete application, by default from a single woman of 36 living in the area since 2015 in a
    1-bedroom private let, earning £18,500 a year. ``history`` is the list of addresses (the answers
    section ``addresses`` is a keyword like every other section). Each section's answers are merged into
    the defaults; an answer given as None is taken away (not answered)."""
    answers = copy.deepcopy(ANSWERS)
    for name, changes in sections.items():
        merged = {**answers.get(name, {}), **changes}
        answers[name] = {key: value for key, value in merged.items() if value is not None}
    return {
        "reference": "HR-7K3M9Q" if submitted_on else None,
        "submitted_on": submitted_on,
        "people": copy.deepcopy(people) if people is not None else [copy.deepcopy(APPLICANT)],
        "addresses": copy.deepcopy(history) if history is not None else [address("a1", "2015-01-05", None)],
        "answers": answers,
    }
