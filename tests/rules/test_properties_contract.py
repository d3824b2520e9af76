"""Properties of the assess contract for any valid case: list order, repeatability and case order."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.rules.assess import Assessment, assess
from portal.rules.contract.assess_io import assessment_to_json, read_case

from .assess_support import as_json, run
from .test_properties import SETTINGS, anniversary, banding_cases, birth_dates, iso, sometimes

Q_ORDER = ("Q-AGE", "Q-HOMEOWNER", "Q-BEHAVIOUR", "Q-INCOME", "Q-SAVINGS", "Q-LOCAL-CONNECTION", "Q-HOUSING-NEED")


@st.composite
def immigration_records(draw: st.DrawFn) -> dict[str, Any] | None:
    if draw(sometimes(2)):
        return None
    return {
        "subject_to_control": draw(st.booleans()),
        "eligibility_class": draw(st.none() | st.sampled_from(list("ABCDEFGHIJKLMNOPQRST"))),
        "has_leave": draw(st.booleans()),
        "no_recourse_to_public_funds": draw(st.booleans()),
        "habitually_resident": draw(st.booleans()),
        "habitual_residence_exempt": draw(st.booleans()),
        "right_to_reside": draw(st.sampled_from(["full", "jobseeker_only", "initial_three_months", "derivative"])),
    }


@st.composite
def valid_cases(draw: st.DrawFn) -> dict[str, Any]:
    """Any valid case: a banding case with random eligibility, qualification, exemption and history facts."""
    data = draw(banding_cases())
    on = dt.date.fromisoformat(data["as_at"])
    registered = dt.date.fromisoformat(data["registration_date"])
    if draw(sometimes(6)):  # an applicant who may be under 16
        data["people"][0]["date_of_birth"] = iso(draw(birth_dates(on, 10, 20)))
    for person in data["people"]:
        if draw(sometimes(4)):
            person["immigration"] = draw(immigration_records())
    data["overrides"]["pd_policy"] = draw(st.sampled_from(["compass", "band_entry", "keep_on_down"]))
    if draw(sometimes(4)):  # around the caps of both schemes
        data["finances"].update(
            gross_annual_income=draw(st.sampled_from([49_999.99, 50_000, 59_999.99, 60_000])),
            savings=draw(st.sampled_from([15_999.99, 16_000, 29_999.99, 30_000])),
        )
    data["finances"].update(owns_property=draw(sometimes(6)), property_inaccessible=draw(sometimes(3)))
    data["behaviour"] = {**data.get("behaviour", {}), "serious_unacceptable_behaviour": draw(sometimes(6))}
    if draw(sometimes(4)):
        data["local_connection"] = {
            "lived_in_district_since": draw(st.none() | st.dates(registered - dt.timedelta(days=1500), on).map(iso)),
            "employment_in_district": draw(
                st.none()
                | st.fixed_dictionaries(
                    {
                        "since": st.dates(registered - dt.timedelta(days=1500), on).map(iso),
                        "hours_per_week": st.sampled_from([0, 15.5, 16, 37.5]),
                        "permanent": st.booleans(),
                    }
                )
            ),
            "close_family_in_district_since": draw(st.none() | st.just(iso(anniversary(registered, 6)))),
            "medical_connection": draw(sometimes(6)),
            "needs_to_move_for_care": draw(sometimes(6)),
        }
    for flag in ("right_to_move", "domestic_abuse_needs_move", "care_leaver"):
        data[flag] = draw(sometimes(4))
    data["homelessness"] = {
        **data.get("homelessness", {}),
        "placed_outside_district": draw(sometimes(4)),
        "nowhere_to_stay_tonight": draw(sometimes(6)),
        "must_leave_by": draw(st.none() | st.dates(on - dt.timedelta(days=30), on + dt.timedelta(days=120)).map(iso)),
    }
    start = min(registered, on - dt.timedelta(days=900))
    history = draw(
        st.lists(
            st.fixed_dictionaries({"date": st.dates(start, on).map(iso), "band": st.none() | st.integers(1, 4)}),
            max_size=5,
        )
    )
    if history:
        data["history"] = history
    return data


def _sorted_once(codes: tuple[str, ...]) -> bool:
    return list(codes) == sorted(set(codes))


@SETTINGS
@given(valid_cases())
def test_lists_are_in_contract_order_and_the_priority_date_goes_with_the_band(data):
    out = run(data)
    assert _sorted_once(out.reasons), out.reasons
    assert _sorted_once(out.exemptions), out.exemptions
    assert _sorted_once(out.eligibility_reasons), out.eligibility_reasons
    assert _sorted_once(out.referrals), out.referrals
    failures = list(out.qualification_failures)
    assert failures == [code for code in Q_ORDER if code in failures], failures
    # contract 2.11: what an ineligible, a non-qualifying and a qualifying household get
    if not out.eligible:
        assert (out.qualifies, failures, out.exemptions, out.reasons) == (None, [], (), ())
    else:
        assert out.qualifies == (not failures)
    assert (out.band is None) == (out.qualifies is not True)
    assert (out.priority_date is None) == (out.band is None)
    if out.priority_date is not None:
        assert (
            dt.date.fromisoformat(data["registration_date"])
            <= out.priority_date
            <= dt.date.fromisoformat(data["as_at"])
        )


# --- 4. determinism -------------------------------------------------------------------------------------


@SETTINGS
@given(valid_cases())
def test_the_same_case_gives_the_same_assessment(data):
    case, scheme = read_case(as_json(data))
    first = assess(case, scheme)
    assert assess(case, scheme) == first
    again_case, again_scheme = read_case(as_json(data))
    assert (again_case, again_scheme) == (case, scheme)
    assert assess(again_case, again_scheme) == first


def _compared(out: Assessment, case_id: str) -> dict[str, Any]:
    fields = assessment_to_json(out, case_id)
    del fields["explanation"]
    return fields


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases(), st.randoms(use_true_random=False))
def test_the_order_of_people_does_not_change_the_result(data, random):
    shuffled = copy.deepcopy(data)
    random.shuffle(shuffled["people"])
    assert _compared(run(shuffled), "T1") == _compared(run(data), "T1")
