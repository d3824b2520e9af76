"""Every public assess case through the Python API (read_case and assess), and through the command."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules.assess import Assessment, assess
from portal.rules.cli import main
from portal.rules.contract.assess_io import assess_line, assessment_to_json, read_case
from portal.rules.text import Sentence

from .afford_rank_support import assert_matches, case_path, load_cases, parse_output

CASES = load_cases("assess")


def test_the_case_file_is_there():
    assert len(CASES) == 32


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_assess_case_through_the_api(case):
    household, scheme = read_case(case)
    result = assess(household, scheme)
    assert isinstance(result, Assessment)
    assert result.priority_date is None or isinstance(result.priority_date, dt.date)
    assert all(isinstance(sentence, Sentence) for sentence in result.sentences)
    output = assessment_to_json(result, household.id)
    assert_matches(output, case)
    assert set(output) == set(case["expect"]) | {"id", "explanation"}
    assert output["explanation"] and all(isinstance(text, str) for text in output["explanation"])


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_assess_line_gives_the_same(case):
    assert_matches(assess_line(case), case)


def test_assess_cases_through_the_command(capsys):
    assert main(["assess", str(case_path("assess"))]) == 0
    outputs = parse_output(capsys.readouterr().out)
    assert len(outputs) == len(CASES)
    for output, case in zip(outputs, CASES, strict=True):
        assert_matches(output, case)
