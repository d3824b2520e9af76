"""The start page, the pages every service must have, and the council's colours."""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app, render_template
from sqlalchemy.exc import SQLAlchemyError

from portal.auth.access import public
from portal.data.health import check_database
from portal.extensions import db, limiter

bp = Blueprint("pages", __name__)

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@bp.get("/")
@public
def start() -> str:
    return render_template("portal/pages/start.html")


@bp.get("/accessibility")
@public
def accessibility() -> str:
    return render_template("portal/pages/accessibility.html")


@bp.get("/privacy")
@public
def privacy() -> str:
    return render_template("portal/pages/privacy.html")


@bp.get("/cookies")
@public
def cookies() -> str:
    return render_template("portal/pages/cookies.html")


@bp.get("/contact")
@public
def contact() -> str:
    return render_template("portal/pages/contact.html")


@bp.get("/healthz")
@public
def health() -> tuple[dict[str, str], int]:
    """For load balancers: can this process reach its database and rate-limit store?"""
    checks = {"database": "ok", "rate_limits": "ok"}
    try:
        check_database(db.session)
    except SQLAlchemyError:
        checks["database"] = "unavailable"
    if not limiter.storage.check():
        checks["rate_limits"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    return {"status": "ok" if healthy else "unavailable", **checks}, 200 if healthy else 503


def darker(colour: str, factor: float = 0.6) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (red, green, blue)))


@bp.get("/brand.css")
@public
def brand_css() -> Response:
    """The council's colour as CSS, so no inline style is needed."""
    colour = current_app.config["COUNCIL_COLOUR"]
    if not _HEX_COLOUR.match(colour):
        colour = "#1d70b8"
    css = f":root {{ --council-colour: {colour}; --council-colour-dark: {darker(colour)}; }}\n"
    response = Response(css, mimetype="text/css")
    response.cache_control.max_age = 3600
    response.cache_control.public = True
    return response
