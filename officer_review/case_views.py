"""The case page: the applicant, their household and answers, and what needs doing."""

from __future__ import annotations

from officer_review.routes import bp  # noqa: F401
