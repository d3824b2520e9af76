"""Bedroom need (spec 5) and the current home (spec 6): lacking, surplus, statutory overcrowding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from portal.rules.bedrooms import Member, space_standard_halves
from portal.rules.household import Person, Room

from .assess_support import base_case, family, run_json, with_person

BOY, GIRL = "male", "female"


def need(data):
    out = run_json(data)
    return out["bedroom_need"], out["bedroom_need_bedroom_standard"]


def test_the_spec_example_pairs_older_children_first():
    # boy 12, girl 11, boy 4, girl 2: 2 rooms for the children (pairing the under-10s first would give 3)
    data = family(("2013-01-01", BOY), ("2014-01-01", GIRL), ("2021-01-01", BOY), ("2023-01-01", GIRL))
    assert need(data) == (3, 3)


@pytest.mark.parametrize(
    ("children", "rooms"),
    [
        ([("2016-01-01", BOY), ("2016-01-01", GIRL)], 1),  # two 9-year-olds of any sex share
        ([("2015-06-01", BOY), ("2016-01-01", GIRL)], 2),  # a boy of 10 on as_at cannot share with a girl
        ([("2015-06-02", BOY), ("2016-01-01", GIRL)], 1),  # ... the day before his 10th birthday he can
        ([("2015-06-01", BOY), ("2016-01-01", BOY)], 1),  # an older boy's spare place goes to a young boy
        ([("2013-01-01", BOY), ("2014-01-01", BOY), ("2020-01-01", BOY)], 2),
        ([("2013-01-01", GIRL), ("2020-01-01", BOY), ("2021-01-01", BOY)], 2),
        ([("2017-01-01", BOY), ("2019-01-01", GIRL), ("2023-01-01", BOY)], 2),
    ],
)
def test_children_rooms(children, rooms):
    assert need(family(*children)) == (1 + rooms, 1 + rooms)


@pytest.mark.parametrize(
    ("born", "sc", "bs"),
    [
        ("2009-06-02", 2, 2),  # 15 the day before her 16th birthday: the sisters share under both models
        ("2009-06-01", 3, 2),  # 16 on as_at: her own room under SC, sharing under BS
        ("2004-06-02", 3, 2),  # 20
        ("2004-06-01", 3, 3),  # 21: her own room under both
    ],
)
def test_the_sharing_limits_16_and_21(born, sc, bs):
    people = [
        {"id": "p1", "role": "applicant", "date_of_birth": "1980-01-01", "sex": "female"},
        {"id": "c1", "role": "child", "date_of_birth": born, "sex": "female"},
        {"id": "c2", "role": "child", "date_of_birth": "2012-01-01", "sex": "female"},
    ]
    assert need(base_case(people=people)) == (sc, bs)
    bs_out = run_json(base_case(people=people, overrides={"bedroom_model": "BS"}))
    assert (bs_out["bedroom_need"], bs_out["bedroom_need_bedroom_standard"]) == (bs, bs)


def test_a_disabled_child_gets_their_own_room_only_when_the_flag_is_on():
    data = with_person(family(("2016-01-01", BOY), ("2017-01-01", BOY)), 2, needs_own_room=True)
    assert need(data) == (3, 3)
    assert need({**data, "overrides": {"extra_room_disabled_child": False}}) == (2, 2)


def test_needs_own_room_for_someone_aged_16_to_20_gives_one_room_under_both_models():
    data = with_person(family(("2007-01-01", GIRL), ("2010-01-01", GIRL)), 2, needs_own_room=True)
    assert need(data) == (3, 3)
    assert need(with_person(data, 2, needs_own_room=False)) == (3, 2)


def test_needs_own_room_has_no_effect_on_a_single_adult():
    assert need(with_person(base_case(), 0, needs_own_room=True)) == (1, 1)


def test_a_couple_who_cannot_share():
    data = with_person(family(), 1, needs_own_room=True)
    assert need(data) == (2, 2)
    assert need(with_person(data, 0, needs_own_room=True)) == (2, 2)  # one extra room for the couple
    assert need({**data, "overrides": {"extra_room_couple_cannot_share": False}}) == (1, 1)


@pytest.mark.parametrize(
    ("field", "flag"),
    [("overnight_carer", "extra_room_overnight_carer"), ("foster_or_adopter_approved", "extra_room_foster_adopt")],
)
def test_extra_rooms_for_a_carer_and_for_fostering(field, flag):
    assert need(base_case(**{field: True})) == (2, 2)
    assert need(base_case(**{field: True}, overrides={flag: False})) == (1, 1)


@pytest.mark.parametrize(("weeks", "rooms"), [(None, 1), (23, 1), (24, 2), (45, 2)])
def test_an_unborn_child_counts_only_from_the_set_week(weeks, rooms):
    data = base_case(people=[{"id": "p1", "role": "applicant", "date_of_birth": "1995-01-01", "sex": "female"}])
    data["overrides"] = {"count_unborn_from_week": 24}
    if weeks is not None:
        data["pregnancy_weeks"] = weeks
    assert need(data) == (rooms, rooms)
    assert need({**data, "overrides": {}}) == (1, 1)  # off by default


def test_an_unborn_child_never_takes_an_older_childs_place():
    data = family(("2014-01-01", BOY), pregnancy_weeks=30, overrides={"count_unborn_from_week": 24})
    assert need(data) == (3, 3)
    data = family(
        ("2014-01-01", BOY), ("2019-01-01", BOY), pregnancy_weeks=30, overrides={"count_unborn_from_week": 24}
    )
    assert need(data) == (3, 3)


def test_the_cap_applies_to_both_figures():
    data = family(("2007-01-01", BOY), ("2008-01-01", GIRL), ("2012-01-01", GIRL))
    assert need(data) == (4, 3)
    assert need({**data, "overrides": {"max_bedroom_need": 3}}) == (3, 3)
    assert need({**data, "overrides": {"max_bedroom_need": 2}}) == (2, 2)


def test_people_whose_main_home_is_elsewhere_are_not_counted():
    data = with_person(family(("2013-01-01", BOY)), 2, main_home_with_applicant=False)
    assert need(data) == (1, 1)
    # Only one partner counted: that person is a single person.
    data = with_person(family(), 1, main_home_with_applicant=False)
    assert need(data) == (1, 1)


def test_another_couple_in_the_household_and_a_same_sex_couple():
    people = [
        {"id": "p1", "role": "applicant", "date_of_birth": "1970-01-01", "sex": "female"},
        {"id": "a1", "role": "other", "date_of_birth": "2000-01-01", "sex": "male", "partner_of": "a2"},
        {"id": "a2", "role": "other", "date_of_birth": "2001-01-01", "sex": "male"},
    ]
    assert need(base_case(people=people)) == (2, 2)


def test_bedrooms_lacking_uses_the_schemes_model_and_is_never_negative():
    data = base_case(
        people=[
            {"id": "p1", "role": "applicant", "date_of_birth": "1980-01-01", "sex": "female"},
            {"id": "c1", "role": "child", "date_of_birth": "2008-01-01", "sex": "female"},
            {"id": "c2", "role": "child", "date_of_birth": "2012-01-01", "sex": "female"},
        ],
        current_home={"bedrooms_available": 2},
    )
    assert run_json(data)["bedrooms_lacking"] == 1
    assert run_json({**data, "overrides": {"bedroom_model": "BS"}})["bedrooms_lacking"] == 0
    assert run_json(base_case(current_home={"bedrooms_available": 4}))["bedrooms_lacking"] == 0


@pytest.mark.parametrize(
    "home",
    [
        "rough_sleeping",
        "sofa_surfing",
        "temporary_accommodation",
        "refuge",
        "hostel",
        "supported_housing",
        "hospital",
        "prison",
    ],
)
def test_home_types_that_are_not_assessed(home):
    rooms = [{"kind": "bedroom", "area_sqft": 60}]
    out = run_json(family(("2013-01-01", BOY), ("2014-01-01", GIRL), current_home={"type": home, "rooms": rooms}))
    assert (out["bedrooms_lacking"], out["statutory_overcrowding"]) == (None, None)
    assert out["bedroom_need"] == 3


def test_the_list_of_home_types_not_assessed_is_a_scheme_parameter():
    data = base_case(current_home={"type": "hostel", "bedrooms_available": 0})
    assert run_json(data)["bedrooms_lacking"] is None
    assert run_json({**data, "overrides": {"overcrowding_not_assessed_types": []}})["bedrooms_lacking"] == 1


def rooms(*areas, kind="bedroom"):
    return [{"kind": kind, "area_sqft": area} for area in areas]


def overcrowded(data, *room_list):
    data = {**data, "current_home": {**data["current_home"], "rooms": [r for group in room_list for r in group]}}
    return run_json(data)["statutory_overcrowding"]


def test_no_room_data_means_not_assessed():
    assert run_json(base_case())["statutory_overcrowding"] is None


def test_room_standard_a_boy_and_a_girl_of_10_must_not_share():
    data = family(("2015-06-01", BOY), ("2015-06-01", GIRL))
    assert overcrowded(data, rooms(200, 200)) is True  # needs 3 rooms: the couple, the boy, the girl
    assert overcrowded(data, rooms(200, 200), rooms(200, kind="living_room")) is False
    assert overcrowded(data, rooms(200, 200), rooms(200, kind="kitchen")) is True  # a kitchen is not a room
    younger = family(("2015-06-02", BOY), ("2015-06-02", GIRL))  # 9 on as_at: ignored by the room standard
    assert overcrowded(younger, rooms(200, 200)) is False


def test_room_standard_a_same_sex_couple_counts_as_anyone_else():
    people = [
        {"id": "p1", "role": "applicant", "date_of_birth": "1990-01-01", "sex": "male", "partner_of": "p2"},
        {"id": "p2", "role": "partner", "date_of_birth": "1990-01-01", "sex": "male", "partner_of": "p1"},
        {"id": "c1", "role": "child", "date_of_birth": "2010-01-01", "sex": "female"},
    ]
    assert overcrowded(base_case(people=people, current_home={"bedrooms_available": 2}), rooms(200, 200)) is False
    assert overcrowded(base_case(people=people, current_home={"bedrooms_available": 1}), rooms(300)) is True


def member(age):
    person = Person("x", "other", None, "male")  # type: ignore[arg-type]
    return Member(person, age)


def room(area):
    return Room("bedroom", Decimal(area))


@pytest.mark.parametrize(
    ("area", "halves"),
    [("49.99", 0), ("50", 1), ("69.99", 1), ("70", 2), ("89.99", 2), ("90", 3), ("109.99", 3), ("110", 4), ("500", 4)],
)
def test_space_standard_table_ii_at_each_boundary(area, halves):
    # One room: Table I allows 2 (4 halves) for a room of 50 sq ft or more, so Table II decides.
    assert space_standard_halves((), (room(area),)) == (0, halves)


@pytest.mark.parametrize(("count", "permitted_halves"), [(1, 4), (2, 6), (3, 10), (4, 15), (5, 20), (6, 24)])
def test_space_standard_table_i(count, permitted_halves):
    assert space_standard_halves((), tuple(room(120) for _ in range(count))) == (0, permitted_halves)


def test_space_standard_table_i_counts_only_rooms_of_50_sq_ft_or_more():
    assert space_standard_halves((), (room(120), room(49))) == (0, 4)


def test_space_standard_persons_by_age():
    people = (member(0), member(1), member(9), member(10), member(40))
    assert space_standard_halves(people, ())[0] == 0 + 1 + 1 + 2 + 2


@pytest.mark.parametrize(
    ("areas", "breach"),
    [
        ((110, 110), False),  # Table I 3, Table II 4: 3 persons allowed
        ((110, 89), False),  # Table II 2 + 1 = 3
        ((110, 69), True),  # Table II 2 + 0.5 = 2.5
        ((90, 90), False),  # Table II 3
        ((90, 70), True),  # Table II 2.5
    ],
)
def test_space_standard_through_assess(areas, breach):
    people = [
        {"id": "p1", "role": "applicant", "date_of_birth": "1990-01-01", "sex": "female"},
        {"id": "c1", "role": "child", "date_of_birth": "2012-01-01", "sex": "female"},
        {"id": "c2", "role": "child", "date_of_birth": "2013-01-01", "sex": "female"},
    ]
    data = base_case(people=people, current_home={"bedrooms_available": 1})
    assert overcrowded(data, rooms(areas[0]), rooms(areas[1], kind="living_room")) is breach


def test_a_baby_under_one_does_not_count_for_the_space_standard():
    data = family(("2024-06-02", GIRL), current_home={"bedrooms_available": 1})
    assert overcrowded(data, rooms(110)) is False  # 2 persons in one room of 110 sq ft
    older = family(("2024-06-01", GIRL), current_home={"bedrooms_available": 1})
    assert overcrowded(older, rooms(110)) is True  # aged 1: half a person more
