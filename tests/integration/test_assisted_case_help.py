"""The case's contact and help page, an officer working on an application for the applicant, case-work bids
and the printable summary for officers."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.audit import events_for_subject
from portal.data.contact_prefs import save_preferences
from portal.data.letting_models import Bid
from portal.data.models import User
from portal.data.support_models import Consent, Organisation, SupportWorker
from tests.integration.homes_helpers import main_text, soup_of
from tests.integration.lettings_helpers import a_household, an_advert
from tests.integration.officer_helpers import a_case
from tests.integration.test_assisted_start import act, started

TODAY = dt.date.today()


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def a_helper(db_session, make_user, applicant: User) -> User:
    worker = make_user(Role.SUPPORT_WORKER, full_name="Sam Okafor")
    organisation = Organisation(name="Exampleton Citizens Advice", kind="charity")
    db_session.add(organisation)
    db_session.flush()
    db_session.add(
        SupportWorker(user_id=worker.id, organisation_id=organisation.id, phone="01632 960 100", status="approved")
    )
    db_session.add(
        Consent(
            applicant_id=applicant.id,
            worker_id=worker.id,
            route="code_invite",
            status="active",
            can_help=True,
            can_bid=False,
            expires_on=TODAY + dt.timedelta(days=90),
        )
    )
    db_session.flush()
    return worker


def test_the_page_shows_contact_needs_helpers_and_how_it_came(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user, full_name="Nadia Haddad")
    applicant = db_session.get(User, application.user_id)
    save_preferences(
        db_session,
        applicant,
        interpreter_language="Arabic",
        formats=["large_print"],
        letters="other",
        letter_address="c/o 4 Safe Road, Exampleton",
        safe_call_times="10am to 12pm",
        no_voicemail=True,
    )
    a_helper(db_session, make_user, applicant)
    text = main_text(officer, f"/officer/cases/{application.id}/help")
    for shown in (
        applicant.email,
        "Interpreter Arabic",
        "Formats large print",
        "Post letters to another address: c/o 4 Safe Road",
        "Safe times to call 10am to 12pm",
        "Do not leave a voicemail",
        "Sam Okafor , Exampleton Citizens Advice",
        "help with the application and documents",
        "How Online, by the applicant",
        "Work on this application for them",
    ):
        assert shown in text, shown
    assert "bid for homes" not in text.split("Sam Okafor")[1].split(".")[0]
    assert "Their account" not in text  # the applicant set up their own account: nothing to hand over


def test_working_on_it_needs_a_reason(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    response = act(officer, application, reason="")
    assert response.status_code == 200 and "Select why" in response.get_data(as_text=True)
    response = act(officer, application, reason="other", other="  ")
    assert response.status_code == 200
    assert "Say why you are working on it for them" in response.get_data(as_text=True)
    assert officer.get("/apply/").status_code == 403  # not acting for anyone yet
    response = act(officer, application, reason="other", other="Their carer asked us to update the address")
    assert response.headers["Location"] == "/apply/"
    [event] = [
        e for e in events_for_subject(db_session, "application", application.id) if e.action == "officer.started_acting"
    ]
    assert event.reason == "Their carer asked us to update the address"
    assert event.on_behalf_of_id == application.user_id and event.actor_id == officer.user.id
    assert officer.get("/apply/").status_code == 302  # the sent application's status page


def test_case_work_bidding_lands_on_homes_and_the_bid_says_who_placed_it(sign_in_as, db_session, make_user, outbox):
    officer = sign_in_as(Role.OFFICER, full_name="Olivia Price")
    household = a_household(db_session, make_user)
    advert = an_advert(db_session)
    assert act(officer, household, reason="case_work_bidding").headers["Location"] == "/homes/"
    response = officer.post_form(f"/homes/{advert.reference}/bid", {}, token_from="/homes/")
    assert response.status_code == 302
    bid = db_session.scalar(select(Bid).where(Bid.application_id == household.id))
    assert bid.case_work and bid.placed_by_id == officer.user.id
    text = main_text(officer, f"/officer/cases/{household.id}/lettings")
    assert "Case-work bid by Olivia Price" in text
    placed = [
        e for e in events_for_subject(db_session, "application", household.id) if e.action == "lettings.bid_placed"
    ]
    assert placed[0].on_behalf_of_id == household.user_id


def test_a_bid_the_household_placed_is_not_case_work(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    household = a_household(db_session, make_user)
    advert = an_advert(db_session)
    db_session.add(
        Bid(
            application_id=household.id,
            advert_id=advert.id,
            cycle_id=advert.cycle_id,
            slot=1,
            placed_by_id=household.user_id,
        )
    )
    db_session.flush()
    assert "Case-work bid" not in main_text(officer, f"/officer/cases/{household.id}/lettings")


def test_a_draft_an_officer_started_opens_only_here(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    draft = started(db_session, officer)
    page = soup_of(officer.get(f"/officer/cases/{draft.id}/help"))
    links = [a.get_text(strip=True) for a in page.select(".app-case-navigation a")]
    assert links == ["Contact and help"]
    assert "not sent yet" in page.select_one(".app-case-header").get_text()
    assert officer.get(f"/officer/cases/{draft.id}").status_code == 404
    own = a_case(db_session, make_user)
    own.stage = "draft"
    db_session.flush()
    assert officer.get(f"/officer/cases/{own.id}/help").status_code == 404  # an applicant's own draft is theirs


def test_officers_print_a_summary_of_the_application(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user, full_name="Nadia Haddad")
    response = officer.get(f"/officer/cases/{application.id}/summary.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    text = pdf_text(response.data)
    assert "Nadia Haddad" in text and application.reference in text
    draft = started(db_session, officer)
    assert "Patrick Doyle" in pdf_text(officer.get(f"/officer/cases/{draft.id}/summary.pdf").data)


def test_only_officers_reach_the_officer_pages(sign_in_as, db_session, make_user, client):
    application = a_case(db_session, make_user)
    paths = [
        f"/officer/cases/{application.id}/help",
        f"/officer/cases/{application.id}/summary.pdf",
        f"/officer/cases/{application.id}/handover/letter",
    ]
    applicant = sign_in_as(Role.APPLICANT)
    for role in (Role.APPLICANT, Role.SUPPORT_WORKER):
        other = sign_in_as(role)
        for path in paths:
            assert other.get(path).status_code == 403, (role, path)
    response = applicant.post_form(
        f"/officer/cases/{application.id}/help/act", {"reason": "phone"}, token_from="/account"
    )
    assert response.status_code == 403
    assert applicant.get("/apply/").status_code == 200  # still only their own application
    worker = sign_in_as(Role.SUPPORT_WORKER)
    for path in (f"/officer/cases/{application.id}/handover/email", f"/officer/cases/{application.id}/handover/letter"):
        assert worker.post_form(path, {}, token_from="/account").status_code == 403
    for path in paths:
        assert client.get(path).headers["Location"].startswith("/sign-in")
