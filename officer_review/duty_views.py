"""Duty referrals: any officer passes a complex enquiry to the duty officer, who takes it and records the advice.

A referral about a sensitive case is shown in full only to the officers named
on the case and to the officer who referred it; others see its reference only.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer
from officer_review.duty_forms import AdviceForm, DutyReferralForm, TakeReferralForm
from officer_review.queue_views import case_url, referral_rows, show_date
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import duty as data
from portal.data import queues
from portal.data.case_models import DutyReferral
from portal.data.models import User
from portal.extensions import db


@bp.get("/duty")
@officer_required
def duty() -> str:
    officer = acting_officer()
    waiting = data.describe(db.session, data.open_referrals(db.session))
    recent = data.describe(db.session, data.recent_referrals(db.session))
    return render_template(
        "officer_review/duty/index.html",
        title="Duty referrals",
        waiting=referral_rows(waiting, officer.id),
        recent=referral_rows(recent, officer.id),
        recent_days=data.RECENT_DAYS,
    )


@bp.route("/duty/new", methods=["GET", "POST"])
@officer_required
def duty_new() -> str | Response:
    officer = acting_officer()
    form = DutyReferralForm()
    if request.method == "GET" and not form.reference.data:
        form.reference.data = (request.args.get("reference") or "")[:20]
    if form.validate_on_submit():
        application = None
        if form.reference.data:
            application = data.sent_application_by_reference(db.session, form.reference.data)
            if application is None:
                form.reference.errors.append(  # type: ignore[attr-defined]
                    "There is no sent application with this reference. Check it, or leave it empty."
                )
        if not form.reference.errors:
            referral = data.refer(
                db.session,
                officer=officer,
                enquirer_name=form.enquirer_name.data or "",
                enquirer_contact=form.enquirer_contact.data or "",
                note=form.note.data or "",
                application=application,
            )
            db.commit()
            flash("The enquiry is with the duty officer.", "success")
            return redirect(url_for("officer_review.duty_referral", referral_id=referral.id))
    return render_template("officer_review/duty/new.html", title="Refer an enquiry to the duty officer", form=form)


def _referral_or_404(referral_id: int, officer: User) -> tuple[DutyReferral, bool]:
    """The referral, and whether its case is restricted for this officer (403 when they may not see it)."""
    referral = data.referral_by_id(db.session, referral_id)
    if referral is None:
        abort(404)
    restricted = bool(
        referral.application_id is not None
        and queues.restricted_among(db.session, {referral.application_id}, officer_id=officer.id)
    )
    if restricted and referral.referred_by_id != officer.id:
        abort(403)
    return referral, restricted


def _take(referral: DutyReferral, officer: User, form: TakeReferralForm) -> Response | None:
    if not form.validate_on_submit():
        return None
    try:
        data.take(db.session, referral, officer=officer)
    except data.AlreadyAdvised:
        flash("The advice for this referral has already been recorded.", "important")
        return redirect(url_for("officer_review.duty_referral", referral_id=referral.id))
    db.commit()
    flash("You have taken this referral. Record the advice you give.", "success")
    return redirect(url_for("officer_review.duty_referral", referral_id=referral.id))


def _advise(referral: DutyReferral, officer: User, form: AdviceForm) -> Response | None:
    if not form.validate_on_submit():
        return None
    try:
        data.record_advice(db.session, referral, officer=officer, advice=form.advice.data or "")
    except data.AlreadyAdvised:
        form.advice.errors.append("The advice for this referral has already been recorded.")  # type: ignore[attr-defined]
        return None
    except data.NotTaken:
        form.advice.errors.append(  # type: ignore[attr-defined]
            "Take this referral before you record the advice. Another officer may have taken it."
        )
        return None
    db.commit()
    flash(f"Advice recorded for referral {referral.id}.", "success")
    return redirect(url_for("officer_review.duty"))


@bp.route("/duty/<int:referral_id>", methods=["GET", "POST"])
@officer_required
def duty_referral(referral_id: int) -> str | Response:
    officer = acting_officer()
    referral, restricted = _referral_or_404(referral_id, officer)
    take_form = TakeReferralForm()
    advice_form = AdviceForm()
    if request.method == "POST":
        action = request.form.get("action")
        if action == "take":
            done = _take(referral, officer, take_form)
        elif action == "advise":
            done = _advise(referral, officer, advice_form)
        else:
            abort(400)
        if done is not None:
            return done
    (view,) = data.describe(db.session, [referral])
    return render_template(
        "officer_review/duty/referral.html",
        title=f"Duty referral {referral.id}",
        view=view,
        referral=referral,
        case=_case_link(view, restricted),
        referred=show_date(referral.referred_at),
        taken=show_date(referral.taken_at),
        advised=show_date(referral.advised_at),
        mine=referral.taken_by_id == officer.id,
        take_form=take_form,
        advice_form=advice_form,
        form=advice_form if advice_form.errors else take_form,
    )


def _case_link(view: data.ReferralView, restricted: bool) -> dict[str, Any] | None:
    if view.reference is None:
        return None
    return {
        "reference": view.reference,
        "restricted": restricted,
        "url": None if restricted else case_url(view.referral.application_id),
    }
