"""Paper versions of the application: a blank form to fill in by hand, and a summary of every answer given.

Both are made from the same question definitions as the pages
(``portal.apply.section_list.SECTIONS``), so they say what the pages say, in
the language asked for. Each is one self-contained HTML document turned into
a PDF with ``portal.pdf.html_to_pdf``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale, format_date
from flask_babel import gettext as _

from portal.apply import flow
from portal.apply.asks import Ask, ChoiceAsk, Context, DateAsk, GroupAsk, MoneyAsk, NumberAsk, TextAreaAsk, always
from portal.apply.section_list import SECTIONS
from portal.apply.sections import Section
from portal.apply.submit_views import DECLARATIONS
from portal.apply.summary import summarise
from portal.data import applications as data
from portal.data.application_models import Application
from portal.i18n import current_locale_code, text_direction
from portal.pdf import html_to_pdf

SUMMARY_TEMPLATE = "portal/apply/paper/summary_pdf.html"
FORM_TEMPLATE = "portal/apply/paper/form_pdf.html"
DATE_FORMAT = "d MMMM y"
#: How many blank copies of the questions about each person or address the paper form has.
COPIES = {"people": 3, "adults": 2, "addresses": 3}
BLANK_FACTS: Mapping[str, Any] = {"people": [], "addresses": [], "answers": {}}


def _in_words(day: dt.date | None) -> str:
    return str(format_date(day, DATE_FORMAT)) if day is not None else ""


def council_details() -> dict[str, str]:
    config = current_app.config
    return {
        "name": str(config.get("COUNCIL_NAME", "")),
        "phone": str(config.get("COUNCIL_PHONE", "")),
        "email": str(config.get("COUNCIL_CONTACT_EMAIL", "")),
        "address": str(config.get("COUNCIL_POSTAL_ADDRESS", "") or ""),
    }


def _locale(locale: str | None) -> str:
    return locale or current_locale_code()


def received_on(application: Application) -> dt.date | None:
    """The date the council first had the application: the day it was received, or sent online."""
    if application.received_on is not None:
        return application.received_on
    return application.submitted_at.date() if application.submitted_at is not None else None


def summary_html(application: Application, *, locale: str | None = None, large_print: bool = False) -> str:
    """Every answer of ``application`` as one self-contained HTML document, in ``locale`` (else the page's)."""
    code = _locale(locale)
    with force_locale(code):
        facts = data.facts_of(application)
        summaries = [summarise(section, facts, flow.area(), flow.today(), editable=False) for section in SECTIONS]
        return render_template(
            SUMMARY_TEMPLATE,
            lang=code,
            dir=text_direction(code),
            council=council_details(),
            application=application,
            name=application.applicant.full_name,
            received=_in_words(received_on(application)),
            made_on=_in_words(flow.today()),
            summaries=[summary for summary in summaries if summary.rows or summary.cards],
            large_print=large_print,
        )


def summary_pdf(application: Application, *, locale: str | None = None, large_print: bool = False) -> bytes:
    """A PDF of every answer of ``application``: reference, date received, people, addresses and the rest."""
    return html_to_pdf(summary_html(application, locale=locale, large_print=large_print))


def summary_filename(application: Application) -> str:
    reference = re.sub(r"[^A-Za-z0-9-]", "", application.reference or "") or "draft"
    return f"housing-application-{reference}.pdf"


# The blank paper form.


@dataclass
class PaperQuestion:
    """One question as it is printed: its words, and how to answer it by hand."""

    number: str
    text: str
    hint: str
    #: "choice" (tick one box), "line", "lines", "date", "money", "number" or "group".
    kind: str
    choices: list[tuple[str, str]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    only_if: bool = False


@dataclass
class PaperBlock:
    """Questions asked once, or once for each person or address (``title`` names which)."""

    title: str
    questions: list[PaperQuestion]


@dataclass
class PaperSection:
    number: int
    title: str
    intro: str
    blocks: list[PaperBlock]
    optional: bool = False


def _kind(ask: Ask, choices: Sequence[tuple[str, str]]) -> str:
    if isinstance(ask, ChoiceAsk):
        return "choice" if choices else "lines"
    if isinstance(ask, GroupAsk):
        return "group"
    if isinstance(ask, DateAsk):
        return "date"
    if isinstance(ask, MoneyAsk):
        return "money"
    if isinstance(ask, NumberAsk):
        return "number"
    if isinstance(ask, TextAreaAsk):
        return "lines"
    return "line"


def _question(ask: Ask, context: Context, number: str, *, by_label: bool) -> PaperQuestion:
    choices: list[tuple[str, str]] = []
    if isinstance(ask, ChoiceAsk):
        hints = {value: context.fill(text) for value, text in ask.choice_hints.items()}
        choices = [(text, hints.get(value, "")) for value, text in ask.options(context)]
    parts = [context.fill(part.label) for part in ask.parts] if isinstance(ask, GroupAsk) else []
    return PaperQuestion(
        number=number,
        text=context.fill(ask.label if by_label else ask.question),
        hint=context.fill(ask.hint),
        kind=_kind(ask, choices),
        choices=choices,
        parts=parts,
        only_if=ask.when is not always and not ask.when(context),
    )


def _questions(
    asks: Sequence[Ask], context: Context, prefix: str, start: int, *, by_label: bool = False
) -> list[PaperQuestion]:
    return [_question(ask, context, f"{prefix}.{start + index}", by_label=by_label) for index, ask in enumerate(asks)]


def _item_titles(kind: str) -> list[str]:
    if kind == "adults":
        return [_("You"), _("Your partner or the other person applying with you")]
    if kind == "addresses":
        return [_("Your address now"), *[_("Your address before that")] * (COPIES["addresses"] - 1)]
    return [_("Person %(number)d", number=number) for number in range(2, COPIES["people"] + 2)]


def _item(kind: str, index: int) -> dict[str, Any]:
    if kind == "adults" and index == 0:
        return {"id": "paper", "relationship": "applicant", "full_name": ""}
    return {"id": f"paper{index}", "full_name": _("this person")}


def _intro(kind: str | None) -> str:
    if kind == "people":
        return _(
            "Tell us about each person who lives with you or will move with you. "
            "If there are more people than spaces, use another sheet of paper."
        )
    if kind == "adults":
        return _("Answer these questions for you, and for your partner or anyone applying with you.")
    if kind == "addresses":
        return _(
            "Tell us every address you have lived at in the last 5 years, starting with where you live now. "
            "If you need more space, use another sheet of paper."
        )
    return ""


def _paper_section(section: Section, number: int, area: str, today: dt.date) -> PaperSection:
    base = Context(facts=BLANK_FACTS, known={}, area=area, today=today)
    blocks = [PaperBlock("", _questions(section.before, base, str(number), 1))] if section.before else []
    counted = len(section.before)
    listing = section.items
    if listing is not None:
        for index, title in enumerate(_item_titles(listing.kind)):
            item = _item(listing.kind, index)
            context = Context(facts=BLANK_FACTS, known=item, area=area, today=today, item=item)
            asks = listing.pages
            blocks.append(PaperBlock(title, _questions(asks, context, str(number), counted + 1, by_label=True)))
            counted += len(asks)
    if section.after:
        blocks.append(PaperBlock("", _questions(section.after, base, str(number), counted + 1)))
    return PaperSection(
        number=number,
        title=base.fill(section.title),
        intro=_intro(listing.kind if listing is not None else None),
        blocks=blocks,
        optional=section.optional,
    )


def paper_sections(area: str, today: dt.date) -> list[PaperSection]:
    """Every section of the application, with every question that may apply, in the current language."""
    return [_paper_section(section, number, area, today) for number, section in enumerate(SECTIONS, start=1)]


def form_context(locale: str) -> dict[str, Any]:
    """What the blank form shows, worked out in ``locale``."""
    return {
        "lang": locale,
        "dir": text_direction(locale),
        "council": council_details(),
        "sections": paper_sections(flow.area(), flow.today()),
        "declarations": [str(text) for _value, text in DECLARATIONS],
    }


def form_html(*, locale: str | None = None) -> str:
    """The blank paper application form as one self-contained HTML document."""
    code = _locale(locale)
    with force_locale(code):
        return render_template(FORM_TEMPLATE, **form_context(code))


def form_pdf(*, locale: str | None = None) -> bytes:
    """The blank paper application form as a PDF, in ``locale`` (else the page's language).

    It is the same for everyone, so each language's PDF is made once for each council's details.
    """
    code = _locale(locale)
    details = tuple(sorted(council_details().items()))
    return _form_pdf_for(code, details, current_app.config.get("COUNCIL_FILE") or "")


@lru_cache(maxsize=16)
def _form_pdf_for(locale: str, _details: tuple[tuple[str, str], ...], _council_file: str) -> bytes:
    return html_to_pdf(form_html(locale=locale))
