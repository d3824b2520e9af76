"""Decision letters: written in English and in the application's language, kept as HTML and as a PDF.

``issue_letters`` renders ``templates/letters/decision.html`` once for each
language, makes its PDF (``portal.pdf.html_to_pdf``), puts the PDF in the
file store and records both. The text is the applicant's: plain words, every
reason for the decision, what happens next and how to ask for a review.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import smtplib
from collections.abc import Mapping
from typing import Any

from flask import current_app, render_template, url_for
from flask_babel import force_locale, format_date, ngettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy.orm import Session
from werkzeug.routing import BuildError

from portal.apply.provisional import sentences_of
from portal.data.accounts import get_user
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.decision_models import Decision, DecisionLetter, ReviewRequest
from portal.data.decisions import add_letter, letter_of, review_behind
from portal.explanations import explain
from portal.i18n import text_direction
from portal.notify import email_applicant, email_helpers, wants_large_print
from portal.options.plan_wording import band_name
from portal.pdf import PDF_MEDIA_TYPE, html_to_pdf
from portal.storage import FileStore, new_key

log = logging.getLogger(__name__)

TEMPLATE = "letters/decision.html"
KEY_PREFIX = "letters"
DATE_FORMAT = "d MMMM y"
REVIEW_REQUEST_DAYS = 21
REVIEW_DECISION_WEEKS = 8
#: Each part of a decision as the letter names it, beside the officer's own words about it.
TOPICS = {
    "eligibility": _l("Whether you can get housing from the council"),
    "qualification": _l("Whether you can join our housing register"),
    "local_connection": _l("Your connection to our area"),
    "bedroom_need": _l("The number of bedrooms you need"),
    "band": _l("Your band"),
    "priority_date": _l("Your priority date"),
}
#: The officer's own words about something other than one part of the decision.
OTHER_TOPIC = _l("The officer's reason")
#: Officer reasons with this ``field`` are the reviewing officer's summary of a review.
REVIEW_SUMMARY = "review"
#: What a review compares to say whether it changed the decision.
COMPARED = ("outcome", "eligible", "qualifies", "bedroom_need", "band", "priority_date")
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
HEADING = re.compile(r"<(/?)h([1-5])\b", re.IGNORECASE)


def letter_locales(application: Application) -> list[str]:
    """English, and the application's language when it is another language the portal ships."""
    shipped = tuple(current_app.config.get("LANGUAGES", ("en",)))
    locales = ["en"]
    if application.locale in shipped and application.locale != "en":
        locales.append(application.locale)
    return locales


def _in_words(day: dt.date | None) -> str:
    return str(format_date(day, DATE_FORMAT)) if day is not None else ""


def _address(endpoint: str, fallback: str, **values: Any) -> str:
    """The full address of a page of the portal, for a letter read away from the screen."""
    try:
        path = url_for(endpoint, **values)
    except BuildError:
        path = fallback
    return current_app.config["BASE_URL"].rstrip("/") + path


def review_outcome(session: Session, decision: Decision) -> tuple[ReviewRequest | None, Decision | None, str | None]:
    """For a review decision: the request, the decision it looked at again, and "upheld" or "changed"."""
    review = review_behind(session, decision)
    if review is None:
        return None, None, None
    original = session.get(Decision, review.decision_id)
    outcome = review.outcome
    if outcome is None and original is not None:
        same = all(getattr(original, name) == getattr(decision, name) for name in COMPARED)
        outcome = "upheld" if same else "changed"
    return review, original, outcome


def _household(application: Application) -> list[str]:
    return [person.full_name for person in application.people if person.full_name]


