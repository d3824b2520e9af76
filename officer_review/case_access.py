"""The one way a case view opens a case: 404 for no such case, 403 for a restricted one,
and an audit event for every page of a sensitive case an officer opens."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, request, url_for
from flask_login import current_user

from portal.data import accounts, cases
from portal.data.application_models import Application
from portal.data.contact_prefs import needs_of, preferences_for
from portal.data.models import User
from portal.extensions import db
from portal.rules.casework.kinds import FLAG_KINDS

#: The case's sub-pages, in the order of its navigation: (endpoint, label).
CASE_PAGES = (
    ("officer_review.case", "Overview"),
    ("officer_review.case_evidence", "Evidence"),
    ("officer_review.case_assessment", "Assessment"),
    ("officer_review.case_decisions", "Decisions and letters"),
    ("officer_review.case_notes", "Notes and contacts"),
    ("officer_review.case_safeguarding", "Safeguarding"),
    ("officer_review.case_referrals", "Referrals"),
    ("officer_review.case_lettings", "Bids and offers"),
    ("officer_review.case_auto_bid", "Auto-bidding"),
    ("officer_review.case_help", "Contact and help"),
    ("officer_review.case_timeline", "Timeline"),
)


def acting_officer() -> User:
    officer = accounts.get_user(db.session, current_user.id)
    if officer is None:  # signed in, so the account exists; a deleted account cannot act
        abort(403)
    return officer


def open_case(application_id: int) -> Application:
    """The case for the signed-in officer, auditing the view when it is sensitive.

    Commits the audit event at once, so a view of a sensitive case is recorded
    even when the page then fails.
    """
    officer = acting_officer()
    try:
        application = cases.case_for_officer(db.session, officer, application_id)
    except cases.CaseNotFound:
        abort(404)
    except cases.CaseRestricted:
        db.commit()
        abort(403)
    if cases.is_sensitive(db.session, application.id):
        cases.record_sensitive_view(db.session, officer, application, request.path)
        db.commit()
    return application


def case_navigation(application: Application) -> list[dict[str, Any]]:
    """The sub-navigation of a case: every case page that exists, the current one marked."""
    items = []
    for endpoint, label in CASE_PAGES:
        if endpoint not in current_app.view_functions:
            continue
        href = url_for(endpoint, application_id=application.id)
        items.append({"href": href, "text": label, "current": request.endpoint == endpoint})
    return items


def case_header(application: Application) -> dict[str, Any]:
    """What the top of every case page shows: who, the reference, stage, assignment, flags and contact needs."""
    handling = cases.read_handling(db.session, application.id)
    assigned_id = handling.assigned_officer_id if handling else None
    assigned = accounts.get_user(db.session, assigned_id) if assigned_id else None
    return {
        "application": application,
        "name": application.applicant.full_name,
        "reference": application.reference,
        "stage": application.stage,
        "assigned": assigned,
        "sensitive": bool(handling and handling.sensitive),
        "flags": cases.active_flags(db.session, application.id),
        "flag_labels": FLAG_KINDS,
        "navigation": case_navigation(application),
        "contact": needs_of(preferences_for(db.session, application.user_id)),
    }
