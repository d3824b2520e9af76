"""Helpers for the assess tests: a plain valid case to change one thing at a time, and ways to run it."""

from __future__ import annotations

import copy
from typing import Any

from portal.rules.assess import Assessment, assess
from portal.rules.contract.assess_io import assessment_to_json, read_case
from portal.rules.contract.fields import parse_json_line
from portal.rules.contract.output import dumps

AS_AT = "2025-06-01"


def base_case(**changes: Any) -> dict[str, Any]:
    """A single man of 30 renting privately, 5 years in the district, short of nothing.

    Keyword arguments replace top-level fields; a dict value for an existing dict
    field is merged into it (so ``finances={"savings": 1}`` keeps the income).
    """
    case: dict[str, Any] = {
        "id": "T1",
        "as_at": AS_AT,
        "registration_date": AS_AT,
        "people": [{"id": "p1", "role": "applicant", "date_of_birth": "1995-01-15", "sex": "male"}],
        "current_home": {"type": "private_rented", "bedrooms_available": 1},
        "local_connection": {"lived_in_district_since": "2020-06-01"},
        "finances": {"gross_annual_income": 30000, "savings": 3000},
    }
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(case.get(key), dict):
            case[key] = {**case[key], **value}
        else:
            case[key] = value
    return case


def family(*children: tuple[str, str], **changes: Any) -> dict[str, Any]:
    """A couple (born 1990) with children given as (date_of_birth, sex)."""
    people = [
        {"id": "p1", "role": "applicant", "date_of_birth": "1990-04-12", "sex": "male", "partner_of": "p2"},
        {"id": "p2", "role": "partner", "date_of_birth": "1990-08-23", "sex": "female", "partner_of": "p1"},
    ]
    people += [
        {"id": f"c{n}", "role": "child", "date_of_birth": born, "sex": sex} for n, (born, sex) in enumerate(children, 1)
    ]
    return base_case(people=people, **changes)


def as_json(data: dict[str, Any]) -> dict[str, Any]:
    """The dict as the command would read it: through JSON text, with numbers as exact decimals."""
    return parse_json_line(dumps(data))


def run(data: dict[str, Any]) -> Assessment:
    case, scheme = read_case(as_json(data))
    return assess(case, scheme)


def run_json(data: dict[str, Any]) -> dict[str, Any]:
    case, scheme = read_case(as_json(data))
    return assessment_to_json(assess(case, scheme), case.id)


def with_person(data: dict[str, Any], index: int, **changes: Any) -> dict[str, Any]:
    """A copy of the case with fields of one person changed (None removes the field)."""
    changed = copy.deepcopy(data)
    person = changed["people"][index]
    for key, value in changes.items():
        if value is None:
            person.pop(key, None)
        else:
            person[key] = value
    return changed
