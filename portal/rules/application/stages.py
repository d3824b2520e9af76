"""The stages of an application and the moves allowed between them."""

from __future__ import annotations

STAGES = (
    "draft",
    "submitted",
    "awaiting_evidence",
    "being_assessed",
    "decided",
    "under_review",
    "active",
    "suspended",
    "closed",
)
ALLOWED: dict[str, frozenset[str]] = {
    "draft": frozenset({"submitted", "closed"}),
    "submitted": frozenset({"awaiting_evidence", "being_assessed", "closed"}),
    "awaiting_evidence": frozenset({"being_assessed", "closed"}),
    "being_assessed": frozenset({"awaiting_evidence", "decided", "closed"}),
    "decided": frozenset({"active", "closed", "under_review"}),
    "active": frozenset({"under_review", "suspended", "closed", "being_assessed"}),
    "under_review": frozenset({"decided", "active", "closed"}),
    "suspended": frozenset({"active", "closed"}),
    "closed": frozenset(),
}


def can_move(from_stage: str, to_stage: str) -> bool:
    return to_stage in ALLOWED.get(from_stage, frozenset())
