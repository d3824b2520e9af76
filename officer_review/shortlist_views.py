"""An advert's shortlist: the ranked bidders, the ones left out and why, and checking or passing over each.

Every page about one place on a shortlist opens the household's case, so a
sensitive case stays closed to officers not named on it (and the refusal is
recorded). Ids of a place on another advert's shortlist give 404.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from officer_review.advert_pages import advert_or_404
from officer_review.case_access import acting_officer, open_case
from officer_review.case_forms import ConfirmForm
from officer_review.evidence_views import item_title, person_names
from officer_review.offer_forms import SkipForm
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import changes, evidence, lettings_clock, queues, shortlists
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.lets import let_for_advert
from portal.data.letting_models import ShortlistEntry
from portal.data.nominations import waiting_nomination
from portal.data.offers import standing_offer
from portal.extensions import db
from portal.rules.lettings.kinds import SKIP_REASONS
from portal.rules.lettings.shortlist import RULES_USED
from portal.templating import show_date

#: Why the advert's filters left a bidder out, for officers.
EXCLUDED_WORDS = {
    "not_on_register": "Not on the housing register with a band when bidding closed",
    "too_few_bedrooms_needed": "Needs fewer bedrooms than this home is for",
    "too_many_bedrooms_needed": "Needs more bedrooms than this home is for",
    "too_young": "Younger than the home's lowest age",
    "too_old": "Older than the home's highest age",
    "transfer_only": "The home is for council or housing association tenants moving, and they are not one",
    "local_connection": "The home is only for households with a local connection, and they do not have one",
}
STATUS_WORDS = {
    "waiting": "Not checked yet",
    "verified": "Checked",
    "skipped": "Passed over",
    "offered": "Offered",
    "refused": "Refused",
    "accepted": "Accepted",
    "let": "Housed",
    "excluded": "Left out",
}
#: Advert statuses in which officers work through the shortlist.
SHORTLISTING = ("closed",)


def entry_or_404(advert: Advert, entry_id: int) -> ShortlistEntry:
    entry = shortlists.entry_on_advert(db.session, advert.id, entry_id)
    if entry is None:
        abort(404)
    return entry


def shortlist_url(advert: Advert) -> str:
    return url_for("officer_review.advert_shortlist", advert_id=advert.id)


def is_council_home(advert: Advert) -> bool:
    return advert.landlord.kind == "council"


def may_choose(advert: Advert) -> bool:
    """Whether a household on the shortlist can be offered (or nominated for) the home now."""
    return (
        advert.status in SHORTLISTING
        and standing_offer(db.session, advert.id) is None
        and waiting_nomination(db.session, advert.id) is None
    )


def why_cannot_choose(advert: Advert, entry: ShortlistEntry) -> str:
    """Why this household cannot be offered (or nominated for) the home now, or "" when it can."""
    if advert.status not in SHORTLISTING:
        return "This home is not being shortlisted now."
    if not may_choose(advert):
        return "This home has already been offered to a household, or they have been nominated for it."
    if entry.status == "waiting":
        return "Check this household's evidence and circumstances first."
    if entry.status != "verified":
        return f"This household cannot be chosen now. Their place is: {STATUS_WORDS.get(entry.status, entry.status).lower()}."
    return ""


def in_the_way_message(advert: Advert, entry: ShortlistEntry) -> str:
    """An error naming each household above this one not passed over or refused, or "" when none is."""
    blocking = shortlists.in_the_way(db.session, advert, entry)
    if not blocking:
        return ""
    positions = {e.reference: e.position for e in shortlists.entries_for(db.session, advert)}
    named = [f"{reference} (number {positions.get(reference)})" for reference in blocking]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    verb = "is" if len(named) == 1 else "are"
    return (
        f"{listed} {verb} above this household on the shortlist. Pass over each one with a reason, "
        "or record their refusal, first"
    )


def household_name(application_id: int, names: dict[int, str]) -> str:
    return names.get(application_id, "Restricted case")


def visible_names(entries: list[ShortlistEntry]) -> dict[int, str]:
    """The lead applicant's name for each case this officer may open; restricted cases are left out."""
    officer = acting_officer()
    ids = {entry.application_id for entry in entries}
    restricted = queues.restricted_among(db.session, ids, officer_id=officer.id)
    return shortlists.applicant_names(db.session, ids - restricted)


