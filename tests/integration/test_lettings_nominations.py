"""Nominations to housing associations: the nomination document (read back from its PDF), the
passed-over check, the landlord's answer, and letting the home after the landlord accepts."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from portal.auth.roles import Role
from portal.data.letting_models import Let
from portal.data.nominations import nominations_for_application
from portal.data.offers import offers_for_application
from tests.integration.lettings_offer_helpers import (
    a_closed_advert,
    actions,
    date_fields,
    entry_of,
    households,
    shortlist_path,
    words,
)

TODAY = dt.date.today()


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def association_home(db_session, make_user, *facts):
    people = households(db_session, make_user, *facts)
    advert = a_closed_advert(db_session, people, landlord_kind="housing_association")
    return advert, people


def checked(officer, db_session, advert, household):
    entry = entry_of(db_session, advert, household)
    assert officer.post_form(shortlist_path(advert, entry, "verify"), {}).status_code == 302
    return entry


def nominate(officer, db_session, advert, household, access_needs=""):
    entry = entry_of(db_session, advert, household)
    return officer.post_form(shortlist_path(advert, entry, "nominate"), {"access_needs": access_needs})


def test_nominating_makes_the_document_the_landlord_needs(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Nina Nominator")
    advert, [household] = association_home(db_session, make_user, {"band": 2, "priority_date": dt.date(2025, 3, 1)})
    checked(officer, db_session, advert, household)
    assert "Nominate " + household.reference in words(officer, shortlist_path(advert))
    response = nominate(officer, db_session, advert, household, "Needs a ground floor home: knee surgery")
    assert response.status_code == 302
    [nomination] = nominations_for_application(db_session, household.id)
    assert (nomination.outcome, nomination.landlord_id, nomination.sent_by_id) == (
        "waiting",
        advert.landlord_id,
        officer.user.id,
    )
    assert entry_of(db_session, advert, household).status == "offered"
    [event] = actions(db_session, household, "lettings.nominated")
    assert event.details["advert"] == advert.reference and event.details["nomination_id"] == nomination.id
    document = officer.get(f"/officer/lettings/nominations/{nomination.id}/document")
    assert document.status_code == 200 and document.mimetype == "application/pdf"
    assert "inline" in document.headers["Content-Disposition"]
    text = pdf_text(document.data)
    for expected in (
        f"Nomination for {advert.address_line_1}",
        advert.landlord.name,
        household.reference,
        "Bidder 1",
        "Omar Haddad",  # the partner, with their age
        "Band 2",
        "1 March 2025",
        "Needs a ground floor home: knee surgery",
        "Nina Nominator",
    ):
        assert expected in text, expected
    assert "National Insurance" not in text
    page = words(officer, shortlist_path(advert))
    assert f"has been sent a nomination for {household.reference}" in page


def test_a_nomination_waits_for_households_above_to_be_passed_over(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert, [first, second] = association_home(db_session, make_user, {"band": 1}, {"band": 2})
    checked(officer, db_session, advert, first)
    checked(officer, db_session, advert, second)
    page = nominate(officer, db_session, advert, second).get_data(as_text=True)
    assert "There is a problem" in page and f"{first.reference} (number 1) is above this household" in page
    assert nominations_for_application(db_session, second.id) == []


def test_a_council_home_is_offered_not_nominated(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    path = shortlist_path(advert, entry_of(db_session, advert, household), "nominate")
    assert officer.get(path).status_code == 404


def test_the_landlord_refuses_and_the_next_household_is_nominated(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert, [first, second] = association_home(db_session, make_user, {"band": 1}, {"band": 2})
    checked(officer, db_session, advert, first)
    nominate(officer, db_session, advert, first)
    [nomination] = nominations_for_application(db_session, first.id)
    path = f"/officer/lettings/nominations/{nomination.id}/outcome"
    page = officer.post_form(path, {"outcome": "refused", "reason": ""}).get_data(as_text=True)
    assert "Say why the landlord refused" in page
    assert officer.post_form(path, {"outcome": "refused", "reason": "Affordability check failed"}).status_code == 302
    db_session.expire_all()
    assert (nomination.outcome, nomination.outcome_reason, nomination.recorded_by_id) == (
        "refused",
        "Affordability check failed",
        officer.user.id,
    )
    assert entry_of(db_session, advert, first).status == "refused"
    assert offers_for_application(db_session, first.id) == []  # a landlord's refusal is not the household's
    assert actions(db_session, first, "lettings.nomination_refused")[0].reason == "Affordability check failed"
    checked(officer, db_session, advert, second)
    assert nominate(officer, db_session, advert, second).status_code == 302
    assert "The landlord's answer has been recorded" in words(officer, path)


def test_the_landlord_accepts_and_the_home_is_let_by_nomination(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert, [household] = association_home(db_session, make_user, {})
    checked(officer, db_session, advert, household)
    nominate(officer, db_session, advert, household)
    [nomination] = nominations_for_application(db_session, household.id)
    response = officer.post_form(f"/officer/lettings/nominations/{nomination.id}/outcome", {"outcome": "accepted"})
    assert response.status_code == 302
    [offer] = offers_for_application(db_session, household.id)
    assert (offer.route, offer.status, offer.answered_on) == ("nomination", "accepted", TODAY)
    assert entry_of(db_session, advert, household).status == "accepted"
    assert actions(db_session, household, "lettings.nomination_accepted")
    response = officer.post_form(f"/officer/lettings/adverts/{advert.id}/let", date_fields("let_on", TODAY))
    assert response.status_code == 302
    let = db_session.query(Let).filter_by(advert_id=advert.id).one()
    assert (let.route, let.application_id, let.offer_id) == ("nomination", household.id, offer.id)


def test_nomination_pages_give_404_for_no_such_nomination(sign_in_as):
    officer = sign_in_as(Role.OFFICER)
    assert officer.get("/officer/lettings/nominations/999999/document").status_code == 404
    assert officer.get("/officer/lettings/nominations/999999/outcome").status_code == 404