def _context(session: Session, decision: Decision, application: Application, locale: str) -> dict[str, Any]:
    """Everything the letter shows, worked out in the letter's language."""
    kept = [reason for reason in decision.reasons or [] if isinstance(reason, Mapping) and "message" in reason]
    own_words = [reason for reason in decision.reasons or [] if isinstance(reason, Mapping) and reason.get("officer")]
    officer = [
        (str(TOPICS.get(str(reason.get("field")), OTHER_TOPIC)), str(reason["officer"]))
        for reason in own_words
        if reason.get("field") != REVIEW_SUMMARY
    ]
    summary = [str(reason["officer"]) for reason in own_words if reason.get("field") == REVIEW_SUMMARY]
    weeks = int(current_app.config.get("REVIEW_DECISION_WEEKS", REVIEW_DECISION_WEEKS))
    review, original, outcome = review_outcome(session, decision) if decision.kind == "review" else (None, None, None)
    applicant = get_user(session, application.user_id)
    return {
        "lang": locale,
        "dir": text_direction(locale),
        "large_print": applicant is not None and wants_large_print(session, applicant),
        "council": current_app.config.get("COUNCIL_NAME", ""),
        "decision": decision,
        "application": application,
        "name": application.applicant.full_name,
        "household": _household(application),
        "letter_date": _in_words(decision.decided_at.date()),
        "band_name": band_name(decision.band),
        "bedrooms": decision.bedroom_need,
        "priority_date": _in_words(decision.priority_date),
        "registration_date": _in_words(decision.registration_date),
        "review_by": _in_words(decision.review_by),
        "review_weeks": ngettext(
            "We will tell you the result of the review within %(num)d week of getting your request.",
            "We will tell you the result of the review within %(num)d weeks of getting your request.",
            weeks,
        ),
        "review_url": _address(
            "apply.review_request", f"/apply/decisions/{decision.id}/review", decision_id=decision.id
        ),
        "homes_url": _address("homes.index", "/homes/"),
        "options_url": _address("options.index", "/options/"),
        "reasons": explain(sentences_of(kept)),
        "officer_reasons": officer,
        "review_summary": summary,
        "review": review,
        "review_outcome": outcome,
        "original_date": _in_words(original.decided_at.date()) if original is not None else "",
    }


def render_letter(session: Session, decision: Decision, application: Application, locale: str) -> str:
    """The letter as one self-contained HTML document in ``locale``."""
    with force_locale(locale):
        return render_template(TEMPLATE, **_context(session, decision, application, locale))


def issue_letters(
    session: Session, decision: Decision, application: Application, *, store: FileStore
) -> list[DecisionLetter]:
    """Write the decision's letters (English, and the application's language), store their PDFs, record them."""
    letters = []
    for locale in letter_locales(application):
        html = render_letter(session, decision, application, locale)
        key = new_key(KEY_PREFIX)
        store.put(key, html_to_pdf(html), PDF_MEDIA_TYPE)
        letters.append(add_letter(session, decision, locale=locale, html=html, pdf_key=key))
    decider = get_user(session, decision.decided_by_id) if decision.decided_by_id else None
    record_event(
        session,
        actor=decider,
        action="decision.letters_issued",
        subject_type="application",
        subject_id=application.id,
        details={"decision_id": decision.id, "locales": [letter.locale for letter in letters]},
    )
    return letters


def letter_for(session: Session, decision: Decision, locale: str) -> DecisionLetter | None:
    """The decision's letter in one language, or None when there is none."""
    return letter_of(session, decision, locale)


def letter_body(letter: DecisionLetter) -> Markup:
    """The letter's content, to show inside a page: its body, with each heading one level down.

    The letter is HTML the portal wrote itself (every value in it was escaped when it was made).
    """
    found = BODY.search(letter.html)
    body = found.group(1) if found else letter.html
    return Markup(HEADING.sub(lambda match: f"<{match.group(1)}h{int(match.group(2)) + 1}", body))  # noqa: S704


def pdf_filename(application: Application, letter: DecisionLetter) -> str:
    reference = re.sub(r"[^A-Za-z0-9-]", "", application.reference or "") or "letter"
    return f"decision-{reference}-{letter.locale}.pdf"


def send_decision_email(session: Session, application: Application) -> bool:
    """Tell the applicant, in their language, that we have decided and where to read the letter (and their helpers).

    Returns False (and logs) when the email could not be sent; the decision stands either way.
    """
    user = get_user(session, application.user_id)
    if user is None:
        return False
    try:
        sent = email_applicant(
            session,
            user,
            "decision_made",
            locale=letter_locales(application)[-1],
            name=user.full_name,
            reference=application.reference,
            link=_address("apply.decisions", "/apply/decisions"),
            council=current_app.config.get("COUNCIL_NAME", ""),
        )
        email_helpers(session, user, update="decision_made")
    except (OSError, smtplib.SMTPException):
        log.exception("Could not email the applicant about decision letters for application %s", application.id)
        return False
    return sent