@bp.get("/lettings/adverts/<int:advert_id>/shortlist")
@officer_required
def advert_shortlist(advert_id: int) -> str:
    advert = advert_or_404(advert_id)
    entries = shortlists.entries_for(db.session, advert)
    names = visible_names(entries)
    ranked = [entry for entry in entries if entry.position is not None]
    offer = standing_offer(db.session, advert.id)
    nomination = waiting_nomination(db.session, advert.id)
    return render_template(
        "officer_review/lettings/shortlist/index.html",
        title="Shortlist",
        advert=advert,
        ranked=ranked,
        excluded=[entry for entry in entries if entry.position is None],
        names=names,
        status_words=STATUS_WORDS,
        excluded_words=EXCLUDED_WORDS,
        skip_reasons=SKIP_REASONS,
        rules_used=[sentence.text() for sentence in RULES_USED],
        council_home=is_council_home(advert),
        may_choose=may_choose(advert),
        shortlisting=advert.status in SHORTLISTING,
        offer=offer,
        offer_reference=shortlists.reference_of(db.session, offer.application_id) if offer else "",
        nomination=nomination,
        nomination_reference=shortlists.reference_of(db.session, nomination.application_id) if nomination else "",
        let=let_for_advert(db.session, advert.id),
    )


def _checks(application: Application) -> dict[str, Any]:
    """What the officer checks before confirming a household: evidence still valid, no changes left to deal with."""
    today = lettings_clock.today()
    names = person_names(application)
    requests = evidence.information_requests(db.session, application)
    items = [item for item in evidence.evidence_items(db.session, application) if item.still_needed]
    rows = []
    for item in items:
        if item.status != "accepted":
            state, ok = "Not accepted yet", False
        elif item.valid_until is not None and item.valid_until < today:
            state, ok = f"Ran out on {show_date(item.valid_until)}", False
        else:
            state, ok = "Accepted and still valid", True
        rows.append({"title": item_title(item, names, requests), "state": state, "ok": ok})
    return {"evidence": rows, "changes": changes.changes_to_handle(db.session, application)}


@bp.route("/lettings/adverts/<int:advert_id>/shortlist/<int:entry_id>/verify", methods=["GET", "POST"])
@officer_required
def shortlist_verify(advert_id: int, entry_id: int) -> str | Response:
    advert = advert_or_404(advert_id)
    entry = entry_or_404(advert, entry_id)
    application = open_case(entry.application_id)
    form = ConfirmForm()
    allowed = advert.status in SHORTLISTING and entry.status == "waiting"
    if allowed and form.validate_on_submit():
        shortlists.verify(db.session, advert, entry, officer=acting_officer())
        db.session.commit()
        flash(f"{entry.reference} checked", "success")
        return redirect(shortlist_url(advert))
    return render_template(
        "officer_review/lettings/shortlist/verify.html",
        title="Check this household",
        advert=advert,
        entry=entry,
        application=application,
        allowed=allowed,
        form=form,
        status_words=STATUS_WORDS,
        back_url=shortlist_url(advert),
        **_checks(application),
    )


@bp.route("/lettings/adverts/<int:advert_id>/shortlist/<int:entry_id>/skip", methods=["GET", "POST"])
@officer_required
def shortlist_skip(advert_id: int, entry_id: int) -> str | Response:
    advert = advert_or_404(advert_id)
    entry = entry_or_404(advert, entry_id)
    application = open_case(entry.application_id)
    form = SkipForm()
    allowed = advert.status in SHORTLISTING and entry.status in ("waiting", "verified")
    if allowed and form.validate_on_submit():
        shortlists.skip(
            db.session, advert, entry, officer=acting_officer(), reason=form.reason.data, note=form.note.cleaned
        )
        db.session.commit()
        flash(f"{entry.reference} passed over", "success")
        return redirect(shortlist_url(advert))
    return render_template(
        "officer_review/lettings/shortlist/skip.html",
        title="Pass over this household",
        advert=advert,
        entry=entry,
        application=application,
        allowed=allowed,
        form=form,
        status_words=STATUS_WORDS,
        back_url=shortlist_url(advert),
    )
