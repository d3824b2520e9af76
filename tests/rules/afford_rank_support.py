"""Shared helpers for the afford and rank tests: the public case files and the contract's comparison rules."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from portal.rules.contract.afford_io import afford_line
from portal.rules.contract.fields import LineError
from portal.rules.scheme import load_scheme

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "cases"


def case_path(command: str) -> Path:
    return CASES / f"{command}-public.jsonl"


def load_cases(command: str) -> list[dict[str, Any]]:
    """Every non-blank line of a public case file, with numbers as exact decimals."""
    text = case_path(command).read_text(encoding="utf-8")
    return [json.loads(line, parse_float=Decimal) for line in text.splitlines() if line.strip()]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def same(actual: Any, expected: Any) -> bool:
    """Contract 1.1: numbers by decimal value; lists element by element; anything else exactly."""
    if _is_number(expected):
        return _is_number(actual) and Decimal(actual) == Decimal(expected)
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(same(a, e) for a, e in zip(actual, expected, strict=True))
        )
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and actual.keys() == expected.keys()
            and all(same(actual[k], expected[k]) for k in expected)
        )
    return type(actual) is type(expected) and actual == expected


def assert_matches(output: dict[str, Any], case: dict[str, Any]) -> None:
    """Every compared field in ``expect`` equals the output's, and the id is echoed."""
    assert output.get("id") == case["id"], output
    assert "error" not in output, output
    wrong = {
        key: (output.get(key, "<missing>"), value)
        for key, value in case["expect"].items()
        if not same(output.get(key), value)
    }
    assert not wrong, f"{case['id']}: field: (got, expected) {wrong}"


def parse_output(text: str) -> list[dict[str, Any]]:
    return [json.loads(line, parse_float=Decimal) for line in text.splitlines()]


D = Decimal
DEFAULT = load_scheme("default")


def afford(**line):
    return afford_line({"id": "T", **line})


def afford_error(**line) -> str:
    with pytest.raises(LineError) as raised:
        afford(**line)
    return str(raised.value)


def so(**line):
    return afford(product="shared_ownership", **line)


def fh(**line):
    return afford(product="first_homes", **{"first_time_buyer": True, **line})
