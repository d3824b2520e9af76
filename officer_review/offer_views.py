"""Offers of council homes: making one from the shortlist, the household's answer, undoing one, and the
case's "Bids and offers" page.

The offer email is the applicant's: it is sent in the application's language
after the offer is saved, and a failure to send it never undoes the offer.
"""

from __future__ import annotations

import logging
import smtplib

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.routing import BuildError
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.offer_forms import AnswerForm, OfferForm, UndoForm, default_respond_by
from officer_review.routes import bp
from officer_review.shortlist_views import (
    STATUS_WORDS,
    advert_or_404,
    entry_or_404,
    in_the_way_message,
    is_council_home,
    shortlist_url,
    why_cannot_choose,
)
from portal.auth.access import officer_required
from portal.data import direct_matches, lettings_clock, nominations, offers, shortlists
from portal.data.accounts import get_user, users_by_id
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.lets import let_for_advert, lets_for_application
from portal.data.letting_models import Offer
from portal.extensions import db
from portal.letters import letter_locales
from portal.notify import email_applicant, email_helpers
from portal.options.council_config import current_scheme
from portal.rules.casework.kinds import FLAG_KINDS
from portal.rules.lettings.kinds import LET_ROUTES, SKIP_REASONS

log = logging.getLogger(__name__)
OFFER_STATUS_WORDS = {
    "made": "Waiting for an answer",
    "accepted": "Accepted",
    "refused": "Refused",
    "withdrawn": "Undone",
}
BID_STATUS_WORDS = {"active": "Active", "withdrawn": "Taken back"}
MATCH_STATUS_WORDS = {"waiting": "Waiting for a decision", "approved": "Approved", "refused": "Refused"}
NOMINATION_WORDS = {
    "waiting": "Waiting for the landlord",
    "accepted": "Accepted by the landlord",
    "refused": "Refused by the landlord",
}


def address_of(advert: Advert) -> str:
    parts = (advert.address_line_1, advert.address_line_2, advert.town, advert.postcode)
    return ", ".join(part for part in parts if part)


def _full_address(endpoint: str, fallback: str) -> str:
    try:
        path = url_for(endpoint)
    except BuildError:
        path = fallback
    return current_app.config["BASE_URL"].rstrip("/") + path


def send_offer_email(application: Application, advert: Advert, offer: Offer) -> bool:
    """Tell the household, in their language, that we are offering them the home; False when it could not be sent."""
    user = get_user(db.session, application.user_id)
    if user is None:
        return False
    try:
        sent = email_applicant(
            db.session,
            user,
            "offer_made",
            locale=letter_locales(application)[-1],
            name=user.full_name,
            address=address_of(advert),
            respond_by=offer.respond_by,
            reference=application.reference,
            phone=current_app.config.get("COUNCIL_PHONE", ""),
            email=current_app.config.get("COUNCIL_CONTACT_EMAIL", ""),
            link=_full_address("homes.bids", "/homes/bids"),
            council=current_app.config.get("COUNCIL_NAME", ""),
        )
        email_helpers(db.session, user, update="offer_made")
    except (OSError, smtplib.SMTPException):
        log.exception("Could not email the household about offer %s", offer.id)
        return False
    return sent


def flash_offer_sent(application: Application, sent: bool) -> None:
    if sent:
        flash(f"Offer made to {application.reference}. We have emailed them.", "success")
    else:
        flash(
            f"Offer made to {application.reference}. We could not email them, so contact them another way.", "success"
        )


def offer_or_404(offer_id: int) -> tuple[Offer, Advert, Application]:
    """The offer, its advert and its household's case (403 for a restricted case)."""
    offer = offers.offer_of(db.session, offer_id)
    advert = shortlists.advert_of(db.session, offer.advert_id) if offer is not None else None
    if offer is None or advert is None:
        abort(404)
    return offer, advert, open_case(offer.application_id)


@bp.route("/lettings/adverts/<int:advert_id>/shortlist/<int:entry_id>/offer", methods=["GET", "POST"])
@officer_required
def shortlist_offer(advert_id: int, entry_id: int) -> str | Response:
    advert = advert_or_404(advert_id)
    entry = entry_or_404(advert, entry_id)
    if not is_council_home(advert):
        abort(404)
    application = open_case(entry.application_id)
    days = int(current_app.config.get("OFFER_RESPONSE_DAYS", 3))
    form = OfferForm(data={"respond_by": default_respond_by(days)})
    if request.method == "POST":
        shortlists.lock_advert(db.session, advert.id)
    problem = why_cannot_choose(advert, entry)
    blocking = in_the_way_message(advert, entry)
    if not problem and form.validate_on_submit():
        if blocking:
            form.respond_by.errors = [blocking, *form.respond_by.errors]
        else:
            offer = offers.make_offer(
                db.session,
                advert,
                application.id,
                officer=acting_officer(),
                route="bidding",
                respond_by=form.respond_by.date,
            )
            db.session.commit()
            flash_offer_sent(application, send_offer_email(application, advert, offer))
            return redirect(shortlist_url(advert))
    elif not problem and blocking and form.is_submitted():
        form.respond_by.errors = [blocking, *form.respond_by.errors]
    return render_template(
        "officer_review/lettings/offers/offer.html",
        title="Offer the home",
        advert=advert,
        entry=entry,
        application=application,
        form=form,
        problem=problem,
        blocking=blocking,
        status_words=STATUS_WORDS,
        back_url=shortlist_url(advert),
    )


