"""evidence_views."""

from __future__ import annotations
