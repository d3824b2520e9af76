"""Approving support worker accounts, and the organisations they work for (English only).

Waiting accounts come first. An officer approves an account at an
organisation, or refuses it with a reason; an approved account can be
suspended with a reason, which stops the worker acting for anyone at once.
The worker is emailed each decision, in their own language.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer
from officer_review.routes import bp
from officer_review.support_worker_forms import (
    KIND_NAMES,
    STATUS_NAMES,
    STATUS_TAGS,
    ApproveForm,
    OrganisationForm,
    RefuseForm,
    SuspendForm,
)
from portal.auth.access import officer_required
from portal.data import accounts, support_workers
from portal.data.lettings_clock import today
from portal.data.support_workers import WorkerRow
from portal.extensions import db
from portal.mail import send_email

Page = str | Response | tuple[str, int]


def _row_or_404(user_id: int) -> WorkerRow:
    row = support_workers.worker_row(db.session, user_id)
    if row is None:
        abort(404)
    return row


def _worker_url(row: WorkerRow) -> str:
    return url_for("officer_review.support_worker", user_id=row.user.id)


def _page(template: str, form: Any, **context: Any) -> Page:
    page = render_template(template, form=form, status_names=STATUS_NAMES, status_tags=STATUS_TAGS, **context)
    return (page, 400) if form.errors else page


def _email_worker(row: WorkerRow, template: str, **context: Any) -> None:
    user = row.user
    send_email(
        user.email,
        template,
        user.preferred_locale or "en",
        name=user.full_name,
        council=current_app.config["COUNCIL_NAME"],
        **context,
    )


@bp.get("/support-workers", endpoint="support_workers")
@officer_required
def support_workers_list() -> str:
    rows = support_workers.worker_rows(db.session)
    return render_template(
        "officer_review/support_workers/index.html",
        title="Support workers",
        waiting=[row for row in rows if row.status == "waiting"],
        others=[row for row in rows if row.status != "waiting"],
        status_names=STATUS_NAMES,
        status_tags=STATUS_TAGS,
    )


@bp.get("/support-workers/<int:user_id>")
@officer_required
def support_worker(user_id: int) -> str:
    row = _row_or_404(user_id)
    decided_by = None
    if row.profile is not None and row.profile.decided_by_id is not None:
        decided_by = accounts.get_user(db.session, row.profile.decided_by_id)
    return render_template(
        "officer_review/support_workers/worker.html",
        title=row.user.full_name,
        row=row,
        decided_by=decided_by,
        kind_names=KIND_NAMES,
        clients=support_workers.clients_count(db.session, row.user.id, today()),
        status_names=STATUS_NAMES,
        status_tags=STATUS_TAGS,
    )


@bp.route("/support-workers/<int:user_id>/approve", methods=["GET", "POST"])
@officer_required
def support_worker_approve(user_id: int) -> Page:
    row = _row_or_404(user_id)
    if row.status == "approved":
        flash(f"{row.user.full_name}'s account is already approved.", "important")
        return redirect(_worker_url(row))
    form = ApproveForm(support_workers.list_organisations(db.session))
    if request.method == "GET" and row.profile is not None:
        form.organisation.data = str(row.profile.organisation_id)
    if form.validate_on_submit():
        organisation = form.chosen()
        support_workers.approve(db.session, row, officer=acting_officer(), organisation=organisation)
        _email_worker(
            row,
            "worker_approved",
            organisation=organisation.name,
            link=url_for("support.dashboard", _external=True),
        )
        db.commit()
        flash(f"{row.user.full_name}'s account is approved. We have emailed them.", "success")
        return redirect(_worker_url(row))
    return _page("officer_review/support_workers/approve.html", form, title="Approve the account", row=row)


@bp.route("/support-workers/<int:user_id>/refuse", methods=["GET", "POST"])
@officer_required
def support_worker_refuse(user_id: int) -> Page:
    row = _row_or_404(user_id)
    if row.profile is None or row.status != "waiting":
        flash("Only an account waiting for approval, with an organisation, can be refused.", "important")
        return redirect(_worker_url(row))
    form = RefuseForm()
    if form.validate_on_submit():
        reason = form.reason.cleaned  # type: ignore[attr-defined]
        support_workers.refuse(db.session, row, officer=acting_officer(), reason=reason)
        _email_worker(row, "worker_refused", reason=reason, link=url_for("pages.contact", _external=True))
        db.commit()
        flash(f"{row.user.full_name}'s account is refused. We have emailed them the reason.", "success")
        return redirect(_worker_url(row))
    return _page("officer_review/support_workers/reason.html", form, title="Refuse the account", row=row)


@bp.route("/support-workers/<int:user_id>/suspend", methods=["GET", "POST"])
@officer_required
def support_worker_suspend(user_id: int) -> Page:
    row = _row_or_404(user_id)
    if row.status != "approved":
        flash("Only an approved account can be suspended.", "important")
        return redirect(_worker_url(row))
    form = SuspendForm()
    if form.validate_on_submit():
        reason = form.reason.cleaned  # type: ignore[attr-defined]
        support_workers.suspend(db.session, row, officer=acting_officer(), reason=reason)
        _email_worker(row, "worker_suspended", reason=reason, link=url_for("pages.contact", _external=True))
        db.commit()
        flash(f"{row.user.full_name}'s account is suspended. They cannot act for anyone now.", "success")
        return redirect(_worker_url(row))
    return _page("officer_review/support_workers/reason.html", form, title="Suspend the account", row=row)


@bp.get("/support-workers/organisations")
@officer_required
def organisations() -> str:
    counts = support_workers.worker_counts(db.session)
    return render_template(
        "officer_review/support_workers/organisations.html",
        title="Organisations",
        rows=[
            {
                "organisation": organisation,
                "kind": KIND_NAMES.get(organisation.kind, ""),
                "workers": counts.get(organisation.id, 0),
            }
            for organisation in support_workers.list_organisations(db.session)
        ],
    )


@bp.route("/support-workers/organisations/new", methods=["GET", "POST"])
@officer_required
def organisation_new() -> Page:
    form = OrganisationForm()
    if form.validate_on_submit():
        try:
            organisation = support_workers.add_organisation(
                db.session,
                name=form.name.cleaned,
                kind=form.kind.data,
                email=form.email.cleaned,
                phone=form.phone.cleaned,
                actor=acting_officer(),
            )
        except support_workers.NameTaken:
            form.name.errors.append("There is already an organisation with this name")
        else:
            db.commit()
            flash(f"{organisation.name} is added.", "success")
            return redirect(url_for("officer_review.organisations"))
    page = render_template(
        "officer_review/support_workers/organisation_new.html", title="Add an organisation", form=form
    )
    return (page, 400) if form.errors else page
