"""The support worker area, at /support: registering, the dashboard, consents and acting for a client."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("support", __name__, url_prefix="/support")

# Each part adds its views to this blueprint.
from portal.support import (  # noqa: E402, F401
    acting_views,
    consent_views,
    dashboard_views,
    registration_views,
)
