"""The case overview: the household, contact details, addresses, answers, evidence, the provisional result,
changes of circumstances and reassessment tasks to deal with, and recent notes. Who may open it."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from portal.auth.roles import Role
from portal.data.applications import add_address, set_address_answers, set_person_answers, set_section_answers
from portal.data.audit import events_for_subject
from portal.data.case_notes import add_contact, add_note
from portal.data.change_models import CircumstanceChange, ReassessmentTask
from tests.integration.officer_helpers import a_case, page_text


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def a_full_case(db_session, make_user, **options):
    case = a_case(db_session, make_user, **options)
    set_person_answers(case.applicant, {"ni_number": "QQ123456C", "phone": "07700 900982", "interpreter": "no"})
    home = add_address(db_session, case)
    set_address_answers(
        home, {"line_1": "12 Mill Lane", "town": "Ashby", "postcode": "AB1 2CD", "moved_in": "2020-05-01"}
    )
    before = add_address(db_session, case)
    set_address_answers(
        before, {"line_1": "3 Old Road", "town": "Ashby", "postcode": "AB9 9ZZ", "moved_in": "2015-01-01"}
    )
    set_section_answers(case, "equality", {"ethnicity": "white", "religion": "none"})
    case.provisional = {
        "as_at": "2026-11-20",
        "eligible": True,
        "qualifies": True,
        "bedroom_need": 2,
        "band": 3,
        "sentences": [{"message": "You need %(count)s bedrooms.", "rule": "", "params": {"count": 2}}],
    }
    db_session.flush()
    return case


def test_the_overview_shows_the_household_contact_details_addresses_and_answers(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_full_case(db_session, make_user)
    page = page_text(officer, f"/officer/cases/{case.id}")
    assert "Case overview" in page and case.reference in page
    for expected in (
        "Nadia Haddad",
        "3 April 1990",
        "QQ123456C",
        "Omar Haddad",
        "1 February 1988",
        "Partner",
        "Lina Haddad",
        "1 June 2019",
        "Child",
        "07700 900982",
        "12 Mill Lane, Ashby, AB1 2CD",
        "Current address",
        "3 Old Road, Ashby, AB9 9ZZ",
        "Previous address",
        "Moved in 1 January 2015, moved out 1 May 2020",
    ):
        assert expected in page, expected
    # Every answer section (with its answers), except equality monitoring.
    assert "The applicant's answers" in page
    assert "Your household" in page or "Household" in page
    assert "18,500" in page or "18500" in page
    assert "Equality monitoring answers are not shown here" in page
    assert "Asian or Asian British" not in page and "No religion" not in page


def test_the_overview_labels_the_provisional_result_and_lists_evidence(app, sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_full_case(db_session, make_user)
    response = officer.get(f"/officer/cases/{case.id}")
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    provisional = " ".join(soup.find(id="provisional").get_text(" ").split())
    assert "Band 3" in provisional and "2" in provisional
    page = " ".join(soup.get_text(" ").split())
    assert "Provisional result from the rules" in page and "It is not a decision" in page
    assert "You need 2 bedrooms." in page
    if "officer_review.case_assessment" in app.view_functions:
        assert soup.find("a", href=f"/officer/cases/{case.id}/assessment") is not None
    evidence = " ".join(soup.find(id="evidence-summary").get_text(" ").split())
    assert "Proof of identity: Nadia Haddad" in evidence and "Not sent yet" in evidence
    assert "0 of " in page and "accepted" in page


def test_changes_and_tasks_are_shown_and_marked_as_dealt_with(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_full_case(db_session, make_user)
    change = CircumstanceChange(
        application_id=case.id,
        kind="income",
        details={"income": "21000", "savings": "0"},
        preview={"before_need": 2, "after_need": 2, "before_band": 3, "after_band": 3, "sentences": []},
    )
    kid = case.people[2]
    task = ReassessmentTask(
        application_id=case.id,
        reason="child_birthday",
        due_on=dt.date(2027, 6, 1),
        details={"person_id": kid.key, "age": 10, "need_before": 2, "need_after": 3},
    )
    db_session.add_all([change, task])
    db_session.flush()
    path = f"/officer/cases/{case.id}"
    page = page_text(officer, path)
    assert "Changes of circumstances to deal with" in page
    assert "A change in income or savings" in page and "21,000" in page
    assert "Bedroom need: 2 before, 2 after." in page and "Band: Band 3 before, Band 3 after." in page
    assert "Lina Haddad turns 10" in page and "Due 1 June 2027" in page

    response = officer.post_form(f"{path}/changes/{change.id}/handled", {}, token_from=path)
    assert response.status_code == 302 and response.headers["Location"] == path
    db_session.expire_all()
    assert change.handled_at is not None
    [event] = events(db_session, case, "change.handled")
    assert event.actor_id == officer.user.id and event.details == {"change_id": change.id, "kind": "income"}

    response = officer.post_form(f"{path}/tasks/{task.id}/done", {}, token_from=path)
    assert response.status_code == 302
    db_session.expire_all()
    assert task.done_at is not None
    assert len(events(db_session, case, "task.done")) == 1
    page = page_text(officer, path)
    assert "Changes of circumstances to deal with" not in page and "Reassessment tasks" not in page

    # Doing it twice changes nothing and writes no second event.
    officer.post_form(f"{path}/tasks/{task.id}/done", {}, token_from=path)
    assert len(events(db_session, case, "task.done")) == 1


def test_recent_notes_are_on_the_overview_newest_first(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Olu Officer")
    case = a_case(db_session, make_user)
    add_note(db_session, case, author=officer.user, body="First note", occurred_on=dt.date(2026, 11, 21))
    add_contact(
        db_session,
        case,
        author=officer.user,
        method="phone",
        direction="in",
        occurred_on=dt.date(2026, 11, 22),
        body="Rang about the passport",
    )
    page = page_text(officer, f"/officer/cases/{case.id}")
    assert page.index("Rang about the passport") < page.index("First note")
    assert "Phone call, from the applicant, 22 November 2026" in page and "By Olu Officer" in page


def test_ids_of_another_case_give_page_not_found(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    other = a_case(db_session, make_user, full_name="Someone Else")
    change = CircumstanceChange(application_id=other.id, kind="medical", details={"details": "x"}, preview={})
    task = ReassessmentTask(application_id=other.id, reason="child_birthday", due_on=dt.date(2027, 1, 1))
    db_session.add_all([change, task])
    db_session.flush()
    path = f"/officer/cases/{case.id}"
    assert officer.post_form(f"{path}/changes/{change.id}/handled", {}, token_from=path).status_code == 404
    assert officer.post_form(f"{path}/tasks/{task.id}/done", {}, token_from=path).status_code == 404
    assert officer.get("/officer/cases/999999").status_code == 404
    db_session.expire_all()
    assert change.handled_at is None and task.done_at is None


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.SUPPORT_WORKER])
def test_only_officers_open_a_case(sign_in_as, db_session, make_user, role):
    case = a_case(db_session, make_user)
    client = sign_in_as(role)
    for path in (f"/officer/cases/{case.id}", f"/officer/cases/{case.id}/timeline"):
        assert client.get(path).status_code == 403


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN])
def test_every_officer_role_opens_a_case_and_a_get_saves_nothing(sign_in_as, db_session, make_user, role):
    # A GET that left changes uncommitted would fail the request (UncommittedChangesError in testing).
    client = sign_in_as(role)
    case = a_full_case(db_session, make_user)
    for page in ("", "/evidence", "/notes", "/timeline", "/request-information"):
        assert client.get(f"/officer/cases/{case.id}{page}").status_code == 200, page
