"""Evidence on a case: every item with its files, checking one item, and asking for something else.

An officer accepts an item (until a date, if it runs out), does not accept it
(with a reason the applicant sees) or asks for it again (with a note and a
date). They can also ask for something the rules did not ask for, which the
applicant then sees on their evidence page. The applicant is emailed, in the
application's language, whenever they are asked to send something.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.case_forms import AcceptForm, AgainForm, ConfirmForm, RejectForm, RequestInformationForm
from officer_review.routes import bp
from portal import notify
from portal.apply.evidence_views import download_name
from portal.auth.access import officer_required
from portal.data import accounts, evidence
from portal.data import applications as apps
from portal.data.application_models import Application
from portal.data.evidence_models import EvidenceItem
from portal.extensions import db
from portal.storage import InvalidKey, StoredFileMissing, file_store
from portal.uploads import format_size

log = logging.getLogger(__name__)

#: What officers call each kind of evidence.
EVIDENCE_NAMES = {
    "identity": "Proof of identity",
    "immigration_status": "Proof of immigration status",
    "address_history": "Address history",
    "income": "Household income",
    "savings": "Savings",
    "property": "A home they own",
    "pregnancy": "Pregnancy",
    "children": "Children who live with them",
    "medical": "Health and medical letters",
    "notice_to_quit": "Notice to leave their home",
    "employment": "Work in the area",
    "armed_forces": "Armed Forces service",
    "care_leaver": "Leaving care",
    "rent_arrears": "Rent arrears",
}
STATUS_TAGS = {
    "needed": ("Not sent yet", "govuk-tag--blue"),
    "uploaded": ("Waiting to be checked", "govuk-tag--yellow"),
    "accepted": ("Accepted", "govuk-tag--green"),
    "rejected": ("Not accepted", "govuk-tag--red"),
    "requested_again": ("Asked for again", "govuk-tag--orange"),
}
SHOWN_INLINE = frozenset({"application/pdf", "image/jpeg", "image/png"})


def person_names(application: Application) -> dict[str, str]:
    return {person.key: person.full_name or "Someone in the household" for person in application.people}


def item_title(
    item: EvidenceItem, names: Mapping[str, str], requests: Mapping[int, evidence.InformationRequest]
) -> str:
    """The item's name for officers: what was asked for, and who it is about."""
    asked = requests.get(item.id)
    if asked is not None:
        return f"Asked for: {asked.what}"
    if item.kind == evidence.REQUESTED:
        return "Asked for by an officer"
    name = EVIDENCE_NAMES.get(item.kind, item.kind.replace("_", " ").capitalize())
    person = names.get(item.person_key)
    return f"{name}: {person}" if person else name


def describe_items(application: Application, items: Sequence[EvidenceItem]) -> list[dict[str, Any]]:
    """Each item with its title, who it is about, its status tag and its files, ready for a page."""
    names = person_names(application)
    requests = evidence.information_requests(db.session, application)
    described = []
    for item in items:
        tag, tag_class = STATUS_TAGS.get(item.status, (item.status, "govuk-tag--grey"))
        described.append(
            {
                "item": item,
                "title": item_title(item, names, requests),
                "about": names.get(item.person_key, "The household"),
                "tag": {"text": tag, "classes": tag_class},
                "request": requests.get(item.id),
                "files": [
                    {
                        "file": sent,
                        "size": format_size(sent.size_bytes),
                        "url": url_for(
                            "officer_review.case_evidence_file", application_id=application.id, file_id=sent.id
                        ),
                    }
                    for sent in item.files
                ],
                "url": url_for("officer_review.case_evidence_item", application_id=application.id, item_id=item.id),
            }
        )
    return described


def evidence_counts(items: Sequence[EvidenceItem]) -> dict[str, int]:
    """How many items still needed are in each status, and in all."""
    needed = [item for item in items if item.still_needed]
    counts = {status: sum(1 for item in needed if item.status == status) for status in STATUS_TAGS}
    counts["total"] = len(needed)
    counts["outstanding"] = evidence.outstanding_count(needed)
    return counts


def can_ask(application: Application) -> bool:
    """Whether the applicant can be asked for evidence: they see their evidence pages until the case is closed."""
    return application.stage != "closed"


def ready_to_assess(application: Application, items: Sequence[EvidenceItem]) -> bool:
    """Waiting for evidence, and every item still needed is accepted: it can move to being assessed."""
    return application.stage == "awaiting_evidence" and evidence.all_accepted(items)


@bp.get("/cases/<int:application_id>/evidence")
@officer_required
def case_evidence(application_id: int) -> str:
    application = open_case(application_id)
    items = evidence.evidence_items(db.session, application)
    described = describe_items(application, items)
    return render_template(
        "officer_review/case/evidence.html",
        title="Evidence",
        case=case_header(application),
        needed=[entry for entry in described if entry["item"].still_needed],
        not_needed=[entry for entry in described if not entry["item"].still_needed],
        counts=evidence_counts(items),
        ready=ready_to_assess(application, items),
        can_ask=can_ask(application),
        form=None,
    )


@bp.post("/cases/<int:application_id>/evidence/ready")
@officer_required
def case_evidence_ready(application_id: int) -> BaseResponse:
    application = open_case(application_id)
    back = url_for("officer_review.case_evidence", application_id=application.id)
    if not ConfirmForm().validate_on_submit():
        return redirect(back)
    if not ready_to_assess(application, evidence.evidence_items(db.session, application)):
        flash("The case cannot move on yet: not every piece of evidence is accepted.", "important")
        return redirect(back)
    apps.move_to(db.session, application, "being_assessed", actor=acting_officer(), reason="All evidence accepted")
    db.commit()
    flash("The case is now being assessed.", "success")
    return redirect(back)


