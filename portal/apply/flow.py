"""Where each step of the application lives, what comes next, and how answers are saved.

The views in ``portal.apply.questions_views`` call these; they hold the rules
of the journey that do not depend on one page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask import abort, url_for
from flask_babel import gettext as _

from portal.apply.section_list import SECTIONS
from portal.apply.sections import NEW, Section, Step, context_for, first_gap, not_applying
from portal.auth import acting
from portal.data import applications as data
from portal.data.application_models import Address, Application, HouseholdMember
from portal.extensions import db
from portal.options.council_config import current_council

BY_SLUG = {section.slug: section for section in SECTIONS}


def today() -> dt.date:
    return dt.date.today()


def area() -> str:
    return current_council().area_name


def section_by_slug(slug: str) -> Section:
    section = BY_SLUG.get(slug)
    if section is None:
        abort(404)
    return section


def current_draft() -> Application:
    """The signed-in applicant's draft; 404 when they have none (a sent application is not changed here)."""
    application = data.open_application_for(db.session, acting.applicant_id())
    if application is None or application.stage != "draft":
        abort(404)
    return application


def step_url(step: Step, *, change: bool = False) -> str:
    section = step.section.slug
    extra = {"change": 1} if change else {}
    if step.kind == "another":
        return url_for("apply.another", section=section, **extra)
    assert step.ask is not None
    if step.kind == "new":
        return url_for("apply.item_question", section=section, item=NEW, slug=step.ask.slug, **extra)
    if step.item_id is not None:
        return url_for("apply.item_question", section=section, item=step.item_id, slug=step.ask.slug, **extra)
    return url_for("apply.question", section=section, slug=step.ask.slug, **extra)


def check_url(section: Section) -> str:
    return url_for("apply.check_section", section=section.slug)


def onward(section: Section, application: Application, *, change: bool) -> str:
    """The first question that applies and has no answer, or the section's check answers page."""
    gap = first_gap(section, data.facts_of(application), area(), today())
    return step_url(gap, change=change) if gap is not None else check_url(section)


def item_record(application: Application, section: Section, item_id: str) -> HouseholdMember | Address:
    """The person or address ``item_id`` names, if it is in this section's list; otherwise 404."""
    assert section.items is not None
    listed = {item["id"] for item in section.items.items(data.facts_of(application), today())}
    if item_id not in listed:
        abort(404)
    number = int(item_id[1:])
    found = (
        data.address_of(application, number)
        if section.items.kind == "addresses"
        else data.person_of(application, number)
    )
    if found is None:
        abort(404)
    return found


def item_facts(application: Application, item_id: str) -> Mapping[str, Any]:
    facts = data.facts_of(application)
    for item in (*facts["people"], *facts["addresses"]):
        if item["id"] == item_id:
            return item
    abort(404)


def new_item(application: Application, section: Section) -> HouseholdMember | Address:
    assert section.items is not None
    if section.items.kind == "addresses":
        return data.add_address(db.session, application)
    person = data.add_person(db.session, application)
    return person


def save_answers(application: Application, section: Section, values: Mapping[str, Any]) -> None:
    if section.target == "applicant":
        data.set_person_answers(application.applicant, values)
    else:
        data.set_section_answers(application, section.key, values)
    tidy(application, section)


def save_item_answers(
    application: Application, section: Section, record: HouseholdMember | Address, values: Mapping[str, Any]
) -> None:
    if isinstance(record, Address):
        data.set_address_answers(record, values)
    else:
        data.set_person_answers(record, values)
    tidy(application, section)


def tidy(application: Application, section: Section) -> None:
    """Take away answers to questions that no longer apply, so nothing out of date is kept."""
    db.session.flush()
    facts = data.facts_of(application)
    context = context_for(section, facts, area(), today())
    stale = not_applying((*section.before, *section.after), context)
    if stale:
        if section.target == "applicant":
            data.set_person_answers(application.applicant, {}, remove=stale)
        else:
            data.set_section_answers(application, section.key, {}, remove=stale)
    if section.items is None:
        return
    for item in section.items.items(facts, today()):
        item_context = context_for(section, facts, area(), today(), item)
        stale = not_applying(section.items.pages, item_context)
        if stale:
            number = int(item["id"][1:])
            if section.items.kind == "addresses":
                record = data.address_of(application, number)
                if record is not None:
                    data.set_address_answers(record, {}, remove=stale)
            else:
                person = data.person_of(application, number)
                if person is not None:
                    data.set_person_answers(person, {}, remove=stale)


def caption(section: Section, context: Any) -> str:
    """The words above a question: the section, and the person or address it is about."""
    title = context.fill(section.title)
    item = context.item or {}
    if item.get("full_name"):
        return _("%(section)s: %(name)s") % {"section": title, "name": item["full_name"]}
    if item.get("line_1"):
        return _("%(section)s: %(name)s") % {"section": title, "name": item["line_1"]}
    return title


def remove_item(application: Application, section: Section, record: HouseholdMember | Address) -> None:
    """Take a person or address off the application, with every answer that named them."""
    assert section.items is not None
    if isinstance(record, Address):
        data.remove_address(db.session, application, record)
        data.set_section_answers(application, section.key, {}, remove=(section.items.done_key,))
    else:
        data.remove_person(db.session, application, record)
        if len(application.people) == 1:
            data.set_section_answers(application, section.key, {}, remove=("anyone_else", section.items.done_key))
    for other in SECTIONS:
        tidy(application, other)


def sent_application(*, closed_too: bool = False) -> Application | None:
    """The signed-in applicant's sent application (a closed one only when ``closed_too``), or None."""
    application = data.application_for(db.session, acting.applicant_id())
    if application is None or application.stage == "draft":
        return None
    if application.stage == "closed" and not closed_too:
        return None
    return application
