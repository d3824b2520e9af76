"""Property alerts: searches an applicant saved, emailed to them when a new home matches."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.wrappers import Response

from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import alerts
from portal.extensions import db
from portal.homes.forms import DeleteSearchForm, SaveSearchForm, query_of, raw_filters
from portal.homes.routes import bedrooms_text, bp, kind_name
from portal.homes.viewer import signed_in_user
from portal.rules.affordability import pounds
from portal.rules.lettings.alerts import clean_filters

Page = str | Response


def _names(group: str, keys: list[str]) -> str:
    return ", ".join(kind_name(group, key) for key in keys)


def _bedrooms(low: int | None, high: int | None) -> str | None:
    if low is not None and high is not None:
        return bedrooms_text(low) if low == high else _("%(low)s to %(high)s bedrooms", low=low, high=high)
    if low is not None:
        return ngettext("%(num)d or more bedroom", "%(num)d or more bedrooms", low)
    if high is not None:
        return ngettext("Up to %(num)d bedroom", "Up to %(num)d bedrooms", high)
    return None


def describe_filters(filters: dict[str, Any]) -> list[tuple[str, str]]:
    """A saved search in words, one row a filter that is set; "Any home" when none is."""
    rows = []
    if filters.get("tenure"):
        rows.append((_("Renting or buying"), _names("tenure", filters["tenure"])))
    if filters.get("property_type"):
        rows.append((_("Type of home"), _names("property_type", filters["property_type"])))
    bedrooms = _bedrooms(filters.get("min_bedrooms"), filters.get("max_bedrooms"))
    if bedrooms:
        rows.append((_("Bedrooms"), bedrooms))
    if filters.get("area"):
        rows.append((_("Area"), str(filters["area"])))
    if filters.get("mobility"):
        rows.append((_("Getting in and around"), _names("mobility", filters["mobility"])))
    if filters.get("max_weekly_rent") not in (None, ""):
        amount = pounds(Decimal(str(filters["max_weekly_rent"])))
        rows.append((_("Most rent"), _("%(amount)s a week", amount=amount)))
    if not rows:
        rows.append((_("Homes"), _("Any home")))
    return rows


@bp.route("/alerts", methods=["GET", "POST"], endpoint="alerts")
@for_applicant()
def alerts_page() -> Page:
    form = SaveSearchForm()
    if form.validate_on_submit():
        filters = clean_filters(raw_filters(request.form))
        try:
            _search, created = alerts.save_search(db.session, signed_in_user(), filters)
        except alerts.TooManySearches:
            db.rollback()
            flash(
                _("You have saved as many searches as you can. Stop the emails for one to save another."), "important"
            )
            return redirect(url_for("homes.alerts"))
        db.commit()
        if created:
            flash(_("Search saved. We will email you when a new home matches it."), "success")
        else:
            flash(_("You had already saved this search."), "success")
        return redirect(url_for("homes.alerts"))
    searches = alerts.saved_searches_for(db.session, acting.applicant_id())
    return render_template(
        "portal/homes/alerts.html",
        title=_("Your property alerts"),
        searches=[
            {
                "search": search,
                "rows": describe_filters(search.filters),
                "url": url_for("homes.index", **query_of(search.filters)),
            }
            for search in searches
        ],
    )


@bp.post("/alerts/<int:search_id>/delete")
@for_applicant()
def delete_alert(search_id: int) -> Response:
    search = alerts.search_of(db.session, acting.applicant_id(), search_id)
    if search is None:
        abort(404)
    form = DeleteSearchForm()
    if form.validate_on_submit():
        alerts.delete_search(db.session, search)
        db.commit()
        flash(_("We will not email you about that search any more."), "success")
    return redirect(url_for("homes.alerts"))
