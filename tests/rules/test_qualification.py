"""Qualification (spec 4): tests Q1 to Q7 in order, local connection routes R1 to R4, exemptions."""

from __future__ import annotations

import pytest

from .assess_support import base_case, run_json

# A household with a housing need (short of one bedroom) so that only the test in hand can fail.
NEED = {"current_home": {"type": "private_rented", "bedrooms_available": 0}}


def qualify(**changes):
    out = run_json(base_case(**{**NEED, **changes}))
    assert out["eligible"] is True
    return out["qualifies"], out["qualification_failures"]


def failures(**changes):
    return qualify(**changes)[1]


def exemptions(**changes):
    return run_json(base_case(**{**NEED, **changes}))["exemptions"]


def test_a_plain_household_with_need_qualifies():
    assert qualify() == (True, [])


@pytest.mark.parametrize(
    ("born", "fails"),
    [
        ("2009-06-02", True),  # 15: the day before the 16th birthday
        ("2009-06-01", False),  # 16 on registration_date
        ("2009-05-31", False),
    ],
)
def test_q1_minimum_age_on_registration_date(born, fails):
    people = [{"id": "p1", "role": "applicant", "date_of_birth": born, "sex": "female"}]
    assert ("Q-AGE" in failures(people=people)) is fails


@pytest.mark.parametrize(
    ("registered", "min_age", "fails"),
    [
        ("2024-02-28", 16, True),  # a leap year: 16 on 29 February
        ("2024-02-29", 16, False),
        ("2025-02-28", 17, True),  # a common year: 17 only on 1 March
        ("2025-03-01", 17, False),
    ],
)
def test_q1_born_on_29_february(registered, min_age, fails):
    people = [{"id": "p1", "role": "applicant", "date_of_birth": "2008-02-29", "sex": "female"}]
    result = failures(people=people, registration_date=registered, overrides={"min_age": min_age})
    assert ("Q-AGE" in result) is fails


def test_q1_is_taken_on_registration_date_not_as_at():
    people = [{"id": "p1", "role": "applicant", "date_of_birth": "2009-03-01", "sex": "female"}]
    assert failures(people=people, registration_date="2025-02-28", as_at="2025-06-01") == ["Q-AGE"]


def test_q1_counts_only_eligible_applicants():
    young_joint = {"id": "p2", "role": "joint_applicant", "date_of_birth": "2010-01-01", "sex": "male"}
    people = [{"id": "p1", "role": "applicant", "date_of_birth": "1990-01-01", "sex": "female"}, young_joint]
    assert failures(people=people) == ["Q-AGE"]
    young_joint["immigration"] = {"habitually_resident": False}
    assert failures(people=people) == []
    assert failures(people=people[:1] + [{**young_joint, "role": "child", "immigration": None}]) == []


def test_q2_home_owner_and_the_owner_exception():
    assert failures(finances={"owns_property": True}) == ["Q-HOMEOWNER"]
    assert failures(current_home={"type": "owner_occupier", "bedrooms_available": 0}) == ["Q-HOMEOWNER"]
    assert failures(finances={"owns_property": True, "property_inaccessible": True}) == []
    assert exemptions(finances={"owns_property": True, "property_inaccessible": True}) == ["X-OWNER-NO-ACCESS"]
    assert exemptions(finances={"property_inaccessible": True}) == []  # no property, nothing to exempt
    assert failures(finances={"owns_property": True}, overrides={"homeowner_excluded": False}) == []


def test_q3_behaviour():
    assert failures(behaviour={"serious_unacceptable_behaviour": True}) == ["Q-BEHAVIOUR"]
    assert (
        failures(
            behaviour={"serious_unacceptable_behaviour": True}, overrides={"unacceptable_behaviour_excluded": False}
        )
        == []
    )


@pytest.mark.parametrize(
    ("income", "fails"), [(50000, True), (50000.00, True), (49999.99, False), (49999, False), (50000.01, True)]
)
def test_q4_income_must_be_strictly_less_than_the_cap(income, fails):
    assert failures(finances={"gross_annual_income": income}) == (["Q-INCOME"] if fails else [])


@pytest.mark.parametrize(("savings", "fails"), [(30000, True), (29999, False), (29999.99, False), (30000.01, True)])
def test_q5_savings_must_be_strictly_less_than_the_cap(savings, fails):
    assert failures(finances={"savings": savings}) == (["Q-SAVINGS"] if fails else [])


