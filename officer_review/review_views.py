"""Reviews: requests for a review of a decision, assigned to a senior officer who did not make it.

Any officer may see the list and a review. Only a senior officer or an
administrator may take a review or give it to another; the reviewer decides it
on the decide page, which reuses the determination rules (``proposal_for``,
``settle``) with the decision under review as its starting point.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.review_forms import (
    AssignReviewForm,
    ReviewDecisionForm,
    TakeReviewForm,
    confirmations_from,
    set_checklist,
    starting_values,
)
from officer_review.routes import bp
from portal.apply.provisional import sentences_of
from portal.auth.access import officer_required, roles_required
from portal.auth.roles import Role
from portal.data import accounts, cases
from portal.data import reviews as review_data
from portal.data.application_models import Application
from portal.data.applications import IllegalTransition
from portal.data.decision_models import Decision, ReviewRequest
from portal.data.decisions import CaseChanged, CaseProposal, decision_of, proposal_for, record_decision
from portal.data.models import User
from portal.explanations import explain
from portal.extensions import db
from portal.letters.decision_letter import issue_letters, send_decision_email
from portal.options.council_config import current_scheme
from portal.rules.casework.kinds import FLAG_KINDS, OUTCOMES
from portal.rules.determination import FIELD_LABELS, FIELDS, Problem, Settled, settle
from portal.rules.determination.settle import in_words, sentences_json
from portal.storage import file_store

Page = str | Response
STATUS_NAMES = {"waiting": "Waiting for a reviewer", "assigned": "Being reviewed", "decided": "Decided"}
REVIEW_OUTCOME_NAMES = {"upheld": "Upheld: the decision stands", "changed": "Changed"}


def decision_weeks() -> int:
    return int(current_app.config.get("REVIEW_DECISION_WEEKS", 8))


def review_days() -> int:
    return int(current_app.config.get("REVIEW_REQUEST_DAYS", 21))


def shown(field: str, value: object) -> str:
    """A decided or proposed value in words for officers."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return in_words(value)
    if field == "band":
        return f"Band {value}"
    return str(value)


def decision_values(decision: Decision) -> dict[str, object]:
    return {
        "eligibility": decision.eligible,
        "qualification": decision.qualifies,
        "local_connection": decision.local_connection,
        "bedroom_need": decision.bedroom_need,
        "band": decision.band,
        "priority_date": decision.priority_date,
    }


def reason_lines(kept: Sequence[Mapping[str, Any]]) -> list[str]:
    """A decision's reasons as officers read them: the rules' sentences, then officers' own words."""
    lines = explain(sentences_of([item for item in kept if "message" in item]))
    for item in kept:
        if "officer" in item:
            field = str(item.get("field", ""))
            if field == "review":
                lines.append(f"Reviewer's summary: {item['officer']}")
            else:
                lines.append(f"{FIELD_LABELS.get(field, 'Officer')} (officer's reason): {item['officer']}")
    return lines


def letter_url(application: Application, decision: Decision) -> str | None:
    if "officer_review.case_letter" not in current_app.view_functions:
        return None
    return url_for("officer_review.case_letter", application_id=application.id, decision_id=decision.id, locale="en")


def _review_or_404(review_id: int) -> tuple[ReviewRequest, Application]:
    found = review_data.review_for_officer(db.session, review_id)
    if found is None:
        abort(404)
    return found, open_case(found.application_id)


def _person(user_id: int | None) -> User | None:
    return accounts.get_user(db.session, user_id) if user_id else None


@bp.get("/reviews")
@officer_required
def reviews() -> Page:
    officer = acting_officer()
    weeks = decision_weeks()
    rows = [
        {
            "row": row,
            "restricted": not cases.may_open(db.session, officer, row.application.id),
            "decide_by": review_data.decide_by(row.review, weeks),
            "status": STATUS_NAMES.get(row.review.status, row.review.status),
        }
        for row in review_data.open_reviews(db.session)
    ]
    return render_template("officer_review/reviews/list.html", title="Review requests", rows=rows)


