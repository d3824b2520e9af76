"""Every public rank case, through the Python API, the command in-process and the command as a program."""

from __future__ import annotations

import subprocess
import sys

import pytest

from portal.rules.cli import main
from portal.rules.contract.rank_io import rank_line

from .afford_rank_support import assert_matches, case_path, load_cases, parse_output

CASES = load_cases("rank")


def test_the_case_file_is_there_and_not_empty():
    assert len(CASES) >= 2


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_rank_case_through_the_api(case):
    assert_matches(rank_line(case), case)


def test_rank_cases_through_main_in_process(capsys):
    assert main(["rank", str(case_path("rank"))]) == 0
    outputs = parse_output(capsys.readouterr().out)
    assert len(outputs) == len(CASES)
    for output, case in zip(outputs, CASES, strict=True):
        assert_matches(output, case)


def test_rank_cases_through_the_program():
    finished = subprocess.run(  # noqa: S603  (runs this Python with fixed arguments)
        [sys.executable, "-m", "portal.rules.cli", "rank", str(case_path("rank"))],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    outputs = parse_output(finished.stdout)
    assert len(outputs) == len(CASES)
    for output, case in zip(outputs, CASES, strict=True):
        assert_matches(output, case)
