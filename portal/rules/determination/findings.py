"""What officers find that the engine takes from them (allocation scheme, sections 4, 7 and 9).

An applicant's answers never set these: a medical or welfare award, a risk of harm, a hazard found on a
visit, a homelessness duty, serious unacceptable behaviour... ``apply_findings`` puts an officer's
findings into a case, replacing whatever the case held for them, so what the officer records is what the
rules read. ``findings_in`` reads them back out of a case (to start an officer's form from what the
applicant told us, for example that they cannot live in a home they own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, cast

from portal.rules.household import DUTIES, MEDICAL_LEVELS, Case, Duty, MedicalLevel

MEDICAL_AWARDS = ("none", "medium", "high", "urgent")
MEDICAL_AWARD_LABELS: dict[str, str] = {
    "none": "No medical or welfare award",
    "medium": "Medium (band 3)",
    "high": "High (band 2)",
    "urgent": "Urgent (band 1)",
}
DUTY_LABELS: dict[str, str] = {
    "prevention": "Prevention duty (s.195(2))",
    "relief": "Relief duty (s.189B)",
    "main": "Main housing duty (s.193(2))",
    "intentional_priority": "Intentionally homeless with priority need (s.190(2))",
    "non_cooperation": "Treated as owed the main duty after not co-operating (s.193C(4))",
}
_TRUE_WORDS = frozenset({"true", "yes", "y", "on", "1"})
_FALSE_WORDS = frozenset({"false", "no", "n", "off", "0", ""})


@dataclass(frozen=True, slots=True)
class Findings:
    medical_welfare: str = "none"  # one of MEDICAL_AWARDS
    medical_awarded_on: dt.date | None = None  # required by settle when medical_welfare != "none"
    urgent_risk_of_harm: bool = False
    move_on_ready: bool = False
    hardship_locality: bool = False
    category1_hazard: bool = False
    hazard_cannot_be_remedied: bool = False
    prohibition_order: bool = False
    lacks_basic_amenities: bool = False
    homelessness_duty: str | None = None  # one of portal.rules.household.DUTIES
    duty_date: dt.date | None = None
    duty_only_because_of_restricted_person: bool = False
    serious_unacceptable_behaviour: bool = False
    property_inaccessible: bool = False
    medical_connection: bool = False
    right_to_move_confirmed: bool = False
    needs_to_move_for_care: bool = False


#: Every yes-or-no finding, with what it means in plain English for officers.
FINDING_FLAGS: tuple[tuple[str, str], ...] = (
    ("urgent_risk_of_harm", "Urgent risk of serious harm (domestic abuse, MARAC or a threat confirmed by the police)"),
    ("move_on_ready", "Ready to move on from supported housing, or a care leaver ready to live independently"),
    ("hardship_locality", "Must move to a particular area to avoid hardship (to give or get care, or for work)"),
    ("category1_hazard", "The home has a Category 1 hazard confirmed by environmental health"),
    ("hazard_cannot_be_remedied", "The Category 1 hazard cannot be put right"),
    ("prohibition_order", "The home has a prohibition order or an emergency prohibition order"),
    ("lacks_basic_amenities", "The home lacks basic amenities (a kitchen, bath or shower, or toilet)"),
    (
        "duty_only_because_of_restricted_person",
        "The homelessness duty is owed only because of a restricted person in the household",
    ),
    ("serious_unacceptable_behaviour", "Serious unacceptable behaviour makes the applicant unsuitable to be a tenant"),
    ("property_inaccessible", "The household owns a home but cannot reasonably live in it or sell it"),
    ("medical_connection", "An urgent and critical medical need to move to the district (local connection)"),
    ("right_to_move_confirmed", "Right to Move: the work in the district is confirmed"),
    ("needs_to_move_for_care", "Needs to move to the district to give or get care or support"),
)
FLAG_NAMES = tuple(name for name, _ in FINDING_FLAGS)
DATE_FIELDS = ("medical_awarded_on", "duty_date")


def _flag(value: object) -> bool | None:
    """A yes-or-no value from JSON or a form, or None when it is not one."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None


