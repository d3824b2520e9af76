"""Who is looking at the homes pages: their household's application, and which adverts they may see.

Everyone may see a home taking bids. A household that bid for a home, or was
offered it, may also see it after bidding closes; any other advert is a 404.
"""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from portal.auth import acting
from portal.data import bids, offers
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.applications import application_for
from portal.data.models import User
from portal.extensions import db
from portal.rules.support.scopes import Scope


def is_signed_in() -> bool:
    return bool(current_user.is_authenticated)


def is_applicant() -> bool:
    """The applicant themself, or someone acting for them (whose consent lets them see the application)."""
    return acting.current_acting() is not None


def may_bid() -> bool:
    """Whether whoever is looking may bid for the household."""
    found = acting.current_acting()
    return found is not None and found.may(Scope.BID)


def signed_in_user() -> User:
    """The applicant whose household is in play (the account holder, not a helper acting for them)."""
    found = acting.current_acting()
    if found is None:
        abort(403)
    return found.applicant


def viewer_application() -> Application | None:
    """The signed-in applicant's latest application (any stage), or None for everyone else."""
    if not is_applicant():
        return None
    return application_for(db.session, acting.applicant_id())


def household_application() -> Application | None:
    """The signed-in applicant's application once sent (a draft cannot bid), or None."""
    application = viewer_application()
    return application if application is not None and application.stage != "draft" else None


def involved_with(application: Application | None, advert: Advert) -> bool:
    """Whether the household bid for the home or was offered it."""
    if application is None:
        return False
    if bids.has_bid_for(db.session, application.id, advert.id):
        return True
    return any(offer.advert_id == advert.id for offer in offers.offers_for_application(db.session, application.id))


def visible_advert(reference: str) -> tuple[Advert, Application | None]:
    """The advert if the visitor may see it (with the household's application); 404 otherwise."""
    advert = bids.advert_with_details(db.session, reference[:20])
    if advert is None:
        abort(404)
    application = household_application()
    if advert.status != "open" and not involved_with(application, advert):
        abort(404)
    return advert, application
