"""Reading one JSON object field by field, with a plain-English error naming the field.

Every problem raises ``LineError`` with one sentence, for example
``people[1].date_of_birth must be a date written YYYY-MM-DD, not "2019-02-30".``
Numbers arrive as exact decimals (the JSON is parsed with ``parse_float=Decimal``).
An optional field given as null is treated as absent; a required one is an error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MISSING = object()


class LineError(ValueError):
    """The input line cannot be used; the message is one sentence naming the field."""


def describe(value: Any) -> str:
    """A value as it appeared in the JSON, for error messages."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return json.dumps(value, ensure_ascii=False)


def parse_json_line(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise LineError(f"The line is not valid JSON ({error.msg} at character {error.pos + 1}).") from error
    if not isinstance(value, dict):
        raise LineError("The line must be a JSON object.")
    return value


def line_id(value: Any) -> str | None:
    """The line's id when it is a non-empty string, else None (for error lines)."""
    if isinstance(value, dict):
        identifier = value.get("id")
        if isinstance(identifier, str) and identifier:
            return identifier
    return None


class Fields:
    """A JSON object being read, with its path for error messages (``people[1]``)."""

    def __init__(self, data: dict[str, Any], path: str = "") -> None:
        self.data = data
        self.path = path

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key, MISSING)
        if value is None:
            if required:
                raise LineError(f"{self.name(key)} is required and must not be null.")
            return MISSING
        if value is MISSING and required:
            raise LineError(f"{self.name(key)} is required.")
        return value

    def _wrong(self, key: str, what: str, value: Any) -> LineError:
        return LineError(f"{self.name(key)} must be {what}, not {describe(value)}.")

    def string(self, key: str, *, required: bool = True, default: str | None = None, non_empty: bool = False) -> Any:
        value = self._get(key, required)
        if value is MISSING:
            return default
        if not isinstance(value, str) or (non_empty and not value):
            raise self._wrong(key, "a non-empty string" if non_empty else "a string", value)
        return value

    def choice(self, key: str, allowed: Sequence[str], *, required: bool = True, default: str | None = None) -> Any:
        value = self._get(key, required)
        if value is MISSING:
            return default
        if not isinstance(value, str) or value not in allowed:
            raise self._wrong(key, "one of " + ", ".join(allowed), value)
        return value

    def boolean(self, key: str, *, required: bool = False, default: bool = False) -> bool:
        value = self._get(key, required)
        if value is MISSING:
            return default
        if not isinstance(value, bool):
            raise self._wrong(key, "true or false", value)
        return value

    def integer(
        self,
        key: str,
        *,
        required: bool = True,
        default: int | None = None,
        minimum: int | None = 0,
        maximum: int | None = None,
    ) -> Any:
        value = self._get(key, required)
        if value is MISSING:
            return default
        number = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
            number = int(value)
        bounds = ""
        if minimum is not None and maximum is not None:
            bounds = f" from {minimum} to {maximum}"
        elif minimum is not None:
            bounds = f" of {minimum} or more"
        if number is None or (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            raise self._wrong(key, f"a whole number{bounds}", value)
        return number

    def number(
        self,
        key: str,
        *,
        required: bool = True,
        default: Decimal | None = None,
        positive: bool = False,
        maximum: Decimal | None = None,
    ) -> Any:
        """A non-negative exact decimal (money, hours, percentages)."""
        value = self._get(key, required)
        if value is MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int | Decimal) or not Decimal(value).is_finite():
            raise self._wrong(key, "a number", value)
        amount = Decimal(value)
        if amount < 0 or (positive and amount == 0):
            raise self._wrong(key, "more than 0" if positive else "0 or more", value)
        if maximum is not None and amount > maximum:
            raise self._wrong(key, f"a number from 0 to {maximum}", value)
        return amount

    def date(self, key: str, *, required: bool = True, not_after: dt.date | None = None, after_name: str = "") -> Any:
        value = self._get(key, required)
        if value is MISSING:
            return None
        parsed = None
        if isinstance(value, str) and _DATE.match(value):
            try:
                parsed = dt.date.fromisoformat(value)
            except ValueError:
                parsed = None
        if parsed is None:
            raise self._wrong(key, "a date written YYYY-MM-DD", value)
        if not_after is not None and parsed > not_after:
            raise LineError(
                f"{self.name(key)} must not be after {after_name or not_after.isoformat()}, not {describe(value)}."
            )
        return parsed

    def obj(self, key: str, *, required: bool = False) -> Fields | None:
        """A nested object as Fields, or None when absent or null (and not required)."""
        value = self._get(key, required)
        if value is MISSING:
            return None
        if not isinstance(value, dict):
            raise self._wrong(key, "an object", value)
        return Fields(value, self.name(key))

    def array(self, key: str, *, required: bool = False) -> list[Any] | None:
        value = self._get(key, required)
        if value is MISSING:
            return None
        if not isinstance(value, list):
            raise self._wrong(key, "a list", value)
        return value

    def item(self, key: str, index: int) -> Fields:
        """Element ``index`` of the list ``key``, which must be an object."""
        value = self.data[key][index]
        path = f"{self.name(key)}[{index}]"
        if not isinstance(value, dict):
            raise LineError(f"{path} must be an object, not {describe(value)}.")
        return Fields(value, path)

    def raw(self, key: str) -> Any:
        value = self.data.get(key)
        return value