def test_hampshire_caps():
    assert failures(scheme="hampshire", finances={"gross_annual_income": 59999, "savings": 15999}) == []
    assert failures(scheme="hampshire", finances={"gross_annual_income": 60000, "savings": 16000}) == [
        "Q-INCOME",
        "Q-SAVINGS",
    ]


def test_every_failure_is_reported_in_order():
    people = [{"id": "p1", "role": "applicant", "date_of_birth": "2012-01-01", "sex": "male"}]
    result = qualify(
        people=people,
        current_home={"type": "owner_occupier", "bedrooms_available": 5},
        behaviour={"serious_unacceptable_behaviour": True},
        finances={"gross_annual_income": 90000, "savings": 90000},
        local_connection={"lived_in_district_since": None},
    )
    assert result == (
        False,
        ["Q-AGE", "Q-HOMEOWNER", "Q-BEHAVIOUR", "Q-INCOME", "Q-SAVINGS", "Q-LOCAL-CONNECTION", "Q-HOUSING-NEED"],
    )


@pytest.mark.parametrize(("since", "fails"), [("2023-06-01", False), ("2023-06-02", True), (None, True)])
def test_r1_residence_at_the_month_boundary(since, fails):
    assert failures(local_connection={"lived_in_district_since": since}) == (["Q-LOCAL-CONNECTION"] if fails else [])


def test_r1_with_month_ends():
    # add_months(2023-05-31, 24) = 2025-05-31
    assert (
        failures(
            local_connection={"lived_in_district_since": "2023-05-31"},
            registration_date="2025-05-31",
            as_at="2025-06-01",
        )
        == []
    )
    assert failures(
        local_connection={"lived_in_district_since": "2023-05-31"}, registration_date="2025-05-30", as_at="2025-06-01"
    ) == ["Q-LOCAL-CONNECTION"]


def work(since="2023-06-01", hours=16, permanent=True):
    return {
        "lived_in_district_since": None,
        "employment_in_district": {"since": since, "hours_per_week": hours, "permanent": permanent},
    }


@pytest.mark.parametrize(
    ("job", "fails"),
    [
        (work(), False),
        (work(since="2023-06-02"), True),  # 23 whole months
        (work(hours=15.99), True),
        (work(hours=16.0), False),
        (work(permanent=False), True),
    ],
)
def test_r2_employment(job, fails):
    assert failures(local_connection=job) == (["Q-LOCAL-CONNECTION"] if fails else [])


def test_r2_permanence_and_hours_are_scheme_parameters():
    overrides = {"employment_must_be_permanent": False, "employment_min_hours_week": 10, "employment_months": 12}
    assert failures(local_connection=work(since="2024-06-01", hours=10, permanent=False), overrides=overrides) == []


@pytest.mark.parametrize(("since", "fails"), [("2020-06-01", False), ("2020-06-02", True)])
def test_r3_close_family_in_hampshire(since, fails):
    connection = {"lived_in_district_since": None, "close_family_in_district_since": since}
    assert failures(scheme="hampshire", local_connection=connection) == (["Q-LOCAL-CONNECTION"] if fails else [])


def test_r3_is_off_in_the_default_scheme():
    connection = {"lived_in_district_since": None, "close_family_in_district_since": "2000-01-01"}
    assert failures(local_connection=connection) == ["Q-LOCAL-CONNECTION"]
    assert failures(local_connection=connection, overrides={"close_family_years": 5}) == []


def test_r4_medical_connection():
    connection = {"lived_in_district_since": None, "medical_connection": True}
    assert failures(local_connection=connection) == []
    assert failures(local_connection=connection, overrides={"medical_connection_route": False}) == [
        "Q-LOCAL-CONNECTION"
    ]


NO_CONNECTION = {"lived_in_district_since": None}


def forces(status, **facts):
    return {"local_connection": NO_CONNECTION, "armed_forces": {"status": status, **facts}}


@pytest.mark.parametrize(
    ("discharged", "exempt"),
    [
        ("2020-06-01", True),  # registration_date = add_months(discharge, 60): no more than 5 years
        ("2020-05-31", False),
        ("2025-01-01", True),
    ],
)
def test_x_af_former_regular_60_month_window(discharged, exempt):
    changes = forces("former_regular", discharge_date=discharged)
    assert exemptions(**changes) == (["X-AF"] if exempt else [])
    assert failures(**changes) == ([] if exempt else ["Q-LOCAL-CONNECTION"])
    assert exemptions(**changes, overrides={"af_extend_exemption": True}) == ["X-AF"]


