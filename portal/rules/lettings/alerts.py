"""Search filters for adverts, shared by the search page and property alerts (stub: being written)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from portal.rules.lettings.facts import Home


def clean_filters(raw: Mapping[str, Any]) -> dict[str, Any]:
    raise NotImplementedError


def matches(filters: Mapping[str, Any], home: Home) -> bool:
    raise NotImplementedError
