"""Importing adverts from a CSV file: the good rows become adverts, and every bad row is listed by line.

The file must be a CSV file (by its name, and text with no NUL bytes) of at
most ``IMPORT_MAX_BYTES``. It is read as UTF-8 (with or without the byte order
mark spreadsheets add), or else as Windows-1252, which older spreadsheets save.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template, url_for
from flask_login import current_user

from officer_review.advert_words import status_tag
from officer_review.case_access import acting_officer
from officer_review.lettings_forms import ImportForm
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import advert_import as importing
from portal.extensions import db, limiter
from portal.rules.lettings.advert_csv import COLUMNS, parse_adverts
from portal.uploads import format_size

IMPORT_LIMIT = "20 per hour"
IMPORT_MAX_BYTES = 2 * 1024 * 1024
ACCEPT = ".csv,text/csv"
EXAMPLE = "lettings/adverts-example.csv"


def _limit() -> str:
    return str(current_app.config.get("RATE_LIMIT_ADVERT_IMPORT", IMPORT_LIMIT))


def _per_officer() -> str:
    return f"advert-import:{current_user.get_id()}"


def _max_bytes() -> int:
    return min(IMPORT_MAX_BYTES, int(current_app.config["UPLOAD_MAX_BYTES"]))


def read_csv_text(data: bytes, name: str, limit: int) -> str | tuple[None, str]:
    """The file's text, or (None, what is wrong with it)."""
    if not name.lower().endswith(".csv"):
        return None, "The selected file must be a CSV file"
    if not data:
        return None, "The selected file is empty"
    if len(data) > limit:
        return None, f"The selected file must be smaller than {format_size(limit)}"
    if b"\x00" in data:
        return None, "The selected file must be a CSV file"
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None, "The file could not be read. Save it as CSV UTF-8 and upload it again"


def _result_rows(result: importing.ImportResult) -> list[dict[str, Any]]:
    return [
        {
            "line": imported.line,
            "advert": imported.advert,
            "url": url_for("officer_review.advert", advert_id=imported.advert.id),
            "status": status_tag(imported.advert.status),
        }
        for imported in result.created
    ]


def _error_rows(result: importing.ImportResult) -> list[dict[str, Any]]:
    """The problems grouped by line, in line order."""
    by_line: dict[int, list[str]] = {}
    for error in result.errors:
        by_line.setdefault(error.line, []).append(error.message)
    return [{"line": line, "problems": problems} for line, problems in sorted(by_line.items())]


def _result_title(result: importing.ImportResult) -> str:
    if not result.created:
        return "No adverts were imported"
    return "Adverts imported, with problems" if result.errors else "Adverts imported"


@bp.route("/lettings/import", methods=["GET", "POST"])
@officer_required
@limiter.limit(_limit, key_func=_per_officer, methods=["POST"])
def advert_import() -> Any:
    form = ImportForm()
    limit = _max_bytes()
    if form.validate_on_submit():
        upload = form.file.data
        text = read_csv_text(upload.stream.read(limit + 1), upload.filename or "", limit)
        if isinstance(text, tuple):
            form.file.errors.append(text[1])
        else:
            result = importing.import_adverts(
                db.session,
                parse_adverts(text),
                acting_officer(),
                bid_limit=int(current_app.config["BID_LIMIT_PER_CYCLE"]),
            )
            db.commit()
            return render_template(
                "officer_review/lettings/import/result.html",
                title=_result_title(result),
                created=_result_rows(result),
                problems=_error_rows(result),
                cycles_created=result.cycles_created,
            )
    page = render_template(
        "officer_review/lettings/import/index.html",
        title="Import adverts",
        form=form,
        columns=COLUMNS,
        example=url_for("static", filename=EXAMPLE),
        size_limit=format_size(limit),
        accept=ACCEPT,
    )
    return (page, 400) if form.errors else page
