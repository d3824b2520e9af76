"""Shortlists made when an advert closes: the ranking and the bidders left out, the shortlist page, and
checking or passing over a household, with the audit trail, restricted cases and bad addresses."""

from __future__ import annotations

import datetime as dt

from portal.auth.roles import Role
from portal.data import cases
from portal.data.change_models import CircumstanceChange
from portal.data.evidence import evidence_items
from portal.data.letting_models import ShortlistEntry
from portal.data.shortlists import create_shortlist, entries_for, entry_for
from tests.integration.lettings_helpers import a_household, an_advert
from tests.integration.lettings_offer_helpers import (
    a_bid,
    a_closed_advert,
    actions,
    entry_of,
    households,
    shortlist_path,
    words,
)
from tests.integration.officer_helpers import page_text

TODAY = dt.date.today()


def test_the_shortlist_ranks_eligible_bidders_and_leaves_out_the_rest(db_session, make_user):
    late, urgent, early, too_big = households(
        db_session,
        make_user,
        {"band": 2, "priority_date": dt.date(2025, 5, 1)},
        {"band": 1, "priority_date": dt.date(2025, 9, 1)},
        {"band": 2, "priority_date": dt.date(2025, 1, 1)},
        {"band": 1, "bedroom_need": 4},
    )
    advert = a_closed_advert(db_session, [late, urgent, early, too_big])
    entries = entries_for(db_session, advert)
    assert [entry.application_id for entry in entries] == [urgent.id, early.id, late.id, too_big.id]
    assert [entry.position for entry in entries] == [1, 2, 3, None]
    assert [entry.status for entry in entries] == ["waiting", "waiting", "waiting", "excluded"]
    assert entries[3].excluded_because == ["too_many_bedrooms_needed"]
    top = entries[0]
    assert (top.reference, top.band, top.priority_date, top.registration_date, top.bedroom_need) == (
        urgent.reference,
        1,
        dt.date(2025, 9, 1),
        dt.date(2024, 6, 1),
        2,
    )
    assert top.bid_id is not None


def test_making_the_shortlist_twice_changes_nothing(db_session, make_user):
    first, second = households(db_session, make_user, {}, {})
    advert = a_closed_advert(db_session, [first])
    a_bid(db_session, advert, second)  # a late bid cannot change a shortlist already made
    again = create_shortlist(db_session, advert, TODAY)
    assert [entry.application_id for entry in again] == [first.id]
    assert db_session.query(ShortlistEntry).filter_by(advert_id=advert.id).count() == 1


def test_withdrawn_bids_are_not_shortlisted(db_session, make_user):
    staying, leaving = households(db_session, make_user, {}, {})
    advert = an_advert(db_session)
    a_bid(db_session, advert, staying)
    a_bid(db_session, advert, leaving).status = "withdrawn"
    advert.status = "closed"
    entries = create_shortlist(db_session, advert, TODAY)
    assert [entry.application_id for entry in entries] == [staying.id]
    assert entry_for(db_session, advert.id, staying.id) is entries[0]
    assert entry_for(db_session, advert.id, leaving.id) is None


