"""The provisional result and what could change it, each worked out by assessing again."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules.application import provisional
from portal.rules.application.provisional import provisional_result
from portal.rules.application.to_case import case_from_facts
from portal.rules.assess import assess
from portal.rules.text import Sentence
from tests.rules.application_facts import AS_AT, SCHEME, address, facts_example, family


def could_change(facts):
    return provisional_result(facts, AS_AT, SCHEME).could_change


def messages(facts):
    return [sentence.message for sentence in could_change(facts)]


def test_the_assessment_is_the_assessment_of_the_facts_as_given():
    facts = facts_example(people=family())
    result = provisional_result(facts, AS_AT, SCHEME)
    assert result.assessment == assess(case_from_facts(facts, AS_AT, SCHEME), SCHEME)
    assert result.assessment.band == 2
    assert "officer" in result.notice.text()


def test_a_high_medical_award_would_lift_a_family_short_of_two_bedrooms_to_band_1():
    facts = facts_example(people=family(), health={"health_problem": "yes"})
    found = [s for s in could_change(facts) if s.message in (provisional.MEDICAL_MEDIUM, provisional.MEDICAL_HIGH)]
    # H-LACK2 (group C) and H-MED (group M) are both band 2: spec 7.2 B4 steps up to band 1.
    # A medium award (M-MED, band 3) would not change band 2, so it is not mentioned.
    assert [(s.message, s.params) for s in found] == [(provisional.MEDICAL_HIGH, {"band": 1})]


def test_a_medical_award_could_let_someone_with_no_other_need_join():
    found = could_change(facts_example(health={"health_problem": "yes"}))
    medical = [(s.message, s.params["band"]) for s in found if "health" in s.message]
    # No reason code now (Q7 fails). M-MED gives band 3, H-MED band 2 (spec 7.1).
    assert medical == [(provisional.MEDICAL_MEDIUM, 3), (provisional.MEDICAL_HIGH, 2)]


def test_no_medical_sentence_without_a_health_problem():
    assert not {provisional.MEDICAL_MEDIUM, provisional.MEDICAL_HIGH} & set(messages(facts_example(people=family())))


def test_the_date_residence_would_give_a_local_connection():
    facts = facts_example(people=family(), history=[address("a1", "2025-06-01", None)])
    assert provisional_result(facts, AS_AT, SCHEME).assessment.qualification_failures == ("Q-LOCAL-CONNECTION",)
    found = [s for s in could_change(facts) if s.message == provisional.RESIDENCE_JOIN]
    # 24 months from 2025-06-01; the family would then qualify, still short of 2 bedrooms: band 2.
    assert [s.params for s in found] == [{"date": "2027-06-01", "months": 24, "band": 2}]


def test_residence_alone_when_another_test_still_fails():
    facts = facts_example(history=[address("a1", "2025-06-01", None)])
    found = [s for s in could_change(facts) if s.message == provisional.RESIDENCE_CONNECTION]
    assert [s.params for s in found] == [{"date": "2027-06-01", "months": 24}]


@pytest.mark.parametrize(
    "history",
    [
        [address("a1", "2025-06-01", None, in_area="no")],
        [address("a1", "2015-01-01", None)],  # already long enough
    ],
)
def test_no_residence_sentence_when_it_would_not_help(history):
    found = messages(facts_example(people=family(), history=history))
    assert provisional.RESIDENCE_JOIN not in found and provisional.RESIDENCE_CONNECTION not in found


def test_a_hazard_found_on_a_visit_could_give_band_3():
    found = [
        s for s in could_change(facts_example(current_home={"disrepair": "yes"})) if s.message == provisional.HAZARD
    ]
    assert [s.params for s in found] == [{"band": 3}]  # M-COND, band 3
    assert provisional.HAZARD not in messages(facts_example())


def test_an_officer_finding_it_is_not_safe_could_give_band_1():
    facts = facts_example(safety={"domestic_abuse": "yes", "abuse_need_move": "yes"})
    found = [s for s in could_change(facts) if s.message == provisional.NOT_SAFE]
    assert [s.params for s in found] == [{"band": 1}]  # U-RISK, band 1


@pytest.mark.parametrize(("status", "to_check"), [("british_irish", False), ("settled", False), ("pre_settled", True)])
def test_an_immigration_status_we_cannot_be_sure_of_is_mentioned(status, to_check):
    people = family()
    people[1]["immigration_status"] = status
    assert (provisional.IMMIGRATION_TO_CONFIRM in could_change(facts_example(people=people))) is to_check
    del people[1]["immigration_status"]
    assert provisional.IMMIGRATION_TO_CONFIRM in could_change(facts_example(people=people))


def test_every_sentence_says_an_officer_still_has_to_check():
    everything = facts_example(
        health={"health_problem": "yes"}, current_home={"disrepair": "yes"}, safety={"harassment": "yes"}
    )
    everything["people"][0]["immigration_status"] = "visa"
    newcomers = facts_example(people=family(), history=[address("a1", "2025-06-01", None)])
    sentences = [*could_change(everything), *could_change(newcomers)]
    assert {s.message for s in sentences} == {
        provisional.IMMIGRATION_TO_CONFIRM.message,
        provisional.MEDICAL_MEDIUM,
        provisional.MEDICAL_HIGH,
        provisional.HAZARD,
        provisional.NOT_SAFE,
        provisional.RESIDENCE_JOIN,
        provisional.DOCUMENTS_TO_CHECK.message,
    }
    for sentence in sentences:
        text = sentence.text()
        assert "officer still has to check" in text, text
        assert "%(" not in text and text.endswith(".")


def test_every_could_change_message_in_the_module_says_so_too():
    found = [
        value.message if isinstance(value, Sentence) else value
        for name, value in vars(provisional).items()
        if name.isupper()
        and name != "PROVISIONAL"
        and (isinstance(value, Sentence) or (isinstance(value, str) and " " in value))
    ]
    assert len(found) == 9
    assert all("officer still has to check" in message for message in found)


def test_someone_sleeping_rough_is_told_a_homelessness_duty_could_give_a_band():
    from portal.rules.application.provisional import HOMELESS, provisional_result
    from portal.rules.scheme import load_scheme

    facts = {
        "people": [
            {
                "id": "p1",
                "relationship": "applicant",
                "date_of_birth": "1990-05-01",
                "sex": "male",
                "immigration_status": "british_irish",
                "lived_in_uk_2_years": "yes",
            }
        ],
        "addresses": [{"id": "a1", "moved_in": "2019-01-01", "moved_out": None, "in_area": "yes"}],
        "answers": {
            "current_home": {"home_type": "rough_sleeping", "nowhere_tonight": "yes"},
            "money": {"income": "0", "savings": "0"},
        },
    }
    result = provisional_result(facts, dt.date(2026, 11, 22), load_scheme("default"))
    homeless = [s for s in result.could_change if s.message == HOMELESS]
    assert len(homeless) == 1 and homeless[0].params["band"] in (1, 2, 3)
    settled = {
        **facts,
        "answers": {
            **facts["answers"],
            "current_home": {"home_type": "council_tenant", "bedrooms": 1, "nowhere_tonight": "no"},
        },
    }
    assert not [
        s
        for s in provisional_result(settled, dt.date(2026, 11, 22), load_scheme("default")).could_change
        if s.message == HOMELESS
    ]
