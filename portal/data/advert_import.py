"""Adverts from a CSV file, once ``portal.rules.lettings.advert_csv`` has read it.

Each good row becomes an advert: its landlord is found by name (any
capitals), and a row with opening and closing dates goes into the planned or
open cycle with exactly those dates, made when there is none. Such an advert
is ``ready`` (``open`` when its cycle is already open); a row without dates
is a ``draft``. A row with a problem is left out and reported by its line;
the good rows are kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from portal.data import adverts, cycles, landlords, lettings_clock
from portal.data.advert_models import Advert, BiddingCycle, Landlord
from portal.data.models import User
from portal.rules.lettings.advert_csv import ParsedFile, ParsedRow, RowError


@dataclass(frozen=True)
class ImportedAdvert:
    line: int
    advert: Advert


@dataclass
class ImportResult:
    created: list[ImportedAdvert] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    cycles_created: list[BiddingCycle] = field(default_factory=list)

    @property
    def lines_with_errors(self) -> list[int]:
        return sorted({error.line for error in self.errors})


class _Importer:
    def __init__(self, session: Session, officer: User, *, bid_limit: int, today: dt.date) -> None:
        self.session = session
        self.officer = officer
        self.bid_limit = bid_limit
        self.today = today
        self.landlords = landlords.landlords_by_name(session)
        self.references: set[str] = set()
        self.result = ImportResult()

    def problems(self, row: ParsedRow) -> tuple[Landlord | None, list[RowError]]:
        """The row's landlord, and what stops the row being imported."""
        values = row.values
        errors: list[RowError] = []
        name = " ".join(str(values.get("landlord_name") or "").split())
        landlord = self.landlords.get(name.lower())
        if landlord is None:
            errors.append(
                RowError(
                    row.line,
                    "landlord",
                    f"The landlord column has “{name}”, and there is no landlord with that name. "
                    "Check the name, or add the landlord first.",
                )
            )
        reference = str(values.get("reference") or "").strip()
        if reference and (reference.upper() in self.references or adverts.reference_taken(self.session, reference)):
            errors.append(
                RowError(
                    row.line, "reference", f"The reference column has {reference}, which another advert already has."
                )
            )
        closes_on = values.get("closes_on")
        if isinstance(closes_on, dt.date) and closes_on < self.today:
            errors.append(
                RowError(
                    row.line,
                    "closes_on",
                    f"The closes_on date {closes_on.isoformat()} has passed. Give a date from today on.",
                )
            )
        return landlord, errors

    def cycle_for(self, values: dict[str, Any]) -> BiddingCycle | None:
        opens_on, closes_on = values.get("opens_on"), values.get("closes_on")
        if not (isinstance(opens_on, dt.date) and isinstance(closes_on, dt.date)):
            return None
        cycle, made = cycles.find_or_create_cycle(
            self.session, opens_on, closes_on, bid_limit=self.bid_limit, officer=self.officer
        )
        if made:
            self.result.cycles_created.append(cycle)
        return cycle

    def add(self, row: ParsedRow) -> None:
        landlord, errors = self.problems(row)
        if errors or landlord is None:
            self.result.errors.extend(errors)
            return
        values = dict(row.values)
        values["landlord_id"] = landlord.id
        reference = str(values.get("reference") or "").strip() or None
        try:
            with self.session.begin_nested():
                cycle = self.cycle_for(values)
                status = "draft" if cycle is None else ("open" if cycle.status == "open" else "ready")
                advert = adverts.create_advert(
                    self.session,
                    values,
                    officer=self.officer,
                    cycle=cycle,
                    reference=reference,
                    status=status,
                    action="lettings.advert_imported",
                    details={"line": row.line},
                )
        except IntegrityError:
            self.result.cycles_created = [made for made in self.result.cycles_created if made in self.session]
            self.result.errors.append(
                RowError(row.line, None, "This row could not be saved. Check its values and try it again.")
            )
            return
        if reference:
            self.references.add(reference.upper())
        self.result.created.append(ImportedAdvert(row.line, advert))


def import_adverts(
    session: Session,
    parsed: ParsedFile,
    officer: User,
    *,
    bid_limit: int = 3,
    today: dt.date | None = None,
) -> ImportResult:
    """Make an advert of each good row; every problem (the file's and the rows') by line."""
    importer = _Importer(session, officer, bid_limit=bid_limit, today=today or lettings_clock.today())
    for row in sorted(parsed.rows, key=lambda row: row.line):
        importer.add(row)
    result = importer.result
    result.errors = sorted([*parsed.errors, *result.errors], key=lambda error: error.line)
    session.flush()
    return result
