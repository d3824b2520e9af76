"""The people helping an applicant: inviting them, agreeing to requests, changing or ending their access, and what they did.

Inviting, agreeing to a request and changing someone's access share the same
questions (what they can do, until when) and a check page; the answers so far
are kept in the session until the check page saves them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from portal.account import helper_forms as words
from portal.account.helper_forms import (
    MONTH_CHOICES,
    ConfirmForm,
    HelperEmailForm,
    HowForm,
    RequestAnswerForm,
    ScopeForm,
    UntilForm,
)
from portal.account.routes import bp
from portal.auth import acting
from portal.auth.access import applicant_required
from portal.data import consent_changes as changes
from portal.data import consents, lettings_clock
from portal.data.accounts import get_user_by_email
from portal.data.base import utcnow
from portal.data.models import User
from portal.data.support_models import Consent
from portal.extensions import db
from portal.mail import send_email
from portal.rules.support.scopes import scopes_from

Page = str | Response
DRAFT = "helper_draft"
DONE = "helper_invite_done"
PER_PAGE = 50


def _me() -> User:
    return acting.current_user_record()


def _mine(consent_id: int) -> Consent:
    consent = consents.consent_for_applicant(db.session, _me().id, consent_id)
    if consent is None:
        abort(404)
    return consent


def _draft() -> dict[str, Any] | None:
    found = session.get(DRAFT)
    return dict(found) if isinstance(found, dict) else None


def _save(**answers: Any) -> None:
    session[DRAFT] = {**(_draft() or {}), **answers}


def _link(endpoint: str, **values: Any) -> str:
    return str(current_app.config["BASE_URL"]).rstrip("/") + url_for(endpoint, **values)


def _next(endpoint: str) -> Response:
    """The next question, or back to the check page when the person came from there to change an answer."""
    return redirect(url_for("account.helper_check" if request.args.get("check") else endpoint))


def _end_date(draft: dict[str, Any]) -> dt.date:
    if draft.get("until") in MONTH_CHOICES:
        return changes.months_ahead(lettings_clock.today(), int(draft["until"]))
    return dt.date.fromisoformat(str(draft["on"]))


def _tell_worker(consent: Consent, template: str) -> None:
    """Email the worker about a change to their access, in their language."""
    worker = db.session.get(User, consent.worker_id) if consent.worker_id else None
    if worker is None:
        return
    send_email(
        worker.email,
        template,
        worker.preferred_locale or "en",
        name=worker.full_name,
        applicant=_me().full_name,
        can=words.worker_can(consent.scopes),
        expires_on=consent.expires_on,
        link=_link("support.dashboard"),
        council=current_app.config["COUNCIL_NAME"],
    )


# The list and the activity ----------------------------------------------------------------------------------------


@bp.get("/account/helpers")
@applicant_required
def helpers() -> str:
    rows = changes.helper_rows(db.session, _me().id)
    return render_template(
        "portal/account/helpers/list.html",
        title=_("People helping you"),
        groups=words.group(rows, _me().id, lettings_clock.today(), utcnow()),
    )


@bp.get("/account/helpers/activity")
@applicant_required
def helper_activity() -> str:
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    lines, total = changes.helper_activity(db.session, _me().id, page=page, per_page=PER_PAGE)
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    return render_template(
        "portal/account/helpers/activity.html",
        title=_("What people helping you have done"),
        lines=[words.activity_line(line) for line in lines],
        result={
            "pages": pages,
            "total": total,
            "first": (page - 1) * PER_PAGE + 1,
            "last": min(page * PER_PAGE, total),
        },
        pages={
            "previous": url_for("account.helper_activity", page=page - 1) if page > 1 else None,
            "next": url_for("account.helper_activity", page=page + 1) if page < pages else None,
        },
    )


# Inviting, agreeing and changing: the shared questions ------------------------------------------------------------


@bp.route("/account/helpers/invite", methods=["GET", "POST"])
@applicant_required
def helper_invite() -> Page:
    form = HowForm()
    if form.validate_on_submit():
        draft = _draft() or {}
        kept = draft if draft.get("mode") == "invite" else {}
        session[DRAFT] = {**kept, "mode": "invite", "how": form.how.data}
        if form.how.data == "email":
            return redirect(url_for("account.helper_invite_email", **request.args))
        return _next("account.helper_scope")
    if request.method == "GET" and (_draft() or {}).get("mode") == "invite":
        form.how.data = (_draft() or {}).get("how")
    return _question(form, "how", _("How do you want to invite them?"), url_for("account.helpers"))


@bp.route("/account/helpers/invite/email", methods=["GET", "POST"])
@applicant_required
def helper_invite_email() -> Page:
    draft = _draft()
    if draft is None or draft.get("mode") != "invite":
        return redirect(url_for("account.helper_invite"))
    form = HelperEmailForm()
    if form.validate_on_submit():
        _save(email=form.email.data.strip())
        return _next("account.helper_scope")
    if request.method == "GET":
        form.email.data = draft.get("email")
    return _question(form, "email", _("What is their work email address?"), url_for("account.helper_invite"))


@bp.route("/account/helpers/scope", methods=["GET", "POST"])
@applicant_required
def helper_scope() -> Page:
    draft = _draft()
    if draft is None:
        return redirect(url_for("account.helpers"))
    form = ScopeForm()
    if form.validate_on_submit():
        can_help, can_bid = form.chosen()
        _save(help=can_help, bid=can_bid)
        return _next("account.helper_until")
    if request.method == "GET" and "help" in draft:
        form.can.data = [key for key in ("help", "bid") if draft.get(key)]
    return _question(form, "can", _("What can they do for you?"), _back_from_scope(draft))


def _back_from_scope(draft: dict[str, Any]) -> str:
    if draft.get("mode") == "agree":
        return url_for("account.helper_request", consent_id=draft["consent"])
    if draft.get("mode") == "change":
        return url_for("account.helpers")
    if draft.get("how") == "email":
        return url_for("account.helper_invite_email")
    return url_for("account.helper_invite")


@bp.route("/account/helpers/until", methods=["GET", "POST"])
@applicant_required
def helper_until() -> Page:
    draft = _draft()
    if draft is None or "help" not in draft:
        return redirect(url_for("account.helpers"))
    form = UntilForm()
    if form.validate_on_submit():
        chosen = form.on_date.date.isoformat() if form.until.data == "date" and form.on_date.date else None
        _save(until=form.until.data, on=chosen)
        return redirect(url_for("account.helper_check"))
    if request.method == "GET" and draft.get("until"):
        form.until.data = draft["until"]
        if draft.get("on"):
            form.on_date.data = dt.date.fromisoformat(draft["on"])
    return render_template(
        "portal/account/helpers/until.html",
        title=_("Until when can they help you?"),
        form=form,
        back_url=url_for("account.helper_scope"),
    )


def _question(form: Any, field: str, title: str, back_url: str) -> str:
    return render_template(
        "portal/account/helpers/question.html", title=title, form=form, field=form[field], back_url=back_url
    )


@bp.route("/account/helpers/check", methods=["GET", "POST"])
@applicant_required
def helper_check() -> Page:
    draft = _draft()
    if draft is None or not draft.get("until"):
        return redirect(url_for("account.helpers"))
    if draft.get("mode") == "invite" and (draft.get("how") not in ("email", "code") or _invite_email(draft) == ""):
        return redirect(url_for("account.helper_invite"))
    consent = _mine(int(draft["consent"])) if draft.get("mode") in ("agree", "change") else None
    form = ConfirmForm()
    if form.validate_on_submit():
        return _save_draft(draft, consent)
    return render_template(
        "portal/account/helpers/check.html",
        title=_("Check your answers"),
        form=form,
        draft=draft,
        row=changes.helper_row(db.session, consent) if consent else None,
        can=words.you_can(scopes_from(bool(draft.get("help")), bool(draft.get("bid")))),
        expires_on=_end_date(draft),
        back_url=url_for("account.helper_until"),
    )


def _save_draft(draft: dict[str, Any], consent: Consent | None) -> Response:
    chosen = {"can_help": bool(draft.get("help")), "can_bid": bool(draft.get("bid")), "expires_on": _end_date(draft)}
    try:
        if draft["mode"] == "invite":
            return _send_invitation(draft, chosen)
        assert consent is not None
        if draft["mode"] == "agree":
            changes.agree(db.session, consent, _me(), today=lettings_clock.today(), now=utcnow(), **chosen)
            message, template = _("They can now help you."), "consent_given"
        else:
            changes.change(db.session, consent, _me(), today=lettings_clock.today(), **chosen)
            message, template = _("We have saved what they can do for you."), "consent_changed"
    except changes.ConsentChangeRefused:
        db.rollback()
        session.pop(DRAFT, None)
        flash(_("This could not be saved because something changed in the meantime. Please look again."), "important")
        return redirect(url_for("account.helpers"))
    db.commit()
    session.pop(DRAFT, None)
    _tell_worker(consent, template)
    flash(message, "success")
    return redirect(url_for("account.helpers"))


def _invite_email(draft: dict[str, Any]) -> str | None:
    """The address to email the invitation to; None for a code; empty when it is still to be asked."""
    return str(draft.get("email") or "") if draft.get("how") == "email" else None


def _send_invitation(draft: dict[str, Any], chosen: dict[str, Any]) -> Response:
    email = _invite_email(draft)
    consent, secret = changes.invite(
        db.session, _me(), email=email, today=lettings_clock.today(), now=utcnow(), **chosen
    )
    db.commit()
    session.pop(DRAFT, None)
    if email:
        known = get_user_by_email(db.session, email)
        send_email(
            email,
            "consent_invitation",
            known.preferred_locale if known else "en",
            applicant=_me().full_name,
            can=words.worker_can(consent.scopes),
            expires_on=consent.expires_on,
            link=_link("support.invitation", token=secret),
            link_ends=consent.code_expires_at,
            register_link=_link("support.register") if "support.register" in current_app.view_functions else None,
            council=current_app.config["COUNCIL_NAME"],
        )
        session[DONE] = {"email": email}
    else:
        session[DONE] = {"code": changes.show_code(secret), "ends": consent.code_expires_at.isoformat()}
    return redirect(url_for("account.helper_invite_done"))


@bp.get("/account/helpers/invite/done")
@applicant_required
def helper_invite_done() -> Page:
    done = session.pop(DONE, None)
    if not isinstance(done, dict):
        return redirect(url_for("account.helpers"))
    title = _("Give them this code") if done.get("code") else _("We have sent the invitation")
    ends = dt.datetime.fromisoformat(done["ends"]) if done.get("ends") else None
    return render_template("portal/account/helpers/invite_done.html", title=title, done=done, ends=ends)


# Requests, changing, ending and cancelling ------------------------------------------------------------------------


@bp.route("/account/helpers/requests/<int:consent_id>", methods=["GET", "POST"])
@applicant_required
def helper_request(consent_id: int) -> Page:
    consent = _mine(consent_id)
    if consent.status != "requested":
        return redirect(url_for("account.helpers"))
    form = RequestAnswerForm()
    if form.validate_on_submit():
        if form.answer.data == "yes":
            session[DRAFT] = {
                "mode": "agree",
                "consent": consent.id,
                "help": consent.can_help,
                "bid": consent.can_bid,
                "until": "6",
                "on": None,
            }
            return redirect(url_for("account.helper_scope"))
        changes.say_no(db.session, consent, _me(), utcnow())
        db.commit()
        _tell_worker(consent, "consent_refused")
        flash(_("We have told them you said no."), "success")
        return redirect(url_for("account.helpers"))
    row = changes.helper_row(db.session, consent)
    return render_template(
        "portal/account/helpers/request.html",
        title=_("%(name)s has asked to help you", name=row.worker.full_name if row.worker else ""),
        form=form,
        row=row,
        can=words.you_can(consent.scopes),
        back_url=url_for("account.helpers"),
    )


@bp.get("/account/helpers/<int:consent_id>/change")
@applicant_required
def helper_change(consent_id: int) -> Response:
    consent = _mine(consent_id)
    if consent.status != "active" or consent.expires_on < lettings_clock.today():
        return redirect(url_for("account.helpers"))
    session[DRAFT] = {
        "mode": "change",
        "consent": consent.id,
        "help": consent.can_help,
        "bid": consent.can_bid,
        "until": "date",
        "on": consent.expires_on.isoformat(),
    }
    return redirect(url_for("account.helper_scope"))


@bp.route("/account/helpers/<int:consent_id>/end", methods=["GET", "POST"])
@applicant_required
def helper_end(consent_id: int) -> Page:
    consent = _mine(consent_id)
    if consent.status != "active":
        return redirect(url_for("account.helpers"))
    form = ConfirmForm()
    if form.validate_on_submit():
        changes.end_access(db.session, consent, _me(), utcnow())
        db.commit()
        _tell_worker(consent, "consent_ended")
        flash(_("Their access has ended. They cannot see or change anything for you now."), "success")
        return redirect(url_for("account.helpers"))
    row = changes.helper_row(db.session, consent)
    return render_template(
        "portal/account/helpers/end.html",
        title=_("End %(name)s’s access", name=row.worker.full_name if row.worker else ""),
        form=form,
        row=row,
        back_url=url_for("account.helpers"),
    )


@bp.post("/account/helpers/<int:consent_id>/cancel")
@applicant_required
def helper_cancel(consent_id: int) -> Response:
    consent = _mine(consent_id)
    form = ConfirmForm()
    if form.validate_on_submit() and consent.status == "invited":
        changes.cancel(db.session, consent, _me(), utcnow())
        db.commit()
        flash(_("The invitation is cancelled. The link or code does not work now."), "success")
    return redirect(url_for("account.helpers"))
