"""One of everything the lettings pages of the officer area show, for the walk of every officer page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import current_app
from sqlalchemy.orm import Session

from portal.data.advert_models import AdvertPhoto, NominationAgreement
from portal.data.letting_models import DirectMatch, Let, Nomination, Offer
from portal.storage import file_store
from portal.storage.base import new_key
from tests.integration.lettings_helpers import a_household, a_landlord, an_advert
from tests.integration.lettings_offer_helpers import a_closed_advert, entry_of

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _photo(db_session: Session, advert: Any, position: int) -> AdvertPhoto:
    key = new_key("adverts")
    file_store(current_app).put(key, PNG, "image/png")
    photo = AdvertPhoto(advert_id=advert.id, position=position, file_key=key, content_type="image/png", alt="A flat")
    db_session.add(photo)
    return photo


def full_lettings(db_session: Session, make_user: Any, officer: Any) -> dict[str, Any]:
    """A closed council advert with a shortlist, an offer, photos; a housing association advert with a
    nomination; a draft advert waiting for a direct match; a let; and the ids each page takes."""
    first = a_household(db_session, make_user, full_name="First Bidder")
    second = a_household(db_session, make_user, full_name="Second Bidder")
    advert = a_closed_advert(db_session, [first, second])
    photo, spare = _photo(db_session, advert, 0), _photo(db_session, advert, 1)
    entry = entry_of(db_session, advert, first)
    offer = Offer(advert_id=advert.id, application_id=first.id, route="bidding", made_by_id=officer.id)
    association = a_closed_advert(db_session, [second], landlord_kind="housing_association")
    agreement = NominationAgreement(
        landlord_id=association.landlord_id,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        percent_owed=50,
        lets_reported=10,
    )
    nomination = Nomination(
        advert_id=association.id,
        application_id=second.id,
        landlord_id=association.landlord_id,
        sent_by_id=officer.id,
        document_key=new_key("nominations"),
    )
    file_store(current_app).put(nomination.document_key, b"%PDF-1.4 nomination", "application/pdf")
    draft = an_advert(db_session, status="draft", landlord=a_landlord(db_session))
    match = DirectMatch(advert_id=draft.id, application_id=second.id, reason="Urgent move", requested_by_id=officer.id)
    let_advert = an_advert(db_session, status="let")
    let = Let(advert_id=let_advert.id, route="bidding", let_on=dt.date(2026, 11, 1), bedrooms=2, band=2, bid_count=4)
    db_session.add_all([offer, agreement, nomination, match, let])
    db_session.flush()
    return {
        "cycle_id": advert.cycle_id,
        "advert_id": advert.id,
        "photo_id": photo.id,
        "spare_photo_id": spare.id,
        "landlord_id": association.landlord_id,
        "agreement_id": agreement.id,
        "entry_id": entry.id,
        "association_id": association.id,
        "association_entry_id": entry_of(db_session, association, second).id,
        "offer_id": offer.id,
        "nomination_id": nomination.id,
        "match_id": match.id,
        "let_id": let.id,
    }
