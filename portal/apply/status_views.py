"""After sending: where the application stands, and a printable summary of every answer."""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, url_for
from flask_babel import gettext as _

from portal.apply import flow
from portal.apply.decision_views import decision_summaries
from portal.apply.routes import bp
from portal.apply.section_list import SECTIONS
from portal.apply.stage_wording import NEXT_STEPS, STAGE_NAMES, STAGE_TAGS
from portal.apply.summary import summarise
from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import applications as data
from portal.data.evidence import evidence_items, outstanding_count
from portal.extensions import db


@bp.get("/status")
@for_applicant()
def status() -> Any:
    application = flow.sent_application(closed_too=True)
    if application is None:
        return redirect(url_for("apply.index"))
    items = [item for item in evidence_items(db.session, application) if item.still_needed]
    return render_template(
        "portal/apply/status.html",
        title=_("Your housing register application"),
        application=application,
        stage_name=STAGE_NAMES[application.stage],
        stage_tag=STAGE_TAGS[application.stage],
        next_step=NEXT_STEPS[application.stage],
        history=[(change, STAGE_NAMES.get(change.to_stage, change.to_stage)) for change in application.status_changes],
        outstanding=outstanding_count(items),
        decisions=decision_summaries(application, flow.today()),
    )


@bp.get("/summary")
@for_applicant()
def summary() -> Any:
    application = data.application_for(db.session, acting.applicant_id())
    if application is None:
        return redirect(url_for("apply.index"))
    facts = data.facts_of(application)
    return render_template(
        "portal/apply/summary.html",
        title=_("Your application: all your answers"),
        application=application,
        summaries=[summarise(section, facts, flow.area(), flow.today(), editable=False) for section in SECTIONS],
        back_url=url_for("apply.status") if application.stage != "draft" else url_for("apply.index"),
    )
