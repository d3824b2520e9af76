"""The timeline of every event on a case."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
