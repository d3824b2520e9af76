"""Changes of circumstances: applying each kind to the facts, and the preview shown before sending one."""

from __future__ import annotations

import copy

import pytest

from portal.rules.application import changes
from portal.rules.application.changes import CHANGE_KINDS, ChangeError, apply_change, preview_change
from portal.rules.application.to_case import case_from_facts
from tests.rules.application_facts import AS_AT, SCHEME, address, facts_example, family, member

BABY = {"full_name": "Zoe Jones", "date_of_birth": "2026-11-01", "sex": "female"}
DETAILS = {
    "new_baby": BABY,
    "moving_in": {"full_name": "Eve Smith", "date_of_birth": "1960-01-01", "sex": "female", "relationship": "parent"},
    "moving_out": {"person_id": "p2"},
    "new_address": {
        "line_1": "2 New Road",
        "line_2": "",
        "town": "Basingstoke",
        "postcode": "RG22 1AA",
        "moved_in": "2026-11-10",
        "in_area": "yes",
        "home_type": "housing_association_tenant",
        "bedrooms": 2,
    },
    "income": {"income": "21000", "savings": "500"},
    "medical": {"details": "I now use a wheelchair."},
}


def preview(facts, kind, details):
    return preview_change(facts, kind, details, AS_AT, SCHEME)


@pytest.mark.parametrize("kind", CHANGE_KINDS)
def test_every_kind_returns_new_facts_and_leaves_the_old_ones_alone(kind):
    facts = facts_example(people=family(), health={"health_details": "Asthma."})
    kept = copy.deepcopy(facts)
    changed = apply_change(facts, kind, DETAILS[kind])
    assert facts == kept
    assert changed != facts


def test_a_new_baby_is_a_child_who_lives_with_you_and_ends_the_pregnancy():
    facts = facts_example(
        people=family(), household={"pregnant": "yes", "pregnant_person": "p1", "due_date": "2026-11-05"}
    )
    changed = apply_change(facts, "new_baby", BABY)
    baby = changed["people"][-1]
    assert baby == {**BABY, "id": "new-person-1", "relationship": "child", "lives_with_you": "yes", "ni_number": ""}
    assert changed["answers"]["household"] == {"anyone_else": "no", "pregnant": "no"}
    assert case_from_facts(changed, AS_AT, SCHEME).pregnancy_weeks is None


def test_someone_moving_in_keeps_a_known_relationship_only():
    changed = apply_change(facts_example(), "moving_in", DETAILS["moving_in"])
    assert changed["people"][-1]["relationship"] == "parent"
    stranger = apply_change(changed, "moving_in", {**DETAILS["moving_in"], "relationship": "applicant"})
    assert stranger["people"][-1]["relationship"] == "other"
    assert [p["id"] for p in stranger["people"]] == ["p1", "new-person-1", "new-person-2"]


def test_someone_moving_out_no_longer_lives_with_you():
    changed = apply_change(facts_example(people=family()), "moving_out", {"person_id": "p3"})
    assert changed["people"][2]["lives_with_you"] == "no"
    assert not case_from_facts(changed, AS_AT, SCHEME).people[2].main_home_with_applicant


@pytest.mark.parametrize("person_id", ["p1", "p99", None])
def test_the_applicant_or_an_unknown_person_cannot_move_out(person_id):
    with pytest.raises(ChangeError):
        apply_change(facts_example(people=family()), "moving_out", {"person_id": person_id})


def test_a_new_address_becomes_the_current_one():
    facts = facts_example(current_home={"shares_facilities": "yes", "disrepair": "yes"})
    changed = apply_change(facts, "new_address", DETAILS["new_address"])
    first, old = changed["addresses"]
    assert first["id"] == "new-address-1" and first["moved_in"] == "2026-11-10" and first["moved_out"] is None
    assert old["moved_out"] == "2026-11-10"
    assert changed["answers"]["current_home"] == {"home_type": "housing_association_tenant", "bedrooms": 2}
    # The run in the area goes on: the old address was left the day the new one began.
    case = case_from_facts(changed, AS_AT, SCHEME)
    assert case.local_connection.lived_in_district_since.isoformat() == "2015-01-05"


def test_a_new_address_out_of_the_area_ends_residence_and_a_home_without_bedrooms_has_none():
    details = {**DETAILS["new_address"], "in_area": "no", "home_type": "sofa_surfing"}
    changed = apply_change(facts_example(), "new_address", details)
    assert changed["answers"]["current_home"] == {"home_type": "sofa_surfing"}
    assert case_from_facts(changed, AS_AT, SCHEME).local_connection.lived_in_district_since is None


