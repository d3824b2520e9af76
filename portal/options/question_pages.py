"""The kinds of housing options question page: a choice, a whole number, money, a date, or people.

Each kind knows its form fields, how to fill them from the answers, how to
turn a sent form into an answer and how to say the answer in a few words for
the check answers page. Texts may hold ``%(area)s`` and the scheme's figures,
filled in by ``Wording.fill`` in the page's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from babel.lists import format_list
from flask_babel import format_date, format_decimal, get_locale
from flask_babel import lazy_gettext as _l
from wtforms import Field

from portal.options.council_config import current_council, current_scheme
from portal.options.question_forms import ChoiceField, LeaveDateField, MoneyField, WholeNumberField
from portal.rules.affordability import pounds

Answers = Mapping[str, Any]
Text = Any  # a lazy translated string, or a function of the Wording that gives one
DATE_FORMAT = "d MMMM y"


@dataclass(frozen=True)
class Wording:
    """What the questions say about this council and its scheme."""

    area: str
    residence_months: int
    work_hours: str
    work_months: int
    today: dt.date

    @property
    def params(self) -> dict[str, Any]:
        return {"area": self.area, "hours": self.work_hours, "example": self.example_date}

    @property
    def example_date(self) -> str:
        """A date about 4 weeks ahead, written as it is typed into the date boxes: "27 3 2026"."""
        day = self.today + dt.timedelta(days=28)
        return f"{day.day} {day.month} {day.year}"

    def fill(self, text: Text) -> str:
        if text is None:
            return ""
        if callable(text):
            return str(text(self))
        return str(text) % self.params


def wording(today: dt.date | None = None) -> Wording:
    """The council's area name and the scheme's figures, for the questions."""
    rules = current_scheme()
    return Wording(
        area=current_council().area_name,
        residence_months=rules.residence_months,
        work_hours=format_decimal(rules.employment_min_hours_week),
        work_months=rules.employment_months,
        today=today or dt.date.today(),
    )


@dataclass(frozen=True)
class Page:
    """One question page: ``question`` is its heading, ``label`` names the answer on the check answers page."""

    key: str
    question: Text
    label: Text
    hint: Text = None
    template: str = ""

    @property
    def slug(self) -> str:
        return self.key.replace("_", "-")

    def fields(self, wording: Wording, answers: Answers) -> dict[str, Field]:
        raise NotImplementedError

    def read(self, answers: Answers, kept: Answers) -> dict[str, Any]:
        """The form's starting values: the answer given before, if any."""
        return {self.key: answers[self.key]} if self.key in answers else {}

    def write(self, form: Any) -> Any:
        """The answer to keep, from a checked form."""
        return form[self.key].data

    def summary(self, answers: Answers, wording: Wording) -> str:
        """The answer in a few words, in the page's language."""
        return str(answers[self.key])


@dataclass(frozen=True)
class ChoicePage(Page):
    choices: Sequence[tuple[str, Text]] | Callable[[Wording], Sequence[tuple[str, Text]]] = ()
    required: Text = None
    choice_hints: Mapping[str, Text] = field(default_factory=dict)
    divider_before: str | None = None
    inline: bool = False
    template: str = "portal/options/questions/choice.html"

    def options(self, wording: Wording) -> list[tuple[str, str]]:
        pairs = self.choices(wording) if callable(self.choices) else self.choices
        return [(value, wording.fill(text)) for value, text in pairs]

    def fields(self, wording: Wording, answers: Answers) -> dict[str, Field]:
        return {
            self.key: ChoiceField(
                wording.fill(self.question),
                self.options(wording),
                required=wording.fill(self.required),
                hints={value: wording.fill(text) for value, text in self.choice_hints.items()},
                divider_before=self.divider_before,
                description=wording.fill(self.hint),
            )
        }

    def summary(self, answers: Answers, wording: Wording) -> str:
        return dict(self.options(wording)).get(answers[self.key], "")


@dataclass(frozen=True)
class NumberPage(Page):
    bounds: tuple[int, int] = (0, 0)
    required: Text = None
    invalid: Text = None
    out_of_range: Text = None
    shown: Callable[[int], str] = str
    template: str = "portal/options/questions/number.html"

    def fields(self, wording: Wording, answers: Answers) -> dict[str, Field]:
        return {
            self.key: WholeNumberField(
                wording.fill(self.question),
                bounds=self.bounds,
                required=wording.fill(self.required),
                invalid=wording.fill(self.invalid),
                out_of_range=wording.fill(self.out_of_range),
                description=wording.fill(self.hint),
            )
        }

    def read(self, answers: Answers, kept: Answers) -> dict[str, Any]:
        return {self.key: str(answers[self.key])} if self.key in answers else {}

    def write(self, form: Any) -> Any:
        return form[self.key].number

    def summary(self, answers: Answers, wording: Wording) -> str:
        return self.shown(int(answers[self.key]))


@dataclass(frozen=True)
class MoneyPage(Page):
    required: Text = None
    shown: Text = None  # holds %(amount)s; None shows the amount alone
    template: str = "portal/options/questions/money.html"

    def fields(self, wording: Wording, answers: Answers) -> dict[str, Field]:
        return {
            self.key: MoneyField(
                wording.fill(self.question),
                required=wording.fill(self.required),
                description=wording.fill(self.hint),
            )
        }

    def write(self, form: Any) -> Any:
        amount: Decimal = form[self.key].amount
        return format(amount.normalize(), "f") if amount == amount.to_integral_value() else format(amount, "f")

    def summary(self, answers: Answers, wording: Wording) -> str:
        amount = pounds(Decimal(str(answers[self.key])))
        return str(self.shown) % {"amount": amount} if self.shown is not None else amount


