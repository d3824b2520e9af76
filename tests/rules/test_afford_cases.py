"""Every public afford case, through the Python API, the command in-process and the command as a program."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portal.rules.cli import main
from portal.rules.contract.afford_io import afford_line
from portal.rules.contract.output import dumps

from .afford_rank_support import assert_matches, case_path, load_cases, parse_output, same

CASES = load_cases("afford")
REPO = Path(__file__).resolve().parents[2]


def test_the_case_file_is_there_and_not_empty():
    assert len(CASES) >= 7


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_afford_case_through_the_api(case):
    output = afford_line(case)
    assert_matches(output, case)
    assert output["explanation"] and all(isinstance(sentence, str) for sentence in output["explanation"])
    # What the command would write says the same when read back.
    assert_matches(parse_output(dumps(output))[0], case)


def test_afford_cases_through_main_in_process(capsys):
    assert main(["afford", str(case_path("afford"))]) == 0
    captured = capsys.readouterr()
    outputs = parse_output(captured.out)
    assert len(outputs) == len(CASES)
    for output, case in zip(outputs, CASES, strict=True):
        assert_matches(output, case)


def test_afford_cases_through_the_program():
    finished = subprocess.run(  # noqa: S603  (runs this Python with fixed arguments)
        [sys.executable, "-m", "portal.rules.cli", "afford", str(case_path("afford"))],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPO,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == ""
    outputs = parse_output(finished.stdout)
    assert len(outputs) == len(CASES)
    for output, case in zip(outputs, CASES, strict=True):
        assert_matches(output, case)


def test_comparison_follows_the_contract():
    from decimal import Decimal

    assert same(Decimal("240.60"), Decimal("240.6"))
    assert same(224000, Decimal("224000.0"))
    assert not same(False, 0) and not same(0, False) and not same(None, False) and not same([], None)
    assert not same(["A", "B"], ["B", "A"])
