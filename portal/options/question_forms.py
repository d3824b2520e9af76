"""Form fields for the housing options questions: choices, whole numbers, money, a date and people.

Numbers and dates are typed as text, so that whatever was typed is shown again
when there is a problem. Each field keeps its checked value apart from the
text: ``number`` for whole numbers, ``date`` for dates (``MoneyField`` keeps
``amount``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import Field, RadioField, SelectChoice, StringField, SubmitField
from wtforms.validators import AnyOf, InputRequired, StopValidation

from portal.forms import PortalForm
from portal.options.calculator_forms import MoneyField
from portal.widgets import DateInput, RadioInput, SubmitInput, TextInput

__all__ = [
    "AnswerForm",
    "ChoiceField",
    "LeaveDateField",
    "MoneyField",
    "WholeNumberField",
    "form_with",
]

DIGITS = re.compile(r"^\d+$")
LONGEST_NUMBER = 6


class ChoiceRadios(RadioInput):
    """Radios whose choices may have a hint, with an "or" line before one of them."""

    def map_gov_params(self, field: Any, **kwargs: Any) -> dict[str, Any]:
        params = super().map_gov_params(field, **kwargs)
        hints: Mapping[str, Any] = getattr(field, "choice_hints", {})
        divider = getattr(field, "divider_before", None)
        items = []
        for item in params["items"]:
            if divider is not None and item.get("value") == divider:
                items.append({"divider": _("or")})
            if item.get("value") in hints:
                item["hint"] = {"text": hints[item["value"]]}
            items.append(item)
        params["items"] = items
        if not field.description:
            params.pop("hint", None)
        return params


class ChoiceField(RadioField):
    """One answer from a list. ``choices`` are (value, label) pairs; ``hints`` maps a value to its hint."""

    def __init__(
        self,
        label: Any,
        choices: Iterable[tuple[str, Any]],
        *,
        required: Any,
        hints: Mapping[str, Any] | None = None,
        divider_before: str | None = None,
        **kwargs: Any,
    ) -> None:
        pairs = list(choices)
        values = [value for value, _label in pairs]
        super().__init__(
            label,
            choices=[SelectChoice(value, text) for value, text in pairs],
            widget=ChoiceRadios(),
            validate_choice=False,
            validators=[InputRequired(required), AnyOf(values, message=required)],
            **kwargs,
        )
        self.choice_hints = dict(hints or {})
        self.divider_before = divider_before

    def label_for(self, value: Any) -> str:
        for choice in self.choices:  # type: ignore[union-attr]
            if choice.value == value:
                return str(choice.label)
        return ""


class WholeNumberField(StringField):
    """A whole number in a range, typed as text. ``number`` is the checked ``int``, or None."""

    def __init__(
        self,
        label: Any = None,
        *,
        bounds: tuple[int, int],
        required: Any,
        invalid: Any,
        out_of_range: Any,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", TextInput())
        super().__init__(label, **kwargs)
        self.bounds = bounds
        self.required_message = required
        self.invalid_message = invalid
        self.out_of_range = out_of_range
        self.number: int | None = None

    def pre_validate(self, form: Any) -> None:
        self.number = None
        text = re.sub(r"[\s,]", "", self.data or "")
        if not text:
            raise StopValidation(self.required_message)
        if text.startswith("-") and DIGITS.match(text[1:]):
            raise StopValidation(self.out_of_range)
        if not DIGITS.match(text):
            raise StopValidation(self.invalid_message)
        if len(text) > LONGEST_NUMBER:
            raise StopValidation(self.out_of_range)
        number = int(text)
        if not self.bounds[0] <= number <= self.bounds[1]:
            raise StopValidation(self.out_of_range)
        self.number = number


class DayMonthYear(DateInput):
    """The GOV.UK date input. The day box has the field's id, so the error summary links to it."""

    def map_gov_params(self, field: Any, **kwargs: Any) -> dict[str, Any]:
        params = super().map_gov_params(field, **kwargs)
        items = params["items"]
        if field.raw_data is None and isinstance(field.data, dt.date):
            for item, value in zip(items, (field.data.day, field.data.month, field.data.year), strict=True):
                item["value"] = str(value)
        items[0]["id"] = field.id
        params["id"] = f"{field.id}-input"
        return params


class LeaveDateField(Field):
    """A date typed as day, month and year, from ``days_before`` ago to ``days_after`` ahead of ``today``."""

    widget = DayMonthYear()

    def __init__(
        self,
        label: Any = None,
        *,
        today: dt.date,
        days_before: int,
        days_after: int,
        messages: Mapping[str, Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(label, **kwargs)
        self.earliest = today - dt.timedelta(days=days_before)
        self.latest = today + dt.timedelta(days=days_after)
        self.messages = dict(messages)
        self.date: dt.date | None = None

    def process_formdata(self, valuelist: list[Any]) -> None:
        parts = [str(value).strip() for value in valuelist][:3]
        self.raw_data = parts + [""] * (3 - len(parts))

    def _value(self) -> str:
        return ""

    def pre_validate(self, form: Any) -> None:
        self.date = None
        day, month, year = self.raw_data or ("", "", "")
        if not (day or month or year):
            raise StopValidation(self.messages["required"])
        for part, name in ((day, "no_day"), (month, "no_month"), (year, "no_year")):
            if not part:
                raise StopValidation(self.messages[name])
        if not all(DIGITS.match(part) and len(part) <= 4 for part in (day, month, year)) or len(year) != 4:
            raise StopValidation(self.messages["not_real"])
        try:
            chosen = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise StopValidation(self.messages["not_real"]) from None
        if chosen < self.earliest:
            raise StopValidation(self.messages["too_early"])
        if chosen > self.latest:
            raise StopValidation(self.messages["too_late"])
        self.date = chosen


class AnswerForm(PortalForm):
    """One question page. The fields are added for each page by ``form_with``."""

    submit = SubmitField(_l("Continue"), widget=SubmitInput())


def form_with(fields: Mapping[str, Field]) -> type[AnswerForm]:
    """A form class with these fields, in this order, and a Continue button."""
    return type("QuestionForm", (AnswerForm,), dict(fields))
