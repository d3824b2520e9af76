"""Answers carried over from the housing options questions, to save typing them again.

Only answers that mean the same thing in both places are carried over. The
applicant checks each section before it counts as done.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FORCES = {
    "serving": "serving",
    "left_recently": "left",
    "left_earlier": "left",
    "bereaved": "bereaved",
    "reservist_injured": "reservist_injured",
    "no": "no",
}


def _yes_no(value: Any) -> str | None:
    if value in ("yes", True):
        return "yes"
    if value in ("no", False):
        return "no"
    return None


def _number(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def prefill(options: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Section answers (and ``applicant`` for the applicant's own) from housing options answers."""
    found: dict[str, dict[str, Any]] = {}

    def put(section: str, key: str, value: Any) -> None:
        if value is not None and value != "":
            found.setdefault(section, {})[key] = value

    where = options.get("where_live")
    put("current_home", "home_type", where)
    if isinstance(options.get("bedrooms"), int):
        put("current_home", "bedrooms", options["bedrooms"])
    put("current_home", "shares_facilities", _yes_no(options.get("shares_facilities")))
    put("current_home", "disrepair", _yes_no(options.get("home_condition")))
    put("current_home", "must_leave", _yes_no(options.get("told_to_leave")))
    put("current_home", "must_leave_date", options.get("leave_date"))
    safe = _yes_no(options.get("safe_tonight"))
    put("current_home", "nowhere_tonight", {"yes": "no", "no": "yes"}.get(safe or ""))
    others = (
        (_yes_no(options.get("partner")) == "yes")
        + _number(options.get("children"))
        + _number(options.get("other_adults"))
    )
    if "partner" in options:
        put("household", "anyone_else", "yes" if others else "no")
    put("money", "income", options.get("income_yearly"))
    put("money", "take_home_pay", options.get("take_home_monthly"))
    put("money", "savings", options.get("savings"))
    owns = "yes" if where == "owner_occupier" else _yes_no(options.get("owns_home"))
    put("money", "owns_property", owns)
    health = options.get("health")
    if health in ("no", "hard", "serious"):
        put("health", "health_problem", "no" if health == "no" else "yes")
    put("safety", "domestic_abuse", options.get("abuse") if options.get("abuse") in ("yes", "no") else None)
    put("safety", "care_leaver", _yes_no(options.get("care_leaver")))
    put("safety", "armed_forces", FORCES.get(options.get("armed_forces", "")))
    put("addresses", "work_in_area", _yes_no(options.get("work_local")))
    put("addresses", "care_move", _yes_no(options.get("care_support")))
    put("applicant", "immigration_status", options.get("immigration"))
    return found