def _refusal_for(review: ReviewRequest, person: User) -> str | None:
    """Why this person cannot take the review, in words, or None when they can."""
    if person.role not in review_data.REVIEWER_ROLES:
        return "Only a senior officer or an administrator can review a decision."
    if review_data.decision_under_review(db.session, review).decided_by_id == person.id:
        return "You made the decision under review, so you cannot review it. Ask another senior officer to take it."
    return None


def _assign(found: ReviewRequest, officer: User, take: TakeReviewForm, assign: AssignReviewForm) -> Any:
    """Handle a posted 'assign to me' or 'assign to another'; returns the form with errors, or a redirect."""
    if officer.role not in review_data.REVIEWER_ROLES:
        abort(403)
    action = request.form.get("action")
    if action == "take":
        if not take.validate_on_submit():
            return take
        reviewer: User | None = officer
        posted: Any = take
    elif action == "assign":
        if not assign.validate_on_submit():
            return assign
        reviewer = _person(int(assign.reviewer.data))
        posted = assign
    else:
        abort(400)
    try:
        if reviewer is None:
            raise review_data.ReviewerNotAllowed("Choose a senior officer who did not make the decision")
        review_data.assign_reviewer(db.session, found, reviewer, by=officer)
    except review_data.ReviewerNotAllowed as refused:
        db.rollback()
        message = (_refusal_for(found, officer) if action == "take" else None) or str(refused)
        (posted.submit if action == "take" else posted.reviewer).errors = [message]
        return posted
    db.commit()
    flash("You are now the reviewer" if reviewer is officer else f"Review assigned to {reviewer.full_name}", "success")
    return redirect(url_for("officer_review.review", review_id=found.id))


@bp.route("/reviews/<int:review_id>", methods=["GET", "POST"])
@officer_required
def review(review_id: int) -> Page:
    officer = acting_officer()
    found, application = _review_or_404(review_id)
    original = review_data.decision_under_review(db.session, found)
    take, assign = TakeReviewForm(), AssignReviewForm()
    assign.reviewer.choices = [SelectChoice("", "Choose a senior officer")] + [
        SelectChoice(str(person.id), person.full_name) for person in review_data.possible_reviewers(db.session, found)
    ]
    posted = None
    if request.method == "POST":
        if found.status == "decided":
            return redirect(url_for("officer_review.review", review_id=found.id))
        result = _assign(found, officer, take, assign)
        if isinstance(result, Response):
            return result
        posted = result
    made_on_review = decision_of(db.session, application, found.outcome_decision_id or 0)
    return render_template(
        "officer_review/reviews/review.html",
        title="Review request",
        case=case_header(application),
        flag_labels=FLAG_KINDS,
        review=found,
        form=posted,
        take=take,
        assign=assign,
        original=original,
        original_values=decision_values(original),
        original_reasons=reason_lines(original.reasons or []),
        decided_by=_person(original.decided_by_id),
        reviewer=_person(found.reviewer_id),
        refusal=_refusal_for(found, officer),
        is_reviewer=found.reviewer_id == officer.id,
        status=STATUS_NAMES.get(found.status, found.status),
        decide_by=review_data.decide_by(found, decision_weeks()),
        outcome_name=REVIEW_OUTCOME_NAMES.get(found.outcome or ""),
        made_on_review=made_on_review,
        letter_url=letter_url(application, original),
        review_letter_url=letter_url(application, made_on_review) if made_on_review else None,
        outcomes=OUTCOMES,
        field_labels=FIELD_LABELS,
        fields=FIELDS,
        shown=shown,
    )


def _attach(form: ReviewDecisionForm, problems: Sequence[Problem], confirmations: Mapping[str, Any]) -> None:
    """Show each problem from settle beside the part of the form it is about."""
    for problem in problems:
        name = problem.field
        if name in FIELDS:
            given = confirmations.get(name)
            missing_reason = given is not None and given.overridden and not given.reason
            target = form[f"{name}_reason"] if missing_reason else form[name]
        elif name == "checklist":
            target = form.checklist
        else:  # a finding of the decision under review (its award or duty date): it is shown with the request
            target = form.summary
        if not isinstance(target.errors, list):
            target.errors = []
        if not target.errors:  # a box that cannot be read already says so
            target.errors.append(problem.message)


