"""Landlords and the nomination agreements of housing associations, with how each agreement is going."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for

from officer_review.advert_words import show_day
from officer_review.case_access import acting_officer
from officer_review.lettings_forms import AgreementForm, LandlordForm, LetsReportedForm
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import landlords
from portal.data.advert_models import Landlord, NominationAgreement
from portal.extensions import db
from portal.rules.lettings.kinds import LANDLORD_KINDS


def landlord_or_404(landlord_id: int) -> Landlord:
    landlord = landlords.landlord_by_id(db.session, landlord_id)
    if landlord is None:
        abort(404)
    return landlord


def agreement_or_404(landlord: Landlord, agreement_id: int) -> NominationAgreement:
    agreement = landlords.agreement_on_landlord(db.session, landlord.id, agreement_id)
    if agreement is None:
        abort(404)
    return agreement


def landlord_url(landlord: Landlord) -> str:
    return url_for("officer_review.landlord", landlord_id=landlord.id)


@bp.get("/lettings/landlords", endpoint="landlords")
@officer_required
def landlords_list() -> str:
    return render_template(
        "officer_review/lettings/landlords/index.html",
        title="Landlords",
        rows=[
            {"landlord": landlord, "url": landlord_url(landlord), "kind": LANDLORD_KINDS.get(landlord.kind, "")}
            for landlord in landlords.list_landlords(db.session)
        ],
    )


@bp.route("/lettings/landlords/new", methods=["GET", "POST"])
@officer_required
def landlord_new() -> Any:
    form = LandlordForm()
    if form.validate_on_submit():
        try:
            landlord = landlords.create_landlord(
                db.session,
                name=form.name.cleaned,
                kind=form.kind.data,
                email=form.email.cleaned,
                officer=acting_officer(),
            )
        except landlords.NameTaken:
            form.name.errors.append("There is already a landlord with this name")
        else:
            db.commit()
            flash(f"{landlord.name} is added.", "success")
            return redirect(landlord_url(landlord))
    page = render_template("officer_review/lettings/landlords/new.html", title="Add a landlord", form=form)
    return (page, 400) if form.errors else page


def _agreement_row(landlord: Landlord, agreement: NominationAgreement) -> dict[str, Any]:
    return {
        "agreement": agreement,
        "period": f"{show_day(agreement.starts_on)} to {show_day(agreement.ends_on)}",
        "progress": landlords.agreement_progress(db.session, agreement),
        "edit_url": url_for("officer_review.agreement_edit", landlord_id=landlord.id, agreement_id=agreement.id),
    }


@bp.get("/lettings/landlords/<int:landlord_id>")
@officer_required
def landlord(landlord_id: int) -> str:
    found = landlord_or_404(landlord_id)
    return render_template(
        "officer_review/lettings/landlords/landlord.html",
        title=found.name,
        landlord=found,
        kind=LANDLORD_KINDS.get(found.kind, found.kind),
        agreements=[_agreement_row(found, agreement) for agreement in landlords.agreements_for(db.session, found.id)],
    )


@bp.route("/lettings/landlords/<int:landlord_id>/agreements/new", methods=["GET", "POST"])
@officer_required
def agreement_new(landlord_id: int) -> Any:
    found = landlord_or_404(landlord_id)
    form = AgreementForm()
    if request.method == "GET" and not form.lets_reported.data:
        form.lets_reported.data = "0"
    if form.validate_on_submit():
        assert form.starts_on.date is not None and form.ends_on.date is not None  # checked by the form
        assert form.percent_owed.number is not None and form.lets_reported.number is not None
        landlords.create_agreement(
            db.session,
            found,
            starts_on=form.starts_on.date,
            ends_on=form.ends_on.date,
            percent_owed=form.percent_owed.number,
            lets_reported=form.lets_reported.number,
            officer=acting_officer(),
        )
        db.commit()
        flash("The nomination agreement is added.", "success")
        return redirect(landlord_url(found))
    page = render_template(
        "officer_review/lettings/landlords/agreement.html",
        title="Add a nomination agreement",
        landlord=found,
        form=form,
        agreement=None,
        back=landlord_url(found),
    )
    return (page, 400) if form.errors else page


@bp.route("/lettings/landlords/<int:landlord_id>/agreements/<int:agreement_id>/edit", methods=["GET", "POST"])
@officer_required
def agreement_edit(landlord_id: int, agreement_id: int) -> Any:
    found = landlord_or_404(landlord_id)
    agreement = agreement_or_404(found, agreement_id)
    form = LetsReportedForm()
    if request.method == "GET" and not form.lets_reported.data:
        form.lets_reported.data = str(agreement.lets_reported)
    if form.validate_on_submit():
        assert form.lets_reported.number is not None
        landlords.update_lets_reported(
            db.session, agreement, lets_reported=form.lets_reported.number, officer=acting_officer()
        )
        db.commit()
        flash("The number of homes let is saved.", "success")
        return redirect(landlord_url(found))
    page = render_template(
        "officer_review/lettings/landlords/agreement.html",
        title="Homes let in the agreement's period",
        landlord=found,
        form=form,
        agreement=agreement,
        period=f"{show_day(agreement.starts_on)} to {show_day(agreement.ends_on)}",
        back=landlord_url(found),
    )
    return (page, 400) if form.errors else page
