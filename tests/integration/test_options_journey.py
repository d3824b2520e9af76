"""The housing options questions: one a page, skipped when they do not apply, checked, and changed."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from portal.options.store import SESSION_KEY
from portal.rules.options.answers import QUESTION_ORDER, is_complete

START = "/options/"
CHECK = "/options/check-answers"
URGENT = "/options/urgent-help"

# A family renting privately who have been told to leave.
FAMILY = [
    ("safe_tonight", {"safe_tonight": "yes"}),
    ("abuse", {"abuse": "no"}),
    ("where_live", {"where_live": "private_rented"}),
    ("told_to_leave", {"told_to_leave": "yes"}),
    ("leave_date", "in 60 days"),
    ("age", {"age": "34"}),
    ("partner", {"partner": "yes"}),
    ("children", {"children": "2"}),
    ("children_details", {"age_1": "3", "sex_1": "male", "age_2": "7", "sex_2": "female"}),
    ("other_adults", {"other_adults": "1"}),
    ("adults_details", {"age_1": "68", "sex_1": "female"}),
    ("pregnant", {"pregnant": "no"}),
    ("bedrooms", {"bedrooms": "2"}),
    ("shares_facilities", {"shares_facilities": "no"}),
    ("home_condition", {"home_condition": "yes"}),
    ("immigration", {"immigration": "british_irish"}),
    ("residence", {"residence": "yes"}),
    ("work_local", {"work_local": "yes"}),
    ("health", {"health": "hard"}),
    ("care_support", {"care_support": "no"}),
    ("support_needs", {"support_needs": "no"}),
    ("armed_forces", {"armed_forces": "no"}),
    ("income_yearly", {"income_yearly": "£28,000"}),
    ("take_home_monthly", {"take_home_monthly": "1,950.50"}),
    ("savings", {"savings": "1200"}),
    ("owns_home", {"owns_home": "no"}),
]
# A young person sleeping outside, with nowhere safe tonight.
ROUGH_SLEEPER = [
    ("safe_tonight", {"safe_tonight": "no"}),
    ("abuse", {"abuse": "prefer_not_to_say"}),
    ("where_live", {"where_live": "rough_sleeping"}),
    ("age", {"age": "19"}),
    ("partner", {"partner": "no"}),
    ("children", {"children": "0"}),
    ("other_adults", {"other_adults": "0"}),
    ("pregnant", {"pregnant": "no"}),
    ("immigration", {"immigration": "pre_settled"}),
    ("residence", {"residence": "less"}),
    ("work_local", {"work_local": "no"}),
    ("health", {"health": "no"}),
    ("care_support", {"care_support": "no"}),
    ("support_needs", {"support_needs": "yes"}),
    ("care_leaver", {"care_leaver": "yes"}),
    ("armed_forces", {"armed_forces": "no"}),
    ("income_yearly", {"income_yearly": "0"}),
    ("take_home_monthly", {"take_home_monthly": "0"}),
    ("savings", {"savings": "0"}),
    ("owns_home", {"owns_home": "no"}),
]
COMPLETE_FAMILY = {
    "safe_tonight": "yes",
    "abuse": "no",
    "where_live": "private_rented",
    "told_to_leave": "no",
    "age": 34,
    "partner": "yes",
    "children": 2,
    "children_details": [{"age": 3, "sex": "male"}, {"age": 7, "sex": "female"}],
    "other_adults": 0,
    "pregnant": "no",
    "bedrooms": 2,
    "shares_facilities": "no",
    "home_condition": "no",
    "immigration": "british_irish",
    "residence": "yes",
    "work_local": "no",
    "health": "no",
    "care_support": "no",
    "support_needs": "no",
    "armed_forces": "no",
    "income_yearly": "28000",
    "take_home_monthly": "1950",
    "savings": "1200",
    "owns_home": "no",
}


def path(key: str) -> str:
    return f"/options/questions/{key.replace('_', '-')}"


def date_parts(days: int) -> dict[str, list[str]]:
    day = dt.date.today() + dt.timedelta(days=days)
    return {"leave_date": [str(day.day), str(day.month), str(day.year)]}


def text_of(response) -> str:
    html = response.get_data(as_text=True)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def back_link(response) -> str:
    match = re.search(r'<a href="([^"]*)" class="govuk-back-link"', response.get_data(as_text=True))
    assert match, "no back link"
    return unescape(match.group(1))


def input_value(response, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', response.get_data(as_text=True))
    assert match, name
    value = re.search(r'value="([^"]*)"', match.group(0))
    return unescape(value.group(1)) if value else ""


def saved(client) -> dict:
    with client.session_transaction() as session:
        return dict(session.get(SESSION_KEY) or {})


def give(client, answers: dict) -> None:
    with client.session_transaction() as session:
        session[SESSION_KEY] = dict(answers)


def walk(client, steps) -> list[str]:
    """Answer each question in turn; each answer must lead to the next question given. Returns where each went."""
    places = []
    for index, (key, data) in enumerate(steps):
        form = date_parts(60) if data == "in 60 days" else data
        response = client.post_form(path(key), form)
        assert response.status_code == 302, (key, text_of(response)[:2000])
        places.append(response.headers["Location"])
        if index + 1 < len(steps) and places[-1] != URGENT:
            assert places[-1] == path(steps[index + 1][0]), (key, places[-1])
    return places


def answers_before(key: str) -> dict:
    """The family's answers to every question before ``key``."""
    before = QUESTION_ORDER[: QUESTION_ORDER.index(key)]
    answers = {k: v for k, v in COMPLETE_FAMILY.items() if k in before}
    if key == "leave_date":
        answers["told_to_leave"] = "yes"
    if key == "adults_details":
        answers["other_adults"] = 1
    return answers


