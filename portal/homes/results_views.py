"""Lettings results and waiting times, open to everyone: what was let, to which band, and how long people waited."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from portal.auth.access import public
from portal.data import lettings_clock, lettings_results
from portal.data.bidders import bidder_for
from portal.extensions import db
from portal.homes.browse_views import page_number
from portal.homes.routes import bp
from portal.homes.viewer import household_application
from portal.rules.lettings.waiting import WaitEstimate, estimate, estimate_table, months_of


def route_names() -> dict[str, str]:
    return {
        "bidding": _("Bidding"),
        "nomination": _("Bidding, then nominated to a housing association"),
        "direct_match": _("Direct offer to a household in urgent need"),
    }


def wait_text(days: int | None) -> str:
    """A wait in whole months, in words that go inside a sentence ("about 8 months")."""
    if days is None:
        return ""
    months = months_of(days)
    if months == 0:
        return _("less than a month")
    return ngettext("about %(num)d month", "about %(num)d months", months)


@bp.get("/results")
@public
def results() -> str:
    found = lettings_results.published_results(db.session, page_number())
    return render_template(
        "portal/homes/results.html",
        title=_("Homes we have let"),
        result=found,
        routes=route_names(),
        pages={
            "previous": url_for("homes.results", page=found.page - 1) if found.page > 1 else None,
            "next": url_for("homes.results", page=found.page + 1) if found.page < found.pages else None,
        },
    )


def _own_estimate(lets: list[Any], months: int) -> WaitEstimate | None:
    """The signed-in household's own line: its band and bedroom need, when it has both."""
    application = household_application()
    if application is None or application.stage != "active":
        return None
    today = lettings_clock.today()
    bidder = bidder_for(db.session, application, today)
    if bidder.band is None or bidder.bedroom_need is None:
        return None
    return estimate(lets, band=bidder.band, bedrooms=bidder.bedroom_need, today=today, months=months)


@bp.get("/waiting-times")
@public
def waiting_times() -> str:
    months = int(current_app.config["WAITING_TIME_MONTHS"])
    today = lettings_clock.today()
    lets = lettings_results.let_records(db.session, today, months)
    table = estimate_table(lets, today=today, months=months)
    by_band: dict[int, list[WaitEstimate]] = {}
    for row in table:
        by_band.setdefault(row.band, []).append(row)
    return render_template(
        "portal/homes/waiting_times.html",
        title=_("How long people wait for a home"),
        own=_own_estimate(lets, months),
        by_band=by_band,
        months=months,
        wait_text=wait_text,
    )
