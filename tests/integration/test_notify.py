"""Emails to applicants honour their contact preferences; support workers who asked get a plain copy.

Each place that emails an applicant is run for real (a page, or the function
the page calls) with the applicant's preferences set first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest

from portal.auth.roles import Role
from portal.data.accounts import get_user
from portal.data.contact_prefs import save_preferences
from portal.data.models import User
from portal.letters.decision_letter import send_decision_email
from portal.notify import NO_EMAIL_DOMAIN, email_applicant, email_helpers
from tests.integration.apply_evidence_helpers import item_of
from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import walk_everything
from tests.integration.contact_fixtures import helper_of
from tests.integration.homes_helpers import signed_in_household
from tests.integration.lettings_helpers import a_cycle, an_advert
from tests.integration.lettings_offer_helpers import a_closed_advert, households
from tests.integration.officer_helpers import a_case
from tests.integration.test_apply_decisions import decided
from tests.integration.test_lettings_offers import checked, offered

SAFE = "safe.address@example.net"
POLISH_HELLO = "Dzień dobry"
Prepare = Callable[[User], None]


def body_of(message: Any) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


# Each place that emails an applicant. ``prepare`` runs on the applicant before the email is sent.


def sending_the_application(app, db_session, make_user, sign_in_as, prepare: Prepare) -> User:
    client = start(sign_in_as, full_name="Amina Rahman")
    walk_everything(client)
    prepare(client.user)
    db_session.flush()
    client.get("/apply/?lang=pl")  # the applicant is using the portal in Polish
    answer(client, "/apply/check", {"declaration": ["true", "checks", "share", "changes"]})
    return client.user


def asking_for_a_review(app, db_session, make_user, sign_in_as, prepare: Prepare) -> User:
    client, _application, decision = decided(app, db_session, make_user)
    prepare(client.user)
    db_session.flush()
    client.get("/apply/status?lang=pl")
    assert client.post_form(f"/apply/decisions/{decision.id}/review", {"reasons": "Please look again."}).status_code
    return client.user


def deciding(app, db_session, make_user, sign_in_as, prepare: Prepare) -> User:
    case = a_case(db_session, make_user)
    case.locale = "pl"
    user = get_user(db_session, case.user_id)
    prepare(user)
    db_session.flush()
    with app.test_request_context():
        send_decision_email(db_session, case)
    return user


def asking_for_evidence(app, db_session, make_user, sign_in_as, prepare: Prepare) -> User:
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    case.locale = "pl"
    user = get_user(db_session, case.user_id)
    prepare(user)
    db_session.flush()
    item = item_of(db_session, case, "income")
    path = f"/officer/cases/{case.id}/evidence/{item.id}"
    assert officer.post_form(path, {"action": "reject", "reason": "Send newer payslips."}).status_code == 302
    return user


def offering_a_home(app, db_session, make_user, sign_in_as, prepare: Prepare) -> User:
    officer = sign_in_as(Role.OFFICER)
    [household] = households(db_session, make_user, {})
    household.locale = "pl"
    user = get_user(db_session, household.user_id)
    prepare(user)
    db_session.flush()
    advert = a_closed_advert(db_session, [household])
    checked(officer, db_session, advert, household)
    assert offered(officer, db_session, advert, household).status_code == 302
    return user


def alerting_about_homes(app, db_session, make_user, sign_in_as, prepare: Prepare) -> User:
    cycle = a_cycle(db_session)
    client, _household = signed_in_household(app, db_session, make_user)
    client.user.preferred_locale = "pl"
    prepare(client.user)
    db_session.flush()
    client.post_form("/homes/alerts", {"area": "Popley"}, token_from="/homes/")
    an_advert(db_session, cycle=cycle, area="Popley")
    assert app.test_cli_runner().invoke(args=["homes", "send-alerts"]).exit_code == 0
    return client.user


EVERY_SITE = [sending_the_application, asking_for_a_review, deciding, asking_for_evidence, offering_a_home]
CASE_UPDATES = {
    sending_the_application: "application_sent",
    asking_for_a_review: "review_requested",
    deciding: "decision_made",
    asking_for_evidence: "evidence_requested",
    offering_a_home: "offer_made",
}


@pytest.mark.parametrize("site", [*EVERY_SITE, alerting_about_homes], ids=lambda site: site.__name__)
def test_every_email_goes_only_to_the_other_address_in_the_applicants_language(
    app, db_session, make_user, sign_in_as, outbox, site
):
    def prepare(user: User) -> None:
        user.preferred_locale = "pl"
        save_preferences(db_session, user, alternative_email=SAFE)

    user = site(app, db_session, make_user, sign_in_as, prepare)
    to_applicant = [message for message in outbox() if message["To"] in (SAFE, user.email)]
    [message] = to_applicant
    assert message["To"] == SAFE
    assert POLISH_HELLO in body_of(message)


@pytest.mark.parametrize("site", [*EVERY_SITE, alerting_about_homes], ids=lambda site: site.__name__)
def test_without_another_address_the_email_goes_to_the_sign_in_address(
    app, db_session, make_user, sign_in_as, outbox, site
):
    user = site(app, db_session, make_user, sign_in_as, lambda user: None)
    assert [message["To"] for message in outbox()] == [user.email]


@pytest.mark.parametrize(
    "site", [deciding, asking_for_evidence, offering_a_home, alerting_about_homes], ids=lambda site: site.__name__
)
def test_no_email_is_sent_to_an_account_with_no_email_address(app, db_session, make_user, sign_in_as, outbox, site):
    def prepare(user: User) -> None:
        user.email = f"assisted-{user.id}@{NO_EMAIL_DOMAIN}"

    site(app, db_session, make_user, sign_in_as, prepare)
    assert outbox() == []


@pytest.mark.parametrize("site", EVERY_SITE, ids=lambda site: site.__name__)
def test_helpers_who_asked_get_a_copy_without_detail(app, db_session, make_user, sign_in_as, outbox, site):
    helpers: dict[str, User] = {}

    def prepare(user: User) -> None:
        helpers["wants"] = helper_of(db_session, make_user, user, locale="pl")
        helpers["turned_off"] = helper_of(db_session, make_user, user, email_client_updates=False)
        helpers["ended"] = helper_of(db_session, make_user, user, status="revoked")
        helpers["expired"] = helper_of(db_session, make_user, user, expires_on=dt.date.today() - dt.timedelta(days=1))
        helpers["not_approved"] = helper_of(db_session, make_user, user, approved=False)

    user = site(app, db_session, make_user, sign_in_as, prepare)
    messages = outbox()
    recipients = sorted(message["To"] for message in messages)
    assert recipients == sorted([user.email, helpers["wants"].email])
    [copy] = [message for message in messages if message["To"] == helpers["wants"].email]
    [to_applicant] = [message for message in messages if message["To"] == user.email]
    body = body_of(copy)
    assert user.full_name in body and "/support/" in body
    assert POLISH_HELLO in body  # in the worker's own language
    assert not copy.is_multipart() or not list(copy.iter_attachments())
    # Nothing from the applicant's email is passed on: no reference number, no link to the case's pages.
    references = re.findall(r"HR-[A-Z0-9]{6}", body_of(to_applicant))
    assert references
    for reference in references:
        assert reference not in body
    for line in body_of(to_applicant).splitlines():
        if "http" in line:
            assert line.strip() not in body


def test_the_copy_names_the_kind_of_update_in_plain_words(app, db_session, make_user):
    applicant = make_user(Role.APPLICANT, full_name="Joy Example")
    helper_of(db_session, make_user, applicant)
    with app.test_request_context():
        assert email_helpers(db_session, applicant, update="offer_made") == 1
        with pytest.raises(ValueError, match="Unknown kind of update"):
            email_helpers(db_session, applicant, update="band_changed")


def test_the_copy_says_what_it_is_about(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, full_name="Joy Example")
    worker = helper_of(db_session, make_user, applicant)
    with app.test_request_context():
        email_helpers(db_session, applicant, update="decision_made")
    [message] = outbox()
    assert message["To"] == worker.email
    assert message["Subject"] == "There is an update on Joy Example's case"
    assert "we have made a decision" in body_of(message)


def test_the_applicant_email_uses_their_chosen_language_when_the_caller_does_not_say(
    app, db_session, make_user, outbox
):
    applicant = make_user(Role.APPLICANT, full_name="Joy Example", preferred_locale="pl")
    with app.test_request_context():
        assert email_applicant(
            db_session, applicant, "decision_made", name="Joy", reference="HR-X", link="x", council="C"
        )
    [message] = outbox()
    assert message["To"] == applicant.email
    assert POLISH_HELLO in body_of(message)


def test_a_no_email_account_with_another_address_gets_emails_there(app, db_session, make_user, outbox):
    applicant = make_user(Role.APPLICANT, email=f"assisted-abc@{NO_EMAIL_DOMAIN}")
    save_preferences(db_session, applicant, alternative_email=SAFE)
    with app.test_request_context():
        assert email_applicant(db_session, applicant, "decision_made", name="A", reference="R", link="x", council="C")
    assert [message["To"] for message in outbox()] == [SAFE]
