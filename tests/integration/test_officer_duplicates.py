"""Possible duplicates: found for each kind of match (never for drafts or itself, never twice), found when an
application is sent, listed and compared side by side (restricted cases hidden), resolved with the audit on
both applications, and the ``flask officer find-duplicates`` command."""

from __future__ import annotations

import datetime as dt

from flask import Flask
from sqlalchemy import select

from officer_review.cli import init_app, officer_cli
from portal.auth.roles import Role
from portal.data.applications import application_for, move_to, start_application
from portal.data.audit import events_for_subject
from portal.data.case_models import DuplicateFlag
from portal.data.duplicates import find_duplicates, normalise_ni, open_duplicates, resolve
from portal.data.safeguarding import add_flag, mark_sensitive
from tests.integration.apply_evidence_helpers import sent_application
from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import walk_everything
from tests.integration.officer_helpers import a_case, page_text


def lone(db_session, make_user, name, ni=None):
    """A sent application from a single applicant born on 3 April 1990, with no one else in the household."""
    case = a_case(db_session, make_user, full_name=name, partner_status=None, child=False)
    case.applicant.ni_number = ni
    db_session.flush()
    return case


def matches(flags):
    return sorted((flag.application_id, flag.other_application_id, flag.matched_on) for flag in flags)


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def all_flags(db_session):
    db_session.expire_all()
    return list(db_session.scalars(select(DuplicateFlag).order_by(DuplicateFlag.id)))


def test_national_insurance_numbers_are_compared_in_upper_case_without_spaces():
    assert normalise_ni(" qq 12 34 56 c ") == "QQ123456C"
    assert normalise_ni(None) == ""


def test_the_same_ni_number_on_any_member_of_the_household(db_session, make_user):
    first = lone(db_session, make_user, "Ann One", ni="QQ 12 34 56 C")
    family = a_case(db_session, make_user, full_name="Bea Two")
    family.people[1].ni_number = "ab123456d"
    db_session.flush()
    second = lone(db_session, make_user, "Cy Three", ni="qq123456c")
    third = lone(db_session, make_user, "Di Four", ni="AB 123456 D")
    assert matches(find_duplicates(db_session, second)) == [(first.id, second.id, "ni_number")]
    assert matches(find_duplicates(db_session, third)) == [(family.id, third.id, "ni_number")]
    assert find_duplicates(db_session, lone(db_session, make_user, "Ed Five", ni="ZZ999999Z")) == []
    [found, found_other] = events(db_session, second, "duplicate.found") + events(db_session, first, "duplicate.found")
    assert (
        found.details["other_application_id"] == first.id and found_other.details["other_application_id"] == second.id
    )
    assert found.details["matched_on"] == "ni_number"


def test_the_same_full_name_and_date_of_birth(db_session, make_user):
    first = lone(db_session, make_user, "Nadia Haddad")
    second = lone(db_session, make_user, "  nadia HADDAD ")
    later = lone(db_session, make_user, "Nadia Haddad")
    later.applicant.date_of_birth = dt.date(1991, 4, 3)
    db_session.flush()
    assert matches(find_duplicates(db_session, second)) == [(first.id, second.id, "name_and_birth_date")]
    assert find_duplicates(db_session, later) == []
    # Any member: a child in two households.
    one = a_case(db_session, make_user, full_name="Gus Parent", partner_status=None)
    other = a_case(db_session, make_user, full_name="Hal Parent", partner_status=None)
    assert matches(find_duplicates(db_session, other)) == [(one.id, other.id, "name_and_birth_date")]


def test_the_same_account_email(db_session, make_user):
    applicant = make_user(Role.APPLICANT, full_name="Ida Again")
    first = sent_application(db_session, applicant, partner_status=None, child=False)
    move_to(db_session, first, "closed", actor=applicant, reason="Withdrawn")
    second = sent_application(db_session, applicant, partner_status=None, child=False)
    second.applicant.full_name = "Ida Later-Name"
    second.applicant.date_of_birth = dt.date(1970, 1, 1)
    db_session.flush()
    assert matches(find_duplicates(db_session, second)) == [(first.id, second.id, "email")]


