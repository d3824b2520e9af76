"""Reviews in the officer area: the list, taking or giving a review, and deciding it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.accounts import get_user
from portal.data.audit import events_for_subject
from portal.data.cases import handling_of
from portal.data.decision_models import Decision, DecisionLetter, ReviewRequest
from portal.data.decisions import open_assessment, proposal_for, record_decision, save_assessment
from portal.data.reviews import ReviewerNotAllowed, assign_reviewer, request_review
from portal.rules.determination import FIELDS, Confirmation, Findings, settle
from tests.integration.officer_decision_helpers import a_local_case, checklist_keys
from tests.integration.officer_helpers import page_text

#: A medical award, so the household (in the district since 2015) qualifies with band 2.
HIGH = Findings(medical_welfare="high", medical_awarded_on=dt.date(2026, 1, 1))


def determine(db_session: Any, application: Any, officer: Any, findings: Findings | None, **changes: Any) -> Decision:
    """A first decision made through the data layer: the rules' proposal, with any ``changes`` as overrides."""
    today = dt.date.today()
    assessment = open_assessment(db_session, application, officer)
    if findings is not None:
        save_assessment(
            db_session,
            assessment,
            officer=officer,
            expected_version=assessment.version,
            findings=findings,
            confirmations={},
            checklist=[],
        )
    worked = proposal_for(db_session, application, findings, today)
    confirmations = {name: Confirmation(worked.proposal.fields[name].value, False) for name in FIELDS}
    for name, value in changes.items():
        confirmations[name] = Confirmation(value, True, f"The officer's reason for the {name}.")
    ticked = [factor.key for factor in worked.checklist]
    settled = settle(worked.proposal, confirmations, ticked, worked.checklist, worked.findings, today=today)
    assert not isinstance(settled, tuple), settled
    return record_decision(
        db_session,
        application,
        officer=officer,
        expected_version=application.version,
        settled=settled,
        kind="initial",
        assessment=assessment,
        review_days=21,
        today=today,
    )


def reviewed_case(
    db_session: Any, make_user: Any, decider: Any, findings: Findings | None = HIGH, **changes: Any
) -> tuple[Any, Decision, ReviewRequest]:
    """A case decided by ``decider`` whose applicant has asked for a review."""
    application = a_local_case(db_session, make_user)
    decision = determine(db_session, application, decider, findings, **changes)
    applicant = get_user(db_session, application.user_id)
    review = request_review(
        db_session, application, decision, applicant=applicant, reasons="The band is wrong.", today=dt.date.today()
    )
    db_session.flush()
    return application, decision, review


