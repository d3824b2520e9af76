"""Council files: the shipped example, and a clear error naming the key for every kind of mistake."""

from __future__ import annotations

import copy
import tomllib
from decimal import Decimal
from typing import Any

import pytest

from portal.rules.options.council import (
    HELPLINE_PURPOSES,
    SHIPPED_COUNCIL,
    CouncilError,
    council_from_mapping,
    load_council,
)

EXAMPLE = load_council(None)


def example_data() -> dict[str, Any]:
    return tomllib.loads(SHIPPED_COUNCIL.read_text(encoding="utf-8"), parse_float=Decimal)


def test_the_shipped_example_council():
    assert (EXAMPLE.name, EXAMPLE.area_name, EXAMPLE.london) == ("Example Borough Council", "Example Borough", False)
    assert EXAMPLE.homelessness_phone == "01234 567890"
    assert EXAMPLE.out_of_hours_phone == "01234 567999"
    hours = EXAMPLE.homelessness_hours
    assert (hours.hours, hours.opens, hours.closes) == ("weekdays", "09:00", "17:00")
    assert set(EXAMPLE.lha_weekly) == {"shared", "1", "2", "3", "4"}
    assert EXAMPLE.lha_weekly["shared"] < EXAMPLE.lha_weekly["1"] < EXAMPLE.lha_weekly["4"]
    assert set(EXAMPLE.social_rent_weekly) == set(EXAMPLE.market_rent_monthly) == {1, 2, 3, 4, 5}
    assert set(EXAMPLE.shared_ownership_value) == set(EXAMPLE.first_homes_value) == {1, 2, 3, 4}
    assert all(isinstance(value, Decimal) for value in EXAMPLE.social_rent_weekly.values())
    assert EXAMPLE.first_homes_discount_percent == 30
    assert EXAMPLE.deposit_help and EXAMPLE.deposit_help_weeks == 5
    assert set(EXAMPLE.links) == {
        "mutual_exchange",
        "right_to_move",
        "armed_forces",
        "shared_ownership",
        "first_homes",
        "homelessness",
    }
    assert all(url.startswith("https://") for url in EXAMPLE.links.values())


def test_load_council_with_no_path_is_the_example():
    assert load_council(None) == load_council(str(SHIPPED_COUNCIL)) == load_council("")


def test_the_example_helplines_are_the_real_national_numbers():
    lines = {line.name: line for line in EXAMPLE.helplines}
    assert lines["Shelter"].phone == "0808 800 4444"
    assert (lines["National Domestic Abuse Helpline"].phone, lines["National Domestic Abuse Helpline"].hours) == (
        "0808 2000 247",
        "always",
    )
    assert lines["Men's Advice Line"].phone == "0808 8010 327"
    assert lines["Galop"].phone == "0800 999 5428"
    assert (lines["Samaritans"].phone, lines["Samaritans"].hours) == ("116 123", "always")
    assert (lines["StreetLink"].phone, lines["StreetLink"].url) == ("", "https://thestreetlink.org.uk")
    assert lines["Veterans' Gateway"].phone == "0808 802 1212"
    assert lines["Childline"].phone == "0800 1111"
    assert {line.purpose for line in EXAMPLE.helplines} == set(HELPLINE_PURPOSES) - {"homelessness"}
    always = [line for line in EXAMPLE.helplines if line.hours == "always"]
    assert all(line.opens is None and line.closes is None for line in always)


def test_example_waits_cover_every_band_and_size_and_grow_with_band_and_size():
    assert {(wait.band, wait.bedrooms) for wait in EXAMPLE.wait_estimates} == {
        (band, size) for band in range(1, 5) for size in range(1, 6)
    }
    for size in range(1, 6):
        mins = [EXAMPLE.wait_for(band, size).min_months for band in range(1, 5)]
        assert mins == sorted(mins) and mins[0] < mins[-1]
    for band in range(1, 5):
        mins = [EXAMPLE.wait_for(band, size).min_months for size in range(1, 6)]
        assert mins == sorted(mins) and mins[0] < mins[-1]
    assert EXAMPLE.wait_for(1, 1).max_months is not None and EXAMPLE.wait_for(4, 1).max_months is None


