"""The case built from an application's facts, checked against what the allocation scheme says."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from portal.rules.application.to_case import case_from_facts
from portal.rules.assess import assess
from portal.rules.dates import age_on
from portal.rules.household import NOT_SUBJECT_TO_CONTROL
from portal.rules.scheme import with_overrides
from tests.rules.application_facts import AS_AT, SCHEME, SUBMITTED, address, adult, facts_example, family, member


def case_of(facts, as_at=AS_AT, scheme=SCHEME):
    return case_from_facts(facts, as_at, scheme)


def assessed(facts, as_at=AS_AT, scheme=SCHEME):
    return assess(case_of(facts, as_at, scheme), scheme)


def test_family_of_four_in_a_one_bedroom_private_let():
    result = assessed(facts_example(people=family()))
    # Spec 5: the couple 1 room; the boy of 12 is an older boy (ob = 1): ceil(1/2) = 1 room; the girl of 9
    # cannot take the boy's spare place (step 6 is same sex only), so rooms_young = ceil(1/2) = 1. Need 3.
    assert result.bedroom_need == 3
    # Spec 6.1: 3 - 1 = 2 bedrooms lacking, so H-LACK2 (band 2, group C). One group only: no B4 step up.
    assert result.bedrooms_lacking == 2
    assert result.reasons == ("H-LACK2",)
    assert (result.eligible, result.qualifies, result.band) == (True, True, 2)
    # Spec 8 PD-2 with no history: the registration date, which is the date the council received it.
    assert result.priority_date == dt.date.fromisoformat(SUBMITTED)


def test_roles_couples_and_who_lives_with_the_applicant():
    people = [
        *family(),
        member("p5", "parent", "Eve Smith", "1960-01-01", "female"),
        member("p6", "sibling", "Fay Jones", "1995-01-01", "female", lives_with_you="no"),
        adult("p7", "joint_applicant", "Gus Jones", "1992-01-01", "male"),
    ]
    case = case_of(facts_example(people=people))
    by_id = {person.id: person for person in case.people}
    assert [person.role for person in case.people] == [
        "applicant",
        "partner",
        "child",
        "child",
        "other",
        "other",
        "joint_applicant",
    ]
    assert by_id["p1"].partner_of == "p2" and by_id["p2"].partner_of == "p1"
    assert by_id["p3"].partner_of is None and by_id["p3"].sex == "male"
    assert by_id["p6"].main_home_with_applicant is False and by_id["p5"].main_home_with_applicant is True
    assert age_on(by_id["p3"].date_of_birth, AS_AT) == 12
    # Only adult applicants have immigration facts.
    assert by_id["p3"].immigration is None and by_id["p5"].immigration is None
    assert by_id["p7"].immigration == NOT_SUBJECT_TO_CONTROL


def test_someone_who_does_not_live_with_the_applicant_needs_no_bedroom():
    son = member("p5", "child", "Hal Jones", "2000-01-01", "male")
    assert assessed(facts_example(people=[*family(), son])).bedroom_need == 4
    away = {**son, "lives_with_you": "no"}
    assert assessed(facts_example(people=[*family(), away])).bedroom_need == 3
    moving = {**son, "lives_with_you": "moving_with"}
    assert assessed(facts_example(people=[*family(), moving])).bedroom_need == 4


IN_AREA_RUN = [
    address("a3", "2025-06-01", None),
    address("a2", "2019-02-01", "2025-05-31"),  # left the day before: no gap
    address("a1", "2010-01-01", "2019-02-01", in_area="no"),
]


def test_local_connection_runs_back_through_unbroken_addresses_in_the_area():
    case = case_of(facts_example(people=family(), history=IN_AREA_RUN))
    assert case.local_connection.lived_in_district_since == dt.date(2019, 2, 1)
    assert (
        "Q-LOCAL-CONNECTION" not in assessed(facts_example(people=family(), history=IN_AREA_RUN)).qualification_failures
    )


def test_a_gap_between_addresses_breaks_the_run():
    gap = [IN_AREA_RUN[0], {**IN_AREA_RUN[1], "moved_out": "2025-03-01"}, IN_AREA_RUN[2]]
    facts = facts_example(people=family(), history=gap)
    assert case_of(facts).local_connection.lived_in_district_since == dt.date(2025, 6, 1)
    # 2025-06-01 to 2026-11-20 is 17 whole months; the scheme needs 24 (spec 4.2 R1).
    result = assessed(facts)
    assert result.qualification_failures == ("Q-LOCAL-CONNECTION",)
    assert result.qualifies is False and result.band is None


def test_an_address_out_of_the_area_breaks_the_run():
    addresses = [IN_AREA_RUN[0], {**IN_AREA_RUN[1], "in_area": "no"}, address("a0", "2000-01-01", "2019-02-01")]
    assert case_of(facts_example(history=addresses)).local_connection.lived_in_district_since == dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    "addresses",
    [
        [address("a1", "2015-01-05", None, in_area="no")],
        [{**address("a1", "2015-01-05", None), "in_area": None}],
        [address("a1", "not a date", None)],
        [],
    ],
)
def test_no_residence_when_the_current_address_is_not_shown_in_the_area(addresses):
    assert case_of(facts_example(history=addresses)).local_connection.lived_in_district_since is None


def test_an_earlier_address_without_a_move_out_date_ends_the_run():
    addresses = [IN_AREA_RUN[0], {**IN_AREA_RUN[1], "moved_out": None}]
    assert case_of(facts_example(history=addresses)).local_connection.lived_in_district_since == dt.date(2025, 6, 1)


def test_work_in_the_area_gives_a_local_connection_when_it_is_long_and_permanent_enough():
    outside = [address("a1", "2015-01-05", None, in_area="no")]
    work = {"work_in_area": "yes", "work_since": "2020-03-01", "work_hours": 37, "work_permanent": "yes"}
    facts = facts_example(people=family(), history=outside, addresses=work)
    job = case_of(facts).local_connection.employment_in_district
    assert (job.since, job.hours_per_week, job.permanent) == (dt.date(2020, 3, 1), Decimal(37), True)
    assert assessed(facts).qualifies is True
    part_time = facts_example(people=family(), history=outside, addresses={**work, "work_hours": 10})
    assert assessed(part_time).qualification_failures == ("Q-LOCAL-CONNECTION",)


def test_close_family_and_care_answers():
    answers = {"family_in_area": "yes", "family_since": "2001-05-01", "care_move": "yes"}
    connection = case_of(facts_example(addresses=answers)).local_connection
    assert connection.close_family_in_district_since == dt.date(2001, 5, 1)
    assert connection.needs_to_move_for_care is True
    assert connection.medical_connection is False


def test_a_partners_immigration_status_affects_nothing_but_the_partner():
    settled = assessed(facts_example(people=family()))
    people = family()
    people[1].update(immigration_status="none", lived_in_uk_2_years="no")
    no_leave = assessed(facts_example(people=people))
    # Spec 3: only applicants and joint applicants decide eligibility; the partner is a restricted person (E4).
    assert no_leave.eligibility_reasons == ("E4-RESTRICTED-PERSON",)
    for field in ("eligible", "qualifies", "band", "bedroom_need", "reasons", "priority_date", "exemptions"):
        assert getattr(no_leave, field) == getattr(settled, field), field


def test_the_applicants_own_status_decides_eligibility():
    people = family()
    people[0]["immigration_status"] = "none"
    result = assessed(facts_example(people=people))
    assert (result.eligible, result.eligibility_reasons, result.band) == (False, ("E1-NO-CLASS",), None)
    assert result.bedroom_need == 3  # the household facts are still reported


def test_not_living_in_the_uk_for_two_years_means_not_habitually_resident():
    people = family()
    people[0]["lived_in_uk_2_years"] = "no"
    result = assessed(facts_example(people=people))
    assert result.eligible is False and result.eligibility_reasons == ("E2-NOT-HABITUALLY-RESIDENT",)


def test_registration_date_is_the_date_received():
    assert case_of(facts_example()).registration_date == dt.date(2026, 11, 20)
    assert case_of(facts_example(submitted_on=None)).registration_date == AS_AT
    assert case_of(facts_example(submitted_on="2027-01-01")).registration_date == AS_AT


@pytest.mark.parametrize(
    ("due", "weeks"),
    [
        ("2027-01-31", 30),  # 70 days: 10 whole weeks to go
        ("2027-01-30", 31),  # 69 days: 9 whole weeks
        ("2026-11-24", 40),
        ("2026-11-01", 40),  # the due date has passed
        ("2027-11-01", 1),  # more than 39 weeks away: at least 1
    ],
)
def test_pregnancy_weeks_from_the_due_date(due, weeks):
    facts = facts_example(household={"pregnant": "yes", "pregnant_person": "p1", "due_date": due})
    assert case_of(facts).pregnancy_weeks == weeks


def test_no_pregnancy_weeks_without_a_due_date_or_a_pregnancy():
    assert case_of(facts_example(household={"pregnant": "yes"})).pregnancy_weeks is None
    assert case_of(facts_example(household={"pregnant": "no", "due_date": "2027-01-31"})).pregnancy_weeks is None


def test_an_unborn_child_counts_only_when_the_scheme_says_so():
    facts = facts_example(household={"pregnant": "yes", "pregnant_person": "p1", "due_date": "2027-01-31"})
    assert assessed(facts).bedroom_need == 1  # default scheme: count_unborn_from_week is off
    counting = with_overrides(SCHEME, {"count_unborn_from_week": 24})
    assert assessed(facts, scheme=counting).bedroom_need == 2  # 30 weeks: one more child under 10 (spec 5 step 7)


def test_disrepair_waits_for_an_officer_but_sharing_counts_at_once():
    repairs = case_of(facts_example(current_home={"disrepair": "yes", "disrepair_details": "Damp"}))
    assert repairs.current_home.category1_hazard is False
    assert assessed(facts_example(current_home={"disrepair": "yes"})).qualification_failures == ("Q-HOUSING-NEED",)
    sharing = assessed(facts_example(current_home={"shares_facilities": "yes"}))
    assert (sharing.reasons, sharing.band) == (("M-SHARE",), 3)  # spec 7.1 M-SHARE: band 3


def test_homes_without_bedrooms_are_not_assessed():
    facts = facts_example(current_home={"home_type": "rough_sleeping", "bedrooms": None, "living_rooms": None})
    result = assessed(facts)
    assert case_of(facts).current_home.bedrooms_available is None
    assert result.bedrooms_lacking is None and result.referrals == ("housing_options",)


def test_being_told_to_leave_and_having_nowhere_tonight():
    soon = case_of(facts_example(current_home={"must_leave": "yes", "must_leave_date": "2026-12-20"}))
    assert soon.homelessness.must_leave_by == dt.date(2026, 12, 20)
    assert assess(soon, SCHEME).referrals == ("housing_options",)  # within 56 days (spec 9)
    ignored = case_of(facts_example(current_home={"must_leave": "no", "must_leave_date": "2026-12-20"}))
    assert ignored.homelessness.must_leave_by is None
    tonight = case_of(facts_example(current_home={"nowhere_tonight": "yes"}))
    assert tonight.homelessness.nowhere_to_stay_tonight is True
    assert tonight.homelessness.duty is None  # a duty is the council's decision


@pytest.mark.parametrize(
    ("answers", "status", "exempt"),
    [
        ({"armed_forces": "serving"}, "serving_regular", True),
        ({"armed_forces": "left", "forces_discharge_date": "2023-06-01"}, "former_regular", True),
        ({"armed_forces": "left", "forces_discharge_date": "2019-06-01"}, "former_regular", False),
        ({"armed_forces": "left"}, "former_regular", False),
        ({"armed_forces": "reservist_injured"}, "former_reservist", True),
        ({"armed_forces": "bereaved"}, "bereaved_partner", True),
        ({"armed_forces": "no"}, "none", False),
    ],
)
def test_armed_forces_service_and_the_local_connection_exemption(answers, status, exempt):
    facts = facts_example(history=[address("a1", "2015-01-05", None, in_area="no")], safety=answers)
    case = case_of(facts)
    assert case.armed_forces.status == status
    # X-AF for a former regular discharged no more than 5 years before registration (spec 4.3).
    assert ("X-AF" in assess(case, SCHEME).exemptions) is exempt


def test_income_savings_and_property():
    assert assessed(facts_example(money={"income": "50000"})).qualification_failures[0] == "Q-INCOME"
    assert "Q-INCOME" not in assessed(facts_example(money={"income": "49999.99"})).qualification_failures
    assert assessed(facts_example(money={"savings": "30000"})).qualification_failures[0] == "Q-SAVINGS"
    owner = assessed(facts_example(money={"owns_property": "yes", "property_can_live_in": "yes"}))
    assert owner.qualification_failures[0] == "Q-HOMEOWNER"
    cannot_live_there = assessed(facts_example(money={"owns_property": "yes", "property_can_live_in": "no"}))
    assert "Q-HOMEOWNER" not in cannot_live_there.qualification_failures
    assert "X-OWNER-NO-ACCESS" in cannot_live_there.exemptions


def test_rent_arrears_reduce_preference_unless_a_plan_is_kept():
    debt = {"rent_arrears": "yes", "arrears_amount": "600", "arrears_plan": "no"}
    reduced = assessed(facts_example(people=family(), tenancy=debt))
    assert reduced.band == 4 and "L-REDUCED" in reduced.reasons  # spec 7.2 B6: £600 is over £500
    kept = assessed(facts_example(people=family(), tenancy={**debt, "arrears_plan": "yes"}))
    assert kept.band == 2
    small = assessed(facts_example(people=family(), tenancy={**debt, "arrears_amount": "499"}))
    assert small.band == 2


def test_a_child_who_needs_a_room_of_their_own():
    girls = [
        facts_example()["people"][0],
        member("p2", "child", "Ivy", "2019-01-01", "female"),
        member("p3", "child", "Jo", "2021-01-01", "female"),
    ]
    assert assessed(facts_example(people=girls)).bedroom_need == 2  # the applicant 1, two girls under 10 share
    own_room = facts_example(people=girls, health={"own_room": "yes", "own_room_person": "p3"})
    assert [p.needs_own_room for p in case_of(own_room).people] == [False, False, True]
    assert assessed(own_room).bedroom_need == 3


def test_health_and_safety_answers():
    health = {"health_problem": "yes", "medical_form": "yes", "overnight_carer": "yes"}
    case = case_of(facts_example(health=health))
    assert case.overnight_carer is True and assess(case, SCHEME).bedroom_need == 2
    assert case.officer_assessments.medical_welfare is None  # a medical award is an officer's decision
    leaver = facts_example(people=[{**facts_example()["people"][0], "date_of_birth": "2004-01-01"}])
    leaver["answers"]["safety"]["care_leaver"] = "yes"
    assert "X-CL" in assessed(leaver).exemptions
    abuse = case_of(facts_example(safety={"domestic_abuse": "yes", "abuse_need_move": "yes"}))
    assert abuse.domestic_abuse_needs_move is True and abuse.officer_assessments.urgent_risk_of_harm is False
    staying = case_of(facts_example(safety={"domestic_abuse": "yes", "abuse_need_move": "no"}))
    assert staying.domestic_abuse_needs_move is False


@pytest.mark.parametrize(
    "facts",
    [{}, {"people": []}, {"people": [{"full_name": "Ann"}]}, {"people": None, "addresses": "x", "answers": []}],
)
def test_a_draft_with_almost_nothing_still_gives_a_case(facts):
    case = case_of(facts)
    applicant = case.applicant
    assert age_on(applicant.date_of_birth, AS_AT) == 30 and applicant.sex == "female"
    assert case.registration_date == AS_AT and case.finances.gross_annual_income == 0
    assert case.current_home.type == "other" and case.current_home.bedrooms_available is None
    result = assess(case, SCHEME)
    assert result.bedroom_need == 1 and result.band is None


def test_people_without_dates_of_birth_or_ids():
    people = [
        {"relationship": "applicant"},
        {"relationship": "child", "id": "p9"},
        {"relationship": "sibling", "id": "p9"},
        {"relationship": "mystery"},
    ]
    case = case_of({"people": people})
    assert [p.id for p in case.people] == ["person-1", "p9", "person-3", "person-4"]
    assert [p.role for p in case.people] == ["applicant", "child", "other", "other"]
    assert [age_on(p.date_of_birth, AS_AT) for p in case.people] == [30, 5, 30, 30]


@pytest.mark.parametrize("bad", ["2026-02-30", "yesterday", "20261120", "2026-1-5", "", 20261120, None, "2030-01-01"])
def test_an_invalid_date_of_birth_is_treated_as_missing(bad):
    with_bad = facts_example(people=family())
    with_bad["people"][2]["date_of_birth"] = bad
    missing = facts_example(people=family())
    del missing["people"][2]["date_of_birth"]
    assert case_of(with_bad) == case_of(missing)
    assert age_on(case_of(with_bad).people[2].date_of_birth, AS_AT) == 5


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("current_home", "must_leave_date"),
        ("household", "due_date"),
        ("addresses", "work_since"),
        ("safety", "forces_discharge_date"),
    ],
)
@pytest.mark.parametrize("bad", ["2026-13-01", "soon", "2026/01/01", 7])
def test_any_invalid_date_answer_is_treated_as_missing(section, key, bad):
    answers = {
        "current_home": {"must_leave": "yes"},
        "household": {"pregnant": "yes"},
        "addresses": {"work_in_area": "yes"},
        "safety": {"armed_forces": "left"},
    }
    with_bad = facts_example(**{section: {**answers[section], key: bad}})
    missing = facts_example(**{section: answers[section]})
    assert case_of(with_bad) == case_of(missing)
    assert case_of(facts_example(submitted_on="2026-11-31")).registration_date == AS_AT


@pytest.mark.parametrize("bad", ["lots", "-5", "1e9", True, "NaN", [1]])
def test_invalid_money_is_treated_as_missing(bad):
    case = case_of(facts_example(money={"income": bad, "savings": bad}))
    assert (case.finances.gross_annual_income, case.finances.savings) == (0, 0)
    assert case_of(facts_example(money={"income": "£18,500.50"})).finances.gross_annual_income == Decimal("18500.50")
