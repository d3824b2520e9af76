"""Sending evidence: real files are checked, cleaned and kept under random keys; bad ones are refused on the page."""

from __future__ import annotations

import io
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from portal.config import UPLOAD_FORM_ALLOWANCE
from portal.data.audit import events_for_subject
from portal.storage import file_store
from tests.integration.apply_evidence_helpers import files_of, item_of, sent_for, upload
from tests.unit.upload_samples import exif_with_gps, image_bytes, make_pdf

WRONG_TYPE = "The selected file must be a PDF, JPG, PNG or HEIC photo"


def stored_files(app) -> set[Path]:
    return {path for path in Path(app.config["UPLOAD_DIR"]).rglob("*") if path.is_file()}


def error_summary(page: str) -> list[str]:
    summary = BeautifulSoup(page, "html.parser").find(class_="govuk-error-summary")
    assert summary is not None, "no error summary"
    return [link.get_text(strip=True) for link in summary.find_all("a")]


def test_a_pdf_a_jpeg_and_a_heic_photo_are_each_sent_and_wait_to_be_checked(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    samples = {
        "identity": (make_pdf(), "passport.pdf", "application/pdf"),
        "income": (image_bytes("JPEG", (64, 48)), "payslip.jpeg", "image/jpeg"),
        "savings": (image_bytes("HEIF", (64, 48)), "IMG_0001.HEIC", "image/jpeg"),
    }
    for kind, (data, name, content_type) in samples.items():
        person = application.applicant.key if kind == "identity" else ""
        item = item_of(db_session, application, kind, person)
        response = upload(client, item.id, (data, name))
        assert response.status_code == 302
        assert response.headers["Location"] == f"/apply/evidence/{item.id}"
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        banner = BeautifulSoup(page, "html.parser").find(class_="govuk-notification-banner--success")
        assert banner is not None and banner.get("role") == "alert"
        assert "We have your file" in banner.get_text()
        assert "Sent, waiting to be checked" in page
        assert item_of(db_session, application, kind, person).status == "uploaded"
        [sent] = files_of(db_session, item.id)
        assert sent.content_type == content_type
        assert sent.uploaded_by_id == client.user.id
        assert file_store(app).exists(sent.storage_key)
    pdf = files_of(db_session, item_of(db_session, application, "identity", application.applicant.key).id)[0]
    assert file_store(app).get(pdf.storage_key) == samples["identity"][0]  # a safe PDF is kept as it was
    heic = files_of(db_session, item_of(db_session, application, "savings").id)[0]
    assert heic.display_name == "IMG_0001.jpg"  # a HEIC photo is kept as a JPEG every browser shows
    assert Image.open(io.BytesIO(file_store(app).get(heic.storage_key))).format == "JPEG"
    listing = client.get("/apply/evidence").get_data(as_text=True)
    assert listing.count("Sent, waiting to be checked") == 3
    uploads = [
        e for e in events_for_subject(db_session, "application", application.id) if e.action == "evidence.uploaded"
    ]
    assert len(uploads) == 3
    assert all(e.actor_id == client.user.id and e.on_behalf_of_id is None for e in uploads)


def test_a_stored_jpeg_has_no_exif(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    photo = image_bytes("JPEG", (64, 48), exif=exif_with_gps().tobytes())
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(0x8825)  # the photo really has a location
    item = item_of(db_session, application, "income")
    assert upload(client, item.id, (photo, "photo.jpg")).status_code == 302
    [sent] = files_of(db_session, item.id)
    kept = file_store(app).get(sent.storage_key)
    assert b"Exif" not in kept and b"PhoneMaker" not in kept
    assert not Image.open(io.BytesIO(kept)).getexif()
    assert sent.size_bytes == len(kept)


def test_a_name_with_folders_is_kept_only_as_a_clean_name_under_a_random_key(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    assert upload(client, item.id, (make_pdf(), "../../etc/passwd.pdf")).status_code == 302
    [sent] = files_of(db_session, item.id)
    assert sent.display_name == "passwd.pdf"
    assert sent.storage_key.startswith("evidence/") and "passwd" not in sent.storage_key and "." not in sent.storage_key
    root = Path(app.config["UPLOAD_DIR"])
    assert (root / sent.storage_key).is_file()
    assert not any("passwd" in str(path) for path in root.parent.rglob("*passwd*"))
    page = client.get(f"/apply/evidence/{item.id}").get_data(as_text=True)
    assert "passwd.pdf" in page and "../" not in page and "etc/passwd" not in page


def test_a_text_file_called_pdf_is_refused_on_the_page_and_nothing_is_kept(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    before = stored_files(app)
    response = upload(client, item.id, (b"Dear housing team, this is not a PDF.\n", "letter.pdf"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert error_summary(page) == [WRONG_TYPE]
    soup = BeautifulSoup(page, "html.parser")
    assert soup.title.get_text().startswith("Error:")
    assert WRONG_TYPE in soup.find(id="files-error").get_text()
    assert soup.find(id="files") is not None  # the form is still there to try again
    assert files_of(db_session, item.id) == []
    assert item_of(db_session, application, "income").status == "needed"
    assert stored_files(app) == before


def test_if_one_of_several_files_is_bad_none_is_kept_and_the_bad_one_is_named(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    before = stored_files(app)
    response = upload(client, item.id, (make_pdf(), "good.pdf"), (b"not a picture", "bad\x07 name.png"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert error_summary(page) == [f"bad name.png: {WRONG_TYPE}"]
    assert "We have not sent any of the files you chose." in page
    assert files_of(db_session, item.id) == [] and stored_files(app) == before


def test_sending_nothing_asks_for_a_file(sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    response = upload(client, item.id)
    assert response.status_code == 400
    assert error_summary(response.get_data(as_text=True)) == ["Select a file to send"]
    response = upload(client, item.id, (b"", ""))  # the empty part a browser sends when nothing is chosen
    assert error_summary(response.get_data(as_text=True)) == ["Select a file to send"]
    response = upload(client, item.id, (b"", "empty.pdf"))
    assert error_summary(response.get_data(as_text=True)) == ["The selected file is empty"]


def test_a_file_over_the_limit_inside_the_body_allowance_is_refused_on_the_page(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    big = make_pdf() + b"%" * (app.config["UPLOAD_MAX_BYTES"] + 1)
    assert len(big) < app.config["MAX_CONTENT_LENGTH"]
    response = upload(client, item.id, (big, "huge.pdf"))
    assert response.status_code == 400
    assert error_summary(response.get_data(as_text=True)) == ["The selected file must be smaller than 10MB"]
    assert files_of(db_session, item.id) == []


def test_an_upload_bigger_than_the_request_limit_gets_the_413_page(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    before = stored_files(app)
    too_big = b"%PDF-" + b"0" * (app.config["UPLOAD_MAX_BYTES"] + UPLOAD_FORM_ALLOWANCE)
    response = upload(client, item.id, (too_big, "huge.pdf"))
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The file is too big" in page and "Each file must be smaller than 10MB." in page
    assert files_of(db_session, item.id) == [] and stored_files(app) == before


def test_uploads_are_rate_limited_for_each_person(app, sign_in_as, db_session, monkeypatch):
    monkeypatch.setitem(app.config, "RATE_LIMIT_EVIDENCE_UPLOAD", "2 per hour")
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    token = client.csrf_token(f"/apply/evidence/{item.id}")
    for _ in range(2):
        response = upload(client, item.id, (make_pdf(), "payslip.pdf"), token=token)
        assert response.status_code == 302
        client.get(response.headers["Location"])  # shows the banner, as the browser would
    assert upload(client, item.id, (make_pdf(), "payslip.pdf"), token=token).status_code == 429
    other, theirs = sent_for(sign_in_as, db_session, name="Jo Bloggs")
    assert upload(other, item_of(db_session, theirs, "income").id, (make_pdf(), "a.pdf")).status_code == 302
    assert len(files_of(db_session, item.id)) == 2
