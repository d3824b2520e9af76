"""Malformed assess lines (contracts 1.6, 1.7 and 2.10): each gives one LineError naming the field."""

from __future__ import annotations

import copy

import pytest

from portal.rules.contract.assess_io import assess_line, read_case
from portal.rules.contract.fields import LineError, parse_json_line

from .assess_support import as_json, base_case, family, run_json


def error(data) -> str:
    with pytest.raises(LineError) as caught:
        read_case(as_json(data))
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    return message


def changed(path, value, data=None):
    """A copy of the base case with the field at ``path`` (keys and list indexes) set, or removed if value is ...."""
    data = copy.deepcopy(data or base_case())
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return data


def test_the_base_case_is_valid():
    assert run_json(base_case())["eligible"] is True


def test_text_that_is_not_a_json_object():
    with pytest.raises(LineError, match="not valid JSON"):
        parse_json_line("{not json")
    with pytest.raises(LineError, match="must be a JSON object"):
        parse_json_line("[1, 2]")
    with pytest.raises(LineError, match="must be a JSON object"):
        read_case([1, 2])  # type: ignore[arg-type]


def test_the_exact_message_for_an_impossible_date():
    data = changed(("people", 0, "date_of_birth"), "2019-02-30")
    assert error(data) == 'people[0].date_of_birth must be a date written YYYY-MM-DD, not "2019-02-30".'


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("id",), ..., "id"),
        (("id",), "", "id"),
        (("id",), None, "id"),
        (("id",), 7, "id"),
        (("as_at",), ..., "as_at"),
        (("as_at",), None, "as_at"),
        (("registration_date",), ..., "registration_date"),
        (("people",), ..., "people"),
        (("people",), None, "people"),
        (("people", 0, "id"), ..., "people[0].id"),
        (("people", 0, "role"), ..., "people[0].role"),
        (("people", 0, "date_of_birth"), ..., "people[0].date_of_birth"),
        (("people", 0, "sex"), None, "people[0].sex"),
        (("current_home",), ..., "current_home"),
        (("current_home",), None, "current_home"),
        (("current_home", "type"), ..., "current_home.type"),
        (("finances",), ..., "finances"),
        (("finances", "gross_annual_income"), ..., "finances.gross_annual_income"),
        (("finances", "savings"), None, "finances.savings"),
    ],
)
def test_a_required_field_missing_or_null(path, value, field):
    message = error(changed(path, value))
    assert message.startswith(field + " ")


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("scheme",), "kent", "scheme"),
        (("people", 0, "role"), "lodger", "people[0].role"),
        (("people", 0, "sex"), "unknown", "people[0].sex"),
        (("people", 0, "immigration"), {"eligibility_class": "U"}, "people[0].immigration.eligibility_class"),
        (("people", 0, "immigration"), {"right_to_reside": "visitor"}, "people[0].immigration.right_to_reside"),
        (("current_home", "type"), "caravan", "current_home.type"),
        (("current_home", "rooms"), [{"kind": "garage", "area_sqft": 100}], "current_home.rooms[0].kind"),
        (("officer_assessments",), {"medical_welfare": "low"}, "officer_assessments.medical_welfare"),
        (("homelessness",), {"duty": "interim"}, "homelessness.duty"),
        (("armed_forces",), {"status": "veteran"}, "armed_forces.status"),
        (("downsizing",), "yes", "downsizing"),
        (("history",), [{"date": "2025-01-01", "band": 5}], "history[0].band"),
        (("history",), [{"date": "2025-01-01", "band": 0}], "history[0].band"),
        (("pregnancy_weeks",), 46, "pregnancy_weeks"),
    ],
)
def test_a_value_outside_its_allowed_values(path, value, field):
    assert error(changed(path, value)).startswith(field + " must be")


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("people",), {"id": "p1"}, "people"),
        (("people", 0), "p1", "people[0]"),
        (("people", 0, "immigration"), True, "people[0].immigration"),
        (("people", 0, "needs_own_room"), "true", "people[0].needs_own_room"),
        (("people", 0, "main_home_with_applicant"), 1, "people[0].main_home_with_applicant"),
        (("people", 0, "partner_of"), 2, "people[0].partner_of"),
        (("current_home",), "flat", "current_home"),
        (("current_home", "bedrooms_available"), 1.5, "current_home.bedrooms_available"),
        (("current_home", "bedrooms_available"), "2", "current_home.bedrooms_available"),
        (("current_home", "bedrooms_available"), True, "current_home.bedrooms_available"),
        (("current_home", "rooms"), {"kind": "bedroom"}, "current_home.rooms"),
        (("current_home", "rooms"), ["bedroom"], "current_home.rooms[0]"),
        (("finances", "gross_annual_income"), "30000", "finances.gross_annual_income"),
        (("finances", "owns_property"), "no", "finances.owns_property"),
        (("finances", "rent_arrears"), 500, "finances.rent_arrears"),
        (("overnight_carer",), 0, "overnight_carer"),
        (("pregnancy_weeks",), 24.5, "pregnancy_weeks"),
        (
            ("behaviour",),
            {"reasonable_offers_refused_last_12_months": 1.5},
            "behaviour.reasonable_offers_refused_last_12_months",
        ),
        (("history",), {"date": "2025-01-01"}, "history"),
        (("history",), [{"date": "2025-01-01", "band": "2"}], "history[0].band"),
        (("overrides",), ["bedroom_model"], "overrides"),
        (("local_connection",), [], "local_connection"),
    ],
)
def test_a_field_of_the_wrong_type(path, value, field):
    assert error(changed(path, value)).startswith(field + " must be")


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("finances", "gross_annual_income"), -1, "finances.gross_annual_income"),
        (("finances", "savings"), -0.01, "finances.savings"),
        (("finances", "rent_arrears"), {"amount": -5}, "finances.rent_arrears.amount"),
        (("current_home", "bedrooms_available"), -1, "current_home.bedrooms_available"),
        (("current_home", "rooms"), [{"kind": "bedroom", "area_sqft": -10}], "current_home.rooms[0].area_sqft"),
        (
            ("behaviour",),
            {"reasonable_offers_refused_last_12_months": -1},
            "behaviour.reasonable_offers_refused_last_12_months",
        ),
        (("pregnancy_weeks",), -1, "pregnancy_weeks"),
        (
            ("local_connection", "employment_in_district"),
            {"since": "2020-01-01", "hours_per_week": -2, "permanent": True},
            "local_connection.employment_in_district.hours_per_week",
        ),
    ],
)
def test_a_negative_number(path, value, field):
    assert error(changed(path, value)).startswith(field + " must be")


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("as_at",), "2025-6-1", "as_at"),
        (("as_at",), "01/06/2025", "as_at"),
        (("as_at",), 20250601, "as_at"),
        (("as_at",), "20250601", "as_at"),
        (("registration_date",), "2025-02-29", "registration_date"),
        (("people", 0, "date_of_birth"), "1995-13-01", "people[0].date_of_birth"),
        (("local_connection", "lived_in_district_since"), "2020-04-31", "local_connection.lived_in_district_since"),
        (("homelessness",), {"must_leave_by": "soon"}, "homelessness.must_leave_by"),
        (
            ("armed_forces",),
            {"status": "former_regular", "discharge_date": "2020-00-10"},
            "armed_forces.discharge_date",
        ),
    ],
)
def test_a_date_that_is_not_a_real_date_written_yyyy_mm_dd(path, value, field):
    assert error(changed(path, value)).startswith(field + " must be a date written YYYY-MM-DD")


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("registration_date",), "2025-06-02", "registration_date"),
        (("people", 0, "date_of_birth"), "2025-06-02", "people[0].date_of_birth"),
        (("homelessness",), {"duty": "main", "duty_date": "2025-06-02"}, "homelessness.duty_date"),
        (
            ("officer_assessments",),
            {"medical_welfare": "high", "medical_welfare_awarded": "2025-06-02"},
            "officer_assessments.medical_welfare_awarded",
        ),
        (("history",), [{"date": "2025-06-02", "band": 3}], "history[0].date"),
    ],
)
def test_a_date_after_as_at(path, value, field):
    assert error(changed(path, value)) == f'{field} must not be after as_at, not "2025-06-02".'


