"""The facts behind each proposed field, as rows an officer can check on the assessment page.

Read from the case the rules worked from (the application's facts with the
officer's findings and the earlier decisions in it), so the page shows what
the proposal actually used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from portal.data.application_models import Application
from portal.rules.determination.findings import DUTY_LABELS, MEDICAL_AWARD_LABELS
from portal.rules.determination.settle import in_words
from portal.rules.household import Case, Person

Row = tuple[str, str]

ROLE_NAMES = {
    "applicant": "Applicant",
    "joint_applicant": "Joint applicant",
    "partner": "Partner",
    "child": "Child",
    "other": "Other household member",
}


def yes_no(value: object) -> str:
    return "Yes" if value else "No"


def shown_date(value: dt.date | None) -> str:
    return in_words(value) if value is not None else "Not given"


def money(value: Decimal | None) -> str:
    return f"£{value:,.2f}" if value is not None else "Not given"


def age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _names(application: Application) -> dict[str, str]:
    return {person.key: person.full_name or "Name not given" for person in application.people}


def _person_label(person: Person, names: Mapping[str, str]) -> str:
    return f"{names.get(person.id, person.id)} ({ROLE_NAMES.get(person.role, person.role)})"


def _immigration(person: Person) -> str:
    found = person.immigration
    if found is None or not found.subject_to_control:
        return "Not subject to immigration control"
    parts = ["Subject to immigration control"]
    if found.eligibility_class:
        parts.append(f"class {found.eligibility_class}")
    parts.append("has leave" if found.has_leave else "no leave")
    if found.no_recourse_to_public_funds:
        parts.append("no recourse to public funds")
    parts.append(f"right to reside: {found.right_to_reside.replace('_', ' ')}")
    parts.append("habitually resident" if found.habitually_resident else "not habitually resident")
    return ", ".join(parts)


def eligibility_rows(case: Case, names: Mapping[str, str]) -> list[Row]:
    return [(_person_label(person, names), _immigration(person)) for person in case.people]


def qualification_rows(case: Case, names: Mapping[str, str]) -> list[Row]:
    finances = case.finances
    rows = [
        ("Gross income a year", money(finances.gross_annual_income)),
        ("Savings", money(finances.savings)),
        ("Owns property", yes_no(finances.owns_property)),
        ("Cannot live in or sell it (finding)", yes_no(finances.property_inaccessible)),
        ("Serious unacceptable behaviour (finding)", yes_no(case.behaviour.serious_unacceptable_behaviour)),
    ]
    born = case.applicant.date_of_birth
    rows.append(("Applicant's age at registration", str(age_on(born, case.registration_date))))
    return rows


def local_connection_rows(case: Case, names: Mapping[str, str]) -> list[Row]:
    found = case.local_connection
    work = found.employment_in_district
    work_text = (
        f"Since {shown_date(work.since)}, {work.hours_per_week} hours a week, "
        f"{'permanent' if work.permanent else 'not permanent'}"
        if work is not None
        else "None"
    )
    return [
        ("Lived in the district since", shown_date(found.lived_in_district_since)),
        ("Work in the district", work_text),
        ("Close family in the district since", shown_date(found.close_family_in_district_since)),
        ("Urgent medical need to move here (finding)", yes_no(found.medical_connection)),
        ("Needs to move here for care (finding)", yes_no(found.needs_to_move_for_care)),
        ("Right to Move confirmed (finding)", yes_no(case.right_to_move)),
        ("Armed Forces", case.armed_forces.status.replace("_", " ").capitalize()),
        ("Domestic abuse, needs to move", yes_no(case.domestic_abuse_needs_move)),
        ("Care leaver", yes_no(case.care_leaver)),
    ]


def bedroom_rows(case: Case, names: Mapping[str, str]) -> list[Row]:
    rows = []
    for person in case.people:
        details = [f"age {age_on(person.date_of_birth, case.as_at)}", person.sex]
        if person.partner_of:
            details.append(f"partner of {names.get(person.partner_of, person.partner_of)}")
        if person.needs_own_room:
            details.append("needs a room of their own")
        if not person.main_home_with_applicant:
            details.append("does not live with the applicant as their main home")
        rows.append((_person_label(person, names), ", ".join(details)))
    if case.pregnancy_weeks is not None:
        rows.append(("Pregnancy", f"{case.pregnancy_weeks} weeks"))
    rows.append(("Overnight carer", yes_no(case.overnight_carer)))
    home = case.current_home
    rows.append(("Current home", home.type.replace("_", " ").capitalize()))
    rows.append(("Bedrooms available", str(home.bedrooms_available) if home.bedrooms_available is not None else "-"))
    return rows


def band_rows(case: Case, names: Mapping[str, str]) -> list[Row]:
    officer = case.officer_assessments
    home = case.current_home
    homelessness = case.homelessness
    medical = MEDICAL_AWARD_LABELS.get(officer.medical_welfare or "none", "None")
    if officer.medical_welfare:
        medical = f"{medical}, awarded {shown_date(officer.medical_welfare_awarded)}"
    duty = DUTY_LABELS.get(homelessness.duty, "None") if homelessness.duty else "None"
    if homelessness.duty:
        duty = f"{duty}, from {shown_date(homelessness.duty_date)}"
    rows = [
        ("Medical and welfare (finding)", medical),
        ("Urgent risk of harm (finding)", yes_no(officer.urgent_risk_of_harm)),
        ("Ready to move on (finding)", yes_no(officer.move_on_ready)),
        ("Hardship in a particular area (finding)", yes_no(officer.hardship_locality)),
        ("Homelessness duty (finding)", duty),
        ("Duty only because of a restricted person (finding)", yes_no(homelessness.only_because_of_restricted_person)),
        ("Must leave home by", shown_date(homelessness.must_leave_by)),
        (
            "Shares a kitchen or bathroom with another household",
            yes_no(home.shares_kitchen_or_bathroom_with_other_household),
        ),
        ("Category 1 hazard (finding)", yes_no(home.category1_hazard)),
        ("Hazard cannot be put right (finding)", yes_no(home.hazard_cannot_be_remedied)),
        ("Prohibition order (finding)", yes_no(home.prohibition_order)),
        ("Lacks basic amenities (finding)", yes_no(home.lacks_basic_amenities)),
    ]
    arrears = case.finances.rent_arrears
    if arrears is not None:
        kept = "an arrangement is being kept" if arrears.arrangement_kept else "no arrangement kept"
        rows.append(("Rent arrears", f"{money(arrears.amount)}, {kept}"))
    return rows


def priority_rows(case: Case, names: Mapping[str, str]) -> list[Row]:
    rows = [("Registration date", shown_date(case.registration_date))]
    for entry in case.history:
        band = f"band {entry.band}" if entry.band is not None else "no band"
        rows.append((f"Earlier decision, {shown_date(entry.date)}", band))
    if not case.history:
        rows.append(("Earlier decisions", "None"))
    return rows


FACTS: dict[str, Callable[[Case, Mapping[str, str]], list[Row]]] = {
    "eligibility": eligibility_rows,
    "qualification": qualification_rows,
    "local_connection": local_connection_rows,
    "bedroom_need": bedroom_rows,
    "band": band_rows,
    "priority_date": priority_rows,
}


def facts_by_field(case: Case, application: Application) -> dict[str, list[Row]]:
    """For each proposed field, the facts the rules read for it."""
    names = _names(application)
    return {field: rows(case, names) for field, rows in FACTS.items()}
