"""Sending an application: the whole check answers page, the declaration, the reference, email and result."""

from __future__ import annotations

import re

from portal.data import applications as data
from portal.data.audit import events_for_subject
from portal.data.evidence import evidence_items
from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import text_of, walk_everything

ALL_BOXES = {"declaration": ["true", "checks", "share", "changes"]}


def test_cannot_check_and_send_before_every_section_is_finished(sign_in_as):
    client = start(sign_in_as)
    assert client.get("/apply/check").headers["Location"].endswith("/apply/")
    assert "When you have finished every section" in text_of(client, "/apply/")


def test_declaration_needs_every_box(sign_in_as, db_session):
    client = start(sign_in_as)
    walk_everything(client)
    response = client.post_form("/apply/check", {"declaration": ["true", "checks"]})
    assert response.status_code == 200
    assert "Tick all 4 boxes to send your application" in response.get_data(as_text=True)
    db_session.expire_all()
    assert data.application_for(db_session, client.user.id).stage == "draft"


def test_sending_gives_a_reference_email_result_and_evidence_list(sign_in_as, db_session, outbox):
    client = start(sign_in_as, full_name="Amina Rahman")
    walk_everything(client)
    check = text_of(client, "/apply/check")
    for heading in ("About you", "Where you live now", "Money, savings and property", "1 High Street"):
        assert heading in check
    assert answer(client, "/apply/check", ALL_BOXES).endswith("/apply/sent")
    db_session.expire_all()
    application = data.application_for(db_session, client.user.id)
    assert application.stage == "submitted" and application.received_on is not None
    assert re.fullmatch(r"HR-[A-HJ-NP-Z2-9]{6}", application.reference)
    page = text_of(client, "/apply/sent")
    assert application.reference in page and "Your provisional result" in page
    # A single adult in a one-bedroom council flat needs one bedroom and has no reason for priority.
    assert application.provisional["bedroom_need"] == 1
    assert re.search(r'id="provisional-bedrooms">\s*1\s*<', page)
    [message] = outbox()
    assert message["To"] == client.user.email
    assert application.reference in message.get_body(preferencelist=("plain",)).get_content()
    kinds = {item.kind for item in evidence_items(db_session, application)}
    assert {"identity", "address_history", "income"} <= kinds
    actions = [event.action for event in events_for_subject(db_session, "application", application.id)]
    assert actions[0] == "application.started" and "application.stage_changed" in actions
    assert "application.submitted" in actions


def test_a_sent_application_cannot_be_changed_through_the_questions(sign_in_as):
    client = start(sign_in_as)
    walk_everything(client)
    answer(client, "/apply/check", ALL_BOXES)
    assert client.get("/apply/about-you/sex").status_code == 404
    assert client.get("/apply/").headers["Location"].endswith("/apply/status")
    assert client.get("/apply/check").status_code == 404


def test_housing_options_answers_fill_in_the_application(sign_in_as, db_session):
    client = sign_in_as_with_options(sign_in_as)
    db_session.expire_all()
    known = data.facts_of(data.application_for(db_session, client.user.id))
    assert known["answers"]["current_home"]["home_type"] == "private_rented"
    assert known["answers"]["current_home"]["bedrooms"] == 1
    assert known["answers"]["money"]["income"] == "21000"
    assert known["answers"]["money"]["take_home_pay"] == "1480"
    assert known["people"][0]["immigration_status"] == "settled"
    page = text_of(client, "/apply/")
    assert "Check your answers" in page


def sign_in_as_with_options(sign_in_as):
    from portal.auth.roles import Role

    client = sign_in_as(Role.APPLICANT)
    with client.session_transaction() as session:
        session["housing_options"] = {
            "where_live": "private_rented",
            "bedrooms": 1,
            "immigration": "settled",
            "income_yearly": "21000",
            "take_home_monthly": "1480",
            "partner": "no",
            "children": 0,
            "other_adults": 0,
        }
    token = client.csrf_token("/apply/")
    assert client.post("/apply/start", data={"csrf_token": token}).status_code == 302
    return client