def form_values(html: str) -> dict[str, Any]:
    """What a browser would send from the page's form as it stands (the first form with a submit button)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select("form[method=post]")[-1]
    values: dict[str, Any] = {}
    for field in form.select("input, textarea"):
        name = field.get("name")
        if not name or field.get("type") == "submit":
            continue
        if field.get("type") in ("radio", "checkbox") and not field.has_attr("checked"):
            continue
        value = field.get_text() if field.name == "textarea" else field.get("value", "")
        values.setdefault(name, []).append(value)
    return values


@pytest.fixture
def people(sign_in_as):
    return {
        "decider": sign_in_as(Role.SENIOR_OFFICER, full_name="Dee Cider"),
        "senior": sign_in_as(Role.SENIOR_OFFICER, full_name="Sam Senior"),
        "officer": sign_in_as(Role.OFFICER, full_name="Olu Officer"),
        "admin": sign_in_as(Role.ADMIN, full_name="Ada Admin"),
    }


def take(client: Any, review: ReviewRequest) -> Any:
    # A plain officer's page has no form, so the token comes from their account page.
    return client.post_form(f"/officer/reviews/{review.id}", {"action": "take"}, token_from="/account")


def test_any_officer_sees_the_open_reviews(db_session, make_user, people):
    application, _decision, review = reviewed_case(db_session, make_user, people["decider"].user)
    text = page_text(people["officer"], "/officer/reviews")
    assert application.applicant.full_name in text and application.reference in text
    assert "Nobody yet" in text and "Waiting for a reviewer" in text
    page = page_text(people["officer"], f"/officer/reviews/{review.id}")
    assert "The band is wrong." in page
    assert "Only a senior officer or an administrator can review a decision." in page
    assert f'href="/officer/cases/{application.id}/decisions/{_decision.id}/letter/en"' in page


def test_applicants_cannot_see_reviews(db_session, make_user, people, sign_in_as):
    _application, _decision, review = reviewed_case(db_session, make_user, people["decider"].user)
    applicant = sign_in_as(Role.APPLICANT)
    assert applicant.get("/officer/reviews").status_code == 403
    assert applicant.get(f"/officer/reviews/{review.id}").status_code == 403


def test_a_plain_officer_cannot_take_or_decide_a_review(db_session, make_user, people):
    _application, _decision, review = reviewed_case(db_session, make_user, people["decider"].user)
    officer = people["officer"]
    assert take(officer, review).status_code == 403
    assert officer.get(f"/officer/reviews/{review.id}/decide").status_code == 403
    db_session.expire_all()
    assert review.reviewer_id is None


def test_the_officer_who_decided_cannot_review(db_session, make_user, people):
    _application, _decision, review = reviewed_case(db_session, make_user, people["decider"].user)
    decider = people["decider"]
    page = page_text(decider, f"/officer/reviews/{review.id}")
    assert "You made the decision under review, so you cannot review it." in page
    response = take(decider, review)
    assert response.status_code == 200
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "You made the decision under review" in soup.select_one(".govuk-error-summary").get_text()
    db_session.expire_all()
    assert review.reviewer_id is None
    with pytest.raises(ReviewerNotAllowed):
        assign_reviewer(db_session, review, decider.user, by=people["senior"].user)
    with pytest.raises(ReviewerNotAllowed):
        assign_reviewer(db_session, review, people["officer"].user, by=people["senior"].user)
    # Nor can they be given it by someone else through the page.
    other = people["senior"].post_form(
        f"/officer/reviews/{review.id}", {"action": "assign", "reviewer": str(decider.user.id)}
    )
    assert other.status_code == 200 and "Choose a senior officer who did not make the decision" in other.get_data(
        as_text=True
    )
    assert people["decider"].get(f"/officer/reviews/{review.id}/decide").status_code == 403


def test_a_senior_officer_gives_the_review_to_another(db_session, make_user, people):
    application, _decision, review = reviewed_case(db_session, make_user, people["decider"].user)
    admin = people["admin"]
    page = admin.get(f"/officer/reviews/{review.id}").get_data(as_text=True)
    options = [o.get_text() for o in BeautifulSoup(page, "html.parser").select("select[name=reviewer] option")]
    assert "Sam Senior" in options and "Ada Admin" in options
    assert "Dee Cider" not in options and "Olu Officer" not in options
    response = admin.post_form(
        f"/officer/reviews/{review.id}", {"action": "assign", "reviewer": str(people["senior"].user.id)}
    )
    assert response.status_code == 302
    db_session.expire_all()
    assert review.reviewer_id == people["senior"].user.id and review.status == "assigned"
    assert "Sam Senior" in page_text(people["officer"], "/officer/reviews")
    events = [e for e in events_for_subject(db_session, "application", application.id) if e.action == "review.assigned"]
    assert events and events[-1].actor_id == admin.user.id


def decide_form(client: Any, review: ReviewRequest) -> tuple[str, dict[str, Any]]:
    """The decide page's form as it starts, and the path to post it to; ``values["all_factors"]`` lists the checklist."""
    path = f"/officer/reviews/{review.id}/decide"
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return path, {**form_values(html), "all_factors": checklist_keys(html)}


def test_a_review_that_changes_the_band(db_session, make_user, people, outbox):
    senior = people["senior"]
    application, original, review = reviewed_case(db_session, make_user, people["decider"].user)
    assert take(senior, review).status_code == 302
    path, values = decide_form(senior, review)
    assert values["band"] == [str(original.band)]
    new_band = 1 if original.band != 1 else 2
    values.update(band=[str(new_band)], band_reason=["The damp is a Category 1 hazard."])
    # The checklist must be ticked and a summary written.
    missing = senior.post(path, data={**values, "all_factors": [], "checklist": [], "summary": ""})
    errors = BeautifulSoup(missing.get_data(as_text=True), "html.parser").select_one(".govuk-error-summary").get_text()
    assert "Tick every item on the checklist" in errors and "Write a summary" in errors
    values.update(
        checklist=values.pop("all_factors"), summary=["We looked at the damp again and it is worse than we thought."]
    )
    response = senior.post(path, data=values)
    assert response.status_code == 302, response.get_data(as_text=True)
    db_session.expire_all()
    assert review.status == "decided" and review.outcome == "changed"
    made = db_session.get(Decision, review.outcome_decision_id)
    assert made.kind == "review" and made.band == new_band and made.review_by is None
    assert made.decided_by_id == senior.user.id
    assert made.reasons[0] == {
        "officer": "We looked at the damp again and it is worse than we thought.",
        "field": "review",
    }
    assert made.overrides["band"]["reason"] == "The damp is a Category 1 hazard."
    letters = list(db_session.scalars(select(DecisionLetter).where(DecisionLetter.decision_id == made.id)))
    assert [letter.locale for letter in letters] == ["en"]
    assert application.stage == "active"
    stages = [(c.from_stage, c.to_stage) for c in application.status_changes][-2:]
    assert stages == [("active", "under_review"), ("under_review", "active")]
    actions = [e.action for e in events_for_subject(db_session, "application", application.id)]
    for action in ("review.requested", "review.assigned", "decision.made", "review.decided"):
        assert action in actions
    assert [m["To"] for m in outbox()] == [get_user(db_session, application.user_id).email]
    assert "Changed" in page_text(senior, f"/officer/reviews/{review.id}")
    assert application.reference not in page_text(senior, "/officer/reviews")


