"""Waiting-time estimates: the lets of the last months, by band and size, and honest words about them."""

from __future__ import annotations

import datetime as dt
import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.lettings.waiting import LetRecord, estimate, estimate_table, months_of

TODAY = dt.date(2025, 6, 15)


def let(let_on, waited_days, band=2, bedrooms=2):
    day = dt.date.fromisoformat(let_on)
    return LetRecord(let_on=day, bedrooms=bedrooms, band=band, priority_date=day - dt.timedelta(days=waited_days))


def texts(result):
    return [sentence.text() for sentence in result.sentences]


def test_figures_from_the_lets_of_this_band_and_size():
    lets = [
        let("2025-01-10", 400),
        let("2025-03-01", 100),
        let("2025-05-20", 250),
        let("2025-05-21", 30, band=1),  # another band
        let("2025-05-22", 30, bedrooms=3),  # another size
        let("2024-06-14", 5),  # a day too early
        LetRecord(dt.date(2025, 4, 1), 2, 2, None),  # no priority date: no wait to count
    ]
    result = estimate(lets, band=2, bedrooms=2, today=TODAY)
    assert (result.band, result.bedrooms, result.lets, result.months) == (2, 2, 3, 12)
    assert (result.median_days, result.shortest_days, result.longest_days) == (250, 100, 400)
    assert texts(result) == [
        "This is a guide from the homes we let in the last 12 months. It is not a promise.",
        "In that time, we let 3 homes of this size to households in band 2.",
        "A typical wait was about 8 months.",
        "The waits went from about 3 to about 13 months.",
        "Your own wait may be shorter or longer. It depends on your band, your priority date and the homes you "
        "bid for.",
    ]


def test_the_period_includes_its_first_day_and_today_but_not_the_future():
    lets = [let("2024-06-15", 10), let("2025-06-15", 20), let("2025-06-16", 30)]
    result = estimate(lets, band=2, bedrooms=2, today=TODAY, minimum_lets=1)
    assert (result.lets, result.shortest_days, result.longest_days) == (2, 10, 20)


def test_too_few_lets_give_no_figures_and_say_so():
    result = estimate([let("2025-05-01", 100), let("2025-05-02", 200)], band=3, bedrooms=2, today=TODAY)
    assert result.lets == 0
    result = estimate([let("2025-05-01", 100), let("2025-05-02", 200)], band=2, bedrooms=2, today=TODAY)
    assert result.lets == 2
    assert (result.median_days, result.shortest_days, result.longest_days) == (None, None, None)
    assert texts(result)[0] == (
        "Too few homes of this size were let to households in band 2 in the last 12 months to give a guide to the wait."
    )
    assert "may be shorter or longer" in texts(result)[1]


def test_one_month_and_one_let_have_their_own_words():
    result = estimate(
        [let("2025-06-01", 10, band=1, bedrooms=1)], band=1, bedrooms=1, today=TODAY, months=1, minimum_lets=1
    )
    assert texts(result)[:3] == [
        "This is a guide from the homes we let in the last month. It is not a promise.",
        "In that time, we let 1 home of this size to a household in band 1.",
        "A typical wait was less than a month.",
    ]
    assert len(result.sentences) == 4  # no range when there is one wait
    too_few = estimate([], band=1, bedrooms=1, today=TODAY, months=1)
    assert texts(too_few)[0].startswith("Too few homes of this size were let to households in band 1 in the last month")


def test_waits_in_words():
    def words(*waits):
        lets = [let("2025-06-01", days) for days in waits]
        return texts(estimate(lets, band=2, bedrooms=2, today=TODAY, minimum_lets=1))[2:-1]

    assert words(31) == ["A typical wait was about 1 month."]
    assert words(5, 20, 40) == [
        "A typical wait was about 1 month.",
        "The shortest wait was less than a month and the longest was about 1 month.",
    ]
    assert words(5, 200) == [
        "A typical wait was less than a month.",
        "The shortest wait was less than a month and the longest was about 7 months.",
    ]
    assert words(65, 70) == ["A typical wait was about 2 months."]  # same months: no range


def test_an_even_number_of_lets_takes_the_lower_middle_wait():
    lets = [let("2025-06-01", days) for days in (10, 20, 30, 40)]
    assert estimate(lets, band=2, bedrooms=2, today=TODAY).median_days == 20


def test_months_of_days():
    assert [months_of(days) for days in (0, 15, 16, 30, 45, 46, 365, 366, 730)] == [0, 0, 1, 1, 1, 2, 12, 12, 24]


def test_the_table_has_every_band_and_the_usual_sizes_and_any_other_size_let():
    lets = [let("2025-05-01", 100, band=1, bedrooms=5), let("2023-01-01", 100, band=1, bedrooms=6)]
    table = estimate_table(lets, today=TODAY, minimum_lets=1)
    assert [(row.band, row.bedrooms) for row in table] == [
        (band, size) for band in (1, 2, 3, 4) for size in (1, 2, 3, 4, 5)
    ]
    five = next(row for row in table if (row.band, row.bedrooms) == (1, 5))
    assert (five.lets, five.median_days) == (1, 100)
    assert all(row.median_days is None for row in table if row is not five)


lets_strategy = st.lists(
    st.builds(
        LetRecord,
        let_on=st.dates(dt.date(2023, 1, 1), dt.date(2026, 1, 1)),
        bedrooms=st.integers(0, 6),
        band=st.one_of(st.none(), st.integers(1, 4)),
        priority_date=st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2026, 1, 1))),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(lets_strategy, st.integers(1, 4), st.integers(0, 6), st.integers(1, 24), st.integers(1, 5))
def test_the_estimate_matches_a_plain_count(lets, band, bedrooms, months, minimum):
    result = estimate(lets, band=band, bedrooms=bedrooms, today=TODAY, months=months, minimum_lets=minimum)
    counted = [
        max(0, (x.let_on - x.priority_date).days)
        for x in lets
        if x.band == band
        and x.bedrooms == bedrooms
        and x.priority_date is not None
        and x.let_on <= TODAY
        and (x.let_on.year, x.let_on.month, x.let_on.day) >= _months_back(TODAY, months)
    ]
    assert result.lets == len(counted)
    if len(counted) < minimum:
        assert result.median_days is None and result.shortest_days is None and result.longest_days is None
    else:
        assert result.median_days == statistics.median_low(counted)
        assert (result.shortest_days, result.longest_days) == (min(counted), max(counted))
        assert result.shortest_days <= result.median_days <= result.longest_days
    assert all(sentence.rule == "" for sentence in result.sentences)
    assert "not a promise" in " ".join(texts(result)) or "Too few" in texts(result)[0]


def _months_back(day: dt.date, months: int) -> tuple[int, int, int]:
    """The same day ``months`` months earlier, as (year, month, day); a day past the month's end is its last day."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    last = (dt.date(year + (month == 11), (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return (year, month + 1, min(day.day, last))
