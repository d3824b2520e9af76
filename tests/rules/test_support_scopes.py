"""What a consent lets a support worker do, and whether it is in force on a day (portal/rules/support/scopes.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.rules.support.scopes import (
    ALL_SCOPES,
    CONSENT_STATUSES,
    ENDED_STATUSES,
    INVITE_DAYS,
    LONGEST_CONSENT_DAYS,
    USUAL_CONSENT_DAYS,
    ConsentState,
    Scope,
    allows,
    expiry_problem,
    in_force,
    scope_values,
    scopes_from,
    why_not_in_force,
)

TODAY = dt.date(2026, 11, 22)


def state(status: str = "active", ends: dt.date = TODAY, approved: bool = True) -> ConsentState:
    return ConsentState(status=status, expires_on=ends, worker_approved=approved)


@pytest.mark.parametrize(
    ("can_help", "can_bid", "expected"),
    [
        (False, False, {Scope.VIEW}),
        (True, False, {Scope.VIEW, Scope.HELP}),
        (False, True, {Scope.VIEW, Scope.BID}),
        (True, True, {Scope.VIEW, Scope.HELP, Scope.BID}),
    ],
)
def test_seeing_is_always_part_of_a_consent(can_help, can_bid, expected):
    assert scopes_from(can_help, can_bid) == expected
    assert allows(scopes_from(can_help, can_bid), Scope.VIEW)
    assert allows(scopes_from(can_help, can_bid), Scope.HELP) is can_help
    assert allows(scopes_from(can_help, can_bid), Scope.BID) is can_bid


def test_scope_values_follow_one_order_whatever_the_order_given():
    assert scope_values([Scope.BID, Scope.VIEW]) == ["view", "bid"]
    assert scope_values(ALL_SCOPES) == ["view", "help", "bid"]
    assert scope_values([]) == []


def test_the_lengths_make_sense_together():
    assert INVITE_DAYS < USUAL_CONSENT_DAYS < LONGEST_CONSENT_DAYS
    assert LONGEST_CONSENT_DAYS >= 366, "twelve months ahead always fits, leap years included"
    assert ENDED_STATUSES < set(CONSENT_STATUSES)
    assert {"active", "invited", "requested"}.isdisjoint(ENDED_STATUSES)


def test_an_active_consent_is_in_force_up_to_and_including_its_last_day():
    assert in_force(state(ends=TODAY), TODAY)
    assert why_not_in_force(state(ends=TODAY), TODAY) is None
    assert not in_force(state(ends=TODAY), TODAY + dt.timedelta(days=1))
    assert why_not_in_force(state(ends=TODAY), TODAY + dt.timedelta(days=1)) == "expired"


@pytest.mark.parametrize("status", sorted(ENDED_STATUSES))
def test_an_ended_consent_is_not_in_force_and_says_how_it_ended(status):
    later = TODAY + dt.timedelta(days=30)
    assert not in_force(state(status, later), TODAY)
    assert why_not_in_force(state(status, later), TODAY) == status


@pytest.mark.parametrize("status", ["invited", "requested"])
def test_a_consent_not_yet_agreed_on_both_sides_is_not_in_force(status):
    later = TODAY + dt.timedelta(days=30)
    assert not in_force(state(status, later), TODAY)
    assert why_not_in_force(state(status, later), TODAY) == "not_accepted"


def test_a_worker_not_approved_cannot_act_even_with_an_active_consent():
    later = TODAY + dt.timedelta(days=30)
    assert not in_force(state(ends=later, approved=False), TODAY)
    assert why_not_in_force(state(ends=later, approved=False), TODAY) == "worker_not_approved"


def test_the_reason_names_the_ending_before_the_date_or_the_worker():
    long_ago = TODAY - dt.timedelta(days=100)
    assert why_not_in_force(state("revoked", long_ago, approved=False), TODAY) == "revoked"
    assert why_not_in_force(state("active", long_ago, approved=False), TODAY) == "expired"


@pytest.mark.parametrize(
    ("days_ahead", "problem"),
    [
        (-1, "past"),
        (0, "past"),
        (1, None),
        (USUAL_CONSENT_DAYS, None),
        (LONGEST_CONSENT_DAYS, None),
        (LONGEST_CONSENT_DAYS + 1, "too_far"),
    ],
)
def test_an_end_date_must_be_after_today_and_within_the_longest_allowed(days_ahead, problem):
    assert expiry_problem(TODAY + dt.timedelta(days=days_ahead), TODAY) == problem


def test_a_consent_in_force_matches_the_end_date_check():
    """Any end date the applicant may choose gives a consent in force today."""
    for days in range(1, LONGEST_CONSENT_DAYS + 1, 37):
        ends = TODAY + dt.timedelta(days=days)
        assert expiry_problem(ends, TODAY) is None and in_force(state(ends=ends), TODAY)
