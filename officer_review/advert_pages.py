"""What every advert page shares: finding the advert (404 when there is none), and its header and
sub-navigation (``templates/officer_review/lettings/adverts/_layout.html``).

The layout calls ``advert_header(advert)``, which the officer area's templates
get from the context processor below.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, request, url_for

from officer_review.advert_words import address, status_tag
from officer_review.routes import bp
from portal.data import adverts
from portal.data.advert_models import Advert
from portal.extensions import db

#: The advert's pages, in the order of its sub-navigation: (endpoint, label).
ADVERT_PAGES = (
    ("officer_review.advert", "Details"),
    ("officer_review.advert_photos", "Photos"),
    ("officer_review.advert_shortlist", "Shortlist"),
    ("officer_review.advert_direct_match", "Direct match"),
)


def advert_or_404(advert_id: int) -> Advert:
    advert = adverts.advert_by_id(db.session, advert_id)
    if advert is None:
        abort(404)
    return advert


def advert_url(advert: Advert) -> str:
    return url_for("officer_review.advert", advert_id=advert.id)


def advert_navigation(advert: Advert) -> list[dict[str, Any]]:
    """The advert's sub-navigation: every advert page that exists, the current one marked."""
    items = []
    for endpoint, label in ADVERT_PAGES:
        if endpoint not in current_app.view_functions:
            continue
        items.append(
            {
                "href": url_for(endpoint, advert_id=advert.id),
                "text": label,
                "current": request.endpoint == endpoint,
            }
        )
    return items


def advert_header(advert: Advert) -> dict[str, Any]:
    """What the top of every advert page shows."""
    return {
        "reference": advert.reference,
        "address": address(advert),
        "status": status_tag(advert.status),
        "navigation": advert_navigation(advert),
    }


@bp.context_processor
def _advert_pages() -> dict[str, Any]:
    return {"advert_header": advert_header}
