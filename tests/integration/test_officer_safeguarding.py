"""Safeguarding flags on a case: adding one with a note, removing one with a reason (the row is kept),
clear errors on the same page, the audit trail, and who may open the pages."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.applications import start_application
from portal.data.audit import events_for_subject
from portal.data.case_models import SafeguardingFlag
from portal.data.safeguarding import add_flag
from tests.integration.officer_helpers import a_case, page_text


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def flags_of(db_session, application):
    db_session.expire_all()
    query = select(SafeguardingFlag).where(SafeguardingFlag.application_id == application.id)
    return list(db_session.scalars(query.order_by(SafeguardingFlag.id)))


def test_an_officer_adds_a_flag_with_a_note(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Olu Officer")
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/safeguarding"
    page = page_text(officer, path)
    assert "This case has no active flags" in page and "This case is not sensitive" in page
    assert "add a safeguarding flag first" in page
    response = officer.post_form(path, {"kind": "domestic_abuse", "note": "Told us on the phone; partner left."})
    assert response.status_code == 302 and response.headers["Location"].endswith(path)
    [flag] = flags_of(db_session, case)
    assert (flag.kind, flag.note, flag.added_by_id, flag.removed_at) == (
        "domestic_abuse",
        "Told us on the phone; partner left.",
        officer.user.id,
        None,
    )
    page = page_text(officer, path)
    assert "Flag added" in page
    assert "Domestic abuse" in page and "Told us on the phone; partner left." in page and "by Olu Officer" in page
    assert "Mark as sensitive" in page
    [event] = events(db_session, case, "flag.added")
    assert event.actor_id == officer.user.id
    assert event.details == {"flag_id": flag.id, "kind": "domestic_abuse"}


def test_a_flag_needs_a_kind_and_a_note(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/safeguarding"
    response = officer.post_form(path, {"kind": "", "note": "   "})
    assert response.status_code == 200
    page = " ".join(response.get_data(as_text=True).split())
    assert "There is a problem" in page
    assert "Choose the kind of flag" in page and "Enter a note about the flag" in page
    response = officer.post_form(path, {"kind": "not_a_kind", "note": "Something"})
    assert response.status_code == 200 and "Choose the kind of flag" in response.get_data(as_text=True)
    response = officer.post_form(path, {"kind": "care_leaver", "note": "x" * 2001})
    assert response.status_code == 200 and "Note must be 2000 characters or fewer" in response.get_data(as_text=True)
    assert flags_of(db_session, case) == []
    assert events(db_session, case, "flag.added") == []


def test_removing_a_flag_keeps_it_with_who_when_and_why(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Rae Remover")
    adder = make_user(Role.OFFICER, full_name="Ade Adder")
    case = a_case(db_session, make_user)
    flag = add_flag(db_session, case, officer=adder, kind="child_at_risk", note="School raised a concern")
    page = page_text(officer, f"/officer/cases/{case.id}/safeguarding")
    assert "Child at risk" in page and "by Ade Adder" in page
    path = f"/officer/cases/{case.id}/safeguarding/flags/{flag.id}/remove"
    page = page_text(officer, path)
    assert "Remove a flag" in page and "School raised a concern" in page
    response = officer.post_form(path, {"reason": ""})
    assert response.status_code == 200
    assert "Enter why you are removing the flag" in response.get_data(as_text=True)
    assert flags_of(db_session, case)[0].removed_at is None
    response = officer.post_form(path, {"reason": "Social worker closed the case"})
    assert response.status_code == 302
    [kept] = flags_of(db_session, case)
    assert kept.removed_at is not None and kept.removed_by_id == officer.user.id
    assert kept.removed_reason == "Social worker closed the case"
    page = page_text(officer, f"/officer/cases/{case.id}/safeguarding")
    assert "Flag removed" in page and "This case has no active flags" in page
    assert "Removed flags" in page and "by Rae Remover: Social worker closed the case" in page
    [event] = events(db_session, case, "flag.removed")
    assert event.reason == "Social worker closed the case" and event.actor_id == officer.user.id
    assert event.details == {"flag_id": flag.id, "kind": "child_at_risk"}
    # A removed flag cannot be removed again: its page goes back to the safeguarding page.
    assert officer.get(path).status_code == 302
    assert len(events(db_session, case, "flag.removed")) == 1


def test_the_case_header_shows_the_active_flags(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    add_flag(db_session, case, officer=officer.user, kind="armed_forces", note="Served 2008 to 2016")
    page = page_text(officer, f"/officer/cases/{case.id}/referrals")
    assert "Armed forces" in page


def test_bad_ids_are_not_found(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    other = a_case(db_session, make_user, full_name="Other Person", partner_status=None, child=False)
    flag = add_flag(db_session, other, officer=officer.user, kind="care_leaver", note="Left care")
    draft = start_application(db_session, make_user(Role.APPLICANT))
    assert officer.get("/officer/cases/999999/safeguarding").status_code == 404
    assert officer.get(f"/officer/cases/{draft.id}/safeguarding").status_code == 404
    assert officer.get(f"/officer/cases/{case.id}/safeguarding/flags/999999/remove").status_code == 404
    # A flag of another case is not found through this case.
    assert officer.get(f"/officer/cases/{case.id}/safeguarding/flags/{flag.id}/remove").status_code == 404


def test_applicants_and_support_workers_cannot_open_safeguarding(sign_in_as, db_session, make_user):
    case = a_case(db_session, make_user)
    flag = add_flag(db_session, case, officer=make_user(Role.OFFICER), kind="care_leaver", note="Left care")
    paths = [
        f"/officer/cases/{case.id}/safeguarding",
        f"/officer/cases/{case.id}/safeguarding/flags/{flag.id}/remove",
        f"/officer/cases/{case.id}/safeguarding/sensitive",
        f"/officer/cases/{case.id}/safeguarding/not-sensitive",
        f"/officer/cases/{case.id}/safeguarding/officers",
        f"/officer/cases/{case.id}/access",
    ]
    for role in (Role.APPLICANT, Role.SUPPORT_WORKER):
        client = sign_in_as(role)
        for path in paths:
            assert client.get(path).status_code == 403, (role, path)
        assert client.post(path, data={"reason": "x"}).status_code in (400, 403)
    assert len(flags_of(db_session, case)) == 1


def test_a_visitor_is_asked_to_sign_in(client, db_session, make_user):
    case = a_case(db_session, make_user)
    response = client.get(f"/officer/cases/{case.id}/safeguarding")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")
