"""The explanation: whole translatable sentences, each citing its scheme rule, with the numbers involved."""

from __future__ import annotations

import re

import pytest

from portal.rules.contract.assess_io import assess_line

from .afford_rank_support import load_cases
from .assess_support import base_case, family, run, run_json

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
CASES = load_cases("assess")


def rich_case():
    """One case that sets off most sentences: bands 3 to 2 (B4) to 1 (B5), a capped need, a recontact date."""
    return family(
        ("2013-01-01", "male"),
        ("2014-01-01", "female"),
        current_home={
            "bedrooms_available": 3,
            "rooms": [{"kind": "bedroom", "area_sqft": 120}] * 3,
            "category1_hazard": True,
        },
        officer_assessments={"medical_welfare": "medium"},
        armed_forces={"status": "former_regular", "discharge_date": "2022-01-01"},
        homelessness={"must_leave_by": "2025-12-01"},
        overnight_carer=True,
        overrides={"count_unborn_from_week": 20, "max_bedroom_need": 4},
        pregnancy_weeks=30,
        history=[{"date": "2025-06-01", "band": 3}],
    )


def recording(seen):
    """A translator that records each message it is given and returns it unchanged."""

    def translate(message):
        seen.append(message)
        return message

    return translate


@pytest.mark.parametrize(
    "data",
    [*CASES, rich_case(), base_case(finances={"gross_annual_income": 52000, "savings": 40000.5})],
    ids=lambda data: data["id"],
)
def test_every_sentence_is_one_whole_message_with_matching_placeholders(data):
    result = run(data)
    assert result.sentences
    for sentence in result.sentences:
        assert sentence.rule, sentence
        assert set(PLACEHOLDER.findall(sentence.message)) == set(sentence.params), sentence
        assert sentence.message.rstrip().endswith("."), sentence
        # The translator sees the whole message at once, placeholders included.
        seen: list[str] = []
        text = sentence.text(recording(seen))
        assert seen[0] == sentence.message
        assert text.endswith(f"Scheme rule {sentence.rule}.")
        assert "%(" not in text


def texts(data):
    return run_json(data)["explanation"]


def test_failed_money_tests_give_the_numbers():
    explanation = texts(base_case(finances={"gross_annual_income": 52000, "savings": 40000.5}))
    assert (
        "Your income of £52,000 is the same as or more than the limit of £50,000. It needs to be less. Scheme rule 4.1 Q4."
        in explanation
    )
    assert (
        "Your savings of £40,000.50 are the same as or more than the limit of £30,000. They need to be less. Scheme rule 4.1 Q5."
        in explanation
    )


def test_rule_citations_for_a_banded_household():
    result = run(rich_case())
    assert (result.band, result.reasons) == (1, ("ADJ-ARMED-FORCES", "ADJ-CUMULATIVE", "M-COND", "M-LACK1", "M-MED"))
    rules = {sentence.rule for sentence in result.sentences}
    assert {"3", "5", "5 step 7", "5 step 8", "5 step 9", "6.1", "6.3", "4.3 X-AF", "4.1"} <= rules
    assert {"7.1 M-LACK1", "7.1 M-COND", "7.1 M-MED", "7.2 B4", "7.2 B5", "7.2 B7", "8 PD-2", "9"} <= rules


def test_an_ineligible_household_is_told_why_and_about_review():
    data = base_case(
        people=[
            {
                "id": "p1",
                "role": "applicant",
                "date_of_birth": "1990-01-01",
                "sex": "male",
                "immigration": {"subject_to_control": True},
            }
        ]
    )
    rules = [sentence.rule for sentence in run(data).sentences]
    assert rules[:2] == ["3 E1", "3 E5"]


def test_a_failed_local_connection_gives_the_months():
    explanation = texts(
        base_case(local_connection={"lived_in_district_since": "2024-01-15"}, current_home={"bedrooms_available": 0})
    )
    assert "You have lived in the area for 16 whole months, and 24 are needed. Scheme rule 4.2 R1." in explanation


def test_the_output_explanation_is_english_text():
    out = assess_line(CASES[0])
    assert all(isinstance(line, str) and line for line in out["explanation"])
