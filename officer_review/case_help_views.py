"""The case's contact and help page: contact needs, who is helping, working on the application for the applicant.

An officer works on an application for the applicant through the applicant's
own pages, after saying why: the reason is kept in the audit trail and
everything they do there is recorded as done by them for the applicant.
Applications an officer started open here before they are sent.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

from officer_review.assisted_forms import CHANNEL_WORDS, ActForm, HandoverForm
from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.routes import bp
from portal.apply import paper
from portal.auth import acting
from portal.auth.access import officer_required
from portal.data import accounts, assisted, cases, consents, handovers, lettings_clock
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.contact_prefs import FORMAT_NAMES, preferences_for
from portal.data.models import User
from portal.extensions import db
from portal.i18n import LANGUAGES
from portal.notify import has_email
from portal.pdf import PDF_MEDIA_TYPE
from portal.rules.casework.kinds import FLAG_KINDS

LETTER_WORDS = {
    "home": "Post letters to their home address",
    "none": "Do not post letters to them",
    "other": "Post letters to another address",
}
CAN_WORDS = {"can_help": "help with the application and documents", "can_bid": "bid for homes"}


def open_case_or_draft(application_id: int) -> Application:
    """The case, or a draft an officer started (which no other case page opens)."""
    draft = assisted.draft_started_by_officer(db.session, application_id)
    if draft is None:
        return open_case(application_id)
    if not cases.may_open(db.session, acting_officer(), draft.id):
        abort(403)
    return draft


def page_header(application: Application) -> dict[str, Any]:
    """The case header; a draft has no reference yet, and only its contact and help page opens."""
    header = case_header(application)
    if application.stage == "draft":
        here = url_for("officer_review.case_help", application_id=application.id)
        header["reference"] = "not sent yet"
        header["navigation"] = [item for item in header["navigation"] if item["href"] == here]
    return header


def applicant_of(application: Application) -> User:
    user = accounts.get_user(db.session, application.user_id)
    if user is None:  # the foreign key holds
        abort(404)
    return user


def _contact_rows(user: User, application: Application) -> list[tuple[str, str]]:
    """What we know about reaching them, as (label, value) rows."""
    languages = {language.code: language.english_name for language in LANGUAGES}
    phone = (application.applicant.answers or {}).get("phone") if application.people else None
    rows = [
        ("Email address", user.email if has_email(user) else "No email address"),
        ("Phone", phone if isinstance(phone, str) and phone else "Not given"),
        ("Language", languages.get(user.preferred_locale, user.preferred_locale)),
    ]
    preferences = preferences_for(db.session, user.id)
    if preferences is None:
        return [*rows, ("How to contact them", "They have not told us anything else")]
    formats = [FORMAT_NAMES.get(found, found) for found in preferences.formats or []]
    if preferences.format_other:
        formats.append(preferences.format_other)
    letters = LETTER_WORDS.get(preferences.letters, preferences.letters)
    if preferences.letters == "other" and preferences.letter_address:
        letters = f"{letters}: {preferences.letter_address}"
    rows += [
        ("Interpreter", preferences.interpreter_language or "Not needed"),
        ("Formats", ", ".join(formats) or "No special format"),
        ("Letters", letters),
        ("Safe times to call", preferences.safe_call_times or "Any time"),
        ("Voicemail", "Do not leave a voicemail" if preferences.no_voicemail else "Voicemail is fine"),
        ("Another email for our emails", preferences.alternative_email or "None"),
    ]
    return rows


def _helpers(user: User) -> list[dict[str, Any]]:
    found = []
    for consent, worker_user, worker in consents.helpers_in_force(db.session, user.id, lettings_clock.today()):
        can = ["see the application and bids"] + [words for name, words in CAN_WORDS.items() if getattr(consent, name)]
        found.append(
            {
                "name": worker_user.full_name,
                "organisation": consents.organisation_of(db.session, worker).name,
                "phone": worker.phone,
                "can": ", ".join(can),
                "until": consent.expires_on,
            }
        )
    return found


def handover_state(user: User, application: Application) -> dict[str, Any]:
    """Whether the account can be handed over, and how the handovers so far went."""
    made = handovers.handovers_of(db.session, user.id)
    officers = accounts.users_by_id(db.session, [handover.created_by_id for handover in made])
    return {
        "offered": application.channel != "online",
        "claimed_at": handovers.claimed_at(db.session, user.id),
        "waiting": [handover for handover in made if handovers.problem_with(handover) is None],
        "history": made,
        "officers": officers,
        "has_email": has_email(user),
        "letter_possible": has_email(user) or handovers.reference_of(db.session, user) is not None,
    }


@bp.get("/cases/<int:application_id>/help")
@officer_required
def case_help(application_id: int) -> str:
    application = open_case_or_draft(application_id)
    return render_help(application, ActForm())


def render_help(application: Application, act_form: ActForm) -> str:
    user = applicant_of(application)
    started_by = accounts.get_user(db.session, application.started_by_id) if application.started_by_id else None
    return render_template(
        "officer_review/case/help.html",
        title="Contact and help",
        case=page_header(application),
        flag_labels=FLAG_KINDS,
        form=act_form,
        applicant=user,
        contact_rows=_contact_rows(user, application),
        helpers=_helpers(user),
        channel=CHANNEL_WORDS.get(application.channel, application.channel),
        started_by=started_by,
        received_on=application.received_on,
        handover=handover_state(user, application),
        handover_form=HandoverForm(),
    )


@bp.post("/cases/<int:application_id>/help/act")
@officer_required
def case_act(application_id: int) -> str | Response:
    application = open_case_or_draft(application_id)
    form = ActForm()
    if not form.validate_on_submit():
        return render_help(application, form)
    user = applicant_of(application)
    reason = form.reason_text()
    acting.start_acting(user.id, reason=reason)
    record_event(
        db.session,
        actor=acting_officer(),
        on_behalf_of=user,
        action="officer.started_acting",
        subject_type="application",
        subject_id=application.id,
        reason=reason,
        details={"reason": form.reason.data},
    )
    db.commit()
    if form.reason.data == "case_work_bidding":
        return redirect(url_for("homes.index"))
    return redirect(url_for("apply.index"))


@bp.get("/cases/<int:application_id>/summary.pdf")
@officer_required
def case_summary_pdf(application_id: int) -> Response:
    application = open_case_or_draft(application_id)
    response = Response(paper.summary_pdf(application, locale="en"), mimetype=PDF_MEDIA_TYPE)
    response.headers["Content-Disposition"] = f'inline; filename="{paper.summary_filename(application)}"'
    response.headers["Cache-Control"] = "no-store"
    return response
