"""Work queues (the officer area's home page), search, and assigning a case to an officer.

The age of a case is counted in working days (Monday to Friday) since the
council received it. A case older than ``CASE_TARGET_WORKING_DAYS`` (20 by
default) is overdue: its row is shaded and says "Overdue" in words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.queue_forms import (
    ME,
    NOBODY,
    OVERDUE,
    AssignForm,
    QueueFilterForm,
    SearchForm,
    bedrooms_label,
    read_search,
    stage_label,
)
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import cases, queues
from portal.data import duty as duty_data
from portal.data.application_models import Application
from portal.data.queues import QUEUE_KINDS, CaseFilters, Deadlines, QueueRow
from portal.extensions import db
from portal.rules.casework.working_days import oldest_within, working_days_between
from portal.security import is_safe_local_path

TARGET_KEY = "CASE_TARGET_WORKING_DAYS"

#: Each queue's heading and what it holds, in the dashboard's order.
QUEUES: dict[str, tuple[str, str]] = {
    "new-submissions": ("New submissions", "Applications sent that no one has started on."),
    "awaiting-evidence": ("Awaiting evidence", "Cases waiting for documents from the applicant."),
    "ready-to-assess": (
        "Ready to assess",
        "Cases being assessed, and cases awaiting evidence that have nothing outstanding.",
    ),
    "changes": ("Changes of circumstances", "Changes applicants told us about that no one has dealt with."),
    "reassessment-tasks": ("Reassessment tasks", "Things that may change a band or bedroom need, such as a birthday."),
    "review-requests": ("Review requests", "Applicants asking for a decision to be looked at again."),
    "duty-referrals": ("Duty referrals", "Enquiries waiting for advice from the duty officer."),
}
assert set(QUEUES) == set(QUEUE_KINDS), "Every queue needs a heading"

CHANGE_LABELS = {
    "new_baby": "New baby",
    "moving_in": "Someone moving in",
    "moving_out": "Someone moving out",
    "new_address": "New address",
    "income": "Income or savings",
    "medical": "Health or disability",
}
TASK_LABELS = {"child_birthday": "A child's birthday changes the bedroom need"}
REVIEW_LABELS = {"waiting": "Waiting for a reviewer", "assigned": "With a reviewer"}
HEADINGS = {
    "cases": ("Case", "Stage", "Band", "Bedroom need", "Received", "Age", "Assigned to"),
    "changes": ("Case", "Change", "Sent", "Waiting", "Stage", "Band", "Assigned to"),
    "tasks": ("Case", "Task", "Due", "Stage", "Band", "Bedroom need", "Assigned to"),
    "reviews": ("Case", "Review", "Asked for", "Reviewer", "Stage", "Band", "Assigned to"),
}


def today() -> dt.date:
    return dt.date.today()


def target_days() -> int:
    try:
        return max(int(current_app.config.get(TARGET_KEY, 20)), 0)
    except (TypeError, ValueError):
        return 20


def deadlines() -> Deadlines:
    now = today()
    case_cutoff = oldest_within(now, target_days())
    weeks = review_weeks()
    midnight = dt.time(0, 0, tzinfo=dt.UTC)
    return Deadlines(
        today=now,
        case_cutoff=case_cutoff,
        change_cutoff=dt.datetime.combine(case_cutoff, midnight),
        review_cutoff=dt.datetime.combine(now - dt.timedelta(weeks=weeks), midnight),
    )


def show_date(day: dt.date | dt.datetime | None) -> str:
    """A date as officers read it: 3 Apr 2026."""
    return f"{day.day} {day:%b %Y}" if day else ""


def review_weeks() -> int:
    try:
        return max(int(current_app.config.get("REVIEW_DECISION_WEEKS", 8)), 0)
    except (TypeError, ValueError):
        return 8


def overdue_rule(kind: str) -> str:
    """What "Overdue" means in a queue of this kind."""
    if kind == "cases":
        return f"A case is overdue when it was received more than {target_days()} working days ago."
    if kind == "changes":
        return f"A change is overdue when it was sent more than {target_days()} working days ago."
    if kind == "tasks":
        return "A task is overdue when its due date has passed."
    return f"A review is overdue when it was asked for more than {review_weeks()} weeks ago."


def case_url(application_id: int | None) -> str | None:
    """The case's page, once it exists (another part of the officer area adds it)."""
    if application_id is None or "officer_review.case" not in current_app.view_functions:
        return None
    return url_for("officer_review.case", application_id=application_id)


def page_number() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and len(raw) < 9 else 1


