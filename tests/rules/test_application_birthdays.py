"""Birthdays that change the number of bedrooms a household needs."""

from __future__ import annotations

import datetime as dt

from portal.rules.application.birthdays import BirthdayChange, bedroom_need_changes, birthdays
from portal.rules.scheme import with_overrides
from tests.rules.application_facts import AS_AT, SCHEME, facts_example, family, member

YEAR_AHEAD = dt.date(2027, 11, 22)


def changes(people, start=AS_AT, end=YEAR_AHEAD, scheme=SCHEME):
    return bedroom_need_changes(facts_example(people=people), scheme, start, end)


def boy_nearly_10_and_a_younger_sister():
    return [
        *family()[:2],
        member("p3", "child", "Cal", "2016-12-10", "male"),
        member("p4", "child", "Dee", "2019-04-01", "female"),
    ]


def test_a_boy_turning_10_can_no_longer_share_with_his_sister():
    # Before: the couple 1, two under-10s share 1 = 2. After: the boy is 10 (an older boy) and the girl of 7
    # cannot take his spare place (spec 5 step 6 is same sex only): 1 + 1 + 1 = 3.
    assert changes(boy_nearly_10_and_a_younger_sister()) == (
        BirthdayChange(on=dt.date(2026, 12, 10), person_id="p3", age=10, need_before=2, need_after=3),
    )


def test_a_girl_turning_16_needs_a_room_of_her_own():
    people = [
        *family()[:2],
        member("p3", "child", "Ivy", "2011-03-01", "female"),  # 15
        member("p4", "child", "Jo", "2014-08-01", "female"),  # 12
    ]
    # The girls share until Ivy is 16, the SC sharing limit: then 1 + 1 + 1 = 3.
    assert changes(people) == (BirthdayChange(dt.date(2027, 3, 1), "p3", 16, 2, 3),)
    # Under the bedroom standard the limit is 21, so nothing changes that year.
    assert changes(people, scheme=with_overrides(SCHEME, {"bedroom_model": "BS"})) == ()


def test_birthdays_that_change_nothing_are_not_found():
    brothers = [
        *family()[:2],
        member("p3", "child", "Cal", "2016-12-10", "male"),  # turns 10
        member("p4", "child", "Kit", "2014-02-01", "male"),  # 12: the brothers share either way
    ]
    assert changes(brothers) == ()
    # In the family of four the girl turns 10 in June 2027, but she already has a room apart from her brother.
    assert changes(family()) == ()


def test_the_window_leaves_out_its_start_and_takes_in_its_end():
    people = boy_nearly_10_and_a_younger_sister()
    assert changes(people, start=dt.date(2026, 12, 10)) == ()
    assert len(changes(people, start=dt.date(2026, 12, 9), end=dt.date(2026, 12, 10))) == 1
    assert changes(people, end=dt.date(2026, 12, 9)) == ()


def test_twins_turning_10_are_both_found():
    twins = [
        *family()[:2],
        member("p3", "child", "Lee", "2017-01-05", "male"),
        member("p4", "child", "Mia", "2017-01-05", "female"),
    ]
    found = changes(twins)
    assert [(c.person_id, c.age, c.need_before, c.need_after) for c in found] == [("p3", 10, 2, 3), ("p4", 10, 2, 3)]


def test_someone_away_from_home_or_without_a_date_of_birth_changes_nothing():
    people = boy_nearly_10_and_a_younger_sister()
    people[2]["lives_with_you"] = "no"
    assert changes(people) == ()
    people = boy_nearly_10_and_a_younger_sister()
    del people[2]["date_of_birth"]
    assert changes(people) == ()


def test_a_29_february_birthday_is_on_1_march_in_other_years():
    assert list(birthdays(dt.date(2016, 2, 29), dt.date(2026, 1, 1), dt.date(2028, 12, 31))) == [
        dt.date(2026, 3, 1),
        dt.date(2027, 3, 1),
        dt.date(2028, 2, 29),
    ]
    leap_boy = boy_nearly_10_and_a_younger_sister()
    leap_boy[2]["date_of_birth"] = "2016-02-29"
    leap_boy[3]["date_of_birth"] = "2018-01-01"
    assert changes(leap_boy, start=dt.date(2026, 1, 1)) == (BirthdayChange(dt.date(2026, 3, 1), "p3", 10, 2, 3),)


def test_the_day_of_birth_is_not_a_birthday():
    assert list(birthdays(dt.date(2026, 12, 1), AS_AT, YEAR_AHEAD)) == []
