"""Homes advertised for rent or to buy, at /homes: searching, bidding, alerts, auto-bidding and lettings results."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask_babel import gettext as _
from flask_babel import ngettext

from portal.data.bidders import pounds_from_pence
from portal.rules.affordability import pounds
from portal.rules.lettings.kinds import LANDLORD_KINDS, MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES

bp = Blueprint("homes", __name__, url_prefix="/homes")

KINDS = {
    "tenure": TENURES,
    "property_type": PROPERTY_TYPES,
    "mobility": MOBILITY_CATEGORIES,
    "landlord": LANDLORD_KINDS,
}


def kind_name(group: str, key: str | None) -> str:
    """A kind's applicant name in the page's language ("Social rent", "Flat"...)."""
    names = KINDS.get(group, {})
    return _(names[key]) if key in names else (key or "")


def money(pence: int | None) -> str:
    amount = pounds_from_pence(pence)
    return pounds(amount) if amount is not None else ""


def bedrooms_text(count: int) -> str:
    if count == 0:
        return _("Studio, no separate bedroom")
    return ngettext("%(num)d bedroom", "%(num)d bedrooms", count)


@bp.context_processor
def helpers() -> dict[str, Any]:
    return {"kind_name": kind_name, "money": money, "bedrooms_text": bedrooms_text}


# Each journey adds its views to this blueprint.
from portal.homes import (  # noqa: E402, F401
    alert_views,
    auto_bid_views,
    bid_views,
    browse_views,
    results_views,
)
