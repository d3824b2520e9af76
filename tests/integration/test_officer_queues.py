"""Work queues: the dashboard's counts, each queue's rows, filters, overdue cases, restricted cases and paging."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from officer_review import queue_views
from portal.auth.roles import Role
from portal.data import applications as apps
from portal.data import cases, changes, duty, evidence
from portal.data.accounts import get_user
from portal.data.case_models import NamedOfficer
from portal.data.decision_models import Decision, ReviewRequest
from portal.data.evidence import evidence_items
from tests.integration.officer_helpers import a_case, page_text

TODAY = dt.date(2026, 11, 23)  # a Monday
QUEUE_NAMES = [
    "new-submissions",
    "awaiting-evidence",
    "ready-to-assess",
    "changes",
    "reassessment-tasks",
    "review-requests",
    "duty-referrals",
]


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    monkeypatch.setattr(queue_views, "today", lambda: TODAY)


def counts(client) -> dict[str, int]:
    soup = BeautifulSoup(client.get("/officer/").get_data(as_text=True), "html.parser")
    return {cell["data-queue"]: int(cell.get_text(strip=True)) for cell in soup.select("[data-queue]")}


def rows(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return [" ".join(row.get_text(" ", strip=True).split()) for row in soup.select("tbody tr")]


def row_classes(client, path: str) -> dict[str, list[str]]:
    soup = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    return {row.th.get_text(" ", strip=True).split()[0]: row.get("class", []) for row in soup.select("tbody tr")}


def submitted_applicant(db_session, application):
    return get_user(db_session, application.user_id)


def accept_everything(db_session, application, officer):
    for item in evidence_items(db_session, application):
        evidence.accept_item(db_session, item, officer=officer, valid_until=None)
    db_session.flush()


def a_decision(db_session, application, officer, **values):
    decision = Decision(
        application_id=application.id,
        kind="initial",
        outcome="joins",
        eligible=True,
        qualifies=True,
        local_connection=True,
        decided_by_id=officer.id,
        **values,
    )
    db_session.add(decision)
    db_session.flush()
    return decision


def test_the_dashboard_counts_every_queue_from_real_rows(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    before = counts(client)
    assert set(before) == set(QUEUE_NAMES)
    officer = client.user
    submitted = a_case(db_session, make_user, full_name="Sam Submitted")
    waiting = a_case(db_session, make_user, full_name="Wendy Waiting")
    apps.move_to(db_session, waiting, "awaiting_evidence", actor=officer)
    complete = a_case(db_session, make_user, full_name="Cara Complete")
    apps.move_to(db_session, complete, "awaiting_evidence", actor=officer)
    accept_everything(db_session, complete, officer)
    assessing = a_case(db_session, make_user, full_name="Ada Assessing")
    apps.move_to(db_session, assessing, "being_assessed", actor=officer)
    changes.record_change(
        db_session,
        submitted,
        "income",
        {"income": "21000", "savings": "0"},
        {},
        submitted_applicant(db_session, submitted),
    )
    changes.add_task(db_session, assessing, "child_birthday", TODAY + dt.timedelta(days=5), {})
    decision = a_decision(db_session, assessing, officer, band=2, bedroom_need=2)
    db_session.add(ReviewRequest(application_id=assessing.id, decision_id=decision.id, reasons="Please look again"))
    duty.refer(db_session, officer=officer, enquirer_name="Pat Caller", enquirer_contact="", note="Advice please")
    db_session.flush()

    after = counts(client)
    added = {name: after[name] - before[name] for name in QUEUE_NAMES}
    assert added == {
        "new-submissions": 1,
        "awaiting-evidence": 2,
        "ready-to-assess": 2,  # being assessed, and awaiting evidence with nothing outstanding
        "changes": 1,
        "reassessment-tasks": 1,
        "review-requests": 1,
        "duty-referrals": 1,
    }
    dashboard = client.get("/officer/").get_data(as_text=True)
    assert all(f'href="/officer/queues/{name}"' in dashboard for name in QUEUE_NAMES)

    ready = " ".join(rows(client, "/officer/queues/ready-to-assess"))
    assert "Cara Complete" in ready and "Ada Assessing" in ready and "Wendy Waiting" not in ready
    waiting_rows = " ".join(rows(client, "/officer/queues/awaiting-evidence"))
    assert "Wendy Waiting" in waiting_rows and "Cara Complete" in waiting_rows
    assert "Sam Submitted" in " ".join(rows(client, "/officer/queues/new-submissions"))


def test_handled_changes_done_tasks_decided_reviews_and_advised_referrals_leave_their_queues(
    sign_in_as, make_user, db_session
):
    client = sign_in_as(Role.OFFICER)
    officer = client.user
    before = counts(client)
    application = a_case(db_session, make_user)
    change = changes.record_change(
        db_session,
        application,
        "income",
        {"income": "1", "savings": "0"},
        {},
        submitted_applicant(db_session, application),
    )
    task = changes.add_task(db_session, application, "child_birthday", TODAY, {})
    decision = a_decision(db_session, application, officer, band=1, bedroom_need=3)
    review = ReviewRequest(application_id=application.id, decision_id=decision.id, reasons="Why", status="decided")
    db_session.add(review)
    referral = duty.refer(db_session, officer=officer, enquirer_name="A", enquirer_contact="", note="B")
    duty.take(db_session, referral, officer=officer)
    duty.record_advice(db_session, referral, officer=officer, advice="Told them")
    change.handled_at = task.done_at = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    db_session.flush()
    after = counts(client)
    for name in ("changes", "reassessment-tasks", "review-requests", "duty-referrals"):
        assert after[name] == before[name], name


def test_each_item_queue_lists_its_items_with_the_case(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    officer = client.user
    application = a_case(db_session, make_user, full_name="Ivy Items")
    changes.record_change(
        db_session,
        application,
        "income",
        {"income": "1", "savings": "0"},
        {},
        submitted_applicant(db_session, application),
    )
    changes.add_task(db_session, application, "child_birthday", TODAY - dt.timedelta(days=1), {})
    decision = a_decision(db_session, application, officer, band=3, bedroom_need=2)
    db_session.add(ReviewRequest(application_id=application.id, decision_id=decision.id, reasons="Look again"))
    db_session.flush()

    change_rows = rows(client, "/officer/queues/changes")
    assert any(
        application.reference in row and "Ivy Items" in row and "Income or savings" in row for row in change_rows
    )
    task_rows = rows(client, "/officer/queues/reassessment-tasks")
    mine = next(row for row in task_rows if application.reference in row)
    assert "A child's birthday changes the bedroom need" in mine
    assert "Overdue" in mine  # due yesterday
    review_rows = rows(client, "/officer/queues/review-requests")
    mine = next(row for row in review_rows if application.reference in row)
    assert "Waiting for a reviewer" in mine and "Band 3" in mine and "Nobody yet" in mine


def test_the_duty_queue_lists_open_referrals(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    referral = duty.refer(
        db_session,
        officer=client.user,
        enquirer_name="Rita Relative",
        enquirer_contact="01234 000000",
        note="Worried about the band",
        application=application,
    )
    db_session.flush()
    found = rows(client, "/officer/queues/duty-referrals")
    mine = next(row for row in found if f"Referral {referral.id}" in row)
    assert "Rita Relative" in mine and application.reference in mine and "Waiting for a duty officer" in mine


def test_an_unknown_queue_is_not_found(sign_in_as):
    client = sign_in_as(Role.OFFICER)
    assert client.get("/officer/queues/nothing-here").status_code == 404


def test_a_queue_row_shows_reference_name_stage_band_need_received_age_and_officer(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER, full_name="Olive Officer")
    application = a_case(db_session, make_user, full_name="Rowan Row")
    application.received_on = dt.date(2026, 11, 16)  # the Monday a week before TODAY
    application.provisional = {"band": 2, "bedroom_need": 3}
    cases.assign(db_session, application, officer=client.user, by=client.user)
    db_session.flush()
    (row,) = [row for row in rows(client, "/officer/queues/new-submissions") if application.reference in row]
    assert (
        row == f"{application.reference} Rowan Row Submitted Band 2 3 bedrooms 16 Nov 2026 5 working days Olive Officer"
    )


def test_the_latest_decision_gives_the_band_and_bedroom_need(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    application.provisional = {"band": 2, "bedroom_need": 3}
    apps.move_to(db_session, application, "being_assessed", actor=client.user)
    a_decision(db_session, application, client.user, band=4, bedroom_need=1)
    a_decision(db_session, application, client.user, band=1, bedroom_need=2)
    db_session.flush()
    (row,) = [row for row in rows(client, "/officer/queues/ready-to-assess") if application.reference in row]
    assert "Band 1" in row and "2 bedrooms" in row
    assert application.reference in " ".join(rows(client, "/officer/queues/ready-to-assess?band=1&bedroom_need=2"))
    assert application.reference not in " ".join(rows(client, "/officer/queues/ready-to-assess?band=2"))


def test_overdue_cases_are_shaded_and_say_so(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    old = a_case(db_session, make_user, full_name="Olga Old")
    old.received_on = TODAY - dt.timedelta(days=60)
    edge = a_case(db_session, make_user, full_name="Eddie Edge")
    edge.received_on = dt.date(2026, 10, 26)  # exactly 20 working days before TODAY: not yet overdue
    fresh = a_case(db_session, make_user, full_name="Fay Fresh")
    fresh.received_on = TODAY
    db_session.flush()
    path = "/officer/queues/new-submissions"
    classes = row_classes(client, path)
    assert "app-case-row--overdue" in classes[old.reference]
    assert "app-case-row--overdue" not in classes[edge.reference]
    assert "app-case-row--overdue" not in classes[fresh.reference]
    found = {row.split()[0]: row for row in rows(client, path)}
    assert "Overdue" in found[old.reference]
    assert "20 working days" in found[edge.reference] and "Overdue" not in found[edge.reference]
    only_overdue = " ".join(rows(client, path + "?age=overdue"))
    assert old.reference in only_overdue
    assert edge.reference not in only_overdue and fresh.reference not in only_overdue


def test_the_target_comes_from_the_configuration(app, sign_in_as, make_user, db_session, monkeypatch):
    monkeypatch.setitem(app.config, "CASE_TARGET_WORKING_DAYS", 3)
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    application.received_on = dt.date(2026, 11, 17)  # 4 working days before TODAY
    db_session.flush()
    assert "app-case-row--overdue" in row_classes(client, "/officer/queues/new-submissions")[application.reference]
    assert "older than 3 working days" in page_text(client, "/officer/")


def test_filters_by_stage_assigned_officer_band_and_bedroom_need(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    me = client.user
    colleague = make_user(Role.SENIOR_OFFICER, full_name="Colin Colleague")
    mine = a_case(db_session, make_user, full_name="Mina Mine")
    mine.provisional = {"band": 1, "bedroom_need": 2}
    apps.move_to(db_session, mine, "being_assessed", actor=me)
    cases.assign(db_session, mine, officer=me, by=me)
    theirs = a_case(db_session, make_user, full_name="Theo Theirs")
    theirs.provisional = {"band": 3, "bedroom_need": 1}
    apps.move_to(db_session, theirs, "awaiting_evidence", actor=me)
    accept_everything(db_session, theirs, me)
    cases.assign(db_session, theirs, officer=colleague, by=me)
    nobodys = a_case(db_session, make_user, full_name="Nora Nobody")
    nobodys.provisional = {"band": 3, "bedroom_need": 2}
    apps.move_to(db_session, nobodys, "being_assessed", actor=me)
    db_session.flush()

    def found(query: str) -> set[str]:
        text = " ".join(rows(client, "/officer/queues/ready-to-assess" + query))
        return {name for name in ("Mina Mine", "Theo Theirs", "Nora Nobody") if name in text}

    assert found("") == {"Mina Mine", "Theo Theirs", "Nora Nobody"}
    assert found("?assigned=me") == {"Mina Mine"}
    assert found("?assigned=nobody") == {"Nora Nobody"}
    assert found(f"?assigned={colleague.id}") == {"Theo Theirs"}
    assert found("?stage=awaiting_evidence") == {"Theo Theirs"}
    assert found("?band=3") == {"Theo Theirs", "Nora Nobody"}
    assert found("?band=3&bedroom_need=2") == {"Nora Nobody"}
    assert found("?bedroom_need=2&assigned=me&stage=being_assessed") == {"Mina Mine"}
    assert found("?band=4") == set()
    assert "Nothing matches these filters." in page_text(client, "/officer/queues/ready-to-assess?band=4")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("band=9", "Choose a band from the list"),
        ("band=abc", "Choose a band from the list"),
        ("bedroom_need=-1", "Choose a bedroom need from the list"),
        ("stage=draft", "Choose a stage from the list"),
        ("stage=%3Cscript%3E", "Choose a stage from the list"),
        ("assigned=999999", "Choose who the cases are assigned to from the list"),
        ("assigned=x%27%20OR%201=1", "Choose who the cases are assigned to from the list"),
        ("age=ancient", "Choose an age from the list"),
    ],
)
def test_a_bad_filter_is_ignored_with_a_clear_message(sign_in_as, make_user, db_session, query, message):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    response = client.get(f"/officer/queues/new-submissions?{query}")
    assert response.status_code == 200
    page = " ".join(response.get_data(as_text=True).split())
    assert "There is a problem" in page and message in page
    assert application.reference in page  # the bad filter was ignored, not applied


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=-1", "page=0", "page=99999999999999999999", "page=", "band=&stage=&assigned=&age=", "x=1"],
)
def test_odd_query_strings_never_fail(sign_in_as, make_user, db_session, query):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    for name in QUEUE_NAMES:
        response = client.get(f"/officer/queues/{name}?{query}")
        assert response.status_code == 200, (name, query)
    assert application.reference in client.get(f"/officer/queues/new-submissions?{query}").get_data(as_text=True)


def test_queues_are_paged_fifty_at_a_time_keeping_the_filters(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    made = []
    for number in range(51):
        application = a_case(db_session, make_user, full_name=f"Paged Person {number}")
        application.received_on = dt.date(2026, 1, 1) + dt.timedelta(days=number)
        made.append(application)
    db_session.flush()
    first = rows(client, "/officer/queues/new-submissions?age=overdue")
    assert len(first) == 50
    assert made[0].reference in first[0]  # oldest first
    page = client.get("/officer/queues/new-submissions?age=overdue").get_data(as_text=True)
    assert "Showing 1 to 50 of 51" in " ".join(page.split())
    assert "/officer/queues/new-submissions?age=overdue&amp;page=2" in page
    second = rows(client, "/officer/queues/new-submissions?age=overdue&page=2")
    assert len(second) == 1 and made[50].reference in second[0]
    assert rows(client, "/officer/queues/new-submissions?age=overdue&page=7") == second  # past the end: the last page


def test_restricted_cases_show_only_their_reference_to_officers_not_named(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    named = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user, full_name="Sasha Secret")
    application.received_on = TODAY - dt.timedelta(days=90)
    handling = cases.handling_of(db_session, application)
    handling.sensitive = True
    db_session.add(NamedOfficer(application_id=application.id, officer_id=named.user.id))
    db_session.flush()

    page = client.get("/officer/queues/new-submissions").get_data(as_text=True)
    soup = BeautifulSoup(page, "html.parser")
    (row,) = [row for row in soup.select("tbody tr") if application.reference in row.get_text()]
    text = " ".join(row.get_text(" ", strip=True).split())
    assert "Restricted case" in text and "Sasha Secret" not in page
    assert "Overdue" not in text and row.find("a") is None
    # Filtering would give details away, so restricted cases are left out of filtered lists.
    assert application.reference not in client.get("/officer/queues/new-submissions?age=overdue").get_data(as_text=True)
    # A named officer sees the case in full.
    assert "Sasha Secret" in named.get("/officer/queues/new-submissions").get_data(as_text=True)
    assert "Sasha Secret" in named.get("/officer/queues/new-submissions?age=overdue").get_data(as_text=True)


def test_drafts_and_closed_cases_are_in_no_case_queue(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    before = counts(client)
    applicant = make_user(Role.APPLICANT, full_name="Dora Draft")
    apps.start_application(db_session, applicant)
    closed = a_case(db_session, make_user, full_name="Clive Closed")
    apps.move_to(db_session, closed, "closed", actor=client.user, reason="Withdrawn")
    changes.record_change(
        db_session, closed, "income", {"income": "1", "savings": "0"}, {}, submitted_applicant(db_session, closed)
    )
    db_session.flush()
    assert counts(client) == before


@pytest.mark.parametrize("path", ["/officer/", "/officer/queues/new-submissions", "/officer/queues/duty-referrals"])
def test_applicants_and_support_workers_cannot_see_the_queues(sign_in_as, path):
    assert sign_in_as(Role.APPLICANT).get(path).status_code == 403
    assert sign_in_as(Role.SUPPORT_WORKER).get(path).status_code == 403


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN])
def test_every_officer_role_sees_the_queues(sign_in_as, role):
    client = sign_in_as(role)
    for name in QUEUE_NAMES:
        assert client.get(f"/officer/queues/{name}").status_code == 200
