"""The applicant's decisions: the letters, their PDFs, and asking for a review.

Every decision is found through ``decision_for_user``, so an applicant only
ever sees their own (anyone else's is a 404).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SubmitField

from portal.apply import flow
from portal.apply.fields import TextAreaField
from portal.apply.routes import bp
from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import reviews
from portal.data.accounts import get_user
from portal.data.application_models import Application
from portal.data.decision_models import Decision
from portal.data.decisions import decision_for_user, decisions_for, review_behind
from portal.extensions import db
from portal.forms import PortalForm
from portal.i18n import LANGUAGES, allowed_locales, current_locale_code, text_direction
from portal.letters.decision_letter import letter_body, letter_for, pdf_filename
from portal.notify import email_applicant, email_helpers
from portal.rules.support.scopes import Scope
from portal.storage import InvalidKey, StoredFileMissing, file_store
from portal.widgets import SubmitInput

#: What each kind of decision is called.
KIND_NAMES = {
    "initial": _l("Our decision"),
    "reassessment": _l("Our new decision after a change"),
    "review": _l("Our decision after looking again"),
}
#: What we decided, in a few words (the letter gives the reasons).
OUTCOME_NAMES = {
    "joins": _l("You can join the housing register"),
    "not_eligible": _l("You cannot join the housing register at the moment"),
    "does_not_qualify": _l("You cannot join the housing register at the moment"),
}
REVIEW_OUTCOME_NAMES = {
    "upheld": _l("We looked again and did not change our decision."),
    "changed": _l("We looked again and changed our decision."),
}
LANGUAGE_NAMES = {language.code: language.native_name for language in LANGUAGES}


class ReviewRequestForm(PortalForm):
    reasons = TextAreaField(
        _l("Why do you think our decision is wrong?"),
        required=_l("Tell us why you think our decision is wrong"),
        max_length=reviews.REASONS_LENGTH,
        too_long=_l("Your answer must be %(max)d characters or fewer"),
        description=_l(
            "Tell us in your own words. If you have letters or other papers that help show this, you can send them to us too."
        ),
    )
    submit = SubmitField(_l("Ask us to look again"), widget=SubmitInput())


def review_weeks() -> int:
    return int(current_app.config.get("REVIEW_DECISION_WEEKS", 8))


def _decision_or_404(decision_id: int) -> tuple[Decision, Application]:
    decision = decision_for_user(db.session, acting.applicant_id(), decision_id)
    if decision is None:
        abort(404)
    application = db.session.get(Application, decision.application_id)
    if application is None or application.user_id != acting.applicant_id():
        abort(404)
    return decision, application


def summary_of(decision: Decision, application: Application, today: dt.date) -> dict[str, Any]:
    """What the pages say about one decision: its names, its review, and whether a review can be asked for."""
    review = reviews.review_of(db.session, decision)
    made_on_review = review_behind(db.session, decision) if decision.kind == "review" else None
    return {
        "decision": decision,
        "kind_name": KIND_NAMES.get(decision.kind, KIND_NAMES["initial"]),
        "outcome_name": OUTCOME_NAMES.get(decision.outcome, ""),
        "review": review,
        "review_open": review is not None and review.status != "decided",
        "decide_by": reviews.decide_by(review, review_weeks()) if review is not None else None,
        # For a decision made on review: whether it kept or changed the first one.
        "review_outcome": REVIEW_OUTCOME_NAMES.get(made_on_review.outcome or "") if made_on_review else None,
        # For a decision that has been looked at again: the same, said of it.
        "looked_again": REVIEW_OUTCOME_NAMES.get(review.outcome or "") if review is not None else None,
        "can_ask": reviews.refusal(db.session, application, decision, today) is None,
        "letter_url": url_for("apply.decision", decision_id=decision.id),
        "review_url": url_for("apply.review_request", decision_id=decision.id),
    }


def decision_summaries(application: Application, today: dt.date) -> list[dict[str, Any]]:
    """Every decision on the application, newest first."""
    found = sorted(decisions_for(db.session, application), key=lambda d: (d.decided_at, d.id), reverse=True)
    return [summary_of(decision, application, today) for decision in found]


@bp.get("/decisions")
@for_applicant()
def decisions() -> Any:
    application = flow.sent_application(closed_too=True)
    if application is None:
        return redirect(url_for("apply.index"))
    return render_template(
        "portal/apply/decisions/list.html",
        title=_("Our decisions about your application"),
        application=application,
        summaries=decision_summaries(application, flow.today()),
        back_url=url_for("apply.status"),
    )


@bp.get("/decisions/<int:decision_id>")
@for_applicant()
def decision(decision_id: int) -> Any:
    found, application = _decision_or_404(decision_id)
    wanted = request.args.get("letter") or current_locale_code()
    letter = letter_for(db.session, found, wanted) if wanted in allowed_locales() else None
    if letter is None:
        letter = letter_for(db.session, found, "en")
    locales = [code for code in dict.fromkeys(("en", application.locale or "en", current_locale_code()))]
    letters = [code for code in locales if letter_for(db.session, found, code) is not None]
    return render_template(
        "portal/apply/decisions/decision.html",
        title=_("Your decision letter"),
        application=application,
        summary=summary_of(found, application, flow.today()),
        letter=letter,
        letter_html=letter_body(letter) if letter else None,
        letter_dir=text_direction(letter.locale) if letter else "ltr",
        other_letters=[code for code in letters if letter is None or code != letter.locale],
        pdfs=letters,
        language_names=LANGUAGE_NAMES,
        back_url=url_for("apply.decisions"),
    )


@bp.get("/decisions/<int:decision_id>/letter-<locale>.pdf")
@for_applicant()
def decision_pdf(decision_id: int, locale: str) -> Any:
    found, application = _decision_or_404(decision_id)
    letter = letter_for(db.session, found, locale) if locale in allowed_locales() else None
    if letter is None:
        abort(404)
    try:
        body = file_store(current_app).get(letter.pdf_key)
    except (StoredFileMissing, InvalidKey):
        abort(404)
    response = Response(body, content_type="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{pdf_filename(application, letter)}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _refused(found: Decision, application: Application, why: str) -> Any:
    summary = summary_of(found, application, flow.today())
    if why == reviews.ALREADY_ASKED and summary["review_open"]:
        return redirect(url_for("apply.review_sent", decision_id=found.id))
    latest = decision_summaries(application, flow.today())
    return render_template(
        "portal/apply/decisions/review_refused.html",
        title=_("You cannot ask us to look at this decision again"),
        why=why,
        summary=summary,
        latest=latest[0] if latest else None,
        application=application,
        back_url=url_for("apply.decision", decision_id=found.id),
    )


@bp.route("/decisions/<int:decision_id>/review", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def review_request(decision_id: int) -> Any:
    found, application = _decision_or_404(decision_id)
    today = flow.today()
    why = reviews.refusal(db.session, application, found, today)
    if why is not None:
        return _refused(found, application, why)
    form = ReviewRequestForm()
    if form.validate_on_submit():
        user = get_user(db.session, acting.applicant_id())
        assert user is not None
        try:
            review = reviews.request_review(
                db.session, application, found, applicant=user, reasons=form.reasons.cleaned, today=today
            )
        except reviews.ReviewNotAllowed as refused:
            db.rollback()
            return _refused(found, application, refused.why)
        db.commit()
        email_applicant(
            db.session,
            user,
            "review_requested",
            locale=None if acting.acting().by_someone_else else current_locale_code(),
            name=user.full_name,
            reference=application.reference,
            decide_by=reviews.decide_by(review, review_weeks()),
            link=current_app.config["BASE_URL"].rstrip("/") + url_for("apply.review_sent", decision_id=found.id),
            council=current_app.config["COUNCIL_NAME"],
        )
        email_helpers(db.session, user, update="review_requested")
        return redirect(url_for("apply.review_sent", decision_id=found.id))
    return render_template(
        "portal/apply/decisions/review_request.html",
        form=form,
        title=_("Ask us to look at our decision again"),
        application=application,
        summary=summary_of(found, application, today),
        weeks=review_weeks(),
        back_url=url_for("apply.decision", decision_id=found.id),
    )


@bp.get("/decisions/<int:decision_id>/review/sent")
@for_applicant()
def review_sent(decision_id: int) -> Any:
    found, application = _decision_or_404(decision_id)
    summary = summary_of(found, application, flow.today())
    if summary["review"] is None:
        return redirect(url_for("apply.decision", decision_id=found.id))
    return render_template(
        "portal/apply/decisions/review_sent.html",
        title=_("We have your request"),
        application=application,
        summary=summary,
    )
