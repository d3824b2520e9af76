"""Support workers taking up invitations (by link or code), asking applicants for access, and ending their own.

Only a worker an officer has approved may take up an invitation or ask for
access. Whatever email address a worker asks about, the answer is the same,
so nobody learns from it whether someone has an account. Working on these
pages is not work for a client, so they stop any helping under way first.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from portal.account.helper_forms import worker_can, you_can
from portal.auth import acting
from portal.auth.access import support_worker_required
from portal.data import consent_changes as changes
from portal.data import consents, lettings_clock
from portal.data.accounts import get_user
from portal.data.base import utcnow
from portal.data.models import User
from portal.data.support_models import Consent
from portal.extensions import db, limiter
from portal.notify import email_applicant
from portal.support.consent_forms import AskForm, CodeForm, ConfirmForm, InvitationAnswerForm
from portal.support.routes import bp

Page = str | Response
CODE_KEY = "support_code_invitation"
CODE_LIMIT = "10 per hour"
ASK_LIMIT = "10 per hour; 30 per day"


def _per_worker() -> str:
    return f"consents:{current_user.id}"


def _worker() -> User:
    return acting.current_user_record()


def _organisation_name(worker: User) -> str:
    profile = consents.worker_profile(db.session, worker.id)
    return consents.organisation_of(db.session, profile).name if profile else ""


def _approved() -> bool:
    profile = consents.worker_profile(db.session, _worker().id)
    return profile is not None and profile.is_approved


def _not_approved() -> str:
    profile = consents.worker_profile(db.session, _worker().id)
    return render_template(
        "portal/support/consents/not_approved.html",
        title=_("You cannot help people yet"),
        status=profile.status if profile else "waiting",
    )


def _not_working(by_code: bool) -> str:
    return render_template(
        "portal/support/consents/not_working.html",
        title=_("This code does not work") if by_code else _("This link does not work"),
        by_code=by_code,
    )


def _tell_applicant(applicant: User, template: str, **context: Any) -> None:
    worker = _worker()
    email_applicant(
        db.session,
        applicant,
        template,
        name=applicant.full_name,
        helper=worker.full_name,
        organisation=_organisation_name(worker),
        link=str(current_app.config["BASE_URL"]).rstrip("/") + url_for("account.helpers"),
        council=current_app.config["COUNCIL_NAME"],
        **context,
    )


def _applicant_of(consent: Consent) -> User:
    applicant = get_user(db.session, consent.applicant_id)
    assert applicant is not None  # the foreign key holds
    return applicant


def _answer(consent: Consent) -> Page:
    """The invitation, and the worker's answer to it."""
    applicant = _applicant_of(consent)
    form = InvitationAnswerForm()
    if form.validate_on_submit():
        acting.stop_acting()
        worker = _worker()
        session.pop(CODE_KEY, None)
        if form.answer.data == "yes":
            changes.take_up(db.session, consent, worker, applicant, utcnow())
            db.commit()
            _tell_applicant(applicant, "helper_accepted", can=you_can(consent.scopes), expires_on=consent.expires_on)
            flash(_("You can now help %(name)s.", name=applicant.full_name), "success")
        else:
            changes.turn_down(db.session, consent, worker, utcnow())
            db.commit()
            _tell_applicant(applicant, "helper_declined")
            flash(_("We have told %(name)s that you said no.", name=applicant.full_name), "success")
        return redirect(url_for("support.dashboard"))
    return render_template(
        "portal/support/consents/invitation.html",
        title=_("%(name)s has asked you to help them", name=applicant.full_name),
        form=form,
        applicant=applicant,
        can=worker_can(consent.scopes),
        expires_on=consent.expires_on,
    )


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@support_worker_required
def invitation(token: str) -> Page:
    if not _approved():
        return _not_approved()
    consent = changes.open_invitation(db.session, token, "email_invite", lettings_clock.today(), utcnow())
    if consent is None or not changes.invited_address_is(consent, _worker().email):
        return _not_working(by_code=False)
    return _answer(consent)


