"""Letting a home: the let's facts, the household's application closed as housed, and publishing the
lettings results."""

from __future__ import annotations

import datetime as dt

from portal.auth.roles import Role
from portal.data.application_models import Application
from portal.data.lets import let_for_advert
from portal.data.offers import offers_for_application
from tests.integration.lettings_offer_helpers import (
    a_bid,
    a_closed_advert,
    actions,
    date_fields,
    entry_of,
    households,
    shortlist_path,
    words,
)

TODAY = dt.date.today()
RESULTS = "/officer/lettings/results"


def accepted(officer, db_session, make_user, **advert_fields):
    """A closed council home, its top bidder checked, offered the home and accepting it; one bid withdrawn."""
    household, other, gone = households(
        db_session, make_user, {"band": 1, "priority_date": dt.date(2024, 11, 5)}, {"band": 3}, {}
    )
    advert = a_closed_advert(db_session, [household, other], **advert_fields)
    a_bid(db_session, advert, gone).status = "withdrawn"  # after the shortlist was made: not counted
    db_session.flush()
    entry = entry_of(db_session, advert, household)
    officer.post_form(shortlist_path(advert, entry, "verify"), {})
    officer.post_form(shortlist_path(advert, entry, "offer"), date_fields("respond_by", TODAY))
    [offer] = offers_for_application(db_session, household.id)
    officer.post_form(f"/officer/lettings/offers/{offer.id}/answer", {"answer": "accepted", "reasonable": "yes"})
    return advert, household, offer


def let_path(advert) -> str:
    return f"/officer/lettings/adverts/{advert.id}/let"


def test_a_home_is_let_only_after_a_household_accepts_it(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    assert "Nobody has accepted it yet" in words(officer, let_path(advert))
    assert let_for_advert(db_session, advert.id) is None


def test_letting_the_home_records_the_result_and_closes_the_application(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert, household, offer = accepted(officer, db_session, make_user, bedrooms=2, address_line_1="4 Elm Court")
    assert f'value="{TODAY.day}"' in officer.get(let_path(advert)).get_data(as_text=True)
    let_on = TODAY + dt.timedelta(days=7)
    response = officer.post_form(let_path(advert), date_fields("let_on", let_on))
    assert response.status_code == 302 and response.headers["Location"].endswith(RESULTS)
    let = let_for_advert(db_session, advert.id)
    assert (let.application_id, let.offer_id, let.route, let.let_on, let.bedrooms, let.bid_count) == (
        household.id,
        offer.id,
        "bidding",
        let_on,
        2,
        2,
    )
    assert (let.band, let.priority_date, let.registration_date) == (1, dt.date(2024, 11, 5), dt.date(2024, 6, 1))
    assert (let.let_by_id, let.published_at) == (officer.user.id, None)
    db_session.expire_all()
    assert advert.status == "let" and entry_of(db_session, advert, household).status == "let"
    application = db_session.get(Application, household.id)
    assert application.stage == "closed"
    assert application.closed_reason == "Housed: 4 Elm Court, Basingstoke, RG21 4AA"
    [event] = actions(db_session, household, "lettings.let")
    assert event.details == {"advert": advert.reference, "let_on": let_on.isoformat(), "route": "bidding"}
    assert "This home was let on" in words(officer, let_path(advert))
    page = words(officer, f"/officer/cases/{household.id}/lettings")
    assert "Housed" in page and "4 Elm Court" in page


def test_the_let_date_is_checked(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert, _household, _offer = accepted(officer, db_session, make_user)
    page = officer.post_form(let_path(advert), {"let_on": ["", "", ""]}).get_data(as_text=True)
    assert "There is a problem" in page and "Enter the let date" in page
    page = officer.post_form(let_path(advert), date_fields("let_on", TODAY + dt.timedelta(days=400))).get_data(
        as_text=True
    )
    assert "The let date must be within the next 90 days" in page
    assert let_for_advert(db_session, advert.id) is None


def test_publishing_a_result(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert, _household, _offer = accepted(officer, db_session, make_user)
    officer.post_form(let_path(advert), date_fields("let_on", TODAY))
    let = let_for_advert(db_session, advert.id)
    page = words(officer, RESULTS)
    assert advert.reference in page and "Band 1, priority date 5 November 2024" in page and "Publish" in page
    publish = f"/officer/lettings/lets/{let.id}/publish"
    assert officer.post(publish).status_code == 400  # no CSRF token: refused
    db_session.expire_all()
    assert let.published_at is None
    token = {"csrf_token": officer.csrf_token(RESULTS)}
    response = officer.post(publish, data=token)
    assert response.status_code == 302 and response.headers["Location"].endswith(RESULTS)
    db_session.expire_all()
    assert let.published_at is not None
    [event] = [e for e in actions_on_advert(db_session, advert) if e.action == "lettings.result_published"]
    assert event.actor_id == officer.user.id
    assert "Result published" in words(officer, RESULTS)
    assert officer.post("/officer/lettings/lets/999999/publish", data=token).status_code == 404


def actions_on_advert(db_session, advert):
    from portal.data.audit import events_for_subject

    db_session.expire_all()
    return events_for_subject(db_session, "advert", advert.id)


def test_undoing_an_accepted_offer_before_the_let(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert, household, offer = accepted(officer, db_session, make_user)
    response = officer.post_form(f"/officer/lettings/offers/{offer.id}/undo", {"reason": "They changed their mind"})
    assert response.status_code == 302
    assert "Nobody has accepted it yet" in words(officer, let_path(advert))
    assert entry_of(db_session, advert, household).status == "verified"


def test_results_page_when_nothing_is_let(sign_in_as, db_session):
    officer = sign_in_as(Role.OFFICER)
    page = words(officer, RESULTS + "?page=abc")
    assert "Lettings results" in page
