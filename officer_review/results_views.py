"""Letting a home to the household that accepted it, and the lettings results officers publish.

The public results show published lets only, and never a name or reference:
the home, the number of bids, the band and priority date of the household
housed, the let date and how it was let.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer, open_case
from officer_review.case_forms import ConfirmForm
from officer_review.offer_forms import LetForm
from officer_review.offer_views import OFFER_STATUS_WORDS, address_of
from officer_review.queue_views import page_links, page_number
from officer_review.routes import bp
from officer_review.shortlist_views import advert_or_404
from portal.auth.access import officer_required
from portal.data import lets, lettings_clock, offers, shortlists
from portal.extensions import db
from portal.rules.lettings.kinds import LET_ROUTES, PROPERTY_TYPES, TENURES

PER_PAGE = 50


@dataclass(frozen=True)
class ResultsPage:
    rows: list[Any]
    total: int
    page: int
    pages: int
    per_page: int = PER_PAGE

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.page * self.per_page, self.total)


@bp.route("/lettings/adverts/<int:advert_id>/let", methods=["GET", "POST"])
@officer_required
def advert_let(advert_id: int) -> str | Response:
    advert = advert_or_404(advert_id)
    if request.method == "POST":
        shortlists.lock_advert(db.session, advert.id)
    offer = offers.accepted_offer(db.session, advert.id)
    let = lets.let_for_advert(db.session, advert.id)
    application = open_case(offer.application_id) if offer is not None else None
    form = LetForm(data={"let_on": lettings_clock.today()})
    if offer is not None and application is not None and let is None and form.validate_on_submit():
        assert form.let_on.date is not None
        try:
            lets.let_home(
                db.session,
                advert,
                offer,
                officer=acting_officer(),
                let_on=form.let_on.date,
                today=lettings_clock.today(),
            )
        except lets.CannotLet:
            db.session.rollback()
            form.let_on.errors = ["This home cannot be let now. Reload the page to see where it stands"]
        else:
            db.session.commit()
            flash(f"Home let to {application.reference}. Their application is closed as housed.", "success")
            return redirect(url_for("officer_review.lettings_results"))
    return render_template(
        "officer_review/lettings/results/let.html",
        title="Let the home",
        advert=advert,
        offer=offer,
        let=let,
        application=application,
        form=form,
        offer_words=OFFER_STATUS_WORDS,
        routes=LET_ROUTES,
        back_url=url_for("officer_review.advert_shortlist", advert_id=advert.id),
    )


@bp.get("/lettings/results")
@officer_required
def lettings_results() -> str:
    total = lets.count_lets(db.session)
    pages = max(1, -(-total // PER_PAGE))
    page = min(page_number(), pages)
    rows = lets.all_lets(db.session, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    result = ResultsPage(rows=rows, total=total, page=page, pages=pages)
    return render_template(
        "officer_review/lettings/results/index.html",
        title="Lettings results",
        result=result,
        pages=page_links("officer_review.lettings_results", result),  # type: ignore[arg-type]
        routes=LET_ROUTES,
        tenures=TENURES,
        property_types=PROPERTY_TYPES,
        address_of=address_of,
        form=None,
    )


@bp.post("/lettings/lets/<int:let_id>/publish")
@officer_required
def let_publish(let_id: int) -> Response:
    let = lets.let_of(db.session, let_id)
    if let is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        lets.publish(db.session, let, officer=acting_officer())
        db.session.commit()
        flash("Result published", "success")
    return redirect(url_for("officer_review.lettings_results"))
