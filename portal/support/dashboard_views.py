"""The support worker's dashboard: the people they help, each one's stage, evidence, homes and deadlines.

A worker whose account an officer has not approved (or has refused or
suspended) sees why they cannot help anyone yet, and nothing else.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template
from flask_babel import gettext as _
from flask_babel import ngettext

from portal.apply.stage_wording import STAGE_NAMES
from portal.auth import acting
from portal.auth.access import support_worker_required
from portal.data import consents, support_dashboard
from portal.data.lettings_clock import today
from portal.extensions import db
from portal.rules.support.scopes import Scope
from portal.support.acting_views import CAN_WORDS
from portal.support.routes import bp
from portal.templating import show_date

#: The consent pages, linked when they are there.
CONSENT_PAGES = ("support.code", "support.ask", "support.end_access", "support.cancel_request")


def deadline_words(deadline: support_dashboard.Deadline) -> str:
    when = show_date(deadline.on) if deadline.on else ""
    if deadline.kind == support_dashboard.BIDDING_CLOSES:
        return _("Bidding closes on %(date)s", date=when)
    if deadline.kind == support_dashboard.EVIDENCE_DUE:
        return _("Send evidence by %(date)s", date=when)
    if deadline.kind == support_dashboard.OFFER_ANSWER:
        if deadline.on is None:
            return _("Answer the offer of %(home)s as soon as you can", home=deadline.about)
        return _("Answer the offer of %(home)s by %(date)s", home=deadline.about, date=when)
    if deadline.kind == support_dashboard.REVIEW_ASK_BY:
        return _("Ask for a review of our decision by %(date)s", date=when)
    raise ValueError(deadline.kind)


def stage_words(row: support_dashboard.ClientRow) -> str:
    if row.application is None:
        return _("Not started yet")
    return str(STAGE_NAMES.get(row.application.stage, row.application.stage))


def evidence_words(row: support_dashboard.ClientRow) -> str:
    if row.application is None or not row.evidence_outstanding:
        return _("Nothing to send")
    count = ngettext("%(num)d document to send", "%(num)d documents to send", row.evidence_outstanding)
    if row.evidence_due is None:
        return count
    return _("%(count)s, the first by %(date)s", count=count, date=show_date(row.evidence_due))


def client_card(row: support_dashboard.ClientRow) -> dict[str, Any]:
    return {
        "row": row,
        "name": row.applicant.full_name,
        "reference": row.application.reference if row.application else None,
        "stage": stage_words(row),
        "can": [CAN_WORDS[scope]() for scope in Scope if scope in row.consent.scopes],
        "until": show_date(row.consent.expires_on),
        "evidence": evidence_words(row),
        "homes": (
            ngettext("%(num)d home", "%(num)d homes", row.homes_to_bid) if row.homes_to_bid is not None else None
        ),
        "deadlines": [deadline_words(deadline) for deadline in row.deadlines],
        "may_bid": row.may_bid,
    }


def ended_words(row: support_dashboard.EndedRow) -> str:
    when = show_date(row.ended_on) if row.ended_on else ""
    if row.why == "expired":
        return _("Came to its end date on %(date)s", date=when)
    if row.why == "revoked":
        if row.by_worker:
            return _("You ended it on %(date)s", date=when)
        return _("They ended it on %(date)s", date=when)
    if row.why == "declined":
        if row.consent.route == "worker_request":
            return _("They said no to your request on %(date)s", date=when)
        return _("You said no on %(date)s", date=when)
    if row.consent.route == "worker_request":
        return _("The request was cancelled on %(date)s", date=when)
    return _("The invitation was cancelled on %(date)s", date=when)


def who(consent: Any, applicant: Any) -> str:
    """A request the client never agreed to shows only the address the worker typed."""
    if consent.route == "worker_request" and consent.granted_at is None and consent.accepted_at is None:
        return str(consent.invite_email or applicant.email)
    return str(applicant.full_name)


@bp.get("/")
@support_worker_required
def dashboard() -> str:
    worker = acting.current_user_record()
    profile = consents.worker_profile(db.session, worker.id)
    if profile is None or not profile.is_approved:
        status = profile.status if profile is not None else "waiting"
        titles = {
            "waiting": _("Your account is waiting to be approved"),
            "refused": _("We could not approve your account"),
            "suspended": _("Your account is suspended"),
        }
        return render_template(
            "portal/support/not_approved.html",
            title=titles[status],
            status=status,
            reason=profile.decision_reason if profile is not None else None,
        )
    found = support_dashboard.dashboard_for(db.session, worker.id, today())
    return render_template(
        "portal/support/dashboard.html",
        title=_("People you are helping"),
        organisation=consents.organisation_of(db.session, profile),
        clients=[client_card(row) for row in found.clients],
        ended=[{"who": who(row.consent, row.applicant), "words": ended_words(row)} for row in found.ended],
        links={endpoint: endpoint in current_app.view_functions for endpoint in CONSENT_PAGES},
    )
