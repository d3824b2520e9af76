"""Opening and removing sent files: only their owner can, and everyone else meets "Page not found"."""

from __future__ import annotations

from portal.auth.roles import Role
from portal.data import evidence
from portal.data.applications import move_to
from portal.data.audit import events_for_subject
from portal.storage import file_store
from tests.integration.apply_evidence_helpers import files_of, item_of, sent_for, upload
from tests.unit.upload_samples import image_bytes, make_pdf


def sent_file(client, db_session, application, data=None, name="passport.pdf"):
    item = item_of(db_session, application, "identity", application.applicant.key)
    assert upload(client, item.id, (data or make_pdf(), name)).status_code == 302
    return item, files_of(db_session, item.id)[-1]


def test_the_owner_can_download_a_file_safely(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    pdf = make_pdf()
    _item, sent = sent_file(client, db_session, application, pdf, "Pässport \u202egpj.pdf")
    response = client.get(f"/apply/evidence/file/{sent.id}")
    assert response.status_code == 200
    assert response.get_data() == pdf
    assert response.headers["Content-Type"] == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert disposition.isascii() and disposition.endswith('.pdf"')
    assert "\u202e" not in sent.display_name
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response.headers["Cache-Control"] and "private" in response.headers["Cache-Control"]
    viewed = [e for e in events_for_subject(db_session, "application", application.id) if e.action == "evidence.viewed"]
    assert len(viewed) == 1 and viewed[0].actor_id == client.user.id
    assert viewed[0].details["file_id"] == sent.id


def test_a_photo_downloads_as_the_cleaned_jpeg(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    _item, sent = sent_file(client, db_session, application, image_bytes("JPEG", (32, 32)), "photo.JPEG")
    response = client.get(f"/apply/evidence/file/{sent.id}")
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.headers["Content-Disposition"] == 'attachment; filename="photo.jpg"'
    assert response.get_data() == file_store(app).get(sent.storage_key)


def test_another_applicant_guessing_ids_finds_nothing(app, sign_in_as, db_session):
    owner, application = sent_for(sign_in_as, db_session)
    item, sent = sent_file(owner, db_session, application)
    other, _theirs = sent_for(sign_in_as, db_session, name="Jo Bloggs")
    token = other.csrf_token(f"/apply/evidence/{item_of(db_session, _theirs, 'income').id}")
    assert other.get(f"/apply/evidence/{item.id}").status_code == 404
    assert upload(other, item.id, (make_pdf(), "mine.pdf"), token=token).status_code == 404
    assert other.get(f"/apply/evidence/file/{sent.id}").status_code == 404
    assert other.get(f"/apply/evidence/file/{sent.id}/remove").status_code == 404
    removal = other.post(f"/apply/evidence/file/{sent.id}/remove", data={"csrf_token": token, "confirmed": "yes"})
    assert removal.status_code == 404
    assert [f.id for f in files_of(db_session, item.id)] == [sent.id]
    assert file_store(app).exists(sent.storage_key)
    assert evidence.item_for_user(db_session, other.user.id, item.id) is None
    assert evidence.file_for_user(db_session, other.user.id, sent.id) is None
    assert evidence.file_for_user(db_session, owner.user.id, sent.id).id == sent.id


def test_officers_and_support_workers_do_not_use_the_applicants_pages(sign_in_as, db_session):
    owner, application = sent_for(sign_in_as, db_session)
    item, sent = sent_file(owner, db_session, application)
    for role in (Role.OFFICER, Role.SUPPORT_WORKER):
        client = sign_in_as(role)
        assert client.get(f"/apply/evidence/{item.id}").status_code == 403
        assert client.get(f"/apply/evidence/file/{sent.id}").status_code == 403


def test_a_missing_stored_file_is_not_found(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    _item, sent = sent_file(client, db_session, application)
    file_store(app).delete(sent.storage_key)
    assert client.get(f"/apply/evidence/file/{sent.id}").status_code == 404
    assert client.get("/apply/evidence/file/999999").status_code == 404
    assert client.get("/apply/evidence/999999").status_code == 404


def test_removing_a_file_asks_first_then_deletes_it(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item, sent = sent_file(client, db_session, application)
    key = sent.storage_key
    page = client.get(f"/apply/evidence/{item.id}").get_data(as_text=True)
    assert f'action="/apply/evidence/file/{sent.id}/remove"' in page
    token = client.csrf_token(f"/apply/evidence/{item.id}")
    asked = client.post(f"/apply/evidence/file/{sent.id}/remove", data={"csrf_token": token})
    assert asked.status_code == 200
    assert "Are you sure you want to remove passport.pdf?" in asked.get_data(as_text=True)
    assert [f.id for f in files_of(db_session, item.id)] == [sent.id]  # nothing removed without saying yes
    done = client.post(f"/apply/evidence/file/{sent.id}/remove", data={"csrf_token": token, "confirmed": "yes"})
    assert done.status_code == 302 and done.headers["Location"] == f"/apply/evidence/{item.id}"
    assert "passport.pdf has been removed." in client.get(done.headers["Location"]).get_data(as_text=True)
    assert files_of(db_session, item.id) == []
    assert not file_store(app).exists(key)
    assert item_of(db_session, application, "identity", application.applicant.key).status == "needed"
    actions = [e.action for e in events_for_subject(db_session, "application", application.id)]
    assert "evidence.file_removed" in actions


def test_files_of_accepted_evidence_cannot_be_removed(app, sign_in_as, make_user, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item, sent = sent_file(client, db_session, application)
    evidence.accept_item(
        db_session,
        item_of(db_session, application, "identity", application.applicant.key),
        officer=make_user(Role.OFFICER),
        valid_until=None,
    )
    db_session.flush()
    page = client.get(f"/apply/evidence/{item.id}").get_data(as_text=True)
    assert "We have accepted this. You do not need to send anything else." in page
    assert "/remove" not in page and "passport.pdf" in page
    token = client.csrf_token(f"/apply/evidence/{item_of(db_session, application, 'income').id}")
    response = client.post(f"/apply/evidence/file/{sent.id}/remove", data={"csrf_token": token, "confirmed": "yes"})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/apply/evidence/{item.id}"
    assert upload(client, item.id, (make_pdf(), "more.pdf"), token=token).status_code == 302
    assert [f.id for f in files_of(db_session, item.id)] == [sent.id]
    assert file_store(app).exists(sent.storage_key)
    assert client.get(f"/apply/evidence/file/{sent.id}").status_code == 200  # still theirs to open


def test_a_closed_application_has_no_evidence_pages(sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item, sent = sent_file(client, db_session, application)
    move_to(db_session, application, "closed", actor=None, reason="Withdrawn at the applicant's request")
    db_session.flush()
    assert client.get("/apply/evidence").status_code == 404
    assert client.get(f"/apply/evidence/{item.id}").status_code == 404
    assert client.get(f"/apply/evidence/file/{sent.id}").status_code == 404
