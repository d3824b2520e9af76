"""Finding a case (by name, reference, date of birth, National Insurance number or address) and assigning it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import applications as apps
from portal.data import cases
from portal.data.audit import events_for_subject
from portal.data.case_models import CaseHandling, NamedOfficer
from portal.data.models import AuditEvent
from tests.integration.officer_helpers import a_case, page_text


def results(client, query: str, **params: str) -> list[str]:
    response = client.get("/officer/search", query_string={"q": query, **params})
    assert response.status_code == 200, query
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return [" ".join(row.get_text(" ", strip=True).split()) for row in soup.select("#results tbody tr")]


def references(client, query: str) -> set[str]:
    return {row.split()[0] for row in results(client, query)}


@pytest.fixture
def searchable(db_session, make_user):
    """A case with a partner, an NI number and two addresses, and another case that should not match."""
    application = a_case(db_session, make_user, full_name="Nadia Haddad")
    apps.set_person_answers(application.applicant, {"ni_number": "QQ 12 34 56 C"})
    current = apps.add_address(db_session, application)
    apps.set_address_answers(current, {"line_1": "12 Acacia Avenue", "town": "Exampleton", "postcode": "EX1 2AB"})
    before = apps.add_address(db_session, application)
    apps.set_address_answers(before, {"line_1": "3 Old Road", "town": "Elsewhere", "postcode": "OL9 9ZZ"})
    other = a_case(db_session, make_user, full_name="Bruno Other", partner_status=None, child=False)
    other.applicant.date_of_birth = other.applicant.date_of_birth.replace(year=1975)
    db_session.flush()
    return application, other


@pytest.mark.parametrize(
    "query",
    [
        "Nadia Haddad",
        "nadia",
        "HADDAD nadia",
        "Omar Haddad",  # the partner
        "Lina",  # the child
        "3/4/1990",
        "03/04/1990",
        "1990-04-03",
        "QQ123456C",
        "qq 12 34 56 c",
        "ex12ab",
        "EX1 2AB",
        "ol9 9zz",  # an earlier address
        "12 acacia avenue",
        "Acacia",
    ],
)
def test_search_finds_a_case_by_each_key(sign_in_as, searchable, query):
    application, other = searchable
    client = sign_in_as(Role.OFFICER)
    found = references(client, query)
    assert application.reference in found
    assert other.reference not in found


def test_search_by_reference_ignores_case_spaces_and_the_prefix(sign_in_as, searchable):
    application, other = searchable
    client = sign_in_as(Role.OFFICER)
    body = application.reference.removeprefix("HR-")
    for query in (application.reference, application.reference.lower(), body, body.lower(), f" hr {body} "):
        assert references(client, query) == {application.reference}, query


def test_a_result_shows_the_case(sign_in_as, searchable):
    application, _other = searchable
    client = sign_in_as(Role.OFFICER)
    (row,) = results(client, "Nadia Haddad")
    assert row == f"{application.reference} Nadia Haddad 3 Apr 1990 12 Acacia Avenue EX1 2AB Submitted"


def test_drafts_are_never_found(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    applicant = make_user(Role.APPLICANT, full_name="Dorothy Draftwriter")
    apps.start_application(db_session, applicant)
    db_session.flush()
    assert results(client, "Dorothy Draftwriter") == []
    assert "No cases found" in page_text(client, "/officer/search?q=Dorothy+Draftwriter")


def test_a_restricted_case_shows_only_its_reference(sign_in_as, searchable, db_session):
    application, _other = searchable
    client = sign_in_as(Role.OFFICER)
    named = sign_in_as(Role.OFFICER)
    cases.handling_of(db_session, application).sensitive = True
    db_session.add(NamedOfficer(application_id=application.id, officer_id=named.user.id))
    db_session.flush()
    page = client.get("/officer/search?q=12+Acacia+Avenue").get_data(as_text=True)
    (row,) = results(client, "12 Acacia Avenue")
    assert row.startswith(application.reference) and "Restricted case" in row
    assert "Nadia" not in page and "Acacia" not in row and "1990" not in row
    assert BeautifulSoup(page, "html.parser").select("#results tbody a") == []
    (row,) = results(named, "12 Acacia Avenue")
    assert "Nadia Haddad" in row


@pytest.mark.parametrize(
    "query",
    ["%", "_", "%%%%", "' OR 1=1 --", "\\", "<script>alert(1)</script>", "x" * 500, "31/02/1990", "1990-13-45", "🙂🙂"],
)
def test_odd_searches_never_fail(sign_in_as, searchable, query):
    client = sign_in_as(Role.OFFICER)
    response = client.get("/officer/search", query_string={"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_wildcards_match_only_themselves(sign_in_as, searchable):
    client = sign_in_as(Role.OFFICER)
    assert results(client, "%") == [] and results(client, "__") == []


def test_an_impossible_date_is_explained(sign_in_as, searchable):
    client = sign_in_as(Role.OFFICER)
    assert "31/02/1990 is not a real date" in page_text(client, "/officer/search?q=31%2F02%2F1990")


def test_a_search_too_short_or_too_long_gives_an_error(sign_in_as, searchable):
    client = sign_in_as(Role.OFFICER)
    page = page_text(client, "/officer/search?q=a")
    assert "There is a problem" in page and "Enter at least 2 characters" in page
    page = page_text(client, "/officer/search?q=" + "b" * 201)
    assert "Enter 200 characters or fewer" in page
    assert "There is a problem" not in page_text(client, "/officer/search")


def test_applicants_cannot_search(sign_in_as):
    assert sign_in_as(Role.APPLICANT).get("/officer/search?q=anyone").status_code == 403


# Assigning a case ---------------------------------------------------------------------------------------------------


def assign(client, application_id: int, data: dict[str, str]):
    return client.post_form(f"/officer/cases/{application_id}/assign", data, token_from="/officer/")


def assigned_to(db_session, application_id: int) -> int | None:
    db_session.expire_all()
    handling = db_session.get(CaseHandling, application_id)
    return handling.assigned_officer_id if handling else None


def case_events(db_session, application_id: int, action: str) -> list[AuditEvent]:
    return [event for event in events_for_subject(db_session, "application", application_id) if event.action == action]


def test_assign_to_me_is_audited_and_goes_back_to_the_case(app, sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    response = assign(client, application.id, {"assign_to_me": "Assign to me"})
    assert response.status_code == 302
    if "officer_review.case" in app.view_functions:
        assert response.headers["Location"] == f"/officer/cases/{application.id}"
    else:
        assert response.headers["Location"] == "/officer/"
    assert assigned_to(db_session, application.id) == client.user.id
    (event,) = case_events(db_session, application.id, "case.assigned")
    assert event.actor_id == client.user.id and event.details == {"officer_id": client.user.id}


def test_assign_to_a_colleague_or_to_nobody(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    colleague = make_user(Role.SENIOR_OFFICER, full_name="Celia Colleague")
    application = a_case(db_session, make_user)
    back = "/officer/queues/new-submissions?band=2"
    response = assign(client, application.id, {"assign_officer": str(colleague.id), "assign_next": back})
    assert response.status_code == 302 and response.headers["Location"] == back
    assert assigned_to(db_session, application.id) == colleague.id
    assert "Celia Colleague" in page_text(client, "/officer/queues/new-submissions")
    assign(client, application.id, {"assign_officer": "nobody", "assign_submit": "Assign"})
    assert assigned_to(db_session, application.id) is None
    assert len(case_events(db_session, application.id, "case.assigned")) == 2


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_an_unsafe_next_is_not_followed(sign_in_as, make_user, db_session, target):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    response = assign(client, application.id, {"assign_to_me": "Assign to me", "assign_next": target})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/officer/")


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ("", "Choose an officer to assign the case to"),
        ("999999", "Choose an officer from the list"),
        ("not-a-number", "Choose an officer from the list"),
    ],
)
def test_a_bad_choice_shows_the_form_again_with_an_error(sign_in_as, make_user, db_session, choice, message):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    response = assign(client, application.id, {"assign_officer": choice, "assign_submit": "Assign"})
    assert response.status_code == 200
    page = " ".join(response.get_data(as_text=True).split())
    assert "There is a problem" in page and message in page and "Assign this case" in page
    assert assigned_to(db_session, application.id) is None
    assert case_events(db_session, application.id, "case.assigned") == []


def test_a_case_cannot_be_assigned_to_an_applicant(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    response = assign(client, application.id, {"assign_officer": str(application.user_id), "assign_submit": "Assign"})
    assert "Choose an officer from the list" in response.get_data(as_text=True)
    assert assigned_to(db_session, application.id) is None


def test_a_sensitive_case_goes_only_to_a_named_officer(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    outsider = make_user(Role.OFFICER, full_name="Oscar Outsider")
    insider = make_user(Role.OFFICER, full_name="Ines Insider")
    application = a_case(db_session, make_user)
    cases.handling_of(db_session, application).sensitive = True
    for officer in (client.user, insider):
        db_session.add(NamedOfficer(application_id=application.id, officer_id=officer.id))
    db_session.flush()
    response = assign(client, application.id, {"assign_officer": str(outsider.id), "assign_submit": "Assign"})
    assert "Assign it only to an officer named on it" in response.get_data(as_text=True)
    assert assigned_to(db_session, application.id) is None
    assign(client, application.id, {"assign_officer": str(insider.id), "assign_submit": "Assign"})
    assert assigned_to(db_session, application.id) == insider.id


def test_an_officer_not_named_cannot_assign_a_restricted_case(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    cases.handling_of(db_session, application).sensitive = True
    db_session.flush()
    assert assign(client, application.id, {"assign_to_me": "Assign to me"}).status_code == 403
    assert assigned_to(db_session, application.id) is None


def test_assigning_needs_a_real_case_a_token_and_an_officer(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    assert assign(client, 999999, {"assign_to_me": "Assign to me"}).status_code == 404
    draft = apps.start_application(db_session, make_user(Role.APPLICANT))
    db_session.flush()
    assert assign(client, draft.id, {"assign_to_me": "Assign to me"}).status_code == 404
    no_token = client.post(f"/officer/cases/{application.id}/assign", data={"assign_to_me": "Assign to me"})
    assert no_token.status_code == 400
    applicant = sign_in_as(Role.APPLICANT)
    forbidden = applicant.post(f"/officer/cases/{application.id}/assign", data={"assign_to_me": "Assign to me"})
    assert forbidden.status_code in (400, 403)
    assert assigned_to(db_session, application.id) is None
    assert client.get(f"/officer/cases/{application.id}/assign").status_code == 405
    assert db_session.scalars(select(AuditEvent).where(AuditEvent.action == "case.assigned")).all() == []


def test_an_applicant_gets_forbidden_when_posting_with_a_token(sign_in_as, make_user, db_session):
    application = a_case(db_session, make_user)
    applicant = sign_in_as(Role.APPLICANT)
    token = applicant.csrf_token("/account")
    response = applicant.post(
        f"/officer/cases/{application.id}/assign", data={"csrf_token": token, "assign_to_me": "Assign to me"}
    )
    assert response.status_code == 403


def test_the_case_page_carries_the_assign_form(app, sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER, full_name="Asha Assigner")
    application = a_case(db_session, make_user)
    page = page_text(client, f"/officer/cases/{application.id}")
    assert "Nobody is assigned to this case." in page and "Assign to me" in page
    assert f'action="/officer/cases/{application.id}/assign"' in page
    assign(client, application.id, {"assign_to_me": "Assign to me"})
    page = page_text(client, f"/officer/cases/{application.id}")
    assert "Assigned to Asha Assigner." in page and "Assign to me" not in page
    queue = client.get("/officer/queues/new-submissions").get_data(as_text=True)
    assert f'href="/officer/cases/{application.id}"' in queue