def test_wait_for_a_larger_home_than_any_given_uses_the_largest():
    assert EXAMPLE.wait_for(2, 7) == EXAMPLE.wait_for(2, 5)
    assert EXAMPLE.wait_for(5, 1) is None
    data = example_data()
    data["wait_estimates"] = [{"band": 1, "bedrooms": 3, "min_months": 2, "max_months": 4}]
    council = council_from_mapping(data)
    assert council.wait_for(1, 1) is None
    assert council.wait_for(1, 4).bedrooms == 3


def test_helplines_for_keeps_the_file_order():
    data = example_data()
    data["helplines"].append(
        {"purpose": "housing_advice", "name": "Local advice", "phone": "01234 500000", "hours": "always"}
    )
    council = council_from_mapping(data)
    assert [line.name for line in council.helplines_for("housing_advice")] == ["Shelter", "Local advice"]


def test_optional_values_may_be_left_out_or_none():
    data = example_data()
    del data["links"]["first_homes"]
    data["wait_estimates"][0]["max_months"] = "none"
    data["helplines"][0]["url"] = "none"
    data["deposit_help"] = False
    data["deposit_help_weeks"] = 0
    council = council_from_mapping(data)
    assert "first_homes" not in council.links
    assert council.wait_estimates[0].max_months is None
    assert council.helplines[0].url is None
    assert not council.deposit_help


def test_the_figures_cannot_be_changed_after_loading():
    with pytest.raises(TypeError):
        EXAMPLE.lha_weekly["1"] = Decimal(1)  # type: ignore[index]


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    *parents, last = path
    target: Any = data
    for step in parents:
        target = target[step]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value


DELETE = object()

