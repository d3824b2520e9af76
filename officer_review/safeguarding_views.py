"""Safeguarding and vulnerability flags, and sensitive cases open only to named officers."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.routes import bp
from officer_review.safeguarding_forms import (
    ClaimAccessForm,
    FlagForm,
    MarkSensitiveForm,
    NameOfficerForm,
    RemoveFlagForm,
    UnmarkSensitiveForm,
    UnnameOfficerForm,
)
from portal.auth.access import officer_required, roles_required
from portal.auth.roles import Role
from portal.data import accounts, cases, safeguarding
from portal.data.application_models import Application
from portal.extensions import db
from portal.rules.casework.kinds import FLAG_KINDS

Page = str | Response


def case_url(application_id: int) -> str:
    """The case's overview, or its safeguarding page while the overview does not exist."""
    if "officer_review.case" in current_app.view_functions:
        return url_for("officer_review.case", application_id=application_id)
    return url_for("officer_review.case_safeguarding", application_id=application_id)


def back_to_safeguarding(application: Application, message: str | None = None) -> Response:
    if message:
        flash(message, "success")
    return redirect(url_for("officer_review.case_safeguarding", application_id=application.id))


def render_case_page(template: str, application: Application, **context: Any) -> str:
    return render_template(
        template,
        case=case_header(application),
        flag_labels=FLAG_KINDS,
        back_url=url_for("officer_review.case_safeguarding", application_id=application.id),
        **context,
    )


@bp.route("/cases/<int:application_id>/safeguarding", methods=["GET", "POST"])
@officer_required
def case_safeguarding(application_id: int) -> Page:
    application = open_case(application_id)
    form = FlagForm()
    if form.validate_on_submit():
        safeguarding.add_flag(
            db.session, application, officer=acting_officer(), kind=form.kind.data, note=form.note.data
        )
        db.commit()
        return back_to_safeguarding(application, "Flag added")
    flags = safeguarding.flags_for(db.session, application.id)
    named = safeguarding.named_rows(db.session, application.id)
    handling = cases.read_handling(db.session, application.id)
    people = accounts.users_by_id(
        db.session,
        [flag.added_by_id for flag in flags]
        + [flag.removed_by_id for flag in flags]
        + [row.officer_id for row in named]
        + [row.added_by_id for row in named],
    )
    return render_case_page(
        "officer_review/case/safeguarding.html",
        application,
        form=form,
        active=[flag for flag in flags if flag.removed_at is None],
        removed=[flag for flag in flags if flag.removed_at is not None],
        named=named,
        people=people,
        handling=handling if handling and handling.sensitive else None,
    )


@bp.route("/cases/<int:application_id>/safeguarding/flags/<int:flag_id>/remove", methods=["GET", "POST"])
@officer_required
def case_safeguarding_flag_remove(application_id: int, flag_id: int) -> Page:
    application = open_case(application_id)
    flag = safeguarding.flag_of(db.session, application.id, flag_id)
    if flag is None:
        abort(404)
    if flag.removed_at is not None:
        return back_to_safeguarding(application)
    form = RemoveFlagForm()
    if form.validate_on_submit():
        safeguarding.remove_flag(db.session, flag, officer=acting_officer(), reason=form.reason.data)
        db.commit()
        return back_to_safeguarding(application, "Flag removed")
    return render_case_page("officer_review/case/safeguarding_remove_flag.html", application, form=form, flag=flag)


@bp.route("/cases/<int:application_id>/safeguarding/sensitive", methods=["GET", "POST"])
@officer_required
def case_sensitive_mark(application_id: int) -> Page:
    application = open_case(application_id)
    if cases.is_sensitive(db.session, application.id):
        return back_to_safeguarding(application)
    flagged = bool(cases.active_flags(db.session, application.id))
    form = MarkSensitiveForm()
    if form.validate_on_submit():
        try:
            safeguarding.mark_sensitive(db.session, application, officer=acting_officer(), reason=form.reason.data)
        except safeguarding.SafeguardingRefused as refused:
            db.rollback()
            form.reason.errors = [str(refused)]
        else:
            db.commit()
            return back_to_safeguarding(application, "The case is now sensitive. You are named on it.")
    return render_case_page("officer_review/case/safeguarding_mark.html", application, form=form, flagged=flagged)


