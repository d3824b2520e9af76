"""Starting and stopping helping a client, the banner shown meanwhile, and the record of what a helper did.

Every form a helper sends for an applicant is recorded as done by the helper
on behalf of the applicant. A page that writes its own event (a bid, an
upload, sending the application) gets that event marked the same way; any
other page gets a general one naming the page. The applicant is emailed
about the things that matter, unless they asked us not to.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from portal.auth import acting
from portal.auth.access import roles_required, support_worker_required
from portal.auth.roles import OFFICER_ROLES, Role
from portal.data import consents
from portal.data.applications import application_for
from portal.data.audit import record_event
from portal.data.db import db
from portal.data.lettings_clock import today
from portal.data.models import AuditEvent
from portal.rules.support.scopes import Scope
from portal.support import notices
from portal.support.activity_words import TELL_APPLICANT
from portal.support.routes import bp

CAN_WORDS = {
    Scope.VIEW: lambda: _("see their application and bids"),
    Scope.HELP: lambda: _("help with their application and documents"),
    Scope.BID: lambda: _("bid for homes for them"),
}


@bp.post("/clients/<int:consent_id>/help")
@support_worker_required
def start_helping(consent_id: int) -> Response | tuple[str, int]:
    worker = acting.current_user_record()
    consent = consents.consent_for_worker(db.session, worker.id, consent_id)
    if consent is None:
        return redirect(url_for("support.dashboard"))
    applicant = db.session.get(type(worker), consent.applicant_id)
    if applicant is None or consents.consent_in_force(db.session, worker.id, applicant.id, today()) is None:
        return render_template("portal/support/access_ended.html", applicant=applicant or worker), 403
    acting.start_acting(applicant.id)
    record_event(
        db.session,
        actor=worker,
        on_behalf_of=applicant,
        action="helper.started",
        subject_type="user",
        subject_id=applicant.id,
        details={"consent": consent.id},
    )
    db.commit()
    notices.tell_applicant(db.session, applicant, worker, ["helper.started"])
    going = request.form.get("to")
    if going == "homes":
        return redirect(url_for("homes.index"))
    if going == "bids":
        return redirect(url_for("homes.bids"))
    return redirect(url_for("apply.index"))


@bp.post("/stop-helping")
@roles_required(Role.SUPPORT_WORKER, *OFFICER_ROLES)
def stop_helping() -> Response:
    found = acting.current_acting()
    chosen = acting.acting_applicant_id()
    acting.stop_acting()
    if found is not None and found.by_someone_else:
        record_event(
            db.session,
            actor=found.actor,
            on_behalf_of=found.applicant,
            action="helper.stopped",
            subject_type="user",
            subject_id=found.applicant.id,
        )
        db.commit()
    if acting.current_user_record().role in OFFICER_ROLES and chosen is not None:
        application = application_for(db.session, chosen)
        if application is not None:
            return redirect(url_for("officer_review.case_help", application_id=application.id))
        return redirect(url_for("officer_review.dashboard"))
    return redirect(url_for("support.dashboard"))


def acting_banner() -> dict[str, Any] | None:
    """What the banner says while someone acts for an applicant; None otherwise."""
    if request.endpoint in (None, "static"):
        return None
    found = acting.current_acting()
    if found is None or not found.by_someone_else:
        return None
    application = application_for(db.session, found.applicant.id)
    return {
        "name": found.applicant.full_name,
        "reference": application.reference if application else None,
        "can": [CAN_WORDS[scope]() for scope in Scope if found.may(scope)],
    }


def _mark_start() -> None:
    """Before a helper's form is handled: note where the audit trail ends, to find what the page writes."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or acting.scopes_of(view) is None:
        return  # only the applicant's own pages act for them; a worker's own pages do not
    found = acting.current_acting()
    if found is not None and found.by_someone_else:
        g.audit_mark = db.session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0)))


def _record_after(response: Response) -> Response:
    """After a helper's form was accepted (the page moved on): make sure it is on record, and tell the applicant."""
    mark = g.pop("audit_mark", None)
    if mark is None or not 300 <= response.status_code < 400:
        return response
    found = acting.current_acting()
    if found is None:
        return response
    query = select(AuditEvent).where(AuditEvent.id > mark, AuditEvent.actor_id == found.actor.id)
    written = list(db.session.scalars(query))
    for event in written:
        if event.on_behalf_of_id is None:
            event.on_behalf_of_id = found.applicant.id
    if not written:
        record_event(
            db.session,
            actor=found.actor,
            on_behalf_of=found.applicant,
            action="helper.changed",
            subject_type="user",
            subject_id=found.applicant.id,
            details={"endpoint": request.endpoint or "", "path": request.path},
        )
    db.commit()
    told = [event.action for event in written if event.action in TELL_APPLICANT]
    if told:
        notices.tell_applicant(db.session, found.applicant, found.actor, told)
    return response


def init_app(app: Flask) -> None:
    app.before_request(_mark_start)
    app.after_request(_record_after)
    app.jinja_env.globals["acting_banner"] = acting_banner