def test_never_a_draft_never_itself_never_twice(db_session, make_user):
    first = lone(db_session, make_user, "Jo Same", ni="QQ123456C")
    draft = start_application(db_session, make_user(Role.APPLICANT, full_name="Jo Same"))
    draft.applicant.ni_number = "QQ123456C"
    draft.applicant.date_of_birth = first.applicant.date_of_birth
    db_session.flush()
    assert find_duplicates(db_session, first) == []  # the draft is not compared, nor the application with itself
    assert find_duplicates(db_session, draft) == []
    second = lone(db_session, make_user, "Jo Same", ni="QQ 123456 C")
    assert matches(find_duplicates(db_session, second)) == [
        (first.id, second.id, "name_and_birth_date"),
        (first.id, second.id, "ni_number"),
    ]
    assert find_duplicates(db_session, second) == []
    assert find_duplicates(db_session, first) == []
    for flag in open_duplicates(db_session):
        resolve(db_session, flag, officer=make_user(Role.OFFICER), status="not_duplicate", note="")
    assert find_duplicates(db_session, first) == []
    assert len(all_flags(db_session)) == 2


def test_a_duplicate_is_found_when_the_application_is_sent(sign_in_as, db_session, make_user):
    earlier = a_case(db_session, make_user, full_name="Nadia Haddad")
    client = start(sign_in_as, full_name="Nadia Haddad")
    walk_everything(client)  # born on 3 April 1990, as the earlier applicant
    assert answer(client, "/apply/check", {"declaration": ["true", "checks", "share", "changes"]}).endswith(
        "/apply/sent"
    )
    db_session.expire_all()
    sent = application_for(db_session, client.user.id)
    assert sent.stage == "submitted"
    assert matches(all_flags(db_session)) == [(earlier.id, sent.id, "name_and_birth_date")]
    assert [event.details["other_application_id"] for event in events(db_session, sent, "duplicate.found")] == [
        earlier.id
    ]


def a_pair(db_session, make_user):
    first = lone(db_session, make_user, "Kim Pair", ni="QQ123456C")
    second = lone(db_session, make_user, "Kim Pair", ni="QQ123456C")
    flags = find_duplicates(db_session, second)
    return first, second, flags


