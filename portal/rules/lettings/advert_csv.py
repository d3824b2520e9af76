"""Reading adverts from a CSV file: good rows kept, bad rows reported by line (stub: being written)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

COLUMNS: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str | None
    message: str


@dataclass(frozen=True, slots=True)
class ParsedRow:
    line: int
    values: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ParsedFile:
    rows: tuple[ParsedRow, ...]
    errors: tuple[RowError, ...]


def parse_adverts(text: str) -> ParsedFile:
    raise NotImplementedError
