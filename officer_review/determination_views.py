"""The final determination, with its decision letters.

The determination page sums up what will be decided from the saved
assessment. "Make this decision" records the decision, writes the letters
(English and the applicant's language, HTML and PDF), commits, then emails
the applicant. The form carries the versions of the case and of the
assessment the summary was made from: if either moved, the officer sees that
someone else changed the case, and nothing of theirs is saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for

from officer_review.assessment_forms import DeterminationForm, shown_value
from officer_review.assessment_views import conflict_page, today
from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import decisions
from portal.data.accounts import get_user
from portal.data.application_models import Application
from portal.data.applications import IllegalTransition
from portal.data.decision_models import CaseAssessment, Decision
from portal.extensions import db
from portal.letters import issue_letters, letter_body, letter_for, letter_locales, pdf_filename, send_decision_email
from portal.options.council_config import current_scheme
from portal.rules.casework.kinds import OUTCOMES
from portal.rules.determination.proposal import FIELD_LABELS, FIELDS
from portal.rules.determination.settle import Settled
from portal.storage import InvalidKey, StorageError, StoredFileMissing, file_store

REVIEW_REQUEST_DAYS = 21
KIND_LABELS = {"initial": "First decision", "reassessment": "Reassessment", "review": "Review decision"}
LANGUAGE_NAMES = {"en": "English", "pl": "Polish", "ro": "Romanian", "ar": "Arabic", "ur": "Urdu"}


def review_days() -> int:
    return int(current_app.config.get("REVIEW_REQUEST_DAYS", REVIEW_REQUEST_DAYS))


def kind_for(application: Application) -> str:
    """A first decision, or a reassessment of a case decided before."""
    return "reassessment" if decisions.latest_decision(db.session, application) is not None else "initial"


def _summary(settled: Settled) -> list[tuple[str, str]]:
    values = {
        "eligibility": settled.eligible,
        "qualification": settled.qualifies,
        "local_connection": settled.local_connection,
        "bedroom_need": settled.bedroom_need,
        "band": settled.band,
        "priority_date": settled.priority_date,
    }
    rows = [("Outcome", OUTCOMES.get(settled.outcome, settled.outcome))]
    rows += [(FIELD_LABELS[name], shown_value(name, values[name])) for name in FIELDS]
    rows.append(("Registration date", shown_value("priority_date", settled.registration_date)))
    return rows


def _reasons(settled: Settled) -> tuple[list[Any], list[tuple[str, str]]]:
    """The rules' sentences and the officer's own words, as the letter will give them."""
    from portal.apply.provisional import sentences_of

    kept = [reason for reason in settled.reasons if "message" in reason]
    officer = [
        (FIELD_LABELS.get(str(reason.get("field")), "Officer"), str(reason["officer"]))
        for reason in settled.reasons
        if reason.get("officer")
    ]
    return sentences_of(kept), officer


def _page(
    application: Application,
    assessment: CaseAssessment | None,
    result: Settled | tuple[Any, ...] | None,
    day: dt.date,
    form: DeterminationForm | None = None,
) -> str:
    settled = result if isinstance(result, Settled) else None
    if settled is not None and assessment is not None:
        form = form or DeterminationForm()
        form.version.data = str(application.version)
        form.assessment_version.data = str(assessment.version)
    sentences, officer_reasons = _reasons(settled) if settled else ([], [])
    kind = kind_for(application)
    return render_template(
        "officer_review/case/determination.html",
        title="Determination",
        case=case_header(application),
        assessment=assessment,
        settled=settled,
        problems=result if isinstance(result, tuple) else (),
        summary=_summary(settled) if settled else [],
        overrides=[
            (FIELD_LABELS.get(name, name), values) for name, values in (settled.overrides if settled else {}).items()
        ],
        sentences=sentences,
        officer_reasons=officer_reasons,
        kind=KIND_LABELS[kind],
        review_by=shown_value("priority_date", day + dt.timedelta(days=review_days())),
        languages=[LANGUAGE_NAMES.get(code, code) for code in letter_locales(application)],
        form=form if settled else None,
    )


@bp.route("/cases/<int:application_id>/determination", methods=["GET", "POST"])
@officer_required
def case_determination(application_id: int) -> Any:
    application = open_case(application_id)
    assessment = decisions.current_assessment(db.session, application)
    day = today()
    result = None
    if assessment is not None:
        _worked, result = decisions.settle_assessment(db.session, application, assessment, day, scheme=current_scheme())
    if request.method == "GET":
        return _page(application, assessment, result, day)
    form = DeterminationForm()
    if not form.validate_on_submit():
        return _page(application, assessment, result, day, form)
    versions = form.versions()
    if versions is None or assessment is None or assessment.version != versions[1]:
        return conflict_page(application, "determination", "officer_review.case_determination")
    if not isinstance(result, Settled):
        return _page(application, assessment, result, day)
    return _decide(application, assessment, result, versions[0], day)


def _decide(application: Application, assessment: CaseAssessment, settled: Settled, version: int, day: dt.date) -> Any:
    try:
        decision = decisions.record_decision(
            db.session,
            application,
            officer=acting_officer(),
            expected_version=version,
            settled=settled,
            kind=kind_for(application),
            assessment=assessment,
            review_days=review_days(),
            today=day,
        )
        issue_letters(db.session, decision, application, store=file_store(current_app))
    except (decisions.CaseChanged, IllegalTransition):
        return conflict_page(application, "determination", "officer_review.case_determination")
    db.commit()
    if send_decision_email(db.session, application):
        flash("Decision made. We have emailed the applicant to say their letter is ready.", "success")
    else:
        flash("Decision made, but the email to the applicant could not be sent. Contact them another way.", "error")
    return redirect(url_for("officer_review.case_decisions", application_id=application.id))


@bp.get("/cases/<int:application_id>/decisions")
@officer_required
def case_decisions(application_id: int) -> str:
    application = open_case(application_id)
    found = list(reversed(decisions.decisions_for(db.session, application)))
    rows = []
    for decision in found:
        decider = get_user(db.session, decision.decided_by_id) if decision.decided_by_id else None
        rows.append(
            {
                "decision": decision,
                "kind": KIND_LABELS.get(decision.kind, decision.kind),
                "outcome": OUTCOMES.get(decision.outcome, decision.outcome),
                "band": shown_value("band", decision.band),
                "bedroom_need": shown_value("bedroom_need", decision.bedroom_need),
                "priority_date": shown_value("priority_date", decision.priority_date),
                "review_by": shown_value("priority_date", decision.review_by) if decision.review_by else "No review",
                "decided_by": decider.full_name if decider else "Unknown",
                "overrides": [
                    (FIELD_LABELS.get(name, name), values) for name, values in (decision.overrides or {}).items()
                ],
                "letters": [
                    (letter.locale, LANGUAGE_NAMES.get(letter.locale, letter.locale))
                    for letter in decisions.letters_for(db.session, decision)
                ],
            }
        )
    assessment = decisions.current_assessment(db.session, application)
    return render_template(
        "officer_review/case/decisions.html",
        title="Decisions and letters",
        case=case_header(application),
        rows=rows,
        assessment=assessment,
    )


def _letter_or_404(application: Application, decision_id: int, locale: str) -> tuple[Decision, Any]:
    decision = decisions.decision_of(db.session, application, decision_id)
    letter = letter_for(db.session, decision, locale) if decision is not None else None
    if decision is None or letter is None:
        abort(404)
    return decision, letter


@bp.get("/cases/<int:application_id>/decisions/<int:decision_id>/letter/<locale>")
@officer_required
def case_letter(application_id: int, decision_id: int, locale: str) -> str:
    application = open_case(application_id)
    decision, letter = _letter_or_404(application, decision_id, locale)
    return render_template(
        "officer_review/case/letter.html",
        title="Decision letter",
        case=case_header(application),
        decision=decision,
        letter=letter,
        language=LANGUAGE_NAMES.get(letter.locale, letter.locale),
        body=letter_body(letter),
    )


@bp.get("/cases/<int:application_id>/decisions/<int:decision_id>/letter/<locale>.pdf")
@officer_required
def case_letter_pdf(application_id: int, decision_id: int, locale: str) -> Response:
    application = open_case(application_id)
    _decision, letter = _letter_or_404(application, decision_id, locale)
    try:
        data = file_store(current_app).get(letter.pdf_key)
    except (StoredFileMissing, InvalidKey, StorageError):
        abort(404)
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{pdf_filename(application, letter)}"'
    response.headers["Cache-Control"] = "no-store"
    return response
