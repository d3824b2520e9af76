"""Adverts: the list, making and changing one, its details in words, publishing it and withdrawing it."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review import advert_photo_views  # noqa: F401  (adds the photo pages to the blueprint)
from officer_review.advert_forms import AdvertForm, initial_data
from officer_review.advert_pages import advert_or_404, advert_url
from officer_review.advert_words import detail_sections, show_day, status_tag
from officer_review.case_access import acting_officer
from officer_review.lettings_forms import AdvertFilterForm, ConfirmForm, WithdrawForm
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import adverts, cycles, landlords
from portal.data.advert_models import Advert
from portal.extensions import db


@bp.get("/lettings/adverts", endpoint="adverts")
@officer_required
def adverts_list() -> str:
    all_cycles = cycles.cycles_with_status(db.session, "open") + cycles.cycles_with_status(db.session, "planned")
    all_cycles += cycles.cycles_with_status(db.session, "closed", limit=cycles.RECENT_CLOSED * 4)
    form = AdvertFilterForm(request.args, cycles=all_cycles)
    form.validate()
    status, cycle_id = form.clean("status"), form.clean("cycle")
    found = adverts.list_adverts(db.session, status=status, cycle_id=int(cycle_id) if cycle_id else None)
    counts = adverts.bid_counts(db.session, [advert.id for advert in found])
    rows = [
        {
            "advert": advert,
            "url": advert_url(advert),
            "status": status_tag(advert.status),
            "bids": counts.get(advert.id, 0),
            "cycle": advert.cycle.name if advert.cycle else "No cycle",
        }
        for advert in found
    ]
    return render_template(
        "officer_review/lettings/adverts/index.html",
        title="Adverts",
        rows=rows,
        filters=form,
        filtered=bool(status or cycle_id),
    )


def _form(advert: Advert | None = None) -> AdvertForm:
    fixed = advert.cycle if advert is not None and advert.status == "open" else None
    choices = cycles.cycles_taking_adverts(db.session)
    if advert is not None and advert.cycle is not None and advert.cycle not in choices:
        choices.append(advert.cycle)
    kwargs: dict[str, Any] = {}
    if advert is not None and request.method == "GET":
        kwargs["data"] = initial_data(advert)
    return AdvertForm(landlords=landlords.list_landlords(db.session), cycles=choices, fixed_cycle=fixed, **kwargs)


@bp.route("/lettings/adverts/new", methods=["GET", "POST"])
@officer_required
def advert_new() -> Any:
    form = _form()
    if form.validate_on_submit():
        cycle_id = form.chosen_cycle_id()
        advert = adverts.create_advert(
            db.session,
            form.values(),
            officer=acting_officer(),
            cycle=cycles.cycle_by_id(db.session, cycle_id) if cycle_id else None,
        )
        db.commit()
        flash(f"Advert {advert.reference} saved as a draft. Publish it when it is ready.", "success")
        return redirect(advert_url(advert))
    page = render_template(
        "officer_review/lettings/adverts/new.html",
        title="New advert",
        form=form,
        advert=None,
        has_landlords=bool(form.landlord.choices and len(form.landlord.choices) > 1),
        back=url_for("officer_review.adverts"),
    )
    return (page, 400) if form.errors else page


@bp.get("/lettings/adverts/<int:advert_id>")
@officer_required
def advert(advert_id: int) -> str:
    found = advert_or_404(advert_id)
    cycle = found.cycle
    return render_template(
        "officer_review/lettings/adverts/advert.html",
        title="Details",
        advert=found,
        sections=detail_sections(found),
        bids=adverts.bid_counts(db.session, [found.id]).get(found.id, 0),
        can_edit=found.status in adverts.EDITABLE,
        can_publish=found.status == "draft" and cycle is not None and cycle.status in ("planned", "open"),
        needs_cycle=found.status == "draft" and (cycle is None or cycle.status == "closed"),
        can_withdraw=found.status in adverts.WITHDRAWABLE,
        opens=show_day(cycle.opens_on) if cycle else "",
        cycle_open=bool(cycle and cycle.status == "open"),
    )


@bp.route("/lettings/adverts/<int:advert_id>/edit", methods=["GET", "POST"])
@officer_required
def advert_edit(advert_id: int) -> Any:
    found = advert_or_404(advert_id)
    if found.status not in adverts.EDITABLE:
        return render_template(
            "officer_review/lettings/adverts/edit.html",
            title="Change the advert",
            advert=found,
            form=None,
            can_edit=False,
            back=advert_url(found),
        )
    form = _form(found)
    if form.validate_on_submit():
        cycle_id = form.chosen_cycle_id()
        changed = adverts.update_advert(
            db.session,
            found,
            form.values(),
            officer=acting_officer(),
            cycle=cycles.cycle_by_id(db.session, cycle_id) if cycle_id else None,
        )
        db.commit()
        flash("The advert is saved." if changed else "Nothing was changed.", "success")
        return redirect(advert_url(found))
    page = render_template(
        "officer_review/lettings/adverts/edit.html",
        title="Change the advert",
        form=form,
        advert=found,
        can_edit=True,
        back=advert_url(found),
    )
    return (page, 400) if form.errors else page


@bp.route("/lettings/adverts/<int:advert_id>/publish", methods=["GET", "POST"])
@officer_required
def advert_publish(advert_id: int) -> str | Response:
    found = advert_or_404(advert_id)
    form = ConfirmForm()
    if request.method == "GET" or not form.validate_on_submit():
        cycle = found.cycle
        return render_template(
            "officer_review/lettings/adverts/publish.html",
            title="Publish the advert",
            advert=found,
            form=form,
            can_publish=found.status == "draft" and cycle is not None and cycle.status in ("planned", "open"),
            cycle=cycle,
            opens=show_day(cycle.opens_on) if cycle else "",
            closes=show_day(cycle.closes_on) if cycle else "",
            back=advert_url(found),
        )
    try:
        status = adverts.publish(db.session, found, officer=acting_officer())
    except adverts.WrongAdvertStatus:
        flash("Only a draft can be published. This advert has been published already.", "important")
        return redirect(advert_url(found))
    except adverts.NoCycle:
        flash("Choose a planned or open bidding cycle for the advert before you publish it.", "important")
        return redirect(advert_url(found))
    db.commit()
    if status == "open":
        flash(f"Advert {found.reference} is published and taking bids now.", "success")
    else:
        flash(f"Advert {found.reference} is published. It will take bids when its cycle opens.", "success")
    return redirect(advert_url(found))


@bp.route("/lettings/adverts/<int:advert_id>/withdraw", methods=["GET", "POST"])
@officer_required
def advert_withdraw(advert_id: int) -> Any:
    found = advert_or_404(advert_id)
    can_withdraw = found.status in adverts.WITHDRAWABLE
    form = WithdrawForm()
    if can_withdraw and form.validate_on_submit():
        given_back = adverts.withdraw(db.session, found, officer=acting_officer(), reason=form.reason.cleaned)
        db.commit()
        count = len(given_back)
        bids = "No bids were" if not count else ("1 bid was" if count == 1 else f"{count} bids were")
        flash(f"Advert {found.reference} is withdrawn. {bids} given back.", "success")
        return redirect(advert_url(found))
    page = render_template(
        "officer_review/lettings/adverts/withdraw.html",
        title="Withdraw the advert",
        advert=found,
        form=form,
        can_withdraw=can_withdraw,
        bids=adverts.bid_counts(db.session, [found.id]).get(found.id, 0),
        back=advert_url(found),
    )
    return (page, 400) if form.errors else page
