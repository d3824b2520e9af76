"""The assessment: findings, the engine's proposal, and the officer's confirmations and overrides.

The page shows what the rules propose for each field of the decision, beside
the facts they read and every reason they give. The officer records their
findings, confirms or changes each field and ticks the checklist. "Save as
draft" keeps everything; "Save and continue" also checks it all and goes on
to the determination when it is complete. The first save opens the
assessment, which moves the case to "being assessed".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import flash, redirect, render_template, request, url_for

from officer_review.assessment_facts import facts_by_field
from officer_review.assessment_forms import AssessmentBase, assessment_form, initial_data, shown_value
from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import decisions
from portal.data.application_models import Application
from portal.data.decision_models import CaseAssessment
from portal.extensions import db
from portal.options.council_config import current_scheme
from portal.rules.determination.findings import FINDING_FLAGS
from portal.rules.determination.proposal import FIELD_LABELS, FIELDS
from portal.rules.determination.settle import Settled

TITLE = "Assessment"


def today() -> dt.date:
    return dt.date.today()


def conflict_page(application: Application, page: str, endpoint: str) -> tuple[str, int]:
    """What an officer sees when someone else changed the case first: nothing of theirs was saved."""
    db.rollback()
    return render_template(
        "officer_review/case/conflict.html",
        title="Someone else changed this case",
        case=case_header(application),
        page=page,
        reload_url=url_for(endpoint, application_id=application.id),
    ), 409


def _page(
    application: Application,
    form: AssessmentBase,
    worked: decisions.CaseProposal,
    assessment: CaseAssessment | None,
) -> str:
    proposal = worked.proposal
    form.show_proposal({name: proposal.fields[name].value for name in FIELDS})
    return render_template(
        "officer_review/case/assessment.html",
        title=TITLE,
        case=case_header(application),
        form=form,
        assessment=assessment,
        fields=FIELDS,
        labels=FIELD_LABELS,
        proposal=proposal,
        shown={name: shown_value(name, proposal.fields[name].value) for name in FIELDS},
        facts=facts_by_field(worked.case, application),
        checklist=worked.checklist,
        finding_flags=FINDING_FLAGS,
    )


def _closed_page(application: Application) -> str:
    return render_template(
        "officer_review/case/assessment.html",
        title=TITLE,
        case=case_header(application),
        form=None,
        not_assessable=True,
    )


@bp.route("/cases/<int:application_id>/assessment", methods=["GET", "POST"])
@officer_required
def case_assessment(application_id: int) -> Any:
    application = open_case(application_id)
    assessment = decisions.current_assessment(db.session, application)
    if assessment is None and not decisions.can_assess(application):
        return _closed_page(application)
    day = today()
    findings = decisions.starting_findings(db.session, application, assessment)
    worked = decisions.proposal_for(db.session, application, findings, day, scheme=current_scheme())
    if request.method == "POST":
        return _save(application, assessment, worked, day)
    kept = assessment.confirmations if assessment is not None else {}
    ticked = assessment.checklist if assessment is not None else []
    version = assessment.version if assessment is not None else 0
    form = assessment_form(day, worked.checklist, data=initial_data(worked.findings, kept or {}, ticked or [], version))
    return _page(application, form, worked, assessment)


def _save(
    application: Application, assessment: CaseAssessment | None, worked: decisions.CaseProposal, day: dt.date
) -> Any:
    form = assessment_form(day, worked.checklist)
    if not form.validate_on_submit():
        return _page(application, form, worked, assessment)
    officer = acting_officer()
    expected = form.expected_version()
    findings = form.findings()
    try:
        if expected is None or (assessment is None) != (expected == 0):
            raise decisions.CaseChanged("The assessment was opened or changed by someone else.")
        if assessment is None:
            assessment = decisions.open_assessment(db.session, application, officer)
            expected = assessment.version
        worked = decisions.proposal_for(db.session, application, findings, day, scheme=current_scheme())
        decisions.save_assessment(
            db.session,
            assessment,
            officer=officer,
            expected_version=expected,
            findings=findings,
            confirmations=form.confirmations(),
            checklist=form.ticked(worked.checklist),
        )
    except decisions.CaseChanged:
        return conflict_page(application, "assessment", "officer_review.case_assessment")
    except decisions.NotAssessable:
        db.rollback()
        return _closed_page(application)
    db.commit()
    if not form.decide.data:
        flash("Assessment saved as a draft.", "success")
        return redirect(url_for("officer_review.case_assessment", application_id=application.id))
    worked, result = decisions.settle_assessment(db.session, application, assessment, day, scheme=current_scheme())
    if isinstance(result, Settled):
        return redirect(url_for("officer_review.case_determination", application_id=application.id))
    form.version.data = str(assessment.version)
    form.add_problems(result, form.confirmations())
    return _page(application, form, worked, assessment)
