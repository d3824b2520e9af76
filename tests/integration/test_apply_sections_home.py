"""Where you live now: the pages in order, pages that depend on the kind of home, and mistakes."""

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
)


def test_renting_privately_asks_every_question_in_order(sign_in_as, db_session):
    client = start(sign_in_as)
    leave = dt.date.today() + dt.timedelta(days=60)
    nxt = go(
        client,
        start_section(client, "current-home"),
        ("/apply/current-home/home-type", {"home_type": "private_rented"}),
        ("/apply/current-home/nowhere-tonight", {"nowhere_tonight": "no"}),
        ("/apply/current-home/bedrooms", {"bedrooms": "2"}),
        ("/apply/current-home/living-rooms", {"living_rooms": "1"}),
        ("/apply/current-home/shares-facilities", {"shares_facilities": "yes"}),
        ("/apply/current-home/disrepair", {"disrepair": "yes"}),
        ("/apply/current-home/disrepair-details", {"disrepair_details": "Black mould in both bedrooms."}),
        ("/apply/current-home/must-leave", {"must_leave": "yes"}),
        ("/apply/current-home/must-leave-date", {"must_leave_date": parts(leave)}),
    )
    assert nxt.endswith("/apply/current-home/check")
    assert section_answers(db_session, client, "current_home") == {
        "home_type": "private_rented",
        "nowhere_tonight": "no",
        "bedrooms": 2,
        "living_rooms": 1,
        "shares_facilities": "yes",
        "disrepair": "yes",
        "disrepair_details": "Black mould in both bedrooms.",
        "must_leave": "yes",
        "must_leave_date": leave.isoformat(),
    }
    page = text_of(client, nxt)
    assert "Renting from a private landlord" in page and "Black mould in both bedrooms." in page
    assert "Yes, I have somewhere safe to stay tonight" in page


def test_sofa_surfing_skips_the_rooms_and_nowhere_tonight_is_stored_as_asked(sign_in_as, db_session):
    client = start(sign_in_as)
    page = text_of(client, "/apply/current-home/home-type")
    assert "Staying with friends (sofa surfing)" in page and "Sleeping on the streets" in page
    nxt = go(
        client,
        "/apply/current-home/home-type",
        ("/home-type", {"home_type": "sofa_surfing"}),
        ("/nowhere-tonight", {"nowhere_tonight": "yes"}),
    )
    assert nxt.endswith("/apply/current-home/must-leave")
    assert client.get("/apply/current-home/bedrooms").headers["Location"].endswith("/must-leave")
    nxt = answer(client, nxt, {"must_leave": "no"})
    assert nxt.endswith("/apply/current-home/check")
    known = section_answers(db_session, client, "current_home")
    assert known == {"home_type": "sofa_surfing", "nowhere_tonight": "yes", "must_leave": "no"}
    assert "No, I do not have anywhere safe to stay tonight" in text_of(client, nxt)


def test_sleeping_on_the_streets_is_never_asked_about_being_told_to_leave(sign_in_as):
    client = start(sign_in_as)
    nxt = answer(client, "/apply/current-home/home-type", {"home_type": "rough_sleeping"})
    assert answer(client, nxt, {"nowhere_tonight": "yes"}).endswith("/apply/current-home/check")


def test_moving_from_a_rented_home_to_the_streets_takes_away_the_room_answers(sign_in_as, db_session):
    client = start(sign_in_as)
    go(
        client,
        "/apply/current-home/home-type",
        ("/home-type", {"home_type": "lodger"}),
        ("/nowhere-tonight", {"nowhere_tonight": "no"}),
        ("/bedrooms", {"bedrooms": "1"}),
        ("/living-rooms", {"living_rooms": "0"}),
        ("/shares-facilities", {"shares_facilities": "yes"}),
    )
    answer(client, "/apply/current-home/home-type?change=1", {"home_type": "rough_sleeping"})
    known = section_answers(db_session, client, "current_home")
    assert known == {"home_type": "rough_sleeping", "nowhere_tonight": "no"}


