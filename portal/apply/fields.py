"""Form fields for the application questions.

Choices, whole numbers, money and dates are the housing options fields; this
module adds a line of text and a longer text box. Text is checked for length
(and, where given, its shape) and kept as typed so a mistake shows it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms import TextAreaField as WTFTextAreaField
from wtforms.validators import StopValidation

from portal.options.question_forms import ChoiceField, LeaveDateField, MoneyField, WholeNumberField
from portal.widgets import TextArea, TextInput

__all__ = ["ChoiceField", "DateField", "MoneyField", "TextAreaField", "TextField", "WholeNumberField"]

DateField = LeaveDateField
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TOO_LONG = _l("Your answer must be %(max)d characters or fewer")


def _clean(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text).strip()


def checked_text(field: Any, text: str) -> str:
    """The text if it may be saved: raises the field's message when it is missing or too long."""
    if not text:
        if field.optional:
            return ""
        raise StopValidation(field.required_message)
    if len(text) > field.max_length:
        raise StopValidation(str(field.too_long) % {"max": field.max_length})
    return text


class TextField(StringField):
    """One line of text. ``cleaned`` is what will be saved."""

    def __init__(
        self,
        label: Any = None,
        *,
        optional: bool = False,
        required: Any = None,
        max_length: int = 200,
        too_long: Any = None,
        pattern: re.Pattern[str] | None = None,
        invalid: Any = None,
        normalise: Callable[[str], str] = str.strip,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", TextInput())
        super().__init__(label, **kwargs)
        self.optional = optional
        self.required_message = required
        self.max_length = max_length
        self.too_long = too_long or TOO_LONG
        self.pattern = pattern
        self.invalid = invalid
        self.normalise = normalise
        self.cleaned = ""

    def pre_validate(self, form: Any) -> None:
        self.cleaned = ""
        text = checked_text(self, _clean(self.data or ""))
        if not text:
            return
        text = self.normalise(text)
        if self.pattern is not None and not self.pattern.fullmatch(text):
            raise StopValidation(self.invalid)
        self.cleaned = text


class TextAreaField(WTFTextAreaField):
    """A longer answer in a text box."""

    def __init__(
        self,
        label: Any = None,
        *,
        optional: bool = False,
        required: Any = None,
        max_length: int = 2000,
        too_long: Any = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", TextArea())
        super().__init__(label, **kwargs)
        self.optional = optional
        self.required_message = required
        self.max_length = max_length
        self.too_long = too_long or TOO_LONG
        self.cleaned = ""

    def pre_validate(self, form: Any) -> None:
        self.cleaned = checked_text(self, _clean((self.data or "").replace("\r\n", "\n")))
