"""Officers' findings: read tolerantly from JSON or a form, kept as JSON, and put into a case."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.application.to_case import case_from_facts
from portal.rules.assess import assess
from portal.rules.determination.findings import (
    FINDING_FLAGS,
    MEDICAL_AWARDS,
    Findings,
    apply_findings,
    findings_from,
    findings_in,
    findings_to_mapping,
)
from portal.rules.household import DUTIES
from tests.rules.application_facts import AS_AT, SCHEME, facts_example, family

AWARDED = dt.date(2026, 10, 1)


def a_case(**sections: dict[str, object]):
    return case_from_facts(facts_example(**sections), AS_AT, SCHEME)


def test_every_yes_or_no_finding_has_one_label() -> None:
    flags = [field.name for field in dataclasses.fields(Findings) if field.type in ("bool", bool)]
    assert [name for name, _ in FINDING_FLAGS] == flags
    assert all(label and label[0].isupper() for _, label in FINDING_FLAGS)
    assert MEDICAL_AWARDS == ("none", "medium", "high", "urgent")


def test_findings_from_reads_a_form_and_stored_json() -> None:
    found = findings_from(
        {
            "medical_welfare": "high",
            "medical_awarded_on": "2026-10-01",
            "urgent_risk_of_harm": "yes",
            "category1_hazard": True,
            "hazard_cannot_be_remedied": "on",
            "homelessness_duty": "relief",
            "duty_date": dt.date(2026, 9, 3),
            "move_on_ready": "no",
        }
    )
    assert found == Findings(
        medical_welfare="high",
        medical_awarded_on=AWARDED,
        urgent_risk_of_harm=True,
        category1_hazard=True,
        hazard_cannot_be_remedied=True,
        homelessness_duty="relief",
        duty_date=dt.date(2026, 9, 3),
    )


def test_findings_from_ignores_unknown_keys_and_bad_values() -> None:
    found = findings_from(
        {
            "medical_welfare": "very high",
            "medical_awarded_on": "2026-02-30",
            "homelessness_duty": "main duty",
            "duty_date": 20260901,
            "prohibition_order": "perhaps",
            "urgent_risk_of_harm": 1,
            "band": 1,
        }
    )
    assert found == Findings()
    assert findings_from({}) == Findings()
    assert findings_from(None) == Findings()  # type: ignore[arg-type]


def test_findings_round_trip_through_json() -> None:
    findings = Findings(
        medical_welfare="urgent",
        medical_awarded_on=AWARDED,
        homelessness_duty="main",
        duty_date=dt.date(2026, 8, 1),
        prohibition_order=True,
        right_to_move_confirmed=True,
    )
    stored = json.loads(json.dumps(findings_to_mapping(findings)))
    assert stored["medical_awarded_on"] == "2026-10-01"
    assert stored["duty_date"] == "2026-08-01"
    assert findings_from(stored) == findings


@settings(max_examples=200, deadline=None)
@given(
    st.builds(
        Findings,
        medical_welfare=st.sampled_from(MEDICAL_AWARDS),
        medical_awarded_on=st.none() | st.dates(),
        homelessness_duty=st.none() | st.sampled_from(DUTIES),
        duty_date=st.none() | st.dates(),
        **{name: st.booleans() for name, _ in FINDING_FLAGS},
    )
)
def test_any_findings_survive_storage(findings: Findings) -> None:
    assert findings_from(json.loads(json.dumps(findings_to_mapping(findings)))) == findings


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([f.name for f in dataclasses.fields(Findings)]) | st.text(max_size=5),
        st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.dates() | st.floats(),
    )
)
def test_findings_from_never_raises(data: dict[str, object]) -> None:
    found = findings_from(data)
    assert found.medical_welfare in MEDICAL_AWARDS
    assert found.homelessness_duty is None or found.homelessness_duty in DUTIES


def test_apply_findings_puts_each_finding_where_the_rules_read_it() -> None:
    case = apply_findings(
        a_case(),
        Findings(
            medical_welfare="medium",
            medical_awarded_on=AWARDED,
            urgent_risk_of_harm=True,
            move_on_ready=True,
            hardship_locality=True,
            category1_hazard=True,
            hazard_cannot_be_remedied=True,
            prohibition_order=True,
            lacks_basic_amenities=True,
            homelessness_duty="prevention",
            duty_date=AWARDED,
            duty_only_because_of_restricted_person=True,
            serious_unacceptable_behaviour=True,
            property_inaccessible=True,
            medical_connection=True,
            right_to_move_confirmed=True,
            needs_to_move_for_care=True,
        ),
    )
    officer = case.officer_assessments
    assert (officer.medical_welfare, officer.medical_welfare_awarded) == ("medium", AWARDED)
    assert officer.urgent_risk_of_harm and officer.move_on_ready and officer.hardship_locality
    home = case.current_home
    assert home.category1_hazard and home.hazard_cannot_be_remedied and home.prohibition_order
    assert home.lacks_basic_amenities
    assert home.type == "private_rented" and home.bedrooms_available == 1  # the rest of the home is kept
    assert case.homelessness.duty == "prevention" and case.homelessness.duty_date == AWARDED
    assert case.homelessness.only_because_of_restricted_person
    assert case.behaviour.serious_unacceptable_behaviour
    assert case.finances.property_inaccessible
    assert case.local_connection.medical_connection and case.local_connection.needs_to_move_for_care
    assert case.local_connection.lived_in_district_since == dt.date(2015, 1, 5)
    assert case.right_to_move


def test_no_medical_award_means_no_award_date_and_no_duty_means_no_duty_date() -> None:
    case = apply_findings(a_case(), Findings(medical_awarded_on=AWARDED, duty_date=AWARDED))
    assert case.officer_assessments.medical_welfare is None
    assert case.officer_assessments.medical_welfare_awarded is None
    assert case.homelessness.duty is None and case.homelessness.duty_date is None


def test_findings_replace_what_the_applicant_said() -> None:
    """The applicant said they need to move here for care; an officer who does not find it takes it away."""
    case = a_case(addresses={"care_move": "yes"}, money={"owns_property": "yes", "property_can_live_in": "no"})
    assert case.local_connection.needs_to_move_for_care and case.finances.property_inaccessible
    told = findings_in(case)
    assert told.needs_to_move_for_care and told.property_inaccessible
    assert apply_findings(case, told) == case
    checked = apply_findings(case, Findings())
    assert not checked.local_connection.needs_to_move_for_care
    assert not checked.finances.property_inaccessible
    assert "Q-HOMEOWNER" not in assess(case, SCHEME).qualification_failures
    assert "Q-HOMEOWNER" in assess(checked, SCHEME).qualification_failures


def test_findings_in_a_case_with_findings_gives_them_back() -> None:
    findings = Findings(medical_welfare="high", medical_awarded_on=AWARDED, homelessness_duty="main", duty_date=AWARDED)
    case = apply_findings(case_from_facts(facts_example(people=family()), AS_AT, SCHEME), findings)
    assert findings_in(case) == findings
