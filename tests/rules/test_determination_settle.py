"""Settling a determination: confirmations and overrides, their reasons, the checklist and consistency."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.rules.application.to_case import case_from_facts
from portal.rules.determination.checklist import checklist_for
from portal.rules.determination.findings import MEDICAL_AWARDS, Findings
from portal.rules.determination.proposal import FIELDS, Proposal, propose
from portal.rules.determination.settle import Confirmation, Problem, Settled, sentences_json, settle
from portal.rules.household import DUTIES
from tests.rules.application_facts import AS_AT, SCHEME, adult, facts_example, family

REGISTERED = dt.date(2026, 11, 20)
NO_FINDINGS = Findings()
AWARDED = dt.date(2026, 11, 1)
FAMILY_CASE = case_from_facts(facts_example(people=family(), current_home={"bedrooms": 2}), AS_AT, SCHEME)
FAMILY = propose(FAMILY_CASE, SCHEME)  # band 3, short of a bedroom
SINGLE = propose(case_from_facts(facts_example(), AS_AT, SCHEME), SCHEME)  # no housing need: does not qualify
INELIGIBLE = propose(
    case_from_facts(
        facts_example(people=[adult("p1", "applicant", "Ann", "1990-04-02", "female", "none")]), AS_AT, SCHEME
    ),
    SCHEME,
)
CHECKLIST = checklist_for(SCHEME, FAMILY_CASE)
ALL_TICKED = frozenset(factor.key for factor in CHECKLIST)
PROBLEM_FIELDS = {*FIELDS, "checklist", "medical_awarded_on", "duty_date"}


def confirmations(proposal: Proposal, **changes: tuple[object, str]) -> dict[str, Confirmation]:
    """Every field confirmed, except those given as (value, reason), which are overridden."""
    found = {name: Confirmation(field.value, overridden=False) for name, field in proposal.fields.items()}
    for name, (value, reason) in changes.items():
        found[name] = Confirmation(value, overridden=True, reason=reason)  # type: ignore[arg-type]
    return found


def settled(proposal: Proposal, findings: Findings = NO_FINDINGS, **changes: tuple[object, str]) -> Settled:
    result = settle(proposal, confirmations(proposal, **changes), ALL_TICKED, CHECKLIST, findings)
    assert isinstance(result, Settled), result
    return result


def problems(proposal: Proposal, findings: Findings = NO_FINDINGS, **changes: tuple[object, str]) -> list[Problem]:
    result = settle(proposal, confirmations(proposal, **changes), ALL_TICKED, CHECKLIST, findings)
    assert isinstance(result, tuple), result
    return list(result)


def test_confirming_everything_settles_on_the_proposal() -> None:
    result = settled(FAMILY)
    assert (result.outcome, result.eligible, result.qualifies, result.local_connection) == ("joins", True, True, True)
    assert (result.bedroom_need, result.band, result.priority_date) == (3, 3, REGISTERED)
    assert result.registration_date == REGISTERED
    assert result.overrides == {}
    assert list(result.reasons) == sentences_json(FAMILY.assessment.sentences)
    assert json.loads(json.dumps(result.reasons)) == list(result.reasons)


def test_the_reasons_keep_params_plain_for_the_letter() -> None:
    reasons = settled(FAMILY).reasons
    priority = next(reason for reason in reasons if reason["rule"] == "8 PD-1")
    assert priority == {
        "message": "Your priority date is %(date)s, the date your application was complete.",
        "rule": "8 PD-1",
        "params": {"date": "2026-11-20"},
    }


def test_changing_the_band_needs_a_reason() -> None:
    assert problems(FAMILY, band=(2, "  ")) == [Problem("band", "Give a reason for changing the band")]


def test_a_changed_band_is_kept_with_the_officer_reason() -> None:
    reason = "The officer saw the home: the children share a room with a damp wall."
    result = settled(FAMILY, band=(2, reason))
    assert (result.outcome, result.band, result.priority_date) == ("joins", 2, REGISTERED)
    assert result.overrides == {"band": {"proposed": 3, "decided": 2, "reason": reason}}
    assert result.reasons[-1] == {"officer": reason, "field": "band"}
    rules = [item.get("rule", "") for item in result.reasons]
    assert not any(rule.startswith("7.") for rule in rules)  # "Your band is band 3" is not sent
    assert "8 PD-1" in rules and "4.1" in rules


def test_an_override_to_the_proposed_value_is_a_confirmation() -> None:
    result = settled(FAMILY, band=(3, ""), bedroom_need=(3, ""))
    assert result.overrides == {} and result.band == 3


def test_a_changed_priority_date_is_kept_as_an_iso_date() -> None:
    result = settled(FAMILY, priority_date=(dt.datetime(2026, 11, 21, 9, 30), "Date the form was complete"))
    assert result.priority_date == dt.date(2026, 11, 21)
    assert result.overrides["priority_date"]["decided"] == "2026-11-21"
    assert result.overrides["priority_date"]["proposed"] == "2026-11-20"


def test_a_field_not_confirmed_is_a_problem() -> None:
    given = confirmations(FAMILY)
    del given["band"]
    assert settle(FAMILY, given, ALL_TICKED, CHECKLIST) == (Problem("band", "Confirm or change the band"),)


def test_the_checklist_blocks_the_decision() -> None:
    missing_one = ALL_TICKED - {"income"}
    result = settle(FAMILY, confirmations(FAMILY), missing_one, CHECKLIST)
    assert result == (Problem("checklist", "Tick every item on the checklist before you decide"),)
    assert isinstance(settle(FAMILY, confirmations(FAMILY), [*ALL_TICKED, "extra"], CHECKLIST), Settled)


def test_not_qualifying_clears_the_band_and_priority_date() -> None:
    result = settled(FAMILY, qualification=(False, "Savings found in a second account."))
    assert (result.outcome, result.qualifies, result.band, result.priority_date) == (
        "does_not_qualify",
        False,
        None,
        None,
    )
    assert set(result.overrides) == {"qualification"}
    assert result.local_connection is True
    rules = [item.get("rule", "") for item in result.reasons]
    assert not any(rule.startswith(("4.1", "7.", "8")) for rule in rules)
    assert "4.2 R1" in rules  # the local connection still stands


def test_a_changed_local_connection_drops_the_rules_sentences_for_it() -> None:
    reason = "The address history was wrong: the family moved here in 2025."
    result = settled(FAMILY, local_connection=(False, reason), qualification=(False, reason))
    assert result.outcome == "does_not_qualify"
    rules = [item.get("rule", "") for item in result.reasons]
    assert "4.2 R1" not in rules and "3" in rules and "5" in rules
    assert result.reasons[-2:] == (
        {"officer": reason, "field": "qualification"},
        {"officer": reason, "field": "local_connection"},
    )


def test_a_household_that_does_not_qualify_cannot_have_a_band() -> None:
    found = problems(FAMILY, qualification=(False, "Savings"), band=(2, "Medical"))
    assert found == [Problem("band", "A household that does not qualify cannot have a band")]
    found = problems(SINGLE, band=(3, "Medical"), priority_date=(REGISTERED, "Form date"))
    assert found == [
        Problem("band", "A household that does not qualify cannot have a band"),
        Problem("priority_date", "A household that does not qualify cannot have a priority date"),
    ]


def test_not_eligible_clears_everything_but_the_household_facts() -> None:
    result = settled(FAMILY, eligibility=(False, "The Home Office says the applicant has no leave."))
    assert result.outcome == "not_eligible"
    assert (result.eligible, result.qualifies, result.local_connection, result.band, result.priority_date) == (
        False,
        None,
        None,
        None,
        None,
    )
    assert result.bedroom_need == 3
    assert set(result.overrides) == {"eligibility"}
    rules = [item.get("rule") for item in result.reasons if "rule" in item]
    assert rules == ["5", "6.1"]


def test_a_household_that_is_not_eligible_cannot_qualify() -> None:
    found = problems(FAMILY, eligibility=(False, "No leave"), qualification=(True, "Qualifies"))
    assert found == [Problem("qualification", "A household that is not eligible cannot have a qualification decision")]
    found = problems(INELIGIBLE, band=(1, "Urgent"))
    assert found == [Problem("band", "A household that is not eligible cannot have a band")]


def test_making_an_ineligible_household_eligible_needs_every_later_decision() -> None:
    found = problems(INELIGIBLE, eligibility=(True, "Refugee status confirmed"))
    assert [problem.field for problem in found] == ["qualification", "local_connection"]
    found = problems(
        INELIGIBLE,
        eligibility=(True, "Refugee status confirmed"),
        qualification=(True, "Qualifies"),
        local_connection=(True, "Lives here"),
    )
    assert found == [
        Problem("band", "A household that qualifies must have a band: choose the band"),
        Problem("priority_date", "A household with a band must have a priority date: enter the priority date"),
    ]
    result = settled(
        INELIGIBLE,
        eligibility=(True, "Refugee status confirmed"),
        qualification=(True, "Passes every test"),
        local_connection=(True, "Ten years in the area"),
        band=(3, "Short of a bedroom"),
        priority_date=(REGISTERED, "Date of application"),
    )
    assert (result.outcome, result.band) == ("joins", 3)
    assert [item["field"] for item in result.reasons if "officer" in item] == [
        "eligibility",
        "qualification",
        "local_connection",
        "band",
        "priority_date",
    ]
    assert not any(item.get("rule", "").startswith("3") for item in result.reasons)


def test_no_local_connection_means_the_household_cannot_qualify() -> None:
    found = problems(FAMILY, local_connection=(False, "Address not in the area"))
    assert found == [Problem("qualification", "A household with no local connection and no exemption cannot qualify")]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("band", 5, "Choose band 1, 2, 3 or 4"),
        ("band", True, "Choose band 1, 2, 3 or 4"),
        ("band", "2", "Choose band 1, 2, 3 or 4"),
        ("bedroom_need", 0, "Enter the bedroom need as a whole number from 1 to 20"),
        ("bedroom_need", None, "Enter the bedroom need as a whole number from 1 to 20"),
        ("eligibility", "yes", "Choose whether the household is eligible"),
        ("priority_date", "2026-11-21", "Enter the priority date as a real date"),
        (
            "priority_date",
            dt.date(2026, 11, 19),
            "The priority date cannot be before the registration date, 20 November 2026",
        ),
    ],
)
def test_a_value_that_is_not_allowed_is_refused(field: str, value: object, message: str) -> None:
    assert problems(FAMILY, **{field: (value, "A reason")}) == [Problem(field, message)]


def test_a_medical_award_needs_its_date() -> None:
    found = problems(FAMILY, Findings(medical_welfare="high"))
    assert found == [Problem("medical_awarded_on", "Enter the date of the medical award")]
    assert isinstance(settled(FAMILY, Findings(medical_welfare="high", medical_awarded_on=AWARDED)), Settled)


def test_award_and_duty_dates_cannot_be_in_the_future() -> None:
    findings = Findings(
        medical_welfare="urgent", medical_awarded_on=AS_AT + dt.timedelta(days=1), homelessness_duty="main"
    )
    result = settle(FAMILY, confirmations(FAMILY), ALL_TICKED, CHECKLIST, findings, today=AS_AT)
    assert result == (
        Problem("medical_awarded_on", "The date of the medical award must be today or in the past"),
        Problem("duty_date", "Enter the date the homelessness duty was accepted"),
    )


def test_every_problem_is_given_at_once_in_the_order_of_the_form() -> None:
    given = confirmations(FAMILY, band=(1, ""), bedroom_need=(4, ""))
    del given["eligibility"]
    result = settle(FAMILY, given, set(), CHECKLIST, Findings(medical_welfare="medium"))
    assert [problem.field for problem in result] == [  # type: ignore[union-attr]
        "eligibility",
        "bedroom_need",
        "band",
        "checklist",
        "medical_awarded_on",
    ]


VALUES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-5, max_value=30)
    | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
    | st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 12, 31))
    | st.text(max_size=8)
    | st.floats(allow_nan=True)
)
CONFIRMATIONS = st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=4),
    st.builds(Confirmation, value=VALUES, overridden=st.booleans(), reason=st.text(max_size=20)),
)
FINDINGS = st.builds(
    Findings,
    medical_welfare=st.sampled_from(MEDICAL_AWARDS),
    medical_awarded_on=st.none() | st.dates(),
    homelessness_duty=st.none() | st.sampled_from(DUTIES),
    duty_date=st.none() | st.dates(),
)


def _json_safe(value: Any) -> bool:
    return json.loads(json.dumps(value)) == value


def _settled_invariants(proposal: Proposal, result: Settled) -> None:
    assert result.outcome in ("joins", "not_eligible", "does_not_qualify")
    assert (result.outcome == "not_eligible") == (not result.eligible)
    assert (result.outcome == "joins") == (result.qualifies is True)
    if result.outcome != "joins":
        assert result.band is None and result.priority_date is None
    else:
        assert result.band in (1, 2, 3, 4) and result.priority_date is not None
        assert result.priority_date >= result.registration_date or "priority_date" not in result.overrides
        assert result.local_connection is True
    if not result.eligible:
        assert result.qualifies is None and result.local_connection is None
    assert all(override["reason"].strip() for override in result.overrides.values())
    assert _json_safe(list(result.reasons)) and _json_safe(dict(result.overrides))
    officer = [item["field"] for item in result.reasons if "officer" in item]
    assert officer == list(result.overrides)
    for name, override in result.overrides.items():
        assert override["proposed"] != override["decided"] or type(override["proposed"]) is not type(
            override["decided"]
        )
        assert proposal.fields[name].value is not None or override["proposed"] is None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([FAMILY, SINGLE, INELIGIBLE]),
    CONFIRMATIONS,
    st.sets(st.sampled_from(sorted(ALL_TICKED))),
    FINDINGS,
    st.none() | st.dates(),
)
def test_settle_never_raises(
    proposal: Proposal,
    given: Mapping[str, Confirmation],
    ticked: set[str],
    findings: Findings,
    today: dt.date | None,
) -> None:
    result = settle(proposal, given, ticked, CHECKLIST, findings, today=today)
    if isinstance(result, tuple):
        assert result and all(isinstance(problem, Problem) for problem in result)
        assert {problem.field for problem in result} <= PROBLEM_FIELDS
        assert len({problem.field for problem in result}) == len(result)
        assert all(problem.message and problem.message[0].isupper() for problem in result)
    else:
        assert set(given) >= set(FIELDS) and ticked == ALL_TICKED
        _settled_invariants(proposal, result)


REASONS = st.sampled_from(["", "Seen on a home visit.", "Seen on a home visit.", "Seen on a home visit."])
TYPED = {
    "eligibility": st.booleans(),
    "qualification": st.none() | st.booleans(),
    "local_connection": st.none() | st.booleans(),
    "bedroom_need": st.integers(1, 6),
    "band": st.none() | st.integers(1, 4),
    "priority_date": st.none() | st.dates(dt.date(2026, 11, 1), dt.date(2027, 1, 1)),
}
#: For each field: nothing (confirmed), or an override with a value of the field's type (sometimes no reason).
CHANGES = st.fixed_dictionaries({}, optional={name: st.tuples(values, REASONS) for name, values in TYPED.items()})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([FAMILY, SINGLE, INELIGIBLE]), CHANGES)
def test_any_set_of_overrides_settles_consistently_or_says_why_not(
    proposal: Proposal, changes: dict[str, tuple[object, str]]
) -> None:
    result = settle(proposal, confirmations(proposal, **changes), ALL_TICKED, CHECKLIST)
    if isinstance(result, Settled):
        _settled_invariants(proposal, result)
        for name in FIELDS:
            if name not in changes and name not in result.overrides:
                kept = getattr(result, {"eligibility": "eligible", "qualification": "qualifies"}.get(name, name))
                assert kept == proposal.fields[name].value or kept is None
    else:
        assert {problem.field for problem in result} <= set(FIELDS)
        unreasoned = {name for name, (value, reason) in changes.items() if not reason}
        assert unreasoned or any("reason" not in problem.message for problem in result)
