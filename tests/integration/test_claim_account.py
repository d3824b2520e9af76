"""Handing over an account an officer set up: a letter with a code or an email with a link, and /claim-account."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date
from sqlalchemy import select

from portal.auth.passwords import verify_password
from portal.auth.roles import Role
from portal.data import applications as data
from portal.data import handovers
from portal.data.audit import events_for_subject
from portal.data.base import utcnow
from portal.data.contact_prefs import save_preferences
from portal.data.models import User
from portal.data.support_models import AccountHandover
from portal.notify import NO_EMAIL_DOMAIN
from tests.conftest import TEST_PASSWORD, link_in
from tests.integration.homes_helpers import main_text
from tests.integration.test_assisted_case_help import pdf_text
from tests.integration.test_assisted_start import started

NEW_PASSWORD = "Kettle-orchard-window-4"
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}\b")


def send(db_session, officer, application):
    """Send the officer-started application (the registration date stays the date it was received)."""
    person = db_session.get(User, application.user_id)
    data.submit_application(
        db_session,
        application,
        actor=officer.user,
        on_behalf_of=person,
        declaration={"accepted": ["true"]},
        today=dt.date.today(),
    )
    db_session.flush()
    return application


def letter(officer, application):
    path = f"/officer/cases/{application.id}/handover/letter"
    return officer.post_form(path, {}, token_from=f"/officer/cases/{application.id}/help")


def code_from(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    [code] = CODE.findall(pdf_text(response.data))
    return code


def claim(client, who, code):
    return client.post_form("/claim-account", {"who": who, "code": code})


def errors_of(response) -> str:
    assert response.status_code == 200
    return " ".join(response.get_data(as_text=True).split())


def test_a_letter_code_lets_someone_without_email_take_over_their_account(sign_in_as, db_session, client, outbox):
    officer = sign_in_as(Role.OFFICER)
    application = send(db_session, officer, started(db_session, officer, language="en"))
    confirm = main_text(officer, f"/officer/cases/{application.id}/handover/letter")
    assert "28 days" in confirm and "We have no address for them" in confirm
    response = letter(officer, application)
    assert "attachment" in response.headers["Content-Disposition"]
    code = code_from(response)
    text = pdf_text(response.data)
    [handover] = db_session.scalars(select(AccountHandover).where(AccountHandover.user_id == application.user_id))
    expires = format_date(handover.expires_at.date(), "d MMMM y", locale="en")
    for shown in ("Patrick Doyle", application.reference, "/claim-account", expires, "Example Borough Council"):
        assert shown in text, shown
    assert handover.code_hash != code and code.replace("-", "") not in handover.code_hash
    assert "account.handover_sent" in [e.action for e in events_for_subject(db_session, "user", application.user_id)]

    typed = code.lower().replace("-", " ")  # people type codes loosely
    response = claim(client, application.reference.lower(), typed)
    assert response.headers["Location"] == "/claim-account/your-details"
    page = main_text(client, "/claim-account/your-details")
    assert "This account is for Patrick Doyle" in page and "Email address" in page
    response = client.post_form(
        "/claim-account/your-details",
        {"email": "Patrick.Doyle@example.org", "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD},
    )
    assert response.headers["Location"] == "/account"
    assert "Your account is ready and you are signed in" in main_text(client, "/account")
    db_session.expire_all()
    person = db_session.get(User, application.user_id)
    assert person.email == "patrick.doyle@example.org" and verify_password(person.password_hash, NEW_PASSWORD)
    assert person.email_verified_at is None  # they typed it: the link we emailed confirms it
    [message] = outbox()
    assert message["To"] == "patrick.doyle@example.org" and "/verify-email/" in link_in(message)
    assert db_session.get(AccountHandover, handover.id).used_at is not None
    [claimed] = [e for e in events_for_subject(db_session, "user", person.id) if e.action == "account.claimed"]
    assert claimed.actor_id == person.id
    help_page = main_text(officer, f"/officer/cases/{application.id}/help")
    assert "They took over their account on" in help_page
    assert "They have taken over their account already" in main_text(
        officer, f"/officer/cases/{application.id}/handover/letter"
    )


def test_wrong_expired_and_used_codes_are_refused_clearly(sign_in_as, db_session, client):
    officer = sign_in_as(Role.OFFICER)
    application = send(db_session, officer, started(db_session, officer))
    code = code_from(letter(officer, application))
    mismatch = "The reference number or email address and the code do not match"
    assert mismatch in errors_of(claim(client, application.reference, "ABCD-EFGH"))
    assert mismatch in errors_of(claim(client, "HR-AAAAAA", code))
    assert mismatch in errors_of(claim(client, "someone@example.org", code))
    assert "Enter the code from your letter" in errors_of(claim(client, application.reference, ""))
    handover = db_session.scalar(select(AccountHandover).where(AccountHandover.user_id == application.user_id))
    handover.expires_at = utcnow() - dt.timedelta(minutes=1)
    db_session.flush()
    assert "This code has run out" in errors_of(claim(client, application.reference, code))
    handover.expires_at = utcnow() + dt.timedelta(days=1)
    handover.used_at = utcnow()
    db_session.flush()
    assert "This code has been used already" in errors_of(claim(client, application.reference, code))
    assert client.get("/claim-account/your-details").headers["Location"] == "/claim-account"


def test_a_new_letter_stops_the_old_code_working(sign_in_as, db_session, client):
    officer = sign_in_as(Role.OFFICER)
    application = send(db_session, officer, started(db_session, officer))
    first = code_from(letter(officer, application))
    assert "A code or link we sent them before will stop working" in main_text(
        officer, f"/officer/cases/{application.id}/handover/letter"
    )
    second = code_from(letter(officer, application))
    assert "This code has run out" in errors_of(claim(client, application.reference, first))
    assert claim(client, application.reference, second).status_code == 302


def test_the_code_page_is_rate_limited(client):
    statuses = [claim(client, "HR-AAAAAA", "ABCD-EFGH").status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429


def test_an_email_link_hands_over_an_account_with_an_email(sign_in_as, db_session, client, outbox):
    officer = sign_in_as(Role.OFFICER)
    application = started(db_session, officer, email="patrick@example.org", language="en")
    path = f"/officer/cases/{application.id}/help"
    response = officer.post_form(f"/officer/cases/{application.id}/handover/email", {}, token_from=path)
    assert response.headers["Location"] == path
    assert "We have emailed Patrick Doyle a link" in main_text(officer, path)
    [message] = outbox()
    assert message["To"] == "patrick@example.org"
    assert message["Subject"] == "Your housing register account is ready"
    link = link_in(message)
    assert link.startswith("/claim-account/")
    assert client.get(link).headers["Location"] == "/claim-account/your-details"
    page = main_text(client, "/claim-account/your-details")
    assert "Email address" not in page
    response = client.post_form(
        "/claim-account/your-details", {"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    )
    assert response.headers["Location"] == "/account"
    db_session.expire_all()
    person = db_session.get(User, application.user_id)
    assert person.email_verified_at is not None and verify_password(person.password_hash, NEW_PASSWORD)
    assert len(outbox()) == 1  # the link confirmed the address: no second email
    assert "This link does not work any more" in main_text(client, link)
    assert "This link does not work any more" in main_text(client, "/claim-account/not-a-real-token")


def test_the_email_can_be_used_to_claim_with_a_letter_too(sign_in_as, db_session, client, make_user):
    officer = sign_in_as(Role.OFFICER)
    application = started(db_session, officer, email="patrick@example.org")
    code = code_from(letter(officer, application))  # not sent yet: the letter asks for the email address
    make_user(email="taken@example.org")
    assert claim(client, "PATRICK@example.org", code).headers["Location"] == "/claim-account/your-details"
    response = client.post_form("/claim-account/your-details", {"password": "short", "confirm_password": "short"})
    assert "Your password must be at least" in errors_of(response)


def test_someone_without_email_gets_no_emails_and_no_email_button(sign_in_as, db_session, outbox):
    officer = sign_in_as(Role.OFFICER)
    application = started(db_session, officer)
    path = f"/officer/cases/{application.id}/help"
    page = main_text(officer, path)
    assert "Send an email with a link" not in page and "Print a letter with a code" in page
    response = officer.post_form(f"/officer/cases/{application.id}/handover/email", {}, token_from=path)
    assert response.headers["Location"] == path
    assert "They have no email address" in main_text(officer, path)
    assert "Send the application first" in main_text(officer, f"/officer/cases/{application.id}/handover/letter")
    assert letter(officer, application).status_code == 200  # the page again, no PDF
    assert db_session.scalars(select(AccountHandover)).all() == []
    assert outbox() == []
    assert db_session.get(User, application.user_id).email.endswith(NO_EMAIL_DOMAIN)


def test_the_letter_heeds_how_they_want_letters(sign_in_as, db_session):
    officer = sign_in_as(Role.OFFICER)
    application = send(db_session, officer, started(db_session, officer))
    person = db_session.get(User, application.user_id)
    save_preferences(db_session, person, letters="none")
    page = main_text(officer, f"/officer/cases/{application.id}/handover/letter")
    assert "They asked for no letters to their home address" in page
    save_preferences(db_session, person, letters="other", letter_address="c/o Exampleton Library\nHigh Street\nEX1 1AA")
    page = main_text(officer, f"/officer/cases/{application.id}/handover/letter")
    assert "no letters to their home address" not in page and "c/o Exampleton Library" in page
    text = pdf_text(letter(officer, application).data)
    assert "c/o Exampleton Library" in text and "EX1 1AA" in text


def test_the_letter_is_in_their_language(app, sign_in_as, db_session):
    from portal.letters.handover import letter_context, render_handover_letter

    officer = sign_in_as(Role.OFFICER)
    application = send(db_session, officer, started(db_session, officer, language="pl"))
    person = db_session.get(User, application.user_id)
    expires = dt.date(2027, 3, 14)
    with app.test_request_context():
        context = letter_context(
            db_session, person, application, code="ABCDEFGH", expires_on=expires, today=dt.date(2027, 2, 14)
        )
        html = render_handover_letter(context)
    polish = format_date(expires, "d MMMM y", locale="pl")
    assert context["lang"] == "pl" and 'lang="pl"' in html and polish in html and "marca" in polish
    assert "ABCD-EFGH" in html
    assert handovers.normalise_code(" abcd efgh ") == "ABCDEFGH"


def test_the_no_email_domain_is_the_same_everywhere():
    assert handovers.NO_EMAIL_DOMAIN == NO_EMAIL_DOMAIN


def test_a_claimed_password_works_for_signing_in(sign_in_as, db_session, client, app):
    officer = sign_in_as(Role.OFFICER)
    application = started(db_session, officer, email="patrick@example.org")
    code = code_from(letter(officer, application))
    claim(client, "patrick@example.org", code)
    client.post_form("/claim-account/your-details", {"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    db_session.expire_all()
    person = db_session.get(User, application.user_id)
    person.email_verified_at = utcnow()
    db_session.flush()
    fresh = app.test_client()
    assert "Enter a correct email address and password" in errors_of(
        fresh.post_form("/sign-in", {"email": "patrick@example.org", "password": TEST_PASSWORD})
    )
    response = fresh.post_form("/sign-in", {"email": "patrick@example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/account"
