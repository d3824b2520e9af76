"""Development-only pages: the email outbox. Never registered in production."""

from __future__ import annotations

from flask import Blueprint, render_template

from portal.auth.access import public
from portal.mail import read_outbox

bp = Blueprint("dev", __name__)


@bp.get("/outbox")
@public
def outbox() -> str:
    messages = [
        {
            "to": message["To"],
            "subject": message["Subject"],
            "date": message.get("Date", ""),
            "body": message.get_body(preferencelist=("plain",)).get_content(),  # type: ignore[union-attr]
        }
        for message in read_outbox()
    ]
    return render_template("portal/dev/outbox.html", messages=messages, show_language_switcher=False)
