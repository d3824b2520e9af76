"""Asking for a review of a decision: the form, the confirmation and email, and when it cannot be asked."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.data.audit import events_for_subject
from portal.data.decision_models import ReviewRequest
from portal.data.reviews import ReviewNotAllowed, request_review
from tests.integration.officer_helpers import page_text
from tests.integration.test_apply_decisions import a_decision, decided

REASONS = "My daughter has asthma and the damp makes it worse.\nThe doctor's letter says so."


def requests_for(db_session, application):
    db_session.expire_all()
    return list(db_session.scalars(select(ReviewRequest).where(ReviewRequest.application_id == application.id)))


def test_the_form_asks_why_and_says_by_when(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user)
    text = page_text(client, f"/apply/decisions/{decision.id}/review")
    assert "Why do you think our decision is wrong?" in text
    assert "you can send them to us too" in text
    assert "We will tell you what we decide within 8 weeks." in text
    assert "You need to ask by" in text


def test_an_empty_or_too_long_answer_is_explained_and_kept(app, db_session, make_user):
    client, application, decision = decided(app, db_session, make_user)
    path = f"/apply/decisions/{decision.id}/review"
    empty = client.post_form(path, {"reasons": "  "})
    assert empty.status_code == 200
    page = BeautifulSoup(empty.get_data(as_text=True), "html.parser")
    assert "Tell us why you think our decision is wrong" in page.select_one(".govuk-error-summary").get_text()
    too_long = client.post_form(path, {"reasons": "x" * 5001})
    page = BeautifulSoup(too_long.get_data(as_text=True), "html.parser")
    assert "Your answer must be 5000 characters or fewer" in page.select_one(".govuk-error-summary").get_text()
    assert page.select_one("textarea[name=reasons]").get_text().strip() == "x" * 5001
    assert requests_for(db_session, application) == []
    assert application.stage == "active"


def test_asking_for_a_review(app, db_session, make_user, outbox):
    client, application, decision = decided(app, db_session, make_user)
    response = client.post_form(f"/apply/decisions/{decision.id}/review", {"reasons": REASONS})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/apply/decisions/{decision.id}/review/sent")
    [review] = requests_for(db_session, application)
    assert review.reasons == REASONS and review.status == "waiting" and review.requested_by_id == client.user.id
    assert application.stage == "under_review"
    actions = [event.action for event in events_for_subject(db_session, "application", application.id)]
    assert "review.requested" in actions
    decide_by = review.requested_at.date() + dt.timedelta(weeks=8)
    in_words = f"{decide_by.day} {decide_by:%B} {decide_by.year}"
    sent = page_text(client, f"/apply/decisions/{decision.id}/review/sent")
    assert "We have your request" in sent and application.reference in sent
    assert f"We will tell you what we decide by {in_words}." in sent
    [message] = outbox()
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert message["To"] == client.user.email
    assert message["Subject"] == "We have your request to look at our decision again"
    assert in_words in body and application.reference in body
    assert f"/apply/decisions/{decision.id}/review/sent" in body
    status = page_text(client, "/apply/status")
    assert "You asked us to look at this decision again" in status


def test_the_email_is_in_the_applicants_language(app, db_session, make_user, outbox):
    client, _application, decision = decided(app, db_session, make_user)
    client.get("/apply/status?lang=pl")
    response = client.post_form(f"/apply/decisions/{decision.id}/review", {"reasons": REASONS})
    assert response.status_code == 302
    [message] = outbox()
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert f"Dzień dobry, {client.user.full_name}!" in body and "Co dalej" in body


def test_a_review_cannot_be_asked_for_twice(app, db_session, make_user):
    client, application, decision = decided(app, db_session, make_user)
    path = f"/apply/decisions/{decision.id}/review"
    assert client.post_form(path, {"reasons": REASONS}).status_code == 302
    again = client.get(path)
    assert again.status_code == 302 and again.headers["Location"].endswith(f"{path}/sent")
    token = client.csrf_token("/account")
    client.post(path, data={"reasons": "Again", "csrf_token": token})
    assert len(requests_for(db_session, application)) == 1


def test_after_the_deadline_the_applicant_is_told_kindly(app, db_session, make_user):
    yesterday = dt.date.today() - dt.timedelta(days=1)
    client, application, decision = decided(app, db_session, make_user, review_by=yesterday)
    path = f"/apply/decisions/{decision.id}/review"
    page = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    assert page.select_one("#refused-too_late") is not None
    text = page.get_text(" ", strip=True)
    assert "The time to ask us to look at this decision again ended on" in text
    assert "please contact us" in text
    assert page.select_one('a[href="/contact"]') is not None
    assert page.select_one("textarea") is None
    token = client.csrf_token("/account")
    client.post(path, data={"reasons": REASONS, "csrf_token": token})
    assert requests_for(db_session, application) == []
    assert "Ask us to look at this decision again" not in page_text(client, f"/apply/decisions/{decision.id}")


def test_the_last_day_is_still_in_time(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user, review_by=dt.date.today())
    assert "Why do you think our decision is wrong?" in page_text(client, f"/apply/decisions/{decision.id}/review")


def test_a_decision_made_on_review_cannot_be_reviewed_again(app, db_session, make_user):
    client, application, _first = decided(app, db_session, make_user)
    second = a_decision(db_session, app, application, kind="review")
    page = BeautifulSoup(client.get(f"/apply/decisions/{second.id}/review").get_data(as_text=True), "html.parser")
    assert page.select_one("#refused-review_decision") is not None
    assert "Shelter or Citizens Advice" in page.get_text()


def test_only_the_latest_decision_can_be_reviewed(app, db_session, make_user):
    client, application, first = decided(app, db_session, make_user)
    newer = a_decision(db_session, app, application, kind="reassessment", band=2)
    page = BeautifulSoup(client.get(f"/apply/decisions/{first.id}/review").get_data(as_text=True), "html.parser")
    assert page.select_one("#refused-not_latest") is not None
    assert page.select_one(f'a[href="/apply/decisions/{newer.id}"]') is not None


def test_a_closed_application_can_ask_for_a_review(app, db_session, make_user):
    client, application, decision = decided(app, db_session, make_user, outcome="does_not_qualify")
    assert application.stage == "closed"
    assert "Ask us to look at this decision again by" in page_text(client, "/apply/status")
    assert client.post_form(f"/apply/decisions/{decision.id}/review", {"reasons": REASONS}).status_code == 302
    db_session.expire_all()
    assert application.stage == "under_review"
    assert [(c.from_stage, c.to_stage) for c in application.status_changes][-1] == ("closed", "under_review")


def test_the_data_layer_refuses_too(app, db_session, make_user):
    client, application, decision = decided(app, db_session, make_user, review_by=dt.date(2026, 1, 1))
    for today, why in ((dt.date(2026, 1, 2), "too_late"),):
        try:
            request_review(db_session, application, decision, applicant=client.user, reasons="x", today=today)
        except ReviewNotAllowed as refused:
            assert refused.why == why
        else:
            raise AssertionError("a late review was allowed")
    review = request_review(
        db_session, application, decision, applicant=client.user, reasons="Wrong", today=dt.date(2026, 1, 1)
    )
    assert review.status == "waiting"
