"""The case page: the applicant, their household and answers, and what needs doing.

The answers are shown with the same building blocks as the applicant's
printable summary (``portal.apply.summary.summarise``), in English. Equality
monitoring answers are left out: they are never used to decide an application
and are kept apart from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from officer_review import queue_views
from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.case_forms import ConfirmForm
from officer_review.evidence_views import describe_items, evidence_counts, ready_to_assess
from officer_review.notes_views import describe_notes
from officer_review.routes import bp
from portal.apply import change_forms, flow
from portal.apply.provisional import sentences_of
from portal.apply.section_list import SECTIONS
from portal.apply.summary import summarise
from portal.auth.access import officer_required
from portal.data import accounts, case_notes, changes, evidence
from portal.data import applications as apps
from portal.data.application_models import Application
from portal.data.change_models import CircumstanceChange, ReassessmentTask
from portal.extensions import db
from portal.i18n import LANGUAGES

NOT_SHOWN_SECTIONS = frozenset({"equality"})
RECENT_NOTES = 3
RELATIONSHIPS = {
    "applicant": "Applicant",
    "partner": "Partner",
    "joint_applicant": "Joint applicant",
    "child": "Child",
    "parent": "Parent",
    "sibling": "Brother or sister",
    "other_relative": "Other relative",
    "other": "Someone else (a friend or carer)",
}
LIVES_WITH = {
    "yes": "Lives with the applicant",
    "moving_with": "Will move with the applicant",
    "no": "Lives somewhere else most of the time",
}
TASK_REASONS = {"child_birthday": "A child's birthday changes the bedroom need"}


def household(application: Application) -> list[dict[str, Any]]:
    rows = []
    for person in application.people:
        relationship = "applicant" if person.position == 0 else person.relationship_to_applicant
        lives = (person.answers or {}).get("lives_with_you")
        rows.append(
            {
                "name": person.full_name or "Name not given",
                "born": person.date_of_birth,
                "relationship": RELATIONSHIPS.get(relationship, relationship.replace("_", " ").capitalize()),
                "ni_number": person.ni_number or "None given",
                "lives": "" if person.position == 0 else LIVES_WITH.get(str(lives), "Not said"),
            }
        )
    return rows


def addresses(application: Application) -> list[dict[str, Any]]:
    """Every address, the current one first; an address was left when the next one was moved in to."""
    rows = []
    later_moved_in: dt.date | None = None
    for address in application.addresses:
        lines = [part for part in (address.line_1, address.line_2, address.town, address.postcode) if part]
        rows.append(
            {
                "lines": lines or ["No address given"],
                "current": address.position == 0 and address.moved_out is None,
                "moved_in": address.moved_in,
                "moved_out": address.moved_out or later_moved_in,
            }
        )
        later_moved_in = address.moved_in
    return rows


def contact_details(application: Application) -> list[tuple[str, str]]:
    applicant = accounts.get_user(db.session, application.user_id)
    known = application.applicant.answers or {}
    interpreter = "No"
    if known.get("interpreter") == "yes":
        interpreter = f"Yes: {known.get('interpreter_language') or 'language not given'}"
    languages = {language.code: language.english_name for language in LANGUAGES}
    return [
        ("Email", applicant.email if applicant else "No account"),
        ("Phone", str(known.get("phone") or "None given")),
        ("Needs an interpreter", interpreter if "interpreter" in known else "Not said"),
        ("Language of the application", languages.get(application.locale, application.locale)),
    ]


def provisional(application: Application) -> dict[str, Any] | None:
    kept = application.provisional or {}
    if not kept:
        return None
    as_at = kept.get("as_at")
    return {
        "eligible": kept.get("eligible"),
        "qualifies": kept.get("qualifies"),
        "band": kept.get("band"),
        "bedroom_need": kept.get("bedroom_need"),
        "as_at": dt.date.fromisoformat(as_at) if isinstance(as_at, str) else None,
        "sentences": sentences_of(kept.get("sentences") or []),
    }


def _change_rows(change: CircumstanceChange, facts: Mapping[str, Any]) -> list[tuple[str, str]]:
    details = change.details or {}
    if change.kind == "moving_out":
        return [("Who has moved out", str(details.get("full_name") or "Not known"))]
    form_class = change_forms.details_form(change.kind, facts, flow.area(), flow.today())
    return change_forms.summary_rows(form_class, details)


def _change_effect(preview: Mapping[str, Any]) -> list[str]:
    def band(value: Any) -> str:
        return f"Band {value}" if value else "no band"

    effect = []
    if "before_need" in preview:
        effect.append(f"Bedroom need: {preview.get('before_need')} before, {preview.get('after_need')} after.")
    if "before_band" in preview:
        effect.append(f"Band: {band(preview.get('before_band'))} before, {band(preview.get('after_band'))} after.")
    return effect


def changes_to_show(application: Application) -> list[dict[str, Any]]:
    facts = apps.facts_of(application)
    shown = []
    for change in changes.changes_to_handle(db.session, application):
        preview = change.preview or {}
        shown.append(
            {
                "change": change,
                "name": str(change_forms.KIND_NAMES.get(change.kind, change.kind)),
                "rows": _change_rows(change, facts) if change.kind in change_forms.KIND_NAMES else [],
                "effect": _change_effect(preview),
                "sentences": sentences_of(preview.get("sentences") or []),
            }
        )
    return shown


def _task_text(task: ReassessmentTask, names: Mapping[str, str]) -> str:
    details = task.details or {}
    reason = TASK_REASONS.get(task.reason, task.reason.replace("_", " ").capitalize())
    if task.reason == "child_birthday":
        people = details.get("people") or [details]
        turning = ", ".join(
            f"{names.get(str(person.get('person_id')), 'a child')} turns {person.get('age')}" for person in people
        )
        return f"{reason}: {turning}. Bedroom need {details.get('need_before')} now, {details.get('need_after')} after."
    return reason


def tasks_to_show(application: Application) -> list[dict[str, Any]]:
    names = {person.key: person.full_name for person in application.people}
    return [{"task": task, "text": _task_text(task, names)} for task in changes.open_tasks_for(db.session, application)]


def _assign_form(application: Application) -> Any:
    """The assign form of the queues' fragment, when that part of the officer area is there."""
    make = getattr(queue_views, "assign_form_for", None)
    return make(application) if make is not None else None