@bp.route("/lettings/offers/<int:offer_id>/answer", methods=["GET", "POST"])
@officer_required
def offer_answer(offer_id: int) -> str | Response:
    offer, advert, application = offer_or_404(offer_id)
    form = AnswerForm()
    allowed = offer.status == "made"
    if allowed and form.validate_on_submit():
        officer, today = acting_officer(), lettings_clock.today()
        if form.answer.data == "accepted":
            offers.record_acceptance(db.session, advert, offer, officer=officer, today=today)
        else:
            reasonable = form.reasonable.data == "yes"
            offers.record_refusal(
                db.session,
                advert,
                offer,
                officer=officer,
                reason=form.refusal_reason.cleaned,
                reasonable=reasonable,
                today=today,
            )
        db.session.commit()
        said = "accepted" if form.answer.data == "accepted" else "refused"
        flash(f"{application.reference} {said} the home", "success")
        return redirect(back_from_offer(advert, offer))
    return render_template(
        "officer_review/lettings/offers/answer.html",
        title="Record the household's answer",
        advert=advert,
        offer=offer,
        application=application,
        allowed=allowed,
        form=form,
        offer_words=OFFER_STATUS_WORDS,
        routes=LET_ROUTES,
        back_url=back_from_offer(advert, offer),
    )


def back_from_offer(advert: Advert, offer: Offer) -> str:
    """Offers from a shortlist go back to it; a direct match goes back to the case's bids and offers."""
    if offer.route == "direct_match":
        return url_for("officer_review.case_lettings", application_id=offer.application_id)
    return shortlist_url(advert)


@bp.route("/lettings/offers/<int:offer_id>/undo", methods=["GET", "POST"])
@officer_required
def offer_undo(offer_id: int) -> str | Response:
    offer, advert, application = offer_or_404(offer_id)
    form = UndoForm()
    allowed = offer.status in offers.STANDING and let_for_advert(db.session, advert.id) is None
    if allowed and form.validate_on_submit():
        offers.withdraw_offer(db.session, advert, offer, officer=acting_officer(), reason=form.reason.cleaned)
        db.session.commit()
        flash(f"The offer to {application.reference} is undone", "success")
        return redirect(back_from_offer(advert, offer))
    return render_template(
        "officer_review/lettings/offers/undo.html",
        title="Undo the offer",
        advert=advert,
        offer=offer,
        application=application,
        allowed=allowed,
        form=form,
        offer_words=OFFER_STATUS_WORDS,
        routes=LET_ROUTES,
        back_url=back_from_offer(advert, offer),
    )


@bp.get("/cases/<int:application_id>/lettings")
@officer_required
def case_lettings(application_id: int) -> str:
    application = open_case(application_id)
    bids = shortlists.bids_for_application(db.session, application.id)
    places = shortlists.entries_for_application(db.session, application.id)
    made = offers.offers_for_application(db.session, application.id)
    nominated = nominations.nominations_for_application(db.session, application.id)
    matches = direct_matches.matches_for_application(db.session, application.id)
    lets = lets_for_application(db.session, application.id)
    advert_ids = [row.advert_id for group in (bids, places, made, nominated, matches, lets) for row in group]
    return render_template(
        "officer_review/case/lettings.html",
        title="Bids and offers",
        case=case_header(application),
        flag_labels=FLAG_KINDS,
        bids=bids,
        places=places,
        offers=made,
        nominations=nominated,
        matches=matches,
        lets=lets,
        adverts=shortlists.adverts_by_id(db.session, advert_ids),
        people=users_by_id(
            db.session,
            [match.requested_by_id for match in matches] + [bid.placed_by_id for bid in bids if bid.case_work],
        ),
        refusals=offers.refusals_counted_for(db.session, application.id, lettings_clock.today()),
        refusal_limit=current_scheme().reduced_preference_offers_refused,
        status_words=STATUS_WORDS,
        bid_words=BID_STATUS_WORDS,
        offer_words=OFFER_STATUS_WORDS,
        match_words=MATCH_STATUS_WORDS,
        nomination_words=NOMINATION_WORDS,
        skip_reasons=SKIP_REASONS,
        routes=LET_ROUTES,
        address_of=address_of,
    )
