"""The kinds of question page in the application: yes or no, a choice, text, a date, a number, money, an address.

Each kind knows its form fields, how to fill them from the answers given
before, how to turn a checked form into answers (``write`` may give several
keys) and how to say the answer in a few words on a check answers page.

Texts may hold ``%(area)s`` (the council's area) and ``%(name)s`` (the person
the page is about); ``Context.fill`` fills them in the page's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from wtforms import Field

from portal.apply.fields import ChoiceField, DateField, MoneyField, TextAreaField, TextField, WholeNumberField
from portal.rules.affordability import pounds

Known = Mapping[str, Any]
Text = Any  # a lazy translated string, or a function of the Context that gives one
DATE_FORMAT = "d MMMM y"
YES_NO = (("yes", _l("Yes")), ("no", _l("No")))


@dataclass(frozen=True)
class Context:
    """What a page needs to know: the whole application's facts, the answers for this page and the person."""

    facts: Mapping[str, Any]
    known: Known
    area: str
    today: dt.date
    item: Mapping[str, Any] | None = None

    @property
    def params(self) -> dict[str, Any]:
        name = (self.item or {}).get("full_name") or ""
        return {"area": self.area, "name": name}

    def fill(self, text: Text) -> str:
        if text is None:
            return ""
        if callable(text):
            return str(text(self))
        return str(text) % self.params


def always(_context: Context) -> bool:
    return True


@dataclass(frozen=True)
class Ask:
    """One question page. ``question`` is its heading; ``label`` names the answer on check answers pages."""

    key: str
    question: Text
    label: Text
    hint: Text = None
    required: Text = None
    when: Callable[[Context], bool] = always
    template: str = "portal/apply/questions/text.html"

    @property
    def slug(self) -> str:
        return self.key.replace("_", "-")

    @property
    def keys(self) -> tuple[str, ...]:
        """Every answer key this page writes."""
        return (self.key,)

    def answered(self, known: Known) -> bool:
        return self.key in known

    def fields(self, context: Context) -> dict[str, Field]:
        raise NotImplementedError

    def read(self, known: Known) -> dict[str, Any]:
        return {self.key: known[self.key]} if self.key in known else {}

    def write(self, form: Any) -> dict[str, Any]:
        return {self.key: form[self.key].data}

    def summary(self, known: Known, context: Context) -> str:
        return str(known.get(self.key, ""))


@dataclass(frozen=True)
class ChoiceAsk(Ask):
    choices: Sequence[tuple[str, Text]] | Callable[[Context], Sequence[tuple[str, Text]]] = ()
    choice_hints: Mapping[str, Text] = field(default_factory=dict)
    inline: bool = False
    template: str = "portal/apply/questions/choice.html"

    def options(self, context: Context) -> list[tuple[str, str]]:
        if callable(self.choices):  # made for this page, such as people's names: shown as they are
            return [
                (value, str(text(context)) if callable(text) else str(text)) for value, text in self.choices(context)
            ]
        return [(value, context.fill(text)) for value, text in self.choices]

    def fields(self, context: Context) -> dict[str, Field]:
        return {
            self.key: ChoiceField(
                context.fill(self.question),
                self.options(context),
                required=context.fill(self.required),
                hints={value: context.fill(text) for value, text in self.choice_hints.items()},
                description=context.fill(self.hint),
            )
        }

    def summary(self, known: Known, context: Context) -> str:
        return dict(self.options(context)).get(known.get(self.key), "")


@dataclass(frozen=True)
class YesNoAsk(ChoiceAsk):
    choices: Sequence[tuple[str, Text]] = YES_NO
    inline: bool = True


@dataclass(frozen=True)
class TextAsk(Ask):
    """A line of text. ``optional`` saves an empty answer; ``pattern`` checks the shape of what is typed."""

    optional: bool = False
    max_length: int = 200
    too_long: Text = None
    pattern: re.Pattern[str] | None = None
    invalid: Text = None
    width: str = ""
    autocomplete: str = ""
    normalise: Callable[[str], str] = str.strip

    def fields(self, context: Context) -> dict[str, Field]:
        return {
            self.key: TextField(
                context.fill(self.question),
                optional=self.optional,
                required=context.fill(self.required),
                max_length=self.max_length,
                too_long=context.fill(self.too_long),
                pattern=self.pattern,
                invalid=context.fill(self.invalid),
                normalise=self.normalise,
                description=context.fill(self.hint),
            )
        }

    def write(self, form: Any) -> dict[str, Any]:
        return {self.key: form[self.key].cleaned}

    def summary(self, known: Known, context: Context) -> str:
        return str(known.get(self.key) or "")


