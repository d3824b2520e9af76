"""Direct matches: an officer asks, a senior officer or administrator who did not ask decides; an
approved match holds the home and offers it to the household, with the offer email."""

from __future__ import annotations

from portal.auth.roles import Role
from portal.data.direct_matches import matches_for_advert
from portal.data.offers import offers_for_application
from tests.integration.lettings_helpers import a_household, an_advert
from tests.integration.lettings_offer_helpers import a_closed_advert, actions, households, words


def match_path(advert) -> str:
    return f"/officer/lettings/adverts/{advert.id}/direct-match"


def decide_path(match) -> str:
    return f"/officer/lettings/direct-matches/{match.id}/decide"


def asked(officer, db_session, advert, household, reference=None):
    response = officer.post_form(
        match_path(advert),
        {"reference": reference or household.reference, "reason": "Leaving hospital, needs a step-free home now"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    db_session.expire_all()
    return matches_for_advert(db_session, advert.id)[0]


def test_an_officer_asks_for_a_match_by_reference(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Asha Asker")
    [household] = households(db_session, make_user, {})
    advert = an_advert(db_session, status="draft")
    typed = household.reference.removeprefix("HR-").lower()
    match = asked(officer, db_session, advert, household, reference=f" hr {typed} ")
    assert (match.application_id, match.status, match.requested_by_id) == (household.id, "waiting", officer.user.id)
    assert match.reason == "Leaving hospital, needs a step-free home now"
    [event] = actions(db_session, household, "lettings.direct_match_requested")
    assert event.details == {"advert": advert.reference, "match_id": match.id}
    page = words(officer, match_path(advert))
    assert f"Match of {household.reference} sent to a senior officer to decide" in page
    assert "Waiting for a decision" in page and "by Asha Asker" in page
    listing = words(officer, "/officer/lettings/direct-matches")
    assert advert.reference in listing and household.reference in listing
    assert "Decide" not in listing.split("Waiting for a decision", 1)[1]  # plain officers do not decide


def test_a_match_needs_a_household_on_the_register(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="draft")
    response = officer.post_form(match_path(advert), {"reference": "", "reason": ""})
    page = response.get_data(as_text=True)
    assert "Enter the household&#39;s reference" in page and "Say why the household needs this home" in page
    page = officer.post_form(match_path(advert), {"reference": "HR-NOPE99", "reason": "Urgent"}).get_data(as_text=True)
    assert "There is no household with this reference" in page
    waiting = a_household(db_session, make_user, stage="being_assessed")
    page = officer.post_form(match_path(advert), {"reference": waiting.reference, "reason": "Urgent"}).get_data(
        as_text=True
    )
    assert "is not on the housing register now" in page
    assert matches_for_advert(db_session, advert.id) == []


def test_an_open_advert_cannot_be_matched(sign_in_as, db_session):
    officer = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session, status="open")
    page = words(officer, match_path(advert))
    assert "Only a draft, ready or closed home can be matched" in page and "Ask for the match" not in page


def test_a_senior_officer_approves_and_the_home_is_offered(sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER)
    senior = sign_in_as(Role.SENIOR_OFFICER)
    [household] = households(db_session, make_user, {})
    advert = an_advert(db_session, status="ready")
    match = asked(officer, db_session, advert, household)
    assert "Decide" in words(senior, "/officer/lettings/direct-matches")
    response = senior.post_form(decide_path(match), {"decision": "approved", "reason": "Clear medical need"})
    assert response.status_code == 302
    db_session.expire_all()
    assert (match.status, match.decided_by_id, match.decision_reason) == (
        "approved",
        senior.user.id,
        "Clear medical need",
    )
    assert advert.status == "matched"
    [offer] = offers_for_application(db_session, household.id)
    assert (offer.route, offer.status, offer.made_by_id) == ("direct_match", "made", senior.user.id)
    assert offer.respond_by is not None
    assert actions(db_session, household, "lettings.direct_match_approved")[0].reason == "Clear medical need"
    [message] = outbox()
    assert advert.address_line_1 in message.get_body(preferencelist=("plain",)).get_content()


def test_nobody_decides_their_own_match(sign_in_as, db_session, make_user):
    senior = sign_in_as(Role.SENIOR_OFFICER)
    [household] = households(db_session, make_user, {})
    advert = an_advert(db_session, status="draft")
    match = asked(senior, db_session, advert, household)
    assert "You asked for this match, so another senior officer or administrator must decide it" in words(
        senior, decide_path(match)
    )
    response = senior.post_form(decide_path(match), {"decision": "approved", "reason": "Mine"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "There is a problem" in page
    assert "You asked for this match, so another senior officer or administrator must decide it" in page
    db_session.expire_all()
    assert match.status == "waiting" and advert.status == "draft"
    assert offers_for_application(db_session, household.id) == []


def test_only_senior_officers_and_administrators_decide(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    admin = sign_in_as(Role.ADMIN)
    [household] = households(db_session, make_user, {})
    advert = an_advert(db_session, status="draft")
    match = asked(officer, db_session, advert, household)
    assert officer.get(decide_path(match)).status_code == 403
    response = admin.post_form(decide_path(match), {"decision": "refused", "reason": "Bid instead: many homes fit"})
    assert response.status_code == 302
    db_session.expire_all()
    assert (match.status, match.decision_reason) == ("refused", "Bid instead: many homes fit")
    assert advert.status == "draft" and offers_for_application(db_session, household.id) == []
    assert actions(db_session, household, "lettings.direct_match_refused")
    assert admin.get("/officer/lettings/direct-matches/999999/decide").status_code == 404


def test_refusing_a_matched_offer_frees_the_home_for_its_shortlist(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    senior = sign_in_as(Role.SENIOR_OFFICER)
    bidder, matched = households(db_session, make_user, {}, {})
    advert = a_closed_advert(db_session, [bidder])
    match = asked(officer, db_session, advert, matched)
    senior.post_form(decide_path(match), {"decision": "approved", "reason": "Agreed"})
    [offer] = offers_for_application(db_session, matched.id)
    answer = f"/officer/lettings/offers/{offer.id}/answer"
    officer.post_form(answer, {"answer": "refused", "refusal_reason": "Wants to stay near family", "reasonable": "yes"})
    db_session.expire_all()
    assert offer.status == "refused" and advert.status == "closed"