def _date(value: object) -> dt.date | None:
    """A date, or an ISO ``YYYY-MM-DD`` string of a real date; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def findings_from(mapping: Mapping[str, Any]) -> Findings:
    """Findings from stored JSON or a form. Unknown keys and values that are not allowed are ignored
    (the field keeps its default), so this never raises for a mapping."""
    if not isinstance(mapping, Mapping):
        return Findings()
    changes: dict[str, Any] = {}
    for name in FLAG_NAMES:
        flag = _flag(mapping.get(name))
        if flag is not None:
            changes[name] = flag
    level = mapping.get("medical_welfare")
    if isinstance(level, str) and level in MEDICAL_AWARDS:
        changes["medical_welfare"] = level
    duty = mapping.get("homelessness_duty")
    if isinstance(duty, str) and duty in DUTIES:
        changes["homelessness_duty"] = duty
    for name in DATE_FIELDS:
        found = _date(mapping.get(name))
        if found is not None:
            changes[name] = found
    return Findings(**changes)


def findings_to_mapping(findings: Findings) -> dict[str, Any]:
    """The findings as JSON-safe values (dates as ISO strings), for ``CaseAssessment.findings``."""
    result: dict[str, Any] = {}
    for field in fields(findings):
        value = getattr(findings, field.name)
        result[field.name] = value.isoformat() if isinstance(value, dt.date) else value
    return result


def _medical_level(findings: Findings) -> MedicalLevel | None:
    level = findings.medical_welfare
    return cast(MedicalLevel, level) if level in MEDICAL_LEVELS else None


def _duty(findings: Findings) -> Duty | None:
    duty = findings.homelessness_duty
    return cast(Duty, duty) if duty in DUTIES else None


def apply_findings(case: Case, findings: Findings) -> Case:
    """The case with the officer's findings in place of what it held for them.

    A medical level of "none" (or one not allowed) means no award, and then no award date.
    A duty that is not one of DUTIES means no duty, and then no duty date.
    """
    level = _medical_level(findings)
    duty = _duty(findings)
    return replace(
        case,
        officer_assessments=replace(
            case.officer_assessments,
            medical_welfare=level,
            medical_welfare_awarded=findings.medical_awarded_on if level is not None else None,
            urgent_risk_of_harm=findings.urgent_risk_of_harm,
            move_on_ready=findings.move_on_ready,
            hardship_locality=findings.hardship_locality,
        ),
        current_home=replace(
            case.current_home,
            category1_hazard=findings.category1_hazard,
            hazard_cannot_be_remedied=findings.hazard_cannot_be_remedied,
            prohibition_order=findings.prohibition_order,
            lacks_basic_amenities=findings.lacks_basic_amenities,
        ),
        homelessness=replace(
            case.homelessness,
            duty=duty,
            duty_date=findings.duty_date if duty is not None else None,
            only_because_of_restricted_person=findings.duty_only_because_of_restricted_person,
        ),
        behaviour=replace(case.behaviour, serious_unacceptable_behaviour=findings.serious_unacceptable_behaviour),
        finances=replace(case.finances, property_inaccessible=findings.property_inaccessible),
        local_connection=replace(
            case.local_connection,
            medical_connection=findings.medical_connection,
            needs_to_move_for_care=findings.needs_to_move_for_care,
        ),
        right_to_move=findings.right_to_move_confirmed,
    )


def findings_in(case: Case) -> Findings:
    """The findings a case holds now: ``apply_findings(case, findings_in(case)) == case``.

    For a case built from an application this is what the applicant told us (for example that they
    cannot live in a home they own, or need to move here for care), a starting point for the officer.
    """
    officer = case.officer_assessments
    home = case.current_home
    homelessness = case.homelessness
    return Findings(
        medical_welfare=officer.medical_welfare or "none",
        medical_awarded_on=officer.medical_welfare_awarded if officer.medical_welfare else None,
        urgent_risk_of_harm=officer.urgent_risk_of_harm,
        move_on_ready=officer.move_on_ready,
        hardship_locality=officer.hardship_locality,
        category1_hazard=home.category1_hazard,
        hazard_cannot_be_remedied=home.hazard_cannot_be_remedied,
        prohibition_order=home.prohibition_order,
        lacks_basic_amenities=home.lacks_basic_amenities,
        homelessness_duty=homelessness.duty,
        duty_date=homelessness.duty_date if homelessness.duty else None,
        duty_only_because_of_restricted_person=homelessness.only_because_of_restricted_person,
        serious_unacceptable_behaviour=case.behaviour.serious_unacceptable_behaviour,
        property_inaccessible=case.finances.property_inaccessible,
        medical_connection=case.local_connection.medical_connection,
        right_to_move_confirmed=case.right_to_move,
        needs_to_move_for_care=case.local_connection.needs_to_move_for_care,
    )
