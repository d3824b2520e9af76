"""Support workers taking up invitations (by link or code) and asking applicants for access."""

from __future__ import annotations

from portal.support.routes import bp  # noqa: F401
