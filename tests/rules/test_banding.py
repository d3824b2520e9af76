"""Reason codes and bands (spec 7): B1 collect, B2 disregard, B3 base, B4 cumulative, B5 Armed Forces, B6 reduced."""

from __future__ import annotations

import pytest

from .assess_support import base_case, family, run_json

ENOUGH_ROOM = {"type": "private_rented", "bedrooms_available": 1}


def banding(**changes):
    changes.setdefault("current_home", ENOUGH_ROOM)
    out = run_json(base_case(**changes))
    return out["band"], out["reasons"]


def home(**fields):
    return {**ENOUGH_ROOM, **fields}


@pytest.mark.parametrize(
    ("changes", "band", "reasons"),
    [
        ({"officer_assessments": {"medical_welfare": "urgent"}}, 1, ["U-MED"]),
        ({"current_home": home(prohibition_order=True)}, 1, ["U-HAZ"]),
        ({"current_home": home(category1_hazard=True, hazard_cannot_be_remedied=True)}, 1, ["U-HAZ"]),
        ({"current_home": home(hazard_cannot_be_remedied=True)}, None, []),
        ({"officer_assessments": {"urgent_risk_of_harm": True}}, 1, ["U-RISK"]),
        ({"decant": True}, 1, ["U-DECANT"]),
        ({"homelessness": {"duty": "main"}}, 2, ["H-MAIN"]),
        ({"homelessness": {"duty": "non_cooperation"}}, 2, ["H-MAIN"]),
        ({"current_home": home(bedrooms_available=0), "overnight_carer": True}, 2, ["H-LACK2"]),
        ({"officer_assessments": {"medical_welfare": "high"}}, 2, ["H-MED"]),
        ({"officer_assessments": {"move_on_ready": True}}, 2, ["H-MOVEON"]),
        ({"homelessness": {"duty": "prevention"}}, 3, ["M-HOML"]),
        ({"homelessness": {"duty": "relief"}}, 3, ["M-HOML"]),
        ({"homelessness": {"duty": "intentional_priority"}}, 3, ["M-HOML"]),
        ({"current_home": home(bedrooms_available=0)}, 3, ["M-LACK1"]),
        ({"current_home": home(shares_kitchen_or_bathroom_with_other_household=True)}, 3, ["M-SHARE"]),
        ({"current_home": home(category1_hazard=True)}, 3, ["M-COND"]),
        ({"current_home": home(lacks_basic_amenities=True)}, 3, ["M-COND"]),
        ({"officer_assessments": {"medical_welfare": "medium"}}, 3, ["M-MED"]),
        ({"officer_assessments": {"hardship_locality": True}}, 3, ["M-HARD"]),
    ],
)
def test_each_reason_code(changes, band, reasons):
    assert banding(**changes) == (band, reasons)


def test_u_stat_replaces_the_bedrooms_lacking_codes():
    rooms = [{"kind": "bedroom", "area_sqft": 120}, {"kind": "living_room", "area_sqft": 150}]
    data = family(
        ("2013-01-01", "female"), ("2014-01-01", "male"), current_home={"bedrooms_available": 1, "rooms": rooms}
    )
    out = run_json(data)
    assert (out["bedrooms_lacking"], out["statutory_overcrowding"], out["reasons"]) == (2, True, ["U-STAT"])


def test_u_haz_replaces_m_cond():
    assert banding(current_home=home(category1_hazard=True, prohibition_order=True)) == (1, ["U-HAZ"])


def test_m_share_is_never_for_living_with_family():
    changes = {
        "current_home": {
            "type": "living_with_family",
            "bedrooms_available": 1,
            "shares_kitchen_or_bathroom_with_other_household": True,
        }
    }
    assert banding(**changes) == (None, [])


@pytest.mark.parametrize("home_type", ["hostel", "temporary_accommodation", "refuge"])
def test_current_home_reasons_are_not_collected_where_the_home_is_not_assessed(home_type):
    current = {
        "type": home_type,
        "shares_kitchen_or_bathroom_with_other_household": True,
        "category1_hazard": True,
        "prohibition_order": True,
        "lacks_basic_amenities": True,
        "rooms": [{"kind": "bedroom", "area_sqft": 10}],
    }
    assert banding(current_home=current, people=family(("2013-01-01", "female"))["people"]) == (None, [])


@pytest.mark.parametrize(
    ("home_type", "bedrooms", "downsizing", "reasons"),
    [
        ("council_tenant", 3, "council", ["U-UNDER2"]),
        ("housing_association_tenant", 3, "partner", ["U-UNDER2"]),
        ("council_tenant", 2, "council", ["H-UNDER1"]),
        ("housing_association_tenant", 2, "council", ["H-UNDER1"]),
        ("council_tenant", 1, "council", []),
        ("council_tenant", 3, None, []),
        ("private_rented", 3, "council", []),
    ],
)
def test_downsizing(home_type, bedrooms, downsizing, reasons):
    changes = {"current_home": {"type": home_type, "bedrooms_available": bedrooms}, "downsizing": downsizing}
    assert banding(**changes)[1] == reasons


