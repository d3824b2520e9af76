"""Support workers registering, waiting for an officer to approve their account, and their email settings.

Registering never says whether an email address already has an account: the
person is told to check their email either way, as on the applicants' page.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from portal.account.emails import send_link
from portal.auth import acting
from portal.auth.access import public, support_worker_required
from portal.auth.roles import Role, home_endpoint
from portal.data import accounts, consents, support_workers
from portal.data.audit import record_event
from portal.data.models import TokenPurpose, User
from portal.data.support_models import Organisation
from portal.extensions import db, limiter
from portal.i18n import current_locale_code
from portal.mail import send_email
from portal.support.forms import SettingsForm, WorkerRegisterForm
from portal.support.routes import bp

Page = str | Response | tuple[str, int]


def _organisation(form: WorkerRegisterForm, user: User) -> Organisation:
    chosen = form.chosen_organisation()
    if chosen is not None:
        return chosen
    existing = support_workers.organisation_by_name(db.session, form.new_organisation.cleaned)
    if existing is not None:
        return existing
    return support_workers.add_organisation(
        db.session, name=form.new_organisation.cleaned, kind=form.organisation_kind.data or "other", actor=user
    )


def _create_worker(form: WorkerRegisterForm) -> None:
    user = accounts.create_user(
        db.session,
        email=form.email.data,
        full_name=form.full_name.data,
        password=form.password.data,
        role=Role.SUPPORT_WORKER,
        preferred_locale=current_locale_code(),
    )
    record_event(db.session, actor=user, action="account.registered", subject_type="user", subject_id=user.id)
    support_workers.register_worker(
        db.session,
        user,
        organisation=_organisation(form, user),
        job_title=form.job_title.cleaned,
        phone=form.phone.cleaned,
    )
    send_link(db.session, user, TokenPurpose.VERIFY_EMAIL, "verify_email", current_app.config["TOKEN_LIFETIME_VERIFY"])


def _tell_existing(existing: User) -> None:
    send_email(
        existing.email,
        "account_exists",
        existing.preferred_locale,
        name=existing.full_name,
        sign_in_link=url_for("account.sign_in", _external=True),
        reset_link=url_for("account.request_password_reset", _external=True),
        council=current_app.config["COUNCIL_NAME"],
    )


@bp.route("/register", methods=["GET", "POST"])
@public
@limiter.limit(lambda: str(current_app.config["RATE_LIMIT_REGISTER"]), methods=["POST"])
def register() -> Page:
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for(home_endpoint(current_user.role)))
    form = WorkerRegisterForm(support_workers.list_organisations(db.session))
    if form.validate_on_submit():
        existing = accounts.get_user_by_email(db.session, form.email.data)
        if existing is None:
            _create_worker(form)
        else:
            _tell_existing(existing)
        db.commit()
        return redirect(url_for("support.registered"))
    page = render_template("portal/support/register.html", title=_("Create a support worker account"), form=form)
    return (page, 400) if form.errors else page


@bp.get("/register/check-your-email")
@public
def registered() -> str:
    return render_template("portal/support/registered.html", title=_("Check your email"))


@bp.route("/settings", methods=["GET", "POST"])
@support_worker_required
def settings() -> Page:
    profile = consents.worker_profile(db.session, acting.current_user_record().id)
    if profile is None:
        return redirect(url_for("support.dashboard"))
    form = SettingsForm()
    if request.method == "GET":
        form.email_client_updates.data = "yes" if profile.email_client_updates else "no"
    if form.validate_on_submit():
        support_workers.set_email_updates(db.session, profile, form.email_client_updates.data == "yes")
        db.commit()
        if profile.email_client_updates:
            flash(_("We will email you when something happens on the case of someone you help."), "success")
        else:
            flash(_("We will not email you about the cases of the people you help."), "success")
        return redirect(url_for("support.dashboard"))
    page = render_template("portal/support/settings.html", title=_("Your email settings"), form=form)
    return (page, 400) if form.errors else page
