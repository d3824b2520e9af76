"""What a helper did, in words the applicant reads: on their activity page and in the emails about it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

#: Audit actions a helper's work writes, in words ("Sam Okafor placed a bid for a home").
ACTION_WORDS = {
    "helper.started": _l("started helping you"),
    "helper.stopped": _l("stopped helping you for now"),
    "helper.changed": _l("changed something in your account"),
    "consent.accepted": _l("accepted your invitation to help you"),
    "officer.started_acting": _l("started working on your application for you"),
    "account.created_by_officer": _l("set up your account for you"),
    "application.started_by_officer": _l("started your application for you"),
    "account.handover_sent": _l("sent you a way to take over your account"),
    "consent.ended_by_worker": _l("stopped helping you"),
    "application.submitted": _l("sent your application"),
    "application.stage_changed": _l("moved your application on"),
    "evidence.uploaded": _l("uploaded a document for you"),
    "evidence.file_removed": _l("removed a document"),
    "evidence.viewed": _l("looked at a document"),
    "lettings.bid_placed": _l("placed a bid for a home"),
    "lettings.bid_withdrawn": _l("took back a bid"),
    "lettings.auto_bid_set": _l("turned on automatic bidding"),
    "lettings.auto_bid_stopped": _l("turned off automatic bidding"),
    "review.requested": _l("asked for a review of a decision"),
    "application.change_reported": _l("told us about a change"),
}

#: Pages whose forms a helper sends, when the page writes no event of its own.
PAGE_WORDS = {
    "apply.start": _l("started your application"),
    "apply.question": _l("answered questions in your application"),
    "apply.item_question": _l("answered questions in your application"),
    "apply.another": _l("answered questions in your application"),
    "apply.remove_item": _l("removed someone or something from your application"),
    "apply.check_section": _l("marked part of your application as done or not done"),
    "apply.find_address": _l("looked up an address for your application"),
    "homes.alerts": _l("saved a search for homes"),
    "homes.delete_alert": _l("deleted a saved search"),
    "homes.auto_bid": _l("changed the automatic bidding settings"),
}

#: Actions worth an email to the applicant when someone else does them.
TELL_APPLICANT = frozenset(
    {
        "helper.started",
        "application.submitted",
        "evidence.uploaded",
        "evidence.file_removed",
        "lettings.bid_placed",
        "lettings.bid_withdrawn",
        "review.requested",
        "application.change_reported",
    }
)


def words_for(action: str, details: Mapping[str, Any] | None = None) -> str:
    """The words for an audit action, or the page a form was sent from."""
    if action == "helper.changed" and details:
        page = PAGE_WORDS.get(str(details.get("endpoint", "")))
        if page is not None:
            return str(page)
    return str(ACTION_WORDS.get(action, ACTION_WORDS["helper.changed"]))
