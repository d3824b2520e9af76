"""Referrals to partner teams and agencies."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.routes import bp
from officer_review.safeguarding_forms import OutcomeForm, ReferralForm
from portal.auth.access import officer_required
from portal.data import referrals
from portal.data.accounts import users_by_id
from portal.extensions import db
from portal.rules.casework.kinds import FLAG_KINDS, PARTNERS


@bp.route("/cases/<int:application_id>/referrals", methods=["GET", "POST"])
@officer_required
def case_referrals(application_id: int) -> str | Response:
    application = open_case(application_id)
    form = ReferralForm()
    if form.validate_on_submit():
        assert form.referred_on.date is not None
        referrals.make_referral(
            db.session,
            application,
            officer=acting_officer(),
            partner=form.partner.data,
            contact=form.contact.data,
            reason=form.reason.data,
            referred_on=form.referred_on.date,
        )
        db.commit()
        flash(f"Referral to {PARTNERS[form.partner.data]} saved", "success")
        return redirect(url_for("officer_review.case_referrals", application_id=application.id))
    made = referrals.referrals_for(db.session, application.id)
    return render_template(
        "officer_review/case/referrals.html",
        case=case_header(application),
        flag_labels=FLAG_KINDS,
        partners=PARTNERS,
        referrals=made,
        people=users_by_id(db.session, [referral.referred_by_id for referral in made]),
        form=form,
    )


@bp.route("/cases/<int:application_id>/referrals/<int:referral_id>", methods=["GET", "POST"])
@officer_required
def case_referral(application_id: int, referral_id: int) -> str | Response:
    application = open_case(application_id)
    referral = referrals.referral_of(db.session, application.id, referral_id)
    if referral is None:
        abort(404)
    form = OutcomeForm(data={"outcome": referral.outcome or "", "outcome_on": referral.outcome_on})
    if form.validate_on_submit():
        assert form.outcome_on.date is not None
        if form.outcome_on.date < referral.referred_on:
            form.outcome_on.errors = ["The date of the outcome must be on or after the date referred"]
        else:
            referrals.record_outcome(
                db.session,
                referral,
                officer=acting_officer(),
                outcome=form.outcome.data,
                outcome_on=form.outcome_on.date,
            )
            db.commit()
            flash("Outcome saved", "success")
            return redirect(url_for("officer_review.case_referrals", application_id=application.id))
    return render_template(
        "officer_review/case/referral.html",
        case=case_header(application),
        flag_labels=FLAG_KINDS,
        partners=PARTNERS,
        referral=referral,
        people=users_by_id(db.session, [referral.referred_by_id, referral.outcome_by_id]),
        form=form,
        back_url=url_for("officer_review.case_referrals", application_id=application.id),
    )
