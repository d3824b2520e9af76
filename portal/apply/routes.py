"""Applying to the housing register."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _

from portal.auth.access import applicant_required

bp = Blueprint("apply", __name__, url_prefix="/apply")


@bp.get("/")
@applicant_required
def index() -> str:
    return render_template(
        "portal/services/not_open_yet.html",
        title=_("Apply to join the housing register"),
        what=_("Tell us about you and your household so we can decide if you can join the housing register."),
    )
