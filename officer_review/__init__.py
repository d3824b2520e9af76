"""The officer review area, mounted under /officer (English only)."""

from officer_review import (  # noqa: F401  (each module adds its views to the blueprint)
    advert_import_views,
    advert_views,
    assessment_views,
    assisted_views,
    auto_bid_views,
    case_help_views,
    case_views,
    determination_views,
    direct_match_views,
    duplicate_views,
    duty_views,
    evidence_views,
    landlord_views,
    lettings_views,
    nomination_views,
    notes_views,
    offer_views,
    queue_views,
    referral_views,
    results_views,
    review_views,
    safeguarding_views,
    shortlist_views,
    support_worker_views,
    timeline_views,
)
from officer_review.routes import bp

__all__ = ["bp"]
