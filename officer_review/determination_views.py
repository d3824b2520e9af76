"""The final determination, with its decision letters."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
