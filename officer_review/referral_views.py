"""Referrals to partner teams and agencies."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
