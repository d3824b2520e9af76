"""Offers of council homes: the passed-over check, the offer email in the household's language, answers,
undoing an offer, refusals counted towards reduced preference, and the case's "Bids and offers" page."""

from __future__ import annotations

import datetime as dt

from portal.auth.roles import Role
from portal.data.accounts import get_user
from portal.data.assessments import proposal_for
from portal.data.letting_models import Offer
from portal.data.offers import offers_for_application, refusals_counted_for
from portal.rules.determination.findings import Findings
from tests.integration.lettings_helpers import an_advert
from tests.integration.lettings_offer_helpers import (
    a_closed_advert,
    actions,
    date_fields,
    entry_of,
    households,
    shortlist_path,
    words,
)
from tests.integration.officer_decision_helpers import a_local_case

TODAY = dt.date.today()


def checked(officer, db_session, advert, *people):
    """Check each household on the shortlist, as an officer does."""
    for household in people:
        entry = entry_of(db_session, advert, household)
        assert officer.post_form(shortlist_path(advert, entry, "verify"), {}).status_code == 302


def offered(officer, db_session, advert, household, respond_by=None):
    entry = entry_of(db_session, advert, household)
    data = date_fields("respond_by", respond_by or TODAY + dt.timedelta(days=3))
    return officer.post_form(shortlist_path(advert, entry, "offer"), data)


