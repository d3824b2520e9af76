"""Sensitive cases: marked only with an active flag and a reason, the marking officer named, other officers
named and taken off (never the last), unmarked with a reason; refused to officers not named on every case page;
every view by a named officer audited; and a senior officer naming themselves ("break the glass")."""

from __future__ import annotations

import datetime as dt
import re

from flask import current_app

from portal.auth.roles import Role
from portal.data import cases
from portal.data.audit import events_for_subject
from portal.data.evidence import evidence_items
from portal.data.evidence_models import EvidenceFile
from portal.data.referrals import make_referral
from portal.data.safeguarding import add_flag, mark_sensitive, name_officer
from portal.storage import file_store
from portal.storage.base import new_key
from tests.integration.officer_helpers import a_case, page_text

REFERRED_ON = dt.date(2026, 11, 21)


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def named_ids(db_session, application):
    db_session.expire_all()
    return {officer.id for officer in cases.named_officers(db_session, application.id)}


def flagged_case(db_session, make_user, officer):
    case = a_case(db_session, make_user)
    add_flag(db_session, case, officer=officer, kind="domestic_abuse", note="Fled a violent partner")
    return case


def sensitive_case(db_session, make_user, officer):
    case = flagged_case(db_session, make_user, officer)
    mark_sensitive(db_session, case, officer=officer, reason="Perpetrator works for the council")
    db_session.flush()
    return case