def test_surplus_uses_the_sc_need_even_under_bs():
    # Mother with girls 17 and 14 in a 3-bed: SC need 3, BS need 2. Surplus is 0 under SC, so no H-UNDER1.
    people = [
        {"id": "p1", "role": "applicant", "date_of_birth": "1981-05-05", "sex": "female"},
        {"id": "c1", "role": "child", "date_of_birth": "2007-09-15", "sex": "female"},
        {"id": "c2", "role": "child", "date_of_birth": "2010-11-02", "sex": "female"},
    ]
    changes = {
        "people": people,
        "current_home": {"type": "council_tenant", "bedrooms_available": 3},
        "downsizing": "council",
    }
    assert banding(**changes, overrides={"bedroom_model": "BS"}) == (None, [])


@pytest.mark.parametrize("duty", ["main", "non_cooperation", "relief", "prevention"])
def test_b2_removes_the_homelessness_reasons_for_a_restricted_person(duty):
    changes = {
        "homelessness": {"duty": duty, "only_because_of_restricted_person": True},
        "officer_assessments": {"medical_welfare": "medium"},
    }
    assert banding(**changes) == (3, ["M-MED"])


@pytest.mark.parametrize(
    ("changes", "band", "reasons"),
    [
        # Band 3 from two groups (C and M) goes up to 2.
        (
            {"current_home": home(bedrooms_available=0), "officer_assessments": {"medical_welfare": "medium"}},
            2,
            ["ADJ-CUMULATIVE", "M-LACK1", "M-MED"],
        ),
        # Two band 3 reasons from the same group (C) stay at 3.
        (
            {"current_home": home(bedrooms_available=0, shares_kitchen_or_bathroom_with_other_household=True)},
            3,
            ["M-LACK1", "M-SHARE"],
        ),
        # Groups E and H.
        (
            {"officer_assessments": {"hardship_locality": True}, "homelessness": {"duty": "relief"}},
            2,
            ["ADJ-CUMULATIVE", "M-HARD", "M-HOML"],
        ),
        # Band 2 from groups H and M goes up to 1.
        (
            {"homelessness": {"duty": "main"}, "officer_assessments": {"medical_welfare": "high"}},
            1,
            ["ADJ-CUMULATIVE", "H-MAIN", "H-MED"],
        ),
        # Only the reasons in the base band count: H-MED (band 2) with M-LACK1 (band 3) stays 2.
        (
            {"current_home": home(bedrooms_available=0), "officer_assessments": {"medical_welfare": "high"}},
            2,
            ["H-MED", "M-LACK1"],
        ),
        # Three groups at band 3: one step only.
        (
            {
                "current_home": home(bedrooms_available=0),
                "officer_assessments": {"medical_welfare": "medium", "hardship_locality": True},
                "homelessness": {"duty": "relief"},
            },
            2,
            ["ADJ-CUMULATIVE", "M-HARD", "M-HOML", "M-LACK1", "M-MED"],
        ),
        # Band 1 is never raised.
        (
            {"officer_assessments": {"medical_welfare": "urgent", "urgent_risk_of_harm": True}, "decant": True},
            1,
            ["U-DECANT", "U-MED", "U-RISK"],
        ),
    ],
)
def test_b4_cumulative_need(changes, band, reasons):
    assert banding(**changes) == (band, reasons)


def test_b4_local_priority_does_not_count_as_a_group():
    changes = {
        "current_home": {"type": "council_tenant", "bedrooms_available": 2},
        "downsizing": "council",
        "officer_assessments": {"move_on_ready": True},
    }
    assert banding(**changes) == (2, ["H-MOVEON", "H-UNDER1"])  # M and LOC: one group only


def test_b4_can_be_switched_off():
    changes = {"current_home": home(bedrooms_available=0), "officer_assessments": {"medical_welfare": "medium"}}
    assert banding(**changes, overrides={"cumulative_uplift": False}) == (3, ["M-LACK1", "M-MED"])


FORMER_REGULAR = {"status": "former_regular", "discharge_date": "2010-01-01"}


