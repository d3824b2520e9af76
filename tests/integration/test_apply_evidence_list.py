"""The evidence list: what we need, for whom and why, and how officers' decisions show to the applicant."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from portal.auth.roles import Role
from portal.data import evidence
from portal.data.applications import set_section_answers, start_application
from portal.data.audit import events_for_subject
from portal.data.evidence_models import EvidenceItem
from tests.integration.apply_evidence_helpers import files_of, item_of, resync, sent_for, upload
from tests.unit.upload_samples import make_pdf


def cards(page: str) -> dict[str, str]:
    """Each summary card on the page: its title and its text."""
    soup = BeautifulSoup(page, "html.parser")
    return {
        " ".join(card.find(class_="govuk-summary-card__title").get_text(" ", strip=True).split()): " ".join(
            card.get_text(" ", strip=True).split()
        )
        for card in soup.find_all(class_="govuk-summary-card")
    }


def test_the_checklist_names_each_thing_for_the_household(sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    response = client.get("/apply/evidence")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    found = cards(page)
    assert list(found) == [
        "Proof of identity for Amina Haddad",
        "Proof of identity for Omar Haddad",
        "Proof of immigration status for Omar Haddad",
        "Proof of where you have lived",
        "Proof of your household's income",
        "Proof of your savings",
        "Proof of pregnancy for Amina Haddad",
        "Proof of the children who live with you",
    ]
    omar = found["Proof of immigration status for Omar Haddad"]
    assert "Who it is about Omar Haddad" in omar
    assert "Not sent yet" in omar
    assert "shows the immigration status of Omar Haddad" in omar  # why, from the rules
    assert "Your household" in found["Proof of your savings"]
    assert "There are 8 things for you to send." in page
    assert "If you cannot get something, contact us and we will help." in page
    assert "housing@example.org" in page and "01234 567890" in page
    assert "closed" not in page.lower()
    item = item_of(db_session, application, "identity", application.applicant.key)
    assert f'href="/apply/evidence/{item.id}"' in page


def test_a_british_household_without_a_partner_is_not_asked_for_immigration_status(sign_in_as, db_session):
    client, _application = sent_for(sign_in_as, db_session, partner_status=None, pregnant=False, savings="0")
    found = cards(client.get("/apply/evidence").get_data(as_text=True))
    assert not any("immigration" in title for title in found)
    assert not any("pregnancy" in title or "savings" in title for title in found)
    assert "Proof of identity for Amina Haddad" in found


def test_there_is_no_evidence_page_for_a_draft_or_without_an_application(sign_in_as, db_session):
    client = sign_in_as(Role.APPLICANT)
    assert client.get("/apply/evidence").status_code == 404
    start_application(db_session, client.user)
    db_session.flush()
    assert client.get("/apply/evidence").status_code == 404


def test_officers_decisions_show_with_their_reasons_and_are_audited(sign_in_as, make_user, db_session):
    client, application = sent_for(sign_in_as, db_session)
    officer = make_user(Role.OFFICER)
    identity = item_of(db_session, application, "identity", application.applicant.key)
    income = item_of(db_session, application, "income")
    savings = item_of(db_session, application, "savings")
    evidence.accept_item(db_session, identity, officer=officer, valid_until=dt.date(2027, 3, 3))
    evidence.reject_item(db_session, income, officer=officer, reason="The payslips are from 2019.")
    evidence.request_again(
        db_session, savings, officer=officer, note="Send your statement for March.", due_on=dt.date(2027, 4, 1)
    )
    db_session.flush()
    found = cards(client.get("/apply/evidence").get_data(as_text=True))
    assert "Accepted" in found["Proof of identity for Amina Haddad"]
    assert "We have accepted this until 3 March 2027." in found["Proof of identity for Amina Haddad"]
    assert "Not accepted" in found["Proof of your household's income"]
    assert "This is why: The payslips are from 2019." in found["Proof of your household's income"]
    assert "We need this again" in found["Proof of your savings"]
    assert "Send your statement for March." in found["Proof of your savings"]
    assert "Try to send it by 1 April 2027." in found["Proof of your savings"]
    item_page = client.get(f"/apply/evidence/{identity.id}").get_data(as_text=True)
    assert "We have accepted this until 3 March 2027." in item_page
    assert 'type="file"' not in item_page  # nothing more to send for accepted evidence
    actions = [event.action for event in events_for_subject(db_session, "application", application.id)]
    assert {"evidence.accepted", "evidence.rejected", "evidence.requested_again"} <= set(actions)
    rejected = next(
        e for e in events_for_subject(db_session, "application", application.id) if e.action.endswith("rejected")
    )
    assert rejected.actor_id == officer.id and rejected.reason == "The payslips are from 2019."
    assert rejected.details["item_id"] == income.id


def test_rejecting_or_asking_again_needs_words_for_the_applicant(make_user, sign_in_as, db_session):
    _client, application = sent_for(sign_in_as, db_session)
    officer = make_user(Role.OFFICER)
    item = item_of(db_session, application, "income")
    with pytest.raises(ValueError):
        evidence.reject_item(db_session, item, officer=officer, reason="  ")
    with pytest.raises(ValueError):
        evidence.request_again(db_session, item, officer=officer, note="", due_on=None)
    assert item.status == "needed"


def test_sending_after_a_rejection_waits_to_be_checked_again(sign_in_as, make_user, db_session):
    client, application = sent_for(sign_in_as, db_session)
    item = item_of(db_session, application, "income")
    evidence.reject_item(db_session, item, officer=make_user(Role.OFFICER), reason="We cannot read it.")
    db_session.flush()
    assert upload(client, item.id, (make_pdf(), "payslip.pdf")).status_code == 302
    assert item_of(db_session, application, "income").status == "uploaded"


def test_items_no_longer_needed_keep_their_files_and_come_back(sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    savings = item_of(db_session, application, "savings")
    assert upload(client, savings.id, (make_pdf(), "statement.pdf")).status_code == 302
    db_session.expire_all()
    set_section_answers(application, "money", {"savings": "0"})
    resync(db_session, application)
    savings = item_of(db_session, application, "savings")
    assert savings.still_needed is False and savings.status == "uploaded"
    assert [f.display_name for f in files_of(db_session, savings.id)] == ["statement.pdf"]
    page = client.get("/apply/evidence").get_data(as_text=True)
    assert "Proof of your savings" not in cards(page)
    assert "You no longer need to send these" in page and "Proof of your savings" in page
    assert "There are 7 things for you to send." in page
    set_section_answers(application, "money", {"savings": "50"})
    items = resync(db_session, application)
    assert [item.id for item in items if item.kind == "savings"] == [savings.id]  # the same item, not a new one
    assert item_of(db_session, application, "savings").still_needed is True
    assert len(files_of(db_session, savings.id)) == 1


def test_sync_is_idempotent_and_orders_still_needed_first(sign_in_as, db_session):
    _client, application = sent_for(sign_in_as, db_session)
    before = [(item.id, item.kind, item.person_key) for item in evidence.evidence_items(db_session, application)]
    after = [(item.id, item.kind, item.person_key) for item in resync(db_session, application)]
    assert before == after
    count = db_session.query(EvidenceItem).filter_by(application_id=application.id).count()
    assert count == len(before) == 8
    set_section_answers(application, "money", {"savings": "0"})
    ordered = resync(db_session, application)
    assert ordered[-1].kind == "savings" and not ordered[-1].still_needed
    assert evidence.outstanding_count(ordered) == 7
