"""Finding a home: the homes taking bids (with filters), each home's page, and its photos."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from portal.auth import acting
from portal.auth.access import public
from portal.data import alerts, bids, lettings_clock
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.extensions import db
from portal.homes import describe
from portal.homes.affordability import check_affordability, recorded_money
from portal.homes.forms import (
    LIST_FILTERS,
    SCALAR_FILTERS,
    AffordabilityForm,
    SearchForm,
    query_of,
    raw_filters,
)
from portal.homes.outcomes import bid_views, reasons_for
from portal.homes.routes import bp
from portal.homes.viewer import is_applicant, is_signed_in, may_bid, viewer_application, visible_advert
from portal.rules.lettings.alerts import clean_filters
from portal.rules.lettings.shortlist import position_sentence
from portal.storage import InvalidKey, StoredFileMissing, file_store


def page_number() -> int:
    text = request.args.get("page", "1")
    return int(text) if text.isdigit() and len(text) < 6 else 1


def search_filters(form: SearchForm) -> dict[str, Any]:
    """The canonical filters from the query, leaving out any filter whose value has a problem."""
    raw = raw_filters(request.args)
    for name in (*LIST_FILTERS, *SCALAR_FILTERS):
        if form[name].errors:
            raw[name] = [] if name in LIST_FILTERS else ""
    if form.max_bedrooms.errors:
        raw["min_bedrooms"] = ""
    return clean_filters(raw)


def hidden_inputs(query: dict[str, Any]) -> list[tuple[str, str]]:
    """The filters as (name, value) pairs for hidden inputs, one pair for each value of a list."""
    pairs = []
    for key, values in query.items():
        for value in [values] if isinstance(values, str) else values:
            pairs.append((key, value))
    return pairs


def page_links(page: alerts.SearchPage, query: dict[str, Any]) -> dict[str, str | None]:
    def link(number: int) -> str:
        return url_for("homes.index", **query, page=number)

    return {
        "previous": link(page.page - 1) if page.page > 1 else None,
        "next": link(page.page + 1) if page.page < page.pages else None,
    }


@bp.get("/")
@public
def index() -> str:
    searched = any(key in request.args for key in (*LIST_FILTERS, *SCALAR_FILTERS))
    form = SearchForm(formdata=request.args if searched else None, areas=alerts.open_areas(db.session))
    filters = clean_filters({})
    if searched:
        form.validate()
        filters = search_filters(form)
    result = alerts.search_adverts(db.session, filters, page_number())
    query = query_of(filters)
    return render_template(
        "portal/homes/index.html",
        title=_("Homes to rent or buy"),
        form=form,
        result=result,
        pages=page_links(result, query),
        searched=searched and bool(query),
        filters=filters,
        hidden_filters=hidden_inputs(query),
        can_save=is_applicant(),
        describe=describe,
    )


def _bid_panel(advert: Advert, application: Application | None) -> dict[str, Any]:
    """What the bidding part of the page shows for the person looking."""
    if not is_applicant():
        return {"viewer": "staff" if is_signed_in() else "visitor"}
    today = lettings_clock.today()
    found = acting.current_acting()
    panel: dict[str, Any] = {
        "viewer": "applicant",
        "application": application,
        "may_bid": may_bid(),
        "helping": found.applicant.full_name if found is not None and found.by_someone_else else None,
    }
    if application is not None:
        active = bids.active_bid_for(db.session, application.id, advert.id)
        panel["active_bid"] = active
        if advert.status != "open":
            views = [view for view in bid_views(application, today) if view.advert.id == advert.id]
            panel["outcome"] = views[0] if views else None
            return panel
        if active is not None:
            place = bids.live_places(db.session, advert, [application.id], today).get(application.id)
            panel["place"] = place
            if place is not None and place.position is not None:
                panel["place_sentence"] = position_sentence(place.position, place.eligible_bidders).text(_)
            panel["place_reasons"] = reasons_for(place.excluded_because) if place else []
            return panel
    check = bids.check_for(db.session, application, advert, today)
    panel["check"] = check
    if application is not None and advert.cycle is not None:
        panel["used"] = bids.active_bid_count(db.session, application.id, advert.cycle.id)
        panel["limit"] = advert.cycle.bid_limit
    return panel


def _affordability(advert: Advert) -> dict[str, Any]:
    application = viewer_application()
    money = recorded_money(application)
    typed = "take_home_pay" in request.args
    form = AffordabilityForm(formdata=request.args if typed else None)
    take_home = housing = None
    if typed and form.validate():
        take_home = form.take_home_pay.amount
        housing = form.housing_support.amount
    elif not typed and money.take_home_pay is not None:
        form.take_home_pay.data = format(money.take_home_pay, "f")
    check = check_affordability(advert, money, typed_take_home_pay=take_home, housing_support=housing)
    return {"form": form, "check": check, "typed": typed and not form.errors, "recorded": money}


@bp.get("/<reference>")
@public
def advert(reference: str) -> str:
    found, application = visible_advert(reference)
    return render_template(
        "portal/homes/advert.html",
        title=found.address_line_1,
        advert=found,
        panel=_bid_panel(found, application),
        describe=describe,
        back_url=url_for("homes.index"),
        **_affordability(found),
    )


@bp.get("/photos/<int:photo_id>")
@public
def photo(photo_id: int) -> Response:
    found = bids.photo_of(db.session, photo_id)
    if found is None:
        abort(404)
    visible_advert(found.advert.reference)
    try:
        body = file_store(current_app).get(found.file_key)
    except (StoredFileMissing, InvalidKey):
        abort(404)
    response = Response(body, content_type=found.content_type)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, max-age=600"
    return response