def test_the_list_shows_each_open_pair(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    assert "There are no possible duplicates to check" in page_text(officer, "/officer/duplicates")
    first, second, flags = a_pair(db_session, make_user)
    page = page_text(officer, "/officer/duplicates")
    assert first.reference in page and second.reference in page and "Kim Pair" in page
    assert "Same name and date of birth; Same National Insurance number" in page
    assert f'href="/officer/duplicates/{flags[0].id}"' in page


def test_comparing_and_resolving_as_not_a_duplicate(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Dee Decider")
    first, second, flags = a_pair(db_session, make_user)
    path = f"/officer/duplicates/{flags[0].id}"
    page = page_text(officer, path)
    for text in (first.reference, second.reference, "Kim Pair", "3 April 1990", "QQ123456C", "Submitted"):
        assert text in page, text
    assert "Same National Insurance number" in page and "Same name and date of birth" in page
    response = officer.post_form(path, {"status": "", "note": ""})
    assert response.status_code == 200
    assert "Choose whether these applications are duplicates" in response.get_data(as_text=True)
    response = officer.post_form(path, {"status": "not_duplicate", "note": ""})
    assert response.status_code == 302 and response.headers["Location"].endswith("/officer/duplicates")
    assert {(flag.status, flag.resolved_by_id) for flag in all_flags(db_session)} == {
        ("not_duplicate", officer.user.id)
    }
    for application, other in ((first, second), (second, first)):
        resolved = events(db_session, application, "duplicate.resolved")
        assert len(resolved) == 2  # one for each match between the pair
        assert {event.details["other_application_id"] for event in resolved} == {other.id}
        assert {event.details["status"] for event in resolved} == {"not_duplicate"}
    page = page_text(officer, "/officer/duplicates")
    assert "Saved: these applications are not duplicates" in page and first.reference not in page
    page = page_text(officer, path)
    assert "This pair has been resolved" in page and "Resolved" in page and "by Dee Decider" in page
    assert officer.post_form(path, {"status": "duplicate", "note": "x"}, token_from="/account").status_code == 302
    assert len(events(db_session, first, "duplicate.resolved")) == 2


def test_a_duplicate_needs_a_note(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    first, second, flags = a_pair(db_session, make_user)
    path = f"/officer/duplicates/{flags[0].id}"
    response = officer.post_form(path, {"status": "duplicate", "note": "  "})
    assert response.status_code == 200 and "Enter a note about the duplicate" in response.get_data(as_text=True)
    assert {flag.status for flag in all_flags(db_session)} == {"open"}
    note = f"Same household applied twice; keep {first.reference} and close {second.reference}"
    assert officer.post_form(path, {"status": "duplicate", "note": note}).status_code == 302
    assert {(flag.status, flag.note) for flag in all_flags(db_session)} == {("duplicate", note)}
    for application in (first, second):
        assert {event.reason for event in events(db_session, application, "duplicate.resolved")} == {note}


def test_a_restricted_case_is_hidden_and_cannot_be_resolved_by_an_officer_not_named(sign_in_as, db_session, make_user):
    named = sign_in_as(Role.OFFICER)
    other = sign_in_as(Role.OFFICER)
    senior = sign_in_as(Role.SENIOR_OFFICER)
    first, second, flags = a_pair(db_session, make_user)
    second.applicant.full_name = "Kim Secret"
    add_flag(db_session, second, officer=named.user, kind="domestic_abuse", note="Fled")
    mark_sensitive(db_session, second, officer=named.user, reason="Risk")
    db_session.flush()
    page = page_text(other, "/officer/duplicates")
    assert f"Restricted case, {second.reference}" in page and "Kim Secret" not in page
    assert "Kim Pair" in page and first.reference in page
    path = f"/officer/duplicates/{flags[0].id}"
    page = page_text(other, path)
    assert "Kim Secret" not in page and "Restricted case" in page
    assert "Only an officer named on it can resolve this" in page and 'name="status"' not in page
    assert "name yourself on it" not in page
    assert other.post_form(path, {"status": "not_duplicate", "note": ""}, token_from="/account").status_code == 403
    assert f"/officer/cases/{second.id}/access" in senior.get(path).get_data(as_text=True)
    assert events(db_session, second, "case.sensitive_viewed") == []
    # The named officer sees both, and the view is audited as a view of the sensitive case.
    page = page_text(named, path)
    assert "Kim Secret" in page and 'name="status"' in page
    assert [event.details["page"] for event in events(db_session, second, "case.sensitive_viewed")] == [path]
    assert "Kim Secret" in page_text(named, "/officer/duplicates")
    assert named.post_form(path, {"status": "not_duplicate", "note": ""}).status_code == 302
    assert {flag.status for flag in all_flags(db_session)} == {"not_duplicate"}


def test_bad_ids_and_applicants(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    _first, _second, flags = a_pair(db_session, make_user)
    assert officer.get("/officer/duplicates/999999").status_code == 404
    applicant = sign_in_as(Role.APPLICANT)
    assert applicant.get("/officer/duplicates").status_code == 403
    assert applicant.get(f"/officer/duplicates/{flags[0].id}").status_code == 403


def test_the_command_checks_every_sent_application(app, db_session, make_user):
    first = lone(db_session, make_user, "Lee Command", ni="QQ123456C")
    second = lone(db_session, make_user, "Mo Command", ni="QQ 12 34 56 C")
    lone(db_session, make_user, "Nat Alone")
    runner = app.test_cli_runner()
    result = runner.invoke(officer_cli, ["find-duplicates"])
    assert result.exit_code == 0, result.output
    assert f"{first.reference} and {second.reference}: Same National Insurance number" in result.output
    assert "Found 1 new possible duplicate." in result.output
    assert matches(all_flags(db_session)) == [(first.id, second.id, "ni_number")]
    result = runner.invoke(officer_cli, ["find-duplicates"])
    assert result.exit_code == 0 and "Found 0 new possible duplicates." in result.output
    assert len(all_flags(db_session)) == 1


def test_the_command_group_is_registered_by_init_app(app):
    target = Flask("registering")
    init_app(target)
    assert "find-duplicates" in target.cli.commands["officer"].commands
    if "officer" in app.cli.commands:  # once portal/app.py calls init_app
        result = app.test_cli_runner().invoke(args=["officer", "--help"])
        assert "find-duplicates" in result.output
