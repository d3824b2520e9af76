"""Officers starting an application for someone (phone, drop-in or paper form), and handing the account over.

The application keeps the date the council first received it, which becomes
the registration date when it is sent. The person takes the account over
later with a code from a printed letter, or a link in an email.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from officer_review.assisted_forms import CHANNEL_NAMES, HandoverForm, StartForm
from officer_review.case_access import acting_officer
from officer_review.case_help_views import applicant_of, handover_state, open_case_or_draft, page_header
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.auth.roles import Role
from portal.data import accounts, assisted, handovers, lettings_clock
from portal.data.applications import application_for
from portal.data.contact_prefs import preferences_for
from portal.data.models import User
from portal.extensions import db
from portal.letters.handover import handover_letter_pdf, letter_filename, postal_address
from portal.notify import email_applicant
from portal.pdf import PDF_MEDIA_TYPE
from portal.rules.casework.kinds import FLAG_KINDS


@bp.get("/assisted")
@officer_required
def assisted_list() -> str:
    return render_template(
        "officer_review/assisted/list.html",
        title="Applications started by officers",
        rows=assisted.started_by_officers(db.session),
        channels=CHANNEL_NAMES,
    )


def existing_account(user: User) -> dict[str, Any]:
    """What to tell the officer about an account that already has the email address they typed."""
    if user.role is not Role.APPLICANT:
        return {"text": "This email address belongs to a staff or support worker account.", "href": None}
    application = application_for(db.session, user.id)
    if application is None:
        return {"text": f"{user.full_name} has an account but has not started an application.", "href": None}
    if application.stage != "draft" or assisted.draft_started_by_officer(db.session, application.id):
        href = url_for("officer_review.case_help", application_id=application.id)
        return {"text": f"{user.full_name} has an application already.", "href": href}
    return {"text": f"{user.full_name} has started an application online but has not sent it yet.", "href": None}


@bp.route("/assisted/new", methods=["GET", "POST"])
@officer_required
def assisted_new() -> str | Response:
    form = StartForm()
    existing = None
    if form.validate_on_submit():
        email = form.email.data or None
        found = accounts.get_user_by_email(db.session, email) if email else None
        if found is not None:
            form.email.errors.append("There is already an account with this email address")
            existing = existing_account(found)
        else:
            someone = assisted.Someone(
                full_name=form.full_name.cleaned,
                date_of_birth=form.date_of_birth.date,  # type: ignore[arg-type]
                email=email,
                phone=form.phone.cleaned,
                locale=form.language.data,
            )
            application = assisted.start_for_someone(
                db.session,
                someone,
                officer=acting_officer(),
                channel=form.channel.data,
                received_on=form.received_on.date,  # type: ignore[arg-type]
            )
            db.commit()
            flash(
                f"Application started for {someone.full_name}. "
                "Work on it for them below, or hand the account over to them.",
                "success",
            )
            return redirect(url_for("officer_review.case_help", application_id=application.id))
    return render_template(
        "officer_review/assisted/new.html", title="Start an application for someone", form=form, existing=existing
    )


def _may_hand_over(user: User, state: dict[str, Any]) -> str | None:
    """Why the account cannot be handed over now, or None when it can."""
    if user.role is not Role.APPLICANT or not state["offered"]:
        return "Only an account an officer set up can be handed over. The applicant set this one up themselves."
    if state["claimed_at"] is not None:
        return "They have taken over their account already."
    return None


@bp.post("/cases/<int:application_id>/handover/email")
@officer_required
def handover_email(application_id: int) -> Response:
    application = open_case_or_draft(application_id)
    user = applicant_of(application)
    back = url_for("officer_review.case_help", application_id=application.id)
    state = handover_state(user, application)
    problem = _may_hand_over(user, state)
    if problem is None and not state["has_email"]:
        problem = "They have no email address. Print a letter with a code instead."
    if problem is not None or not HandoverForm().validate_on_submit():
        flash(problem or "Something went wrong. Try again.", "important")
        return redirect(back)
    handover, token = handovers.create_handover(db.session, user, officer=acting_officer(), sent_by="email")
    base = current_app.config["BASE_URL"].rstrip("/")
    email_applicant(
        db.session,
        user,
        "handover",
        name=user.full_name,
        link=base + url_for("account.claim_link", token=token),
        expires_on=handover.expires_at.date(),
        council=current_app.config["COUNCIL_NAME"],
    )
    db.commit()
    flash(f"We have emailed {user.full_name} a link to take over their account.", "success")
    return redirect(back)


@bp.route("/cases/<int:application_id>/handover/letter", methods=["GET", "POST"])
@officer_required
def handover_letter(application_id: int) -> str | Response:
    application = open_case_or_draft(application_id)
    user = applicant_of(application)
    state = handover_state(user, application)
    problem = _may_hand_over(user, state)
    if problem is None and not state["letter_possible"]:
        problem = (
            "The letter asks them to type their reference number, and they have none until the application is "
            "sent. Send the application first, or add their email address."
        )
    form = HandoverForm()
    if problem is None and form.validate_on_submit():
        handover, code = handovers.create_handover(db.session, user, officer=acting_officer(), sent_by="letter")
        pdf = handover_letter_pdf(
            db.session,
            user,
            application,
            code=code,
            expires_on=handover.expires_at.date(),
            today=lettings_clock.today(),
        )
        db.commit()
        response = Response(pdf, mimetype=PDF_MEDIA_TYPE)
        response.headers["Content-Disposition"] = f'attachment; filename="{letter_filename(user)}"'
        response.headers["Cache-Control"] = "no-store"
        return response
    preferences = preferences_for(db.session, user.id)
    return render_template(
        "officer_review/assisted/letter.html",
        title="Print a letter with a code",
        case=page_header(application),
        flag_labels=FLAG_KINDS,
        form=form,
        problem=problem,
        no_letters=preferences is not None and preferences.letters == "none",
        address=postal_address(db.session, user, application),
        waiting=state["waiting"],
        days=handovers.HANDOVER_DAYS,
    )
