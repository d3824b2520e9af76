"""Registering, confirming an email address, signing in and out, and resetting a password.

Messages never reveal whether an email address has an account.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from portal.account.emails import send_link
from portal.account.forms import EmailOnlyForm, LanguageForm, NewPasswordForm, RegisterForm, SignInForm
from portal.auth.access import public, signed_in
from portal.auth.passwords import spend_equal_time, verify_password
from portal.auth.roles import home_endpoint
from portal.auth.sessions import sign_in as start_session
from portal.auth.sessions import sign_out as end_session
from portal.data import accounts
from portal.data.audit import record_event
from portal.data.models import TokenPurpose, User
from portal.extensions import db, limiter
from portal.i18n import current_locale_code
from portal.mail import send_email
from portal.security import is_safe_local_path

bp = Blueprint("account", __name__)


def _limit(name: str) -> str:
    return str(current_app.config[name])


def _send_verification(user: User) -> None:
    lifetime = current_app.config["TOKEN_LIFETIME_VERIFY"]
    send_link(db.session, user, TokenPurpose.VERIFY_EMAIL, "verify_email", lifetime)


def _send_reset(user: User) -> None:
    lifetime = current_app.config["TOKEN_LIFETIME_RESET"]
    send_link(db.session, user, TokenPurpose.RESET_PASSWORD, "reset_password", lifetime)


@bp.route("/register", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_REGISTER"), methods=["POST"])
def register() -> str | BaseResponse:
    form = RegisterForm()
    if form.validate_on_submit():
        existing = accounts.get_user_by_email(db.session, form.email.data)
        if existing is None:
            user = accounts.create_user(
                db.session,
                email=form.email.data,
                full_name=form.full_name.data,
                password=form.password.data,
                preferred_locale=current_locale_code(),
            )
            record_event(db.session, actor=user, action="account.registered", subject_type="user", subject_id=user.id)
            _send_verification(user)
        else:
            send_email(
                existing.email,
                "account_exists",
                existing.preferred_locale,
                name=existing.full_name,
                sign_in_link=url_for("account.sign_in", _external=True),
                reset_link=url_for("account.request_password_reset", _external=True),
                council=current_app.config["COUNCIL_NAME"],
            )
        db.commit()
        return redirect(url_for("account.check_your_email"))
    return render_template("portal/account/register.html", form=form)


@bp.get("/register/check-your-email")
@public
def check_your_email() -> str:
    return render_template("portal/account/check_your_email.html")


@bp.get("/verify-email/<token>")
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_VERIFY"))
def verify_email(token: str) -> str | BaseResponse:
    record = accounts.find_valid_token(db.session, token, TokenPurpose.VERIFY_EMAIL)
    if record is None:
        return render_template("portal/account/link_not_working.html", resend=True)
    accounts.use_token(db.session, record)
    accounts.verify_email(db.session, record.user)
    record_event(
        db.session, actor=record.user, action="account.email_verified", subject_type="user", subject_id=record.user_id
    )
    db.commit()
    flash(_("Your email address is confirmed. You can now sign in."), "success")
    return redirect(url_for("account.sign_in"))


@bp.route("/verify-email", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_VERIFY"), methods=["POST"])
def resend_verification() -> str | BaseResponse:
    form = EmailOnlyForm()
    if form.validate_on_submit():
        user = accounts.get_user_by_email(db.session, form.email.data)
        if user is not None and not user.is_verified:
            _send_verification(user)
            db.commit()
        return redirect(url_for("account.check_your_email"))
    return render_template("portal/account/resend_verification.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_SIGN_IN"), methods=["POST"])
def sign_in() -> str | BaseResponse:
    next_path = request.args.get("next", "")
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for(home_endpoint(current_user.role)))
    form = SignInForm()
    if form.validate_on_submit():
        user = accounts.get_user_by_email(db.session, form.email.data)
        if user is None:
            spend_equal_time(form.password.data)
        if user is None or not user.is_active or not verify_password(user.password_hash, form.password.data):
            form.email.errors.append(_("Enter a correct email address and password"))
            return render_template("portal/account/sign_in.html", form=form), 200  # type: ignore[return-value]
        if not user.is_verified:
            _send_verification(user)
            db.commit()
            return render_template("portal/account/confirm_email_first.html")
        start_session(user)
        record_event(db.session, actor=user, action="account.signed_in", subject_type="user", subject_id=user.id)
        db.commit()
        if is_safe_local_path(next_path):
            return redirect(next_path)
        return redirect(url_for(home_endpoint(user.role)))
    return render_template("portal/account/sign_in.html", form=form)


@bp.post("/sign-out")
@public
def sign_out() -> BaseResponse:
    end_session()
    return redirect(url_for("account.signed_out"))


@bp.get("/signed-out")
@public
def signed_out() -> str:
    return render_template("portal/account/signed_out.html")


@bp.route("/password-reset", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_RESET"), methods=["POST"])
def request_password_reset() -> str | BaseResponse:
    form = EmailOnlyForm()
    if form.validate_on_submit():
        user = accounts.get_user_by_email(db.session, form.email.data)
        if user is not None and user.is_active:
            _send_reset(user)
            db.commit()
        return render_template("portal/account/reset_sent.html")
    return render_template("portal/account/request_reset.html", form=form)


@bp.route("/password-reset/<token>", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_RESET"))
def choose_new_password(token: str) -> str | BaseResponse:
    record = accounts.find_valid_token(db.session, token, TokenPurpose.RESET_PASSWORD)
    if record is None:
        return render_template("portal/account/link_not_working.html", resend=False)
    form = NewPasswordForm()
    if form.validate_on_submit():
        user = record.user
        accounts.use_token(db.session, record)
        accounts.set_password(db.session, user, form.password.data)
        accounts.verify_email(db.session, user)
        record_event(db.session, actor=user, action="account.password_reset", subject_type="user", subject_id=user.id)
        db.commit()
        end_session()
        flash(_("Your password has been changed. Sign in with your new password."), "success")
        return redirect(url_for("account.sign_in"))
    return render_template("portal/account/choose_new_password.html", form=form)


@bp.get("/account")
@signed_in
def dashboard() -> str:
    return render_template("portal/account/dashboard.html")


@bp.post("/account/keep-alive")
@signed_in
def keep_alive() -> Response:
    return Response(status=204)


@bp.route("/account/language", methods=["GET", "POST"])
@signed_in
def language() -> str | BaseResponse:
    form = LanguageForm(data={"language": current_user.preferred_locale})
    if form.validate_on_submit():
        user = accounts.get_user(db.session, current_user.id)
        assert user is not None
        user.preferred_locale = form.language.data
        db.commit()
        flash(_("We will use the language you chose."), "success")
        response = redirect(url_for("account.dashboard"))
        response.set_cookie(
            current_app.config["LANGUAGE_COOKIE"],
            form.language.data,
            max_age=60 * 60 * 24 * 365,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
        return response
    return render_template("portal/account/language.html", form=form)


# Other account pages add their views to this blueprint.
from portal.account import claim_views, contact_views, helper_views  # noqa: E402, F401
