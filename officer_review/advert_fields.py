"""Fields for the advert forms: whole numbers, map positions and money, each optional unless told.

Each is typed as text, so whatever was typed is shown again with the problem.
The checked value is kept apart: ``number`` for whole numbers and positions,
``amount`` (pounds, a Decimal) for money, and ``pence`` for what is stored.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from govuk_frontend_wtf import wtforms_widgets as gov
from wtforms import RadioField, SelectChoice, StringField
from wtforms.validators import AnyOf, InputRequired, StopValidation

from portal.options.calculator_forms import MoneyField
from portal.options.question_forms import ChoiceRadios
from portal.widgets import TextInput, TranslatedErrorMixin

DIGITS = re.compile(r"^\d{1,6}$")
SIGNED_DIGITS = re.compile(r"^-?\d{1,6}$")
COORDINATE = re.compile(r"^-?\d{1,3}(?:\.\d{1,8})?$")


class NumberField(StringField):
    """A whole number from ``bounds[0]`` to ``bounds[1]``; ``called`` says what it is in messages ("The floor")."""

    def __init__(
        self, label: Any, *, called: str, bounds: tuple[int, int], optional: bool = True, **kwargs: Any
    ) -> None:
        kwargs.setdefault("widget", TextInput())
        super().__init__(label, **kwargs)
        self.name_in_messages = called
        self.bounds = bounds
        self.optional = optional
        self.number: int | None = None

    def pre_validate(self, form: Any) -> None:
        self.number = None
        text = re.sub(r"\s", "", self.data or "")
        if not text:
            if self.optional:
                return
            raise StopValidation(f"Enter {self.name_in_messages.lower()}")
        if not (SIGNED_DIGITS if self.bounds[0] < 0 else DIGITS).match(text):
            raise StopValidation(f"{self.name_in_messages} must be a whole number, like {max(self.bounds[0], 0) + 1}")
        number = int(text)
        low, high = self.bounds
        if not low <= number <= high:
            raise StopValidation(f"{self.name_in_messages} must be from {low} to {high}")
        self.number = number


class CoordinateField(StringField):
    """A latitude or longitude in decimal degrees, like 51.2667, within ``limit`` of 0."""

    def __init__(self, label: Any, *, called: str, limit: int, **kwargs: Any) -> None:
        kwargs.setdefault("widget", TextInput())
        super().__init__(label, **kwargs)
        self.name_in_messages = called
        self.limit = limit
        self.number: float | None = None

    def pre_validate(self, form: Any) -> None:
        self.number = None
        text = (self.data or "").strip()
        if not text:
            return
        if not COORDINATE.match(text):
            raise StopValidation(f"{self.name_in_messages} must be a number of degrees, like 51.2667 or -1.0876")
        try:
            value = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern allows only plain decimals
            raise StopValidation(f"{self.name_in_messages} must be a number of degrees") from None
        if abs(value) > self.limit:
            raise StopValidation(f"{self.name_in_messages} must be from -{self.limit} to {self.limit}")
        self.number = float(value)


def money(label: str, *, called: str, maximum: int, description: str = "") -> MoneyField:
    """An amount in pounds, optional (the advert form says which tenure needs it)."""
    return MoneyField(
        label,
        maximum=Decimal(maximum),
        not_a_number=f"Enter {called.lower()} using numbers only, like 110.50",
        negative=f"{called} must be 0 or more",
        too_large=f"{called} must be £{maximum:,} or less",
        places_message=f"Enter {called.lower()} with no more than 2 numbers after the decimal point",
        description=description,
    )


def pence_of(field: MoneyField) -> int | None:
    """The amount typed, in whole pence (exactly), or None when left empty."""
    return None if field.amount is None else int(field.amount * 100)


def pounds_text(pence: int | None) -> str:
    """Pence as the form shows them again: 11000 gives "110.00"."""
    return "" if pence is None else f"{Decimal(pence) / 100:.2f}"


def choice(label: str, choices: list[tuple[str, str]], required: str, **kwargs: Any) -> RadioField:
    """Radios; the answer must be one of the choices."""
    values = [value for value, _text in choices]
    return RadioField(
        label,
        choices=[SelectChoice(value, text) for value, text in choices],
        widget=ChoiceRadios(),
        validate_choice=False,
        validators=[InputRequired(required), AnyOf(values, message=required)],
        **kwargs,
    )


class FileUploadInput(TranslatedErrorMixin, gov.GovFileInput):
    """The GOV.UK file upload, with the error prefix like the other fields."""


YES_NO = [("yes", "Yes"), ("no", "No")]
