"""What the rules propose for a determination: each field's value with the sentences that explain it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from portal.rules.application.to_case import case_from_facts
from portal.rules.determination.findings import Findings, apply_findings
from portal.rules.determination.proposal import (
    FIELD_LABELS,
    FIELDS,
    Proposal,
    fields_of_sentence,
    priority_for_band,
    propose,
)
from portal.rules.household import Case, HistoryEntry
from tests.rules.application_facts import AS_AT, SCHEME, address, adult, facts_example, family

NO_FINDINGS = Findings()
AWARDED = dt.date(2026, 11, 1)
REGISTERED = dt.date(2024, 3, 1)


def case_of(people: list[dict[str, Any]] | None = None, **sections: Any) -> Case:
    return case_from_facts(facts_example(people=people, **sections), AS_AT, SCHEME)


def family_case(bedrooms: int = 2, **sections: Any) -> Case:
    """A couple with a boy of 12 and a girl of 9 (they need 3 bedrooms)."""
    return case_of(family(), current_home={"bedrooms": bedrooms}, **sections)


def proposed(case: Case, findings: Findings = NO_FINDINGS) -> Proposal:
    return propose(apply_findings(case, findings), SCHEME)


def values(proposal: Proposal) -> dict[str, object]:
    return {name: proposal.fields[name].value for name in FIELDS}


def rules(proposal: Proposal, field: str) -> list[str]:
    return [sentence.rule for sentence in proposal.fields[field].sentences]


def test_every_field_has_a_label_and_a_proposal() -> None:
    proposal = proposed(family_case())
    assert tuple(proposal.fields) == FIELDS == tuple(FIELD_LABELS)
    assert all(proposal.fields[name].field == name for name in FIELDS)
    assert proposal.registration_date == dt.date(2026, 11, 20)


def test_a_family_short_of_a_bedroom_is_band_3_with_its_reasons() -> None:
    proposal = proposed(family_case())
    assert values(proposal) == {
        "eligibility": True,
        "qualification": True,
        "local_connection": True,
        "bedroom_need": 3,
        "band": 3,
        "priority_date": dt.date(2026, 11, 20),
    }
    assert rules(proposal, "band") == ["7.1 M-LACK1", "7.2 B7"]
    assert rules(proposal, "local_connection") == ["4.2 R1"]
    assert rules(proposal, "qualification") == ["4.2 R1", "4.1"]
    assert rules(proposal, "bedroom_need") == ["5", "6.1"]
    assert rules(proposal, "priority_date") == ["8 PD-1"]
    assert rules(proposal, "eligibility") == ["3"]


def test_a_high_medical_award_moves_the_family_to_band_2_with_the_reason() -> None:
    proposal = proposed(family_case(), Findings(medical_welfare="high", medical_awarded_on=AWARDED))
    band = proposal.fields["band"]
    assert band.value == 2
    texts = [sentence.text() for sentence in band.sentences]
    assert "An officer has found a high medical or welfare need to move. Scheme rule 7.1 H-MED." in texts
    assert texts[-1] == "Your band is band 2. Scheme rule 7.2 B7."
    assert proposal.fields["priority_date"].value == dt.date(2026, 11, 20)
    assert rules(proposal, "priority_date") == ["8 PD-2"]


def test_a_medium_award_of_another_kind_of_need_steps_the_band_up() -> None:
    proposal = proposed(family_case(), Findings(medical_welfare="medium", medical_awarded_on=AWARDED))
    assert proposal.fields["band"].value == 2
    assert "7.2 B4" in rules(proposal, "band")


@pytest.mark.parametrize(
    ("findings", "band", "rule"),
    [
        (Findings(category1_hazard=True), 3, "7.1 M-COND"),
        (Findings(category1_hazard=True, hazard_cannot_be_remedied=True), 1, "7.1 U-HAZ"),
        (Findings(prohibition_order=True), 1, "7.1 U-HAZ"),
        (Findings(lacks_basic_amenities=True), 3, "7.1 M-COND"),
        (Findings(urgent_risk_of_harm=True), 1, "7.1 U-RISK"),
        (Findings(medical_welfare="urgent", medical_awarded_on=AWARDED), 1, "7.1 U-MED"),
        (Findings(move_on_ready=True), 2, "7.1 H-MOVEON"),
        (Findings(hardship_locality=True), 3, "7.1 M-HARD"),
        (Findings(homelessness_duty="main", duty_date=AWARDED), 2, "7.1 H-MAIN"),
        (Findings(homelessness_duty="relief", duty_date=AWARDED), 3, "7.1 M-HOML"),
    ],
)
def test_each_finding_gives_a_single_person_with_no_need_a_band(findings: Findings, band: int, rule: str) -> None:
    single = case_of()
    assert values(proposed(single))["qualification"] is False  # no housing need
    proposal = proposed(single, findings)
    assert proposal.fields["qualification"].value is True
    assert proposal.fields["band"].value == band
    assert rule in rules(proposal, "band")


def test_a_duty_owed_only_because_of_a_restricted_person_does_not_count() -> None:
    findings = Findings(homelessness_duty="main", duty_date=AWARDED, duty_only_because_of_restricted_person=True)
    proposal = proposed(case_of(), findings)
    assert values(proposal)["qualification"] is False
    assert values(proposal)["band"] is None and values(proposal)["priority_date"] is None
    assert "4.1 Q7" in rules(proposal, "qualification")
    assert "7.2 B2" in rules(proposal, "band")


def test_a_duty_changes_the_band_of_a_family() -> None:
    plain = proposed(family_case(1))  # short of 2 bedrooms: band 2
    assert plain.fields["band"].value == 2
    owed = proposed(family_case(1), Findings(homelessness_duty="main", duty_date=AWARDED))
    assert owed.fields["band"].value == 1  # two kinds of band 2 need
    assert {"7.1 H-MAIN", "7.1 H-LACK2", "7.2 B4"} <= set(rules(owed, "band"))


def test_serious_unacceptable_behaviour_means_the_household_does_not_qualify() -> None:
    proposal = proposed(family_case(), Findings(serious_unacceptable_behaviour=True))
    assert values(proposal)["qualification"] is False
    assert values(proposal)["local_connection"] is True
    assert values(proposal)["band"] is None
    assert "4.1 Q3" in rules(proposal, "qualification")


def test_an_ineligible_household_gets_only_the_household_facts() -> None:
    proposal = proposed(case_of([adult("p1", "applicant", "Ann Jones", "1990-04-02", "female", "none")]))
    assert values(proposal) == {
        "eligibility": False,
        "qualification": None,
        "local_connection": None,
        "bedroom_need": 1,
        "band": None,
        "priority_date": None,
    }
    assert "3 E5" in rules(proposal, "eligibility")
    assert rules(proposal, "qualification") == rules(proposal, "band") == []
    assert rules(proposal, "bedroom_need")


def test_no_local_connection_is_explained() -> None:
    proposal = proposed(family_case(history=[address("a1", "2015-01-05", None, in_area="no")]))
    assert values(proposal)["local_connection"] is False
    assert values(proposal)["qualification"] is False
    assert rules(proposal, "local_connection") == ["4.1 Q6"]


def test_an_exemption_counts_as_a_local_connection() -> None:
    elsewhere = [address("a1", "2015-01-05", None, in_area="no")]
    proposal = proposed(family_case(history=elsewhere, safety={"domestic_abuse": "yes", "abuse_need_move": "yes"}))
    assert values(proposal)["local_connection"] is True
    assert "4.3 X-DA" in rules(proposal, "local_connection")
    assert values(proposal)["qualification"] is True


def test_a_medical_connection_found_by_an_officer_is_a_local_connection() -> None:
    elsewhere = [address("a1", "2015-01-05", None, in_area="no")]
    proposal = proposed(family_case(history=elsewhere), Findings(medical_connection=True))
    assert values(proposal)["local_connection"] is True
    assert rules(proposal, "local_connection") == ["4.2 R4"]


def registered_early(*history: tuple[str, int | None]) -> Case:
    case = family_case(submitted_on=REGISTERED.isoformat())
    entries = tuple(HistoryEntry(dt.date.fromisoformat(day), band) for day, band in history)
    return dataclasses.replace(case, history=entries)


HIGH = Findings(medical_welfare="high", medical_awarded_on=AWARDED)
URGENT = Findings(medical_welfare="urgent", medical_awarded_on=AWARDED)


@pytest.mark.parametrize(
    ("history", "findings", "band", "expected"),
    [
        ((), HIGH, 2, REGISTERED),  # no history: the registration date
        ((("2024-03-01", 3),), HIGH, 2, AS_AT),  # a move up takes the date of the change
        ((("2024-03-01", 3), ("2025-06-01", 2)), HIGH, 2, dt.date(2025, 6, 1)),
        ((("2024-03-01", 3), ("2025-06-01", 1), ("2025-12-01", 1)), HIGH, 2, dt.date(2025, 6, 1)),  # down keeps
        ((("2024-03-01", 3), ("2025-06-01", 2)), URGENT, 1, AS_AT),
        ((("2024-03-01", 2), ("2025-06-01", None)), HIGH, 2, AS_AT),  # a gap breaks the run
        ((("2024-03-01", 1), ("2025-06-01", 2)), Findings(), 3, REGISTERED),  # PD-1: bands 3 and 4
    ],
)
def test_priority_date_from_history_compass(
    history: tuple[tuple[str, int | None], ...], findings: Findings, band: int, expected: dt.date
) -> None:
    proposal = proposed(registered_early(*history), findings)
    assert proposal.registration_date == REGISTERED
    assert proposal.fields["band"].value == band
    assert proposal.fields["priority_date"].value == expected
    assert proposal.fields["priority_date"].sentences[0].params.get("date") == expected.isoformat()


def test_band_entry_policy_takes_the_date_the_band_was_entered() -> None:
    scheme = dataclasses.replace(SCHEME, pd_policy="band_entry")
    case = apply_findings(registered_early(("2024-03-01", 1), ("2025-06-01", 2)), HIGH)
    assert propose(case, scheme).fields["priority_date"].value == dt.date(2025, 6, 1)
    assert propose(case, SCHEME).fields["priority_date"].value == REGISTERED


def test_priority_for_band_gives_the_date_for_another_band() -> None:
    case = registered_early(("2024-03-01", 3), ("2025-06-01", 2))
    found = priority_for_band(case, SCHEME, 2)
    assert (found.field, found.value) == ("priority_date", dt.date(2025, 6, 1))
    assert found.sentences[0].rule == "8 PD-2"
    assert priority_for_band(case, SCHEME, 3).value == REGISTERED


def test_every_sentence_but_referrals_explains_some_field() -> None:
    home = {"home_type": "temporary_accommodation", "must_leave": "yes", "must_leave_date": "2026-12-01"}
    proposal = proposed(case_of(family(), current_home=home), Findings(homelessness_duty="relief", duty_date=AWARDED))
    found = [sentence.rule for sentence in proposal.assessment.sentences]
    assert {"1.14", "9"} <= set(found)
    for sentence in proposal.assessment.sentences:
        assert fields_of_sentence(sentence) or sentence.rule.startswith("9"), sentence.rule