def test_x_af_window_from_29_february():
    # add_months(2020-02-29, 60) = 2025-02-28
    changes = forces("former_regular", discharge_date="2020-02-29")
    assert exemptions(**changes, registration_date="2025-02-28") == ["X-AF"]
    assert exemptions(**changes, registration_date="2025-03-01") == []


@pytest.mark.parametrize(
    ("status", "injury", "exempt"),
    [
        ("serving_regular", False, True),
        ("bereaved_partner", False, True),
        ("serving_reservist", False, False),
        ("serving_reservist", True, True),
        ("former_reservist", False, False),
        ("former_reservist", True, True),
        ("none", True, False),
    ],
)
def test_x_af_other_groups(status, injury, exempt):
    assert exemptions(**forces(status, service_attributable_injury=injury)) == (["X-AF"] if exempt else [])


@pytest.mark.parametrize(
    ("home", "hardship", "exempt"),
    [
        ("council_tenant", True, True),
        ("housing_association_tenant", True, True),
        ("private_rented", True, False),
        ("council_tenant", False, False),
    ],
)
def test_x_rtm_needs_a_social_tenant_and_m_hard(home, hardship, exempt):
    changes = {
        "right_to_move": True,
        "current_home": {"type": home, "bedrooms_available": 0},
        "officer_assessments": {"hardship_locality": hardship},
        "local_connection": NO_CONNECTION,
    }
    assert exemptions(**changes) == (["X-RTM"] if exempt else [])


def test_x_da_applies_on_any_date():
    assert exemptions(
        domestic_abuse_needs_move=True,
        local_connection=NO_CONNECTION,
        as_at="2024-01-01",
        registration_date="2024-01-01",
    ) == ["X-DA"]


@pytest.mark.parametrize(("born", "exempt"), [("2000-06-02", True), ("2000-06-01", False)])
def test_x_cl_care_leaver_under_25_on_registration_date(born, exempt):
    people = [{"id": "p1", "role": "applicant", "date_of_birth": born, "sex": "female"}]
    assert exemptions(people=people, care_leaver=True) == (["X-CL"] if exempt else [])


def test_local_exemptions_are_switched_by_the_scheme():
    care = {"local_connection": {"lived_in_district_since": None, "needs_to_move_for_care": True}}
    placed = {"local_connection": NO_CONNECTION, "homelessness": {"duty": "relief", "placed_outside_district": True}}
    assert exemptions(**care) == ["X-CARE"]
    assert exemptions(**placed) == ["X-PLACED"]
    assert exemptions(**placed, overrides={"local_exemptions": ["care_or_support"]}) == []
    assert failures(**care, overrides={"local_exemptions": ["placed_outside_district"]}) == ["Q-LOCAL-CONNECTION"]
    # X-PLACED needs a recorded duty.
    assert exemptions(local_connection=NO_CONNECTION, homelessness={"placed_outside_district": True}) == []


def test_exemptions_are_reported_even_when_not_needed_and_sorted():
    out = exemptions(
        domestic_abuse_needs_move=True,
        armed_forces={"status": "serving_regular"},
        local_connection={"needs_to_move_for_care": True},
    )
    assert out == ["X-AF", "X-CARE", "X-DA"]


def test_q7_housing_need():
    no_need = {"current_home": {"type": "private_rented", "bedrooms_available": 1}}
    assert failures(**no_need) == ["Q-HOUSING-NEED"]
    out = run_json(base_case(**no_need, overrides={"housing_need_required": False}))
    assert (out["qualifies"], out["band"], out["reasons"]) == (True, 4, ["L-NORP"])


def test_q7_counts_reasons_after_the_restricted_person_disregard():
    homelessness = {"duty": "main", "only_because_of_restricted_person": True}
    out = run_json(base_case(homelessness=homelessness, current_home={"bedrooms_available": 1}))
    assert (out["qualification_failures"], out["reasons"]) == (["Q-HOUSING-NEED"], [])


def test_a_household_that_does_not_qualify_still_reports_its_reasons():
    out = run_json(base_case(**NEED, finances={"savings": 40000}))
    assert (out["qualifies"], out["band"], out["reasons"], out["priority_date"]) == (False, None, ["M-LACK1"], None)