def test_an_offer_is_refused_while_a_household_above_was_not_passed_over(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    first, second, third = households(db_session, make_user, {"band": 1}, {"band": 2}, {"band": 3})
    advert = a_closed_advert(db_session, [first, second, third])
    checked(officer, db_session, advert, first, second, third)
    path = shortlist_path(advert, entry_of(db_session, advert, third), "offer")
    warning = words(officer, path)
    assert f"{first.reference} (number 1), {second.reference} (number 2)" not in warning
    assert f"{first.reference} (number 1) and {second.reference} (number 2) are above this household" in warning
    response = offered(officer, db_session, advert, third)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "There is a problem" in page
    assert f"{first.reference} (number 1) and {second.reference} (number 2) are above" in page
    assert offers_for_application(db_session, third.id) == []
    officer.post_form(
        shortlist_path(advert, entry_of(db_session, advert, first), "skip"), {"reason": "arrears", "note": "£900"}
    )
    page = offered(officer, db_session, advert, third).get_data(as_text=True)
    assert f"{second.reference} (number 2) is above this household" in page
    assert f"{first.reference} (number 1)" not in page
    assert entry_of(db_session, advert, third).status == "verified"


def test_offering_the_home_emails_the_household_in_their_language(sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    household.locale = "pl"
    advert = a_closed_advert(db_session, [household])
    checked(officer, db_session, advert, household)
    entry = entry_of(db_session, advert, household)
    form = words(officer, shortlist_path(advert, entry, "offer"))
    assert "Date to answer by" in form
    respond_by = TODAY + dt.timedelta(days=5)
    response = offered(officer, db_session, advert, household, respond_by)
    assert response.status_code == 302 and response.headers["Location"].endswith(shortlist_path(advert))
    [offer] = offers_for_application(db_session, household.id)
    assert (offer.route, offer.status, offer.respond_by, offer.made_by_id) == (
        "bidding",
        "made",
        respond_by,
        officer.user.id,
    )
    assert entry_of(db_session, advert, household).status == "offered"
    [event] = actions(db_session, household, "lettings.offer_made")
    assert event.details["advert"] == advert.reference and event.details["offer_id"] == offer.id
    [message] = outbox()
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert message["To"] == get_user(db_session, household.user_id).email
    assert "Dzień dobry" in body
    assert advert.address_line_1 in body and household.reference in body
    page = words(officer, shortlist_path(advert))
    assert f"Offer made to {household.reference}. We have emailed them." in page
    assert f"This home has been offered to {household.reference}" in page and "Record their answer" in page


def test_the_answer_by_date_is_filled_in_and_checked(sign_in_as, db_session, make_user, app):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    checked(officer, db_session, advert, household)
    path = shortlist_path(advert, entry_of(db_session, advert, household), "offer")
    expected = TODAY + dt.timedelta(days=app.config["OFFER_RESPONSE_DAYS"])
    page = officer.get(path).get_data(as_text=True)
    assert f'value="{expected.day}"' in page and f'value="{expected.year}"' in page
    response = officer.post_form(path, {"respond_by": ["31", "2", str(TODAY.year)]})
    assert "The date to answer by must be a real date" in response.get_data(as_text=True)
    response = offered(officer, db_session, advert, household, TODAY - dt.timedelta(days=1))
    assert "The date to answer by must be today or in the future" in response.get_data(as_text=True)
    assert offers_for_application(db_session, household.id) == []


def test_a_household_must_be_checked_before_an_offer(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    path = shortlist_path(advert, entry_of(db_session, advert, household), "offer")
    assert "Check this household's evidence and circumstances first" in words(officer, path)
    officer.post_form(
        path,
        date_fields("respond_by", TODAY),
        token_from=shortlist_path(advert, entry_of(db_session, advert, household), "skip"),
    )
    assert offers_for_application(db_session, household.id) == []


def test_a_housing_association_home_is_not_offered_but_nominated(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household], landlord_kind="housing_association")
    assert officer.get(shortlist_path(advert, entry_of(db_session, advert, household), "offer")).status_code == 404


def test_accepting_and_refusing_an_offer(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    first, second = households(db_session, make_user, {"band": 1}, {"band": 2})
    advert = a_closed_advert(db_session, [first, second])
    checked(officer, db_session, advert, first, second)
    offered(officer, db_session, advert, first)
    [offer] = offers_for_application(db_session, first.id)
    path = f"/officer/lettings/offers/{offer.id}/answer"
    response = officer.post_form(path, {"answer": "refused", "refusal_reason": "", "reasonable": "yes"})
    assert "Say why they refused" in response.get_data(as_text=True)
    response = officer.post_form(
        path, {"answer": "refused", "refusal_reason": "Too far from school", "reasonable": "yes"}
    )
    assert response.status_code == 302
    db_session.expire_all()
    assert (offer.status, offer.refusal_reason, offer.reasonable, offer.answered_on) == (
        "refused",
        "Too far from school",
        True,
        TODAY,
    )
    assert entry_of(db_session, advert, first).status == "refused"
    [event] = actions(db_session, first, "lettings.offer_refused")
    assert event.reason == "Too far from school" and event.details["reasonable"] is True
    assert refusals_counted_for(db_session, first.id, TODAY) == 1
    # The next household can now be offered the home, and accepts it.
    assert offered(officer, db_session, advert, second).status_code == 302
    [second_offer] = offers_for_application(db_session, second.id)
    officer.post_form(f"/officer/lettings/offers/{second_offer.id}/answer", {"answer": "accepted", "reasonable": "yes"})
    db_session.expire_all()
    assert second_offer.status == "accepted" and entry_of(db_session, advert, second).status == "accepted"
    assert actions(db_session, second, "lettings.offer_accepted")
    assert "Let the home" in words(officer, shortlist_path(advert))
    answered = words(officer, path)
    assert "The answer to this offer has been recorded already" in answered


def test_a_refusal_of_an_unsuitable_offer_does_not_count(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    checked(officer, db_session, advert, household)
    offered(officer, db_session, advert, household)
    [offer] = offers_for_application(db_session, household.id)
    officer.post_form(
        f"/officer/lettings/offers/{offer.id}/answer",
        {"answer": "refused", "refusal_reason": "Stairs, and she uses a wheelchair", "reasonable": "no"},
    )
    db_session.expire_all()
    assert offer.reasonable is False and refusals_counted_for(db_session, household.id, TODAY) == 0


def test_undoing_an_offer_puts_the_household_back(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    checked(officer, db_session, advert, household)
    offered(officer, db_session, advert, household)
    [offer] = offers_for_application(db_session, household.id)
    path = f"/officer/lettings/offers/{offer.id}/undo"
    assert "Say why you are undoing the offer" in officer.post_form(path, {"reason": ""}).get_data(as_text=True)
    response = officer.post_form(path, {"reason": "Offered the wrong flat"})
    assert response.status_code == 302
    db_session.expire_all()
    assert (offer.status, offer.withdrawn_reason) == ("withdrawn", "Offered the wrong flat")
    assert entry_of(db_session, advert, household).status == "verified"
    [event] = actions(db_session, household, "lettings.offer_withdrawn")
    assert event.reason == "Offered the wrong flat" and event.actor_id == officer.user.id
    assert "Offer the home" in words(officer, shortlist_path(advert))
    assert "This offer cannot be undone" in words(officer, path)


def test_offer_pages_give_404_for_no_such_offer(sign_in_as):
    officer = sign_in_as(Role.OFFICER)
    for action in ("answer", "undo"):
        assert officer.get(f"/officer/lettings/offers/999999/{action}").status_code == 404


def test_reasonable_refusals_in_the_last_12_months_feed_the_proposal(db_session, make_user):
    household = a_local_case(db_session, make_user)
    advert = an_advert(db_session, status="closed")
    findings = Findings(medical_welfare="high", medical_awarded_on=TODAY - dt.timedelta(days=30))
    before = proposal_for(db_session, household, findings, TODAY)
    assert before.case.behaviour.reasonable_offers_refused_last_12_months == 0
    assert before.proposal.fields["band"].value == 2
    for days_ago, reasonable in ((10, True), (100, True), (300, True), (400, True), (20, False)):
        db_session.add(
            Offer(
                advert_id=advert.id,
                application_id=household.id,
                status="refused",
                reasonable=reasonable,
                answered_on=TODAY - dt.timedelta(days=days_ago),
            )
        )
    db_session.flush()
    after = proposal_for(db_session, household, findings, TODAY)
    assert after.case.behaviour.reasonable_offers_refused_last_12_months == 3
    assert after.proposal.fields["band"].value == 4


def test_the_case_page_shows_bids_places_and_offers(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    path = f"/officer/cases/{household.id}/lettings"
    page = words(officer, path)
    assert "Bids and offers" in page and advert.reference in page and "Placed by hand" in page
    assert "No offers." in page and "refused in the last 12 months: 0" in page
    checked(officer, db_session, advert, household)
    offered(officer, db_session, advert, household)
    [offer] = offers_for_application(db_session, household.id)
    officer.post_form(
        f"/officer/lettings/offers/{offer.id}/answer",
        {"answer": "refused", "refusal_reason": "Wants a garden", "reasonable": "yes"},
    )
    page = words(officer, path)
    assert "Wants a garden" in page and "Counts towards reduced preference" in page
    assert "refused in the last 12 months: 1" in page
    assert officer.get("/officer/cases/999999/lettings").status_code == 404
