"""The documents to ask for, from the answers given."""

from __future__ import annotations

import pytest

from portal.rules.application import evidence
from portal.rules.application.evidence import EVIDENCE_KINDS, evidence_needed
from tests.rules.application_facts import adult, facts_example, family, member


def kinds(facts):
    return [(need.kind, need.person_id) for need in evidence_needed(facts)]


BASE = [("identity", "p1"), ("address_history", None), ("income", None)]


def test_a_single_british_applicant_shows_who_they_are_where_they_lived_and_their_income():
    assert kinds(facts_example()) == BASE
    why = evidence_needed(facts_example())[0].why
    assert why.params == {"name": "Ann Jones"} and "Ann Jones" in why.text()


def test_a_family_shows_both_adults_and_the_children():
    assert kinds(facts_example(people=family())) == [
        ("identity", "p1"),
        ("identity", "p2"),
        ("address_history", None),
        ("income", None),
        ("children", None),
    ]


def test_children_who_do_not_live_with_you_need_no_evidence():
    people = family()
    for child in people[2:]:
        child["lives_with_you"] = "no"
    assert ("children", None) not in kinds(facts_example(people=people))


def test_immigration_status_for_each_adult_applicant_who_is_not_british_or_irish():
    people = [
        *family(),
        adult("p5", "joint_applicant", "Kay Jones", "1993-01-01", "female", status="settled"),
        member("p6", "parent", "Lou Jones", "1955-01-01", "male", immigration_status="visa"),
    ]
    people[1]["immigration_status"] = "pre_settled"
    found = kinds(facts_example(people=people))
    assert [pair for pair in found if pair[0] == "immigration_status"] == [
        ("immigration_status", "p2"),
        ("immigration_status", "p5"),
    ]
    assert [pair for pair in found if pair[0] == "identity"] == [
        ("identity", "p1"),
        ("identity", "p2"),
        ("identity", "p5"),
    ]


def test_a_missing_status_is_checked_and_a_nameless_person_is_not_left_out():
    people = family()
    del people[1]["immigration_status"]
    people[1]["full_name"] = ""
    needs = [need for need in evidence_needed(facts_example(people=people)) if need.person_id == "p2"]
    assert [need.kind for need in needs] == ["identity", "immigration_status"]
    assert all("this person" in need.why.text() and not need.why.params for need in needs)


def test_a_joint_applicant_under_16_is_not_an_adult_applicant():
    young = adult("p5", "joint_applicant", "Max", "2011-01-01", "male", status="visa")
    assert "p5" not in {person for _, person in kinds(facts_example(people=[*family(), young]))}


@pytest.mark.parametrize(
    ("sections", "kind", "person"),
    [
        ({"money": {"savings": "1200"}}, "savings", None),
        ({"money": {"owns_property": "yes"}}, "property", None),
        ({"household": {"pregnant": "yes", "pregnant_person": "p1", "due_date": "2027-02-01"}}, "pregnancy", "p1"),
        ({"household": {"pregnant": "yes", "pregnant_person": "nobody"}}, "pregnancy", None),
        ({"health": {"health_problem": "yes"}}, "medical", None),
        ({"current_home": {"must_leave": "yes", "must_leave_date": "2027-01-01"}}, "notice_to_quit", None),
        ({"addresses": {"work_in_area": "yes"}}, "employment", None),
        ({"safety": {"armed_forces": "left"}}, "armed_forces", None),
        ({"safety": {"armed_forces": "bereaved"}}, "armed_forces", None),
        ({"safety": {"care_leaver": "yes"}}, "care_leaver", None),
        ({"tenancy": {"rent_arrears": "yes", "arrears_amount": "350"}}, "rent_arrears", None),
    ],
)
def test_each_answer_asks_for_its_own_evidence(sections, kind, person):
    found = kinds(facts_example(**sections))
    assert found == sorted([*BASE, (kind, person)], key=lambda pair: EVIDENCE_KINDS.index(pair[0]))


@pytest.mark.parametrize(
    "sections",
    [
        {"money": {"savings": "0"}},
        {"money": {"savings": "none"}},
        {"money": {"owns_property": "no"}},
        {"safety": {"armed_forces": "no"}},
        {"health": {"health_problem": "no", "own_room": "yes"}},
        {"current_home": {"must_leave": "no", "must_leave_date": "2027-01-01"}},
    ],
)
def test_answers_that_ask_for_nothing_more(sections):
    assert kinds(facts_example(**sections)) == BASE


def test_no_evidence_is_ever_asked_for_domestic_abuse_or_harassment():
    safety = {"domestic_abuse": "yes", "abuse_need_move": "yes", "harassment": "yes", "harassment_details": "x"}
    assert kinds(facts_example(safety=safety)) == BASE
    assert not [kind for kind in EVIDENCE_KINDS if "abuse" in kind or "harass" in kind]


def test_the_order_is_fixed_by_kind_then_person():
    facts = facts_example(
        people=family(),
        money={"savings": "10", "owns_property": "yes"},
        health={"health_problem": "yes"},
        tenancy={"rent_arrears": "yes"},
    )
    facts["people"][1]["immigration_status"] = "refugee"
    found = kinds(facts)
    assert found == kinds(facts)
    positions = [EVIDENCE_KINDS.index(kind) for kind, _ in found]
    assert positions == sorted(positions)


def test_every_kind_has_a_whole_kind_sentence():
    assert len(EVIDENCE_KINDS) == 14 and len(set(EVIDENCE_KINDS)) == 14
    for kind in EVIDENCE_KINDS:
        if kind in (evidence.IDENTITY, evidence.IMMIGRATION_STATUS):
            continue
        text = evidence.WHY[kind].text()
        assert text.startswith(("We need", "You told us")) and text.endswith(".") and "%(" not in text


def test_an_empty_draft_still_asks_for_the_basics():
    assert kinds({}) == [("identity", "applicant"), ("immigration_status", "applicant"), *BASE[1:]]