def _age(start: dt.date | None, now: dt.date) -> str:
    if start is None:
        return ""
    days = working_days_between(start, now)
    return "1 working day" if days == 1 else f"{days} working days"


def _cell(text: Any, href: str | None = None, overdue: bool = False) -> dict[str, Any]:
    return {"text": "" if text is None else str(text), "href": href, "overdue": overdue}


def describe(kind: str, row: QueueRow, limits: Deadlines) -> dict[str, Any]:
    """A row of a queue table: its cells, and whether it is overdue or restricted."""
    if row.restricted:
        return {"restricted": True, "reference": row.reference, "overdue": False, "cells": []}
    overdue = queues.is_overdue(kind, row, limits)
    first = _cell(row.reference, case_url(row.application_id)) | {"name": row.name}
    band = f"Band {row.band}" if row.band is not None else "No band"
    bedrooms = bedrooms_label(row.bedroom_need) if row.bedroom_need is not None else "Not known"
    stage = stage_label(row.stage or "")
    assigned = row.assigned_name or "Nobody"
    if kind == "cases":
        age = _cell(_age(row.received_on, limits.today), overdue=overdue)
        cells = [first, stage, band, bedrooms, show_date(row.received_on), age, assigned]
    elif kind == "changes":
        waiting = _cell(_age(row.item_date, limits.today), overdue=overdue)
        change = CHANGE_LABELS.get(row.item_kind or "", stage_label(row.item_kind or ""))
        cells = [first, change, show_date(row.item_date), waiting, stage, band, assigned]
    elif kind == "tasks":
        task = TASK_LABELS.get(row.item_kind or "", stage_label(row.item_kind or ""))
        cells = [first, task, _cell(show_date(row.item_date), overdue=overdue), stage, band, bedrooms, assigned]
    else:
        status = REVIEW_LABELS.get(row.item_kind or "", stage_label(row.item_kind or ""))
        asked = _cell(show_date(row.item_date), overdue=overdue)
        cells = [first, status, asked, row.item_person or "Nobody yet", stage, band, assigned]
    return {
        "restricted": False,
        "overdue": overdue,
        "cells": [cell if isinstance(cell, dict) else _cell(cell) for cell in cells],
    }


def referral_rows(referrals: list[duty_data.ReferralView], officer_id: int) -> list[dict[str, Any]]:
    """Duty referrals as list rows. One about a restricted case shows its reference only, with no link, except to
    the officer who referred it."""
    ids = {view.referral.application_id for view in referrals if view.referral.application_id is not None}
    restricted = queues.restricted_among(db.session, ids, officer_id=officer_id)
    rows = []
    for view in referrals:
        referral = view.referral
        if referral.advised_at is not None:
            status = f"Advice given by {view.taken_by or 'a former officer'}"
        elif referral.taken_by_id is not None:
            status = f"Taken by {view.taken_by or 'a former officer'}"
        else:
            status = "Waiting for a duty officer"
        hidden = referral.application_id in restricted and referral.referred_by_id != officer_id
        rows.append(
            {
                "url": None if hidden else url_for("officer_review.duty_referral", referral_id=referral.id),
                "number": referral.id,
                "enquirer": None if hidden else referral.enquirer_name,
                "reference": view.reference,
                "restricted": hidden,
                "case_url": None if hidden else case_url(referral.application_id),
                "referred": show_date(referral.referred_at),
                "referred_by": view.referred_by or "a former officer",
                "status": status,
            }
        )
    return rows


@bp.get("/")
@officer_required
def dashboard() -> str:
    officer = acting_officer()
    counts = queues.queue_counts(db.session, officer_id=officer.id)
    listed = [
        {
            "name": name,
            "label": label,
            "description": description,
            "count": counts.get(name, 0),
            "url": url_for("officer_review.queue", name=name),
        }
        for name, (label, description) in QUEUES.items()
    ]
    return render_template(
        "officer_review/dashboard.html",
        title="Work queues",
        queues=listed,
        search_form=SearchForm(formdata=None),
        target=target_days(),
    )


def filters_from(form: QueueFilterForm, officer_id: int) -> CaseFilters:
    """The valid filters (a value that is not valid is left out, and the form says why)."""
    band, bedrooms, assigned = form.clean("band"), form.clean("bedroom_need"), form.clean("assigned")
    who: int | str | None = None
    if assigned == ME:
        who = officer_id
    elif assigned == NOBODY:
        who = queues.NOBODY
    elif assigned is not None:
        who = int(assigned)
    return CaseFilters(
        band=int(band) if band else None,
        bedroom_need=int(bedrooms) if bedrooms else None,
        stage=form.clean("stage"),
        assigned=who,  # type: ignore[arg-type]
        overdue=form.clean("age") == OVERDUE,
    )


