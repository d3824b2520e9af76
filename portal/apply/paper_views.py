"""A printable application form, and a printable summary of an application."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, current_app, render_template, url_for
from flask_babel import gettext as _

from portal.apply import paper
from portal.apply.routes import bp
from portal.auth import acting
from portal.auth.access import public
from portal.auth.acting import for_applicant
from portal.data import applications as data
from portal.data.contact_prefs import wants_large_print
from portal.extensions import db, limiter
from portal.i18n import current_locale_code
from portal.pdf import PDF_MEDIA_TYPE

#: Making the blank form takes the server a few seconds the first time in each language (then it is kept).
PAPER_FORM_LIMIT = "10 per minute; 60 per hour"


def _pdf(content: bytes, filename: str) -> Response:
    response = Response(content, mimetype=PDF_MEDIA_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/paper-form")
@public
def paper_form() -> Any:
    return render_template(
        "portal/apply/paper/form.html",
        title=_("Apply on paper"),
        council=paper.council_details(),
        pdf_url=url_for("apply.paper_form_pdf"),
    )


@bp.get("/paper-form.pdf")
@public
@limiter.limit(lambda: str(current_app.config.get("RATE_LIMIT_PAPER_FORM", PAPER_FORM_LIMIT)))
def paper_form_pdf() -> Response:
    return _pdf(paper.form_pdf(), f"housing-application-form-{current_locale_code()}.pdf")


@bp.get("/summary.pdf")
@for_applicant()
def summary_pdf() -> Response:
    application = data.application_for(db.session, acting.applicant_id())
    if application is None:
        abort(404)
    large_print = wants_large_print(db.session, application.user_id)
    return _pdf(paper.summary_pdf(application, large_print=large_print), paper.summary_filename(application))
