"""Safeguarding and vulnerability flags, and sensitive cases open only to named officers."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
