"""The personal housing options plan: on a page, as a PDF, and sent by email.

Each is made afresh from the answers in the session, so nothing about the
person is stored. An email address typed here is used once and forgotten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from flask import Response, current_app, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse
from wtforms import EmailField, SubmitField
from wtforms.validators import Email, InputRequired, Length

from portal.auth.access import public
from portal.auth.roles import Role
from portal.data.accounts import get_user
from portal.data.audit import record_event
from portal.data.options import save_options_answers
from portal.extensions import db, limiter
from portal.forms import PortalForm
from portal.i18n import current_locale_code
from portal.mail import Attachment, send_email
from portal.options import plan_wording, store
from portal.options.council_config import current_council, current_scheme
from portal.options.plan_pdf import PDF_FILENAME, PDF_MEDIA_TYPE, plan_pdf
from portal.options.routes import bp
from portal.rules.options.advice import Advice, advise
from portal.rules.options.answers import QUESTION_ORDER, OptionsAnswers, next_unanswered
from portal.rules.options.council import Council
from portal.widgets import SubmitInput, TextInput

COUNCIL_TIME_ZONE = ZoneInfo("Europe/London")
EMAIL_LIMIT = "5 per hour"
PDF_LIMIT = "10 per minute; 60 per hour"  # making a PDF takes the server about half a second
DATE_FORMAT = "d MMMM y"  # 22 November 2026, with the month in the page's language
EMAIL_FORMAT = _l("Enter an email address in the correct format, like name@example.com")


@dataclass(frozen=True)
class Plan:
    advice: Advice
    council: Council
    made_on: dt.date
    prepared_by: str | None  # the support worker's name, when one made it


class PlanEmailForm(PortalForm):
    email = EmailField(
        _l("What email address should we send your plan to?"),
        widget=TextInput(),
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            InputRequired(_l("Enter an email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    submit = SubmitField(_l("Send the plan"), widget=SubmitInput())


def _question_path(key: str) -> str:
    return url_for("options.question", slug=key.replace("_", "-"))


def _today() -> dt.date:
    return dt.datetime.now(COUNCIL_TIME_ZONE).date()


def _is_support_worker() -> bool:
    return bool(current_user.is_authenticated and current_user.role is Role.SUPPORT_WORKER)


def _plan_or_redirect() -> Plan | BaseResponse:
    """The plan for the answers in the session, or a redirect to the first question still to answer."""
    given = store.answers()
    missing = next_unanswered(given)
    if missing is not None:
        return redirect(_question_path(missing))
    try:
        answers = OptionsAnswers.from_mapping(given)
    except ValueError as error:
        key = str(error).partition(":")[0]
        return redirect(_question_path(key if key in QUESTION_ORDER else QUESTION_ORDER[0]))
    council = current_council()
    today = _today()
    prepared_by = current_user.full_name if _is_support_worker() else None
    return Plan(advise(answers, current_scheme(), council, today), council, today, prepared_by)


def _context(plan: Plan) -> dict[str, Any]:
    advice = plan.advice
    summary = [(_l("Bedrooms you are likely to need"), plan_wording.bedrooms_text(advice.bedroom_need))]
    summary.append((_l("Your likely band"), plan_wording.band_name(advice.likely_band) or _l("We cannot tell yet")))
    summary.append((_l("How long you might wait"), plan_wording.wait_text(advice.wait) or _l("We cannot tell yet")))
    return {
        "plan": plan,
        "advice": advice,
        "council": plan.council,
        "helplines": advice.helplines,
        "wording": plan_wording,
        "summary": summary,
        "made_on": format_date(plan.made_on, DATE_FORMAT),
        "prepared_by": plan.prepared_by,
        "urgent": bool(advice.urgent_kinds),
        "register_url": url_for("account.register", _external=True),
    }


def _pdf_of(plan: Plan) -> bytes:
    return plan_pdf(render_template("portal/options/plan_pdf.html", **_context(plan)))


@bp.get("/results")
@public
def results() -> str | BaseResponse:
    plan = _plan_or_redirect()
    if not isinstance(plan, Plan):
        return plan
    if current_user.is_authenticated and current_user.role is Role.APPLICANT:
        save_options_answers(db.session, current_user.id, store.answers())
        db.commit()
    return render_template(
        "portal/options/results.html",
        exit_this_page="abuse" in plan.advice.urgent_kinds,
        **_context(plan),
    )


@bp.get("/results.pdf")
@public
@limiter.limit(lambda: str(current_app.config.get("RATE_LIMIT_OPTIONS_PDF", PDF_LIMIT)))
def results_pdf() -> BaseResponse:
    plan = _plan_or_redirect()
    if not isinstance(plan, Plan):
        return plan
    response = Response(_pdf_of(plan), mimetype=PDF_MEDIA_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{PDF_FILENAME}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/results/email", methods=["GET", "POST"])
@public
@limiter.limit(lambda: str(current_app.config.get("RATE_LIMIT_OPTIONS_EMAIL", EMAIL_LIMIT)), methods=["POST"])
def email_plan() -> str | BaseResponse:
    plan = _plan_or_redirect()
    if not isinstance(plan, Plan):
        return plan
    form = PlanEmailForm()
    if _is_support_worker():
        form.email.description = _l(
            "You can send it to the email address of the person you are helping. We will not keep the address."
        )
    else:
        form.email.description = _l("We will only use it to send this email. We will not keep it.")
    if form.validate_on_submit():
        locale = current_locale_code()
        attachment = Attachment(PDF_FILENAME, PDF_MEDIA_TYPE, _pdf_of(plan))
        send_email(form.email.data, "options_plan", locale, attachments=[attachment], **_context(plan))
        if current_user.is_authenticated:
            actor = get_user(db.session, current_user.id)
            record_event(
                db.session,
                actor=actor,
                action="options.plan_emailed",
                subject_type="user",
                subject_id=current_user.id,
                details={"language": locale, "support_worker": _is_support_worker()},
            )
            db.commit()
        return redirect(url_for("options.plan_sent"))
    abuse = "abuse" in plan.advice.urgent_kinds
    return render_template("portal/options/results_email.html", form=form, abuse=abuse, exit_this_page=abuse)


@bp.get("/results/email/sent")
@public
def plan_sent() -> str:
    return render_template("portal/options/results_sent.html", exit_this_page=store.answers().get("abuse") == "yes")
