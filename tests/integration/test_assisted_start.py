"""Officers starting an application for someone who applied by phone, at a drop-in or on a paper form.

The application keeps the date the council first received it: an officer keys
in a paper form from months ago, works on it through the applicant's own pages
and sends it, and the registration date is still that first date.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import applications as data
from portal.data.application_models import Application
from portal.data.audit import events_for_subject
from portal.data.models import AuditEvent, User
from portal.notify import NO_EMAIL_DOMAIN
from tests.integration.apply_helpers import answer
from tests.integration.apply_sections_helpers import (
    add_address,
    finish,
    go,
    parts,
    start_section,
    walk_flat,
    years_ago,
)
from tests.integration.homes_helpers import main_text

TODAY = dt.date.today()
RECEIVED = TODAY - dt.timedelta(days=150)
ALL_BOXES = {"declaration": ["true", "checks", "share", "changes"]}


ABOUT_YOU = {
    "/date-of-birth": {"date_of_birth": ["12", "6", "1958"]},
    "/sex": {"sex": "male"},
    "/ni-number": {"ni_number": ""},
    "/phone": {"phone": "01632 960 417"},
    "/interpreter": {"interpreter": "no"},
}


def walk_for_them(client) -> None:
    """Answer every section for the applicant; the officer gave their date of birth and phone already."""
    nxt = start_section(client, "about-you")
    assert nxt.endswith("/about-you/sex"), nxt  # what the officer typed is not asked again
    while not nxt.endswith("/check"):
        nxt = answer(client, nxt, next(data for ending, data in ABOUT_YOU.items() if nxt.endswith(ending)))
    finish(client, "about-you")
    assert answer(client, start_section(client, "household"), {"anyone_else": "no"}).endswith("/household/check")
    finish(client, "household")
    go(
        client,
        start_section(client, "current-home"),
        ("/home-type", {"home_type": "private_rented"}),
        ("/nowhere-tonight", {"nowhere_tonight": "no"}),
        ("/bedrooms", {"bedrooms": "1"}),
        ("/living-rooms", {"living_rooms": "1"}),
        ("/shares-facilities", {"shares_facilities": "no"}),
        ("/disrepair", {"disrepair": "no"}),
        ("/must-leave", {"must_leave": "no"}),
    )
    finish(client, "current-home")
    nxt = add_address(client, start_section(client, "addresses"), "3 Mill Lane", years_ago(11))
    for page in ({"work_in_area": "no"}, {"family_in_area": "no"}, {"care_move": "no"}):
        nxt = answer(client, nxt, page)
    finish(client, "addresses")
    nxt = answer(client, start_section(client, "immigration"), {"immigration_status": "british_irish"})
    answer(client, nxt, {"lived_in_uk_2_years": "yes"})
    finish(client, "immigration")
    walk_flat(client, "money", {"income": "11200"}, {"take_home_pay": "880"}, {"savings": "0"}, {"owns_property": "no"})
    walk_flat(
        client, "health", {"health_problem": "no"}, {"mobility": "none"}, {"own_room": "no"}, {"overnight_carer": "no"}
    )
    walk_flat(
        client,
        "safety",
        {"domestic_abuse": "no"},
        {"harassment": "no"},
        {"care_leaver": "no"},
        {"armed_forces": "no"},
        {"support_worker": "no"},
    )
    walk_flat(client, "tenancy", {"rent_arrears": "no"}, {"evicted": "no"}, {"antisocial": "no"})
    walk_flat(client, "equality", {"answer_equality": "no"})


def start_form(**changes):
    form = {
        "channel": "paper",
        "received_on": parts(RECEIVED),
        "full_name": "Patrick Doyle",
        "date_of_birth": ["12", "6", "1958"],
        "email": "",
        "phone": "01632 960 417",
        "language": "pl",
    }
    form.update(changes)
    return form


def started(db_session, officer, **changes) -> Application:
    response = officer.post_form("/officer/assisted/new", start_form(**changes))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    application_id = int(response.headers["Location"].split("/")[-2])
    assert response.headers["Location"] == f"/officer/cases/{application_id}/help"
    db_session.expire_all()
    return db_session.get(Application, application_id)


def act(officer, application, reason="paper", other=""):
    path = f"/officer/cases/{application.id}/help"
    return officer.post_form(f"{path}/act", {"reason": reason, "other": other}, token_from=path)


def test_an_officer_keys_in_a_paper_form_and_it_keeps_the_date_it_was_received(sign_in_as, db_session, outbox):
    officer = sign_in_as(Role.OFFICER, full_name="Olivia Price")
    application = started(db_session, officer)
    person = db_session.get(User, application.user_id)
    assert person.email.endswith("@" + NO_EMAIL_DOMAIN) and person.role is Role.APPLICANT
    assert person.preferred_locale == "pl" and person.email_verified_at is None
    assert application.stage == "draft" and application.channel == "paper"
    assert application.received_on == RECEIVED and application.started_by_id == officer.user.id
    assert application.applicant.full_name == "Patrick Doyle"
    assert application.applicant.date_of_birth == dt.date(1958, 6, 12)
    assert application.applicant.answers["phone"] == "01632 960 417"
    [started_event] = [e for e in events_for_subject(db_session, "application", application.id)]
    assert started_event.action == "application.started_by_officer"
    assert started_event.actor_id == officer.user.id and started_event.on_behalf_of_id == person.id
    assert started_event.details == {"channel": "paper", "received_on": RECEIVED.isoformat()}

    help_page = main_text(officer, f"/officer/cases/{application.id}/help")
    assert "From a paper form" in help_page and "Started by Olivia Price" in help_page
    assert "No email address" in help_page and "Polish" in help_page

    assert act(officer, application).headers["Location"] == "/apply/"
    walk_for_them(officer)
    assert answer(officer, "/apply/check", ALL_BOXES).endswith("/apply/sent")
    db_session.expire_all()
    application = db_session.get(Application, application.id)
    assert application.stage == "submitted" and application.reference
    assert application.received_on == RECEIVED != TODAY
    assert data.facts_of(application)["submitted_on"] == RECEIVED.isoformat()

    events = list(db_session.scalars(select(AuditEvent).where(AuditEvent.actor_id == officer.user.id)))
    actions = {event.action for event in events}
    assert {"officer.started_acting", "application.submitted", "application.stage_changed"} <= actions
    acting = next(event for event in events if event.action == "officer.started_acting")
    assert acting.reason == "Keying in their paper form" and acting.on_behalf_of_id == person.id
    for event in events:
        if event.action.startswith(("application.", "helper.")):
            assert event.on_behalf_of_id == person.id, event.action
    assert "helper.changed" in actions  # the answers the officer gave for them
    assert outbox() == []  # someone without an email address gets no emails

    stop = officer.post_form("/support/stop-helping", {}, token_from="/apply/sent")
    assert stop.headers["Location"] == f"/officer/cases/{application.id}/help"
    assert officer.get("/apply/").status_code == 403


def test_the_form_explains_each_mistake_and_keeps_what_was_typed(sign_in_as, db_session):
    officer = sign_in_as(Role.OFFICER)
    tomorrow = TODAY + dt.timedelta(days=1)
    response = officer.post_form(
        "/officer/assisted/new",
        start_form(
            channel="",
            received_on=parts(tomorrow),
            full_name="",
            date_of_birth=["31", "2", "1980"],
            email="not-an-email",
            phone="call me",
        ),
    )
    assert response.status_code == 200
    text = " ".join(response.get_data(as_text=True).split())
    for message in (
        "Select how they applied",
        "The date the council received it must be today or in the past",
        "Enter their full name",
        "Their date of birth must be a real date",
        "Enter an email address in the correct format",
        "Enter a phone number",
    ):
        assert message in text, message
    assert 'value="call me"' in text
    assert db_session.scalar(select(Application).where(Application.channel == "paper")) is None


def test_an_existing_account_is_named_not_copied(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    first = started(db_session, officer, email="patrick@example.org")
    response = officer.post_form("/officer/assisted/new", start_form(email="Patrick@Example.org"))
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "There is already an account with this email address" in text
    assert f"/officer/cases/{first.id}/help" in text
    count = db_session.scalars(select(User).where(User.email == "patrick@example.org")).all()
    assert len(count) == 1


def test_the_list_shows_drafts_officers_started(sign_in_as, db_session):
    officer = sign_in_as(Role.OFFICER, full_name="Olivia Price")
    application = started(db_session, officer, channel="phone")
    text = main_text(officer, "/officer/assisted")
    assert "Patrick Doyle" in text and "Not sent yet" in text and "By phone" in text and "Olivia Price" in text
    assert f"/officer/cases/{application.id}/help" in officer.get("/officer/assisted").get_data(as_text=True)


def test_only_officers_start_applications(sign_in_as, client):
    for role in (Role.APPLICANT, Role.SUPPORT_WORKER):
        other = sign_in_as(role)
        assert other.get("/officer/assisted/new").status_code == 403
        assert other.get("/officer/assisted").status_code == 403
    assert client.get("/officer/assisted/new").headers["Location"].startswith("/sign-in")
    assert sign_in_as(Role.SENIOR_OFFICER).get("/officer/assisted/new").status_code == 200