@bp.route("/cases/<int:application_id>/safeguarding/not-sensitive", methods=["GET", "POST"])
@officer_required
def case_sensitive_unmark(application_id: int) -> Page:
    application = open_case(application_id)
    if not cases.is_sensitive(db.session, application.id):
        return back_to_safeguarding(application)
    form = UnmarkSensitiveForm()
    if form.validate_on_submit():
        safeguarding.unmark_sensitive(db.session, application, officer=acting_officer(), reason=form.reason.data)
        db.commit()
        return back_to_safeguarding(application, "The case is no longer sensitive. Every officer can open it.")
    return render_case_page("officer_review/case/safeguarding_unmark.html", application, form=form)


@bp.route("/cases/<int:application_id>/safeguarding/officers", methods=["GET", "POST"])
@officer_required
def case_sensitive_officers(application_id: int) -> Page:
    application = open_case(application_id)
    if not cases.is_sensitive(db.session, application.id):
        return back_to_safeguarding(application)
    officers = safeguarding.nameable_officers(db.session, application.id)
    form = NameOfficerForm()
    form.offer(officers)
    if form.validate_on_submit():
        chosen = form.chosen(officers)
        if chosen is not None:
            safeguarding.name_officer(db.session, application, officer=chosen, by=acting_officer())
            db.commit()
            return back_to_safeguarding(application, f"{chosen.full_name} is now named on this case")
    return render_case_page(
        "officer_review/case/safeguarding_officers.html",
        application,
        form=form,
        officers=officers,
        named=cases.named_officers(db.session, application.id),
    )


@bp.route("/cases/<int:application_id>/safeguarding/officers/remove", methods=["GET", "POST"])
@officer_required
def case_sensitive_officer_remove(application_id: int) -> Page:
    """Take a named officer off a sensitive case (``?officer=<id>`` chooses one); never the last."""
    application = open_case(application_id)
    if not cases.is_sensitive(db.session, application.id):
        return back_to_safeguarding(application)
    named = cases.named_officers(db.session, application.id)
    form = UnnameOfficerForm()
    form.offer(named)
    if request.method == "GET" and request.args.get("officer", "").isdigit():
        form.officer.data = request.args["officer"]
    if form.validate_on_submit():
        person = form.chosen(named)
        officer = acting_officer()
        if person is not None:
            try:
                safeguarding.unname_officer(
                    db.session, application, officer=person, by=officer, reason=form.reason.data or ""
                )
            except safeguarding.SafeguardingRefused as refused:
                db.rollback()
                form.officer.errors = [str(refused)]
            else:
                db.commit()
                if person.id == officer.id:
                    flash("You are no longer named on this case, so you cannot open it.", "success")
                    return redirect(url_for("officer_review.dashboard"))
                return back_to_safeguarding(application, f"{person.full_name} is no longer named on this case")
    return render_case_page(
        "officer_review/case/safeguarding_unname.html",
        application,
        form=form,
        named=named,
        last=len(named) == 1,
    )


@bp.route("/cases/<int:application_id>/access", methods=["GET", "POST"])
@roles_required(Role.SENIOR_OFFICER, Role.ADMIN)
def case_sensitive_claim(application_id: int) -> Page:
    """Break the glass: a senior officer names themselves on a sensitive case, giving a reason.

    The page shows nothing of the case but its reference, so it does not open it.
    """
    application = safeguarding.sent_case(db.session, application_id)
    if application is None:
        abort(404)
    officer = acting_officer()
    if not safeguarding.may_claim_access(db.session, officer, application.id):
        return redirect(case_url(application.id))
    form = ClaimAccessForm()
    if form.validate_on_submit():
        safeguarding.claim_access(db.session, application, officer=officer, reason=form.reason.data)
        db.commit()
        flash("You are now named on this case. Your reason is recorded.", "success")
        return redirect(case_url(application.id))
    return render_template("officer_review/case/safeguarding_claim.html", form=form, reference=application.reference)
