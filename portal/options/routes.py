"""Housing options advice, open to anyone without an account."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _

from portal.auth.access import public

bp = Blueprint("options", __name__, url_prefix="/options")


@bp.get("/")
@public
def index() -> str:
    return render_template(
        "portal/services/not_open_yet.html",
        title=_("Get advice about your housing options"),
        what=_("Answer some questions to find out what help with housing you could get."),
    )
