"""Auto-bidding, asked for by the household: we bid for them on the homes that fit, when each cycle opens."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import auto_bids
from portal.data.letting_models import AutoBid
from portal.extensions import db
from portal.homes.forms import AutoBidForm, areas_from
from portal.homes.routes import bp
from portal.homes.viewer import household_application
from portal.rules.support.scopes import Scope

Page = str | Response


def fill(form: AutoBidForm, auto_bid: AutoBid | None) -> None:
    """Put the saved choices into the form, for the page's first showing."""
    if auto_bid is None:
        return
    preferences = auto_bids.clean_preferences(auto_bid.preferences)
    form.enabled.data = "yes" if auto_bid.enabled else "no"
    form.tenure.data = preferences["tenure"]
    form.property_type.data = preferences["property_type"]
    form.areas.data = ", ".join(preferences["area"])
    form.step_free.data = auto_bids.step_free_need(preferences)


def preferences_from(form: Any) -> dict[str, list[str]]:
    return {
        "tenure": list(form.tenure.data or []),
        "property_type": list(form.property_type.data or []),
        "area": areas_from(form.areas.cleaned),
        "mobility": list(auto_bids.STEP_FREE_HOMES.get(form.step_free.data, [])),
    }


@bp.route("/auto-bid", methods=["GET", "POST"])
@for_applicant(write=Scope.BID)
def auto_bid() -> Page:
    application = household_application()
    if application is None or application.stage == "closed":
        return render_template("portal/homes/auto_bid.html", title=_("Let us bid for you"), form=None)
    current = auto_bids.auto_bid_for(db.session, application.id)
    form = AutoBidForm()
    if form.validate_on_submit():
        enabled = form.enabled.data == "yes"
        auto_bids.save_auto_bid(
            db.session,
            application,
            enabled=enabled,
            preferences=preferences_from(form),
            actor=acting.actor(),
            by_officer=acting.acting().by_officer,
        )
        db.commit()
        if enabled:
            flash(_("We will bid for you when the next bidding cycle opens."), "success")
        else:
            flash(_("We will not bid for you. You can still bid for homes yourself."), "success")
        return redirect(url_for("homes.auto_bid"))
    if request.method == "GET":
        fill(form, current)
    return render_template(
        "portal/homes/auto_bid.html",
        title=_("Let us bid for you"),
        form=form,
        current=current,
        application=application,
    )
