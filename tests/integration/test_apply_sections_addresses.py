"""Your addresses and links to the area: 5 years of addresses, newest first, then work, family and care."""

from __future__ import annotations

import datetime as dt

from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import (
    add_address,
    error_text,
    facts,
    go,
    mistake,
    parts,
    section_answers,
    start_section,
    text_of,
    value_of,
    years_ago,
)


def test_three_addresses_covering_5_years_stop_asking_for_another(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = start_section(client, "addresses")
    assert nxt.endswith("/apply/addresses/new/address")
    page = text_of(client, nxt)
    assert "What is your address?" in page and 'autocomplete="postal-code"' in page
    assert 'autocomplete="address-line1"' in page and 'autocomplete="address-level2"' in page
    nxt = answer(client, nxt, {"line_1": "4 Elm Road", "line_2": "", "town": "Exampletown", "postcode": "ex1  1aa"})
    current = facts(db_session, client)["addresses"][0]["id"]
    assert nxt.endswith(f"/apply/addresses/{current}/moved-in")
    nxt = answer(client, nxt, {"moved_in": parts(years_ago(1))})
    assert nxt.endswith(f"/apply/addresses/{current}/in-area")
    assert "Is this address in " in text_of(client, nxt)
    nxt = answer(client, nxt, {"in_area": "yes"})
    assert nxt.endswith("/apply/addresses/another")
    nxt = answer(client, nxt, {"lived_before": "yes"})
    assert nxt.endswith("/apply/addresses/new/address")
    assert "What was your address before that?" in text_of(client, nxt)
    nxt = add_address(client, nxt, "9 Oak Lane", years_ago(3), in_area="no")
    assert nxt.endswith("/apply/addresses/another")
    nxt = answer(client, nxt, {"lived_before": "yes"})
    nxt = add_address(client, nxt, "2 Ash Close", years_ago(6))
    assert nxt.endswith("/apply/addresses/work-in-area")
    assert start_section(client, "addresses").endswith("/apply/addresses/work-in-area")
    listed = facts(db_session, client)["addresses"]
    assert [found["line_1"] for found in listed] == ["4 Elm Road", "9 Oak Lane", "2 Ash Close"]
    assert listed[0]["postcode"] == "EX1 1AA" and listed[0]["line_2"] == ""
    assert listed[0]["moved_out"] is None
    assert listed[1]["moved_out"] == listed[0]["moved_in"] == years_ago(1).isoformat()
    assert listed[2]["moved_out"] == listed[1]["moved_in"] == years_ago(3).isoformat()
    page = text_of(client, f"/apply/addresses/{listed[0]['id']}/address")
    assert "What is your address?" in page
    assert "What was your address before that?" in text_of(client, f"/apply/addresses/{listed[2]['id']}/address")


def test_links_to_the_area_ask_follow_ups_only_after_yes(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = add_address(client, start_section(client, "addresses"), "4 Elm Road", years_ago(7))
    started = years_ago(2)
    nxt = go(
        client,
        nxt,
        ("/apply/addresses/work-in-area", {"work_in_area": "yes"}),
        ("/apply/addresses/work-since", {"work_since": parts(started)}),
        ("/apply/addresses/work-hours", {"work_hours": "30"}),
        ("/apply/addresses/work-permanent", {"work_permanent": "yes"}),
        ("/apply/addresses/family-in-area", {"family_in_area": "yes"}),
        ("/apply/addresses/family-since", {"family_since": ["1", "1", "1980"]}),
        ("/apply/addresses/care-move", {"care_move": "no"}),
    )
    assert nxt.endswith("/apply/addresses/check")
    known = section_answers(db_session, client, "addresses")
    assert known["work_since"] == started.isoformat() and known["work_hours"] == 30
    assert known["family_since"] == "1980-01-01" and known["work_permanent"] == "yes"
    answer(client, "/apply/addresses/work-in-area?change=1", {"work_in_area": "no"})
    answer(client, "/apply/addresses/family-in-area?change=1", {"family_in_area": "no"})
    known = section_answers(db_session, client, "addresses")
    for gone in ("work_since", "work_hours", "work_permanent", "family_since"):
        assert gone not in known
    assert {key: known[key] for key in ("work_in_area", "family_in_area", "care_move")} == {
        "work_in_area": "no",
        "family_in_area": "no",
        "care_move": "no",
    }
    page = text_of(client, "/apply/addresses/check")
    assert "4 Elm Road" in page and "EX1 1AA" in page and "Hours of work each week" not in page


def test_address_mistakes_keep_what_was_typed(sign_in_as, db_session):
    client = start(sign_in_as)
    form = {"line_1": "4 Elm Road", "line_2": "Flat 2", "town": "Exampletown", "postcode": "ABC"}
    page = mistake(client, "/apply/addresses/new/address", form)
    assert "Enter a real postcode, like SW1A 1AA" in error_text(page)
    assert value_of(page, "line_1") == "4 Elm Road" and value_of(page, "postcode") == "ABC"
    assert facts(db_session, client)["addresses"] == []
    page = mistake(client, "/apply/addresses/new/address", {"line_1": "", "line_2": "", "town": "", "postcode": ""})
    summary = error_text(page)
    assert "Enter address line 1, like the house number and street" in summary
    assert "Enter the town or city" in summary and "Enter the postcode" in summary
    nxt = answer(client, "/apply/addresses/new/address", dict(form, postcode="sw1a1aa"))
    assert facts(db_session, client)["addresses"][0]["postcode"] == "SW1A 1AA"
    page = mistake(client, nxt, {"moved_in": ["31", "2", "2020"]})
    assert "The date you moved in must be a real date" in error_text(page)
    assert value_of(page, "moved_in") == "31"
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert "must be today or in the past" in error_text(mistake(client, nxt, {"moved_in": parts(tomorrow)}))
    nxt = answer(client, nxt, {"moved_in": parts(years_ago(2))})
    assert "Select yes if this address is in " in error_text(mistake(client, nxt, {}))
    nxt = answer(client, nxt, {"in_area": "yes"})
    nxt = answer(
        client, answer(client, nxt, {"lived_before": "yes"}), dict(form, line_1="9 Oak Lane", postcode="EX2 2BB")
    )
    page = mistake(client, nxt, {"moved_in": parts(years_ago(1))})
    assert "The date you moved in here must be before the date you moved to 4 Elm Road" in error_text(page)
    assert facts(db_session, client)["addresses"][0]["line_2"] == "Flat 2"


def test_work_mistakes_are_explained(sign_in_as):
    client = start(sign_in_as)
    nxt = add_address(client, start_section(client, "addresses"), "4 Elm Road", years_ago(7))
    answer(client, nxt, {"work_in_area": "yes"})
    answer(client, "/apply/addresses/work-since", {"work_since": parts(years_ago(1))})
    page = mistake(client, "/apply/addresses/work-hours", {"work_hours": "90"})
    assert "Enter a number of hours from 1 to 80" in error_text(page)
    page = mistake(client, "/apply/addresses/work-hours", {"work_hours": "lots"})
    assert "Enter the hours as a whole number, like 16" in error_text(page)


def test_saying_no_to_another_with_a_short_history_moves_on_and_removing_asks_again(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = add_address(client, start_section(client, "addresses"), "4 Elm Road", years_ago(1))
    assert "We need to know where you have lived for the last 5 years" in text_of(client, nxt)
    nxt = answer(client, nxt, {"lived_before": "yes"})
    nxt = add_address(client, nxt, "9 Oak Lane", years_ago(9))
    assert nxt.endswith("/apply/addresses/work-in-area")
    older = facts(db_session, client)["addresses"][1]["id"]
    page = text_of(client, f"/apply/addresses/{older}/remove")
    assert "Are you sure you want to remove 9 Oak Lane?" in page
    assert answer(client, f"/apply/addresses/{older}/remove", {"confirm": "yes"}).endswith("/addresses/check")
    assert start_section(client, "addresses").endswith("/apply/addresses/another")
    nxt = answer(client, "/apply/addresses/another", {"lived_before": "no"})
    assert nxt.endswith("/apply/addresses/work-in-area")


def test_an_earlier_address_outside_the_uk_needs_no_postcode(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = add_address(client, start_section(client, "addresses"), "1 High Street", years_ago(2))
    assert nxt.endswith("/addresses/another")
    nxt = answer(client, nxt, {"lived_before": "yes"})
    assert nxt.endswith("/addresses/new/address")
    assert "Leave this empty if the address was outside the UK." in text_of(client, nxt)
    nxt = answer(client, nxt, {"line_1": "ul. Długa 5", "line_2": "", "town": "Kraków, Poland", "postcode": ""})
    assert nxt.endswith("/moved-in")
    known = facts(db_session, client)["addresses"]
    assert [(a["line_1"], a["postcode"]) for a in known] == [("1 High Street", "EX1 1AA"), ("ul. Długa 5", "")]
    # The current address still needs its postcode.
    current = known[0]["id"]
    page = mistake(
        client,
        f"/apply/addresses/{current}/address",
        {"line_1": "1 High Street", "town": "Exampletown", "postcode": ""},
    )
    assert "Enter the postcode" in error_text(page)


def test_someone_sleeping_rough_can_give_an_area_and_no_postcode(sign_in_as, db_session):
    client = start(sign_in_as)
    answer(client, "/apply/current-home/home-type", {"home_type": "rough_sleeping"})
    nxt = start_section(client, "addresses")
    page = text_of(client, nxt)
    assert "write the street or area where you usually stay" in page
    nxt = answer(client, nxt, {"line_1": "Around the bus station", "line_2": "", "town": "Exampletown", "postcode": ""})
    assert nxt.endswith("/moved-in")
    assert facts(db_session, client)["addresses"][0]["postcode"] == ""
