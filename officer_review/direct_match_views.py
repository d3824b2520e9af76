"""Direct matches: an officer asks to match a household to a home outside bidding, and a senior officer or
administrator who did not ask decides. An approved match holds the home and offers it to the household."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer, open_case
from officer_review.offer_forms import DecideMatchForm, DirectMatchForm, default_respond_by
from officer_review.offer_views import address_of, send_offer_email
from officer_review.routes import bp
from officer_review.shortlist_views import advert_or_404
from portal.auth.access import officer_required, roles_required
from portal.auth.roles import Role
from portal.data import cases, direct_matches, shortlists
from portal.data.accounts import users_by_id
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.letting_models import DirectMatch
from portal.extensions import db

DECIDERS = (Role.SENIOR_OFFICER, Role.ADMIN)
STATUS_WORDS = {"waiting": "Waiting for a decision", "approved": "Approved", "refused": "Refused"}


def _names(matches: list[DirectMatch]) -> dict[int, str]:
    """The household's name and reference for each case this officer may open."""
    officer = acting_officer()
    found = {}
    for match in matches:
        if cases.may_open(db.session, officer, match.application_id):
            application = db.session.get(Application, match.application_id)
            if application is not None and application.people:
                found[match.application_id] = f"{application.applicant.full_name}, {application.reference}"
    return found


@bp.route("/lettings/adverts/<int:advert_id>/direct-match", methods=["GET", "POST"])
@officer_required
def advert_direct_match(advert_id: int) -> str | Response:
    advert = advert_or_404(advert_id)
    form = DirectMatchForm()
    problem = direct_matches.why_not_matchable(db.session, advert)
    if not problem and form.validate_on_submit():
        application = direct_matches.household_by_reference(db.session, form.reference.cleaned)
        officer = acting_officer()
        if application is None:
            form.reference.errors = ["There is no household with this reference. Check it and try again"]
        elif not cases.may_open(db.session, officer, application.id):
            form.reference.errors = ["This case is restricted. Only officers named on it can ask for a match"]
        else:
            try:
                direct_matches.request_match(
                    db.session, advert, application, officer=officer, reason=form.reason.cleaned
                )
            except direct_matches.CannotMatch as error:
                db.session.rollback()
                form.reference.errors = [str(error)]
            else:
                db.session.commit()
                flash(f"Match of {application.reference} sent to a senior officer to decide", "success")
                return redirect(url_for("officer_review.advert_direct_match", advert_id=advert.id))
    matches = direct_matches.matches_for_advert(db.session, advert.id)
    return render_template(
        "officer_review/lettings/direct_matches/advert.html",
        title="Direct match",
        advert=advert,
        form=form,
        problem=problem,
        matches=matches,
        names=_names(matches),
        people=users_by_id(db.session, [m.requested_by_id for m in matches] + [m.decided_by_id for m in matches]),
        status_words=STATUS_WORDS,
    )


@bp.get("/lettings/direct-matches", endpoint="direct_matches")
@officer_required
def direct_matches_list() -> str:
    waiting = direct_matches.match_list(db.session, waiting=True)
    decided = direct_matches.match_list(db.session, waiting=False, limit=50)
    everyone = [match for match, _advert in waiting + decided]
    return render_template(
        "officer_review/lettings/direct_matches/index.html",
        title="Direct matches",
        waiting=waiting,
        decided=decided,
        names=_names(everyone),
        people=users_by_id(db.session, [m.requested_by_id for m in everyone] + [m.decided_by_id for m in everyone]),
        status_words=STATUS_WORDS,
        address_of=address_of,
        may_decide=acting_officer().role in DECIDERS,
    )


def match_or_404(match_id: int) -> tuple[DirectMatch, Advert, Application]:
    match = direct_matches.match_of(db.session, match_id)
    advert = shortlists.advert_of(db.session, match.advert_id) if match is not None else None
    if match is None or advert is None:
        abort(404)
    return match, advert, open_case(match.application_id)


@bp.route("/lettings/direct-matches/<int:match_id>/decide", methods=["GET", "POST"])
@roles_required(*DECIDERS)
def direct_match_decide(match_id: int) -> str | Response:
    match, advert, application = match_or_404(match_id)
    officer = acting_officer()
    form = DecideMatchForm()
    own = match.requested_by_id == officer.id
    allowed = match.status == "waiting"
    if allowed and form.validate_on_submit():
        days = int(current_app.config.get("OFFER_RESPONSE_DAYS", 3))
        try:
            if form.decision.data == "approved":
                offer = direct_matches.approve(
                    db.session,
                    match,
                    advert,
                    officer=officer,
                    reason=form.reason.cleaned,
                    respond_by=default_respond_by(days),
                )
            else:
                offer = None
                direct_matches.refuse(db.session, match, advert, officer=officer, reason=form.reason.cleaned)
        except direct_matches.CannotMatch as error:
            db.session.rollback()
            form.decision.errors = [str(error)]
        else:
            db.session.commit()
            if offer is None:
                flash(f"Match of {application.reference} refused", "success")
            elif send_offer_email(application, advert, offer):
                flash(
                    f"Match approved. The home is offered to {application.reference}. We have emailed them.", "success"
                )
            else:
                flash(
                    f"Match approved. The home is offered to {application.reference}. "
                    "We could not email them, so contact them another way.",
                    "success",
                )
            return redirect(url_for("officer_review.direct_matches"))
    return render_template(
        "officer_review/lettings/direct_matches/decide.html",
        title="Decide a direct match",
        advert=advert,
        match=match,
        application=application,
        own=own,
        allowed=allowed,
        problem=direct_matches.why_not_matchable(db.session, advert) if match.status == "waiting" else None,
        form=form,
        people=users_by_id(db.session, [match.requested_by_id, match.decided_by_id]),
        status_words=STATUS_WORDS,
        address_of=address_of,
        back_url=url_for("officer_review.direct_matches"),
    )