def test_start_page_explains_and_starts(client):
    response = client.get(START + "?lang=en")
    page = text_of(response)
    assert "You do not need to give your name." in page
    assert "about 5 minutes" in page
    assert "until you close your browser" in page
    assert "If you have nowhere safe to stay tonight, call the Example Borough Council homelessness team on" in page
    html = response.get_data(as_text=True)
    assert re.search(r'href="/options/questions/safe-tonight"[^>]*govuk-button--start', html)
    assert 'href="/options/calculators/rent"' in html
    assert "Continue where you left off" not in page


def test_a_family_renting_privately(client):
    places = walk(client, FAMILY)
    assert places[-1] == CHECK
    answers = saved(client)
    assert is_complete(answers)
    assert answers["children_details"] == [{"age": 3, "sex": "male"}, {"age": 7, "sex": "female"}]
    assert answers["income_yearly"] == "28000"
    assert answers["take_home_monthly"] == "1950.50"
    assert answers["leave_date"] == (dt.date.today() + dt.timedelta(days=60)).isoformat()
    assert "care_leaver" not in answers and "move_for_work" not in answers
    response = client.get(CHECK + "?lang=en")
    assert response.status_code == 200
    page = text_of(response)
    for heading in ("Your safety", "Your home", "Your household", "Your situation", "Money"):
        assert heading in page
    for shown in (
        "Renting from a private landlord",
        "2 children: boy aged 3, girl aged 7",
        "1 other adult: woman aged 68",
        "£28,000 a year",
        "£1,950.50 a month",
        "34 years old",
        "2 years or more",
    ):
        assert shown in page
    html = response.get_data(as_text=True)
    assert 'href="/options/questions/where-live?change=1"' in html
    assert re.search(r'Change\s*<span class="govuk-visually-hidden"> Where you live now</span>', html)
    assert 'href="/options/results"' in html
    assert back_link(response) == path("owns_home")


def test_a_young_person_sleeping_outside(client):
    places = walk(client, ROUGH_SLEEPER)
    assert places[1] == URGENT
    assert places[-1] == CHECK
    answers = saved(client)
    for skipped in ("told_to_leave", "leave_date", "bedrooms", "shares_facilities", "home_condition"):
        assert skipped not in answers
    assert answers["care_leaver"] == "yes"
    page = text_of(client.get(CHECK + "?lang=en"))
    assert "No children" in page
    assert "Sleeping on the street or somewhere not meant for living in" in page


