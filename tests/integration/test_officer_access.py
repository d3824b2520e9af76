"""Every officer page, walked with every role: only officers get in, only senior officers review,
and no page gives a server error, whatever is posted to it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from flask import Flask

from portal.auth.roles import OFFICER_ROLES, Role
from portal.data.case_models import CaseNote, DuplicateFlag, DutyReferral, PartnerReferral, SafeguardingFlag
from portal.data.change_models import CircumstanceChange, ReassessmentTask
from portal.data.decision_models import Decision, DecisionLetter, ReviewRequest
from portal.data.evidence import evidence_items
from portal.data.evidence_models import EvidenceFile
from portal.storage import file_store
from portal.storage.base import new_key
from tests.integration.officer_access_lettings import full_lettings
from tests.integration.officer_helpers import a_case

#: Pages only a senior officer (or an administrator) may use.
SENIOR_ONLY = {
    "officer_review.review_decide",
    "officer_review.case_sensitive_claim",
    "officer_review.direct_match_decide",
}
#: Pages only an administrator may use.
ADMIN_ONLY = {"officer_review.staff", "officer_review.new_staff"}
#: Actions a plain officer may open but not do: taking a review is for senior officers.
SENIOR_ONLY_POST = {"officer_review.review"}
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def officer_rules(app: Flask) -> list[Any]:
    return sorted(
        (rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/officer")),
        key=lambda rule: rule.rule,
    )


def a_full_case(db_session: Any, make_user: Any) -> dict[str, Any]:
    """A case with one of everything an officer page can show, and the ids each page takes."""
    from flask import current_app

    case = a_case(db_session, make_user)
    other = a_case(db_session, make_user, full_name="Nadia Haddad")
    item = evidence_items(db_session, case)[0]
    key = new_key()
    file_store(current_app).put(key, b"%PDF-1.4 test", "application/pdf")
    evidence_file = EvidenceFile(
        item_id=item.id, storage_key=key, display_name="passport.pdf", content_type="application/pdf", size_bytes=13
    )
    db_session.add(evidence_file)
    decider = make_user(Role.OFFICER)
    decision = Decision(
        application_id=case.id,
        outcome="joins",
        eligible=True,
        qualifies=True,
        local_connection=True,
        bedroom_need=2,
        band=3,
        priority_date=dt.date(2026, 11, 20),
        registration_date=dt.date(2026, 11, 20),
        decided_by_id=decider.id,
        review_by=dt.date.today() + dt.timedelta(days=21),
    )
    db_session.add(decision)
    db_session.flush()
    pdf_key = new_key("letters")
    file_store(current_app).put(pdf_key, b"%PDF-1.4 letter", "application/pdf")
    db_session.add(DecisionLetter(decision_id=decision.id, locale="en", html="<p>Letter</p>", pdf_key=pdf_key))
    review = ReviewRequest(application_id=case.id, decision_id=decision.id, reasons="Please look again.")
    flag = SafeguardingFlag(application_id=case.id, kind="care_leaver", note="Left care at 18")
    referral = PartnerReferral(
        application_id=case.id, partner="benefits", reason="Help with a claim", referred_on=dt.date(2026, 11, 21)
    )
    low, high = sorted((case.id, other.id))
    duplicate = DuplicateFlag(application_id=low, other_application_id=high, matched_on="name_and_birth_date")
    duty = DutyReferral(application_id=case.id, enquirer_name="A caller", note="Complex question")
    change = CircumstanceChange(application_id=case.id, kind="income", details={"income": "1"}, preview={})
    task = ReassessmentTask(application_id=case.id, reason="birthday", due_on=dt.date(2026, 12, 1))
    note = CaseNote(application_id=case.id, kind="note", occurred_on=dt.date(2026, 11, 21), body="Called")
    db_session.add_all([review, flag, referral, duplicate, duty, change, task, note])
    db_session.flush()
    worker = make_user(Role.SUPPORT_WORKER, full_name="Walk Worker")
    return {
        **full_lettings(db_session, make_user, decider),
        "user_id": worker.id,
        "application_id": case.id,
        "item_id": item.id,
        "file_id": evidence_file.id,
        "decision_id": decision.id,
        "review_id": review.id,
        "flag_id": flag.id,
        "referral_id": referral.id,
        "duplicate_id": duplicate.id,
        "duty_id": duty.id,
        "change_id": change.id,
        "task_id": task.id,
        "note_id": note.id,
        "locale": "en",
    }


def path_of(rule: Any, ids: dict[str, Any]) -> str:
    values: dict[str, Any] = {}
    for name in rule.arguments:
        if name == "referral_id" and rule.endpoint.startswith("officer_review.duty"):
            values[name] = ids["duty_id"]
        elif name == "flag_id" and "duplicate" in rule.endpoint:
            values[name] = ids["duplicate_id"]
        elif name == "name":
            values[name] = "new-submissions"
        elif name == "photo_id" and rule.endpoint == "officer_review.advert_photo_delete":
            values[name] = ids["spare_photo_id"]
        elif rule.endpoint == "officer_review.shortlist_nominate" and name in ("advert_id", "entry_id"):
            values[name] = ids["association_id" if name == "advert_id" else "association_entry_id"]
        else:
            values[name] = ids[name]
    path = rule.rule
    for name, value in values.items():
        path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path)
    return path


def test_the_walk_covers_every_officer_page(app):
    endpoints = {rule.endpoint for rule in officer_rules(app)}
    assert len(endpoints) > 30
    assert SENIOR_ONLY | ADMIN_ONLY | SENIOR_ONLY_POST <= endpoints


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_every_officer_page_with_every_role(app, sign_in_as, db_session, make_user, role):
    with app.app_context():
        ids = a_full_case(db_session, make_user)
    client = sign_in_as(role)
    if role in (Role.SENIOR_OFFICER, Role.ADMIN):  # the review is theirs to decide
        review = db_session.get(ReviewRequest, ids["review_id"])
        review.status, review.reviewer_id = "assigned", client.user.id
        db_session.flush()
    token = client.csrf_token("/account")
    problems = []
    for rule in officer_rules(app):
        path = path_of(rule, ids)
        for method in sorted(rule.methods & {"GET", "POST"}):
            if method == "GET":
                response = client.get(path)
            else:
                response = client.post(path, data={"csrf_token": token})
            status = response.status_code
            if role not in OFFICER_ROLES:
                expected_refusal = True
            elif rule.endpoint in ADMIN_ONLY:
                expected_refusal = role is not Role.ADMIN
            elif rule.endpoint in SENIOR_ONLY or (method == "POST" and rule.endpoint in SENIOR_ONLY_POST):
                expected_refusal = role is Role.OFFICER
            else:
                expected_refusal = False
            if status >= 500:
                problems.append(f"{method} {path}: {status}")
            elif expected_refusal and status != 403:
                problems.append(f"{method} {path}: {status}, expected 403 for {role.value}")
            elif not expected_refusal and status in (401, 403, 404):
                problems.append(f"{method} {path}: {status} for {role.value}")
    assert problems == []


def test_visitors_are_sent_to_sign_in_from_every_officer_page(app, client):
    for rule in officer_rules(app):
        if "GET" not in rule.methods:
            continue
        path = PARAMETER.sub("1", rule.rule)
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/sign-in?next="), path
