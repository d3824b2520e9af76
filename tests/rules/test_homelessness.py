"""Homelessness referrals and the recontact date (spec 9)."""

from __future__ import annotations

import pytest

from .assess_support import base_case, run_json


def referrals(**changes):
    out = run_json(base_case(**changes))
    return out["referrals"], out["recontact_date"]


@pytest.mark.parametrize(
    ("must_leave_by", "referred", "recontact"),
    [
        ("2025-07-27", True, None),  # 56 days after as_at
        ("2025-07-28", False, "2025-06-02"),  # 57 days: threatened with homelessness from the next day
        ("2025-06-01", True, None),  # today
        ("2025-05-01", True, None),  # the date has passed
        ("2026-06-01", False, "2026-04-06"),
    ],
)
def test_must_leave_by_and_the_56_day_window(must_leave_by, referred, recontact):
    result = referrals(homelessness={"must_leave_by": must_leave_by})
    assert result == ((["housing_options"] if referred else []), recontact)


def test_the_notice_window_is_a_scheme_parameter():
    assert referrals(homelessness={"must_leave_by": "2025-06-30"}, overrides={"homelessness_notice_days": 28}) == (
        [],
        "2025-06-02",
    )
    assert referrals(homelessness={"must_leave_by": "2025-06-29"}, overrides={"homelessness_notice_days": 28}) == (
        ["housing_options"],
        None,
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"current_home": {"type": "rough_sleeping"}},
        {"current_home": {"type": "sofa_surfing"}},
        {"homelessness": {"nowhere_to_stay_tonight": True}},
        {"homelessness": {"cannot_stay_where_they_are": True}},
    ],
)
def test_other_housing_options_triggers(changes):
    assert referrals(**changes) == (["housing_options"], None)


def test_a_recorded_duty_alone_is_not_a_trigger():
    assert referrals(homelessness={"duty": "main"}) == ([], None)


def applicant_born(born):
    return [{"id": "p1", "role": "applicant", "date_of_birth": born, "sex": "female"}]


@pytest.mark.parametrize(
    ("born", "changes", "expected"),
    [
        ("2009-06-02", {}, ["childrens_services"]),  # 15, the day before the 16th birthday
        ("2009-06-01", {}, []),  # 16 with no trigger and no duty
        ("2009-06-01", {"homelessness": {"duty": "relief"}}, ["childrens_services"]),
        ("2007-06-02", {"homelessness": {"nowhere_to_stay_tonight": True}}, ["childrens_services", "housing_options"]),
        ("2007-06-01", {"homelessness": {"nowhere_to_stay_tonight": True}}, ["housing_options"]),  # 18
        ("2007-06-01", {"homelessness": {"duty": "relief"}}, []),
    ],
)
def test_childrens_services(born, changes, expected):
    assert referrals(people=applicant_born(born), **changes)[0] == expected


@pytest.mark.parametrize(("as_at", "expected"), [("2026-02-28", ["childrens_services"]), ("2026-03-01", [])])
def test_childrens_services_for_an_applicant_born_on_29_february(as_at, expected):
    # Born 2008-02-29: still 17 on 28 February 2026, 18 on 1 March 2026.
    changes = {"people": applicant_born("2008-02-29"), "homelessness": {"duty": "relief"}}
    assert referrals(as_at=as_at, registration_date="2025-01-01", **changes)[0] == expected
