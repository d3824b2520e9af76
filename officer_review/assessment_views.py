"""The assessment: findings, the engine's proposal, and the officer's confirmations and overrides."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
