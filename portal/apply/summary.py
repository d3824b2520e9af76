"""The answers of a section as rows for a check answers page, a summary card for each person or address."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import url_for
from flask_babel import gettext as _

from portal.apply.sections import Section, Step, context_for, steps


@dataclass
class Row:
    label: str
    value: str
    change_url: str | None = None


@dataclass
class Card:
    title: str
    rows: list[Row] = field(default_factory=list)
    remove_url: str | None = None


@dataclass
class SectionSummary:
    section: Section
    title: str
    rows: list[Row]
    cards: list[Card]
    add_url: str | None
    add_text: str
    gaps: bool


def _change_url(step: Step, editable: bool) -> str | None:
    if not editable:
        return None
    from portal.apply.flow import step_url

    return step_url(step, change=True)


def summarise(
    section: Section, facts: Mapping[str, Any], area: str, today: dt.date, *, editable: bool = True
) -> SectionSummary:
    listed = steps(section, facts, area, today)
    base = context_for(section, facts, area, today)
    rows: list[Row] = []
    cards: dict[str, Card] = {}
    items = {item["id"]: item for item in section.items.items(facts, today)} if section.items else {}
    for step, answered in listed:
        if step.kind != "page" or step.ask is None or not answered:
            continue
        if step.item_id is None:
            rows.append(Row(base.fill(step.ask.label), step.ask.summary(base.known, base), _change_url(step, editable)))
            continue
        item = items[step.item_id]
        context = context_for(section, facts, area, today, item)
        card = cards.get(step.item_id)
        if card is None:
            card = cards[step.item_id] = Card(_card_title(item, len(cards) + 1))
            if editable and section.items is not None and section.items.can_add:
                card.remove_url = url_for("apply.remove_item", section=section.slug, item=step.item_id)
        card.rows.append(
            Row(context.fill(step.ask.label), step.ask.summary(item, context), _change_url(step, editable))
        )
    add_url = None
    add_text = ""
    if editable and section.items is not None and section.items.can_add and section.items.when(base) and items:
        first = section.items.pages[0]
        add_url = url_for("apply.item_question", section=section.slug, item="new", slug=first.slug)
        add_text = base.fill(section.items.add_link)
    return SectionSummary(
        section=section,
        title=base.fill(section.title),
        rows=rows,
        cards=list(cards.values()),
        add_url=add_url,
        add_text=add_text,
        gaps=any(not answered for _step, answered in listed),
    )


def _card_title(item: Mapping[str, Any], number: int) -> str:
    if item.get("full_name"):
        return str(item["full_name"])
    if item.get("line_1"):
        return str(item["line_1"])
    return _("Item %(number)d") % {"number": number}
