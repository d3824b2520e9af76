"""Reading one value of an advert CSV file: each reader returns the typed value or raises ``BadValue``.

The messages are for officers: plain English, naming the column and showing
what the file holds.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_MONEY = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"-?\d{1,3}")
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,19}")
_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})
SHOWN = 40  # characters of a bad value repeated in a message


class BadValue(ValueError):
    """A value the column cannot hold; the message says why, in words."""


def shown(raw: str) -> str:
    text = raw if len(raw) <= SHOWN else raw[: SHOWN - 3] + "..."
    return f'"{text}"'


def text(column: str, raw: str, most: int) -> str:
    if len(raw) > most:
        raise BadValue(f"The {column} column can hold up to {most} characters. This one has {len(raw)}.")
    return raw


def reference(column: str, raw: str) -> str:
    if not _REFERENCE.fullmatch(raw):
        raise BadValue(
            f"The {column} column must be up to 20 letters, numbers and hyphens, starting with a letter or "
            f"number, not {shown(raw)}."
        )
    return raw


def whole_number(column: str, raw: str, low: int, high: int) -> int:
    number = int(raw) if _NUMBER.fullmatch(raw) else None
    if number is None or not low <= number <= high:
        raise BadValue(f"The {column} column must be a whole number from {low} to {high}, not {shown(raw)}.")
    return number


def pence(column: str, raw: str, most_pounds: int) -> int:
    """Pounds and pence ("£1,234.50", "95", "95.5") as whole pence, exactly."""
    amount = raw.removeprefix("£").strip()
    if not _MONEY.fullmatch(amount):
        raise BadValue(
            f"The {column} column must be an amount in pounds, like 95.50 or £1,250, with no more than 2 "
            f"numbers after the point, not {shown(raw)}."
        )
    value = int(Decimal(amount.replace(",", "")) * 100)
    if value > most_pounds * 100:
        raise BadValue(f"The {column} column must be no more than £{most_pounds:,}, not {shown(raw)}.")
    return value


def yes_no(column: str, raw: str) -> bool:
    answer = raw.casefold()
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    raise BadValue(f"The {column} column must be yes or no, not {shown(raw)}.")


def date(column: str, raw: str) -> dt.date:
    try:
        if _DATE.fullmatch(raw):
            return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    raise BadValue(f"The {column} column must be a date written YYYY-MM-DD, like 2025-06-30, not {shown(raw)}.")


def degrees(column: str, raw: str, most: int) -> float:
    try:
        number = Decimal(raw)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not -most <= number <= most or len(raw) > 20:
        raise BadValue(f"The {column} column must be a number from -{most} to {most}, not {shown(raw)}.")
    return float(number)


def kind(column: str, raw: str, choices: dict[str, str]) -> str:
    """A key of ``choices``, also given as its name ("Social rent") or with spaces for underscores."""
    wanted = raw.casefold().replace("-", "_").replace(" ", "_")
    for key, name in choices.items():
        if wanted == key or raw.casefold() == name.casefold():
            return key
    allowed = ", ".join(choices)
    raise BadValue(f"The {column} column must be one of {allowed}, not {shown(raw)}.")
