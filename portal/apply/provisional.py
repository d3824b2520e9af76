"""The provisional result shown after sending: worked out by the rules, kept with the application.

The result is kept as plain values and untranslated sentences, so it can be
shown later in whatever language the applicant is using.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flask_babel import format_date

from portal.options.council_config import current_scheme
from portal.rules.application.provisional import Provisional, provisional_result
from portal.rules.text import Sentence

#: The rules give dates as ISO strings ("2026-11-26"); pages show them in words ("26 November 2026").
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_FORMAT = "d MMMM y"


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


def _shown(value: object) -> object:
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return format_date(dt.date.fromisoformat(value), DATE_FORMAT)
        except ValueError:
            return value
    return value


def sentences_of(kept: Sequence[Mapping[str, Any]]) -> list[Sentence]:
    """The kept sentences, ready to show: dates in words, in the page's language."""
    return [
        Sentence(
            item["message"],
            item.get("rule", ""),
            {key: _shown(value) for key, value in (item.get("params") or {}).items()},
        )
        for item in kept
    ]