def test_the_shortlist_page_shows_the_order_the_rules_and_who_was_left_out(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    second, first, left_out = households(
        db_session, make_user, {"band": 3}, {"band": 1}, {"band": 2, "bedroom_need": 1}
    )
    advert = a_closed_advert(db_session, [second, first, left_out])
    page = words(officer, shortlist_path(advert))
    assert page.index("Bidder 2") < page.index("Bidder 1") < page.index("Bidders left out") < page.index("Bidder 3")
    assert "Needs fewer bedrooms than this home is for" in page
    assert "Band 1 comes first" in page and "Scheme rule 8" in page
    assert "Check " + first.reference in page and "Pass over " + first.reference in page
    assert "Offer the home" not in page  # nobody has been checked yet


def test_a_restricted_case_shows_no_name_on_the_shortlist_and_its_pages_are_refused(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    named = make_user(Role.OFFICER)
    [hidden] = households(db_session, make_user, {})
    handling = cases.handling_of(db_session, hidden)
    handling.sensitive = True
    db_session.add(cases.NamedOfficer(application_id=hidden.id, officer_id=named.id))
    db_session.flush()
    advert = a_closed_advert(db_session, [hidden])
    page = page_text(officer, shortlist_path(advert))
    assert "Restricted case" in page and "Bidder 1" not in page and hidden.reference in page
    entry = entry_of(db_session, advert, hidden)
    assert officer.get(shortlist_path(advert, entry, "verify")).status_code == 403
    assert officer.get(shortlist_path(advert, entry, "skip")).status_code == 403
    assert actions(db_session, hidden, "case.restricted_refused")


def test_before_bidding_closes_there_is_no_shortlist_yet(sign_in_as, db_session):
    officer = sign_in_as(Role.OFFICER)
    advert = an_advert(db_session)
    assert "The shortlist is made when bidding for this home closes" in page_text(officer, shortlist_path(advert))


def test_checking_a_household_shows_what_to_check_then_records_it(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    db_session.add(CircumstanceChange(application_id=household.id, kind="income", details={}, preview={}))
    item = evidence_items(db_session, household)[0]
    item.status, item.valid_until = "accepted", TODAY - dt.timedelta(days=1)
    db_session.flush()
    advert = a_closed_advert(db_session, [household])
    entry = entry_of(db_session, advert, household)
    path = shortlist_path(advert, entry, "verify")
    page = page_text(officer, path)
    assert "Ran out on" in page and "Not accepted yet" in page
    assert "1 change of circumstances has not been dealt with yet" in page
    response = officer.post_form(path, {})
    assert response.status_code == 302 and response.headers["Location"].endswith(shortlist_path(advert))
    entry = entry_of(db_session, advert, household)
    assert (entry.status, entry.verified_by_id) == ("verified", officer.user.id)
    [event] = actions(db_session, household, "lettings.shortlist_verified")
    assert event.actor_id == officer.user.id and event.details == {"advert": advert.reference, "position": 1}
    assert "Offer the home" in page_text(officer, shortlist_path(advert))


def test_a_household_is_checked_once(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    entry = entry_of(db_session, advert, household)
    path = shortlist_path(advert, entry, "verify")
    officer.post_form(path, {})
    page = officer.post_form(path, {}, token_from=shortlist_path(advert, entry, "skip"))
    assert page.status_code == 200 and "cannot be checked now" in page.get_data(as_text=True)
    assert len(actions(db_session, household, "lettings.shortlist_verified")) == 1


def test_passing_over_needs_a_reason_and_a_note(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    entry = entry_of(db_session, advert, household)
    path = shortlist_path(advert, entry, "skip")
    response = officer.post_form(path, {"reason": "", "note": "  "})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "There is a problem" in page
    assert "Choose why you are passing them over" in page
    assert "Write a note about why you are passing them over" in page
    response = officer.post_form(path, {"reason": "made_up", "note": "Kept"})
    assert "Choose why you are passing them over" in response.get_data(as_text=True)
    assert "Kept" in response.get_data(as_text=True)  # the answer is kept
    assert entry_of(db_session, advert, household).status == "waiting"


def test_passing_over_a_household_records_why(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    entry = entry_of(db_session, advert, household)
    response = officer.post_form(
        shortlist_path(advert, entry, "skip"), {"reason": "no_contact", "note": "Three calls, no answer"}
    )
    assert response.status_code == 302
    entry = entry_of(db_session, advert, household)
    assert (entry.status, entry.skip_reason, entry.skip_note, entry.updated_by_id) == (
        "skipped",
        "no_contact",
        "Three calls, no answer",
        officer.user.id,
    )
    [event] = actions(db_session, household, "lettings.shortlist_skipped")
    assert event.reason == "Three calls, no answer"
    assert event.details == {"advert": advert.reference, "position": 1, "skip_reason": "no_contact"}
    page = page_text(officer, shortlist_path(advert))
    assert "Passed over" in page and "Could not contact the household: Three calls, no answer" in page


def test_bad_ids_and_places_on_another_shortlist_give_404(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    first, second = households(db_session, make_user, {}, {})
    advert = a_closed_advert(db_session, [first])
    other = a_closed_advert(db_session, [second])
    elsewhere = entry_of(db_session, other, second)
    assert officer.get("/officer/lettings/adverts/999999/shortlist").status_code == 404
    for action in ("verify", "skip", "offer"):
        assert officer.get(shortlist_path(advert, elsewhere, action)).status_code == 404
        assert officer.get(f"{shortlist_path(advert)}/999999/{action}").status_code == 404
    token_page = shortlist_path(advert, entry_of(db_session, advert, first), "verify")
    assert officer.post_form(shortlist_path(advert, elsewhere, "verify"), {}, token_from=token_page).status_code == 404
    assert entry_of(db_session, other, second).status == "waiting"


def test_only_officers_see_shortlists(sign_in_as, db_session, make_user):
    applicant = sign_in_as(Role.APPLICANT)
    [household] = households(db_session, make_user, {})
    advert = a_closed_advert(db_session, [household])
    assert applicant.get(shortlist_path(advert)).status_code == 403


def test_a_household_without_a_band_is_left_out(db_session, make_user):
    household = a_household(db_session, make_user, band=None)
    advert = a_closed_advert(db_session, [household])
    [entry] = entries_for(db_session, advert)
    assert (entry.position, entry.status, entry.excluded_because) == (None, "excluded", ["not_on_register"])
