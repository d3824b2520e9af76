"""Notes on a case and the log of contacts with the applicant."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
