"""Immigration (the applicant and any partner or joint applicant aged 16 or over) and health and disability."""

from __future__ import annotations

from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import (
    add_person,
    error_text,
    facts,
    go,
    mistake,
    section_answers,
    start_section,
    text_of,
    value_of,
)


def household_with_partner_and_child(client):
    nxt = answer(client, "/apply/household/anyone-else", {"anyone_else": "yes"})
    nxt = add_person(client, nxt, "Sam Lee", "2 3 1988", "male", "partner")
    assert nxt.endswith("/apply/household/another")
    nxt = answer(client, nxt, {"add_another": "yes"})
    nxt = add_person(client, nxt, "Mia Lee", "5 6 2016", "female", "child")
    return answer(client, nxt, {"add_another": "no"})


def test_immigration_asks_the_applicant_then_the_partner_but_not_a_child(sign_in_as, db_session):
    client = start(sign_in_as, full_name="Amina Rahman")
    household_with_partner_and_child(client)
    people = facts(db_session, client)["people"]
    me, partner, child = (person["id"] for person in people)
    nxt = start_section(client, "immigration")
    assert nxt.endswith(f"/apply/immigration/{me}/immigration-status")
    page = text_of(client, nxt)
    assert "What is your immigration status?" in page and "Pre-settled status" in page
    page = mistake(client, nxt, {})
    assert "Select your immigration status, or that you are not sure" in error_text(page)
    nxt = go(
        client,
        nxt,
        (f"/{me}/immigration-status", {"immigration_status": "british_irish"}),
        (f"/{me}/lived-in-uk-2-years", {"lived_in_uk_2_years": "yes"}),
    )
    assert nxt.endswith(f"/apply/immigration/{partner}/immigration-status")
    page = text_of(client, nxt)
    assert "What is Sam Lee's immigration status?" in page and "Immigration and residence: Sam Lee" in page
    assert "Select Sam Lee's immigration status" in error_text(mistake(client, nxt, {}))
    nxt = answer(client, nxt, {"immigration_status": "pre_settled"})
    assert "Has Sam Lee lived in the UK or Ireland for all of the last 2 years?" in text_of(client, nxt)
    nxt = answer(client, nxt, {"lived_in_uk_2_years": "no"})
    assert nxt.endswith("/apply/immigration/check")
    assert client.get(f"/apply/immigration/{child}/immigration-status").status_code == 404
    assert client.get("/apply/immigration/new/immigration-status").status_code == 404
    people = facts(db_session, client)["people"]
    assert (people[0]["immigration_status"], people[0]["lived_in_uk_2_years"]) == ("british_irish", "yes")
    assert (people[1]["immigration_status"], people[1]["lived_in_uk_2_years"]) == ("pre_settled", "no")
    assert "immigration_status" not in people[2]
    page = text_of(client, nxt)
    assert "Sam Lee" in page and "Pre-settled status" in page and "British or Irish citizen" in page


def test_health_for_one_person_never_asks_who(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = go(
        client,
        start_section(client, "health"),
        ("/apply/health/health-problem", {"health_problem": "no"}),
        ("/apply/health/mobility", {"mobility": "none"}),
        ("/apply/health/own-room", {"own_room": "yes"}),
        ("/apply/health/overnight-carer", {"overnight_carer": "no"}),
        ("/apply/health/medical-form", {"medical_form": "no"}),
    )
    assert nxt.endswith("/apply/health/check")
    known = section_answers(db_session, client, "health")
    assert "own_room_person" not in known and known["own_room"] == "yes"


def test_health_with_a_household_asks_who_and_the_medical_form(sign_in_as, db_session):
    client = start(sign_in_as, full_name="Amina Rahman")
    household_with_partner_and_child(client)
    child = facts(db_session, client)["people"][2]["id"]
    assert "Select yes if where you live makes anyone" in error_text(
        mistake(client, "/apply/health/health-problem", {})
    )
    nxt = go(
        client,
        start_section(client, "health"),
        ("/apply/health/health-problem", {"health_problem": "yes"}),
        ("/apply/health/health-details", {"health_details": "Mia has asthma. The damp makes it worse."}),
        ("/apply/health/mobility", {"mobility": "steps_hard"}),
        ("/apply/health/own-room", {"own_room": "yes"}),
    )
    assert nxt.endswith("/apply/health/own-room-person")
    page = text_of(client, nxt)
    assert "Amina Rahman (you)" in page and "Sam Lee" in page and "Mia Lee" in page
    assert "Select who needs a bedroom of their own" in error_text(mistake(client, nxt, {}))
    nxt = go(
        client,
        nxt,
        ("/own-room-person", {"own_room_person": child}),
        ("/overnight-carer", {"overnight_carer": "no"}),
        ("/medical-form", {"medical_form": "yes"}),
    )
    page = mistake(client, nxt, {"medical_condition": "a" * 5000})
    assert "Your answer must be 2000 characters or fewer" in error_text(page)
    assert value_of(page, "medical_condition") == "a" * 5000
    assert "Enter the health problem or disability each person has" in error_text(mistake(client, nxt, {}))
    nxt = go(
        client,
        nxt,
        ("/medical-condition", {"medical_condition": "Asthma"}),
        ("/medical-effect", {"medical_effect": "Mould in her room"}),
        ("/medical-professionals", {"medical_professionals": ""}),
    )
    assert nxt.endswith("/apply/health/check")
    known = section_answers(db_session, client, "health")
    assert known["own_room_person"] == child and known["medical_professionals"] == ""
    assert known["health_details"] == "Mia has asthma. The damp makes it worse."
    assert "Mia Lee" in text_of(client, nxt)
    answer(client, "/apply/health/medical-form?change=1", {"medical_form": "no"})
    answer(client, "/apply/health/own-room?change=1", {"own_room": "no"})
    answer(client, "/apply/health/health-problem?change=1", {"health_problem": "no"})
    known = section_answers(db_session, client, "health")
    for gone in ("medical_condition", "medical_effect", "medical_professionals", "own_room_person", "health_details"):
        assert gone not in known
    assert known["medical_form"] == "no" and known["mobility"] == "steps_hard"


def test_the_medical_form_is_not_offered_when_there_is_no_health_need(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = go(
        client,
        "/apply/health/health-problem",
        ("/health-problem", {"health_problem": "no"}),
        ("/mobility", {"mobility": "none"}),
        ("/own-room", {"own_room": "no"}),
        ("/overnight-carer", {"overnight_carer": "no"}),
    )
    assert nxt.endswith("/apply/health/check")
    assert client.get("/apply/health/medical-form").headers["Location"].endswith("/apply/health/check")
    assert set(section_answers(db_session, client, "health")) == {
        "health_problem",
        "mobility",
        "own_room",
        "overnight_carer",
    }
