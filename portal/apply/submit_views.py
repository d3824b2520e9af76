"""Checking the whole application, the declaration, and sending it."""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response
from wtforms import SelectChoice, SelectMultipleField, SubmitField
from wtforms.validators import ValidationError

from portal.apply import flow
from portal.apply.provisional import work_out
from portal.apply.routes import bp
from portal.apply.section_list import SECTIONS
from portal.apply.sections import status_of
from portal.apply.summary import summarise
from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.data import applications as data
from portal.data.accounts import get_user
from portal.data.audit import record_event
from portal.data.duplicates import find_duplicates
from portal.data.evidence import sync_evidence
from portal.extensions import db
from portal.forms import PortalForm
from portal.i18n import current_locale_code
from portal.notify import email_applicant, email_helpers
from portal.rules.application.evidence import evidence_needed
from portal.widgets import CheckboxesInput, SubmitInput

DECLARATIONS = (
    ("true", _l("The information I have given is true and complete, as far as I know.")),
    (
        "checks",
        _l(
            "You can check my answers with other council teams, government departments, landlords and the people I named."
        ),
    ),
    ("share", _l("You can share my application with housing associations that may offer me a home.")),
    ("changes", _l("I will tell you if anything changes, such as someone moving in or out, or a new address.")),
)


def all_ticked(_form: Any, field: Any) -> None:
    if sorted(field.data or []) != sorted(value for value, _label in DECLARATIONS):
        raise ValidationError(_("Tick all 4 boxes to send your application"))


class DeclarationForm(PortalForm):
    declaration = SelectMultipleField(
        _l("Declaration"),
        choices=[SelectChoice(value, label) for value, label in DECLARATIONS],
        validators=[all_ticked],
        widget=CheckboxesInput(),
        validate_choice=False,
    )
    submit = SubmitField(_l("Accept and send"), widget=SubmitInput())


def ready_to_send(application: Any) -> bool:
    facts = data.facts_of(application)
    done = application.completed_sections or []
    return all(
        status_of(section, facts, flow.area(), flow.today(), done) == "completed"
        for section in SECTIONS
        if not section.optional
    )


@bp.route("/check", methods=["GET", "POST"])
@for_applicant()
def check_all() -> Any:
    application = flow.current_draft()
    if not ready_to_send(application):
        return redirect(url_for("apply.index"))
    form = DeclarationForm()
    if form.validate_on_submit():
        return send(application, form)
    facts = data.facts_of(application)
    return render_template(
        "portal/apply/check_all.html",
        title=_("Check your answers before sending your application"),
        summaries=[summarise(section, facts, flow.area(), flow.today()) for section in SECTIONS],
        form=form,
        back_url=url_for("apply.index"),
    )


def send(application: Any, form: DeclarationForm) -> Response:
    user = get_user(db.session, acting.applicant_id())
    assert user is not None
    today = flow.today()
    declaration = {"accepted": sorted(form.declaration.data or []), "on": today.isoformat()}
    reference = data.submit_application(
        db.session,
        application,
        actor=acting.actor(),
        declaration=declaration,
        today=today,
        on_behalf_of=acting.on_behalf_of(),
    )
    # Letters go in the applicant's language, also when someone helping them sends it.
    helped = acting.acting().by_someone_else
    application.locale = (acting.acting().applicant.preferred_locale or "en") if helped else current_locale_code()
    facts = data.facts_of(application)
    data.save_provisional(application, work_out(facts, today))
    sync_evidence(db.session, application, evidence_needed(facts))
    record_event(
        db.session,
        actor=acting.actor(),
        on_behalf_of=acting.on_behalf_of(),
        action="application.submitted",
        subject_type="application",
        subject_id=application.id,
        details={"reference": reference},
    )
    find_duplicates(db.session, application)
    db.commit()
    email_applicant(
        db.session,
        user,
        "application_sent",
        locale=None if acting.acting().by_someone_else else current_locale_code(),
        name=user.full_name,
        reference=reference,
        link=current_app.config["BASE_URL"].rstrip("/") + url_for("apply.status"),
        council=current_app.config["COUNCIL_NAME"],
    )
    email_helpers(db.session, user, update="application_sent")
    return redirect(url_for("apply.sent"))


@bp.get("/sent")
@for_applicant()
def sent() -> Any:
    application = data.open_application_for(db.session, acting.applicant_id())
    if application is None or application.reference is None:
        return redirect(url_for("apply.index"))
    return render_template("portal/apply/sent.html", title=_("Application sent"), application=application)
