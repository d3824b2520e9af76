"""Sections of the application and the order their questions are asked in.

A section asks some questions (``before``), then may go through a list of
people or addresses asking the same questions about each (``items``), then
asks some more (``after``). The order is worked out from the application's
facts each time, so a question appears only when it applies, and the next
question is always the first one that applies and has no answer: that is how
an applicant picks up where they left off, days later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from portal.apply.asks import Ask, Context, Text, YesNoAsk, always

Facts = Mapping[str, Any]
ListKind = Literal["people", "adults", "addresses"]
ADULT_APPLICANTS = ("applicant", "partner", "joint_applicant")
ADULT_AGE = 16
ANOTHER = "another"
NEW = "new"


def age_on(date_of_birth: str | None, today: dt.date) -> int | None:
    if not date_of_birth:
        return None
    born = dt.date.fromisoformat(date_of_birth)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@dataclass(frozen=True)
class ListOf:
    """The people or addresses a section asks about, one after another."""

    kind: ListKind
    pages: Sequence[Ask]
    #: The "add another" question; None for a list the applicant cannot add to.
    another: YesNoAsk | None = None
    #: Whether the list is asked about at all.
    when: Callable[[Context], bool] = always
    #: Whether to ask "add another" (when there is at least one item).
    another_when: Callable[[Context], bool] = always
    #: What to call one item on the check answers page; holds %(name)s or %(number)d.
    item_title: Text = None
    add_link: Text = None
    remove_question: Text = None

    def items(self, facts: Facts, today: dt.date) -> list[Mapping[str, Any]]:
        if self.kind == "addresses":
            return list(facts.get("addresses") or [])
        people = list(facts.get("people") or [])
        if self.kind == "people":
            return people[1:]
        adults = []
        for person in people:
            age = age_on(person.get("date_of_birth"), today)
            if person.get("relationship") in ADULT_APPLICANTS and (age is None or age >= ADULT_AGE):
                adults.append(person)
        return adults

    @property
    def can_add(self) -> bool:
        return self.another is not None

    @property
    def done_key(self) -> str:
        return f"{self.kind}_done"


@dataclass(frozen=True)
class Section:
    key: str
    title: Text
    before: Sequence[Ask] = ()
    items: ListOf | None = None
    after: Sequence[Ask] = ()
    #: "applicant": the questions before and after are about the applicant (their person row).
    target: Literal["answers", "applicant"] = "answers"
    optional: bool = False

    @property
    def slug(self) -> str:
        return self.key.replace("_", "-")

    def known(self, facts: Facts) -> Mapping[str, Any]:
        if self.target == "applicant":
            return facts["people"][0]
        return (facts.get("answers") or {}).get(self.key) or {}

    def ask(self, slug: str) -> Ask | None:
        return next((ask for ask in (*self.before, *self.after) if ask.slug == slug), None)

    def item_ask(self, slug: str) -> Ask | None:
        if self.items is None:
            return None
        return next((ask for ask in self.items.pages if ask.slug == slug), None)


@dataclass(frozen=True)
class Step:
    """One page in a section's order: a question, a question about one item, a new item, or "add another"."""

    section: Section
    ask: Ask | None
    item_id: str | None = None  # "p12", "a3", NEW, or None
    kind: Literal["page", "new", "another"] = "page"


def context_for(
    section: Section, facts: Facts, area: str, today: dt.date, item: Mapping[str, Any] | None = None
) -> Context:
    known = item if item is not None else section.known(facts)
    return Context(facts=facts, known=known, area=area, today=today, item=item)


def steps(section: Section, facts: Facts, area: str, today: dt.date) -> list[tuple[Step, bool]]:
    """Every page that applies, in order, each with whether it has an answer."""
    base = context_for(section, facts, area, today)
    found: list[tuple[Step, bool]] = [
        (Step(section, ask), ask.answered(base.known)) for ask in section.before if ask.when(base)
    ]
    listing = section.items
    if listing is not None and listing.when(base):
        items = listing.items(facts, today)
        for item in items:
            context = context_for(section, facts, area, today, item)
            for ask in listing.pages:
                if ask.when(context):
                    found.append((Step(section, ask, item["id"]), ask.answered(item)))
        if not items and listing.can_add:
            found.append((Step(section, listing.pages[0], NEW, "new"), False))
        elif listing.can_add and listing.another_when(base):
            found.append((Step(section, listing.another, None, "another"), base.known.get(listing.done_key) is True))
    found += [(Step(section, ask), ask.answered(base.known)) for ask in section.after if ask.when(base)]
    return found


def first_gap(section: Section, facts: Facts, area: str, today: dt.date) -> Step | None:
    return next((step for step, answered in steps(section, facts, area, today) if not answered), None)


def step_before(section: Section, facts: Facts, area: str, today: dt.date, current: Step) -> Step | None:
    previous = None
    for step, _answered in steps(section, facts, area, today):
        if _same(step, current):
            return previous
        previous = step
    return previous


def _same(one: Step, other: Step) -> bool:
    return one.kind == other.kind and one.item_id == other.item_id and (one.ask is other.ask or one.kind != "page")


def not_applying(asks: Sequence[Ask], context: Context) -> tuple[str, ...]:
    """Answer keys of the questions that no longer apply, to take away."""
    return tuple(key for ask in asks if not ask.when(context) for key in ask.keys if key in context.known)


def status_of(section: Section, facts: Facts, area: str, today: dt.date, completed: Sequence[str]) -> str:
    """ "completed", "in_progress" or "not_started"."""
    listed = steps(section, facts, area, today)
    gaps = any(not answered for _step, answered in listed)
    if section.key in completed and not gaps:
        return "completed"
    started = any(
        answered
        for step, answered in listed
        if not (section.target == "applicant" and step.ask is not None and step.ask.key == "full_name")
    )
    return "in_progress" if started else "not_started"
