"""Checking evidence on a case: accepting, not accepting and asking again, with the audit trail, the applicant's
evidence page and email; opening files; asking for information not on the list; moving the case on."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from flask import current_app

from portal.auth.roles import Role
from portal.data.applications import move_to
from portal.data.audit import events_for_subject
from portal.data.evidence import REQUESTED, accept_item, add_file, evidence_items
from portal.data.evidence_models import EvidenceItem
from portal.data.models import User
from portal.storage import file_store
from portal.storage.base import new_key
from tests.conftest import sign_in_client
from tests.integration.apply_evidence_helpers import item_of, resync
from tests.integration.officer_helpers import a_case, page_text

TODAY = dt.date.today()


def parts(day: dt.date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def error_summary(page: str) -> list[str]:
    summary = BeautifulSoup(page, "html.parser").find(class_="govuk-error-summary")
    assert summary is not None, "no error summary"
    return [link.get_text(strip=True) for link in summary.find_all("a")]


def signed_in_applicant(app, db_session, case):
    return sign_in_client(app.test_client(), db_session.get(User, case.user_id))


def with_file(db_session, item: EvidenceItem, body: bytes = b"%PDF-1.4 test", name: str = "passport.pdf"):
    key = new_key()
    file_store(current_app).put(key, body, "application/pdf")
    return add_file(
        db_session,
        item,
        storage_key=key,
        display_name=name,
        content_type="application/pdf",
        size_bytes=len(body),
        uploaded_by=None,
    )


def item_path(case, item):
    return f"/officer/cases/{case.id}/evidence/{item.id}"


def test_the_evidence_page_lists_every_item_with_its_files(app, sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    identity = item_of(db_session, case, "identity", case.applicant.key)
    with app.app_context():
        sent = with_file(db_session, identity)
    page = page_text(officer, f"/officer/cases/{case.id}/evidence")
    assert "Proof of identity: Nadia Haddad" in page and "Waiting to be checked" in page
    assert "passport.pdf" in page and "Household income" in page and "Not sent yet" in page
    assert "0 of 8 accepted. 1 waiting to be checked. 7 waiting for the applicant." in page
    assert f"/officer/cases/{case.id}/files/{sent.id}" in page
    assert "Ask the applicant for something else" in page


def test_an_officer_opens_a_file_of_the_case_and_it_is_audited(app, sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    other = a_case(db_session, make_user, full_name="Other Person")
    with app.app_context():
        sent = with_file(db_session, item_of(db_session, case, "income"), b"%PDF-1.4 payslip", "payslip.pdf")
        elsewhere = with_file(db_session, item_of(db_session, other, "income"))
    response = officer.get(f"/officer/cases/{case.id}/files/{sent.id}")
    assert response.status_code == 200 and response.data == b"%PDF-1.4 payslip"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Content-Disposition"] == 'inline; filename="payslip.pdf"'
    download = officer.get(f"/officer/cases/{case.id}/files/{sent.id}?download=1")
    assert download.headers["Content-Disposition"] == 'attachment; filename="payslip.pdf"'
    viewed = events(db_session, case, "evidence.viewed")
    assert len(viewed) == 2 and {event.actor_id for event in viewed} == {officer.user.id}
    assert viewed[0].details["file_id"] == sent.id
    # A file of another case, through this case, is not found, and nothing is recorded.
    assert officer.get(f"/officer/cases/{case.id}/files/{elsewhere.id}").status_code == 404
    assert officer.get(f"/officer/cases/{case.id}/files/999999").status_code == 404
    assert events(db_session, other, "evidence.viewed") == []


def test_accepting_evidence_until_a_date(app, sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    item = item_of(db_session, case, "identity", case.applicant.key)
    until = TODAY + dt.timedelta(days=400)
    response = officer.post_form(item_path(case, item), {"action": "accept", "valid_until": parts(until)})
    assert response.status_code == 302 and response.headers["Location"] == item_path(case, item)
    item = item_of(db_session, case, "identity", case.applicant.key)
    assert (item.status, item.valid_until) == ("accepted", until)
    [event] = events(db_session, case, "evidence.accepted")
    assert event.actor_id == officer.user.id and event.details["valid_until"] == until.isoformat()
    assert "The evidence is accepted." in page_text(officer, item_path(case, item))
    assert outbox() == []  # nothing to ask of the applicant
    applicant = signed_in_applicant(app, db_session, case)
    page = page_text(applicant, "/apply/evidence")
    assert f"We have accepted this until {long(until)}." in page


def test_not_accepting_evidence_tells_the_applicant_why(app, sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    case.locale = "pl"
    db_session.flush()
    item = item_of(db_session, case, "income")
    reason = "The payslips are from 2019. Send ones from the last 2 months."
    response = officer.post_form(item_path(case, item), {"action": "reject", "reason": reason})
    assert response.status_code == 302
    item = item_of(db_session, case, "income")
    assert (item.status, item.reason) == ("rejected", reason)
    [event] = events(db_session, case, "evidence.rejected")
    assert event.actor_id == officer.user.id and event.reason == reason
    # The case has started waiting for evidence.
    assert case.stage == "awaiting_evidence"
    [message] = outbox()
    assert message["To"] == db_session.get(User, case.user_id).email
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Dzień dobry, Nadia Haddad!" in body  # in the application's language
    assert f"/apply/evidence/{item.id}" in body and case.reference in body
    assert reason not in body  # the reason is on the portal, behind sign-in
    applicant = signed_in_applicant(app, db_session, case)
    page = page_text(applicant, "/apply/evidence")
    assert f"This is why: {reason}" in page


def test_asking_again_with_a_note_and_a_date(app, sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    item = item_of(db_session, case, "savings")
    accept_item(db_session, item, officer=officer.user, valid_until=None)
    due = TODAY + dt.timedelta(days=14)
    note = "Send your statement for March."
    response = officer.post_form(item_path(case, item), {"action": "again", "note": note, "due_on": parts(due)})
    assert response.status_code == 302
    item = item_of(db_session, case, "savings")
    assert (item.status, item.request_note, item.due_on) == ("requested_again", note, due)
    [event] = events(db_session, case, "evidence.requested_again")
    assert event.reason == note and event.details["due_on"] == due.isoformat()
    [message] = outbox()
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "We need you to send some of your evidence again." in body
    assert f"Try to send it by {long(due)}." in body
    applicant = signed_in_applicant(app, db_session, case)
    page = page_text(applicant, "/apply/evidence")
    assert note in page and f"Try to send it by {long(due)}." in page


def test_a_bad_date_or_missing_words_give_an_error_on_the_same_page(sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    item = item_of(db_session, case, "income")
    path = item_path(case, item)
    tries = [
        (
            {"action": "accept", "valid_until": ["31", "2", str(TODAY.year + 1)]},
            "The valid until date must be a real date",
        ),
        ({"action": "accept", "valid_until": parts(TODAY - dt.timedelta(days=3))}, "must be in the future"),
        ({"action": "reject", "reason": "   "}, "Say why you cannot accept this evidence"),
        ({"action": "again", "note": "", "due_on": parts(TODAY)}, "Say what the applicant needs to send"),
        ({"action": "again", "note": "Send it again", "due_on": ["", "", ""]}, "Enter the date to send it by"),
        ({"action": "again", "note": "Send it again", "due_on": ["1", "13", "2027"]}, "must be a real date"),
    ]
    for data, message in tries:
        response = officer.post_form(path, data)
        assert response.status_code == 400, data
        page = response.get_data(as_text=True)
        assert any(message in error for error in error_summary(page)), (data, error_summary(page))
        assert "Error:" in BeautifulSoup(page, "html.parser").title.get_text()
    # What was typed is kept, and nothing was saved or sent.
    response = officer.post_form(path, {"action": "again", "note": "Send it again", "due_on": ["1", "13", "2027"]})
    assert "Send it again" in response.get_data(as_text=True)
    assert item_of(db_session, case, "income").status == "needed"
    assert events(db_session, case, "evidence.rejected") == [] and outbox() == []
    assert case.stage == "submitted"
    # A post without a choice changes nothing.
    assert officer.post_form(path, {}).status_code == 302


def test_asking_for_information_not_on_the_list(app, sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/request-information"
    due = TODAY + dt.timedelta(days=21)
    response = officer.post_form(
        path,
        {
            "what": "A letter from your landlord",
            "why": "We need to know when your tenancy ends.",
            "due_on": parts(due),
        },
    )
    assert response.status_code == 302 and response.headers["Location"] == f"/officer/cases/{case.id}/evidence"
    [item] = [item for item in evidence_items(db_session, case) if item.kind == REQUESTED]
    assert (item.status, item.still_needed, item.due_on) == ("needed", True, due)
    [event] = events(db_session, case, "evidence.information_requested")
    assert event.actor_id == officer.user.id and event.details["what"] == "A letter from your landlord"
    # A case just sent now waits for evidence, with the move recorded.
    db_session.expire_all()
    assert case.stage == "awaiting_evidence"
    assert case.status_changes[-1].to_stage == "awaiting_evidence"
    assert case.status_changes[-1].actor_id == officer.user.id
    [message] = outbox()
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "We need you to send us something more" in body and f"/apply/evidence/{item.id}" in body
    # The officer sees it on the evidence page; the applicant sees it with the officer's words.
    assert "Asked for: A letter from your landlord" in page_text(officer, f"/officer/cases/{case.id}/evidence")
    applicant = signed_in_applicant(app, db_session, case)
    page = page_text(applicant, "/apply/evidence")
    assert "A letter from your landlord" in page and "We need to know when your tenancy ends." in page
    assert f"Try to send it by {long(due)}." in page and "Your household" in page
    item_page = page_text(applicant, f"/apply/evidence/{item.id}")
    assert "A letter from your landlord" in item_page and "We need to know when your tenancy ends." in item_page
    # The rules' list is worked out again after a change: the officer's item stays needed.
    resync(db_session, case)
    db_session.expire_all()
    assert db_session.get(EvidenceItem, item.id).still_needed is True
    # A second request is a second item.
    officer.post_form(path, {"what": "A bank statement", "why": "To check your savings.", "due_on": parts(due)})
    assert len([item for item in evidence_items(db_session, case) if item.kind == REQUESTED]) == 2


def test_asking_for_information_needs_what_why_and_a_real_date(sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/request-information"
    response = officer.post_form(path, {"what": "", "why": "", "due_on": ["30", "2", str(TODAY.year + 1)]})
    assert response.status_code == 400
    errors = error_summary(response.get_data(as_text=True))
    assert errors == [
        "Say what the applicant needs to send",
        "Say why you need it",
        "The date to send it by must be a real date",
    ]
    assert [item for item in evidence_items(db_session, case) if item.kind == REQUESTED] == []
    assert outbox() == [] and case.stage == "submitted"


def test_when_everything_is_accepted_the_case_can_move_to_being_assessed(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    move_to(db_session, case, "awaiting_evidence", actor=officer.user)
    path = f"/officer/cases/{case.id}/evidence"
    items = evidence_items(db_session, case)
    for item in items[:-1]:
        accept_item(db_session, item, officer=officer.user, valid_until=None)
    db_session.flush()
    assert "Move the case to being assessed" not in page_text(officer, path)
    response = officer.post_form(f"{path}/ready", {}, token_from="/account")
    assert response.status_code == 302 and case.stage == "awaiting_evidence"
    assert "not every piece of evidence is accepted" in page_text(officer, path)
    accept_item(db_session, items[-1], officer=officer.user, valid_until=None)
    db_session.flush()
    assert "Move the case to being assessed" in page_text(officer, path)
    response = officer.post_form(f"{path}/ready", {}, token_from=path)
    assert response.status_code == 302
    db_session.expire_all()
    assert case.stage == "being_assessed"
    [event] = [e for e in events(db_session, case, "application.stage_changed") if e.details["to"] == "being_assessed"]
    assert event.actor_id == officer.user.id


def test_items_of_another_case_are_not_found_and_a_closed_case_takes_no_action(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    other = a_case(db_session, make_user, full_name="Other Person")
    theirs = item_of(db_session, other, "income")
    assert officer.get(f"/officer/cases/{case.id}/evidence/{theirs.id}").status_code == 404
    mine = item_of(db_session, case, "income")
    move_to(db_session, case, "closed", actor=officer.user, reason="Withdrawn")
    db_session.flush()
    page = page_text(officer, item_path(case, mine))
    assert "This case is closed" in page and "Accept this evidence" not in page
    response = officer.post_form(item_path(case, mine), {"action": "reject", "reason": "No"}, token_from="/account")
    assert response.status_code == 302 and item_of(db_session, case, "income").status == "needed"
    assert "This case is closed" in page_text(officer, f"/officer/cases/{case.id}/request-information")


def test_applicants_cannot_open_officer_evidence_pages(app, sign_in_as, db_session, make_user):
    case = a_case(db_session, make_user)
    with app.app_context():
        sent = with_file(db_session, item_of(db_session, case, "income"))
    applicant = signed_in_applicant(app, db_session, case)
    for path in (
        f"/officer/cases/{case.id}/evidence",
        f"/officer/cases/{case.id}/files/{sent.id}",
        f"/officer/cases/{case.id}/request-information",
    ):
        assert applicant.get(path).status_code == 403
