"""The housing options answers, kept in the session until the person closes their browser.

Nothing identifying is asked. The answers are a plain dictionary of JSON
values; ``portal.rules.options.answers`` says which keys exist and when each
question is asked.
"""

from __future__ import annotations

from typing import Any

from flask import session

SESSION_KEY = "housing_options"


def answers() -> dict[str, Any]:
    """A copy of the answers given so far."""
    return dict(session.get(SESSION_KEY) or {})


def save(changes: dict[str, Any], *, remove: tuple[str, ...] = ()) -> None:
    """Add or change answers, and take away any in ``remove``."""
    current = answers()
    current.update(changes)
    for key in remove:
        current.pop(key, None)
    session[SESSION_KEY] = current


def replace(new_answers: dict[str, Any]) -> None:
    session[SESSION_KEY] = dict(new_answers)


def clear() -> None:
    session.pop(SESSION_KEY, None)
