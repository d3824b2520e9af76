"""Homes advertised for rent or to buy."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _

from portal.auth.access import public

bp = Blueprint("homes", __name__, url_prefix="/homes")


@bp.get("/")
@public
def index() -> str:
    return render_template(
        "portal/services/not_open_yet.html",
        title=_("Homes to rent or buy"),
        what=_("See homes that are advertised now, and bid for the ones that suit you."),
    )
