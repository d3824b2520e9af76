"""The support worker area."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _

from portal.auth.access import support_worker_required

bp = Blueprint("support", __name__, url_prefix="/support")


@bp.get("/")
@support_worker_required
def dashboard() -> str:
    return render_template(
        "portal/services/not_open_yet.html",
        title=_("People you are helping"),
        what=_("Help the people you support with their housing applications and bids, with their agreement."),
    )
