"""Shortlist ordering (spec 8, contract 3): the rule, its properties and malformed lines."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.contract.fields import LineError
from portal.rules.contract.rank_io import rank_line
from portal.rules.ranking import Candidate, ranked, shortlist_order, sort_key


def candidate(ref, band=2, priority="2024-01-01", registered="2020-01-01"):
    return {"ref": ref, "band": band, "priority_date": priority, "registration_date": registered}


def test_each_key_in_turn():
    order = rank_line(
        {
            "id": "S",
            "candidates": [
                candidate("d", band=3, priority="2001-01-01", registered="2001-01-01"),
                candidate("c", priority="2024-01-02", registered="2001-01-01"),
                candidate("b", registered="2020-01-02"),
                candidate("a2"),
                candidate("a10"),
                candidate("B"),
            ],
        }
    )["order"]
    # Band first; then priority date; then registration date; then reference by character code
    # ("B" is 66, before "a" at 97; "a10" before "a2").
    assert order == ["B", "a10", "a2", "b", "c", "d"]


def test_references_compare_by_character_code_not_locale_or_number():
    refs = ["é", "z", "Z", "10", "9", "a", "A", "\u00c9"]
    lines = [candidate(ref) for ref in refs]
    assert rank_line({"id": "S", "candidates": lines})["order"] == sorted(refs)
    assert sorted(refs) == ["10", "9", "A", "Z", "a", "z", "\u00c9", "é"]


def test_an_empty_shortlist_gives_an_empty_order():
    assert rank_line({"id": "S", "candidates": []}) == {"id": "S", "order": []}


def test_unknown_fields_are_ignored():
    line = {"id": "S", "title": "x", "expect": {}, "candidates": [{**candidate("a"), "bid_time": "soon"}]}
    assert rank_line(line)["order"] == ["a"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"candidates": []}, "id is required."),
        ({"id": "", "candidates": []}, 'id must be a non-empty string, not "".'),
        ({"id": "S"}, "candidates is required."),
        ({"id": "S", "candidates": None}, "candidates is required and must not be null."),
        ({"id": "S", "candidates": {}}, "candidates must be a list, not an object."),
        ({"id": "S", "candidates": ["a"]}, 'candidates[0] must be an object, not "a".'),
        ({"id": "S", "candidates": [candidate("")]}, 'candidates[0].ref must be a non-empty string, not "".'),
        ({"id": "S", "candidates": [candidate(7)]}, "candidates[0].ref must be a non-empty string, not 7."),
        (
            {"id": "S", "candidates": [candidate("a", band=0)]},
            "candidates[0].band must be a whole number from 1 to 4, not 0.",
        ),
        (
            {"id": "S", "candidates": [candidate("a", band=5)]},
            "candidates[0].band must be a whole number from 1 to 4, not 5.",
        ),
        (
            {"id": "S", "candidates": [candidate("a", band=None)]},
            "candidates[0].band is required and must not be null.",
        ),
        (
            {"id": "S", "candidates": [candidate("a", band="1")]},
            'candidates[0].band must be a whole number from 1 to 4, not "1".',
        ),
        (
            {"id": "S", "candidates": [candidate("a", band=True)]},
            "candidates[0].band must be a whole number from 1 to 4, not true.",
        ),
        (
            {"id": "S", "candidates": [candidate("a"), candidate("b", priority="2023-02-29")]},
            'candidates[1].priority_date must be a date written YYYY-MM-DD, not "2023-02-29".',
        ),
        (
            {"id": "S", "candidates": [candidate("a", registered="2024-1-05")]},
            'candidates[0].registration_date must be a date written YYYY-MM-DD, not "2024-1-05".',
        ),
        (
            {"id": "S", "candidates": [{"ref": "a", "band": 1, "priority_date": "2024-01-01"}]},
            "candidates[0].registration_date is required.",
        ),
        (
            {"id": "S", "candidates": [candidate("a"), candidate("b"), candidate("a", band=1)]},
            'candidates[2].ref must be unique in the shortlist, but "a" is used more than once.',
        ),
    ],
)
def test_malformed_shortlists(line, message):
    with pytest.raises(LineError) as raised:
        rank_line(line)
    assert str(raised.value) == message


def test_a_whole_number_written_with_a_point_is_a_band():
    from decimal import Decimal

    assert rank_line({"id": "S", "candidates": [candidate("a", band=Decimal("2.0"))]})["order"] == ["a"]
    with pytest.raises(LineError):
        rank_line({"id": "S", "candidates": [candidate("a", band=Decimal("1.5"))]})


dates = st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
shortlists = st.lists(
    st.builds(
        Candidate,
        ref=st.text(min_size=1, max_size=6),
        band=st.integers(1, 4),
        priority_date=dates,
        registration_date=dates,
    ),
    max_size=25,
    unique_by=lambda c: c.ref,
)


@settings(max_examples=300, deadline=None)
@given(shortlists, st.randoms(use_true_random=False))
def test_rank_is_a_total_deterministic_order(candidates, shuffler: random.Random):
    order = shortlist_order(candidates)
    shuffled = list(candidates)
    shuffler.shuffle(shuffled)
    assert shortlist_order(shuffled) == order
    assert sorted(order) == sorted(c.ref for c in candidates)
    keys = [sort_key(c) for c in ranked(candidates)]
    assert all(a < b for a, b in zip(keys, keys[1:], strict=False))  # unique refs make every key distinct
    # The same through the contract, with the candidates as JSON.
    line = {
        "id": "P",
        "candidates": [
            {
                "ref": c.ref,
                "band": c.band,
                "priority_date": c.priority_date.isoformat(),
                "registration_date": c.registration_date.isoformat(),
            }
            for c in shuffled
        ],
    }
    assert rank_line(line)["order"] == order