def test_dates_on_as_at_are_allowed():
    data = base_case(
        registration_date="2025-06-01",
        homelessness={"duty": "main", "duty_date": "2025-06-01"},
        history=[{"date": "2025-06-01", "band": None}],
    )
    assert run_json(data)["band"] == 2


def test_people_must_not_be_empty():
    assert error(changed(("people",), [])).startswith("people ")


def test_exactly_one_applicant():
    data = family()
    data["people"][1]["role"] = "applicant"
    assert error(data).startswith("people[1].role ")
    data["people"][0]["role"] = data["people"][1]["role"] = "partner"
    assert error(data).startswith("people ")


def test_a_repeated_person_id():
    data = family(("2015-01-01", "male"))
    data["people"][2]["id"] = "p2"
    assert error(data).startswith("people[2].id ")


@pytest.mark.parametrize(
    ("links", "field"),
    [
        ({"p1": "p9"}, "people[0].partner_of"),  # names nobody
        ({"p1": "p1"}, "people[0].partner_of"),  # names themself
        ({"p1": "p2", "p2": "c1"}, "people[0].partner_of"),  # p2 names someone else
        ({"p1": "c1", "p2": "c1"}, "people[1].partner_of"),  # two people name c1
        ({"p2": "p1", "c1": "p2"}, "people[2].partner_of"),  # c1 names p2, who names p1
        ({"p1": "", "p2": None}, "people[0].partner_of"),
    ],
)
def test_partner_links_must_be_one_to_one(links, field):
    data = family(("2000-01-01", "male"))
    for person in data["people"]:
        person.pop("partner_of", None)
        if links.get(person["id"]) is not None or person["id"] in links:
            person["partner_of"] = links[person["id"]]
    assert error(data).startswith(field + " ")


