"""Taking over an account an officer set up, with the code from a letter or the link from an email.

The person first proves the account is theirs: the code with their reference
number or email address (a wrong pair never says which part was wrong), or
the link. Then they choose a password, adding an email address when the
account has none, and are signed in. The code or link works once.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from portal.account.claim_forms import ClaimCodeForm, ClaimEmailPasswordForm, ClaimPasswordForm
from portal.account.emails import send_link
from portal.account.routes import bp
from portal.auth.access import public
from portal.auth.sessions import sign_in as start_session
from portal.data import accounts, handovers
from portal.data.models import TokenPurpose
from portal.data.support_models import AccountHandover
from portal.extensions import db, limiter
from portal.notify import has_email

CLAIM_KEY = "claim_account"


def _limit(name: str) -> str:
    return str(current_app.config[name])


def _problem_message(problem: str) -> str:
    phone = current_app.config.get("COUNCIL_PHONE", "")
    if problem == "used":
        return _(
            "This code has been used already. If you have set up your account, sign in. "
            "If you have not, call us on %(phone)s.",
            phone=phone,
        )
    return _("This code has run out. Call us on %(phone)s and we will send you a new one.", phone=phone)


@bp.route("/claim-account", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_SIGN_IN"), methods=["POST"])
def claim_account() -> str | Response:
    form = ClaimCodeForm()
    if form.validate_on_submit():
        handover = handovers.handover_by_code(db.session, form.code.data)
        if handover is None or not handovers.belongs_to(db.session, handover, form.who.data):
            form.code.errors.append(
                _("The reference number or email address and the code do not match. Check them and try again.")
            )
        elif (problem := handovers.problem_with(handover)) is not None:
            form.code.errors.append(_problem_message(problem))
        else:
            session[CLAIM_KEY] = {"handover": handover.id, "link": False}
            return redirect(url_for("account.claim_details"))
    return render_template("portal/account/claim/start.html", form=form)


@bp.get("/claim-account/<token>")
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_VERIFY"))
def claim_link(token: str) -> str | Response:
    handover = handovers.handover_by_token(db.session, token)
    if handover is None or handovers.problem_with(handover) is not None:
        return render_template("portal/account/claim/link_not_working.html", days=handovers.HANDOVER_DAYS)
    session[CLAIM_KEY] = {"handover": handover.id, "link": True}
    return redirect(url_for("account.claim_details"))


def _chosen() -> tuple[AccountHandover | None, bool]:
    """The handover this person proved is theirs in this session, and whether by the emailed link."""
    chosen = session.get(CLAIM_KEY)
    if not isinstance(chosen, dict) or not isinstance(chosen.get("handover"), int):
        return None, False
    handover = db.session.get(AccountHandover, chosen["handover"])
    if handover is None or handovers.problem_with(handover) is not None:
        session.pop(CLAIM_KEY, None)
        return None, False
    return handover, bool(chosen.get("link"))


@bp.route("/claim-account/your-details", methods=["GET", "POST"])
@public
@limiter.limit(lambda: _limit("RATE_LIMIT_SIGN_IN"), methods=["POST"])
def claim_details() -> str | Response:
    handover, by_link = _chosen()
    if handover is None:
        return redirect(url_for("account.claim_account"))
    user = accounts.get_user(db.session, handover.user_id)
    assert user is not None  # the foreign key holds
    needs_email = not has_email(user)
    form = ClaimEmailPasswordForm() if needs_email else ClaimPasswordForm()
    if form.validate_on_submit():
        email = form.email.data if isinstance(form, ClaimEmailPasswordForm) else None
        if email and handovers.email_taken(db.session, email, user):
            form.email.errors.append(
                _("There is already an account with this email address. Use another one, or call us for help.")
            )
        else:
            handovers.claim(db.session, handover, password=form.password.data, email=email, verified=by_link)
            if not user.is_verified:
                lifetime = current_app.config["TOKEN_LIFETIME_VERIFY"]
                send_link(db.session, user, TokenPurpose.VERIFY_EMAIL, "verify_email", lifetime)
            start_session(user)
            db.commit()
            if user.is_verified:
                flash(_("Your account is ready and you are signed in."), "success")
            else:
                flash(
                    _(
                        "Your account is ready and you are signed in. We have emailed you a link: "
                        "use it to confirm your email address before you next sign in."
                    ),
                    "success",
                )
            return redirect(url_for("account.dashboard"))
    return render_template("portal/account/claim/details.html", form=form, name=user.full_name, needs_email=needs_email)
