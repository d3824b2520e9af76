"""Search filters: one canonical form from any input, and whether a home meets them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from portal.rules.lettings.alerts import FILTER_KEYS, STEP_FREE_MOBILITY, clean_filters, is_empty, matches, weekly_cost
from portal.rules.lettings.facts import Home
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES

EMPTY = {
    "tenure": [],
    "area": "",
    "min_bedrooms": None,
    "max_bedrooms": None,
    "property_type": [],
    "mobility": [],
    "max_weekly_rent": None,
}

HOME = Home(
    reference="A-1",
    status="open",
    tenure="social_rent",
    landlord_kind="council",
    bedrooms=2,
    property_type="flat",
    mobility="step_free",
    area="Brighton Hill",
    weekly_rent=Decimal("110.00"),
    weekly_service_charge=Decimal("5.00"),
)


def test_nothing_given_is_every_key_empty():
    assert clean_filters({}) == EMPTY
    assert tuple(clean_filters({})) == FILTER_KEYS
    assert is_empty({}) and is_empty({"area": "  ", "colour": "blue"})
    assert not is_empty({"tenure": "social_rent"})


def test_a_query_string_with_repeated_keys():
    raw = MultiDict(
        [
            ("tenure", "shared_ownership"),
            ("tenure", "social_rent"),
            ("tenure", "castle"),
            ("tenure", "social_rent"),
            ("area", "  brighton   hill "),
            ("min_bedrooms", "2"),
            ("max_bedrooms", ""),
            ("property_type", "house"),
            ("mobility", "wheelchair"),
            ("max_weekly_rent", "£1,200.509"),
            ("page", "3"),
        ]
    )
    assert clean_filters(raw) == {
        "tenure": ["social_rent", "shared_ownership"],  # in the order of the kinds, each once
        "area": "brighton hill",
        "min_bedrooms": 2,
        "max_bedrooms": None,
        "property_type": ["house"],
        "mobility": ["wheelchair"],
        "max_weekly_rent": "1200.50",
    }


def test_a_saved_search_reads_back_unchanged():
    saved = clean_filters({"tenure": ["affordable_rent"], "max_weekly_rent": 150, "min_bedrooms": 1})
    assert saved["max_weekly_rent"] == "150.00"
    assert clean_filters(saved) == saved


def test_lists_may_come_comma_separated():
    assert clean_filters({"property_type": "flat, bungalow"})["property_type"] == ["flat", "bungalow"]


def test_bedrooms_the_wrong_way_round_are_swapped():
    cleaned = clean_filters({"min_bedrooms": "4", "max_bedrooms": 1})
    assert (cleaned["min_bedrooms"], cleaned["max_bedrooms"]) == (1, 4)


@pytest.mark.parametrize("value", ["-1", "21", "two", "2.5", True, 2.0, "٣", "99999999999", [], {}])
def test_bad_bedroom_numbers_are_dropped(value):
    assert clean_filters({"min_bedrooms": value})["min_bedrooms"] is None


@pytest.mark.parametrize("value", ["-5", "NaN", "Infinity", "1e400", "100000.01", "abc", "", True, "1,2,3,4,5,6"])
def test_bad_rents_are_dropped(value):
    assert clean_filters({"max_weekly_rent": value})["max_weekly_rent"] is None


@pytest.mark.parametrize(
    ("value", "kept"), [("0", "0.00"), ("-0", "0.00"), ("95.5", "95.50"), (Decimal("99.999"), "99.99"), (120, "120.00")]
)
def test_rents_are_kept_in_pounds_and_pence(value, kept):
    assert clean_filters({"max_weekly_rent": value})["max_weekly_rent"] == kept


@pytest.mark.parametrize("raw", [None, "tenure=social_rent", 7, {"tenure": 3, "area": ["a", "b"]}, {"area": 12}])
def test_anything_at_all_gives_canonical_filters(raw):
    cleaned = clean_filters(raw)
    assert set(cleaned) == set(FILTER_KEYS)


def test_no_filters_match_every_home():
    assert matches({}, HOME)
    assert matches({}, replace(HOME, weekly_rent=None, tenure="first_homes"))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"tenure": ["social_rent", "affordable_rent"]}, True),
        ({"tenure": ["first_homes"]}, False),
        ({"area": "BRIGHTON  hill"}, True),
        ({"area": "Brighton"}, False),
        ({"min_bedrooms": 2, "max_bedrooms": 2}, True),
        ({"min_bedrooms": 3}, False),
        ({"max_bedrooms": 1}, False),
        ({"property_type": ["flat", "house"]}, True),
        ({"property_type": ["house"]}, False),
        ({"mobility": list(STEP_FREE_MOBILITY)}, True),
        ({"mobility": ["wheelchair"]}, False),
        ({"max_weekly_rent": "115"}, True),  # rent and service charge together
        ({"max_weekly_rent": "114.99"}, False),
        ({"tenure": ["social_rent"], "area": "brighton hill", "min_bedrooms": 3}, False),
        ({"tenure": ["castle"]}, True),  # an unknown value is dropped, so it filters nothing
    ],
)
def test_each_filter(filters, expected):
    assert matches(filters, HOME) is expected


def test_a_home_without_a_weekly_rent_does_not_meet_a_rent_filter():
    for_sale = replace(HOME, tenure="shared_ownership", weekly_rent=None, weekly_service_charge=None)
    assert weekly_cost(for_sale) is None
    assert not matches({"max_weekly_rent": "1000"}, for_sale)
    assert weekly_cost(replace(HOME, weekly_service_charge=None)) == Decimal("110.00")


homes = st.builds(
    Home,
    reference=st.just("A-1"),
    status=st.just("open"),
    tenure=st.sampled_from(list(TENURES)),
    landlord_kind=st.just("council"),
    bedrooms=st.integers(0, 6),
    property_type=st.sampled_from(list(PROPERTY_TYPES)),
    mobility=st.sampled_from(list(MOBILITY_CATEGORIES)),
    area=st.sampled_from(["", "Brighton Hill", "Oakley", "Popley"]),
    weekly_rent=st.one_of(st.none(), st.integers(0, 40000).map(lambda p: Decimal(p) / 100)),
    weekly_service_charge=st.one_of(st.none(), st.integers(0, 5000).map(lambda p: Decimal(p) / 100)),
)
raw_filters = st.dictionaries(
    st.sampled_from([*FILTER_KEYS, "other"]),
    st.one_of(
        st.none(),
        st.text(max_size=12),
        st.integers(-5, 300),
        st.lists(st.sampled_from([*TENURES, *PROPERTY_TYPES, *MOBILITY_CATEGORIES, "x"]), max_size=4),
        st.sampled_from(["Oakley", "popley", "2", "150.25"]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(raw_filters, homes)
def test_cleaning_is_idempotent_and_matching_is_every_filter_at_once(raw, home):
    cleaned = clean_filters(raw)
    assert clean_filters(cleaned) == cleaned
    assert matches(raw, home) == matches(cleaned, home)
    one_at_a_time = all(matches({**EMPTY, key: value}, home) for key, value in cleaned.items())
    assert matches(cleaned, home) == one_at_a_time
    assert matches(EMPTY, home)
