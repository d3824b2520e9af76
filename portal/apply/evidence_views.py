"""Evidence: the list of what we need to see, sending files for each item, and opening them again.

Only the applicant who owns the application can see its evidence; anyone
else gets "Page not found", as if the item or file did not exist. A draft has
no evidence pages: evidence is asked for once the application is sent.

Uploaded files are checked (``portal.uploads.check_upload``), written to the
file store under a new random key, and only then recorded. The name a file had
on the person's device is cleaned and only ever shown back as text.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup, escape
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response as BaseResponse

from portal.apply import evidence_wording as wording
from portal.apply.routes import bp
from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import applications as data
from portal.data import evidence
from portal.data.accounts import get_user
from portal.data.application_models import Application
from portal.data.evidence_models import EvidenceFile, EvidenceItem
from portal.data.models import User
from portal.extensions import db, limiter
from portal.rules.application.evidence import evidence_needed
from portal.rules.support.scopes import Scope
from portal.storage import InvalidKey, StorageError, StoredFileMissing, file_store, new_key
from portal.uploads import CheckedFile, UploadProblem, check_upload, format_size

log = logging.getLogger(__name__)

FIELD = "files"
ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.heif,image/*,application/pdf"
MAX_FILES_AT_ONCE = 10
UPLOAD_LIMIT = "30 per hour"
REMOVE_LIMIT = "60 per hour"
MAX_NAME_LENGTH = 200
DOWNLOAD_EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


@dataclass(frozen=True)
class FieldErrors:
    id: str
    errors: list[str]


class UploadErrors:
    """The problems with an upload, shaped like a form so the page layout shows its error summary."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages

    @property
    def errors(self) -> dict[str, list[str]]:
        return {FIELD: self.messages}

    def __iter__(self) -> Any:
        return iter([FieldErrors(FIELD, [message]) for message in self.messages])


def _limit(key: str, default: str) -> str:
    return str(current_app.config.get(key, default))


def _per_user() -> str:
    return f"evidence:{acting.applicant_id()}"


def _user() -> User:
    user = get_user(db.session, acting.applicant_id())
    assert user is not None
    return user


def _open_for_evidence(application: Application | None) -> bool:
    """Evidence is asked for once an application is sent, until it is closed."""
    return application is not None and application.stage not in ("draft", "closed")


def _item_or_404(item_id: int) -> EvidenceItem:
    item = evidence.item_for_user(db.session, acting.applicant_id(), item_id)
    if item is None or not _open_for_evidence(item.application):
        abort(404)
    return item


def _file_or_404(file_id: int) -> EvidenceFile:
    found = evidence.file_for_user(db.session, acting.applicant_id(), file_id)
    if found is None or not _open_for_evidence(found.item.application):
        abort(404)
    return found


def clean_display_name(name: str | None) -> str:
    """A file name to show as text: no folders, no control characters, at most 200 characters."""
    cleaned = unicodedata.normalize("NFC", name or "")
    cleaned = re.split(r"[/\\]", cleaned)[-1]
    cleaned = "".join(character for character in cleaned if not unicodedata.category(character).startswith("C"))
    cleaned = " ".join(cleaned.split()).strip(" .")
    return cleaned[:MAX_NAME_LENGTH].rstrip(" .") or _("document")


def download_name(display_name: str, content_type: str) -> str:
    """A plain ASCII file name for the download, ending with the extension of what the file is."""
    folded = unicodedata.normalize("NFKD", display_name).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[^A-Za-z0-9._-]+", "_", folded).strip("._")[:100] or "document"
    extension = DOWNLOAD_EXTENSIONS.get(content_type, "")
    return folded if folded.lower().endswith(extension) else folded + extension


def _names(application: Application) -> dict[str, str]:
    return {person.key: person.full_name for person in application.people if person.full_name}


def _whys(application: Application) -> dict[tuple[str, str], str]:
    """Why each item is needed, in the page's language, from the rules."""
    return {
        (need.kind, evidence.person_key(need.person_id)): need.why.text(_)
        for need in evidence_needed(data.facts_of(application))
    }


