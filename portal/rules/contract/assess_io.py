"""The ``assess`` contract: one JSON object in, one JSON object out (contracts, sections 1 and 2).

``read_case`` checks the whole input line and raises ``LineError`` with one
sentence naming the field; ``assessment_to_json`` writes the output object.
Fields the contract does not name are ignored; an optional field given as null
takes its default.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from portal.rules.assess import Assessment, assess
from portal.rules.contract.fields import Fields, LineError, describe
from portal.rules.household import (
    DOWNSIZING,
    DUTIES,
    ELIGIBILITY_CLASSES,
    FORCES_STATUSES,
    MEDICAL_LEVELS,
    RIGHTS_TO_RESIDE,
    ROLES,
    ROOM_KINDS,
    SEXES,
    ArmedForces,
    Behaviour,
    Case,
    CurrentHome,
    Employment,
    Finances,
    HistoryEntry,
    Homelessness,
    Immigration,
    LocalConnection,
    OfficerAssessments,
    Person,
    RentArrears,
    Room,
)
from portal.rules.parameters import HOME_TYPES
from portal.rules.scheme import SHIPPED_SCHEMES, Scheme, SchemeError, load_scheme, with_overrides

_ZERO = Decimal(0)
_NO_LOCAL_CONNECTION = LocalConnection()
_NO_BEHAVIOUR = Behaviour()
_NO_OFFICER_ASSESSMENTS = OfficerAssessments()
_NO_HOMELESSNESS = Homelessness()
_NO_ARMED_FORCES = ArmedForces()


def read_scheme(f: Fields) -> Scheme:
    """Contracts 1.7: ``scheme`` (default "default") with the line's ``overrides`` applied."""
    scheme = load_scheme(f.choice("scheme", SHIPPED_SCHEMES, required=False, default="default"))
    overrides = f.obj("overrides")
    if overrides is None:
        return scheme
    try:
        return with_overrides(scheme, overrides.data)
    except SchemeError as error:
        raise LineError(str(error)) from error


def _immigration(f: Fields) -> Immigration:
    return Immigration(
        subject_to_control=f.boolean("subject_to_control"),
        eligibility_class=f.choice("eligibility_class", ELIGIBILITY_CLASSES, required=False),
        has_leave=f.boolean("has_leave", default=True),
        no_recourse_to_public_funds=f.boolean("no_recourse_to_public_funds"),
        habitually_resident=f.boolean("habitually_resident", default=True),
        habitual_residence_exempt=f.boolean("habitual_residence_exempt"),
        right_to_reside=f.choice("right_to_reside", RIGHTS_TO_RESIDE, required=False, default="full"),
    )


def _person(f: Fields, as_at: dt.date) -> Person:
    immigration = f.obj("immigration")
    return Person(
        id=f.string("id"),
        role=f.choice("role", ROLES),
        date_of_birth=f.date("date_of_birth", not_after=as_at, after_name="as_at"),
        sex=f.choice("sex", SEXES),
        partner_of=f.string("partner_of", required=False),
        needs_own_room=f.boolean("needs_own_room"),
        main_home_with_applicant=f.boolean("main_home_with_applicant", default=True),
        immigration=None if immigration is None else _immigration(immigration),
    )


def read_people(f: Fields, as_at: dt.date) -> tuple[Person, ...]:
    """Contracts 2.2 and 2.10: at least one person, exactly one applicant, unique ids, one-to-one partners."""
    items = f.array("people", required=True)
    if not items:
        raise LineError("people must list at least one person.")
    people = tuple(_person(f.item("people", index), as_at) for index in range(len(items)))
    index_of: dict[str, int] = {}
    applicants = 0
    for index, person in enumerate(people):
        if person.id in index_of:
            raise LineError(
                f"people[{index}].id must be different for each person, but {describe(person.id)} is repeated."
            )
        index_of[person.id] = index
        if person.role == "applicant":
            applicants += 1
            if applicants > 1:
                raise LineError(f"people[{index}].role must not be applicant: a case has exactly one applicant.")
    if applicants == 0:
        raise LineError("people must include exactly one person whose role is applicant.")
    named_by: dict[str, int] = {}
    for index, person in enumerate(people):
        target = person.partner_of
        if target is None:
            continue
        where = f"people[{index}].partner_of"
        if target not in index_of:
            raise LineError(f"{where} must name a person in the case, but no person has the id {describe(target)}.")
        if target == person.id:
            raise LineError(f"{where} must name someone else, not the person themself.")
        if target in named_by:
            raise LineError(
                f"{where} must be one-to-one, but people[{named_by[target]}] also names {describe(target)}."
            )
        named_by[target] = index
        partner_of_target = people[index_of[target]].partner_of
        if partner_of_target is not None and partner_of_target != person.id:
            raise LineError(
                f"{where} must be one-to-one, but {describe(target)} names {describe(partner_of_target)} as their partner."
            )
    return people


