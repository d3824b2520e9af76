"""Writing results as JSON: exact decimals as JSON numbers, rounded only here (contract 1.1).

Money is rounded half-up to 2 decimal places and ratios half-up to 4; the
decimal's own digits are written, so ``1292.89`` stays ``1292.89`` and never
passes through binary floating point.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

MONEY_PLACES = Decimal("0.01")
RATIO_PLACES = Decimal("0.0001")


def _round_half_up(value: Decimal, places: Decimal) -> Decimal:
    context = Context(prec=max(60, value.adjusted() + 10), rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)
    rounded = value.quantize(places, context=context)
    return rounded.copy_abs() if rounded.is_zero() else rounded  # never "-0.00"


def money(value: Decimal | None) -> Decimal | None:
    """Money for output: half-up to 2 decimal places; None stays None."""
    return None if value is None else _round_half_up(value, MONEY_PLACES)


def ratio(value: Decimal | None) -> Decimal | None:
    """A ratio for output: half-up to 4 decimal places; None stays None."""
    return None if value is None else _round_half_up(value, RATIO_PLACES)


def _encode(value: Any, parts: list[str]) -> None:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} cannot be written as a JSON number.")
        parts.append(format(value, "f"))
    elif value is None or isinstance(value, bool | int | str):
        parts.append(json.dumps(value))
    elif isinstance(value, float):
        parts.append(json.dumps(value, allow_nan=False))
    elif isinstance(value, dt.date):
        parts.append(json.dumps(value.isoformat()))
    elif isinstance(value, dict):
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                parts.append(", ")
            parts.append(json.dumps(str(key)))
            parts.append(": ")
            _encode(item, parts)
        parts.append("}")
    elif isinstance(value, list | tuple):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(", ")
            _encode(item, parts)
        parts.append("]")
    else:
        raise TypeError(f"{type(value).__name__} cannot be written as JSON.")


def dumps(value: Any) -> str:
    """One JSON value on one line, ASCII only (non-ASCII text is escaped), decimals as numbers."""
    parts: list[str] = []
    _encode(value, parts)
    return "".join(parts)