def _describe(
    item: EvidenceItem,
    names: dict[str, str],
    whys: dict[tuple[str, str], str],
    asked: dict[int, evidence.InformationRequest],
) -> dict[str, Any]:
    """An item for the pages. Something an officer asked for has their words as its title and why."""
    name = names.get(item.person_key)
    asked_for = asked.get(item.id)
    if item.kind == evidence.REQUESTED:
        return {
            "item": item,
            "title": asked_for.what if asked_for else wording.title(item.kind, None),
            "about": wording.about(None, evidence.HOUSEHOLD),
            "status": wording.status_words(item),
            "why": asked_for.why if asked_for else str(wording.GENERIC_WHY),
            "url": url_for("apply.evidence_item", item_id=item.id),
        }
    return {
        "item": item,
        "title": wording.title(item.kind, name),
        "about": wording.about(name, item.person_key),
        "status": wording.status_words(item),
        "why": whys.get((item.kind, item.person_key)) or str(wording.GENERIC_WHY),
        "url": url_for("apply.evidence_item", item_id=item.id),
    }


def _help() -> dict[str, str]:
    return {"email": current_app.config["COUNCIL_CONTACT_EMAIL"], "phone": current_app.config["COUNCIL_PHONE"]}


@bp.get("/evidence", endpoint="evidence")
@for_applicant()
def evidence_list() -> str:
    application = data.open_application_for(db.session, acting.applicant_id())
    if application is None or not _open_for_evidence(application):
        abort(404)
    items = evidence.evidence_items(db.session, application)
    names, whys = _names(application), _whys(application)
    asked = evidence.information_requests(db.session, application)
    described = [_describe(item, names, whys, asked) for item in items]
    return render_template(
        "portal/apply/evidence/index.html",
        title=_("Evidence we need from you"),
        needed=[entry for entry in described if entry["item"].still_needed],
        not_needed=[entry for entry in described if not entry["item"].still_needed],
        outstanding=evidence.outstanding_count(items),
        help=_help(),
    )


def _chosen_files() -> list[FileStorage]:
    return [upload for upload in request.files.getlist(FIELD) if upload.filename]


def _check_all(uploads: list[FileStorage]) -> tuple[list[CheckedFile], list[str]]:
    """Every chosen file checked, and a message for each one that cannot be kept."""
    if not uploads:
        return [], [_("Select a file to send")]
    if len(uploads) > MAX_FILES_AT_ONCE:
        return [], [_("Select up to %(count)d files at a time", count=MAX_FILES_AT_ONCE)]
    limit = int(current_app.config["UPLOAD_MAX_BYTES"])
    checked: list[CheckedFile] = []
    problems: list[str] = []
    for upload in uploads:
        result = check_upload(upload.stream.read(limit + 1), upload.filename or "", limit)
        if isinstance(result, UploadProblem):
            message = str(result.message)
            if len(uploads) > 1:
                name = clean_display_name(upload.filename)[:80]
                message = _("%(name)s: %(problem)s", name=name, problem=message)
            problems.append(message)
        else:
            checked.append(result)
    return checked, problems


def _store_all(item: EvidenceItem, checked: list[CheckedFile]) -> None:
    """Write each file to the store, then record it; if anything fails, remove what was written."""
    store = file_store(current_app)
    written: list[str] = []
    try:
        for upload in checked:
            key = new_key()
            store.put(key, upload.data, upload.content_type)
            written.append(key)
            evidence.add_file(
                db.session,
                item,
                storage_key=key,
                display_name=clean_display_name(upload.display_name),
                content_type=upload.content_type,
                size_bytes=upload.size,
                uploaded_by=acting.actor(),
                on_behalf_of=acting.on_behalf_of(),
            )
        db.commit()
    except BaseException:
        db.rollback()
        for key in written:
            _delete_quietly(key)
        raise