def _current_home(f: Fields, scheme: Scheme) -> CurrentHome:
    home = f.obj("current_home", required=True)
    assert home is not None
    home_type = home.choice("type", HOME_TYPES)
    bedrooms = None
    if home_type not in scheme.overcrowding_not_assessed_types:  # otherwise bedrooms_available is ignored
        if home.data.get("bedrooms_available") is None:
            raise LineError(
                f"current_home.bedrooms_available is required when current_home.type is {describe(home_type)}."
            )
        bedrooms = home.integer("bedrooms_available", minimum=0)
    rooms = None
    room_items = home.array("rooms")
    if room_items is not None:
        rooms = tuple(
            Room(kind=item.choice("kind", ROOM_KINDS), area_sqft=item.number("area_sqft"))
            for item in (home.item("rooms", index) for index in range(len(room_items)))
        )
    return CurrentHome(
        type=home_type,
        bedrooms_available=bedrooms,
        rooms=rooms,
        shares_kitchen_or_bathroom_with_other_household=home.boolean("shares_kitchen_or_bathroom_with_other_household"),
        category1_hazard=home.boolean("category1_hazard"),
        hazard_cannot_be_remedied=home.boolean("hazard_cannot_be_remedied"),
        prohibition_order=home.boolean("prohibition_order"),
        lacks_basic_amenities=home.boolean("lacks_basic_amenities"),
    )


def _local_connection(f: Fields | None) -> LocalConnection:
    if f is None:
        return _NO_LOCAL_CONNECTION
    job = f.obj("employment_in_district")
    employment = None
    if job is not None:
        employment = Employment(
            since=job.date("since"),
            hours_per_week=job.number("hours_per_week"),
            permanent=job.boolean("permanent", required=True),
        )
    return LocalConnection(
        lived_in_district_since=f.date("lived_in_district_since", required=False),
        employment_in_district=employment,
        close_family_in_district_since=f.date("close_family_in_district_since", required=False),
        medical_connection=f.boolean("medical_connection"),
        needs_to_move_for_care=f.boolean("needs_to_move_for_care"),
    )


def _finances(f: Fields) -> Finances:
    arrears = f.obj("rent_arrears")
    return Finances(
        gross_annual_income=f.number("gross_annual_income"),
        savings=f.number("savings"),
        owns_property=f.boolean("owns_property"),
        property_inaccessible=f.boolean("property_inaccessible"),
        rent_arrears=None
        if arrears is None
        else RentArrears(
            amount=arrears.number("amount", required=False, default=_ZERO),
            arrangement_kept=arrears.boolean("arrangement_kept"),
        ),
    )


def _behaviour(f: Fields | None) -> Behaviour:
    if f is None:
        return _NO_BEHAVIOUR
    return Behaviour(
        serious_unacceptable_behaviour=f.boolean("serious_unacceptable_behaviour"),
        deliberate_worsening_within_5_years=f.boolean("deliberate_worsening_within_5_years"),
        reasonable_offers_refused_last_12_months=f.integer(
            "reasonable_offers_refused_last_12_months", required=False, default=0
        ),
    )


def _officer_assessments(f: Fields | None, as_at: dt.date) -> OfficerAssessments:
    if f is None:
        return _NO_OFFICER_ASSESSMENTS
    return OfficerAssessments(
        medical_welfare=f.choice("medical_welfare", MEDICAL_LEVELS, required=False),
        medical_welfare_awarded=f.date("medical_welfare_awarded", required=False, not_after=as_at, after_name="as_at"),
        urgent_risk_of_harm=f.boolean("urgent_risk_of_harm"),
        move_on_ready=f.boolean("move_on_ready"),
        hardship_locality=f.boolean("hardship_locality"),
    )


def _homelessness(f: Fields | None, as_at: dt.date) -> Homelessness:
    if f is None:
        return _NO_HOMELESSNESS
    return Homelessness(
        duty=f.choice("duty", DUTIES, required=False),
        duty_date=f.date("duty_date", required=False, not_after=as_at, after_name="as_at"),
        only_because_of_restricted_person=f.boolean("only_because_of_restricted_person"),
        must_leave_by=f.date("must_leave_by", required=False),
        nowhere_to_stay_tonight=f.boolean("nowhere_to_stay_tonight"),
        cannot_stay_where_they_are=f.boolean("cannot_stay_where_they_are"),
        placed_outside_district=f.boolean("placed_outside_district"),
    )


