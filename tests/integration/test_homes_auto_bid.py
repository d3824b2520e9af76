"""Auto-bidding: the household turns it on or off with what homes to bid for, and an officer sets it up
for a vulnerable applicant with a reason; both are audited."""

from __future__ import annotations

from portal.auth.roles import Role
from portal.data import auto_bids
from portal.data.accounts import get_user
from portal.data.audit import events_for_subject
from tests.conftest import sign_in_client
from tests.integration.homes_helpers import error_summary, main_text, signed_in_household, soup_of
from tests.integration.lettings_helpers import a_household


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def test_a_household_turns_auto_bidding_on_and_off(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    assert "We are not bidding for you at the moment." in main_text(client, "/homes/auto-bid")
    response = client.post_form(
        "/homes/auto-bid",
        {
            "enabled": "yes",
            "tenure": ["social_rent", "affordable_rent"],
            "property_type": "flat",
            "areas": "Popley,  Brighton Hill ,",
            "step_free": "step_free",
        },
    )
    assert response.headers["Location"] == "/homes/auto-bid"
    text = main_text(client, "/homes/auto-bid")
    assert "We will bid for you when the next bidding cycle opens." in text
    assert "We are bidding for you at the moment." in text
    saved = auto_bids.auto_bid_for(db_session, household.id)
    assert saved.enabled and not saved.set_by_officer and saved.set_by_id == client.user.id
    assert saved.preferences == {
        "tenure": ["social_rent", "affordable_rent"],
        "area": ["Popley", "Brighton Hill"],
        "property_type": ["flat"],
        "mobility": ["wheelchair", "wheelchair_partial", "step_free"],
    }
    page = soup_of(client.get("/homes/auto-bid"))
    assert page.find("input", {"name": "areas"})["value"] == "Popley, Brighton Hill"
    assert page.find("input", {"name": "step_free", "value": "step_free"}).has_attr("checked")
    assert page.find("input", {"name": "tenure", "value": "social_rent"}).has_attr("checked")
    client.post_form("/homes/auto-bid", {"enabled": "no", "step_free": "none"})
    assert "We will not bid for you. You can still bid for homes yourself." in main_text(client, "/homes/auto-bid")
    db_session.expire_all()
    assert not auto_bids.auto_bid_for(db_session, household.id).enabled
    assert len(events(db_session, household, "lettings.auto_bid_set")) == 1
    assert len(events(db_session, household, "lettings.auto_bid_stopped")) == 1


def test_missing_answers_are_explained(app, db_session, make_user):
    client, household = signed_in_household(app, db_session, make_user)
    response = client.post_form("/homes/auto-bid", {"areas": "x" * 301})
    assert response.status_code == 200
    assert error_summary(response) == [
        "Select yes if you want us to bid for you",
        "Your answer must be 300 characters or fewer",
        "Select if you need a home without steps",
    ]
    assert auto_bids.auto_bid_for(db_session, household.id) is None


def test_someone_without_a_sent_application_is_told_what_to_do_first(sign_in_as):
    client = sign_in_as(Role.APPLICANT)
    text = main_text(client, "/homes/auto-bid")
    assert "We can bid for you once you have sent an application" in text
    assert client.post_form("/homes/auto-bid", {"enabled": "yes"}, token_from="/account/language").status_code == 200


def test_an_officer_sets_up_auto_bidding_for_a_vulnerable_applicant(app, db_session, make_user, sign_in_as):
    household = a_household(db_session, make_user)
    officer = sign_in_as(Role.OFFICER)
    path = f"/officer/cases/{household.id}/auto-bid"
    page = officer.get(path)
    assert page.status_code == 200
    text = " ".join(soup_of(page).get_text(" ").split())
    assert "Auto-bidding has never been set up for this household." in text
    assert soup_of(page).select_one(f".app-case-navigation a[href='{path}']") is not None
    response = officer.post_form(path, {"enabled": "yes", "step_free": "wheelchair"})
    assert error_summary(response) == ["Enter why you are setting up auto-bidding for this household"]
    response = officer.post_form(
        path,
        {
            "enabled": "yes",
            "step_free": "wheelchair",
            "tenure": "social_rent",
            "areas": "Popley",
            "reason": "Cannot use a computer and has no one to help.",
        },
    )
    assert response.headers["Location"] == path
    text = " ".join(soup_of(officer.get(path)).get_text(" ").split())
    assert "Auto-bidding is on for this household." in text
    assert "Cannot use a computer and has no one to help." in text
    assert "(officer)" in text and "Suitable for someone who uses a wheelchair all the time" in text
    saved = auto_bids.auto_bid_for(db_session, household.id)
    assert saved.set_by_officer and saved.reason == "Cannot use a computer and has no one to help."
    [event] = events(db_session, household, "lettings.auto_bid_set")
    assert event.actor_id == officer.user.id and event.reason == "Cannot use a computer and has no one to help."
    assert event.details["by_officer"] is True
    applicant = app.test_client()

    sign_in_client(applicant, get_user(db_session, household.user_id))
    assert "One of our officers set this up for you." in main_text(applicant, "/homes/auto-bid")


def test_the_officer_page_is_for_officers_and_real_cases(db_session, make_user, sign_in_as):
    household = a_household(db_session, make_user)
    assert sign_in_as(Role.APPLICANT).get(f"/officer/cases/{household.id}/auto-bid").status_code == 403
    assert sign_in_as(Role.OFFICER).get("/officer/cases/999999/auto-bid").status_code == 404
