"""Withdrawing a sent application, and downloading everything we hold about it."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from portal.data import applications as data
from portal.data.evidence import add_file, evidence_items
from tests.integration.test_apply_changes_setup import MOTHER_AND_SON, actions, applicant_with

STORAGE_KEY = "k-5f0c1e2d9a8b7c6d5e4f3a2b1c0d9e8f"


def test_the_withdraw_page_explains_what_it_means(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user)
    page = client.get("/apply/withdraw").get_data(as_text=True)
    assert "we will stop looking at it" in page
    assert "You can apply again at any time. A new application gets a new date" in page
    assert "Are you sure you want to withdraw your application?" in page


def test_the_applicant_must_say_if_they_are_sure(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    response = client.post_form("/apply/withdraw", {"reason": "I have found a home."})
    assert response.status_code == 200
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert (
        page.select_one(".govuk-error-summary")
        .get_text(" ", strip=True)
        .endswith("Select yes if you want to withdraw your application")
    )
    assert page.select_one("textarea[name=reason]").get_text().strip() == "I have found a home."
    too_long = client.post_form("/apply/withdraw", {"reason": "x" * 401, "sure": "yes"})
    assert "Your answer must be 400 characters or fewer" in too_long.get_data(as_text=True)
    db_session.expire_all()
    assert application.stage == "submitted"


def test_saying_no_keeps_the_application(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    response = client.post_form("/apply/withdraw", {"sure": "no"})
    assert response.headers["Location"].endswith("/apply/status")
    db_session.expire_all()
    assert application.stage == "submitted" and len(application.status_changes) == 1


def test_withdrawing_closes_the_application_with_the_reason(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    response = client.post_form("/apply/withdraw", {"reason": "I have found a home.", "sure": "yes"})
    assert response.headers["Location"].endswith("/apply/withdrawn")
    page = client.get("/apply/withdrawn").get_data(as_text=True)
    assert "Your application has been withdrawn" in page and application.reference in page
    db_session.expire_all()
    assert application.stage == "closed"
    last = application.status_changes[-1]
    assert (last.from_stage, last.to_stage, last.actor_id) == ("submitted", "closed", client.user.id)
    assert last.reason == "Withdrawn by the applicant: I have found a home."
    assert application.closed_reason == last.reason
    assert actions(db_session, application)[-1] == "application.stage_changed"
    status = client.get("/apply/status").get_data(as_text=True)
    assert "Closed" in status


def test_a_withdrawal_without_a_reason_says_so(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    client.post_form("/apply/withdraw", {"sure": "yes"})
    db_session.expire_all()
    assert application.status_changes[-1].reason == "Withdrawn by the applicant."


def test_closed_and_draft_applications_cannot_be_withdrawn(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user, stage="closed")
    for path in ("/apply/withdraw", "/apply/download"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith("/apply/"), path
    token = client.csrf_token("/apply/")
    response = client.post("/apply/withdraw", data={"csrf_token": token, "sure": "yes"})
    assert response.headers["Location"].endswith("/apply/")
    db_session.expire_all()
    assert len(application.status_changes) == 2
    data.start_application(db_session, client.user)
    db_session.flush()
    assert client.get("/apply/withdraw").headers["Location"].endswith("/apply/")
    assert client.get("/apply/withdrawn").headers["Location"].endswith("/apply/")


def test_download_holds_the_household_and_never_a_storage_key(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    [identity] = [item for item in evidence_items(db_session, application) if item.kind == "identity"]
    add_file(
        db_session,
        identity,
        storage_key=STORAGE_KEY,
        display_name="passport.jpg",
        content_type="image/jpeg",
        size_bytes=12345,
        uploaded_by=client.user,
    )
    client.post_form("/apply/changes/medical", {"details": "A bad back."})
    client.post_form("/apply/changes/medical/preview", {})
    response = client.get("/apply/download")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="application_data_{application.reference}.json"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_data(as_text=True)
    assert STORAGE_KEY not in body and "storage_key" not in body
    held = json.loads(body)
    assert held["reference"] == application.reference
    assert [person["full_name"] for person in held["application"]["people"]] == [client.user.full_name, "Sam Jones"]
    assert [(row["from"], row["to"]) for row in held["status_history"]] == [("draft", "submitted")]
    assert held["provisional"]["bedroom_need"] == 2
    [sent] = [item for item in held["evidence"] if item["kind"] == "identity"]
    assert sent["status"] == "uploaded"
    assert sent["files"] == [
        {
            "name": "passport.jpg",
            "content_type": "image/jpeg",
            "size_bytes": 12345,
            "uploaded_at": sent["files"][0]["uploaded_at"],
        }
    ]
    assert [change["kind"] for change in held["changes_reported"]] == ["medical"]
    db_session.expire_all()
    assert actions(db_session, application)[-1] == "application.downloaded"


def test_each_applicant_downloads_only_their_own_application(app, db_session, make_user):
    client_a, application_a = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    client_b, application_b = applicant_with(app, db_session, make_user)
    held = json.loads(client_b.get("/apply/download").get_data(as_text=True))
    assert held["reference"] == application_b.reference != application_a.reference
    assert "Sam Jones" not in json.dumps(held)
