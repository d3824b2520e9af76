"""The indicative case built from housing options answers, checked through the scheme's own assessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from portal.rules.assess import assess
from portal.rules.dates import age_on, whole_months
from portal.rules.options.answers import OptionsAnswers
from portal.rules.options.to_case import born_for_age, case_from_answers
from portal.rules.scheme import load_scheme

AS_AT = dt.date(2026, 5, 1)
SCHEME = load_scheme("default")

BASE: dict[str, Any] = {
    "safe_tonight": "yes",
    "abuse": "no",
    "where_live": "private_rented",
    "told_to_leave": "no",
    "age": 35,
    "partner": "no",
    "children": 0,
    "other_adults": 0,
    "pregnant": "no",
    "bedrooms": 1,
    "shares_facilities": "no",
    "home_condition": "no",
    "immigration": "british_irish",
    "residence": "yes",
    "work_local": "no",
    "health": "no",
    "care_support": "no",
    "support_needs": "no",
    "armed_forces": "no",
    "income_yearly": "20000",
    "take_home_monthly": "1500",
    "savings": "0",
    "owns_home": "no",
}
NOT_A_HOME = {"bedrooms": None, "shares_facilities": None, "home_condition": None}
SLEEPING_ROUGH = {"where_live": "rough_sleeping", "told_to_leave": None, **NOT_A_HOME}


def answers(**changes: Any) -> dict[str, Any]:
    """A complete set of answers: a single person of 35 in a 1-bedroom private let, with the changes made.

    A change to None takes the answer away (for questions that are no longer asked).
    """
    values = {**BASE, **changes}
    if values.get("age", 99) >= 25:
        values.pop("care_leaver", None)
    elif "care_leaver" not in values:
        values["care_leaver"] = "no"
    return {key: value for key, value in values.items() if value is not None}


def people(*ages_and_sexes: tuple[int, str]) -> list[dict[str, Any]]:
    return [{"age": age, "sex": sex} for age, sex in ages_and_sexes]


def case_for(**changes: Any):
    return case_from_answers(OptionsAnswers.from_mapping(answers(**changes)), AS_AT, SCHEME)


def assessed(**changes: Any):
    return assess(case_for(**changes), SCHEME)


@pytest.mark.parametrize("on", [AS_AT, dt.date(2028, 2, 29), dt.date(2026, 3, 1), dt.date(2026, 1, 1)])
@pytest.mark.parametrize("age", [0, 1, 17, 18, 35, 72, 120])
def test_born_for_age_gives_exactly_that_age(on, age):
    born = born_for_age(age, on)
    assert age_on(born, on) == age
    assert born < on


def test_household_roles_couples_and_ages():
    case = case_for(
        partner="yes",
        age=40,
        children=2,
        children_details=people((12, "male"), (3, "female")),
        other_adults=1,
        adults_details=people((70, "female")),
    )
    roles = {person.id: person for person in case.people}
    assert [person.role for person in case.people] == ["applicant", "partner", "child", "child", "other"]
    assert roles["applicant"].partner_of == "partner" and roles["partner"].partner_of == "applicant"
    assert age_on(roles["child-1"].date_of_birth, AS_AT) == 12 and roles["child-1"].sex == "male"
    assert age_on(roles["adult-1"].date_of_birth, AS_AT) == 70
    assert case.registration_date == AS_AT == case.as_at
    # couple 1, older boy 1, young girl 1 (sharing with nobody of her sex) and a single adult: 4 rooms
    assert assess(case, SCHEME).bedroom_need == 4


def test_a_single_person_has_no_partner():
    case = case_for()
    assert len(case.people) == 1 and case.applicant.partner_of is None
    assert assess(case, SCHEME).bedroom_need == 1


def test_family_of_four_in_a_one_bedroom_flat_is_short_of_two_bedrooms():
    result = assessed(partner="yes", children=2, children_details=people((12, "male"), (7, "female")))
    assert (result.bedroom_need, result.bedrooms_lacking) == (3, 2)
    assert "H-LACK2" in result.reasons and result.band == 2


def test_pregnancy_is_thirty_weeks():
    assert case_for(pregnant="yes").pregnancy_weeks == 30
    assert case_for().pregnancy_weeks is None


def test_current_home_from_the_answers():
    home = case_for(bedrooms=2, shares_facilities="yes", home_condition="yes").current_home
    assert (home.type, home.bedrooms_available) == ("private_rented", 2)
    assert home.shares_kitchen_or_bathroom_with_other_household and home.category1_hazard
    assert not home.hazard_cannot_be_remedied
    result = assessed(bedrooms=2, shares_facilities="yes", home_condition="yes")
    assert {"M-COND", "M-SHARE"} <= set(result.reasons)


def test_rough_sleeping_has_no_bedrooms_and_nowhere_to_stay():
    case = case_for(safe_tonight="no", **SLEEPING_ROUGH)
    assert case.current_home.bedrooms_available is None
    assert case.homelessness.nowhere_to_stay_tonight
    assert case.homelessness.duty is None
    assert assess(case, SCHEME).referrals == ("housing_options",)


def test_leave_date_is_the_date_to_leave_by():
    case = case_for(told_to_leave="yes", leave_date="2026-06-01")
    assert case.homelessness.must_leave_by == dt.date(2026, 6, 1)
    assert not case.homelessness.nowhere_to_stay_tonight


def test_abuse_means_a_move_to_be_safe():
    assert case_for(abuse="yes").domestic_abuse_needs_move
    assert not case_for(abuse="prefer_not_to_say").domestic_abuse_needs_move


@pytest.mark.parametrize(
    ("immigration", "eligible"),
    [
        ("british_irish", True),
        ("settled", True),
        ("refugee", True),
        ("pre_settled", True),
        ("visa", True),
        ("not_sure", True),
        ("no_public_funds", False),
        ("none", False),
    ],
)
def test_immigration_answers_and_eligibility(immigration, eligible):
    result = assessed(immigration=immigration)
    assert result.eligible is eligible
    if not eligible:
        assert result.eligibility_reasons == ("E1-NO-CLASS",)


def test_immigration_records():
    assert case_for(immigration="settled").applicant.immigration.eligibility_class == "C"
    assert case_for(immigration="refugee").applicant.immigration.eligibility_class == "A"
    nrpf = case_for(immigration="no_public_funds").applicant.immigration
    assert nrpf.subject_to_control and nrpf.no_recourse_to_public_funds and nrpf.eligibility_class is None
    assert not case_for(immigration="none").applicant.immigration.has_leave


@pytest.mark.parametrize(
    ("residence", "work_local", "connected"),
    [("yes", "no", True), ("less", "no", False), ("no", "no", False), ("no", "yes", True), ("less", "yes", True)],
)
def test_local_connection_from_residence_and_work(residence, work_local, connected):
    result = assessed(residence=residence, work_local=work_local, bedrooms=0)  # short of a bedroom: a need
    assert result.eligible
    assert ("Q-LOCAL-CONNECTION" not in result.qualification_failures) is connected


@pytest.mark.parametrize("months", [6, 24, 60])
def test_local_connection_uses_the_schemes_lengths_of_time(months):
    scheme = replace(SCHEME, residence_months=months, employment_months=months)
    lived = case_from_answers(OptionsAnswers.from_mapping(answers()), AS_AT, scheme)
    assert whole_months(lived.local_connection.lived_in_district_since, AS_AT) == months + 1
    worked = case_from_answers(OptionsAnswers.from_mapping(answers(residence="no", work_local="yes")), AS_AT, scheme)
    job = worked.local_connection.employment_in_district
    assert whole_months(job.since, AS_AT) == months + 1
    assert job.hours_per_week == scheme.employment_min_hours_week and job.permanent
    assert worked.local_connection.lived_in_district_since is None


def test_less_time_in_the_area_is_one_month():
    since = case_for(residence="less").local_connection.lived_in_district_since
    assert whole_months(since, AS_AT) == 1


@pytest.mark.parametrize(
    ("health", "level", "code"), [("no", None, None), ("hard", "medium", "M-MED"), ("serious", "high", "H-MED")]
)
def test_health_answers_stand_for_an_officers_medical_award(health, level, code):
    case = case_for(health=health, bedrooms=1)
    assert case.officer_assessments.medical_welfare == level
    reasons = assess(case, SCHEME).reasons
    assert (code in reasons) if code else not {"M-MED", "H-MED"} & set(reasons)


@pytest.mark.parametrize(
    ("answer", "status", "years_ago", "injury", "exempt"),
    [
        ("serving", "serving_regular", None, False, True),
        ("left_recently", "former_regular", 1, False, True),
        ("left_earlier", "former_regular", 10, False, False),
        ("reservist_injured", "former_reservist", None, True, True),
        ("bereaved", "bereaved_partner", None, False, True),
        ("no", "none", None, False, False),
    ],
)
def test_armed_forces(answer, status, years_ago, injury, exempt):
    case = case_for(armed_forces=answer, residence="no", bedrooms=0)
    forces = case.armed_forces
    assert (forces.status, forces.service_attributable_injury) == (status, injury)
    if years_ago is None:
        assert forces.discharge_date is None
    else:
        assert whole_months(forces.discharge_date, AS_AT) == 12 * years_ago
    assert ("X-AF" in assess(case, SCHEME).exemptions) is exempt


def test_care_leaver_and_care_or_support_are_exempt_from_local_connection():
    young = assessed(age=20, care_leaver="yes", residence="no", bedrooms=0)
    assert "X-CL" in young.exemptions and young.qualifies
    caring = assessed(care_support="yes", residence="no", bedrooms=0)
    assert "X-CARE" in caring.exemptions and caring.qualifies


def test_moving_for_work_is_the_right_to_move():
    case = case_for(where_live="council_tenant", move_for_work="yes", residence="no", shares_facilities=None)
    assert case.right_to_move and case.officer_assessments.hardship_locality
    result = assess(case, SCHEME)
    assert "M-HARD" in result.reasons and "X-RTM" in result.exemptions and result.qualifies


def test_finances():
    finances = case_for(income_yearly="31000.50", savings="1200", owns_home="yes").finances
    assert finances.gross_annual_income == Decimal("31000.50")
    assert finances.savings == Decimal("1200") and finances.owns_property
    assert case_for(where_live="owner_occupier", owns_home=None, shares_facilities=None).finances.owns_property


def test_an_owner_income_and_savings_over_the_limits_do_not_qualify():
    result = assessed(owns_home="yes", income_yearly="60000", savings="40000", bedrooms=0)
    assert result.qualification_failures == ("Q-HOMEOWNER", "Q-INCOME", "Q-SAVINGS")


def test_default_scheme_when_none_is_given():
    built = case_from_answers(OptionsAnswers.from_mapping(answers()), AS_AT)
    assert built == case_for()