def test_income_and_medical_changes():
    changed = apply_change(facts_example(), "income", {"income": "52000"})
    assert changed["answers"]["money"] == {"income": "52000", "savings": "0", "owns_property": "no"}
    medical = apply_change(facts_example(health={"health_details": "Asthma."}), "medical", DETAILS["medical"])
    assert medical["answers"]["health"]["health_problem"] == "yes"
    assert medical["answers"]["health"]["health_details"] == "Asthma.\n\nI now use a wheelchair."


@pytest.mark.parametrize("kind", ["divorce", "", None, "New_Baby"])
def test_an_unknown_kind_is_refused(kind):
    with pytest.raises(ChangeError):
        apply_change(facts_example(), kind, {})


def young_family():
    """Two adults, a girl of 9 and a boy of 7 in a 2-bedroom home."""
    return [*family()[:2], family()[3], member("p5", "child", "Eli Jones", "2019-05-01", "male")]


def test_a_new_baby_can_mean_one_more_bedroom():
    facts = facts_example(people=young_family(), current_home={"bedrooms": 2})
    result = preview(facts, "new_baby", BABY)
    # Before: the couple 1, two under-10s share 1 = 2. After: three under-10s need ceil(3/2) = 2 rooms: 3.
    assert (result.before_need, result.after_need) == (2, 3)
    # Before: enough bedrooms, no reason code, so no band (Q7). After: short of 1 bedroom, M-LACK1, band 3.
    assert (result.before_band, result.after_band) == (None, 3)
    assert [s.message for s in result.sentences] == [changes.NEED_UP, changes.BAND_NEW, changes.ONLY_A_GUIDE.message]
    assert result.sentences[0].params == {"before": 2, "after": 3}


def test_a_new_baby_who_can_share_needs_no_more_bedrooms():
    result = preview(facts_example(people=family()), "new_baby", BABY)
    # The boy of 12 has his own room; the girl of 9 and the baby girl share: still 3, band 2.
    assert (result.before_need, result.after_need, result.before_band, result.after_band) == (3, 3, 2, 2)
    assert [s.message for s in result.sentences] == [changes.NEED_SAME, changes.BAND_SAME, changes.ONLY_A_GUIDE.message]


def test_a_grown_up_child_moving_out_lowers_the_need():
    son = member("p5", "child", "Hal Jones", "2000-01-01", "male")
    result = preview(facts_example(people=[*family(), son]), "moving_out", {"person_id": "p5"})
    assert (result.before_need, result.after_need) == (4, 3)
    # Short of 3 bedrooms, then of 2: H-LACK2 (2 or more) both times, so band 2 both times.
    assert (result.before_band, result.after_band) == (2, 2)
    assert [s.message for s in result.sentences[:2]] == [changes.NEED_DOWN, changes.BAND_SAME]


def test_income_over_the_limit_could_mean_leaving_the_register():
    result = preview(facts_example(people=family()), "income", {"income": "50000", "savings": "0"})
    assert (result.before_band, result.after_band) == (2, None)
    assert changes.BAND_LOST in result.sentences


def test_a_medical_change_says_an_officer_will_look_and_every_preview_ends_with_a_guide():
    result = preview(facts_example(people=family()), "medical", DETAILS["medical"])
    assert result.before_band == result.after_band == 2  # a medical award is an officer's decision
    assert result.sentences[-2:] == (changes.MEDICAL_NOTE, changes.ONLY_A_GUIDE)
    for kind in CHANGE_KINDS:
        sentences = preview(facts_example(people=family()), kind, DETAILS[kind]).sentences
        assert sentences[-1] == changes.ONLY_A_GUIDE
        assert all("%(" not in s.text() for s in sentences)


def test_a_new_address_preview_uses_the_new_home():
    facts = facts_example(people=family(), history=[address("a1", "2015-01-05", None)])
    result = preview(facts, "new_address", {**DETAILS["new_address"], "bedrooms": 3})
    assert (result.before_band, result.after_band) == (2, None)  # enough bedrooms now: no housing need


def test_a_new_baby_in_a_one_bedroom_home_moves_the_band_up():
    result = preview(facts_example(people=young_family()), "new_baby", BABY)
    # Short of 1 bedroom (M-LACK1, band 3), then of 2 (H-LACK2, band 2).
    assert (result.before_band, result.after_band) == (3, 2)
    assert result.sentences[1].message == changes.BAND_CHANGE
    assert result.sentences[1].params == {"before": 3, "after": 2}
