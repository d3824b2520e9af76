"""The nomination document a housing association reads when the council nominates a household.

It is written once, when the officer nominates, in English (it is for the
landlord), and kept as a PDF in the file store. It holds what a landlord needs
to offer a tenancy: who is in the household and their ages, the bedroom need,
band and priority date, the reference, how to contact them, and any access or
support needs the officer wrote down. It never holds National Insurance numbers
or the household's answers about safety or health.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flask import current_app, render_template
from sqlalchemy.orm import Session

from portal.data.accounts import get_user
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.letting_models import ShortlistEntry
from portal.data.models import User
from portal.pdf import PDF_MEDIA_TYPE, html_to_pdf
from portal.rules.dates import age_on
from portal.rules.lettings.kinds import PROPERTY_TYPES, TENURES
from portal.storage import FileStore, new_key

TEMPLATE = "letters/nomination.html"
KEY_PREFIX = "nominations"
RELATIONSHIPS = {
    "applicant": "Applicant",
    "partner": "Partner",
    "joint_applicant": "Joint applicant",
    "child": "Child",
    "parent": "Parent",
    "sibling": "Brother or sister",
    "other_relative": "Other relative",
    "other": "Someone else (a friend or carer)",
}


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day is not None else "Not set"


def _people(application: Application, today: dt.date) -> list[dict[str, str]]:
    rows = []
    for person in application.people:
        relationship = "applicant" if person.position == 0 else person.relationship_to_applicant
        born = person.date_of_birth
        rows.append(
            {
                "name": person.full_name or "Name not given",
                "relationship": RELATIONSHIPS.get(relationship, relationship.replace("_", " ").capitalize()),
                "age": str(age_on(born, today)) if born else "Not given",
            }
        )
    return rows


def _address(advert: Advert) -> str:
    parts = (advert.address_line_1, advert.address_line_2, advert.town, advert.postcode)
    return ", ".join(part for part in parts if part)


def nomination_context(
    session: Session,
    advert: Advert,
    application: Application,
    entry: ShortlistEntry,
    *,
    officer: User,
    access_needs: str,
    today: dt.date,
) -> dict[str, Any]:
    """Everything the document shows."""
    user = get_user(session, application.user_id)
    phone = (application.applicant.answers or {}).get("phone") if application.people else None
    return {
        "council": current_app.config.get("COUNCIL_NAME", ""),
        "council_email": current_app.config.get("COUNCIL_CONTACT_EMAIL", ""),
        "council_phone": current_app.config.get("COUNCIL_PHONE", ""),
        "date": _day(today),
        "officer": officer.full_name,
        "landlord": advert.landlord.name,
        "advert": advert,
        "address": _address(advert),
        "home": f"{advert.bedrooms} bedroom {PROPERTY_TYPES.get(advert.property_type, advert.property_type).lower()}",
        "tenure": TENURES.get(advert.tenure, advert.tenure),
        "reference": application.reference,
        "name": application.applicant.full_name if application.people else "",
        "email": user.email if user is not None else "",
        "phone": phone if isinstance(phone, str) else "",
        "people": _people(application, today),
        "bedroom_need": entry.bedroom_need,
        "band": entry.band,
        "priority_date": _day(entry.priority_date),
        "position": entry.position,
        "access_needs": access_needs,
    }


def render_nomination(context: dict[str, Any]) -> str:
    return render_template(TEMPLATE, **context)


def make_nomination_document(
    session: Session,
    advert: Advert,
    application: Application,
    entry: ShortlistEntry,
    *,
    officer: User,
    access_needs: str,
    today: dt.date,
    store: FileStore,
) -> str:
    """Write the document, keep its PDF in the file store and return its key."""
    context = nomination_context(
        session, advert, application, entry, officer=officer, access_needs=access_needs, today=today
    )
    key = new_key(KEY_PREFIX)
    store.put(key, html_to_pdf(render_nomination(context)), PDF_MEDIA_TYPE)
    return key


def document_filename(advert: Advert, application: Application) -> str:
    reference = re.sub(r"[^A-Za-z0-9-]", "", application.reference or "") or "household"
    home = re.sub(r"[^A-Za-z0-9-]", "", advert.reference) or "home"
    return f"nomination-{home}-{reference}.pdf"