@pytest.mark.parametrize(
    ("answers", "asked", "skipped"),
    [
        ({"where_live": "council_tenant"}, "move_for_work", "shares_facilities"),
        ({"where_live": "owner_occupier"}, "bedrooms", "owns_home"),
        ({"where_live": "hostel", "told_to_leave": "no"}, "told_to_leave", "bedrooms"),
        ({"where_live": "private_rented", "told_to_leave": "no"}, "shares_facilities", "leave_date"),
        ({"age": 40}, "armed_forces", "care_leaver"),
        ({"children": 0}, "other_adults", "children_details"),
    ],
)
def test_questions_that_do_not_apply_are_skipped(client, answers, asked, skipped):
    give(client, {**COMPLETE_FAMILY, **answers})
    assert client.get(path(asked) + "?lang=en").status_code == 200
    response = client.get(path(skipped))
    assert response.status_code == 302
    assert response.headers["Location"] != path(skipped)


def test_a_question_after_an_unanswered_one_goes_back_to_it(client):
    give(client, {"safe_tonight": "yes", "abuse": "no"})
    response = client.get(path("savings"))
    assert response.headers["Location"] == path("where_live")
    assert client.get(CHECK).headers["Location"] == path("where_live")


def test_back_links_go_to_the_question_before(client):
    assert back_link(client.get(path("safe_tonight") + "?lang=en")) == START
    give(client, {"safe_tonight": "yes", "abuse": "no", "where_live": "rough_sleeping"})
    assert back_link(client.get(path("age") + "?lang=en")) == path("where_live")
    give(client, {**COMPLETE_FAMILY, "told_to_leave": "yes"})
    assert back_link(client.get(path("leave_date") + "?lang=en")) == path("told_to_leave")
    give(client, COMPLETE_FAMILY)
    assert back_link(client.get(path("other_adults"))) == path("children_details")
    assert back_link(client.get(path("savings") + "?change=1")) == CHECK


def test_change_links_return_to_check_answers(client):
    give(client, COMPLETE_FAMILY)
    response = client.post_form(path("savings") + "?change=1", {"savings": "2500"})
    assert response.headers["Location"] == CHECK
    assert "£2,500" in text_of(client.get(CHECK + "?lang=en"))
    # A change that brings in a new question asks it, then goes back to check answers.
    response = client.post_form(path("where_live") + "?change=1", {"where_live": "council_tenant"})
    assert response.headers["Location"] == path("move_for_work")
    assert "shares_facilities" not in saved(client)
    response = client.post_form(path("move_for_work"), {"move_for_work": "no"})
    assert response.headers["Location"] == CHECK
    assert "Renting from the council" in text_of(client.get(CHECK + "?lang=en"))


def test_changing_the_number_of_children_keeps_those_given(client):
    give(client, COMPLETE_FAMILY)
    response = client.post_form(path("children") + "?change=1", {"children": "3"})
    assert response.headers["Location"] == path("children_details") + "?change=1"
    assert "children_details" not in saved(client)
    page = client.get(path("children_details") + "?change=1&lang=en")
    assert input_value(page, "age_1") == "3"
    assert input_value(page, "age_2") == "7"
    assert input_value(page, "age_3") == ""
    assert 'name="sex_2" type="radio" value="female" checked' in page.get_data(as_text=True)
    form = {"age_1": "3", "sex_1": "male", "age_2": "7", "sex_2": "female", "age_3": "0", "sex_3": "female"}
    response = client.post_form(path("children_details") + "?change=1", form)
    assert response.headers["Location"] == CHECK
    assert "3 children: boy aged 3, girl aged 7, baby girl under 1" in text_of(client.get(CHECK + "?lang=en"))
    client.post_form(path("children") + "?change=1", {"children": "1"})
    assert input_value(client.get(path("children_details")), "age_1") == "3"


def test_nowhere_safe_tonight_shows_help_today_once(client):
    walk(client, [("safe_tonight", {"safe_tonight": "no"})])
    response = client.post_form(path("abuse"), {"abuse": "no"})
    assert response.headers["Location"] == URGENT
    help_page = client.get(URGENT + "?lang=en")
    page = text_of(help_page)
    assert "call 999" in page
    assert "01234 567890" in page and "01234 567999" in page
    assert "Shelter" in page and "StreetLink" in page
    assert "National Domestic Abuse Helpline" not in page
    assert re.search(r'href="/options/questions/where-live"[^>]*class="govuk-button"', help_page.get_data(as_text=True))
    assert "come back to these questions later" in page
    assert client.post_form(path("abuse"), {"abuse": "no"}).headers["Location"] == path("where_live")