@bp.route("/code", methods=["GET", "POST"])
@support_worker_required
@limiter.limit(CODE_LIMIT, key_func=_per_worker, methods=["POST"])
def code() -> Page:
    if not _approved():
        return _not_approved()
    form = CodeForm()
    if form.validate_on_submit():
        typed = changes.clean_code(form.code.data)
        consent = changes.open_invitation(db.session, typed, "code_invite", lettings_clock.today(), utcnow())
        if consent is not None:
            session[CODE_KEY] = consent.id
            return redirect(url_for("support.code_invitation"))
        form.code.errors.append(
            _("This code does not work. Check you typed it as they gave it to you. A code works once, for 14 days.")
        )
    return render_template("portal/support/consents/code.html", title=_("Type the code they gave you"), form=form)


@bp.route("/code/invitation", methods=["GET", "POST"])
@support_worker_required
def code_invitation() -> Page:
    if not _approved():
        return _not_approved()
    chosen = session.get(CODE_KEY)
    consent = db.session.get(Consent, chosen) if isinstance(chosen, int) else None
    if (
        consent is None
        or consent.route != "code_invite"
        or not changes.still_open(consent, lettings_clock.today(), utcnow())
    ):
        session.pop(CODE_KEY, None)
        return _not_working(by_code=True)
    return _answer(consent)


@bp.route("/ask", methods=["GET", "POST"])
@support_worker_required
@limiter.limit(ASK_LIMIT, key_func=_per_worker, methods=["POST"])
def ask() -> Page:
    if not _approved():
        return _not_approved()
    form = AskForm()
    if form.validate_on_submit():
        acting.stop_acting()
        can_help, can_bid = form.chosen()
        made = changes.ask(
            db.session,
            _worker(),
            email=form.email.data,
            can_help=can_help,
            can_bid=can_bid,
            message=form.message.cleaned,
            today=lettings_clock.today(),
        )
        db.commit()
        if made is not None:
            consent, applicant = made
            _tell_applicant(applicant, "helper_asked", can=you_can(consent.scopes), message=consent.request_message)
        return redirect(url_for("support.ask_sent"))
    return render_template("portal/support/consents/ask.html", title=_("Ask someone to let you help them"), form=form)


@bp.get("/ask/sent")
@support_worker_required
def ask_sent() -> str:
    return render_template(
        "portal/support/consents/ask_sent.html", title=_("If they have an account, we have asked them")
    )


def _own(consent_id: int) -> Consent:
    consent = consents.consent_for_worker(db.session, _worker().id, consent_id)
    if consent is None:
        abort(404)
    return consent


@bp.route("/requests/<int:consent_id>/cancel", methods=["GET", "POST"])
@support_worker_required
def cancel_request(consent_id: int) -> Page:
    consent = _own(consent_id)
    if consent.status != "requested":
        return redirect(url_for("support.dashboard"))
    applicant = _applicant_of(consent)
    form = ConfirmForm()
    if form.validate_on_submit():
        acting.stop_acting()
        changes.cancel(db.session, consent, _worker(), utcnow())
        db.commit()
        flash(_("Your request to help %(name)s is cancelled.", name=applicant.full_name), "success")
        return redirect(url_for("support.dashboard"))
    return render_template(
        "portal/support/consents/cancel.html",
        title=_("Cancel your request to help %(name)s", name=applicant.full_name),
        form=form,
    )


@bp.route("/clients/<int:consent_id>/end", methods=["GET", "POST"])
@support_worker_required
def end_access(consent_id: int) -> Page:
    consent = _own(consent_id)
    if consent.status != "active":
        return redirect(url_for("support.dashboard"))
    applicant = _applicant_of(consent)
    form = ConfirmForm()
    if form.validate_on_submit():
        acting.stop_acting()
        changes.worker_ends(db.session, consent, _worker(), applicant, utcnow())
        db.commit()
        _tell_applicant(applicant, "helper_ended")
        flash(
            _("You no longer help %(name)s. You cannot see their application now.", name=applicant.full_name), "success"
        )
        return redirect(url_for("support.dashboard"))
    return render_template(
        "portal/support/consents/end.html",
        title=_("End your help for %(name)s", name=applicant.full_name),
        form=form,
        applicant=applicant,
    )