def _record(
    application: Application, found: ReviewRequest, officer: User, settled: Settled, expected: int, today: dt.date
) -> Decision:
    decision = record_decision(
        db.session,
        application,
        officer=officer,
        expected_version=expected,
        settled=settled,
        kind="review",
        review_days=review_days(),
        today=today,
    )
    review_data.complete_review(db.session, found, reviewer=officer, decision=decision)
    issue_letters(db.session, decision, application, store=file_store(current_app))
    return decision


def _expected_version(form: ReviewDecisionForm) -> int | None:
    try:
        return int(form.expected_version.data or "")
    except ValueError:
        return None


@bp.route("/reviews/<int:review_id>/decide", methods=["GET", "POST"])
@roles_required(Role.SENIOR_OFFICER, Role.ADMIN)
def review_decide(review_id: int) -> Page | tuple[str, int]:
    officer = acting_officer()
    found, application = _review_or_404(review_id)
    if found.status == "decided":
        flash("This review has already been decided.", "success")
        return redirect(url_for("officer_review.review", review_id=found.id))
    if found.reviewer_id != officer.id:
        abort(403)
    original = review_data.decision_under_review(db.session, found)
    today = dt.date.today()
    findings = review_data.findings_under_review(db.session, found)
    worked = proposal_for(db.session, application, findings, today, scheme=current_scheme(), leave_out=(original.id,))
    if request.method == "POST":
        form = ReviewDecisionForm()
    else:
        form = ReviewDecisionForm(data=starting_values(original))
        form.expected_version.data = str(application.version)
    set_checklist(form, worked.checklist)
    conflict = False
    if request.method == "POST":
        valid = form.validate_on_submit()
        # The rules' checks run even when a box is wrong, so every problem is shown at once.
        confirmations = confirmations_from(form, worked.proposal)
        ticked = form.checklist.data or []
        result = settle(worked.proposal, confirmations, ticked, worked.checklist, worked.findings, today=today)
        expected = _expected_version(form)
        if isinstance(result, tuple):
            _attach(form, result, confirmations)
        elif valid and expected is None:
            conflict = True
        elif valid and expected is not None:
            summary = {"officer": form.summary.cleaned, "field": "review"}
            settled = replace(result, reasons=(summary, *result.reasons))
            try:
                _record(application, found, officer, settled, expected, today)
            except (CaseChanged, IllegalTransition):
                db.rollback()
                conflict = True
            else:
                db.commit()
                if send_decision_email(db.session, application):
                    flash(
                        f"Review decided: the decision was {found.outcome}. We have emailed the applicant.", "success"
                    )
                else:
                    flash(
                        f"Review decided: the decision was {found.outcome}, but the email to the applicant could "
                        "not be sent. Contact them another way.",
                        "error",
                    )
                return redirect(url_for("officer_review.review", review_id=found.id))
    if conflict:
        form.expected_version.data = str(application.version)
    page = _decide_page(application, found, original, worked, form, conflict)
    return (page, 409) if conflict else page


def _decide_page(
    application: Application,
    found: ReviewRequest,
    original: Decision,
    worked: CaseProposal,
    form: ReviewDecisionForm,
    conflict: bool,
) -> str:
    proposal = worked.proposal
    values = decision_values(original)
    rows = [
        {
            "name": name,
            "label": FIELD_LABELS[name],
            "original": shown(name, values[name]),
            "proposed": shown(name, proposal.fields[name].value),
            "reasons": explain(sentences_of(sentences_json(proposal.fields[name].sentences))),
            "override": (original.overrides or {}).get(name),
        }
        for name in FIELDS
    ]
    return render_template(
        "officer_review/reviews/decide.html",
        title="Decide the review",
        case=case_header(application),
        flag_labels=FLAG_KINDS,
        review=found,
        original=original,
        original_outcome=OUTCOMES.get(original.outcome, original.outcome),
        original_reasons=reason_lines(original.reasons or []),
        rows=rows,
        form=form,
        conflict=conflict,
        back_url=url_for("officer_review.review", review_id=found.id),
    )