@bp.get("/cases/<int:application_id>")
@officer_required
def case(application_id: int) -> str:
    application = open_case(application_id)
    facts = apps.facts_of(application)
    items = evidence.evidence_items(db.session, application)
    has_assessment = "officer_review.case_assessment" in current_app.view_functions
    return render_template(
        "officer_review/case/overview.html",
        title="Case overview",
        case=case_header(application),
        application=application,
        household=household(application),
        addresses=addresses(application),
        contact=contact_details(application),
        summaries=[
            summarise(section, facts, flow.area(), flow.today(), editable=False)
            for section in SECTIONS
            if section.key not in NOT_SHOWN_SECTIONS
        ],
        evidence=describe_items(application, items),
        counts=evidence_counts(items),
        ready=ready_to_assess(application, items),
        provisional=provisional(application),
        assessment_url=url_for("officer_review.case_assessment", application_id=application.id)
        if has_assessment
        else None,
        changes=changes_to_show(application),
        tasks=tasks_to_show(application),
        notes=describe_notes(case_notes.notes_for(db.session, application, limit=RECENT_NOTES)),
        assign_form=_assign_form(application),
    )


def _case_url(application: Application) -> str:
    return url_for("officer_review.case", application_id=application.id)


@bp.post("/cases/<int:application_id>/changes/<int:change_id>/handled")
@officer_required
def case_change_handled(application_id: int, change_id: int) -> Response:
    application = open_case(application_id)
    change = changes.change_for_case(db.session, application, change_id)
    if change is None:
        abort(404)
    if ConfirmForm().validate_on_submit() and changes.mark_change_handled(db.session, change, officer=acting_officer()):
        db.commit()
        flash(f"{change_forms.KIND_NAMES.get(change.kind, change.kind)}: marked as dealt with.", "success")
    return redirect(_case_url(application))


@bp.post("/cases/<int:application_id>/tasks/<int:task_id>/done")
@officer_required
def case_task_done(application_id: int, task_id: int) -> Response:
    application = open_case(application_id)
    task = changes.task_for_case(db.session, application, task_id)
    if task is None:
        abort(404)
    if ConfirmForm().validate_on_submit() and changes.mark_task_done(db.session, task, officer=acting_officer()):
        db.commit()
        flash("Reassessment task marked as done.", "success")
    return redirect(_case_url(application))
