"""Applying to the housing register, at /apply: the task list, the questions, sending, evidence and status."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, url_for
from flask_babel import lazy_gettext as _l

from portal.auth import acting

bp = Blueprint("apply", __name__, url_prefix="/apply")


#: Links on the status page to other things an applicant can do, shown when that page exists.
STATUS_LINKS = (
    ("apply.changes", _l("Tell us about a change")),
    ("apply.download", _l("Download everything we hold about you")),
    ("apply.withdraw", _l("Withdraw your application")),
)


def status_links(_application: Any) -> list[dict[str, str]]:
    return [
        {"url": url_for(endpoint), "text": str(text)}
        for endpoint, text in STATUS_LINKS
        if endpoint in current_app.view_functions
    ]


def told_us_someone_is_hurting_them() -> bool:
    """Whether the applicant said someone is hurting them: then every page of theirs has Exit this page.

    This holds for anyone helping them too, since the helper may be sitting beside them.
    """
    from portal.data.applications import application_for
    from portal.extensions import db

    found = acting.current_acting()
    if found is None:
        return False
    application = application_for(db.session, found.applicant.id)
    return application is not None and application.section("safety").get("domestic_abuse") == "yes"


@bp.context_processor
def helpers() -> dict[str, Any]:
    from portal.apply.provisional import sentences_of

    # A page that says otherwise (a question in the safety section always has it) passes its own exit_this_page.
    return {
        "provisional_sentences": sentences_of,
        "status_links": status_links,
        "exit_this_page": told_us_someone_is_hurting_them(),
    }


# Each journey adds its views to this blueprint.
from portal.apply import (  # noqa: E402, F401
    address_lookup_views,
    changes_views,
    decision_views,
    evidence_views,
    paper_views,
    questions_views,
    status_views,
    submit_views,
    task_list_views,
    withdraw_views,
)
