"""Housing options advice, open to anyone without an account."""

from __future__ import annotations

from flask import Blueprint, render_template

from portal.auth.access import public

bp = Blueprint("options", __name__, url_prefix="/options")


@bp.get("/")
@public
def index() -> str:
    return render_template("portal/options/index.html")


# The calculators, the questions (journey) and the results pages (the plan, its PDF and its email)
# add their views to this blueprint.
from portal.options import calculators, journey, results  # noqa: E402, F401