BAD = [
    # (where, value, the key the message names)
    (("name",), DELETE, "name is missing"),
    (("name",), "  ", "name must be some text"),
    (("area_name",), 12, "area_name must be some text"),
    (("colour",), "blue", "colour is not a known key"),
    (("london",), "no", "london must be true or false"),
    (("homelessness",), "01234 567890", "homelessness must be a table"),
    (("homelessness", "phone"), "call us", "homelessness.phone must be a phone number"),
    (("homelessness", "email"), "housing.example.org", "homelessness.email must be an email address"),
    (("homelessness", "out_of_hours_phone"), DELETE, "homelessness.out_of_hours_phone is missing"),
    (("homelessness", "hours"), "sometimes", "homelessness.hours must be one of always, weekdays, every_day"),
    (("homelessness", "opens"), "9am", "homelessness.opens must be a time"),
    (("homelessness", "closes"), "24:00", "homelessness.closes must be a time"),
    (("homelessness", "closes"), "08:30", "homelessness.closes must be later than opens"),
    (("homelessness", "fax"), "01234", "homelessness.fax is not a known key"),
    (("helplines",), [], "helplines must be a list of tables with at least one entry"),
    (("helplines",), {"name": "Shelter"}, "helplines must be a list"),
    (("helplines", 0), "Shelter", "helplines[0] must be a table"),
    (("helplines", 1, "purpose"), "gardening", "helplines[1].purpose must be one of"),
    (("helplines", 1, "name"), DELETE, "helplines[1].name is missing"),
    (("helplines", 1, "phone"), "0808-2000-247", "helplines[1].phone must be a phone number"),
    (("helplines", 1, "phone"), 8082000247, "helplines[1].phone must be a phone number"),
    (("helplines", 5, "url"), "none", "helplines[5].phone is needed when there is no url"),
    (("helplines", 1, "url"), "http://www.nationaldahelpline.org.uk", "helplines[1].url must be an https:// address"),
    (("helplines", 1, "opens"), "09:00", 'helplines[1].opens must be left out when hours is "always"'),
    (("helplines", 0, "closes"), DELETE, "helplines[0].closes is missing"),
    (("helplines", 0, "notes"), "x", "helplines[0].notes is not a known key"),
    (("lha_area",), DELETE, "lha_area is missing"),
    (("lha_weekly", "shared"), DELETE, "lha_weekly.shared is missing"),
    (("lha_weekly", "5"), Decimal("400"), "lha_weekly.5 is not a known key"),
    (("lha_weekly", "1"), Decimal("0"), "lha_weekly.1 must be an amount more than 0"),
    (("lha_weekly", "1"), "172.60", "lha_weekly.1 must be an amount"),
    (("social_rent_weekly", "3"), Decimal("-1"), "social_rent_weekly.3 must be an amount"),
    (("social_rent_weekly", "3"), Decimal("5000.01"), "social_rent_weekly.3 must be an amount more than 0 up to 5000"),
    (("social_rent_weekly", "6"), Decimal("170"), "social_rent_weekly.6 is not a known key"),
    (("market_rent_monthly", "5"), DELETE, "market_rent_monthly.5 is missing"),
    (("market_rent_monthly", "2"), True, "market_rent_monthly.2 must be an amount"),
    (("service_charge_monthly",), Decimal("-0.01"), "service_charge_monthly must be an amount from 0"),
    (("shared_ownership_value", "4"), 10_000_001, "shared_ownership_value.4 must be an amount"),
    (("first_homes_value",), [1, 2], "first_homes_value must be a table"),
    (("first_homes_discount_percent",), 0, "first_homes_discount_percent must be an amount more than 0 up to 99"),
    (("first_homes_discount_percent",), 100, "first_homes_discount_percent must be an amount more than 0 up to 99"),
    (("deposit_help",), 1, "deposit_help must be true or false"),
    (("deposit_help_weeks",), 0, "deposit_help_weeks must be a whole number from 1 to 13"),
    (("deposit_help_weeks",), 14, "deposit_help_weeks must be a whole number from 1 to 13"),
    (("deposit_help_weeks",), Decimal("5.5"), "deposit_help_weeks must be a whole number"),
    (("sheltered_min_age",), 39, "sheltered_min_age must be a whole number from 40 to 100"),
    (("extra_care_min_age",), 101, "extra_care_min_age must be a whole number from 40 to 100"),
    (("extra_care_min_age",), True, "extra_care_min_age must be a whole number"),
    (("wait_estimates",), DELETE, "wait_estimates is missing"),
    (("wait_estimates", 0, "band"), 5, "wait_estimates[0].band must be a whole number from 1 to 4"),
    (("wait_estimates", 0, "bedrooms"), 0, "wait_estimates[0].bedrooms must be a whole number from 1 to 5"),
    (("wait_estimates", 0, "min_months"), -1, "wait_estimates[0].min_months must be a whole number from 0 to 600"),
    (("wait_estimates", 0, "max_months"), 0, "wait_estimates[0].max_months must be 1 or more"),
    (("wait_estimates", 0, "min_months"), "none", "wait_estimates[0] needs min_months, max_months or both"),
    (("wait_estimates", 1, "bedrooms"), 1, "wait_estimates[1] repeats band 1 with 1 bedrooms"),
    (("wait_estimates", 0, "colour"), "red", "wait_estimates[0].colour is not a known key"),
    (("links", "homelessness"), "www.example.org/homeless", "links.homelessness must be an https:// address"),
    (("links", "lettings"), "https://www.example.org", "links.lettings is not a known key"),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD, ids=[message for _, _, message in BAD])
def test_every_bad_value_is_named(path, value, message):
    data = copy.deepcopy(example_data())
    if path[-1] == "min_months" and value == "none":
        data["wait_estimates"][0].pop("max_months", None)
    _set(data, path, value)
    with pytest.raises(CouncilError) as error:
        council_from_mapping(data)
    assert message in str(error.value)


def test_a_bad_file_names_the_file_and_the_key(tmp_path):
    text = SHIPPED_COUNCIL.read_text(encoding="utf-8").replace("london = false", 'london = "no"')
    path = tmp_path / "borough.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CouncilError, match=r'^borough\.toml: london must be true or false, not "no"\.$'):
        load_council(str(path))


def test_a_file_that_is_not_toml(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('name = "Example\n', encoding="utf-8")
    with pytest.raises(CouncilError, match=r"^broken\.toml is not valid TOML"):
        load_council(str(path))


def test_a_missing_file(tmp_path):
    with pytest.raises(CouncilError, match="cannot be read"):
        load_council(str(tmp_path / "missing.toml"))


def test_a_copy_of_the_example_loads_the_same(tmp_path):
    path = tmp_path / "copy.toml"
    path.write_text(SHIPPED_COUNCIL.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_council(str(path)) == EXAMPLE