@dataclass(frozen=True)
class DatePage(Page):
    days_before: int = 0
    days_after: int = 0
    messages: Mapping[str, Text] = field(default_factory=dict)
    template: str = "portal/options/questions/date.html"

    def fields(self, wording: Wording, answers: Answers) -> dict[str, Field]:
        return {
            self.key: LeaveDateField(
                wording.fill(self.question),
                today=wording.today,
                days_before=self.days_before,
                days_after=self.days_after,
                messages={name: wording.fill(text) for name, text in self.messages.items()},
                description=wording.fill(self.hint),
            )
        }

    def read(self, answers: Answers, kept: Answers) -> dict[str, Any]:
        if self.key not in answers:
            return {}
        return {self.key: dt.date.fromisoformat(answers[self.key])}

    def write(self, form: Any) -> Any:
        return form[self.key].date.isoformat()

    def summary(self, answers: Answers, wording: Wording) -> str:
        return format_date(dt.date.fromisoformat(answers[self.key]), DATE_FORMAT)


@dataclass(frozen=True)
class Person:
    """The texts for one kind of person on a people page: a child or another adult."""

    heading: Callable[[int], str]
    legend: Text  # holds %(number)d
    age_hint: Text
    sex_legend: Text
    sexes: Sequence[tuple[str, Text]]
    no_age: Text
    age_not_a_number: Text
    age_out_of_range: Text  # holds %(number)d, %(min)d and %(max)d
    no_sex: Text
    described: Mapping[str, Text]  # sex -> "boy aged %(age)d"
    described_baby: Mapping[str, Text]


@dataclass(frozen=True)
class PeoplePage(Page):
    """The age and sex of each of the ``count_key`` people, one fieldset each."""

    count_key: str = ""
    bounds: tuple[int, int] = (0, 0)
    person: Person | None = None
    template: str = "portal/options/questions/people.html"

    def count(self, answers: Answers) -> int:
        value = answers.get(self.count_key)
        return value if isinstance(value, int) else 0

    def heading(self, answers: Answers) -> str:
        assert self.person is not None
        return self.person.heading(self.count(answers))

    def fields(self, wording: Wording, answers: Answers) -> dict[str, Field]:
        assert self.person is not None
        person = self.person
        low, high = self.bounds
        made: dict[str, Field] = {}
        for number in range(1, self.count(answers) + 1):
            made[f"age_{number}"] = WholeNumberField(
                _l("Age"),
                bounds=self.bounds,
                required=str(person.no_age) % {"number": number},
                invalid=str(person.age_not_a_number) % {"number": number},
                out_of_range=str(person.age_out_of_range) % {"number": number, "min": low, "max": high},
                description=wording.fill(person.age_hint),
            )
            made[f"sex_{number}"] = ChoiceField(
                wording.fill(person.sex_legend),
                [(value, wording.fill(text)) for value, text in person.sexes],
                required=str(person.no_sex) % {"number": number},
            )
        return made

    def people(self, form: Any, answers: Answers) -> list[dict[str, Any]]:
        """Each person's legend and fields, for the template."""
        assert self.person is not None
        return [
            {
                "legend": str(self.person.legend) % {"number": number},
                "age": form[f"age_{number}"],
                "sex": form[f"sex_{number}"],
            }
            for number in range(1, self.count(answers) + 1)
        ]

    def read(self, answers: Answers, kept: Answers) -> dict[str, Any]:
        given = answers.get(self.key) or kept.get(self.key) or []
        data: dict[str, Any] = {}
        for number, item in enumerate(given[: self.count(answers)], start=1):
            if isinstance(item, Mapping):
                data[f"age_{number}"] = str(item.get("age", ""))
                data[f"sex_{number}"] = item.get("sex")
        return data

    def write(self, form: Any) -> Any:
        count = sum(1 for name in form._fields if name.startswith("age_"))
        return [
            {"age": form[f"age_{number}"].number, "sex": form[f"sex_{number}"].data} for number in range(1, count + 1)
        ]

    def describe(self, people: Sequence[Mapping[str, Any]]) -> str:
        """ "boy aged 3, girl aged 7", in the page's language."""
        assert self.person is not None
        words = []
        for item in people:
            if item["age"] == 0 and item["sex"] in self.person.described_baby:
                words.append(str(self.person.described_baby[item["sex"]]))
            else:
                words.append(str(self.person.described[item["sex"]]) % {"age": item["age"]})
        return format_list(words, style="unit", locale=get_locale())


def years_or_months(months: int, in_years: Callable[[int], str], in_months: Callable[[int], str]) -> str:
    """Say a period in whole years when it is, otherwise in months."""
    return in_years(months // 12) if months % 12 == 0 else in_months(months)


@dataclass(frozen=True)
class CountPage(NumberPage):
    """How many people of a kind; the check answers page says who they are, from ``details``."""

    details: PeoplePage | None = None
    none: Text = None
    some: Callable[[int, str], str] = lambda count, people: people

    def summary(self, answers: Answers, wording: Wording) -> str:
        assert self.details is not None
        count = self.details.count(answers)
        if count == 0:
            return str(self.none)
        people = answers.get(self.details.key)
        described = self.details.describe(people) if isinstance(people, list) and len(people) == count else ""
        return self.some(count, described)
