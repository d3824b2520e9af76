"""``housing-register rank``: one shortlist in, its order out (contract section 3)."""

from __future__ import annotations

from typing import Any

from portal.rules.contract.fields import Fields, LineError, describe
from portal.rules.ranking import Candidate, shortlist_order

MIN_BAND = 1
MAX_BAND = 4


def read_candidate(fields: Fields) -> Candidate:
    return Candidate(
        ref=fields.string("ref", non_empty=True),
        band=fields.integer("band", minimum=MIN_BAND, maximum=MAX_BAND),
        priority_date=fields.date("priority_date"),
        registration_date=fields.date("registration_date"),
    )


def rank_line(data: dict[str, Any]) -> dict[str, Any]:
    """One input object of contract 3 to ``{"id": ..., "order": [...]}``; raises ``LineError`` if malformed."""
    fields = Fields(data)
    identifier = fields.string("id", non_empty=True)
    items = fields.array("candidates", required=True)
    assert items is not None
    candidates = []
    seen: set[str] = set()
    for index in range(len(items)):
        item = fields.item("candidates", index)
        candidate = read_candidate(item)
        if candidate.ref in seen:
            raise LineError(
                f"{item.name('ref')} must be unique in the shortlist, but {describe(candidate.ref)} is used more than once."
            )
        seen.add(candidate.ref)
        candidates.append(candidate)
    return {"id": identifier, "order": shortlist_order(candidates)}
