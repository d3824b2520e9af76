"""Eligibility (spec 3): classes E1, rules E2, joint applications E3, restricted persons E4, E5."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules.eligibility import EligibilityDataError, eligibility_classes, load_eligibility_classes

from .assess_support import base_case, run_json

CONDITIONS = {
    **dict.fromkeys("ADGHIJKLOPQR", "none"),
    **dict.fromkeys("BFMNST", "no_nrpf"),
    **dict.fromkeys("CE", "habitual"),
}


def applicant(immigration=None, **person):
    return {
        "id": "p1",
        "role": "applicant",
        "date_of_birth": "1990-01-01",
        "sex": "female",
        "immigration": immigration,
        **person,
    }


def joint(immigration=None):
    return {
        "id": "p2",
        "role": "joint_applicant",
        "date_of_birth": "1991-01-01",
        "sex": "male",
        "immigration": immigration,
    }


def controlled(letter=None, **facts):
    return {"subject_to_control": True, "eligibility_class": letter, **facts}


def eligibility(people, **changes):
    out = run_json(base_case(people=people, **changes))
    return out["eligible"], out["eligibility_reasons"]


def test_the_classes_file_holds_every_class_with_the_spec_conditions():
    classes = eligibility_classes()
    assert {letter: rule.condition for letter, rule in classes.items()} == CONDITIONS
    assert classes["T"].in_force_from == dt.date(2025, 7, 18)
    assert {rule.in_force_from for letter, rule in classes.items() if letter != "T"} == {dt.date(2006, 6, 1)}


def test_a_british_citizen_with_no_immigration_record_is_eligible():
    assert eligibility([applicant()]) == (True, [])


@pytest.mark.parametrize("letter", sorted(CONDITIONS))
def test_each_class_with_no_failed_condition_is_eligible(letter):
    assert eligibility([applicant(controlled(letter))], as_at="2025-08-01", registration_date="2025-08-01") == (
        True,
        [],
    )


@pytest.mark.parametrize("letter", sorted(CONDITIONS))
def test_each_class_and_the_nrpf_condition(letter):
    result = eligibility([applicant(controlled(letter, no_recourse_to_public_funds=True))], as_at="2025-08-01")
    if CONDITIONS[letter] == "no_nrpf":
        assert result == (False, ["E1-CLASS-CONDITION-NRPF"])
    else:
        assert result == (True, [])


@pytest.mark.parametrize("letter", sorted(CONDITIONS))
def test_each_class_and_the_habitual_residence_condition(letter):
    result = eligibility([applicant(controlled(letter, habitually_resident=False))], as_at="2025-08-01")
    if CONDITIONS[letter] == "habitual":
        assert result == (False, ["E1-CLASS-CONDITION-HABITUAL"])
    else:
        assert result == (True, [])


def test_a_regulation_4_exemption_does_not_lift_a_class_habitual_residence_condition():
    facts = controlled("C", habitually_resident=False, habitual_residence_exempt=True)
    assert eligibility([applicant(facts)]) == (False, ["E1-CLASS-CONDITION-HABITUAL"])


def test_subject_to_control_with_no_class_is_ineligible():
    assert eligibility([applicant(controlled(None))]) == (False, ["E1-NO-CLASS"])


@pytest.mark.parametrize(("as_at", "eligible"), [("2025-07-17", False), ("2025-07-18", True), ("2025-07-19", True)])
def test_class_t_is_in_force_from_18_july_2025(as_at, eligible):
    result = eligibility([applicant(controlled("T"))], as_at=as_at, registration_date="2025-06-01")
    assert result == ((True, []) if eligible else (False, ["E1-NO-CLASS"]))


def test_class_t_before_it_starts_is_no_class_even_with_nrpf():
    facts = controlled("T", no_recourse_to_public_funds=True)
    assert eligibility([applicant(facts)], as_at="2025-07-17") == (False, ["E1-NO-CLASS"])


def test_a_class_letter_without_subject_to_control_is_not_used():
    assert eligibility([applicant({"eligibility_class": "B", "no_recourse_to_public_funds": True})]) == (True, [])


@pytest.mark.parametrize(
    ("facts", "codes"),
    [
        ({"habitually_resident": False}, ["E2-NOT-HABITUALLY-RESIDENT"]),
        ({"right_to_reside": "jobseeker_only"}, ["E2-NO-QUALIFYING-RIGHT-TO-RESIDE"]),
        ({"right_to_reside": "initial_three_months"}, ["E2-NO-QUALIFYING-RIGHT-TO-RESIDE"]),
        ({"right_to_reside": "derivative"}, ["E2-NO-QUALIFYING-RIGHT-TO-RESIDE"]),
        (
            {"habitually_resident": False, "right_to_reside": "derivative"},
            ["E2-NO-QUALIFYING-RIGHT-TO-RESIDE", "E2-NOT-HABITUALLY-RESIDENT"],  # sorted by character codes
        ),
    ],
)
def test_e2_failures(facts, codes):
    assert eligibility([applicant(facts)]) == (False, codes)


def test_e2_habitual_residence_exemption():
    facts = {"habitually_resident": False, "habitual_residence_exempt": True}
    assert eligibility([applicant(facts)]) == (True, [])


def test_e3_an_ineligible_joint_applicant():
    people = [applicant(), joint({"habitually_resident": False})]
    assert eligibility(people) == (True, ["E2-NOT-HABITUALLY-RESIDENT", "E3-JOINT-APPLICANT-INELIGIBLE"])


def test_e3_an_ineligible_applicant_with_an_eligible_joint_applicant():
    people = [applicant(controlled(None, has_leave=True)), joint()]
    assert eligibility(people) == (True, ["E1-NO-CLASS", "E3-JOINT-APPLICANT-INELIGIBLE"])


def test_e3_an_ineligible_joint_applicant_with_nrpf_is_also_restricted():
    people = [applicant(), joint(controlled(None, no_recourse_to_public_funds=True))]
    assert eligibility(people) == (True, ["E1-NO-CLASS", "E3-JOINT-APPLICANT-INELIGIBLE", "E4-RESTRICTED-PERSON"])


def test_no_eligible_applicant_reports_every_applicants_codes_but_not_e3_or_e4():
    people = [
        applicant(controlled(None, no_recourse_to_public_funds=True)),
        joint({"right_to_reside": "jobseeker_only"}),
    ]
    assert eligibility(people) == (False, ["E1-NO-CLASS", "E2-NO-QUALIFYING-RIGHT-TO-RESIDE"])


def child(immigration):
    return {"id": "c1", "role": "child", "date_of_birth": "2015-01-01", "sex": "male", "immigration": immigration}


@pytest.mark.parametrize(
    ("facts", "restricted"),
    [
        (controlled(None, has_leave=False), True),
        (controlled(None, no_recourse_to_public_funds=True), True),
        (controlled("B", no_recourse_to_public_funds=True), True),  # class B fails on NRPF: ineligible under E1
        (controlled(None), False),  # leave without NRPF
        (controlled("A", no_recourse_to_public_funds=True), False),  # eligible under E1
        ({"subject_to_control": False, "has_leave": False}, False),
        (None, False),
    ],
)
def test_e4_restricted_household_member(facts, restricted):
    result = eligibility([applicant(), child(facts)])
    assert result == (True, ["E4-RESTRICTED-PERSON"] if restricted else [])


def test_a_partners_immigration_record_is_used_only_for_e4():
    partner = {"id": "p2", "role": "partner", "date_of_birth": "1990-01-01", "sex": "male"}
    partner["immigration"] = {"habitually_resident": False, "right_to_reside": "jobseeker_only"}
    assert eligibility([applicant(), partner]) == (True, [])


def test_an_ineligible_household_gets_only_the_household_facts():
    case = base_case(
        people=[applicant(controlled(None)), child(controlled(None))],
        current_home={"type": "rough_sleeping"},
        homelessness={"duty": "relief", "must_leave_by": "2025-09-01"},
        officer_assessments={"medical_welfare": "urgent"},
        domestic_abuse_needs_move=True,
    )
    out = run_json(case)
    assert out["eligible"] is False
    assert out["qualifies"] is None
    assert (out["qualification_failures"], out["exemptions"], out["reasons"]) == ([], [], [])
    assert (out["band"], out["priority_date"]) == (None, None)
    assert out["bedroom_need"] == 2  # an ineligible child still counts
    assert out["referrals"] == ["housing_options"]
    assert out["recontact_date"] == "2025-07-07"


def test_loader_rejects_a_missing_class_and_a_bad_condition(tmp_path):
    text = "".join(f'[{letter}]\ncondition = "none"\nin_force_from = 2006-06-01\n' for letter in "ABCDEFGHIJKLMNOPQRS")
    path = tmp_path / "classes.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EligibilityDataError, match="no class T"):
        load_eligibility_classes(path)
    path.write_text(text + '[T]\ncondition = "sometimes"\nin_force_from = 2025-07-18\n', encoding="utf-8")
    with pytest.raises(EligibilityDataError, match="class T condition"):
        load_eligibility_classes(path)
    path.write_text(text + '[T]\ncondition = "none"\nin_force_from = "soon"\n', encoding="utf-8")
    with pytest.raises(EligibilityDataError, match="class T in_force_from"):
        load_eligibility_classes(path)
    path.write_text(
        text + '[T]\ncondition = "none"\nin_force_from = 2025-07-18\n[U]\ncondition = "none"\n', encoding="utf-8"
    )
    with pytest.raises(EligibilityDataError, match="unknown class U"):
        load_eligibility_classes(path)