def test_an_upheld_review(db_session, make_user, people):
    admin = people["admin"]
    application, original, review = reviewed_case(db_session, make_user, people["decider"].user)
    assert take(admin, review).status_code == 302
    path, values = decide_form(admin, review)
    values.update(
        checklist=values.pop("all_factors"), summary=["We looked again. The band is right for your household."]
    )
    response = admin.post(path, data=values)
    assert response.status_code == 302
    db_session.expire_all()
    assert review.outcome == "upheld"
    made = db_session.get(Decision, review.outcome_decision_id)
    assert (made.outcome, made.band, made.bedroom_need, made.priority_date) == (
        original.outcome,
        original.band,
        original.bedroom_need,
        original.priority_date,
    )
    assert application.stage == "active"
    assert admin.get(path).status_code == 302  # decided: back to the review page


def test_a_review_of_a_does_not_qualify_decision_on_a_closed_case(db_session, make_user, people):
    senior = people["senior"]
    application, original, review = reviewed_case(db_session, make_user, people["decider"].user, findings=None)
    assert original.outcome == "does_not_qualify" and original.band is None
    stages = [(c.from_stage, c.to_stage) for c in application.status_changes][-2:]
    assert stages == [("being_assessed", "closed"), ("closed", "under_review")]
    assert take(senior, review).status_code == 302
    path, values = decide_form(senior, review)
    assert (values["qualification"], values["band"]) == (["no"], ["none"])
    # The reviewer finds the household does qualify: each change needs its reason.
    values.update(qualification=["yes"], band=["3"], priority_date=["20", "11", "2026"])
    values.update(checklist=values.pop("all_factors"), summary=["Your son's needs mean you do qualify."])
    missing = senior.post(path, data=values)
    errors = BeautifulSoup(missing.get_data(as_text=True), "html.parser").select_one(".govuk-error-summary").get_text()
    for noun in ("qualification decision", "band", "priority date"):
        assert f"Give a reason for changing the {noun}" in errors
    values.update(
        qualification_reason=["He cannot manage stairs."],
        band_reason=["His needs are medium."],
        priority_date_reason=["The date we got your application."],
    )
    response = senior.post(path, data=values)
    assert response.status_code == 302, response.get_data(as_text=True)
    db_session.expire_all()
    assert review.outcome == "changed"
    made = db_session.get(Decision, review.outcome_decision_id)
    assert (made.outcome, made.band, made.priority_date) == ("joins", 3, dt.date(2026, 11, 20))
    assert application.stage == "active"
    assert [(c.from_stage, c.to_stage) for c in application.status_changes][-1] == ("under_review", "active")


def test_a_conflict_saves_nothing(db_session, make_user, people):
    senior = people["senior"]
    application, _original, review = reviewed_case(db_session, make_user, people["decider"].user)
    assert take(senior, review).status_code == 302
    path, values = decide_form(senior, review)
    values.update(
        checklist=values.pop("all_factors"),
        summary=["Looked again."],
        expected_version=[str(application.version - 1)],
    )
    response = senior.post(path, data=values)
    assert response.status_code == 409
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "Nothing you entered on that page has been saved" in soup.select_one("#conflict").get_text()
    assert soup.select_one("textarea[name=summary]").get_text().strip() == "Looked again."
    db_session.expire_all()
    assert review.status == "assigned" and application.stage == "under_review"


def test_a_sensitive_case_is_restricted_in_the_list(db_session, make_user, people):
    application, _decision, review = reviewed_case(db_session, make_user, people["decider"].user)
    handling_of(db_session, application).sensitive = True
    db_session.flush()
    soup = BeautifulSoup(people["senior"].get("/officer/reviews").get_data(as_text=True), "html.parser")
    row = soup.select_one("#reviews tbody tr").get_text(" ", strip=True)
    assert "Restricted case" in row and application.reference in row
    assert application.applicant.full_name not in row
    assert soup.select_one("#reviews tbody a") is None
    assert people["senior"].get(f"/officer/reviews/{review.id}").status_code == 403