def _item_or_404(application: Application, item_id: int) -> EvidenceItem:
    item = evidence.item_for_case(db.session, application.id, item_id)
    if item is None:
        abort(404)
    return item


def _forms(action: str | None) -> dict[str, Any]:
    """The three forms of an item page; only the one that was sent reads the request."""
    made: dict[str, Any] = {}
    for name, form_class in (("accept", AcceptForm), ("reject", RejectForm), ("again", AgainForm)):
        made[name] = form_class() if name == action else form_class(formdata=None)
    return made


def _act(action: str, form: Any, application: Application, item: EvidenceItem) -> str | None:
    """Do what the officer chose; the kind of email to send the applicant, or None."""
    officer = acting_officer()
    if action == "accept":
        evidence.accept_item(db.session, item, officer=officer, valid_until=form.valid_until.date)
        return None
    if action == "reject":
        evidence.reject_item(db.session, item, officer=officer, reason=form.reason.cleaned)
        why = "not_accepted"
    else:
        evidence.request_again(db.session, item, officer=officer, note=form.note.cleaned, due_on=form.due_on.date)
        why = "again"
    wait_for_evidence(application, reason="Evidence asked for")
    return why


def wait_for_evidence(application: Application, *, reason: str) -> None:
    """A case just sent waits for evidence once an officer asks the applicant for something."""
    if application.stage == "submitted":
        apps.move_to(db.session, application, "awaiting_evidence", actor=acting_officer(), reason=reason)


DONE_MESSAGES = {
    "accept": "The evidence is accepted.",
    "reject": "The evidence is marked as not accepted. We have emailed the applicant.",
    "again": "We have asked the applicant to send it again, and emailed them.",
}


@bp.route("/cases/<int:application_id>/evidence/<int:item_id>", methods=["GET", "POST"])
@officer_required
def case_evidence_item(application_id: int, item_id: int) -> Any:
    application = open_case(application_id)
    item = _item_or_404(application, item_id)
    here = url_for("officer_review.case_evidence_item", application_id=application.id, item_id=item.id)
    can_act = can_ask(application)
    action = request.form.get("action") if request.method == "POST" else None
    if request.method == "POST" and (action not in ("accept", "reject", "again") or not can_act):
        return redirect(here)
    forms = _forms(action)
    failed = None
    if action is not None:
        form = forms[action]
        if form.validate_on_submit():
            why = _act(action, form, application, item)
            db.commit()
            if why is not None:
                email_applicant(application, why, item=item, due_on=item.due_on)
            flash(DONE_MESSAGES[action], "success")
            return redirect(here)
        failed = form
    [entry] = describe_items(application, [item])
    page = render_template(
        "officer_review/case/evidence_item.html",
        title=entry["title"],
        case=case_header(application),
        entry=entry,
        item=item,
        forms=forms,
        can_act=can_act,
        form=failed,
    )
    return (page, 400) if failed is not None else page


@bp.get("/cases/<int:application_id>/files/<int:file_id>")
@officer_required
def case_evidence_file(application_id: int, file_id: int) -> BaseResponse:
    application = open_case(application_id)
    sent = evidence.file_for_case(db.session, application.id, file_id)
    if sent is None:
        abort(404)
    try:
        body = file_store(current_app).get(sent.storage_key)
    except (StoredFileMissing, InvalidKey):
        abort(404)
    evidence.file_viewed(db.session, sent, actor=acting_officer())
    db.commit()
    response = Response(body, content_type=sent.content_type)
    name = download_name(sent.display_name, sent.content_type)
    inline = sent.content_type in SHOWN_INLINE and request.args.get("download") != "1"
    response.headers["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/cases/<int:application_id>/request-information", methods=["GET", "POST"])
@officer_required
def case_request_information(application_id: int) -> Any:
    application = open_case(application_id)
    back = url_for("officer_review.case_evidence", application_id=application.id)
    form = RequestInformationForm()
    if can_ask(application) and form.validate_on_submit():
        due_on = form.due_on.date
        item = evidence.request_information(
            db.session,
            application,
            officer=acting_officer(),
            what=form.what.cleaned,
            why=form.why.cleaned,
            due_on=due_on,
        )
        wait_for_evidence(application, reason="Information asked for")
        db.commit()
        if email_applicant(application, "requested", item=item, due_on=due_on):
            flash("We have asked the applicant for it, and emailed them.", "success")
        else:
            flash("We have asked the applicant for it.", "success")
        return redirect(back)
    page = render_template(
        "officer_review/case/request_information.html",
        title="Ask for information",
        case=case_header(application),
        form=form,
        can_ask=can_ask(application),
        back=back,
    )
    return (page, 400) if form.errors else page


def email_applicant(application: Application, why: str, *, item: EvidenceItem, due_on: Any) -> bool:
    """Tell the applicant, in their application's language, that we need something; True when they were emailed.

    The change is already saved, so a failure to send is logged and said on the page, never an error.
    """
    applicant = accounts.get_user(db.session, application.user_id)
    if applicant is None:
        return False
    link = current_app.config["BASE_URL"].rstrip("/") + url_for("apply.evidence_item", item_id=item.id)
    try:
        sent = notify.email_applicant(
            db.session,
            applicant,
            "evidence_requested",
            locale=application.locale or None,
            name=applicant.full_name,
            reference=application.reference,
            why=why,
            due=due_on,
            link=link,
            council=current_app.config["COUNCIL_NAME"],
        )
        notify.email_helpers(db.session, applicant, update="evidence_requested")
    except OSError:
        log.exception("Could not email the applicant of application %s", application.id)
        flash("The change is saved, but we could not email the applicant. Contact them another way.", "important")
        return False
    if not sent:
        flash("The change is saved. They have no email address, so contact them another way.", "important")
    return sent
