"""Possible duplicate applications, for an officer to resolve."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
