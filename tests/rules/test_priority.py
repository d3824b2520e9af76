"""Priority dates (spec 8) for the three pd_policy values."""

from __future__ import annotations

import pytest

from .assess_support import base_case, run_json

LEVEL_FOR_BAND = {1: "urgent", 2: "high", 3: "medium"}
REGISTERED = "2021-04-01"


def priority_date(band, history, policy="compass", registered=REGISTERED):
    changes = {
        "registration_date": registered,
        "history": [{"date": date, "band": earlier} for date, earlier in history],
        "overrides": {"pd_policy": policy},
        "local_connection": {"lived_in_district_since": "2015-01-01"},
    }
    if band == 4:
        changes["overrides"]["housing_need_required"] = False
    else:
        changes["officer_assessments"] = {"medical_welfare": LEVEL_FOR_BAND[band]}
    out = run_json(base_case(**changes))
    assert out["band"] == band
    return out["priority_date"]


def test_no_history_uses_the_registration_date():
    for policy in ("compass", "band_entry", "keep_on_down"):
        for band in (1, 2, 3, 4):
            assert priority_date(band, [], policy) == REGISTERED


@pytest.mark.parametrize("band", [3, 4])
def test_compass_pd_1_bands_3_and_4_use_the_registration_date(band):
    assert priority_date(band, [("2022-01-01", 1), ("2023-01-01", 4)]) == REGISTERED


def test_compass_pd_2_a_move_up_takes_the_date_of_the_change():
    assert priority_date(2, [(REGISTERED, 3)]) == "2025-06-01"
    assert priority_date(1, [(REGISTERED, 3), ("2023-01-01", 2)]) == "2025-06-01"


def test_compass_pd_2_a_move_down_keeps_the_date_the_run_began():
    assert priority_date(2, [(REGISTERED, 3), ("2023-01-01", 1)]) == "2023-01-01"
    assert priority_date(2, [(REGISTERED, 3), ("2022-01-01", 2), ("2023-01-01", 1)]) == "2022-01-01"


def test_a_run_reaching_the_first_assessment_uses_the_registration_date():
    assert priority_date(2, [("2022-01-01", 2), ("2023-01-01", 1)]) == REGISTERED


def test_a_null_band_breaks_the_run():
    assert priority_date(2, [(REGISTERED, 2), ("2023-01-01", None)]) == "2025-06-01"
    assert priority_date(2, [(REGISTERED, 2), ("2022-01-01", None), ("2023-01-01", 2)]) == "2023-01-01"


def test_history_is_put_in_date_order_keeping_the_order_of_equal_dates():
    assert priority_date(2, [("2023-01-01", 1), (REGISTERED, 3)]) == "2023-01-01"
    assert priority_date(2, [(REGISTERED, 3), ("2023-01-01", 3), ("2023-01-01", 2)]) == "2023-01-01"
    assert priority_date(2, [(REGISTERED, 3), ("2023-01-01", 2), ("2023-01-01", 3)]) == "2025-06-01"


def test_the_priority_date_is_never_before_the_registration_date():
    history = [("2020-01-01", 3), ("2020-06-01", 2)]
    assert priority_date(2, history, registered="2021-01-01") == "2021-01-01"


def test_band_entry_uses_the_date_the_household_entered_its_band():
    assert priority_date(3, [(REGISTERED, 4), ("2022-01-01", 3)], "band_entry") == "2022-01-01"
    assert priority_date(2, [(REGISTERED, 3), ("2023-01-01", 1)], "band_entry") == "2025-06-01"
    assert priority_date(3, [(REGISTERED, 3), ("2022-01-01", 3)], "band_entry") == REGISTERED


def test_keep_on_down_keeps_the_date_on_a_move_down_in_every_band():
    assert priority_date(3, [(REGISTERED, 4), ("2022-01-01", 1)], "keep_on_down") == "2022-01-01"
    assert priority_date(4, [(REGISTERED, 3)], "keep_on_down") == REGISTERED
    assert priority_date(4, [(REGISTERED, 4), ("2022-01-01", None), ("2023-01-01", 3)], "keep_on_down") == "2023-01-01"
    assert priority_date(3, [(REGISTERED, 4), ("2022-01-01", 3)], "keep_on_down") == "2022-01-01"


def test_a_band_change_made_by_b4_takes_the_date_of_the_award():
    changes = {
        "registration_date": REGISTERED,
        "history": [{"date": REGISTERED, "band": 3}],
        "current_home": {"type": "private_rented", "bedrooms_available": 0},
        "officer_assessments": {"medical_welfare": "medium", "medical_welfare_awarded": "2025-05-01"},
        "local_connection": {"lived_in_district_since": "2015-01-01"},
    }
    out = run_json(base_case(**changes))
    assert (out["band"], out["priority_date"]) == (2, "2025-06-01")


def test_no_band_no_priority_date():
    out = run_json(base_case(registration_date=REGISTERED, history=[{"date": REGISTERED, "band": 2}]))
    assert out["qualification_failures"] == ["Q-LOCAL-CONNECTION", "Q-HOUSING-NEED"]
    assert (out["band"], out["priority_date"]) == (None, None)
