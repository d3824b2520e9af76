"""Shortlists: the advert's filters, then the scheme's ordering (section 8); and who stands in the way of an offer."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.contract.rank_io import rank_line
from portal.rules.lettings.bidding import eligibility_blockers
from portal.rules.lettings.facts import Bidder, Home
from portal.rules.lettings.kinds import SHORTLIST_STATUSES
from portal.rules.lettings.shortlist import (
    RULES_USED,
    EntryState,
    candidate_of,
    live_place,
    live_position,
    make_shortlist,
    passed_over_without_reason,
    position_sentence,
)
from portal.rules.ranking import Candidate, shortlist_order

HOME = Home(
    reference="A-00001",
    status="closed",
    tenure="social_rent",
    landlord_kind="council",
    bedrooms=2,
    property_type="flat",
    mobility="general",
    min_bedroom_need=2,
    max_bedroom_need=3,
)


def bidder(ref, band=2, priority="2025-01-01", registered="2020-01-01", **facts):
    return Bidder(
        reference=ref,
        stage=facts.pop("stage", "active"),
        band=band,
        priority_date=dt.date.fromisoformat(priority) if priority else None,
        registration_date=dt.date.fromisoformat(registered) if registered else None,
        bedroom_need=facts.pop("bedroom_need", 2),
        **facts,
    )


def test_each_ordering_key_in_turn():
    bidders = [
        bidder("d", band=3, priority="2001-01-01", registered="2001-01-01"),
        bidder("c", priority="2025-01-02", registered="2001-01-01"),
        bidder("b", registered="2020-01-02"),
        bidder("a2"),
        bidder("a10"),
        bidder("B"),
    ]
    placed = make_shortlist(HOME, bidders)
    assert [(p.bidder.reference, p.position) for p in placed] == [
        ("B", 1),
        ("a10", 2),
        ("a2", 3),
        ("b", 4),
        ("c", 5),
        ("d", 6),
    ]
    assert all(p.excluded_because == () for p in placed)


def test_bidders_the_home_is_not_for_come_last_by_reference_with_their_codes():
    bidders = [
        bidder("z-top", band=1),
        bidder("m-big", band=1, bedroom_need=5),
        bidder("b-off", band=None, priority=None, stage="suspended"),
        bidder("k", band=4),
        bidder("a-small", band=1, bedroom_need=1),
    ]
    placed = make_shortlist(HOME, bidders)
    assert [(p.bidder.reference, p.position, p.excluded_because) for p in placed] == [
        ("z-top", 1, ()),
        ("k", 2, ()),
        ("a-small", None, ("too_few_bedrooms_needed",)),
        ("b-off", None, ("not_on_register",)),
        ("m-big", None, ("too_many_bedrooms_needed",)),
    ]


def test_an_empty_shortlist():
    assert make_shortlist(HOME, []) == []
    assert live_position(HOME, "a", []) is None


def test_a_reference_names_one_household():
    with pytest.raises(ValueError, match="more than once"):
        make_shortlist(HOME, [bidder("a"), bidder("a", band=1)])


def test_missing_dates_fall_back_and_never_jump_the_queue():
    assert candidate_of(bidder("a", priority=None, registered="2021-05-05")) == Candidate(
        "a", 2, dt.date(2021, 5, 5), dt.date(2021, 5, 5)
    )
    placed = make_shortlist(HOME, [bidder("a", priority=None, registered=None), bidder("b", priority="2030-01-01")])
    assert [p.bidder.reference for p in placed] == ["b", "a"]


def test_live_position_and_place():
    bidders = [bidder("a", band=3), bidder("b", band=1), bidder("c", band=2), bidder("x", bedroom_need=9)]
    assert live_position(HOME, "b", bidders) == 1
    assert live_position(HOME, "a", bidders) == 3
    assert live_place(HOME, "c", bidders) == (2, 3)
    assert live_position(HOME, "x", bidders) is None  # left out
    assert live_place(HOME, "nobody", bidders) is None


def test_position_sentence():
    assert position_sentence(3, 12).text() == "You are number 3 of 12 bidders."
    assert position_sentence(1, 1).text() == "You are the only bidder so far."


def test_the_rules_used_are_sentences_and_the_ordering_cites_section_8():
    texts = [sentence.text() for sentence in RULES_USED]
    assert len(texts) == 6
    assert [sentence.rule for sentence in RULES_USED] == ["", "", "8", "8", "8", "8"]
    assert texts[2] == "We put everyone else in order of band. Band 1 comes first. Scheme rule 8."
    assert "earliest priority date" in texts[3]
    assert "earliest registration date" in texts[4]
    assert "application reference" in texts[5]


def states(*rows):
    return [EntryState(ref, position, status) for ref, position, status in rows]


def test_places_above_that_were_not_passed_over_stand_in_the_way():
    entries = states(
        ("a", 1, "skipped"),
        ("b", 2, "verified"),
        ("c", 3, "refused"),
        ("d", 4, "waiting"),
        ("e", 5, "waiting"),
        ("x", None, "excluded"),
    )
    assert passed_over_without_reason(entries, "a") == []
    assert passed_over_without_reason(entries, "b") == []
    assert passed_over_without_reason(entries, "d") == ["b"]
    assert passed_over_without_reason(entries, "e") == ["b", "d"]
    # Someone left out of the ranking is below everyone.
    assert passed_over_without_reason(entries, "x") == ["b", "d", "e"]
    assert passed_over_without_reason(entries, "unknown") == ["b", "d", "e"]


@pytest.mark.parametrize("status", [s for s in SHORTLIST_STATUSES if s not in ("skipped", "refused", "excluded")])
def test_every_other_status_above_stands_in_the_way(status):
    entries = states(("a", 1, status), ("b", 2, "waiting"))
    assert passed_over_without_reason(entries, "b") == ["a"]


def test_the_result_is_top_first_whatever_order_the_entries_come_in():
    entries = states(("c", 3, "waiting"), ("a", 1, "offered"), ("d", 4, "verified"), ("b", 2, "waiting"))
    assert passed_over_without_reason(entries, "d") == ["a", "b", "c"]


dates = st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
any_bidders = st.lists(
    st.builds(
        Bidder,
        reference=st.text(min_size=1, max_size=6),
        stage=st.sampled_from(["active", "active", "active", "suspended"]),
        band=st.one_of(st.none(), st.integers(1, 4), st.integers(1, 4)),
        priority_date=dates,
        registration_date=dates,
        bedroom_need=st.one_of(st.none(), st.integers(0, 5)),
        applicant_age=st.one_of(st.none(), st.integers(16, 99)),
        current_home_type=st.sampled_from([None, "council_tenant", "private_rented"]),
        local_connection=st.sampled_from([None, True, False]),
    ),
    max_size=25,
    unique_by=lambda b: b.reference,
)
any_homes = st.builds(
    Home,
    reference=st.just("A-1"),
    status=st.just("closed"),
    tenure=st.just("social_rent"),
    landlord_kind=st.just("council"),
    bedrooms=st.integers(1, 5),
    property_type=st.just("house"),
    mobility=st.just("general"),
    min_age=st.one_of(st.none(), st.integers(16, 70)),
    max_age=st.one_of(st.none(), st.integers(30, 99)),
    min_bedroom_need=st.one_of(st.none(), st.integers(0, 3)),
    max_bedroom_need=st.one_of(st.none(), st.integers(2, 5)),
    transfer_only=st.booleans(),
    local_connection_only=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(any_homes, any_bidders, st.randoms(use_true_random=False))
def test_the_shortlist_is_the_scheme_ordering_of_the_eligible_bidders(home, bidders, shuffler: random.Random):
    placed = make_shortlist(home, bidders)
    shuffled = list(bidders)
    shuffler.shuffle(shuffled)
    assert make_shortlist(home, shuffled) == placed  # the order of bids does not matter

    ranked_places = [p for p in placed if p.position is not None]
    left_out = [p for p in placed if p.position is None]
    assert placed == ranked_places + left_out
    assert [p.position for p in ranked_places] == list(range(1, len(ranked_places) + 1))
    assert sorted(p.bidder.reference for p in placed) == sorted(b.reference for b in bidders)

    eligible = [b for b in bidders if not eligibility_blockers(home, b)]
    order = [p.bidder.reference for p in ranked_places]
    assert order == shortlist_order(candidate_of(b) for b in eligible)
    line = {
        "id": "S",
        "candidates": [
            {
                "ref": b.reference,
                "band": b.band,
                "priority_date": b.priority_date.isoformat(),
                "registration_date": b.registration_date.isoformat(),
            }
            for b in eligible
        ],
    }
    assert rank_line(line)["order"] == order  # the same as `housing-register rank`

    for place in left_out:
        assert place.excluded_because == tuple(b.code for b in eligibility_blockers(home, place.bidder))
        assert place.excluded_because
        assert live_position(home, place.bidder.reference, bidders) is None
    assert [p.bidder.reference for p in left_out] == sorted(p.bidder.reference for p in left_out)
    for place in ranked_places:
        assert live_place(home, place.bidder.reference, bidders) == (place.position, len(ranked_places))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SHORTLIST_STATUSES[:-1]), max_size=12), st.data())
def test_passed_over_lists_exactly_the_unresolved_places_above(statuses, data):
    entries = [EntryState(f"r{n:02d}", n, status) for n, status in enumerate(statuses, start=1)]
    if not entries:
        assert passed_over_without_reason(entries, "r01") == []
        return
    chosen = data.draw(st.sampled_from(entries))
    result = passed_over_without_reason(entries, chosen.reference)
    assert result == [
        e.reference for e in entries if e.position < chosen.position and e.status not in ("skipped", "refused")
    ]
    # Passing over each of them clears the way.
    cleared = [replace(e, status="skipped") if e.reference in result else e for e in entries]
    assert passed_over_without_reason(cleared, chosen.reference) == []