def test_a_partner_link_in_one_direction_only_is_a_couple():
    data = family()
    del data["people"][1]["partner_of"]
    assert run_json(data)["bedroom_need"] == 1


def test_bedrooms_available_is_required_only_where_the_home_is_assessed():
    message = error(changed(("current_home", "bedrooms_available"), ...))
    assert message.startswith("current_home.bedrooms_available ")
    assert error(changed(("current_home", "bedrooms_available"), None)).startswith("current_home.bedrooms_available ")
    hostel = base_case(current_home={"type": "hostel", "bedrooms_available": "ignored"})
    assert run_json(hostel)["bedrooms_lacking"] is None
    del hostel["current_home"]["bedrooms_available"]
    assert run_json(hostel)["bedrooms_lacking"] is None
    hostel["overrides"] = {"overcrowding_not_assessed_types": ["prison"]}
    assert error(hostel).startswith("current_home.bedrooms_available ")


@pytest.mark.parametrize("discharge", [..., None])
def test_former_regular_needs_a_discharge_date(discharge):
    forces = {"status": "former_regular"}
    if discharge is None:
        forces["discharge_date"] = None
    assert error(base_case(armed_forces=forces)).startswith("armed_forces.discharge_date ")


@pytest.mark.parametrize("missing", ["since", "hours_per_week", "permanent"])
def test_employment_needs_all_three_fields(missing):
    job = {"since": "2020-01-01", "hours_per_week": 20, "permanent": True}
    del job[missing]
    message = error(base_case(local_connection={"employment_in_district": job}))
    assert message.startswith(f"local_connection.employment_in_district.{missing} ")


