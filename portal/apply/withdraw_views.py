"""Withdrawing a sent application, and downloading everything we hold about it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from flask import Response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import SubmitField

from portal.apply import flow
from portal.apply.asks import YES_NO
from portal.apply.fields import ChoiceField, TextAreaField
from portal.apply.routes import bp
from portal.auth.access import applicant_required
from portal.data import applications as data
from portal.data.accounts import get_user
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.changes import changes_for_application
from portal.data.evidence import evidence_items
from portal.extensions import db
from portal.forms import PortalForm
from portal.widgets import SubmitInput

WITHDRAWN = "Withdrawn by the applicant"
REASON_LENGTH = 400  # the reason is kept with the prefix above in a column of 500 characters


class WithdrawForm(PortalForm):
    reason = TextAreaField(
        _l("Why are you withdrawing your application? (optional)"),
        optional=True,
        max_length=REASON_LENGTH,
        description=_l("You do not have to tell us. If you do, it helps us to improve."),
    )
    sure = ChoiceField(
        _l("Are you sure you want to withdraw your application?"),
        YES_NO,
        required=_l("Select yes if you want to withdraw your application"),
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


@bp.route("/withdraw", methods=["GET", "POST"])
@applicant_required
def withdraw() -> Any:
    application = flow.sent_application()
    if application is None:
        return redirect(url_for("apply.index"))
    form = WithdrawForm()
    if form.validate_on_submit():
        if form.sure.data != "yes":
            return redirect(url_for("apply.status"))
        user = get_user(db.session, current_user.id)
        reason = f"{WITHDRAWN}: {form.reason.cleaned}" if form.reason.cleaned else f"{WITHDRAWN}."
        try:
            data.move_to(db.session, application, "closed", actor=user, reason=reason)
        except data.IllegalTransition:
            db.rollback()
            return redirect(url_for("apply.status"))
        db.commit()
        return redirect(url_for("apply.withdrawn"))
    return render_template(
        "portal/apply/withdraw.html",
        form=form,
        title=_("Withdraw your application"),
        application=application,
        back_url=url_for("apply.status"),
    )


@bp.get("/withdrawn")
@applicant_required
def withdrawn() -> Any:
    application = data.application_for(db.session, current_user.id)
    if application is None or application.stage != "closed":
        return redirect(url_for("apply.index"))
    return render_template(
        "portal/apply/withdrawn.html", title=_("Your application has been withdrawn"), application=application
    )


def _when(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def everything_held(application: Application) -> dict[str, Any]:
    """The application as plain values: answers, history, provisional result, evidence and changes.

    Files are named and sized but never located: storage keys stay out.
    """
    evidence = [
        {
            "kind": item.kind,
            "person": item.person_key or None,
            "status": item.status,
            "still_needed": item.still_needed,
            "reason": item.reason,
            "request_note": item.request_note,
            "due_on": _when(item.due_on),
            "valid_until": _when(item.valid_until),
            "created_at": _when(item.created_at),
            "updated_at": _when(item.updated_at),
            "files": [
                {
                    "name": file.display_name,
                    "content_type": file.content_type,
                    "size_bytes": file.size_bytes,
                    "uploaded_at": _when(file.uploaded_at),
                }
                for file in item.files
            ],
        }
        for item in evidence_items(db.session, application)
    ]
    return {
        "reference": application.reference,
        "stage": application.stage,
        "received_on": _when(application.received_on),
        "submitted_at": _when(application.submitted_at),
        "declaration": application.declaration or {},
        "application": data.facts_of(application),
        "status_history": [
            {"from": change.from_stage, "to": change.to_stage, "at": _when(change.occurred_at), "reason": change.reason}
            for change in application.status_changes
        ],
        "provisional": application.provisional or {},
        "provisional_at": _when(application.provisional_at),
        "evidence": evidence,
        "changes_reported": [
            {
                "kind": change.kind,
                "details": change.details,
                "preview": change.preview,
                "sent_at": _when(change.sent_at),
                "handled_at": _when(change.handled_at),
            }
            for change in changes_for_application(db.session, application)
        ],
    }


@bp.get("/download")
@applicant_required
def download() -> Any:
    application = flow.sent_application()
    if application is None:
        return redirect(url_for("apply.index"))
    body = json.dumps(everything_held(application), indent=2, ensure_ascii=False, sort_keys=True)
    record_event(
        db.session,
        actor=get_user(db.session, current_user.id),
        action="application.downloaded",
        subject_type="application",
        subject_id=application.id,
    )
    db.commit()
    response = Response(body, mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="application_data_{application.reference}.json"'
    response.headers["Cache-Control"] = "no-store"
    return response
