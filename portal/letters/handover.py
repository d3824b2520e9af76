"""The letter that hands over an account an officer set up: the code, where to use it and until when.

It is written in the person's chosen language and made as a PDF for the
officer to print. It goes to the address the person chose for letters, or
their home address. The code is printed only here: only its hash is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flask import current_app, render_template, url_for
from flask_babel import force_locale, format_date
from sqlalchemy.orm import Session

from portal.data.application_models import Application
from portal.data.contact_prefs import preferences_for, wants_large_print
from portal.data.handovers import grouped, has_real_email, reference_of
from portal.data.models import User
from portal.i18n import text_direction
from portal.pdf import html_to_pdf

TEMPLATE = "letters/handover.html"
DATE_FORMAT = "d MMMM y"
ADDRESS_BREAK = re.compile(r"\s*[\n,]\s*")


def postal_address(session: Session, user: User, application: Application | None) -> list[str]:
    """The lines to post the letter to: the address they chose for letters, else their home address."""
    preferences = preferences_for(session, user.id)
    if preferences is not None and preferences.letters == "other" and preferences.letter_address:
        return [line for line in ADDRESS_BREAK.split(preferences.letter_address.strip()) if line]
    if application is None or not application.addresses:
        return []
    home = min(application.addresses, key=lambda address: address.position)
    parts = (home.line_1, home.line_2, home.town, home.postcode)
    return [part for part in parts if part]


def letter_context(
    session: Session, user: User, application: Application | None, *, code: str, expires_on: dt.date, today: dt.date
) -> dict[str, Any]:
    locale = user.preferred_locale or "en"
    if locale not in tuple(current_app.config.get("LANGUAGES", ("en",))):
        locale = "en"
    base = current_app.config["BASE_URL"].rstrip("/")
    with force_locale(locale):
        return {
            "lang": locale,
            "dir": text_direction(locale),
            "council": current_app.config.get("COUNCIL_NAME", ""),
            "council_phone": current_app.config.get("COUNCIL_PHONE", ""),
            "council_email": current_app.config.get("COUNCIL_CONTACT_EMAIL", ""),
            "name": user.full_name,
            "address": postal_address(session, user, application),
            "reference": reference_of(session, user),
            "email": user.email if has_real_email(user) else "",
            "large_print": wants_large_print(session, user.id),
            "code": grouped(code),
            "claim_url": base + url_for("account.claim_account"),
            "letter_date": str(format_date(today, DATE_FORMAT)),
            "expires_on": str(format_date(expires_on, DATE_FORMAT)),
        }


def render_handover_letter(context: dict[str, Any]) -> str:
    with force_locale(context["lang"]):
        return render_template(TEMPLATE, **context)


def handover_letter_pdf(
    session: Session, user: User, application: Application | None, *, code: str, expires_on: dt.date, today: dt.date
) -> bytes:
    """The letter as a PDF, in the person's language."""
    context = letter_context(session, user, application, code=code, expires_on=expires_on, today=today)
    return html_to_pdf(render_handover_letter(context))


def letter_filename(user: User) -> str:
    return f"account-letter-{user.id}.pdf"