@pytest.mark.parametrize(
    ("forces", "band", "reasons"),
    [
        (FORMER_REGULAR, 1, ["ADJ-ARMED-FORCES", "H-MED"]),  # discharged at any time
        ({"status": "bereaved_partner"}, 1, ["ADJ-ARMED-FORCES", "H-MED"]),
        ({"status": "serving_regular"}, 2, ["H-MED"]),
        ({"status": "serving_regular", "service_attributable_injury": True}, 1, ["ADJ-ARMED-FORCES", "H-MED"]),
        ({"status": "serving_reservist", "service_attributable_injury": True}, 1, ["ADJ-ARMED-FORCES", "H-MED"]),
        ({"status": "former_reservist", "service_attributable_injury": True}, 1, ["ADJ-ARMED-FORCES", "H-MED"]),
        ({"status": "former_reservist"}, 2, ["H-MED"]),
    ],
)
def test_b5_armed_forces_at_band_2(forces, band, reasons):
    assert banding(armed_forces=forces, officer_assessments={"medical_welfare": "high"}) == (band, reasons)


def test_b5_band_3_is_not_urgent_need_and_stays_3():
    assert banding(armed_forces=FORMER_REGULAR, officer_assessments={"medical_welfare": "medium"}) == (3, ["M-MED"])


def test_b5_band_1_stays_1_with_no_code():
    assert banding(armed_forces=FORMER_REGULAR, officer_assessments={"medical_welfare": "urgent"}) == (1, ["U-MED"])


def test_b4_then_b5():
    changes = {
        "current_home": home(bedrooms_available=0),
        "officer_assessments": {"medical_welfare": "medium"},
        "armed_forces": FORMER_REGULAR,
    }
    assert banding(**changes) == (1, ["ADJ-ARMED-FORCES", "ADJ-CUMULATIVE", "M-LACK1", "M-MED"])


NEED = {"current_home": home(bedrooms_available=0)}


@pytest.mark.parametrize(
    ("arrears", "reduced"),
    [
        ({"amount": 500}, True),
        ({"amount": 499.99}, False),
        ({"amount": 500, "arrangement_kept": True}, False),
        ({"amount": 5000, "arrangement_kept": False}, True),
        ({}, False),
    ],
)
def test_b6_rent_arrears(arrears, reduced):
    result = banding(**NEED, finances={"rent_arrears": arrears})
    assert result == ((4, ["L-REDUCED", "M-LACK1"]) if reduced else (3, ["M-LACK1"]))


def test_b6_arrears_of_zero_never_reduce_even_with_a_zero_threshold():
    assert banding(**NEED, finances={"rent_arrears": {"amount": 0}}, overrides={"reduced_preference_arrears": 0}) == (
        3,
        ["M-LACK1"],
    )
    assert banding(**NEED, finances={"rent_arrears": {"amount": 1}}, overrides={"reduced_preference_arrears": 0}) == (
        4,
        ["L-REDUCED", "M-LACK1"],
    )


def test_b6_deliberate_worsening():
    behaviour = {"deliberate_worsening_within_5_years": True}
    assert banding(**NEED, behaviour=behaviour) == (4, ["L-REDUCED", "M-LACK1"])
    assert banding(**NEED, behaviour=behaviour, overrides={"reduced_preference_deliberate_worsening": False}) == (
        3,
        ["M-LACK1"],
    )


@pytest.mark.parametrize(("refused", "reduced"), [(2, False), (3, True), (4, True)])
def test_b6_refused_offers(refused, reduced):
    result = banding(**NEED, behaviour={"reasonable_offers_refused_last_12_months": refused})
    assert result == ((4, ["L-REDUCED", "M-LACK1"]) if reduced else (3, ["M-LACK1"]))


def test_b6_clears_the_adj_codes():
    changes = {
        "current_home": home(bedrooms_available=0),
        "officer_assessments": {"medical_welfare": "medium"},
        "armed_forces": FORMER_REGULAR,
        "finances": {"rent_arrears": {"amount": 800}},
    }
    assert banding(**changes) == (4, ["L-REDUCED", "M-LACK1", "M-MED"])


def test_b6_needs_a_reason_code():
    changes = {"finances": {"rent_arrears": {"amount": 800}}, "overrides": {"housing_need_required": False}}
    assert banding(**changes) == (4, ["L-NORP"])


def test_reasons_are_sorted_by_character_codes_and_listed_once():
    changes = {
        "current_home": home(
            bedrooms_available=0, category1_hazard=True, shares_kitchen_or_bathroom_with_other_household=True
        ),
        "officer_assessments": {"medical_welfare": "urgent", "move_on_ready": True, "hardship_locality": True},
        "homelessness": {"duty": "main"},
        "decant": True,
    }
    band, reasons = banding(**changes)
    assert band == 1
    assert reasons == sorted(set(reasons))
    assert reasons == ["H-MAIN", "H-MOVEON", "M-COND", "M-HARD", "M-LACK1", "M-SHARE", "U-DECANT", "U-MED"]
