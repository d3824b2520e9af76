"""Nominations to housing associations: nominating a checked household with a generated nomination
document, opening that document, and recording the landlord's answer."""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, request
from werkzeug.wrappers import Response as BaseResponse

from officer_review.case_access import acting_officer, open_case
from officer_review.offer_forms import NominateForm, NominationOutcomeForm
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
from portal.data import lettings_clock, nominations, shortlists
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.letting_models import Nomination
from portal.extensions import db
from portal.letters.nomination import document_filename, make_nomination_document
from portal.pdf import PDF_MEDIA_TYPE
from portal.storage import InvalidKey, StorageError, StoredFileMissing, file_store

OUTCOME_WORDS = {"waiting": "Waiting for the landlord", "accepted": "Accepted", "refused": "Refused"}


def nomination_or_404(nomination_id: int) -> tuple[Nomination, Advert, Application]:
    """The nomination, its advert and its household's case (403 for a restricted case)."""
    nomination = nominations.nomination_of(db.session, nomination_id)
    advert = shortlists.advert_of(db.session, nomination.advert_id) if nomination is not None else None
    if nomination is None or advert is None:
        abort(404)
    return nomination, advert, open_case(nomination.application_id)


@bp.route("/lettings/adverts/<int:advert_id>/shortlist/<int:entry_id>/nominate", methods=["GET", "POST"])
@officer_required
def shortlist_nominate(advert_id: int, entry_id: int) -> str | BaseResponse:
    advert = advert_or_404(advert_id)
    entry = entry_or_404(advert, entry_id)
    if is_council_home(advert):
        abort(404)
    application = open_case(entry.application_id)
    form = NominateForm()
    if request.method == "POST":
        shortlists.lock_advert(db.session, advert.id)
    problem = why_cannot_choose(advert, entry)
    blocking = in_the_way_message(advert, entry)
    if not problem and form.validate_on_submit():
        if blocking:
            form.access_needs.errors = [blocking, *form.access_needs.errors]
        else:
            officer = acting_officer()
            key = make_nomination_document(
                db.session,
                advert,
                application,
                entry,
                officer=officer,
                access_needs=form.access_needs.cleaned,
                today=lettings_clock.today(),
                store=file_store(current_app),
            )
            nominations.nominate(
                db.session, advert, entry, officer=officer, document_key=key, access_needs=form.access_needs.cleaned
            )
            db.session.commit()
            flash(f"{application.reference} nominated to {advert.landlord.name}", "success")
            return redirect(shortlist_url(advert))
    elif not problem and blocking and form.is_submitted():
        form.access_needs.errors = [blocking, *form.access_needs.errors]
    return render_template(
        "officer_review/lettings/nominations/nominate.html",
        title="Nominate this household",
        advert=advert,
        entry=entry,
        application=application,
        form=form,
        problem=problem,
        blocking=blocking,
        status_words=STATUS_WORDS,
        back_url=shortlist_url(advert),
    )


@bp.get("/lettings/nominations/<int:nomination_id>/document")
@officer_required
def nomination_document(nomination_id: int) -> Response:
    nomination, advert, application = nomination_or_404(nomination_id)
    try:
        data = file_store(current_app).get(nomination.document_key)
    except (StoredFileMissing, InvalidKey, StorageError):
        abort(404)
    response = Response(data, mimetype=PDF_MEDIA_TYPE)
    response.headers["Content-Disposition"] = f'inline; filename="{document_filename(advert, application)}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/lettings/nominations/<int:nomination_id>/outcome", methods=["GET", "POST"])
@officer_required
def nomination_outcome(nomination_id: int) -> str | BaseResponse:
    nomination, advert, application = nomination_or_404(nomination_id)
    form = NominationOutcomeForm()
    allowed = nomination.outcome == "waiting"
    if allowed and form.validate_on_submit():
        entry = shortlists.entry_for(db.session, advert.id, application.id)
        nominations.record_outcome(
            db.session,
            advert,
            nomination,
            entry,
            officer=acting_officer(),
            outcome=form.outcome.data,
            reason=form.reason.cleaned,
            today=lettings_clock.today(),
        )
        db.session.commit()
        if form.outcome.data == "accepted":
            flash(f"{advert.landlord.name} accepted {application.reference}. You can now let the home.", "success")
        else:
            flash(f"{advert.landlord.name} refused {application.reference}", "success")
        return redirect(shortlist_url(advert))
    return render_template(
        "officer_review/lettings/nominations/outcome.html",
        title="Record the landlord's answer",
        advert=advert,
        nomination=nomination,
        application=application,
        allowed=allowed,
        form=form,
        outcome_words=OUTCOME_WORDS,
        back_url=shortlist_url(advert),
    )
