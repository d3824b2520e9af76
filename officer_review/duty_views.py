"""Duty referrals: complex enquiries referred to the duty officer, and the advice given."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
