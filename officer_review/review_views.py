"""Reviews: requests for a review of a decision, assigned to a senior officer who did not make it."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
