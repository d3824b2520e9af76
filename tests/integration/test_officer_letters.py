"""Decision letters: English and the applicant's language, as HTML and as a PDF, for each outcome and kind."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from bs4 import BeautifulSoup
from flask import current_app
from pypdf import PdfReader
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import decisions
from portal.data.decision_models import Decision, DecisionLetter, ReviewRequest
from portal.letters import issue_letters, letter_for, render_letter
from portal.rules.determination.settle import Settled
from portal.storage import file_store
from tests.integration.officer_decision_helpers import a_local_case, date_parts, decide, page_words
from tests.integration.officer_helpers import a_case

AWARDED = dt.date.today() - dt.timedelta(days=10)
HIGH = {"medical_welfare": "high", "medical_awarded_on": date_parts(AWARDED)}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def the_decision(db_session, application) -> Decision:
    db_session.expire_all()
    return db_session.scalars(select(Decision).where(Decision.application_id == application.id)).one()


def letter_path(application, decision, locale, pdf=False):
    return f"/officer/cases/{application.id}/decisions/{decision.id}/letter/{locale}{'.pdf' if pdf else ''}"


def letter_soup(db_session, decision, locale) -> BeautifulSoup:
    letter = db_session.scalars(
        select(DecisionLetter).where(DecisionLetter.decision_id == decision.id, DecisionLetter.locale == locale)
    ).one()
    return BeautifulSoup(letter.html, "html.parser")


@pytest.fixture
def officer(sign_in_as):
    return sign_in_as(Role.OFFICER, full_name="Olu Officer")


def test_the_pdf_letter_gives_the_band_and_the_reasons(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    response = officer.get(letter_path(application, decision, "en", pdf=True))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert f"decision-{application.reference}-en.pdf" in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    assert "Our decision about your housing application" in text
    assert application.reference in text
    assert "You can join the housing register." in text
    assert "Your band: Band 2 (high need)" in text
    assert "An officer has found a high medical or welfare need to move. Scheme rule 7.1 H-MED." in text
    assert "Your household needs a home with 2 bedrooms." in text
    review_by = decision.review_by
    assert f"You must ask for a review by {review_by.day} {review_by:%B %Y}." in text
    assert f"/apply/decisions/{decision.id}/review" in text
    assert "within 8 weeks" in text
    assert "Example Borough Council" in text


def test_letters_are_in_english_and_the_applicants_language(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    application.locale = "pl"
    db_session.flush()
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    for locale in ("en", "pl"):
        soup = letter_soup(db_session, decision, locale)
        assert soup.html["lang"] == locale and soup.html["dir"] == "ltr"
        assert soup.find("article")["lang"] == locale
        assert len(soup.find_all("h1")) == 1
        response = officer.get(letter_path(application, decision, locale, pdf=True))
        assert response.status_code == 200
        assert application.reference in pdf_text(response.data)
    # The officer reads each letter inside the case (the page checks run on it: one h1, unique ids).
    response = officer.get(letter_path(application, decision, "pl"))
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.html["lang"] == "en"  # the officer's page; the letter inside it says its own language
    assert page.find(id="letter").find("article")["lang"] == "pl"
    text = page_words(officer, letter_path(application, decision, "pl"))
    assert "The Polish letter, as sent on" in text
    assert application.reference in text
    assert officer.get(letter_path(application, decision, "ro")).status_code == 404
    assert officer.get(letter_path(application, decision, "ro", pdf=True)).status_code == 404


@pytest.mark.parametrize("locale", ["ar", "ur"])
def test_arabic_and_urdu_letters_are_right_to_left(officer, db_session, make_user, locale):
    application = a_local_case(db_session, make_user)
    application.locale = locale
    db_session.flush()
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    soup = letter_soup(db_session, decision, locale)
    assert (soup.html["lang"], soup.html["dir"]) == (locale, "rtl")
    assert (soup.find("article")["lang"], soup.find("article")["dir"]) == (locale, "rtl")
    response = officer.get(letter_path(application, decision, locale, pdf=True))
    assert response.status_code == 200
    assert application.reference in pdf_text(response.data)
    english = letter_soup(db_session, decision, "en")
    assert english.html["dir"] == "ltr"


def test_a_letter_for_english_only(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    application.locale = "xx"  # not a shipped language: English only
    db_session.flush()
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    assert [letter.locale for letter in decisions.letters_for(db_session, decision)] == ["en"]


def test_the_not_eligible_letter_says_so_with_the_officers_reason(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    reason = "Your visa does not let you get council housing at the moment."
    decide(
        officer,
        application,
        findings=HIGH,
        eligibility_choice="override",
        eligibility_value="no",
        eligibility_reason=reason,
    )
    decision = the_decision(db_session, application)
    text = " ".join(letter_soup(db_session, decision, "en").get_text(" ").split())
    assert "You cannot join the housing register at the moment." in text
    assert "the law says who can get council housing" in text
    assert "These are their reasons, in their own words:" in text
    assert f"Whether you can get housing from the council {reason}" in text
    assert "If things change, you can apply again at any time." in text
    assert "If you think our decision is wrong" in text
    assert "Your band" not in text
    assert reason in pdf_text(officer.get(letter_path(application, decision, "en", pdf=True)).data)


def test_the_does_not_qualify_letter_gives_every_failed_test(officer, db_session, make_user):
    application = a_case(db_session, make_user)
    decide(officer, application)
    decision = the_decision(db_session, application)
    text = " ".join(letter_soup(db_session, decision, "en").get_text(" ").split())
    assert "You cannot join the housing register at the moment." in text
    assert "you do not meet the rules of our housing register right now" in text
    assert "You do not have a local connection to the area yet, and no exemption applies. Scheme rule 4.1 Q6." in text
    assert "Scheme rule 4.1 Q7." in text


def test_an_override_reason_is_shown_as_the_officer_wrote_it(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    reason = 'Your son\'s <wheelchair> needs "extra" space & a ground floor.'
    decide(
        officer,
        application,
        findings=HIGH,
        bedroom_need_choice="override",
        bedroom_need_value="3",
        bedroom_need_reason=reason,
    )
    decision = the_decision(db_session, application)
    assert decision.bedroom_need == 3
    letter = letter_soup(db_session, decision, "en")
    assert reason in letter.get_text()
    assert letter.find("wheelchair") is None  # escaped, never markup
    text = page_words(officer, letter_path(application, decision, "en"))
    assert reason in text


def test_the_review_request_days_come_from_the_config(officer, db_session, make_user, app, monkeypatch):
    monkeypatch.setitem(app.config, "REVIEW_REQUEST_DAYS", 28)
    monkeypatch.setitem(app.config, "REVIEW_DECISION_WEEKS", 6)
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    assert decision.review_by == dt.date.today() + dt.timedelta(days=28)
    assert "within 6 weeks of getting your request" in letter_soup(db_session, decision, "en").get_text()


def test_a_review_decision_letter(db_session, make_user, app):
    """A senior officer's decision on review: says who looked again, whether it changed, and that it is final."""
    application = a_local_case(db_session, make_user)
    senior = make_user(Role.SENIOR_OFFICER)
    first = Decision(
        application_id=application.id,
        kind="initial",
        outcome="joins",
        eligible=True,
        qualifies=True,
        local_connection=True,
        bedroom_need=2,
        band=3,
        priority_date=application.received_on,
        registration_date=application.received_on,
        review_by=dt.date.today() + dt.timedelta(days=21),
    )
    db_session.add(first)
    db_session.flush()
    db_session.add(ReviewRequest(application_id=application.id, decision_id=first.id, reasons="My health is worse."))
    application.stage = "under_review"
    db_session.flush()
    settled = Settled(
        outcome="joins",
        eligible=True,
        qualifies=True,
        local_connection=True,
        bedroom_need=2,
        band=2,
        priority_date=application.received_on,
        registration_date=application.received_on,
        overrides={"band": {"proposed": 3, "decided": 2, "reason": "Your new medical evidence shows a high need."}},
        reasons=(
            {"officer": "I read your new letter from the hospital.", "field": "review"},
            {"officer": "Your new medical evidence shows a high need.", "field": "band"},
        ),
    )
    with app.test_request_context("/officer/"):
        review = decisions.record_decision(
            db_session,
            application,
            officer=senior,
            expected_version=application.version,
            settled=settled,
            kind="review",
            review_days=21,
            today=dt.date.today(),
        )
        assert review.review_by is None
        assert application.stage == "active"
        [letter] = issue_letters(db_session, review, application, store=file_store(current_app))
        assert letter_for(db_session, review, "en") == letter
        text = " ".join(BeautifulSoup(letter.html, "html.parser").get_text(" ").split())
    assert "The result of your review" in text
    assert "A senior officer who was not involved in that decision has looked at your case again." in text
    assert "They have changed the first decision." in text
    assert "you cannot ask us for another review" in text
    assert "Shelter" in text and "Citizens Advice" in text
    assert "You must ask for a review by" not in text
    assert "Your band Your new medical evidence shows a high need." in text
    assert "This is what they found, in their own words: I read your new letter from the hospital." in text


