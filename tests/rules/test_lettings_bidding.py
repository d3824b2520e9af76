"""Who may bid for a home: the advert's rules and the rules of bidding, each with a plain sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.application.stages import NEXT_STEPS
from portal.rules.lettings import bidding
from portal.rules.lettings.bidding import CODES, REASONS, bid_check, eligibility_blockers
from portal.rules.lettings.facts import Bidder, Home

TODAY = dt.date(2025, 6, 2)

HOME = Home(
    reference="A-00001",
    status="open",
    tenure="social_rent",
    landlord_kind="council",
    bedrooms=2,
    property_type="flat",
    mobility="general",
)

BIDDER = Bidder(
    reference="HR-0001",
    stage="active",
    band=2,
    priority_date=dt.date(2025, 3, 1),
    registration_date=dt.date(2024, 6, 1),
    bedroom_need=2,
    applicant_age=40,
    current_home_type="private_rented",
    local_connection=True,
)


def check(home=HOME, bidder=BIDDER, *, active_bids=0, bid_limit=3, already_bid=False):
    return bid_check(home, bidder, active_bids=active_bids, bid_limit=bid_limit, already_bid=already_bid, today=TODAY)


def texts(blockers):
    return [blocker.sentence.text() for blocker in blockers]


def test_a_household_on_the_register_may_bid_for_a_home_it_fits():
    result = check()
    assert result.can_bid
    assert result.blockers == ()
    assert result.codes == ()


def test_without_an_application_only_the_account_and_the_advert_are_checked():
    assert check(bidder=None).codes == ("no_account",)
    assert check(replace(HOME, status="closed"), None).codes == ("no_account", "advert_not_open")
    assert texts(check(bidder=None).blockers) == [
        "To bid for a home, you need an application on the housing register. You can apply online."
    ]


@pytest.mark.parametrize("status", ["draft", "ready", "closed", "matched", "let", "withdrawn"])
def test_only_an_open_advert_takes_bids(status):
    result = check(replace(HOME, status=status))
    assert result.codes == ("advert_not_open",)
    assert texts(result.blockers) == ["This home is not taking bids at the moment."]


@pytest.mark.parametrize(
    ("stage", "band", "words"),
    [
        ("active", None, "once your application is on the housing register and has a band"),
        ("being_assessed", None, "once your application is on the housing register and has a band"),
        ("under_review", 3, "once your application is on the housing register and has a band"),
        ("suspended", 2, "Your application is on hold for now, so you cannot bid for homes."),
        ("closed", 1, "Your application is closed."),
    ],
)
def test_only_active_households_with_a_band_are_on_the_register(stage, band, words):
    blockers = eligibility_blockers(HOME, replace(BIDDER, stage=stage, band=band))
    assert [b.code for b in blockers] == ["not_on_register"]
    assert words in blockers[0].sentence.text()


def test_the_stage_sentences_are_the_ones_the_application_page_uses():
    for stage in ("suspended", "closed"):
        (blocker,) = eligibility_blockers(HOME, replace(BIDDER, stage=stage))
        assert blocker.sentence == NEXT_STEPS[stage]


@pytest.mark.parametrize(
    ("low", "high", "need", "code", "text"),
    [
        (
            2,
            3,
            1,
            "too_few_bedrooms_needed",
            "This home is for households who need 2 to 3 bedrooms. Your household needs 1.",
        ),
        (
            2,
            3,
            4,
            "too_many_bedrooms_needed",
            "This home is for households who need 2 to 3 bedrooms. Your household needs 4.",
        ),
        (
            1,
            1,
            2,
            "too_many_bedrooms_needed",
            "This home is for households who need 1 bedroom. Your household needs 2.",
        ),
        (
            3,
            3,
            2,
            "too_few_bedrooms_needed",
            "This home is for households who need 3 bedrooms. Your household needs 2.",
        ),
        (
            1,
            None,
            0,
            "too_few_bedrooms_needed",
            "This home is for households who need 1 bedroom or more. Your household needs 0.",
        ),
        (
            3,
            None,
            2,
            "too_few_bedrooms_needed",
            "This home is for households who need 3 bedrooms or more. Your household needs 2.",
        ),
        (
            None,
            1,
            3,
            "too_many_bedrooms_needed",
            "This home is for households who need no more than 1 bedroom. Your household needs 3.",
        ),
        (
            None,
            2,
            3,
            "too_many_bedrooms_needed",
            "This home is for households who need 2 bedrooms or fewer. Your household needs 3.",
        ),
    ],
)
def test_bedroom_need_outside_the_advert_range(low, high, need, code, text):
    home = replace(HOME, min_bedroom_need=low, max_bedroom_need=high)
    blockers = eligibility_blockers(home, replace(BIDDER, bedroom_need=need))
    assert [b.code for b in blockers] == [code]
    assert texts(blockers) == [text]


@pytest.mark.parametrize("need", [2, 3])
def test_bedroom_need_inside_the_range_including_its_ends(need):
    home = replace(HOME, min_bedroom_need=2, max_bedroom_need=3)
    assert eligibility_blockers(home, replace(BIDDER, bedroom_need=need)) == ()


@pytest.mark.parametrize(
    ("low", "high", "age", "code", "text"),
    [
        (55, None, 54, "too_young", "This home is for people aged 55 or over. You are 54."),
        (None, 35, 36, "too_old", "This home is for people aged 35 or under. You are 36."),
        (18, 25, 17, "too_young", "This home is for people aged 18 to 25. You are 17."),
        (18, 25, 26, "too_old", "This home is for people aged 18 to 25. You are 26."),
    ],
)
def test_age_limits(low, high, age, code, text):
    home = replace(HOME, min_age=low, max_age=high)
    blockers = eligibility_blockers(home, replace(BIDDER, applicant_age=age))
    assert [b.code for b in blockers] == [code]
    assert texts(blockers) == [text]


@pytest.mark.parametrize("age", [55, 60])
def test_age_limits_include_their_ends(age):
    assert eligibility_blockers(replace(HOME, min_age=55, max_age=60), replace(BIDDER, applicant_age=age)) == ()


def test_unknown_bedroom_need_or_age_gets_the_benefit_of_the_doubt():
    home = replace(HOME, min_bedroom_need=3, max_bedroom_need=3, min_age=55, max_age=60)
    assert eligibility_blockers(home, replace(BIDDER, bedroom_need=None, applicant_age=None)) == ()


@pytest.mark.parametrize(
    ("home_type", "blocked"),
    [
        ("council_tenant", False),
        ("housing_association_tenant", False),
        ("private_rented", True),
        ("owner_occupier", True),
        (None, True),
    ],
)
def test_transfer_only_homes_are_for_social_tenants(home_type, blocked):
    blockers = eligibility_blockers(replace(HOME, transfer_only=True), replace(BIDDER, current_home_type=home_type))
    assert [b.code for b in blockers] == (["transfer_only"] if blocked else [])
    # Any other home is for everyone, wherever they live now.
    assert eligibility_blockers(HOME, replace(BIDDER, current_home_type=home_type)) == ()


@pytest.mark.parametrize(("connection", "blocked"), [(True, False), (False, True), (None, True)])
def test_local_connection_homes_need_a_connection_shown(connection, blocked):
    home = replace(HOME, local_connection_only=True)
    blockers = eligibility_blockers(home, replace(BIDDER, local_connection=connection))
    assert [b.code for b in blockers] == (["local_connection"] if blocked else [])
    assert eligibility_blockers(HOME, replace(BIDDER, local_connection=connection)) == ()


def test_every_reason_is_given_in_the_fixed_order():
    home = replace(
        HOME,
        status="closed",
        min_bedroom_need=3,
        min_age=60,
        transfer_only=True,
        local_connection_only=True,
    )
    bidder = replace(BIDDER, stage="suspended", bedroom_need=1, applicant_age=30, local_connection=False)
    assert check(home, bidder, active_bids=3, bid_limit=3).codes == (
        "advert_not_open",
        "not_on_register",
        "too_few_bedrooms_needed",
        "too_young",
        "transfer_only",
        "local_connection",
        "bid_limit",
    )
    too_big = replace(HOME, max_bedroom_need=1, max_age=25)
    assert check(too_big, replace(bidder, bedroom_need=2), already_bid=True).codes == (
        "not_on_register",
        "too_many_bedrooms_needed",
        "too_old",
        "already_bid",
    )


def test_a_second_bid_on_the_same_home_is_refused_without_talk_of_the_limit():
    result = check(active_bids=3, bid_limit=3, already_bid=True)
    assert result.codes == ("already_bid",)
    assert texts(result.blockers) == ["You have already bid for this home. You can see your bids on your bids page."]


@pytest.mark.parametrize(("active", "limit", "blocked"), [(0, 3, False), (2, 3, False), (3, 3, True), (4, 3, True)])
def test_the_bid_limit(active, limit, blocked):
    assert check(active_bids=active, bid_limit=limit).codes == (("bid_limit",) if blocked else ())


def test_a_cycle_without_bids_has_its_own_words():
    assert texts(check(active_bids=0, bid_limit=0).blockers) == [
        "You cannot bid for this home because its bidding cycle does not take bids."
    ]


def test_the_bid_limit_sentence_has_its_own_words_for_one_bid():
    assert texts(check(active_bids=3, bid_limit=3).blockers) == [
        "You have 3 bids in this bidding cycle and you are using them all. "
        "You can take back a bid to bid for this home."
    ]
    assert texts(check(active_bids=1, bid_limit=1).blockers) == [
        "You have 1 bid in this bidding cycle and you are using it. You can take back your bid to bid for this home."
    ]


def test_sentences_are_translated_whole_and_cite_no_rule():
    home = replace(
        HOME, status="closed", min_bedroom_need=3, min_age=60, transfer_only=True, local_connection_only=True
    )
    bidder = replace(BIDDER, stage="closed", bedroom_need=1, applicant_age=30, local_connection=None)
    blockers = check(home, bidder, active_bids=5, bid_limit=2).blockers + check(bidder=None).blockers
    seen = []
    for blocker in blockers:
        assert blocker.sentence.rule == ""
        seen.append(blocker.sentence.message)
        # The whole message goes to the translator once, and its placeholders are filled after.
        assert blocker.sentence.text(lambda message: f"[{message}]") == f"[{blocker.sentence.text()}]"
    assert len(set(seen)) == len(seen)


def test_every_code_has_a_reason_without_numbers():
    assert set(REASONS) == set(CODES)
    assert all("%(" not in reason for reason in REASONS.values())
    assert all(getattr(bidding, code.upper()) == code for code in CODES)


homes = st.builds(
    Home,
    reference=st.just("A-1"),
    status=st.sampled_from(["draft", "ready", "open", "closed"]),
    tenure=st.just("social_rent"),
    landlord_kind=st.sampled_from(["council", "housing_association"]),
    bedrooms=st.integers(0, 6),
    property_type=st.just("flat"),
    mobility=st.just("general"),
    min_age=st.one_of(st.none(), st.integers(16, 70)),
    max_age=st.one_of(st.none(), st.integers(16, 90)),
    min_bedroom_need=st.one_of(st.none(), st.integers(0, 6)),
    max_bedroom_need=st.one_of(st.none(), st.integers(0, 6)),
    transfer_only=st.booleans(),
    local_connection_only=st.booleans(),
)
bidders = st.builds(
    Bidder,
    reference=st.just("HR-1"),
    stage=st.sampled_from(["active", "suspended", "closed"]),
    band=st.one_of(st.none(), st.integers(1, 4)),
    bedroom_need=st.one_of(st.none(), st.integers(0, 6)),
    applicant_age=st.one_of(st.none(), st.integers(16, 100)),
    current_home_type=st.sampled_from([None, "council_tenant", "housing_association_tenant", "private_rented"]),
    local_connection=st.sampled_from([None, True, False]),
)


@settings(max_examples=300, deadline=None)
@given(homes, bidders, st.integers(0, 5), st.integers(0, 5), st.booleans())
def test_bid_check_is_the_advert_rules_plus_the_bidding_rules(home, bidder, active, limit, already):
    result = bid_check(home, bidder, active_bids=active, bid_limit=limit, already_bid=already, today=TODAY)
    eligibility = tuple(b.code for b in eligibility_blockers(home, bidder))
    expected = (
        (("advert_not_open",) if home.status != "open" else ())
        + eligibility
        + (("already_bid",) if already else ())
        + (("bid_limit",) if active >= limit and not already else ())
    )
    assert result.codes == expected
    assert result.can_bid == (expected == ())
    assert list(result.codes) == sorted(result.codes, key=CODES.index)
    for blocker in result.blockers:
        blocker.sentence.text()  # every sentence fills its placeholders
