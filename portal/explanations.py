"""Showing the rules engine's reasons in the page's language."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask
from flask_babel import gettext

from portal.rules.text import Sentence


def explain(sentences: Iterable[Sentence]) -> list[str]:
    """Each reason as a whole sentence in the current language, citing its scheme rule."""
    return [sentence.text(gettext) for sentence in sentences]


def init_app(app: Flask) -> None:
    app.jinja_env.filters["explain"] = explain