def caption(kind: str, total: int, filtered: bool) -> str:
    """What the table holds: "3 cases", "1 item matches the filters"."""
    noun = ("case" if kind == "cases" else "item") + ("" if total == 1 else "s")
    if not filtered:
        return f"{total} {noun}"
    return f"{total} {noun} {'matches' if total == 1 else 'match'} the filters"


def page_links(endpoint: str, result: queues.Page, **values: Any) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the filters."""
    args = {key: value for key, value in request.args.items() if key != "page" and value}

    def link(number: int) -> str:
        return url_for(endpoint, **values, **args, page=number)

    return {
        "previous": link(result.page - 1) if result.page > 1 else None,
        "next": link(result.page + 1) if result.page < result.pages else None,
    }


@bp.get("/queues/<name>")
@officer_required
def queue(name: str) -> str:
    kind = QUEUE_KINDS.get(name)
    if kind is None:
        abort(404)
    label, description = QUEUES[name]
    if kind == "duty":
        referrals = duty_data.describe(db.session, duty_data.open_referrals(db.session))
        return render_template(
            "officer_review/queues/duty.html",
            title=label,
            description=description,
            referrals=referral_rows(referrals, acting_officer().id),
        )
    officer = acting_officer()
    form = QueueFilterForm(formdata=request.args, officers=queues.assignable_officers(db.session))
    form.validate()
    filters = filters_from(form, officer.id)
    limits = deadlines()
    result = queues.queue_page(
        db.session, name, officer_id=officer.id, filters=filters, deadlines=limits, page=page_number()
    )
    return render_template(
        "officer_review/queues/queue.html",
        title=label,
        description=description,
        form=form,
        filtered=filters.active or filters.overdue,
        headings=HEADINGS[kind],
        rows=[describe(kind, row, limits) for row in result.rows],
        caption=caption(kind, result.total, filters.active or filters.overdue),
        result=result,
        pages=page_links("officer_review.queue", result, name=name),
        rule=overdue_rule(kind),
        queue_name=name,
    )


@bp.get("/search")
@officer_required
def search() -> str:
    officer = acting_officer()
    form = SearchForm(formdata=request.args)
    searched = bool((request.args.get("q") or "").strip()) and form.validate()
    result, problems, rows = None, [], []
    if searched:
        terms, problems = read_search(form.q.data or "")
        result = queues.search_cases(db.session, terms, officer_id=officer.id, page=page_number())
        for row in result.rows:
            rows.append(
                {
                    "row": row,
                    "url": case_url(row.application_id),
                    "stage": stage_label(row.stage or ""),
                    "born": show_date(row.date_of_birth),
                }
            )
    return render_template(
        "officer_review/queues/search.html",
        title="Search for a case",
        form=form,
        result=result,
        rows=rows,
        problems=problems,
        pages=page_links("officer_review.search", result) if result else None,
    )


def assign_form_for(application: Application, next_path: str | None = None) -> AssignForm:
    """The assign form for a case page (``templates/officer_review/queues/_assign_form.html``)."""
    form = AssignForm(formdata=None, officers=queues.assignable_officers(db.session))
    handling = cases.read_handling(db.session, application.id)
    if handling is not None and handling.assigned_officer_id is not None:
        form.assign_officer.data = str(handling.assigned_officer_id)
    form.assign_next.data = next_path or ""
    return form


def _back_to(application: Application, next_path: str | None) -> str:
    if next_path and is_safe_local_path(next_path):
        return next_path
    return case_url(application.id) or url_for("officer_review.dashboard")


@bp.post("/cases/<int:application_id>/assign")
@officer_required
def case_assign(application_id: int) -> str | Response:
    application = open_case(application_id)
    officer = acting_officer()
    form = AssignForm(officers=queues.assignable_officers(db.session))
    if form.validate_on_submit():
        chosen = form.chosen(officer)
        restricted = (
            chosen is not None
            and cases.is_sensitive(db.session, application.id)
            and not cases.is_named(db.session, application.id, chosen.id)
        )
        if restricted:
            form.assign_officer.errors.append(
                "This is a sensitive case. Assign it only to an officer named on it."  # type: ignore[attr-defined]
            )
        else:
            cases.assign(db.session, application, officer=chosen, by=officer)
            db.commit()
            return redirect(_back_to(application, form.assign_next.data))
    return render_template(
        "officer_review/queues/assign.html",
        title="Assign this case",
        case=case_header(application),
        form=form,
        assign_form=form,
    )
