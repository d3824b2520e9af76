"""Photos of advertised homes: checked by their bytes, described in words, served to officers, removable."""

from __future__ import annotations

import io

import pytest
from flask import current_app
from PIL import Image
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.advert_models import AdvertPhoto
from portal.storage import StoredFileMissing, file_store
from tests.integration.lettings_helpers import an_advert
from tests.integration.lettings_officer_helpers import actions, image_bytes
from tests.integration.officer_helpers import page_text


def photos_page(advert) -> str:
    return f"/officer/lettings/adverts/{advert.id}/photos"


def upload(client, advert, data: bytes, name: str = "room.png", alt: str = "The living room, with a big window"):
    return client.post_form(
        photos_page(advert),
        {"photo": (io.BytesIO(data), name), "alt": alt},
        content_type="multipart/form-data",
    )


def stored_photos(db_session) -> list[AdvertPhoto]:
    db_session.expire_all()
    return list(db_session.scalars(select(AdvertPhoto).order_by(AdvertPhoto.id)))


@pytest.mark.parametrize(("kind", "content_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_an_officer_adds_a_photo_with_words_that_describe_it(app, sign_in_as, db_session, kind, content_type):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft")
    response = upload(client, advert, image_bytes(kind), name="anything.gif")
    assert response.status_code == 302
    (photo,) = stored_photos(db_session)
    assert (photo.advert_id, photo.alt, photo.content_type, photo.position) == (
        advert.id,
        "The living room, with a big window",
        content_type,
        0,
    )
    assert photo.file_key.startswith("adverts/")
    assert actions(db_session, "advert", advert.id) == ["lettings.photo_added"]
    html = client.get(photos_page(advert)).get_data(as_text=True)
    assert f'src="/officer/lettings/photos/{photo.id}" alt="The living room, with a big window"' in html
    served = client.get(f"/officer/lettings/photos/{photo.id}")
    assert served.status_code == 200 and served.content_type == content_type
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(served.data)).size == (40, 30)


def test_the_photo_is_written_again_without_its_camera_details(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="open")
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # the camera's maker
    Image.new("RGB", (20, 20), (10, 10, 10)).save(buffer, format="JPEG", exif=exif)
    upload(client, advert, buffer.getvalue(), name="photo.jpg")
    (photo,) = stored_photos(db_session)
    with client.application.app_context():
        kept = file_store(current_app).get(photo.file_key)
    assert b"PhoneMaker" in buffer.getvalue() and b"PhoneMaker" not in kept


@pytest.mark.parametrize(
    ("data", "alt", "message"),
    [
        (b"%PDF-1.4 a letter", "A room", "The selected file must be a JPEG or PNG photo"),
        (b"GIF89a not a photo", "A room", "The selected file must be a JPEG or PNG photo"),
        (b"\x89PNG\r\n\x1a\n but broken", "A room", "The photo could not be read"),
        (None, "A room", "Select a photo to upload"),
        ("png", " ", "Describe what the photo shows"),
    ],
)
def test_a_photo_with_a_problem_is_refused_on_the_same_page(sign_in_as, db_session, data, alt, message):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft")
    if data is None:
        response = client.post_form(photos_page(advert), {"alt": alt}, content_type="multipart/form-data")
    else:
        response = upload(client, advert, image_bytes() if data == "png" else data, alt=alt)
    page = " ".join(response.get_data(as_text=True).split())
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert stored_photos(db_session) == []


def test_a_photo_bigger_than_the_limit_is_refused(app, sign_in_as, db_session, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_MAX_BYTES", 100)
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft")
    response = upload(client, advert, image_bytes(size=(200, 200)))
    assert response.status_code == 400
    assert "The selected file must be smaller than 1KB" in response.get_data(as_text=True)
    assert stored_photos(db_session) == []


def test_adding_photos_is_rate_limited(app, sign_in_as, db_session, monkeypatch):
    monkeypatch.setitem(app.config, "RATE_LIMIT_ADVERT_PHOTO", "2 per hour")
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft")
    assert [upload(client, advert, image_bytes()).status_code for _ in range(3)] == [302, 302, 429]
    assert len(stored_photos(db_session)) == 2


def test_a_photo_is_removed_from_the_advert_and_the_store(app, sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="open")
    upload(client, advert, image_bytes(), alt="The kitchen")
    upload(client, advert, image_bytes(), alt="The garden")
    first, second = stored_photos(db_session)
    assert (first.position, second.position) == (0, 1)
    first_id, first_key = first.id, first.file_key
    response = client.post_form(
        f"/officer/lettings/adverts/{advert.id}/photos/{first_id}/delete", {}, token_from=photos_page(advert)
    )
    assert response.status_code == 302
    assert [photo.alt for photo in stored_photos(db_session)] == ["The garden"]
    with app.app_context(), pytest.raises(StoredFileMissing):
        file_store(app).get(first_key)
    assert actions(db_session, "advert", advert.id)[-1] == "lettings.photo_removed"
    assert client.get(f"/officer/lettings/photos/{first_id}").status_code == 404


def test_a_photo_is_found_only_on_its_own_advert(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert, other = an_advert(db_session, status="open"), an_advert(db_session, status="open")
    upload(client, advert, image_bytes())
    (photo,) = stored_photos(db_session)
    response = client.post_form(
        f"/officer/lettings/adverts/{other.id}/photos/{photo.id}/delete", {}, token_from=photos_page(other)
    )
    assert response.status_code == 404
    assert len(stored_photos(db_session)) == 1
    assert client.get("/officer/lettings/photos/999999").status_code == 404
    assert client.get("/officer/lettings/adverts/999999/photos").status_code == 404


def test_no_photos_are_added_to_a_let_advert(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="let")
    assert "Photos cannot be added to an advert that is let or withdrawn." in page_text(client, photos_page(advert))
    client.post_form(
        photos_page(advert),
        {"photo": (io.BytesIO(image_bytes()), "a.png"), "alt": "A room"},
        content_type="multipart/form-data",
        token_from="/account",
    )
    assert stored_photos(db_session) == []


def test_photos_are_for_officers_only(sign_in_as, db_session):
    officer = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="open")
    upload(officer, advert, image_bytes())
    (photo,) = stored_photos(db_session)
    assert sign_in_as(Role.APPLICANT).get(f"/officer/lettings/photos/{photo.id}").status_code == 403
