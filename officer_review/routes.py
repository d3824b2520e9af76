"""The officer area's blueprint, and staff account administration.

The other pages are in modules named for the work they do (queues, the case,
evidence, assessment, decisions, reviews, safeguarding, referrals, duplicates,
duty referrals), each adding its views to ``bp``.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from officer_review.forms import ROLE_LABELS, StaffAccountForm
from portal.account.staff import create_staff_account
from portal.auth.access import admin_required
from portal.data import accounts
from portal.extensions import db

bp = Blueprint("officer_review", __name__)


@bp.get("/admin/staff")
@admin_required
def staff() -> str:
    return render_template(
        "officer_review/staff.html",
        staff=accounts.list_staff(db.session),
        role_labels=ROLE_LABELS,
        show_language_switcher=False,
    )


@bp.route("/admin/staff/new", methods=["GET", "POST"])
@admin_required
def new_staff() -> str | Response:
    form = StaffAccountForm()
    if form.validate_on_submit():
        if accounts.get_user_by_email(db.session, form.email.data) is not None:
            form.email.errors.append(_("There is already an account with this email address"))
        else:
            admin = accounts.get_user(db.session, current_user.id)
            create_staff_account(
                db.session,
                admin=admin,
                email=form.email.data,
                full_name=form.full_name.data,
                role_value=form.role.data,
                reset_lifetime=current_app.config["TOKEN_LIFETIME_RESET"],
            )
            db.commit()
            flash(_("Account created. We have emailed them a link to choose a password."), "success")
            return redirect(url_for("officer_review.staff"))
    return render_template("officer_review/new_staff.html", form=form, show_language_switcher=False)
