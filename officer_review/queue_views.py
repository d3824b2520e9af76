"""Work queues: the officer area's home page."""

from __future__ import annotations

from flask import render_template

from officer_review.routes import bp
from portal.auth.access import officer_required


@bp.get("/")
@officer_required
def dashboard() -> str:
    return render_template("officer_review/dashboard.html")
