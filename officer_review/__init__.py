"""The officer review area, mounted under /officer."""

from officer_review.routes import bp

__all__ = ["bp"]