def _delete_quietly(key: str) -> None:
    try:
        file_store(current_app).delete(key)
    except StorageError:
        log.exception("Could not delete stored file %s", key)


def _field_error(messages: list[str]) -> Markup:
    return Markup("<br>").join(escape(message) for message in messages)


@bp.route("/evidence/<int:item_id>", methods=["GET", "POST"])
@for_applicant()
@limiter.limit(lambda: _limit("RATE_LIMIT_EVIDENCE_UPLOAD", UPLOAD_LIMIT), key_func=_per_user, methods=["POST"])
def evidence_item(item_id: int) -> Any:
    item = _item_or_404(item_id)
    problems: list[str] = []
    chosen = 0
    if request.method == "POST" and item.status != "accepted":
        uploads = _chosen_files()
        chosen = len(uploads)
        checked, problems = _check_all(uploads)
        if not problems:
            _store_all(item, checked)
            flash(
                ngettext(
                    "Thank you. We have your file. We will check it and tell you if we need anything else.",
                    "Thank you. We have your %(num)d files. We will check them and tell you if we need anything else.",
                    len(checked),
                ),
                "success",
            )
            return redirect(url_for("apply.evidence_item", item_id=item.id))
    elif request.method == "POST":
        return redirect(url_for("apply.evidence_item", item_id=item.id))
    application = item.application
    asked = evidence.information_requests(db.session, application)
    entry = _describe(item, _names(application), _whys(application), asked)
    page = render_template(
        "portal/apply/evidence/item.html",
        title=entry["title"],
        entry=entry,
        item=item,
        files=[_file_row(sent) for sent in item.files],
        examples=wording.examples(item.kind),
        accept=ACCEPT,
        limit=format_size(int(current_app.config["UPLOAD_MAX_BYTES"])),
        form=UploadErrors(problems) if problems else None,
        field_error=_field_error(problems) if problems else None,
        none_sent=chosen > 1 and bool(problems),
        help=_help(),
    )
    return (page, 400) if problems else page


def _file_row(sent: EvidenceFile) -> dict[str, Any]:
    return {
        "file": sent,
        "size": format_size(sent.size_bytes),
        "sent_on": wording.local_date(sent.uploaded_at),
        "url": url_for("apply.evidence_file", file_id=sent.id),
        "remove_url": url_for("apply.evidence_remove_file", file_id=sent.id),
    }


@bp.route("/evidence/file/<int:file_id>/remove", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
@limiter.limit(lambda: _limit("RATE_LIMIT_EVIDENCE_REMOVE", REMOVE_LIMIT), key_func=_per_user, methods=["POST"])
def evidence_remove_file(file_id: int) -> Any:
    sent = _file_or_404(file_id)
    item = sent.item
    back = url_for("apply.evidence_item", item_id=item.id)
    if item.status == "accepted":
        return redirect(back)
    if request.method == "POST" and request.form.get("confirmed") == "yes":
        name = sent.display_name
        key = evidence.remove_file(db.session, sent, actor=acting.actor(), on_behalf_of=acting.on_behalf_of())
        db.commit()
        _delete_quietly(key)
        flash(_("%(name)s has been removed.", name=name), "success")
        return redirect(back)
    return render_template(
        "portal/apply/evidence/remove.html",
        title=_("Are you sure you want to remove %(name)s?", name=sent.display_name),
        sent=sent,
        back=back,
    )


@bp.get("/evidence/file/<int:file_id>")
@for_applicant()
def evidence_file(file_id: int) -> BaseResponse:
    sent = _file_or_404(file_id)
    try:
        # Files are at most UPLOAD_MAX_BYTES, so reading one whole is fine, and nothing is left open.
        body = file_store(current_app).get(sent.storage_key)
    except (StoredFileMissing, InvalidKey):
        abort(404)
    evidence.file_viewed(db.session, sent, actor=acting.actor(), on_behalf_of=acting.on_behalf_of())
    db.commit()
    response = Response(body, content_type=sent.content_type)
    name = download_name(sent.display_name, sent.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
