"""Telling us about a change after sending: choose the kind, give the details, see what it may mean, send it.

Nothing is saved until the applicant presses "Send this change": the details
wait in the Flask session (one key for each kind, tied to the application)
between the details page and the preview.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import SubmitField

from portal.apply import change_forms as forms
from portal.apply import flow
from portal.apply.provisional import work_out
from portal.apply.routes import bp
from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import applications as data
from portal.data.accounts import get_user
from portal.data.application_models import Application
from portal.data.changes import record_change
from portal.data.evidence import evidence_items, outstanding_count
from portal.extensions import db
from portal.forms import PortalForm
from portal.options.council_config import current_scheme
from portal.rules.application import changes as rules
from portal.rules.support.scopes import Scope
from portal.widgets import SubmitInput

SESSION_PREFIX = "change_"
SENT_KEY = "change_sent"
#: Preview sentences the headlines already say in other words (or the page says once, at the end).
SAID_BY_HEADLINES = frozenset(
    {
        rules.NEED_UP,
        rules.NEED_DOWN,
        rules.NEED_SAME,
        rules.BAND_CHANGE,
        rules.BAND_SAME,
        rules.BAND_NEW,
        rules.BAND_LOST.message,
        rules.ONLY_A_GUIDE.message,
    }
)


class SendForm(PortalForm):
    submit = SubmitField(_l("Send this change"), widget=SubmitInput())


def chosen_kind(slug: str) -> str:
    kind = forms.kind_of(slug)
    if kind is None:
        abort(404)
    return kind


def kept_details(kind: str, application: Application) -> dict[str, Any] | None:
    kept = session.get(SESSION_PREFIX + kind)
    if not isinstance(kept, dict) or kept.get("application") != application.id:
        return None
    details = kept.get("details")
    return dict(details) if isinstance(details, dict) else None


def keep_details(kind: str, application: Application, details: Mapping[str, Any]) -> None:
    session[SESSION_PREFIX + kind] = {"application": application.id, "details": dict(details)}


def headlines(preview: rules.ChangePreview) -> list[str]:
    """The likely effect on bedroom need and band, in whole sentences."""
    before, after = preview.before_need, preview.after_need
    if before != after:
        need = ngettext(
            "Your household would need %(num)d bedroom instead of %(before)d.",
            "Your household would need %(num)d bedrooms instead of %(before)d.",
            after,
            before=before,
        )
    else:
        need = ngettext(
            "Your household would still need %(num)d bedroom.",
            "Your household would still need %(num)d bedrooms.",
            after,
        )
    old, new = preview.before_band, preview.after_band
    if old is None and new is None:
        band = _("You would still not have a provisional band.")
    elif new is None:
        band = _("You might no longer have a provisional band. An officer will talk to you before anything changes.")
    elif old is None:
        band = _("Your provisional band would be Band %(band)d. At the moment you do not have a band.", band=new)
    elif old != new:
        band = _("Your provisional band would change from Band %(before)d to Band %(after)d.", before=old, after=new)
    else:
        band = _("Your provisional band would stay Band %(band)d.", band=new)
    return [need, band]


def preview_record(preview: rules.ChangePreview) -> dict[str, Any]:
    """The preview as plain values, kept with the change."""
    return {
        "before_need": preview.before_need,
        "after_need": preview.after_need,
        "before_band": preview.before_band,
        "after_band": preview.after_band,
        "sentences": [
            {"message": s.message, "rule": s.rule, "params": {key: str(value) for key, value in s.params.items()}}
            for s in preview.sentences
        ],
    }


@bp.route("/changes", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def changes() -> Any:
    application = flow.sent_application()
    if application is None:
        return redirect(url_for("apply.index"))
    form = forms.kind_form()()
    if form.validate_on_submit():
        problem = forms.check_kind(form.kind.data, data.facts_of(application))
        if problem is None:
            return redirect(url_for("apply.change_details", kind=forms.slug_of(form.kind.data)))
        form.kind.errors = [problem]
    return render_template(
        "portal/apply/changes/kind.html",
        form=form,
        title=_("What has changed?"),
        back_url=url_for("apply.status"),
    )


@bp.route("/changes/<kind>", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def change_details(kind: str) -> Any:
    chosen = chosen_kind(kind)
    application = flow.sent_application()
    if application is None:
        return redirect(url_for("apply.index"))
    facts = data.facts_of(application)
    if forms.check_kind(chosen, facts) is not None:
        return redirect(url_for("apply.changes"))
    form_class = forms.details_form(chosen, facts, flow.area(), flow.today())
    if request.method == "POST":
        form = form_class()
        valid = form.validate_on_submit()
        if forms.check_more(chosen, form) and valid:
            keep_details(chosen, application, forms.details_from(chosen, form))
            return redirect(url_for("apply.change_preview", kind=kind))
    else:
        known = kept_details(chosen, application)
        if known is None:
            known = forms.current_money(facts) if chosen == "income" else {}
        form = form_class(data=forms.form_data(known))
    return render_template(
        "portal/apply/changes/details.html",
        form=form,
        rows=[(field, forms.field_style(field)) for name, field in form._fields.items() if name != "csrf_token"],
        kind=chosen,
        title=str(forms.DETAILS_TITLES[chosen]),
        caption=str(forms.KIND_NAMES[chosen]),
        back_url=url_for("apply.changes"),
    )


@bp.route("/changes/<kind>/preview", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def change_preview(kind: str) -> Any:
    chosen = chosen_kind(kind)
    application = flow.sent_application()
    if application is None:
        return redirect(url_for("apply.index"))
    details = kept_details(chosen, application)
    if details is None:
        return redirect(url_for("apply.change_details", kind=kind))
    facts = data.facts_of(application)
    today = flow.today()
    try:
        preview = rules.preview_change(facts, chosen, details, today, current_scheme())
    except rules.ChangeError:
        session.pop(SESSION_PREFIX + chosen, None)
        return redirect(url_for("apply.change_details", kind=kind))
    form = SendForm()
    if form.validate_on_submit():
        user = get_user(db.session, acting.applicant_id())
        assert user is not None
        record_change(
            db.session,
            application,
            chosen,
            details,
            preview_record(preview),
            user,
            provisional=lambda changed: work_out(changed, today),
        )
        db.commit()
        session.pop(SESSION_PREFIX + chosen, None)
        session[SENT_KEY] = chosen
        return redirect(url_for("apply.change_sent"))
    form_class = forms.details_form(chosen, facts, flow.area(), today)
    return render_template(
        "portal/apply/changes/preview.html",
        form=form,
        title=_("Check what this change may mean"),
        caption=str(forms.KIND_NAMES[chosen]),
        told=forms.summary_rows(form_class, details),
        headlines=headlines(preview),
        sentences=[s for s in preview.sentences if s.message not in SAID_BY_HEADLINES],
        change_url=url_for("apply.change_details", kind=kind),
        back_url=url_for("apply.change_details", kind=kind),
    )


@bp.get("/changes/sent")
@for_applicant()
def change_sent() -> Any:
    application = flow.sent_application()
    kind = session.get(SENT_KEY)
    if application is None or kind not in forms.KIND_NAMES:
        return redirect(url_for("apply.index") if application is None else url_for("apply.status"))
    items = [item for item in evidence_items(db.session, application) if item.still_needed]
    return render_template(
        "portal/apply/changes/sent.html",
        title=_("We have your change"),
        kind_name=str(forms.KIND_NAMES[kind]),
        outstanding=outstanding_count(items),
        evidence_url=evidence_url(),
    )


def evidence_url() -> str:
    """The page listing the evidence we need (its endpoint name is settling), else the status page."""
    for endpoint in ("apply.evidence", "apply.evidence_list"):
        if endpoint in current_app.view_functions:
            return url_for(endpoint)
    return url_for("apply.status")


# The reassessment job (``flask apply reassessment-tasks``) joins the blueprint's commands with these views.
from portal.apply import reassess  # noqa: E402, F401