def _armed_forces(f: Fields | None) -> ArmedForces:
    if f is None:
        return _NO_ARMED_FORCES
    status = f.choice("status", FORCES_STATUSES, required=False, default="none")
    discharge = f.date("discharge_date", required=False)
    if status == "former_regular" and discharge is None:
        raise LineError('armed_forces.discharge_date is required when armed_forces.status is "former_regular".')
    return ArmedForces(
        status=status,
        discharge_date=discharge,
        service_attributable_injury=f.boolean("service_attributable_injury"),
    )


def _history(f: Fields, as_at: dt.date) -> tuple[HistoryEntry, ...]:
    items = f.array("history")
    if not items:
        return ()
    entries = []
    for index in range(len(items)):
        item = f.item("history", index)
        date = item.date("date", not_after=as_at, after_name="as_at")
        if "band" not in item.data:
            raise LineError(f"{item.name('band')} is required (a band from 1 to 4, or null).")
        band = None if item.data["band"] is None else item.integer("band", minimum=1, maximum=4)
        entries.append(HistoryEntry(date, band))
    return tuple(entries)


def read_case(data: dict[str, Any]) -> tuple[Case, Scheme]:
    """Check one input line (contracts 1.6, 1.7 and 2.1 to 2.10) and build the case and its scheme."""
    if not isinstance(data, dict):
        raise LineError("The line must be a JSON object.")
    f = Fields(data)
    case_id = f.string("id", non_empty=True)
    as_at = f.date("as_at")
    registration_date = f.date("registration_date", not_after=as_at, after_name="as_at")
    scheme = read_scheme(f)
    people = read_people(f, as_at)
    pregnancy_weeks = f.integer("pregnancy_weeks", required=False, minimum=0, maximum=45)
    overnight_carer = f.boolean("overnight_carer")
    foster_or_adopter_approved = f.boolean("foster_or_adopter_approved")
    current_home = _current_home(f, scheme)
    local_connection = _local_connection(f.obj("local_connection"))
    finances_fields = f.obj("finances", required=True)
    assert finances_fields is not None
    finances = _finances(finances_fields)
    case = Case(
        id=case_id,
        as_at=as_at,
        registration_date=registration_date,
        people=people,
        current_home=current_home,
        finances=finances,
        local_connection=local_connection,
        behaviour=_behaviour(f.obj("behaviour")),
        officer_assessments=_officer_assessments(f.obj("officer_assessments"), as_at),
        homelessness=_homelessness(f.obj("homelessness"), as_at),
        armed_forces=_armed_forces(f.obj("armed_forces")),
        pregnancy_weeks=pregnancy_weeks,
        overnight_carer=overnight_carer,
        foster_or_adopter_approved=foster_or_adopter_approved,
        right_to_move=f.boolean("right_to_move"),
        domestic_abuse_needs_move=f.boolean("domestic_abuse_needs_move"),
        care_leaver=f.boolean("care_leaver"),
        decant=f.boolean("decant"),
        downsizing=f.choice("downsizing", DOWNSIZING, required=False),
        history=_history(f, as_at),
    )
    return case, scheme


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def assessment_to_json(a: Assessment, case_id: str) -> dict[str, Any]:
    """The contract's output object (section 2.11), with the explanation in English."""
    return {
        "id": case_id,
        "eligible": a.eligible,
        "eligibility_reasons": list(a.eligibility_reasons),
        "qualifies": a.qualifies,
        "qualification_failures": list(a.qualification_failures),
        "exemptions": list(a.exemptions),
        "bedroom_need": a.bedroom_need,
        "bedroom_need_bedroom_standard": a.bedroom_need_bedroom_standard,
        "bedrooms_lacking": a.bedrooms_lacking,
        "statutory_overcrowding": a.statutory_overcrowding,
        "band": a.band,
        "reasons": list(a.reasons),
        "priority_date": _date(a.priority_date),
        "referrals": list(a.referrals),
        "recontact_date": _date(a.recontact_date),
        "explanation": [sentence.text() for sentence in a.sentences],
    }


def assess_line(data: dict[str, Any]) -> dict[str, Any]:
    """One input object to one output object; raises ``LineError`` for a malformed line."""
    case, scheme = read_case(data)
    return assessment_to_json(assess(case, scheme), case.id)