def test_saying_no_after_yes_takes_away_the_leave_date_and_details(sign_in_as, db_session):
    client = start(sign_in_as)
    go(
        client,
        "/apply/current-home/home-type",
        ("/home-type", {"home_type": "council_tenant"}),
        ("/nowhere-tonight", {"nowhere_tonight": "no"}),
        ("/bedrooms", {"bedrooms": "1"}),
        ("/living-rooms", {"living_rooms": "1"}),
        ("/disrepair", {"disrepair": "yes"}),
        ("/disrepair-details", {"disrepair_details": "No heating"}),
        ("/must-leave", {"must_leave": "yes"}),
        ("/must-leave-date", {"must_leave_date": parts(dt.date.today())}),
    )
    assert "must_leave_date" in section_answers(db_session, client, "current_home")
    nxt = answer(client, "/apply/current-home/must-leave?change=1", {"must_leave": "no"})
    assert nxt.endswith("/apply/current-home/check")
    answer(client, "/apply/current-home/disrepair?change=1", {"disrepair": "no"})
    known = section_answers(db_session, client, "current_home")
    assert "must_leave_date" not in known and "disrepair_details" not in known
    assert known["must_leave"] == "no" and known["disrepair"] == "no"
    page = text_of(client, "/apply/current-home/check")
    assert "No heating" not in page and "Date you have to leave" not in page


def test_mistakes_show_a_clear_message_on_the_same_page_and_keep_what_was_typed(sign_in_as, db_session):
    client = start(sign_in_as)
    go(
        client,
        "/apply/current-home/home-type",
        ("/home-type", {"home_type": "private_rented"}),
        ("/nowhere-tonight", {"nowhere_tonight": "no"}),
    )
    page = mistake(client, "/apply/current-home/bedrooms", {"bedrooms": "two"})
    assert "Enter the number of bedrooms as a whole number, like 2" in error_text(page)
    assert value_of(page, "bedrooms") == "two"
    page = mistake(client, "/apply/current-home/bedrooms", {"bedrooms": "50"})
    assert "Enter a number of bedrooms from 0 to 20" in error_text(page)
    assert "Select where you are living now" in error_text(mistake(client, "/apply/current-home/home-type", {}))
    answer(client, "/apply/current-home/bedrooms", {"bedrooms": "1"})
    answer(client, "/apply/current-home/living-rooms", {"living_rooms": "1"})
    answer(client, "/apply/current-home/shares-facilities", {"shares_facilities": "no"})
    page = mistake(client, "/apply/current-home/disrepair", {"disrepair": "maybe"})
    assert "Select yes if where you live is in very poor condition" in error_text(page)
    answer(client, "/apply/current-home/disrepair", {"disrepair": "yes"})
    page = mistake(client, "/apply/current-home/disrepair-details", {"disrepair_details": "x" * 5000})
    assert "Your answer must be 2000 characters or fewer" in error_text(page)
    assert value_of(page, "disrepair_details") == "x" * 5000
    answer(client, "/apply/current-home/disrepair-details", {"disrepair_details": "Damp"})
    answer(client, "/apply/current-home/must-leave", {"must_leave": "yes"})
    page = mistake(client, "/apply/current-home/must-leave-date", {"must_leave_date": ["31", "2", "2020"]})
    assert "The date you have to leave must be a real date" in error_text(page)
    too_late = dt.date.today() + dt.timedelta(days=800)
    page = mistake(client, "/apply/current-home/must-leave-date", {"must_leave_date": parts(too_late)})
    assert "The date you have to leave must be in the next 2 years" in error_text(page)
    page = mistake(client, "/apply/current-home/must-leave-date", {"must_leave_date": ["", "3", "2027"]})
    assert "The date you have to leave must include a day" in error_text(page)
    known = section_answers(db_session, client, "current_home")
    assert known["bedrooms"] == 1 and known["disrepair_details"] == "Damp" and "must_leave_date" not in known
