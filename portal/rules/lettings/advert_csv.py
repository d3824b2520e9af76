"""Reading adverts from a CSV file: good rows kept, bad rows reported by line.

The file is UTF-8 text (a byte order mark from a spreadsheet is fine). The first
line is a header row naming the columns, in any order; names are read without
regard to case or extra spaces. Blank lines are skipped. Lines are numbered as
in the file, so the header is line 1.

Columns (``*`` marks the columns the header must have; the others may be left out):

=========================  ==============================================================
``reference``              Optional. Up to 20 letters, numbers and hyphens; blank for a new
                           reference.
``landlord`` *             The landlord's name, as the portal knows it. Required.
``tenure`` *               ``social_rent``, ``affordable_rent``, ``shared_ownership`` or
                           ``first_homes``. Required.
``address_line_1`` *       Required, up to 200 characters.
``address_line_2``         Up to 200 characters.
``town``                   Up to 100 characters.
``postcode``               Up to 10 characters.
``area``                   The area searched by, up to 100 characters.
``latitude``               A number from -90 to 90; with ``longitude``, both or neither.
``longitude``              A number from -180 to 180.
``bedrooms`` *             A whole number from 0 to 20. Required.
``property_type`` *        ``flat``, ``maisonette``, ``house``, ``bungalow`` or ``bedsit``. Required.
``floor``                  The floor of the front door: 0 is the ground floor (-5 to 100).
``lift``                   ``yes``, ``no`` or blank (not known).
``mobility``               ``wheelchair``, ``wheelchair_partial``, ``step_free`` or ``general``;
                           blank means ``general``.
``accessibility``          The access features, in words.
``description``            The home, in words.
``weekly_rent``            Pounds, like ``95.50`` or ``£1,250``. Required for social and
                           affordable rent.
``weekly_service_charge``  Pounds.
``market_value``           Pounds. Required for shared ownership and First Homes.
``min_share``              Whole percent, 1 to 100. Required for shared ownership.
``max_share``              Whole percent, 1 to 100, at least ``min_share``. Required for
                           shared ownership.
``monthly_rent``           Pounds, the rent on the unsold share. Required for shared ownership.
``monthly_service_charge`` Pounds.
``discount_percent``       Whole percent, 1 to 100. Required for First Homes.
``min_age``, ``max_age``   Whole numbers from 0 to 120; the minimum no more than the maximum.
``min_bedroom_need``,      Whole numbers from 0 to 20; the minimum no more than the maximum.
``max_bedroom_need``
``transfer_only``          ``yes`` or ``no`` (blank is no): only for council and housing
                           association tenants.
``local_connection_only``  ``yes`` or ``no`` (blank is no).
``local_lettings_plan``    The local lettings plan, in words.
``opens_on``, ``closes_on``  The bidding cycle's dates, ``YYYY-MM-DD``; both or neither, and
                           ``closes_on`` not before ``opens_on``. Without them the advert is a draft.
=========================  ==============================================================

Every problem on a row is reported, one ``RowError`` each, naming its column; a
row with any problem is not in ``rows``. A header without a required column
gives one error on line 1 and no rows. Columns the format does not have are
reported on line 1 and their values ignored.

``ParsedRow.values`` holds the advert's column names (``weekly_rent_pence``,
``has_lift``, ``min_share_percent``...) with typed values (money in whole
pence), plus ``landlord_name``, ``opens_on`` and ``closes_on``; ``reference`` is
None when blank. Every key is always present.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from portal.rules.lettings import advert_csv_values as read
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, RENT_TENURES, TENURES

Reader = Callable[[str, str], Any]

#: (column, key in ``ParsedRow.values``, reader of a non-blank value, value when blank)
_SPEC: tuple[tuple[str, str, Reader, Any], ...] = (
    ("reference", "reference", read.reference, None),
    ("landlord", "landlord_name", lambda c, v: read.text(c, v, 200), None),
    ("tenure", "tenure", lambda c, v: read.kind(c, v, TENURES), None),
    ("address_line_1", "address_line_1", lambda c, v: read.text(c, v, 200), None),
    ("address_line_2", "address_line_2", lambda c, v: read.text(c, v, 200), ""),
    ("town", "town", lambda c, v: read.text(c, v, 100), ""),
    ("postcode", "postcode", lambda c, v: read.text(c, v.upper(), 10), ""),
    ("area", "area", lambda c, v: read.text(c, v, 100), ""),
    ("latitude", "latitude", lambda c, v: read.degrees(c, v, 90), None),
    ("longitude", "longitude", lambda c, v: read.degrees(c, v, 180), None),
    ("bedrooms", "bedrooms", lambda c, v: read.whole_number(c, v, 0, 20), None),
    ("property_type", "property_type", lambda c, v: read.kind(c, v, PROPERTY_TYPES), None),
    ("floor", "floor", lambda c, v: read.whole_number(c, v, -5, 100), None),
    ("lift", "has_lift", read.yes_no, None),
    ("mobility", "mobility", lambda c, v: read.kind(c, v, MOBILITY_CATEGORIES), "general"),
    ("accessibility", "accessibility", lambda c, v: read.text(c, v, 5000), ""),
    ("description", "description", lambda c, v: read.text(c, v, 5000), ""),
    ("weekly_rent", "weekly_rent_pence", lambda c, v: read.pence(c, v, 10_000), None),
    ("weekly_service_charge", "weekly_service_charge_pence", lambda c, v: read.pence(c, v, 10_000), None),
    ("market_value", "market_value_pence", lambda c, v: read.pence(c, v, 10_000_000), None),
    ("min_share", "min_share_percent", lambda c, v: read.whole_number(c, v, 1, 100), None),
    ("max_share", "max_share_percent", lambda c, v: read.whole_number(c, v, 1, 100), None),
    ("monthly_rent", "monthly_rent_pence", lambda c, v: read.pence(c, v, 40_000), None),
    ("monthly_service_charge", "monthly_service_charge_pence", lambda c, v: read.pence(c, v, 40_000), None),
    ("discount_percent", "discount_percent", lambda c, v: read.whole_number(c, v, 1, 100), None),
    ("min_age", "min_age", lambda c, v: read.whole_number(c, v, 0, 120), None),
    ("max_age", "max_age", lambda c, v: read.whole_number(c, v, 0, 120), None),
    ("min_bedroom_need", "min_bedroom_need", lambda c, v: read.whole_number(c, v, 0, 20), None),
    ("max_bedroom_need", "max_bedroom_need", lambda c, v: read.whole_number(c, v, 0, 20), None),
    ("transfer_only", "transfer_only", read.yes_no, False),
    ("local_connection_only", "local_connection_only", read.yes_no, False),
    ("local_lettings_plan", "local_lettings_plan", lambda c, v: read.text(c, v, 5000), ""),
    ("opens_on", "opens_on", read.date, None),
    ("closes_on", "closes_on", read.date, None),
)

COLUMNS: tuple[str, ...] = tuple(column for column, _, _, _ in _SPEC)
REQUIRED_COLUMNS: tuple[str, ...] = ("landlord", "tenure", "address_line_1", "bedrooms", "property_type")

#: Columns that must have a value for each tenure, beyond the required columns.
TENURE_NEEDS: dict[str, tuple[str, ...]] = {
    **{tenure: ("weekly_rent",) for tenure in RENT_TENURES},
    "shared_ownership": ("market_value", "min_share", "max_share", "monthly_rent"),
    "first_homes": ("market_value", "discount_percent"),
}

_RANGES = (("min_share", "max_share"), ("min_age", "max_age"), ("min_bedroom_need", "max_bedroom_need"))
_KEYS = {column: key for column, key, _, _ in _SPEC}


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


def _column_name(heading: str) -> str:
    return "_".join(heading.strip().casefold().split())


def _read_header(header: list[str]) -> tuple[dict[str, int], list[RowError]]:
    names = [_column_name(heading) for heading in header]
    errors: list[RowError] = []
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        errors.append(RowError(1, None, f"The header row must have these columns: {', '.join(missing)}."))
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    if repeated:
        errors.append(RowError(1, None, f"The header row has these columns more than once: {', '.join(repeated)}."))
    unknown = [name for name in dict.fromkeys(names) if name and name not in _KEYS]
    if unknown:
        errors.append(
            RowError(1, None, f"These columns are not part of the format, so they were ignored: {', '.join(unknown)}.")
        )
    if missing or repeated:
        return {}, errors
    return {name: index for index, name in enumerate(names) if name in _KEYS}, errors


def _read_row(line: int, cells: list[str], where: dict[str, int]) -> tuple[dict[str, Any], list[RowError]]:
    values: dict[str, Any] = {}
    errors: list[RowError] = []
    given: set[str] = set()
    for column, key, reader, blank in _SPEC:
        index = where.get(column)
        raw = cells[index].strip() if index is not None and index < len(cells) else ""
        values[key] = blank
        if not raw:
            if column in REQUIRED_COLUMNS:
                errors.append(RowError(line, column, f"The {column} column must not be blank."))
            continue
        try:
            values[key] = reader(column, raw)
            given.add(column)
        except read.BadValue as problem:
            errors.append(RowError(line, column, str(problem)))
    tenure = values["tenure"]
    for column in TENURE_NEEDS.get(tenure, ()):
        if column not in given and not any(error.column == column for error in errors):
            errors.append(RowError(line, column, f"The {column} column is needed for {TENURES[tenure]} homes."))
    for low, high in _RANGES:
        if low in given and high in given and values[_KEYS[low]] > values[_KEYS[high]]:
            errors.append(RowError(line, high, f"The {high} column must not be less than the {low} column."))
    if ("latitude" in given) != ("longitude" in given) and not _failed(errors, "latitude", "longitude"):
        errors.append(RowError(line, "longitude", "Give both latitude and longitude, or leave both blank."))
    if ("opens_on" in given) != ("closes_on" in given) and not _failed(errors, "opens_on", "closes_on"):
        errors.append(RowError(line, "closes_on", "Give both opens_on and closes_on, or leave both blank."))
    if "opens_on" in given and "closes_on" in given and values["closes_on"] < values["opens_on"]:
        errors.append(RowError(line, "closes_on", "The closes_on date must not be before the opens_on date."))
    return values, errors


def _failed(errors: list[RowError], *columns: str) -> bool:
    return any(error.column in columns for error in errors)


UNREADABLE = "This line cannot be read as CSV: a value may be far too long, or the file may not be a CSV file."


def _records(text: str) -> Iterator[tuple[int, list[str] | None]]:
    """Each record with the file line it starts on; None for a record the CSV reader cannot read."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    line = 1
    while True:
        try:
            cells: list[str] | None = next(reader)
        except StopIteration:
            return
        except csv.Error:
            cells = None
        first, line = line, reader.line_num + 1
        yield first, cells


def parse_adverts(text: str) -> ParsedFile:
    """The file's good rows, and every problem with the others, by line."""
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    where: dict[str, int] | None = None
    width = 0
    references: dict[str, int] = {}
    for line, cells in _records(text):
        if cells is None:
            errors.append(RowError(line, None, UNREADABLE))
            if where is None:
                return ParsedFile((), tuple(errors))
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if where is None:
            where, header_errors = _read_header(cells)
            width = len(cells)
            errors.extend(header_errors)
            if not where:
                return ParsedFile((), tuple(errors))
            continue
        row_values, row_errors = _read_row(line, cells, where)
        if any(cell.strip() for cell in cells[width:]):
            row_errors.append(RowError(line, None, "This line has more values than the header row has columns."))
        reference = row_values["reference"]
        if reference is not None and reference.casefold() in references:
            seen_on = references[reference.casefold()]
            row_errors.append(RowError(line, "reference", f"The reference {reference} is also on line {seen_on}."))
        elif reference is not None:
            references[reference.casefold()] = line
        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(ParsedRow(line, row_values))
    if where is None:
        errors.append(RowError(1, None, "The file is empty. It needs a header row and a line for each home."))
    return ParsedFile(tuple(rows), tuple(errors))