def test_a_reassessment_letter_says_it_is_new(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings={"medical_welfare": "medium", "medical_awarded_on": date_parts(AWARDED)})
    decide(officer, application, findings=HIGH)
    db_session.expire_all()
    latest = decisions.latest_decision(db_session, application)
    text = letter_soup(db_session, latest, "en").get_text(" ")
    assert "Our new decision about your housing application" in text
    assert "because something changed" in text


def test_letters_of_another_case_are_not_found(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    other = a_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    assert officer.get(letter_path(other, decision, "en")).status_code == 404
    assert officer.get(letter_path(other, decision, "en", pdf=True)).status_code == 404
    assert officer.get(f"/officer/cases/{application.id}/decisions/999999/letter/en").status_code == 404


def test_a_missing_pdf_is_not_found(officer, db_session, make_user, app):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    letter = decisions.letters_for(db_session, decision)[0]
    with app.app_context():
        file_store(app).delete(letter.pdf_key)
    assert officer.get(letter_path(application, decision, "en", pdf=True)).status_code == 404


def test_only_officers_read_letters_here(sign_in_as, officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    applicant = sign_in_as(Role.APPLICANT)
    assert applicant.get(letter_path(application, decision, "en")).status_code == 403
    assert applicant.get(letter_path(application, decision, "en", pdf=True)).status_code == 403


def test_a_letter_can_be_rendered_again_the_same(officer, db_session, make_user, app):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    decision = the_decision(db_session, application)
    with app.test_request_context("/officer/"):
        again = render_letter(db_session, decision, application, "en")
    assert again == letter_for(db_session, decision, "en").html
