"""The officer review area, mounted under /officer (English only)."""

from officer_review import (  # noqa: F401  (each module adds its views to the blueprint)
    assessment_views,
    case_views,
    determination_views,
    duplicate_views,
    duty_views,
    evidence_views,
    notes_views,
    queue_views,
    referral_views,
    review_views,
    safeguarding_views,
    timeline_views,
)
from officer_review.routes import bp

__all__ = ["bp"]
