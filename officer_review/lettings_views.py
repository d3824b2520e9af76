"""Lettings: the front page of the officer's lettings work, and bidding cycles.

An officer makes a cycle, sees its adverts, and opens or closes it by hand
after a page that says what will happen; ``flask lettings run-cycles`` does
the same each day on the cycles' dates.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review.advert_words import cycle_tag, show_day, status_tag
from officer_review.case_access import acting_officer
from officer_review.lettings_forms import ConfirmForm, CycleForm
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import adverts, cycles, lettings_clock
from portal.data.advert_models import Advert, BiddingCycle
from portal.extensions import db


def cycle_or_404(cycle_id: int) -> BiddingCycle:
    cycle = cycles.cycle_by_id(db.session, cycle_id)
    if cycle is None:
        abort(404)
    return cycle


def cycle_url(cycle: BiddingCycle) -> str:
    return url_for("officer_review.cycle", cycle_id=cycle.id)


def cycle_rows(found: list[BiddingCycle]) -> list[dict[str, Any]]:
    counts = cycles.counts_for(db.session, [cycle.id for cycle in found])
    return [
        {
            "cycle": cycle,
            "url": cycle_url(cycle),
            "opens": show_day(cycle.opens_on),
            "closes": show_day(cycle.closes_on),
            "adverts": counts[cycle.id].adverts,
            "bids": counts[cycle.id].bids,
        }
        for cycle in found
    ]


def _link(endpoint: str, text: str) -> dict[str, str] | None:
    if endpoint not in current_app.view_functions:
        return None
    return {"href": url_for(endpoint), "text": text}


def _work_url(advert: Advert) -> str:
    """Where an officer carries on with an advert waiting for them: its shortlist once bidding has closed."""
    if advert.status == "closed" and "officer_review.advert_shortlist" in current_app.view_functions:
        return url_for("officer_review.advert_shortlist", advert_id=advert.id)
    return url_for("officer_review.advert", advert_id=advert.id)


@bp.get("/lettings")
@officer_required
def lettings() -> str:
    waiting = adverts.adverts_needing_action(db.session)
    counts = adverts.bid_counts(db.session, [advert.id for advert in waiting])
    links = [
        _link("officer_review.adverts", "All adverts"),
        _link("officer_review.advert_new", "Make an advert"),
        _link("officer_review.advert_import", "Import adverts from a CSV file"),
        _link("officer_review.landlords", "Landlords and nomination agreements"),
        _link("officer_review.direct_matches", "Direct matches"),
        _link("officer_review.lettings_results", "Lettings results"),
    ]
    return render_template(
        "officer_review/lettings/index.html",
        title="Lettings",
        open_cycles=cycle_rows(cycles.cycles_with_status(db.session, "open")),
        planned_cycles=cycle_rows(cycles.cycles_with_status(db.session, "planned")),
        closed_cycles=cycle_rows(cycles.cycles_with_status(db.session, "closed", limit=cycles.RECENT_CLOSED)),
        recent_closed=cycles.RECENT_CLOSED,
        waiting=[
            {
                "advert": advert,
                "url": _work_url(advert),
                "status": status_tag(advert.status),
                "bids": counts.get(advert.id, 0),
            }
            for advert in waiting
        ],
        links=[link for link in links if link is not None],
    )


@bp.route("/lettings/cycles/new", methods=["GET", "POST"])
@officer_required
def cycle_new() -> Any:
    form = CycleForm()
    if request.method == "GET" and not form.bid_limit.data:
        form.bid_limit.data = str(current_app.config["BID_LIMIT_PER_CYCLE"])
    if form.validate_on_submit():
        assert form.opens_on.date is not None and form.closes_on.date is not None  # checked by the form
        assert form.bid_limit.number is not None
        cycle = cycles.create_cycle(
            db.session,
            name=form.name.cleaned,
            opens_on=form.opens_on.date,
            closes_on=form.closes_on.date,
            bid_limit=form.bid_limit.number,
            officer=acting_officer(),
        )
        db.commit()
        flash(f"The cycle {cycle.name} is planned. Add adverts to it, then publish them.", "success")
        return redirect(cycle_url(cycle))
    page = render_template("officer_review/lettings/cycles/new.html", title="New bidding cycle", form=form)
    return (page, 400) if form.errors else page


@bp.get("/lettings/cycles/<int:cycle_id>")
@officer_required
def cycle(cycle_id: int) -> str:
    found = cycle_or_404(cycle_id)
    in_cycle = adverts.adverts_in_cycle(db.session, found.id)
    counts = adverts.bid_counts(db.session, [advert.id for advert in in_cycle])
    (row,) = cycle_rows([found])
    return render_template(
        "officer_review/lettings/cycles/cycle.html",
        title=found.name,
        cycle=found,
        row=row,
        tag=cycle_tag(found.status),
        adverts=[
            {
                "advert": advert,
                "url": url_for("officer_review.advert", advert_id=advert.id),
                "status": status_tag(advert.status),
                "bids": counts.get(advert.id, 0),
            }
            for advert in in_cycle
        ],
        opened=show_day(found.opened_at),
        closed=show_day(found.closed_at),
    )


def cannot(found: BiddingCycle, step: str) -> str:
    """Why the cycle cannot be opened or closed now (another officer may have done it already)."""
    if step == "open":
        if found.status == "open":
            return "This cycle is already open. Another officer may have opened it."
        return "This cycle has closed, so it cannot be opened again."
    if found.status == "closed":
        return "This cycle is already closed. Another officer may have closed it."
    return "This cycle has not opened yet, so it cannot be closed."


def _confirm_page(found: BiddingCycle, step: str, form: ConfirmForm) -> str:
    in_cycle = adverts.adverts_in_cycle(db.session, found.id)
    today = lettings_clock.today()
    return render_template(
        f"officer_review/lettings/cycles/{step}.html",
        title=f"{'Open' if step == 'open' else 'Close'} {found.name}",
        cycle=found,
        form=form,
        allowed=found.status == ("planned" if step == "open" else "open"),
        cannot=cannot(found, step),
        ready=[advert for advert in in_cycle if advert.status == "ready"],
        drafts=[advert for advert in in_cycle if advert.status == "draft"],
        taking_bids=[advert for advert in in_cycle if advert.status == "open"],
        early=(found.opens_on > today) if step == "open" else (found.closes_on >= today),
        opens=show_day(found.opens_on),
        closes=show_day(found.closes_on),
        back=cycle_url(found),
    )


@bp.route("/lettings/cycles/<int:cycle_id>/open", methods=["GET", "POST"])
@officer_required
def cycle_open(cycle_id: int) -> str | Response:
    found = cycle_or_404(cycle_id)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            placed = cycles.open_cycle(db.session, found, acting_officer(), lettings_clock.today())
        except cycles.WrongCycleStatus:
            flash(cannot(found, "open"), "important")
            return redirect(cycle_url(found))
        db.commit()
        bids = "no automatic bids" if not placed else ("1 automatic bid" if placed == 1 else f"{placed} automatic bids")
        flash(f"The cycle {found.name} is open and its adverts are taking bids. We placed {bids}.", "success")
        return redirect(cycle_url(found))
    return _confirm_page(found, "open", form)


@bp.route("/lettings/cycles/<int:cycle_id>/close", methods=["GET", "POST"])
@officer_required
def cycle_close(cycle_id: int) -> str | Response:
    found = cycle_or_404(cycle_id)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            closed = cycles.close_cycle(db.session, found, acting_officer(), lettings_clock.today())
        except cycles.WrongCycleStatus:
            flash(cannot(found, "close"), "important")
            return redirect(cycle_url(found))
        db.commit()
        made = "1 shortlist" if len(closed) == 1 else f"{len(closed)} shortlists"
        flash(f"The cycle {found.name} is closed. We made {made}.", "success")
        return redirect(cycle_url(found))
    return _confirm_page(found, "close", form)
