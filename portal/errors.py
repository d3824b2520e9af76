"""Error pages, in the page's language, for every error a person might meet."""

from __future__ import annotations

import logging

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from portal.uploads.problems import format_size

log = logging.getLogger(__name__)


def _page(status: int) -> tuple[str, str]:
    pages = {
        400: (
            _("Sorry, something went wrong"),
            _("Go back and try again. If it keeps happening, contact us."),
        ),
        403: (
            _("You cannot see this page"),
            _("Your account does not let you see this page. If you think it should, contact us."),
        ),
        404: (
            _("Page not found"),
            _(
                "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address."
            ),
        ),
        405: (
            _("Sorry, something went wrong"),
            _("Go back and try again. If it keeps happening, contact us."),
        ),
        413: (
            _("The file is too big"),
            _(
                "Go back and choose a smaller file. Each file must be smaller than %(size)s.",
                size=format_size(current_app.config["UPLOAD_MAX_BYTES"]),
            ),
        ),
        429: (
            _("You have tried too many times"),
            _("To keep accounts safe, we have paused this for a short time. Wait a few minutes, then try again."),
        ),
        500: (_("Sorry, there is a problem with the service"), _("Try again later. Nothing you saved has been lost.")),
    }
    return pages.get(status, pages[500] if status >= 500 else pages[400])


def render_error(status: int) -> tuple[str, int]:
    title, body = _page(status)
    return render_template("errors/error.html", title=title, body=body, status=status), status


def handle_http_error(error: HTTPException) -> tuple[str, int]:
    return render_error(error.code or 500)


def handle_csrf_error(_error: CSRFError) -> tuple[str, int]:
    return (
        render_template(
            "errors/form_expired.html",
            title=_("This page timed out"),
            back=request.path,
        ),
        400,
    )


def handle_unexpected_error(error: Exception) -> tuple[str, int]:
    log.exception("Unhandled error on %s", request.path, exc_info=error)
    return render_error(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(500, handle_unexpected_error)
