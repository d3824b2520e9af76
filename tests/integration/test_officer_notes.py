"""Notes and the contact log of a case: adding each, clear errors on the same page, newest first, audited."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.audit import events_for_subject
from portal.data.case_models import CaseNote
from portal.data.case_notes import add_note
from tests.integration.officer_helpers import a_case, page_text

TODAY = dt.date.today()


def parts(day: dt.date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def notes_of(db_session, case):
    db_session.expire_all()
    query = select(CaseNote).where(CaseNote.application_id == case.id).order_by(CaseNote.id)
    return list(db_session.scalars(query))


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def error_summary(page: str) -> list[str]:
    summary = BeautifulSoup(page, "html.parser").find(class_="govuk-error-summary")
    assert summary is not None, "no error summary"
    return [link.get_text(strip=True) for link in summary.find_all("a")]


def test_an_officer_adds_a_note(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Olu Officer")
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/notes"
    assert "There are no notes or contacts yet." in page_text(officer, path)
    response = officer.post_form(path, {"action": "note", "note": "Checked the council tax record.\nAll fine."})
    assert response.status_code == 302 and response.headers["Location"] == path
    [note] = notes_of(db_session, case)
    assert (note.kind, note.body, note.author_id, note.occurred_on) == (
        "note",
        "Checked the council tax record.\nAll fine.",
        officer.user.id,
        TODAY,
    )
    [event] = events(db_session, case, "note.added")
    assert event.actor_id == officer.user.id and event.details == {"note_id": note.id}
    page = page_text(officer, path)
    assert "Note added." in page and "Checked the council tax record." in page and "By Olu Officer" in page


def test_an_officer_records_a_contact(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/notes"
    yesterday = TODAY - dt.timedelta(days=1)
    response = officer.post_form(
        path,
        {
            "action": "contact",
            "method": "phone",
            "direction": "in",
            "occurred_on": parts(yesterday),
            "said": "Asked when we will decide.",
        },
    )
    assert response.status_code == 302
    [note] = notes_of(db_session, case)
    assert (note.kind, note.method, note.direction, note.occurred_on, note.body) == (
        "contact",
        "phone",
        "in",
        yesterday,
        "Asked when we will decide.",
    )
    [event] = events(db_session, case, "contact.recorded")
    assert event.details == {"note_id": note.id, "method": "phone", "direction": "in"}
    page = page_text(officer, path)
    assert f"Phone call, from the applicant, {yesterday.day} {yesterday:%B %Y}" in page


def test_notes_and_contacts_are_listed_newest_first(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    add_note(db_session, case, author=officer.user, body="Oldest", occurred_on=dt.date(2026, 1, 5))
    add_note(db_session, case, author=officer.user, body="Newest", occurred_on=dt.date(2026, 3, 5))
    add_note(db_session, case, author=officer.user, body="Middle", occurred_on=dt.date(2026, 2, 5))
    page = page_text(officer, f"/officer/cases/{case.id}/notes")
    assert page.index("Newest") < page.index("Middle") < page.index("Oldest")


def test_a_note_or_contact_with_a_problem_gives_an_error_on_the_same_page(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/notes"
    response = officer.post_form(path, {"action": "note", "note": "   "})
    assert response.status_code == 400
    assert error_summary(response.get_data(as_text=True)) == ["Write the note"]
    response = officer.post_form(
        path,
        {"action": "contact", "method": "fax", "direction": "", "occurred_on": ["31", "4", "2026"], "said": "Hello"},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert error_summary(page) == [
        "Select how the contact happened",
        "Select whether the contact was from or to the applicant",
        "The date of the contact must be a real date",
    ]
    assert "Hello" in page  # what was typed is kept
    tomorrow = TODAY + dt.timedelta(days=1)
    response = officer.post_form(
        path, {"action": "contact", "method": "visit", "direction": "out", "occurred_on": parts(tomorrow), "said": "x"}
    )
    assert error_summary(response.get_data(as_text=True)) == ["The date of the contact must be today or in the past"]
    assert notes_of(db_session, case) == []
    assert events(db_session, case, "note.added") == events(db_session, case, "contact.recorded") == []
    # A post that is neither changes nothing.
    assert officer.post_form(path, {"action": "delete"}).status_code == 302


def test_notes_are_for_officers_only(sign_in_as, db_session, make_user):
    case = a_case(db_session, make_user)
    for role in (Role.APPLICANT, Role.SUPPORT_WORKER):
        client = sign_in_as(role)
        assert client.get(f"/officer/cases/{case.id}/notes").status_code == 403
        token = client.csrf_token("/account")
        response = client.post(
            f"/officer/cases/{case.id}/notes", data={"csrf_token": token, "action": "note", "note": "x"}
        )
        assert response.status_code == 403
    assert notes_of(db_session, case) == []
    officer = sign_in_as(Role.OFFICER)
    assert officer.get("/officer/cases/999999/notes").status_code == 404
