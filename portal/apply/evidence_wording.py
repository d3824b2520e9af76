"""What the evidence pages say about each kind of evidence and each status, in the page's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from portal.data.evidence_models import EvidenceItem

DATE_FORMAT = "d MMMM y"  # 22 November 2026, with the month in the page's language
COUNCIL_TIME_ZONE = ZoneInfo("Europe/London")

#: Titles of evidence about one person: (with their name, when we do not know their name).
PERSON_TITLES: dict[str, tuple[LazyString, LazyString]] = {
    "identity": (_l("Proof of identity for %(name)s"), _l("Proof of identity")),
    "immigration_status": (_l("Proof of immigration status for %(name)s"), _l("Proof of immigration status")),
    "pregnancy": (_l("Proof of pregnancy for %(name)s"), _l("Proof of pregnancy")),
}
TITLES: dict[str, LazyString] = {
    "address_history": _l("Proof of where you have lived"),
    "income": _l("Proof of your household's income"),
    "savings": _l("Proof of your savings"),
    "property": _l("Proof about a home you own"),
    "pregnancy": _l("Proof of pregnancy"),
    "children": _l("Proof of the children who live with you"),
    "medical": _l("Letters about health problems"),
    "notice_to_quit": _l("The letter that says you must leave your home"),
    "employment": _l("Proof of your work in the area"),
    "armed_forces": _l("Proof of service in the Armed Forces"),
    "care_leaver": _l("Proof that you have left care"),
    "rent_arrears": _l("A statement of the rent you owe"),
}
OTHER_TITLE = _l("Other evidence")

EXAMPLES: dict[str, tuple[LazyString, ...]] = {
    "identity": (_l("a passport"), _l("a driving licence"), _l("a birth certificate"), _l("a national identity card")),
    "immigration_status": (
        _l("a share code from the Home Office website"),
        _l("a letter from the Home Office"),
        _l("a biometric residence permit"),
        _l("a passport with a visa in it"),
    ),
    "address_history": (
        _l("a tenancy agreement"),
        _l("a council tax bill"),
        _l("a letter from your landlord"),
        _l("a bank statement or a utility bill with your address on it"),
    ),
    "income": (
        _l("your last 2 months of payslips"),
        _l("a letter about your benefits, such as Universal Credit"),
        _l("a pension statement"),
        _l("accounts or a tax return if you work for yourself"),
    ),
    "savings": (_l("your latest bank statements"), _l("your latest savings account statements")),
    "property": (
        _l("a letter from your mortgage lender"),
        _l("a record from the Land Registry"),
        _l("a letter that says why you cannot live in the home"),
    ),
    "pregnancy": (_l("a MATB1 certificate"), _l("a letter from your midwife or doctor that shows the due date")),
    "children": (_l("a child benefit letter"), _l("a birth certificate for each child")),
    "medical": (
        _l("a letter from your doctor or hospital"),
        _l("a letter from a nurse, therapist or social worker"),
        _l("a list of your medicines"),
    ),
    "notice_to_quit": (
        _l("a notice from your landlord, such as a section 21 or section 8 notice"),
        _l("a letter from the person you live with that says you must leave"),
        _l("a court order"),
    ),
    "employment": (_l("a letter from your employer"), _l("your last 2 months of payslips"), _l("a work contract")),
    "armed_forces": (
        _l("your discharge papers"),
        _l("a letter from the Ministry of Defence"),
        _l("a letter from your unit"),
    ),
    "care_leaver": (_l("a letter from children's services"), _l("a letter from your personal adviser")),
    "rent_arrears": (
        _l("a rent statement from your landlord"),
        _l("a letter about a plan to pay back what you owe"),
    ),
}
OTHER_EXAMPLES = (_l("a letter or document that shows what we asked about"),)
GENERIC_WHY = _l("We need to see this to check the answers in your application.")

STATUS_TAGS: dict[str, tuple[LazyString, str]] = {
    "needed": (_l("Not sent yet"), "govuk-tag--blue"),
    "uploaded": (_l("Sent, waiting to be checked"), "govuk-tag--yellow"),
    "accepted": (_l("Accepted"), "govuk-tag--green"),
    "rejected": (_l("Not accepted"), "govuk-tag--red"),
    "requested_again": (_l("We need this again"), "govuk-tag--orange"),
}


@dataclass(frozen=True)
class StatusWords:
    """The status tag and the sentences that explain it."""

    tag: str
    tag_class: str
    lines: tuple[str, ...]


def long_date(value: dt.date) -> str:
    return format_date(value, DATE_FORMAT)


def local_date(moment: dt.datetime) -> str:
    """The day a moment (kept in UTC) fell on in the UK."""
    return long_date(moment.astimezone(COUNCIL_TIME_ZONE).date())


def title(kind: str, name: str | None) -> str:
    """The item's title, naming the person when it is about one and we know their name."""
    if kind in PERSON_TITLES:
        named, unnamed = PERSON_TITLES[kind]
        return str(named) % {"name": name} if name else str(unnamed)
    return str(TITLES.get(kind, OTHER_TITLE))


def examples(kind: str) -> list[str]:
    return [str(example) for example in EXAMPLES.get(kind, OTHER_EXAMPLES)]


def about(name: str | None, person_key: str) -> str:
    """Who the item is about, for the "Who it is about" row."""
    if name:
        return name
    return _("Someone in your household") if person_key else _("Your household")


def status_words(item: EvidenceItem) -> StatusWords:
    tag, tag_class = STATUS_TAGS.get(item.status, STATUS_TAGS["needed"])
    lines: list[str] = []
    if item.status == "needed" and item.due_on is not None:
        lines.append(_("Try to send it by %(date)s.", date=long_date(item.due_on)))
    elif item.status == "uploaded":
        lines.append(_("Thank you. We will check what you sent and tell you if we need anything else."))
    elif item.status == "accepted":
        if item.valid_until is not None:
            lines.append(_("We have accepted this until %(date)s.", date=long_date(item.valid_until)))
        else:
            lines.append(_("We have accepted this. You do not need to send anything else."))
    elif item.status == "rejected":
        if item.reason:
            lines.append(_("We could not accept what you sent. This is why: %(reason)s", reason=item.reason))
        else:
            lines.append(_("We could not accept what you sent."))
        lines.append(_("You can send something else below."))
    elif item.status == "requested_again":
        if item.request_note:
            lines.append(_("We need you to send this again. %(note)s", note=item.request_note))
        else:
            lines.append(_("We need you to send this again."))
        if item.due_on is not None:
            lines.append(_("Try to send it by %(date)s.", date=long_date(item.due_on)))
    return StatusWords(str(tag), tag_class, tuple(lines))