def test_abuse_shows_help_today_with_the_abuse_helplines(client):
    walk(client, [("safe_tonight", {"safe_tonight": "yes"})])
    response = client.post_form(path("abuse"), {"abuse": "yes"})
    assert response.headers["Location"] == URGENT
    page = text_of(client.get(URGENT + "?lang=en"))
    assert "National Domestic Abuse Helpline" in page and "Galop" in page
    assert "Shelter" not in page
    assert "not your fault" in page


def test_exit_this_page_is_on_the_abuse_pages_and_after_abuse(client):
    give(client, {"safe_tonight": "yes"})
    html = client.get(path("abuse") + "?lang=en").get_data(as_text=True)
    assert "govuk-exit-this-page" in html
    assert "Is anyone hurting you, threatening you or making you feel afraid?" in html
    assert "ex-partner" in html and "choose not to say" in html
    assert "govuk-exit-this-page" in client.post_form(path("abuse"), {}).get_data(as_text=True)
    assert "govuk-exit-this-page" in client.get(URGENT).get_data(as_text=True)
    assert "govuk-exit-this-page" not in client.get(path("safe_tonight")).get_data(as_text=True)
    give(client, {"safe_tonight": "yes", "abuse": "no"})
    assert "govuk-exit-this-page" not in client.get(path("where_live")).get_data(as_text=True)
    give(client, {"safe_tonight": "yes", "abuse": "yes"})
    assert "govuk-exit-this-page" in client.get(path("where_live")).get_data(as_text=True)


def test_unknown_questions_are_not_found(client):
    assert client.get("/options/questions/favourite-colour").status_code == 404
    assert client.get("/options/questions/safe_tonight").status_code == 404


def test_start_again_clears_the_answers(client):
    walk(client, FAMILY[:3])
    response = client.get(START + "?lang=en")
    page = text_of(response)
    assert "Continue where you left off" in page and "Start again" in page
    assert 'href="/options/questions/told-to-leave"' in response.get_data(as_text=True)
    assert client.post("/options/start-again").status_code == 400
    assert saved(client)
    response = client.post_form("/options/start-again", {}, token_from=START)
    assert response.headers["Location"] == path("safe_tonight")
    assert saved(client) == {}
    assert "Continue where you left off" not in text_of(client.get(START))


def test_questions_use_the_councils_area_and_the_schemes_figures(client):
    give(client, answers_before("residence"))
    page = text_of(client.get(path("residence") + "?lang=en"))
    assert "How long have you lived in Example Borough?" in page
    assert "2 years or more" in page and "Less than 2 years" in page
    give(client, answers_before("work_local"))
    page = text_of(client.get(path("work_local") + "?lang=en"))
    assert "Do you work in Example Borough?" in page
    assert "16 hours a week or more, for the last 2 years or more" in page


def test_inputs_suit_what_is_asked(client):
    give(client, answers_before("income_yearly"))
    html = client.get(path("income_yearly") + "?lang=en").get_data(as_text=True)
    assert "govuk-input__prefix" in html and "£" in html
    give(client, answers_before("age"))
    html = client.get(path("age")).get_data(as_text=True)
    assert 'inputmode="numeric"' in html
    assert re.search(r'<h1 class="govuk-label-wrapper">\s*<label class="govuk-label govuk-label--l" for="age">', html)
    give(client, answers_before("where_live"))
    html = client.get(path("where_live")).get_data(as_text=True)
    assert html.count('type="radio"') == 15
    assert '<div class="govuk-radios__divider">or</div>' in html


@pytest.mark.parametrize("language", ["pl", "ar"])
def test_every_page_renders_in_another_language(client, language):
    give(
        client,
        {
            **COMPLETE_FAMILY,
            "told_to_leave": "yes",
            "leave_date": dt.date.today().isoformat(),
            "other_adults": 1,
            "adults_details": [{"age": 70, "sex": "male"}],
        },
    )
    for key in QUESTION_ORDER:
        if key in ("move_for_work", "care_leaver"):
            continue
        response = client.get(f"{path(key)}?lang={language}")
        assert response.status_code == 200, key
        assert f'lang="{language}"' in response.get_data(as_text=True)
    for page in (START, CHECK, URGENT):
        assert client.get(f"{page}?lang={language}").status_code == 200, page
    response = client.post_form(path("age"), {"age": "500"})
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in response.get_data(as_text=True)
