"""The provisional result shown after sending: worked out by the rules, kept with the application.

The result is kept as plain values and untranslated sentences, so it can be
shown later in whatever language the applicant is using.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from portal.options.council_config import current_scheme
from portal.rules.application.provisional import Provisional, provisional_result
from portal.rules.text import Sentence


def _plain(value: object) -> str | int:
    return value if isinstance(value, int | str) and not isinstance(value, bool) else str(value)


def _sentences(sentences: Iterable[Sentence]) -> list[dict[str, Any]]:
    return [
        {"message": s.message, "rule": s.rule, "params": {key: _plain(value) for key, value in s.params.items()}}
        for s in sentences
    ]


def work_out(facts: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """The rules' provisional result for these facts, as plain values to keep."""
    return snapshot_of(provisional_result(facts, today, current_scheme()), today)


def snapshot_of(result: Provisional, today: dt.date) -> dict[str, Any]:
    found = result.assessment
    return {
        "as_at": today.isoformat(),
        "eligible": found.eligible,
        "qualifies": found.qualifies,
        "bedroom_need": found.bedroom_need,
        "band": found.band,
        "reasons": list(found.reasons),
        "priority_date": found.priority_date.isoformat() if found.priority_date else None,
        "referrals": list(found.referrals),
        "sentences": _sentences(found.sentences),
        "could_change": _sentences(result.could_change),
    }


def sentences_of(kept: Sequence[Mapping[str, Any]]) -> list[Sentence]:
    return [Sentence(item["message"], item.get("rule", ""), dict(item.get("params") or {})) for item in kept]
