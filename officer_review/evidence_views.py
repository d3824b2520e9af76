"""Verifying evidence: accept, reject with a reason, or ask for something again."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
