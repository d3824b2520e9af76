"""Photos of an advertised home: adding one with the words that describe it, removing one, and showing it.

A photo must be a JPEG or PNG, known by its bytes, and no bigger than
``UPLOAD_MAX_BYTES``. It is written again without its metadata (so no camera
position is kept), stored under a new random key, and only then recorded.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from officer_review.advert_pages import advert_or_404
from officer_review.case_access import acting_officer
from officer_review.lettings_forms import ConfirmForm, PhotoForm
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import adverts
from portal.extensions import db, limiter
from portal.storage import InvalidKey, StorageError, StoredFileMissing, file_store, new_key
from portal.uploads import CheckedFile, FileType, ProblemCode, UploadProblem, check_upload, detect_type, format_size

log = logging.getLogger(__name__)

PHOTO_LIMIT = "60 per hour"
ACCEPT = ".jpg,.jpeg,.png,image/jpeg,image/png"
PHOTO_TYPES = (FileType.JPEG, FileType.PNG)


def _limit() -> str:
    return str(current_app.config.get("RATE_LIMIT_ADVERT_PHOTO", PHOTO_LIMIT))


def _per_officer() -> str:
    return f"advert-photo:{current_user.get_id()}"


def _problem_message(problem: UploadProblem, limit: int) -> str:
    if problem.code is ProblemCode.EMPTY:
        return "The selected file is empty"
    if problem.code is ProblemCode.TOO_BIG:
        return f"The selected file must be smaller than {format_size(limit)}"
    if problem.code is ProblemCode.TOO_MANY_PIXELS:
        return "The photo has too many pixels. Make it smaller and upload it again"
    return "The photo could not be read. Save it again as a JPEG or PNG and upload it again"


def checked_photo(data: bytes, name: str, limit: int) -> CheckedFile | str:
    """The photo, cleaned, or what is wrong with it."""
    if data and len(data) <= limit and detect_type(data) not in PHOTO_TYPES:
        return "The selected file must be a JPEG or PNG photo"
    result = check_upload(data, name, limit)
    if isinstance(result, UploadProblem):
        return _problem_message(result, limit)
    return result


def _store(checked: CheckedFile) -> str:
    key = new_key("adverts")
    file_store(current_app).put(key, checked.data, checked.content_type)
    return key


def _delete_quietly(key: str) -> None:
    try:
        file_store(current_app).delete(key)
    except StorageError:
        log.exception("Could not delete stored file %s", key)


def photo_url(photo_id: int) -> str:
    return url_for("officer_review.advert_photo", photo_id=photo_id)


@bp.route("/lettings/adverts/<int:advert_id>/photos", methods=["GET", "POST"])
@officer_required
@limiter.limit(_limit, key_func=_per_officer, methods=["POST"])
def advert_photos(advert_id: int) -> Any:
    advert = advert_or_404(advert_id)
    here = url_for("officer_review.advert_photos", advert_id=advert.id)
    can_add = advert.status not in ("let", "withdrawn") and len(advert.photos) < adverts.PHOTO_LIMIT
    form = PhotoForm()
    if can_add and form.validate_on_submit():
        limit = int(current_app.config["UPLOAD_MAX_BYTES"])
        upload = form.photo.data
        result = checked_photo(upload.stream.read(limit + 1), upload.filename or "", limit)
        if isinstance(result, str):
            form.photo.errors.append(result)
        else:
            key = _store(result)
            try:
                adverts.add_photo(
                    db.session,
                    advert,
                    file_key=key,
                    content_type=result.content_type,
                    alt=form.alt.cleaned,
                    officer=acting_officer(),
                )
                db.commit()
            except BaseException:
                db.rollback()
                _delete_quietly(key)
                raise
            flash("The photo is added.", "success")
            return redirect(here)
    page = render_template(
        "officer_review/lettings/adverts/photos.html",
        title="Photos",
        advert=advert,
        photos=[{"photo": photo, "url": photo_url(photo.id)} for photo in advert.photos],
        form=form,
        can_add=can_add,
        full=len(advert.photos) >= adverts.PHOTO_LIMIT,
        photo_limit=adverts.PHOTO_LIMIT,
        size_limit=format_size(int(current_app.config["UPLOAD_MAX_BYTES"])),
        accept=ACCEPT,
        remove_form=ConfirmForm(formdata=None),
    )
    return (page, 400) if form.errors else page


@bp.post("/lettings/adverts/<int:advert_id>/photos/<int:photo_id>/delete")
@officer_required
def advert_photo_delete(advert_id: int, photo_id: int) -> BaseResponse:
    advert = advert_or_404(advert_id)
    photo = adverts.photo_on_advert(db.session, advert.id, photo_id)
    if photo is None:
        abort(404)
    back = url_for("officer_review.advert_photos", advert_id=advert.id)
    if not ConfirmForm().validate_on_submit():
        return redirect(back)
    key = adverts.delete_photo(db.session, advert, photo, officer=acting_officer())
    db.commit()
    _delete_quietly(key)
    flash("The photo is removed.", "success")
    return redirect(back)


@bp.get("/lettings/photos/<int:photo_id>")
@officer_required
def advert_photo(photo_id: int) -> BaseResponse:
    photo = adverts.photo_by_id(db.session, photo_id)
    if photo is None:
        abort(404)
    try:
        body = file_store(current_app).get(photo.file_key)
    except (StoredFileMissing, InvalidKey):
        abort(404)
    response = Response(body, content_type=photo.content_type)
    response.headers["Content-Disposition"] = f'inline; filename="{photo.advert.reference}-{photo.id}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
