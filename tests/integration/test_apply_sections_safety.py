"""Safety and support, and the optional equality monitoring questions."""

from __future__ import annotations

import datetime as dt

from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import (
    error_text,
    go,
    mistake,
    parts,
    section_answers,
    start_section,
    text_of,
    value_of,
    years_ago,
)


def test_safety_walks_in_order_with_every_follow_up(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = start_section(client, "safety")
    page = text_of(client, nxt)
    assert "Exit this page" in page and "Saying yes will never count against you" in page
    left = years_ago(2)
    nxt = go(
        client,
        nxt,
        ("/apply/safety/domestic-abuse", {"domestic_abuse": "yes"}),
        ("/apply/safety/abuse-need-move", {"abuse_need_move": "yes"}),
        ("/apply/safety/harassment", {"harassment": "yes"}),
        ("/apply/safety/harassment-details", {"harassment_details": "Neighbours shout at us."}),
        ("/apply/safety/care-leaver", {"care_leaver": "no"}),
        ("/apply/safety/armed-forces", {"armed_forces": "left"}),
        ("/apply/safety/forces-discharge-date", {"forces_discharge_date": parts(left)}),
        ("/apply/safety/support-worker", {"support_worker": "yes"}),
        (
            "/apply/safety/support-details",
            {"support_name": "Jo Bloggs", "support_organisation": "Safe Homes", "support_contact": ""},
        ),
    )
    assert nxt.endswith("/apply/safety/check")
    assert section_answers(db_session, client, "safety") == {
        "domestic_abuse": "yes",
        "abuse_need_move": "yes",
        "harassment": "yes",
        "harassment_details": "Neighbours shout at us.",
        "care_leaver": "no",
        "armed_forces": "left",
        "forces_discharge_date": left.isoformat(),
        "support_worker": "yes",
        "support_name": "Jo Bloggs",
        "support_organisation": "Safe Homes",
        "support_contact": "",
    }
    page = text_of(client, nxt)
    assert "Jo Bloggs" in page and "Safe Homes" in page and "Exit this page" in page


def test_changing_yes_to_no_takes_away_the_follow_ups(sign_in_as, db_session):
    client = start(sign_in_as)
    go(
        client,
        "/apply/safety/domestic-abuse",
        ("/domestic-abuse", {"domestic_abuse": "yes"}),
        ("/abuse-need-move", {"abuse_need_move": "no"}),
        ("/harassment", {"harassment": "yes"}),
        ("/harassment-details", {"harassment_details": "Threats"}),
        ("/care-leaver", {"care_leaver": "yes"}),
        ("/armed-forces", {"armed_forces": "left"}),
        ("/forces-discharge-date", {"forces_discharge_date": ["1", "5", "2015"]}),
        ("/support-worker", {"support_worker": "yes"}),
        ("/support-details", {"support_name": "Jo", "support_organisation": "Team", "support_contact": "0161"}),
    )
    changes = {"domestic_abuse": "no", "harassment": "no", "armed_forces": "serving", "support_worker": "no"}
    for key, value in changes.items():
        assert answer(client, f"/apply/safety/{key.replace('_', '-')}?change=1", {key: value}).endswith("/check")
    assert section_answers(db_session, client, "safety") == dict(changes, care_leaver="yes")
    page = text_of(client, "/apply/safety/check")
    assert "Threats" not in page and "Jo" not in page.split("Check your answers", 1)[1]


def test_safety_mistakes_are_explained_on_the_same_page(sign_in_as, db_session):
    client = start(sign_in_as)
    page = mistake(client, "/apply/safety/domestic-abuse", {})
    assert "Select yes if anyone is hurting you, threatening you or making you feel afraid" in error_text(page)
    answer(client, "/apply/safety/domestic-abuse", {"domestic_abuse": "no"})
    answer(client, "/apply/safety/harassment", {"harassment": "no"})
    answer(client, "/apply/safety/care-leaver", {"care_leaver": "no"})
    assert "Select your link to the armed forces, or none of these" in error_text(
        mistake(client, "/apply/safety/armed-forces", {})
    )
    answer(client, "/apply/safety/armed-forces", {"armed_forces": "left"})
    page = mistake(client, "/apply/safety/forces-discharge-date", {"forces_discharge_date": ["31", "2", "2020"]})
    assert "The date you left must be a real date" in error_text(page)
    future = dt.date.today() + dt.timedelta(days=30)
    page = mistake(client, "/apply/safety/forces-discharge-date", {"forces_discharge_date": parts(future)})
    assert "The date you left must be today or in the past" in error_text(page)
    answer(client, "/apply/safety/forces-discharge-date", {"forces_discharge_date": ["1", "5", "2015"]})
    answer(client, "/apply/safety/support-worker", {"support_worker": "yes"})
    page = mistake(
        client,
        "/apply/safety/support-details",
        {"support_name": "Jo Bloggs", "support_organisation": "", "support_contact": "c" * 300},
    )
    summary = error_text(page)
    assert "Enter where your support worker works" in summary
    assert "Your answer must be 100 characters or fewer" in summary
    assert value_of(page, "support_name") == "Jo Bloggs"
    known = section_answers(db_session, client, "safety")
    assert known["forces_discharge_date"] == "2015-05-01" and "support_name" not in known


def test_equality_is_optional_and_saying_no_asks_nothing_more(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = start_section(client, "equality")
    page = text_of(client, nxt)
    assert "never use these answers to decide your application" in page
    assert "Select yes if you want to answer some questions about you" in error_text(mistake(client, nxt, {}))
    assert answer(client, nxt, {"answer_equality": "no"}).endswith("/apply/equality/check")
    assert client.get("/apply/equality/ethnicity").headers["Location"].endswith("/apply/equality/check")
    assert section_answers(db_session, client, "equality") == {"answer_equality": "no"}


def test_equality_questions_each_allow_prefer_not_to_say_and_go_when_changed_to_no(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = answer(client, "/apply/equality/answer-equality", {"answer_equality": "yes"})
    assert nxt.endswith("/apply/equality/ethnicity")
    page = text_of(client, nxt)
    assert "Black, Black British, Caribbean or African" in page and "I prefer not to say" in page
    assert "Select your ethnic group, or that you prefer not to say" in error_text(mistake(client, nxt, {}))
    nxt = go(
        client,
        nxt,
        ("/apply/equality/ethnicity", {"ethnicity": "mixed"}),
        ("/apply/equality/religion", {"religion": "prefer_not_to_say"}),
        ("/apply/equality/sexual-orientation", {"sexual_orientation": "bisexual"}),
        ("/apply/equality/disability", {"disability": "prefer_not_to_say"}),
    )
    assert nxt.endswith("/apply/equality/check")
    assert section_answers(db_session, client, "equality") == {
        "answer_equality": "yes",
        "ethnicity": "mixed",
        "religion": "prefer_not_to_say",
        "sexual_orientation": "bisexual",
        "disability": "prefer_not_to_say",
    }
    answer(client, "/apply/equality/answer-equality?change=1", {"answer_equality": "no"})
    assert section_answers(db_session, client, "equality") == {"answer_equality": "no"}
