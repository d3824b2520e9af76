"""The case timeline: every event on the case in date order, in plain English, with who, for whom and why."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from portal.auth.roles import Role
from portal.data.applications import move_to
from portal.data.audit import events_for_subject, record_event
from portal.data.case_models import CaseNote
from portal.data.case_notes import add_contact, add_note
from portal.data.change_models import CircumstanceChange, ReassessmentTask
from portal.data.evidence import accept_item, add_file, request_information
from portal.data.models import User
from portal.data.timeline import case_timeline
from tests.integration.apply_evidence_helpers import item_of
from tests.integration.officer_helpers import a_case

UTC = dt.UTC


def rows(client, case) -> list[list[str]]:
    response = client.get(f"/officer/cases/{case.id}/timeline")
    assert response.status_code == 200
    table = BeautifulSoup(response.get_data(as_text=True), "html.parser").find(id="timeline")
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        for row in table.find("tbody").find_all("tr")
    ]


def case_owner(db_session, case):
    return db_session.get(User, case.user_id)


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, 0, tzinfo=UTC)


def test_the_timeline_lists_every_event_on_the_case_in_date_order(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Olu Officer")
    helper = make_user(Role.SUPPORT_WORKER, full_name="Sam Support")
    case = a_case(db_session, make_user)
    other = a_case(db_session, make_user, full_name="Someone Else")
    income = item_of(db_session, case, "income")

    uploaded = add_file(
        db_session,
        income,
        storage_key="k-timeline-1",
        display_name="payslip.pdf",
        content_type="application/pdf",
        size_bytes=10,
        uploaded_by=helper,
    )
    accept_item(db_session, income, officer=officer.user, valid_until=dt.date(2027, 5, 1))
    move_to(db_session, case, "awaiting_evidence", actor=officer.user, reason="Evidence asked for")
    request_information(
        db_session, case, officer=officer.user, what="A letter from your landlord", why="To check", due_on=None
    )
    note = add_note(
        db_session, case, author=officer.user, body="Spoke to the landlord.", occurred_on=dt.date(2026, 12, 4)
    )
    add_contact(
        db_session,
        case,
        author=officer.user,
        method="phone",
        direction="out",
        occurred_on=dt.date(2026, 12, 5),
        body="Rang",
    )
    record_event(
        db_session,
        actor=officer.user,
        action="flag.added",
        subject_type="application",
        subject_id=case.id,
        details={"kind": "care_leaver"},
    )
    record_event(
        db_session,
        actor=officer.user,
        action="decision.made",
        subject_type="application",
        subject_id=case.id,
        details={"outcome": "joins", "band": 2, "bedroom_need": 3},
    )
    record_event(
        db_session,
        actor=officer.user,
        action="something.new",
        subject_type="application",
        subject_id=case.id,
        reason="Because",
    )
    record_event(
        db_session,
        actor=helper,
        on_behalf_of=case_owner(db_session, case),
        action="application.downloaded",
        subject_type="application",
        subject_id=case.id,
    )
    record_event(db_session, actor=officer.user, action="note.added", subject_type="application", subject_id=other.id)
    # A change and a task, made without an audit event of their own, are still listed.
    change = CircumstanceChange(application_id=case.id, kind="income", details={}, preview={}, sent_at=at(20))
    task = ReassessmentTask(
        application_id=case.id, reason="child_birthday", due_on=dt.date(2027, 6, 1), created_at=at(21)
    )
    db_session.add_all([change, task])
    db_session.flush()
    # Put the audited events on known days, in an order unlike the order they were written in.
    days = {
        "evidence.uploaded": 2,
        "evidence.accepted": 3,
        "application.stage_changed": 1,
        "evidence.information_requested": 6,
        "note.added": 7,
        "contact.recorded": 8,
        "flag.added": 9,
        "decision.made": 10,
        "something.new": 11,
        "application.downloaded": 12,
    }
    for event in events_for_subject(db_session, "application", case.id):
        if event.action in days:
            event.occurred_at = at(days[event.action])
        elif event.action != "application.stage_changed":
            event.occurred_at = at(1, 8)
    db_session.flush()

    found = rows(officer, case)
    whats = [row[2] for row in found]
    expected_in_order = [
        "Moved the case from submitted to awaiting evidence",
        "Sent a file for Household income",
        "Accepted Household income, valid until 1 May 2027",
        "Asked the applicant for: A letter from your landlord",
        "Added a note Spoke to the landlord.",
        "Recorded a contact: phone call, to the applicant",
        "Added a flag: Care leaver",
        "Made a decision: joins the register, band 2, bedroom need 3",
        "something.new",
        "Downloaded everything the council holds about them",
        "Told us about a change: a change in income or savings",
        "Reassessment task made: a child's birthday changes the bedroom need, due 1 June 2027",
    ]
    positions = [next(i for i, what in enumerate(whats) if what.startswith(text)) for text in expected_in_order]
    assert positions == sorted(positions), whats
    by_what = {row[2]: row for row in found}
    assert by_what["Moved the case from submitted to awaiting evidence"][3] == "Evidence asked for"
    assert by_what["Moved the case from submitted to awaiting evidence"][1] == "Olu Officer"
    assert by_what["something.new"][3] == "Because"
    assert (
        by_what["Downloaded everything the council holds about them"][1]
        == "Sam Support (support worker), on behalf of Nadia Haddad"
    )
    assert by_what["Sent a file for Household income"][1] == "Sam Support (support worker)"
    assert found[0][0] == "1 December 2026, 08:00"  # shown in UK time (GMT in December)
    # Nothing is listed twice: each stage change, note and upload once.
    assert sum(what.startswith("Moved the case from submitted to awaiting evidence") for what in whats) == 1
    assert sum(what.startswith("Added a note") for what in whats) == 1
    assert sum(what.startswith("Sent a file") for what in whats) == 1
    # Another case's events are not here.
    entries = case_timeline(db_session, case)
    assert all(
        entry.note is None or entry.note.id == note.id or entry.note.application_id == case.id for entry in entries
    )
    assert len([entry for entry in entries if entry.action == "note.added"]) == 1
    assert uploaded.id in {entry.details.get("file_id") for entry in entries}


def test_rows_without_an_audit_event_are_still_listed(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    db_session.add(CaseNote(application_id=case.id, kind="note", occurred_on=dt.date(2026, 11, 21), body="Old note"))
    change = CircumstanceChange(
        application_id=case.id, kind="medical", details={}, preview={}, sent_at=at(1), handled_at=at(2)
    )
    db_session.add(change)
    db_session.flush()
    whats = [row[2] for row in rows(officer, case)]
    assert "Added a note Old note" in whats
    assert "Told us about a change: a change in health" in whats
    assert "Dealt with a change: a change in health" in whats
    assert "Moved the case from draft to submitted" in whats


def test_the_timeline_is_for_officers_and_of_this_case_only(sign_in_as, db_session, make_user):
    case = a_case(db_session, make_user)
    assert sign_in_as(Role.APPLICANT).get(f"/officer/cases/{case.id}/timeline").status_code == 403
    assert sign_in_as(Role.OFFICER).get("/officer/cases/999999/timeline").status_code == 404