@pytest.mark.parametrize(
    ("missing", "field"), [("kind", "current_home.rooms[0].kind"), ("area_sqft", "current_home.rooms[0].area_sqft")]
)
def test_a_room_needs_kind_and_area(missing, field):
    room = {"kind": "bedroom", "area_sqft": 100}
    del room[missing]
    assert error(base_case(current_home={"rooms": [room]})).startswith(field + " ")


def test_a_history_entry_needs_a_date_and_a_band_which_may_be_null():
    assert error(base_case(history=[{"band": 3}])).startswith("history[0].date ")
    assert error(base_case(history=[{"date": "2025-01-01"}])).startswith("history[0].band ")
    assert run_json(base_case(history=[{"date": "2025-01-01", "band": None}]))["eligible"] is True


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"no_such_parameter": 1}, "no_such_parameter"),
        ({"scheme_id": "x"}, "scheme_id"),
        ({"income_cap": -1}, "income_cap"),
        ({"income_cap": "50000"}, "income_cap"),
        ({"min_age": 16.5}, "min_age"),
        ({"min_age": None}, "min_age"),
        ({"bedroom_model": "XX"}, "bedroom_model"),
        ({"rent_ratio_max": 1.5}, "rent_ratio_max"),
        ({"local_exemptions": ["everyone"]}, "local_exemptions"),
        ({"overcrowding_not_assessed_types": "hostel"}, "overcrowding_not_assessed_types"),
        ({"cumulative_uplift": "yes"}, "cumulative_uplift"),
        ({"mortgage_term_months": 0}, "mortgage_term_months"),
        ({"pd_policy": "first_come"}, "pd_policy"),
    ],
)
def test_overrides_with_an_unknown_parameter_or_a_bad_value(overrides, field):
    assert field in error(base_case(overrides=overrides))
    assert error(base_case(overrides=overrides)).startswith("overrides")


def test_good_overrides_and_null_switches_a_parameter_off():
    data = base_case(overrides={"income_cap": 20000, "close_family_years": None, "count_unborn_from_week": 24})
    assert run_json(data)["qualification_failures"] == ["Q-INCOME", "Q-HOUSING-NEED"]


def test_optional_fields_given_as_null_take_their_defaults():
    data = base_case(
        scheme=None,
        overrides=None,
        pregnancy_weeks=None,
        overnight_carer=None,
        local_connection={
            "lived_in_district_since": "2020-01-01",
            "employment_in_district": None,
            "medical_connection": None,
        },
        behaviour=None,
        officer_assessments=None,
        homelessness={"duty": None, "must_leave_by": None},
        armed_forces={"status": None, "discharge_date": None},
        downsizing=None,
        history=None,
        people=[
            {
                "id": "p1",
                "role": "applicant",
                "date_of_birth": "1990-01-01",
                "sex": "male",
                "partner_of": None,
                "immigration": None,
                "needs_own_room": None,
                "main_home_with_applicant": None,
            },
        ],
        current_home={"type": "private_rented", "bedrooms_available": 0, "rooms": None, "category1_hazard": None},
        finances={"gross_annual_income": 1, "savings": 0, "rent_arrears": {"amount": None, "arrangement_kept": None}},
    )
    out = run_json(data)
    assert (out["band"], out["reasons"], out["bedroom_need"]) == (3, ["M-LACK1"], 1)


def test_fields_the_contract_does_not_name_are_ignored():
    data = base_case(title="anything", expect={"band": 1}, colour="blue")
    data["people"][0]["nickname"] = "Al"
    data["current_home"]["postcode"] = "RG21 1AA"
    assert run_json(data)["eligible"] is True


def test_a_child_older_than_a_parent_is_not_rejected():
    data = family(("1970-01-01", "male"))
    assert run_json(data)["eligible"] is True


def test_assess_line_raises_line_error_for_a_malformed_line():
    with pytest.raises(LineError):
        assess_line(parse_json_line('{"id": "x"}'))
