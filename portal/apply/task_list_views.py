"""The start page, the task list and each section's check answers page."""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response
from wtforms import SubmitField

from portal.apply import flow
from portal.apply.fields import ChoiceField
from portal.apply.prefill import prefill
from portal.apply.questions_views import exit_this_page
from portal.apply.routes import bp
from portal.apply.section_list import SECTIONS
from portal.apply.sections import status_of
from portal.apply.summary import summarise
from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import applications as data
from portal.data.accounts import get_user
from portal.data.options import options_answers_for
from portal.extensions import db, limiter
from portal.forms import PortalForm
from portal.options.question_forms import form_with
from portal.widgets import SubmitInput

COMPLETE_CHOICES = (("yes", _l("Yes, I have finished this section")), ("no", _l("No, I will come back to it later")))


class StartForm(PortalForm):
    submit = SubmitField(_l("Start your application"), widget=SubmitInput())


def task_rows(application: Any) -> list[dict[str, Any]]:
    facts = data.facts_of(application)
    rows = []
    for section in SECTIONS:
        status = status_of(section, facts, flow.area(), flow.today(), application.completed_sections or [])
        if status != "completed" and section.key in (application.prefilled_sections or []):
            status = "check"
        rows.append(
            {
                "section": section,
                "title": str(section.title),
                "status": status,
                "url": url_for("apply.section_start", section=section.slug),
            }
        )
    return rows


@bp.get("/")
@for_applicant()
def index() -> Any:
    application = data.open_application_for(db.session, acting.applicant_id())
    if application is None:
        return render_template(
            "portal/apply/start.html",
            form=StartForm(),
            title=_("Apply to join the housing register"),
            closed=data.application_for(db.session, acting.applicant_id()),
        )
    if application.stage != "draft":
        return redirect(url_for("apply.status"))
    rows = task_rows(application)
    done = sum(1 for row in rows if row["status"] == "completed")
    required = [row for row in rows if not row["section"].optional]
    return render_template(
        "portal/apply/task_list.html",
        title=_("Your application"),
        rows=rows,
        done=done,
        total=len(rows),
        ready=all(row["status"] == "completed" for row in required),
        application=application,
    )


@bp.post("/start")
@for_applicant()
@limiter.limit("20 per hour")
def start() -> Response:
    form = StartForm()
    if form.validate_on_submit() and data.open_application_for(db.session, acting.applicant_id()) is None:
        user = get_user(db.session, acting.applicant_id())
        assert user is not None
        carried = session.get("housing_options") or options_answers_for(db.session, user.id) or {}
        data.start_application(db.session, user, answers=prefill(carried))
        db.commit()
    return redirect(url_for("apply.index"))


@bp.route("/<section>/check", methods=["GET", "POST"])
@for_applicant()
def check_section(section: str) -> Any:
    chosen = flow.section_by_slug(section)
    application = flow.current_draft()
    summary = summarise(chosen, data.facts_of(application), flow.area(), flow.today())
    form_class = form_with(
        {
            "complete": ChoiceField(
                _("Have you finished this section?"),
                COMPLETE_CHOICES,
                required=_("Select if you have finished this section"),
            )
        }
    )
    form = form_class() if not summary.gaps else None
    if form is not None and form.validate_on_submit():
        data.mark_section(application, chosen.key, complete=form.complete.data == "yes")
        db.commit()
        return redirect(url_for("apply.index"))
    if form is not None and not form.is_submitted():
        form.complete.data = "yes" if chosen.key in (application.completed_sections or []) else None
    return render_template(
        "portal/apply/check_section.html",
        title=_("Check your answers: %(section)s") % {"section": summary.title},
        summary=summary,
        form=form,
        continue_url=flow.onward(chosen, application, change=False),
        back_url=url_for("apply.index"),
        exit_this_page=exit_this_page(application, chosen),
    )