@dataclass(frozen=True)
class TextAreaAsk(TextAsk):
    max_length: int = 2000
    template: str = "portal/apply/questions/textarea.html"

    def fields(self, context: Context) -> dict[str, Field]:
        return {
            self.key: TextAreaField(
                context.fill(self.question),
                optional=self.optional,
                required=context.fill(self.required),
                max_length=self.max_length,
                too_long=context.fill(self.too_long),
                description=context.fill(self.hint),
            )
        }


@dataclass(frozen=True)
class NumberAsk(Ask):
    bounds: tuple[int, int] = (0, 99)
    invalid: Text = None
    out_of_range: Text = None
    template: str = "portal/apply/questions/number.html"

    def fields(self, context: Context) -> dict[str, Field]:
        return {
            self.key: WholeNumberField(
                context.fill(self.question),
                bounds=self.bounds,
                required=context.fill(self.required),
                invalid=context.fill(self.invalid),
                out_of_range=context.fill(self.out_of_range),
                description=context.fill(self.hint),
            )
        }

    def read(self, known: Known) -> dict[str, Any]:
        return {self.key: str(known[self.key])} if self.key in known else {}

    def write(self, form: Any) -> dict[str, Any]:
        return {self.key: form[self.key].number}


@dataclass(frozen=True)
class MoneyAsk(Ask):
    template: str = "portal/apply/questions/money.html"

    def fields(self, context: Context) -> dict[str, Field]:
        return {
            self.key: MoneyField(
                context.fill(self.question), required=context.fill(self.required), description=context.fill(self.hint)
            )
        }

    def write(self, form: Any) -> dict[str, Any]:
        amount: Decimal = form[self.key].amount
        text = format(amount.normalize(), "f") if amount == amount.to_integral_value() else format(amount, "f")
        return {self.key: text}

    def summary(self, known: Known, context: Context) -> str:
        return pounds(Decimal(str(known[self.key]))) if self.key in known else ""


@dataclass(frozen=True)
class DateAsk(Ask):
    """A date from ``years_before`` years ago to ``days_after`` days ahead."""

    years_before: int = 120
    days_after: int = 0
    messages: Mapping[str, Text] = field(default_factory=dict)
    template: str = "portal/apply/questions/date.html"

    def fields(self, context: Context) -> dict[str, Field]:
        return {
            self.key: DateField(
                context.fill(self.question),
                today=context.today,
                days_before=366 * self.years_before,
                days_after=self.days_after,
                messages={name: context.fill(text) for name, text in self.messages.items()},
                description=context.fill(self.hint),
            )
        }

    def read(self, known: Known) -> dict[str, Any]:
        value = known.get(self.key)
        return {self.key: dt.date.fromisoformat(value)} if isinstance(value, str) and value else {}

    def write(self, form: Any) -> dict[str, Any]:
        return {self.key: form[self.key].date.isoformat()}

    def summary(self, known: Known, context: Context) -> str:
        value = known.get(self.key)
        return format_date(dt.date.fromisoformat(value), DATE_FORMAT) if isinstance(value, str) and value else ""


@dataclass(frozen=True)
class GroupAsk(Ask):
    """Several short answers on one page, such as the lines of an address. ``parts`` are text pages."""

    parts: Sequence[TextAsk] = ()
    template: str = "portal/apply/questions/group.html"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(part.key for part in self.parts)

    def answered(self, known: Known) -> bool:
        return all(part.key in known for part in self.parts if not part.optional)

    def fields(self, context: Context) -> dict[str, Field]:
        made: dict[str, Field] = {}
        for part in self.parts:
            made.update(part.fields(context))
        return made

    def read(self, known: Known) -> dict[str, Any]:
        return {part.key: known[part.key] for part in self.parts if part.key in known}

    def write(self, form: Any) -> dict[str, Any]:
        written: dict[str, Any] = {}
        for part in self.parts:
            written.update(part.write(form))
        return written

    def summary(self, known: Known, context: Context) -> str:
        return "\n".join(str(known[part.key]) for part in self.parts if known.get(part.key))