def test_a_case_can_be_marked_sensitive_only_with_an_active_flag(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/safeguarding/sensitive"
    page = page_text(officer, path)
    assert "This case has no active safeguarding flag" in page and "Mark as sensitive" in page
    assert 'name="reason"' not in officer.get(path).get_data(as_text=True)
    response = officer.post_form(
        path, {"reason": "Worried about a leak"}, token_from=f"/officer/cases/{case.id}/safeguarding"
    )
    assert response.status_code == 200
    assert "Add a safeguarding flag before you mark the case as sensitive" in response.get_data(as_text=True)
    db_session.expire_all()
    assert not cases.is_sensitive(db_session, case.id)
    assert events(db_session, case, "case.marked_sensitive") == []


def test_marking_sensitive_needs_a_reason_and_names_the_officer(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Mona Marker")
    case = flagged_case(db_session, make_user, officer.user)
    path = f"/officer/cases/{case.id}/safeguarding/sensitive"
    response = officer.post_form(path, {"reason": " "})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and "Enter why the case is sensitive" in page
    db_session.expire_all()
    assert not cases.is_sensitive(db_session, case.id)
    response = officer.post_form(path, {"reason": "Perpetrator works for the council"})
    assert response.status_code == 302
    db_session.expire_all()
    assert cases.is_sensitive(db_session, case.id)
    assert named_ids(db_session, case) == {officer.user.id}
    [marked] = events(db_session, case, "case.marked_sensitive")
    assert marked.reason == "Perpetrator works for the council" and marked.actor_id == officer.user.id
    [named] = events(db_session, case, "case.officer_named")
    assert named.details["officer_id"] == officer.user.id
    page = page_text(officer, f"/officer/cases/{case.id}/safeguarding")
    assert "Sensitive case" in page and "This case is sensitive" in page
    assert "Perpetrator works for the council" in page and "Mona Marker" in page
    # Already sensitive: the page goes back to the safeguarding page.
    assert officer.get(path).status_code == 302


def case_paths(app, case_id, flag_id, referral_id):
    """Every GET page of the case: every case page that exists now that takes only the case id, and this
    work's pages that take more."""
    paths = []
    for rule in app.url_map.iter_rules():
        if (
            rule.rule.startswith("/officer/cases/<int:application_id>")
            and "GET" in rule.methods
            and rule.arguments == {"application_id"}
            and rule.endpoint != "officer_review.case_sensitive_claim"
        ):
            paths.append(rule.rule.replace("<int:application_id>", str(case_id)))
    paths += [
        f"/officer/cases/{case_id}/safeguarding/flags/{flag_id}/remove",
        f"/officer/cases/{case_id}/referrals/{referral_id}",
    ]
    return sorted(paths)


def test_a_sensitive_case_is_refused_on_every_page_to_an_officer_not_named(app, sign_in_as, db_session, make_user):
    named = sign_in_as(Role.OFFICER)
    other = sign_in_as(Role.OFFICER)
    senior = sign_in_as(Role.SENIOR_OFFICER)
    case = sensitive_case(db_session, make_user, named.user)
    [flag] = cases.active_flags(db_session, case.id)
    referral = make_referral(
        db_session,
        case,
        officer=named.user,
        partner="benefits",
        contact="Team A",
        reason="Claim",
        referred_on=REFERRED_ON,
    )
    paths = case_paths(app, case.id, flag.id, referral.id)
    assert f"/officer/cases/{case.id}/safeguarding" in paths and f"/officer/cases/{case.id}/referrals" in paths
    if "officer_review.case" in app.view_functions:
        assert f"/officer/cases/{case.id}" in paths
    for client in (other, senior):
        for path in paths:
            response = client.get(path)
            assert response.status_code == 403, path
            assert "Nadia Haddad" not in response.get_data(as_text=True)
        assert (
            client.post_form(
                f"/officer/cases/{case.id}/safeguarding",
                {"kind": "care_leaver", "note": "x"},
                token_from="/account",
            ).status_code
            == 403
        )
    refused = events(db_session, case, "case.restricted_refused")
    assert len(refused) == 2 * (len(paths) + 1)
    assert {event.actor_id for event in refused} == {other.user.id, senior.user.id}
    assert len(cases.active_flags(db_session, case.id)) == 1
    # The named officer opens the overview and this work's pages, and each view is recorded with its page.
    # (Other pages are others' work in progress: their refusal above is what this test checks.)
    mine = [path for path in paths if path.endswith(str(case.id)) or re.search(r"/(safeguarding|referrals)", path)]
    for path in mine:
        assert named.get(path).status_code in (200, 302), path
    viewed = events(db_session, case, "case.sensitive_viewed")
    assert [event.details["page"] for event in viewed] == mine
    assert {event.actor_id for event in viewed} == {named.user.id}


def test_the_evidence_file_download_is_refused_to_an_officer_not_named(app, sign_in_as, db_session, make_user):
    named = sign_in_as(Role.OFFICER)
    other = sign_in_as(Role.OFFICER)
    case = sensitive_case(db_session, make_user, named.user)
    key = new_key()
    with app.app_context():
        file_store(current_app).put(key, b"%PDF-1.4 test", "application/pdf")
    item = evidence_items(db_session, case)[0]
    stored = EvidenceFile(
        item_id=item.id, storage_key=key, display_name="passport.pdf", content_type="application/pdf", size_bytes=13
    )
    db_session.add(stored)
    db_session.flush()
    path = f"/officer/cases/{case.id}/files/{stored.id}"
    assert other.get(path).status_code == 403
    assert named.get(path).status_code == 200
    assert [event.details["page"] for event in events(db_session, case, "case.sensitive_viewed")] == [path]


def test_named_officers_name_others_and_take_them_off_but_never_the_last(sign_in_as, db_session, make_user):
    first = sign_in_as(Role.OFFICER, full_name="Fay First")
    second = sign_in_as(Role.OFFICER, full_name="Sam Second")
    make_user(Role.APPLICANT, full_name="Zed Applicant")
    case = sensitive_case(db_session, make_user, first.user)
    path = f"/officer/cases/{case.id}/safeguarding/officers"
    page = first.get(path).get_data(as_text=True)
    assert "Sam Second" in page and "Zed Applicant" not in page
    assert re.search(r"<option[^>]*>\s*Fay First", page) is None  # already named
    response = first.post_form(path, {"officer": ""})
    assert response.status_code == 200 and "Choose an officer" in response.get_data(as_text=True)
    applicant = make_user(Role.APPLICANT)
    response = first.post_form(path, {"officer": str(applicant.id)})
    assert response.status_code == 200 and "Choose an officer" in response.get_data(as_text=True)
    assert second.get(f"/officer/cases/{case.id}/safeguarding").status_code == 403
    assert first.post_form(path, {"officer": str(second.user.id)}).status_code == 302
    assert named_ids(db_session, case) == {first.user.id, second.user.id}
    named = events(db_session, case, "case.officer_named")
    assert named[-1].details["officer_id"] == second.user.id and named[-1].actor_id == first.user.id
    page = page_text(second, f"/officer/cases/{case.id}/safeguarding")
    assert "Fay First" in page and "Sam Second" in page

    remove = f"/officer/cases/{case.id}/safeguarding/officers/remove"
    assert f'value="{first.user.id}" selected' in second.get(f"{remove}?officer={first.user.id}").get_data(as_text=True)
    response = second.post_form(remove, {"officer": str(first.user.id), "reason": "Moved teams"})
    assert response.status_code == 302
    assert named_ids(db_session, case) == {second.user.id}
    [unnamed] = events(db_session, case, "case.officer_unnamed")
    assert unnamed.details == {"officer_id": first.user.id} and unnamed.reason == "Moved teams"
    assert first.get(f"/officer/cases/{case.id}/safeguarding").status_code == 403

    # The last named officer stays.
    page = page_text(second, remove)
    assert "Sam Second is the only officer named on this case" in page
    response = second.post_form(remove, {"officer": str(second.user.id)}, token_from="/account")
    assert response.status_code == 200
    assert "must have at least one named officer" in response.get_data(as_text=True)
    assert named_ids(db_session, case) == {second.user.id}
    assert len(events(db_session, case, "case.officer_unnamed")) == 1


def test_an_officer_who_takes_themselves_off_leaves_the_case(sign_in_as, db_session, make_user):
    first = sign_in_as(Role.OFFICER)
    second = make_user(Role.OFFICER)
    case = sensitive_case(db_session, make_user, first.user)
    name_officer(db_session, case, officer=second, by=first.user)
    remove = f"/officer/cases/{case.id}/safeguarding/officers/remove"
    response = first.post_form(remove, {"officer": str(first.user.id), "reason": ""})
    assert response.status_code == 302 and response.headers["Location"].endswith("/officer/")
    assert named_ids(db_session, case) == {second.id}


def test_unmarking_needs_a_reason_and_opens_the_case_to_every_officer(sign_in_as, db_session, make_user):
    named = sign_in_as(Role.OFFICER)
    other = sign_in_as(Role.OFFICER)
    case = sensitive_case(db_session, make_user, named.user)
    path = f"/officer/cases/{case.id}/safeguarding/not-sensitive"
    response = named.post_form(path, {"reason": ""})
    assert response.status_code == 200
    assert "Enter why the case is no longer sensitive" in response.get_data(as_text=True)
    db_session.expire_all()
    assert cases.is_sensitive(db_session, case.id)
    assert named.post_form(path, {"reason": "Perpetrator has left the council"}).status_code == 302
    db_session.expire_all()
    assert not cases.is_sensitive(db_session, case.id) and named_ids(db_session, case) == set()
    [event] = events(db_session, case, "case.unmarked_sensitive")
    assert event.reason == "Perpetrator has left the council" and event.details == {"named_officers": [named.user.id]}
    viewed = len(events(db_session, case, "case.sensitive_viewed"))
    assert "This case is not sensitive" in page_text(other, f"/officer/cases/{case.id}/safeguarding")
    assert len(events(db_session, case, "case.sensitive_viewed")) == viewed  # no longer audited as sensitive
    # Not sensitive: the sub-pages for named officers go back to the safeguarding page.
    for page in ("not-sensitive", "officers", "officers/remove"):
        assert other.get(f"/officer/cases/{case.id}/safeguarding/{page}").status_code == 302


def test_a_senior_officer_may_name_themselves_with_a_reason(sign_in_as, db_session, make_user):
    named = sign_in_as(Role.OFFICER)
    senior = sign_in_as(Role.SENIOR_OFFICER, full_name="Sid Senior")
    case = sensitive_case(db_session, make_user, named.user)
    path = f"/officer/cases/{case.id}/access"
    page = page_text(senior, path)
    assert case.reference in page and "Name yourself on a sensitive case" in page
    for secret in ("Nadia Haddad", "Perpetrator", "Fled a violent partner", "Domestic abuse"):
        assert secret not in page
    response = senior.post_form(path, {"reason": ""})
    assert response.status_code == 200
    assert "Enter why you need to open this case" in response.get_data(as_text=True)
    assert senior.user.id not in named_ids(db_session, case)
    response = senior.post_form(path, {"reason": "Named officer on leave; urgent police request"})
    assert response.status_code == 302
    assert named_ids(db_session, case) == {named.user.id, senior.user.id}
    [claimed] = events(db_session, case, "case.access_claimed")
    assert claimed.actor_id == senior.user.id and claimed.reason == "Named officer on leave; urgent police request"
    assert events(db_session, case, "case.officer_named")[-1].details["how"] == "claimed access"
    assert "Sid Senior" in page_text(senior, f"/officer/cases/{case.id}/safeguarding")
    # Named now: the page sends them to the case.
    assert senior.get(path).status_code == 302


def test_only_senior_officers_may_name_themselves(sign_in_as, db_session, make_user):
    named = sign_in_as(Role.OFFICER)
    officer = sign_in_as(Role.OFFICER)
    case = sensitive_case(db_session, make_user, named.user)
    assert officer.get(f"/officer/cases/{case.id}/access").status_code == 403
    senior = sign_in_as(Role.SENIOR_OFFICER)
    open_case = a_case(db_session, make_user, full_name="Open Case", partner_status=None, child=False)
    assert senior.get(f"/officer/cases/{open_case.id}/access").status_code == 302
    assert senior.get("/officer/cases/999999/access").status_code == 404
    assert events(db_session, case, "case.access_claimed") == []
