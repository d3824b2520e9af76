"""Words for help from others on a case's timeline: support workers, officers acting, consents and handovers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

#: The applicant page a helper sent a form from, in officer words.
PAGES = {
    "apply.start": "started the application",
    "apply.question": "answered questions",
    "apply.item_question": "answered questions",
    "apply.another": "answered questions",
    "apply.remove_item": "removed a person or an address",
    "apply.check_section": "marked a section done or not done",
    "apply.find_address": "looked up an address",
    "homes.alerts": "saved a search for homes",
    "homes.delete_alert": "deleted a saved search",
    "homes.auto_bid": "changed automatic bidding",
}


def _scopes(details: Mapping[str, Any]) -> str:
    chosen = details.get("scopes")
    if not isinstance(chosen, list) or not chosen:
        return ""
    names = {"view": "see", "help": "help with the application", "bid": "bid"}
    ends = details.get("expires_on")
    return (
        " ("
        + ", ".join(names.get(str(scope), str(scope)) for scope in chosen)
        + (f"; until {ends}" if ends else "")
        + ")"
    )


def _consent(text: str) -> Callable[[Mapping[str, Any], Any], str]:
    return lambda details, _context: text + _scopes(details)


def _changed(details: Mapping[str, Any], _context: Any) -> str:
    page = PAGES.get(str(details.get("endpoint", "")))
    return f"Helped with the account: {page}" if page else "Helped with the account: sent a form"


def _handover(details: Mapping[str, Any], _context: Any) -> str:
    how = "by letter with a code" if details.get("sent_by") == "letter" else "by email"
    return f"Sent the applicant a way to take over their account, {how}"


SUPPORT_WORDS: dict[str, Callable[[Mapping[str, Any], Any], str]] = {
    "helper.started": lambda _details, _context: "Started helping the applicant",
    "helper.stopped": lambda _details, _context: "Stopped helping the applicant for now",
    "helper.changed": _changed,
    "officer.started_acting": lambda _details, _context: "Started working on the application for the applicant",
    "application.started_by_officer": lambda details, _context: (
        f"Started the application for the applicant ({str(details.get('channel', '')).replace('_', '-')}), "
        f"first received on {details.get('received_on', 'a date not recorded')}"
    ),
    "account.handover_sent": _handover,
    "account.claimed": lambda _details, _context: "Took over their account",
    "contact.preferences_changed": lambda _details, _context: "Changed how they want to be contacted",
    "consent.invited": _consent("Invited a support worker to help"),
    "consent.requested": _consent("A support worker asked to help"),
    "consent.accepted": _consent("A support worker took up the invitation to help"),
    "consent.granted": _consent("Agreed to a support worker helping"),
    "consent.declined": _consent("Said no to a support worker helping"),
    "consent.changed": _consent("Changed what a support worker can do"),
    "consent.revoked": _consent("Ended a support worker's access"),
    "consent.cancelled": _consent("Cancelled an invitation or request to help"),
    "consent.ended_by_worker": _consent("The support worker stopped helping"),
}
