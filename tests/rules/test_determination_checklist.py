"""The checklist before a determination follows the council's scheme parameters."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from portal.rules.application.to_case import case_from_facts
from portal.rules.determination.checklist import Factor, checklist_for
from portal.rules.scheme import SHIPPED_SCHEMES, load_scheme
from tests.rules.application_facts import AS_AT, SCHEME, facts_example

CASE = case_from_facts(facts_example(), AS_AT, SCHEME)
ALWAYS = (
    "identity_household",
    "immigration_eligibility",
    "local_connection",
    "current_home",
    "medical_welfare",
    "homelessness",
    "arrears_reduced_preference",
)


def keys(factors: tuple[Factor, ...]) -> list[str]:
    return [factor.key for factor in factors]


def label(factors: tuple[Factor, ...], key: str) -> str:
    return next(factor.label for factor in factors if factor.key == key)


@pytest.mark.parametrize("scheme_id", SHIPPED_SCHEMES)
def test_a_shipped_scheme_checks_every_factor(scheme_id: str) -> None:
    factors = checklist_for(load_scheme(scheme_id), CASE)
    found = keys(factors)
    assert len(found) == len(set(found))
    assert set(ALWAYS) | {"income", "savings", "home_ownership", "behaviour"} <= set(found)
    assert all(factor.label and factor.label[0].isupper() for factor in factors)


def test_the_default_scheme_in_order() -> None:
    assert keys(checklist_for(SCHEME, CASE)) == [
        "identity_household",
        "immigration_eligibility",
        "local_connection",
        "income",
        "savings",
        "home_ownership",
        "behaviour",
        "current_home",
        "medical_welfare",
        "homelessness",
        "arrears_reduced_preference",
    ]


@pytest.mark.parametrize(
    ("change", "gone"),
    [
        ({"income_cap": None}, "income"),
        ({"savings_cap": None}, "savings"),
        ({"homeowner_excluded": False}, "home_ownership"),
        ({"unacceptable_behaviour_excluded": False}, "behaviour"),
    ],
)
def test_a_rule_the_scheme_does_not_use_is_not_on_the_checklist(change: dict[str, object], gone: str) -> None:
    found = keys(checklist_for(dataclasses.replace(SCHEME, **change), CASE))
    assert gone not in found
    assert set(ALWAYS) <= set(found)
    assert len(found) == len(keys(checklist_for(SCHEME, CASE))) - 1


def test_labels_give_the_scheme_limits() -> None:
    scheme = dataclasses.replace(
        SCHEME,
        income_cap=Decimal("42000"),
        savings_cap=Decimal("16000.50"),
        reduced_preference_arrears=Decimal(750),
        residence_months=36,
        reduced_preference_deliberate_worsening=False,
    )
    factors = checklist_for(scheme, CASE)
    assert label(factors, "income") == "Income (the limit is £42,000 a year)"
    assert label(factors, "savings") == "Savings (the limit is £16,000.50)"
    assert "£750" in label(factors, "arrears_reduced_preference")
    assert "on purpose" not in label(factors, "arrears_reduced_preference")
    assert "36 months" in label(factors, "local_connection")


def test_local_connection_label_follows_the_routes_and_exemptions() -> None:
    plain = label(checklist_for(SCHEME, CASE), "local_connection")
    assert "close family" not in plain and "medical need" in plain and "care" in plain
    scheme = dataclasses.replace(SCHEME, close_family_years=5, medical_connection_route=False, local_exemptions=())
    changed = label(checklist_for(scheme, CASE), "local_connection")
    assert "close family here for 5 years" in changed
    assert "medical need" not in changed and "give or get care" not in changed


def test_armed_forces_service_adds_a_factor() -> None:
    served = case_from_facts(facts_example(safety={"armed_forces": "serving"}), AS_AT, SCHEME)
    assert "armed_forces" not in keys(checklist_for(SCHEME, CASE))
    assert "armed_forces" in keys(checklist_for(SCHEME, served))


def test_a_pregnancy_is_checked_only_when_the_scheme_counts_unborn_children() -> None:
    expecting = case_from_facts(facts_example(household={"pregnant": "yes", "due_date": "2027-01-10"}), AS_AT, SCHEME)
    assert "pregnancy" not in keys(checklist_for(SCHEME, expecting))
    counting = dataclasses.replace(SCHEME, count_unborn_from_week=24)
    assert "pregnancy" in keys(checklist_for(counting, expecting))
    assert "pregnancy" not in keys(checklist_for(counting, CASE))
