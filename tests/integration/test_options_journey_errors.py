"""Mistakes on the housing options questions: a clear message on the same page, and nothing lost."""

from __future__ import annotations

import pytest

from tests.integration.test_options_journey import (
    answers_before,
    date_parts,
    give,
    input_value,
    path,
    saved,
    text_of,
)


@pytest.mark.parametrize(
    ("key", "form", "message", "field", "kept"),
    [
        ("income_yearly", {"income_yearly": "-5"}, "Enter an amount of 0 or more", "income_yearly", "-5"),
        ("savings", {"savings": "lots"}, "Enter an amount using numbers only, like 1,200.50", "savings", "lots"),
        ("take_home_monthly", {}, "Enter how much money your household gets each month", "take_home_monthly", ""),
        ("children", {"children": "120"}, "Enter a number of children from 0 to 15", "children", "120"),
        ("children", {"children": "two"}, "Enter the number of children as a whole number, like 2", "children", "two"),
        ("age", {"age": "500"}, "Enter an age from 12 to 120", "age", "500"),
        ("age", {"age": "-3"}, "Enter an age from 12 to 120", "age", "-3"),
        ("age", {"age": "thirty"}, "Enter your age as a whole number, like 34", "age", "thirty"),
        ("age", {"age": "34.5"}, "Enter your age as a whole number, like 34", "age", "34.5"),
        ("bedrooms", {"bedrooms": "9" * 40}, "Enter a number of bedrooms from 0 to 20", "bedrooms", "9" * 40),
        ("other_adults", {"other_adults": "11"}, "Enter a number of adults from 0 to 10", "other_adults", "11"),
        ("leave_date", date_parts(3 * 365), "The date must be in the next 2 years", "leave_date", None),
        ("leave_date", date_parts(-2 * 365), "Enter a date that is not more than 1 year ago", "leave_date", None),
        ("leave_date", {"leave_date": ["31", "2", "2027"]}, "Enter a real date, like", "leave_date", "31"),
        (
            "leave_date",
            {"leave_date": ["1", "1", "1066"]},
            "Enter a date that is not more than 1 year ago",
            "leave_date",
            "1",
        ),
        ("leave_date", {"leave_date": ["1", "1", "99999"]}, "Enter a real date, like", "leave_date", "1"),
        ("leave_date", {"leave_date": ["1", "x", "2027"]}, "Enter a real date, like", "leave_date", "1"),
        (
            "leave_date",
            {"leave_date": ["1", "", "2027"]},
            "The date you have to leave must include a month",
            "leave_date",
            "1",
        ),
        ("leave_date", {}, "Enter the date you have to leave", "leave_date", ""),
        ("where_live", {}, "Choose where you are living now", "where_live", None),
        ("where_live", {"where_live": "castle"}, "Choose where you are living now", "where_live", None),
        ("safe_tonight", {}, "Choose yes if you have somewhere safe to stay tonight", "safe_tonight", None),
        ("children_details", {"age_1": "18", "sex_1": "male"}, "Enter an age from 0 to 17 for child 1", "age_1", "18"),
        ("children_details", {"age_1": "3", "age_2": "7"}, "Choose boy or girl for child 1", "sex_1", None),
        (
            "adults_details",
            {"age_1": "500", "sex_1": "male"},
            "Enter an age from 16 to 120 for adult 1",
            "age_1",
            "500",
        ),
    ],
)
def test_problems_are_explained_on_the_same_page(client, key, form, message, field, kept):
    before = answers_before(key)
    give(client, before)
    response = client.post_form(path(key), form)
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page
    assert message in page
    html = response.get_data(as_text=True)
    assert f'href="#{field}"' in html
    assert f'id="{field}"' in html
    if kept is not None:
        assert input_value(response, field) == kept
    assert saved(client) == before
