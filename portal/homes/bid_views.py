"""Bidding: placing a bid, taking one back, and "your bids" with where each one stands."""

from __future__ import annotations

from collections import Counter
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import bids, lettings_clock
from portal.data.db import begin_writing
from portal.extensions import db, limiter
from portal.homes import describe
from portal.homes.forms import WithdrawBidForm
from portal.homes.outcomes import bid_views, reasons_for
from portal.homes.routes import bp
from portal.homes.viewer import household_application, visible_advert
from portal.rules.lettings.shortlist import position_sentence
from portal.rules.support.scopes import Scope

Page = str | Response


def _bid_limit() -> str:
    return str(current_app.config["RATE_LIMIT_BID"])


def _per_user() -> str:
    return f"bid:{acting.applicant_id()}"


@bp.post("/<reference>/bid")
@for_applicant(write=Scope.BID)
@limiter.limit(_bid_limit, key_func=_per_user)
def bid(reference: str) -> Response:
    advert, application = visible_advert(reference)
    back = url_for("homes.advert", reference=advert.reference)
    if application is None:
        flash(_("To bid for a home, you need an application on the housing register."), "important")
        return redirect(back)
    begin_writing(db.session)
    try:
        bids.place_bid(
            db.session, application, advert, acting.actor(), lettings_clock.today(), on_behalf_of=acting.on_behalf_of()
        )
    except bids.BidRefused:
        db.rollback()
        flash(_("We could not place your bid. The reasons are on this page."), "important")
        return redirect(back)
    db.commit()
    return redirect(url_for("homes.bid_placed", reference=advert.reference))


@bp.get("/<reference>/bid-placed")
@for_applicant()
def bid_placed(reference: str) -> Page:
    advert, application = visible_advert(reference)
    active = bids.active_bid_for(db.session, application.id, advert.id) if application else None
    if application is None or active is None:
        return redirect(url_for("homes.advert", reference=advert.reference))
    place = bids.live_places(db.session, advert, [application.id], lettings_clock.today()).get(application.id)
    return render_template(
        "portal/homes/bid_placed.html",
        title=_("Your bid has been placed"),
        advert=advert,
        place=place,
        place_reasons=reasons_for(place.excluded_because) if place else [],
        place_sentence=position_sentence(place.position, place.eligible_bidders).text(_)
        if place and place.position
        else "",
        used=bids.active_bid_count(db.session, application.id, active.cycle_id),
        limit=advert.cycle.bid_limit if advert.cycle else 0,
        describe=describe,
    )


@bp.route("/bids/<int:bid_id>/withdraw", methods=["GET", "POST"])
@for_applicant(read=Scope.BID, write=Scope.BID)
def withdraw_bid(bid_id: int) -> Page:
    application = household_application()
    found = bids.bid_of(db.session, application.id, bid_id) if application else None
    if application is None or found is None:
        abort(404)
    advert = bids.advert_of(db.session, found)
    if found.status != "active" or advert.status != "open":
        flash(_("You can only take back a bid while bidding for the home is open."), "important")
        return redirect(url_for("homes.bids"))
    form = WithdrawBidForm()
    if form.validate_on_submit():
        begin_writing(db.session)
        bids.withdraw_bid(db.session, found, acting.actor(), on_behalf_of=acting.on_behalf_of())
        db.commit()
        flash(_("You have taken back your bid for %(address)s.", address=advert.address_line_1), "success")
        return redirect(url_for("homes.bids"))
    return render_template(
        "portal/homes/withdraw.html",
        title=_("Are you sure you want to take back your bid?"),
        form=form,
        advert=advert,
        describe=describe,
        back_url=url_for("homes.bids"),
    )


def _bids_in_use(views: list[Any]) -> list[dict[str, Any]]:
    """For each open cycle the household bids in: how many of its bids it is using."""
    used: Counter[int] = Counter()
    cycles = {}
    for view in views:
        cycle = view.advert.cycle
        if view.bid.status == "active" and view.advert.status == "open" and cycle is not None:
            used[cycle.id] += 1
            cycles[cycle.id] = cycle
    return [{"cycle": cycles[cycle_id], "used": count} for cycle_id, count in used.items()]


@bp.get("/bids", endpoint="bids")
@for_applicant()
def your_bids() -> str:
    application = household_application()
    views = bid_views(application, lettings_clock.today()) if application else []
    return render_template(
        "portal/homes/bids.html",
        title=_("Your bids"),
        application=application,
        views=views,
        in_use=_bids_in_use(views),
        describe=describe,
        may_bid=acting.acting().may(Scope.BID),
    )
