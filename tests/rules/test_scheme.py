"""Scheme files load, are validated with clear messages, and warn about unlawful framing."""

from __future__ import annotations

import warnings
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from portal.rules.parameters import PARAMETERS
from portal.rules.scheme import SCHEME_FOLDER, SchemeError, load_scheme, load_scheme_file, with_overrides
from portal.rules.scheme_checks import SchemeWarning, scheme_warnings


def test_shipped_schemes_load_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        default = load_scheme_file(SCHEME_FOLDER / "default.toml")
        hampshire = load_scheme_file(SCHEME_FOLDER / "hampshire.toml")
    assert default.income_cap == Decimal(50000) and hampshire.income_cap == Decimal(60000)
    assert default.close_family_years is None and hampshire.close_family_years == 5
    assert (default.residence_months, hampshire.residence_months) == (24, 12)
    assert (default.savings_cap, hampshire.savings_cap) == (Decimal(30000), Decimal(16000))
    assert default.rent_ratio_max == Decimal("0.35")
    assert default.overcrowding_not_assessed_types == (
        "rough_sleeping",
        "sofa_surfing",
        "temporary_accommodation",
        "refuge",
        "hostel",
        "supported_housing",
        "hospital",
        "prison",
    )


def test_every_parameter_is_in_both_files():
    for scheme_id in ("default", "hampshire"):
        text = (SCHEME_FOLDER / f"{scheme_id}.toml").read_text()
        for parameter in PARAMETERS:
            assert f"\n{parameter.name} = " in text


def council_copy(tmp_path: Path, change: str, replacement: str) -> Path:
    text = (SCHEME_FOLDER / "default.toml").read_text()
    assert change in text
    path = tmp_path / "council.toml"
    path.write_text(text.replace(change, replacement))
    return path


@pytest.mark.parametrize(
    ("change", "replacement", "message"),
    [
        (
            "income_cap = 50000",
            "income_cap = -5",
            "council.toml: income_cap must be an amount of money of 0 or more, not -5.",
        ),
        (
            "rent_ratio_max = 0.35",
            "rent_ratio_max = 1.35",
            "rent_ratio_max must be a fraction between 0 and 1, not 1.35.",
        ),
        ('bedroom_model = "SC"', 'bedroom_model = "XL"', 'bedroom_model must be one of SC, BS, not "XL".'),
        (
            "mortgage_term_months = 300",
            "mortgage_term_months = 0",
            "mortgage_term_months must be a whole number of 1 or more, not 0.",
        ),
        ("min_age = 16", "min_age = 16.5", "min_age must be a whole number of 0 or more, not 16.5."),
        (
            "cumulative_uplift = true",
            'cumulative_uplift = "yes"',
            'cumulative_uplift must be true or false, not "yes".',
        ),
        (
            'local_exemptions = ["care_or_support", "placed_outside_district"]',
            'local_exemptions = ["everyone"]',
            "local_exemptions must be a list of",
        ),
        ("min_age = 16\n", "", "is missing the parameter min_age."),
        ("min_age = 16\n", "min_age = 16\nmax_age = 99\n", "has an unknown parameter: max_age."),
        ("min_age = 16\n", "min_age = = 16\n", "council.toml is not valid TOML"),
    ],
)
def test_bad_values_name_the_key_and_value(tmp_path, change, replacement, message):
    with pytest.raises(SchemeError) as error:
        load_scheme_file(council_copy(tmp_path, change, replacement))
    assert message in str(error.value)


def test_overrides_replace_single_parameters_for_one_use():
    default = load_scheme("default")
    changed = with_overrides(default, {"bedroom_model": "BS", "count_unborn_from_week": 24, "max_bedroom_need": None})
    assert (changed.bedroom_model, changed.count_unborn_from_week) == ("BS", 24)
    assert default.bedroom_model == "SC"
    with pytest.raises(SchemeError, match="unknown parameter: nonsense"):
        with_overrides(default, {"nonsense": 1})
    with pytest.raises(SchemeError, match="overrides.income_cap must be an amount of money"):
        with_overrides(default, {"income_cap": "lots"})
    with pytest.raises(SchemeError, match="must be one of default, hampshire"):
        load_scheme("elsewhere")


def test_warnings_for_values_that_shut_out_a_reasonable_preference_group(tmp_path):
    path = council_copy(
        tmp_path,
        'local_exemptions = ["care_or_support", "placed_outside_district"]',
        "local_exemptions = []",
    )
    with pytest.warns(SchemeWarning) as caught:
        load_scheme_file(path)
    messages = [str(warning.message) for warning in caught]
    assert len(messages) == 2
    assert "placed outside the district" in messages[0] and "give or receive care" in messages[1]
    default = load_scheme("default")
    assert scheme_warnings(default) == []
    harsh = replace(
        default,
        income_cap=Decimal(20000),
        savings_cap=Decimal(1000),
        min_age=21,
        medical_connection_route=False,
        overcrowding_not_assessed_types=("private_rented",),
    )
    rules = [sentence.rule for sentence in scheme_warnings(harsh)]
    assert rules == ["4.2 R4", "4.1 Q4", "4.1 Q5", "4.1 Q1", "1.14"]
    texts = " ".join(sentence.text() for sentence in scheme_warnings(harsh))
    assert "£20,000" in texts and "Scheme rule 4.1 Q4." in texts
