"""Nomination agreements (lets owed, rounded up) and refusals counted for the last 12 months."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.lettings.agreements import AgreementProgress, progress
from portal.rules.lettings.offers import counting_since, refusals_counted


def test_lets_owed_are_rounded_up_to_a_whole_home():
    assert progress(50, 7, 2) == AgreementProgress(
        percent_owed=50, lets_reported=7, nominations_housed=2, owed=4, short_by=2, percent_achieved=28
    )


@pytest.mark.parametrize(
    ("percent", "lets", "housed", "owed", "short_by", "achieved"),
    [
        (75, 4, 3, 3, 0, 75),  # exactly three
        (75, 5, 3, 4, 1, 60),  # 3.75 rounds up to 4
        (33, 100, 40, 33, 0, 40),  # more than owed: not short
        (100, 3, 3, 3, 0, 100),
        (0, 10, 0, 0, 0, 0),
        (50, 0, 0, 0, 0, None),  # no lets reported: nothing owed, no percentage
        (50, 0, 2, 0, 0, None),
        (1, 1, 0, 1, 1, 0),  # any share of one let is a whole let
        (30, 3, 1, 1, 0, 33),  # 33.3 rounds down
    ],
)
def test_agreement_progress(percent, lets, housed, owed, short_by, achieved):
    result = progress(percent, lets, housed)
    assert (result.owed, result.short_by, result.percent_achieved) == (owed, short_by, achieved)


@pytest.mark.parametrize(("percent", "lets", "housed"), [(-1, 1, 0), (101, 1, 0), (50, -1, 0), (50, 1, -1)])
def test_impossible_figures_are_refused(percent, lets, housed):
    with pytest.raises(ValueError):
        progress(percent, lets, housed)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 100), st.integers(0, 100_000), st.integers(0, 100_000))
def test_progress_is_exact(percent, lets, housed):
    result = progress(percent, lets, housed)
    assert result.owed == math.ceil(Fraction(percent * lets, 100))
    assert result.owed - 1 < Fraction(percent * lets, 100) <= result.owed
    assert result.short_by == max(0, result.owed - housed)
    if lets:
        assert result.percent_achieved == math.floor(Fraction(100 * housed, lets))
    else:
        assert result.percent_achieved is None


TODAY = dt.date(2025, 6, 15)


def test_refusals_count_for_twelve_months_from_the_day():
    refused = [
        dt.date(2024, 6, 14),  # a day too long ago
        dt.date(2024, 6, 15),  # the first day that still counts
        dt.date(2025, 1, 1),
        TODAY,
    ]
    assert counting_since(TODAY) == dt.date(2024, 6, 15)
    assert refusals_counted(refused, TODAY) == 3
    assert refusals_counted([], TODAY) == 0
    assert refusals_counted(iter(refused), TODAY) == 3  # any iterable


def test_a_refusal_on_29_february_counts_until_28_february():
    refused = [dt.date(2024, 2, 29)]
    assert refusals_counted(refused, dt.date(2025, 2, 28)) == 1
    assert refusals_counted(refused, dt.date(2025, 3, 1)) == 0


def test_the_period_can_be_set():
    assert refusals_counted([dt.date(2025, 1, 1)], TODAY, months=6) == 1
    assert refusals_counted([dt.date(2024, 12, 14)], TODAY, months=6) == 0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31)), max_size=20),
    st.dates(dt.date(2023, 1, 1), dt.date(2026, 12, 31)),
)
def test_refusals_counted_is_the_count_since_a_year_before(refused, today):
    since = counting_since(today)
    assert refusals_counted(refused, today) == len([day for day in refused if day >= since])
    assert (today - since).days in (365, 366)
