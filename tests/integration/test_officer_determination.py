"""The determination: the summary, making the decision (stage, decision, audit, letters, email),
the outcomes that close a case, reassessment, and two officers deciding at once."""

from __future__ import annotations

import datetime as dt

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select, text

from portal.auth.roles import Role
from portal.data import decisions
from portal.data.decision_models import CaseAssessment, Decision, DecisionLetter
from portal.data.models import AuditEvent
from portal.rules.determination.settle import Settled
from tests.conftest import link_in
from tests.integration.officer_decision_helpers import (
    a_local_case,
    assess,
    date_parts,
    decide,
    decisions_path,
    determination_path,
    form_values,
    page_words,
    post_page,
)
from tests.integration.officer_helpers import a_case

AWARDED = dt.date.today() - dt.timedelta(days=10)
HIGH = {"medical_welfare": "high", "medical_awarded_on": date_parts(AWARDED)}


def decisions_of(db_session, application):
    db_session.expire_all()
    return list(db_session.scalars(select(Decision).where(Decision.application_id == application.id)))


def events_on(db_session, application):
    query = (
        select(AuditEvent)
        .where(AuditEvent.subject_type == "application", AuditEvent.subject_id == str(application.id))
        .order_by(AuditEvent.id)
    )
    return list(db_session.scalars(query))


@pytest.fixture
def officer(sign_in_as):
    return sign_in_as(Role.OFFICER, full_name="Olu Officer")


def test_the_determination_page_sums_up_what_will_be_decided(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    assess(officer, application, findings=HIGH)
    text = page_words(officer, determination_path(application))
    assert "What will be decided" in text
    assert "Outcome Joins the register" in text
    assert "Band Band 2" in text
    assert "Review can be asked for until" in text
    assert "Make this decision" in text
    assert "First decision." in text
    assert decisions_of(db_session, application) == []  # looking decides nothing


def test_making_the_decision(app, officer, db_session, make_user, outbox):
    application = a_local_case(db_session, make_user)
    application.locale = "pl"
    db_session.flush()
    response = decide(officer, application, findings=HIGH)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(decisions_path(application))

    [decision] = decisions_of(db_session, application)
    assert (decision.kind, decision.outcome, decision.eligible, decision.qualifies) == ("initial", "joins", True, True)
    assert decision.band == 2
    assert decision.local_connection is True
    assert decision.registration_date == application.received_on
    assert decision.priority_date == application.received_on
    assert decision.review_by == dt.date.today() + dt.timedelta(days=21)
    assert decision.decided_by_id == officer.user.id
    assert decision.overrides == {}
    assert any("message" in reason for reason in decision.reasons)
    assert application.stage == "active"
    assessment = db_session.get(CaseAssessment, decision.assessment_id)
    assert assessment.status == "determined"

    actions = [event.action for event in events_on(db_session, application)]
    assert actions[-3:] == ["application.stage_changed", "decision.made", "decision.letters_issued"]
    made = next(event for event in events_on(db_session, application) if event.action == "decision.made")
    assert made.actor_id == officer.user.id
    assert made.details["decision_id"] == decision.id
    assert made.details["band"] == 2

    letters = db_session.scalars(select(DecisionLetter).where(DecisionLetter.decision_id == decision.id)).all()
    assert sorted(letter.locale for letter in letters) == ["en", "pl"]

    [email] = outbox()  # in the application's language, Polish
    with app.test_request_context(), force_locale("pl"):
        subject = gettext("We have made a decision about your housing application")
    assert subject != "We have made a decision about your housing application"
    assert email["Subject"] == subject
    assert link_in(email).endswith("/apply/decisions")

    text = page_words(officer, decisions_path(application))
    assert "Decision made. We have emailed the applicant to say their letter is ready." in text
    assert "Joins the register" in text
    assert "English letter" in text and "Polish letter" in text
    assert "Olu Officer" in text


def test_the_email_goes_to_the_applicant(officer, db_session, make_user, outbox):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    [email] = outbox()
    from portal.data.models import User

    applicant = db_session.get(User, application.user_id)
    assert email["To"] == applicant.email
    assert applicant.full_name in email.get_body().get_content()


def test_a_household_that_does_not_qualify_is_closed(officer, db_session, make_user):
    application = a_case(db_session, make_user)  # no local connection, no housing need
    response = decide(officer, application)
    assert response.status_code == 302
    [decision] = decisions_of(db_session, application)
    assert (decision.outcome, decision.qualifies, decision.band, decision.priority_date) == (
        "does_not_qualify",
        False,
        None,
        None,
    )
    assert application.stage == "closed"
    assert application.closed_reason == "Does not qualify"


def test_an_officer_can_find_a_household_not_eligible(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    reason = "Your visa does not let you get council housing at the moment."
    response = decide(
        officer,
        application,
        findings=HIGH,
        eligibility_choice="override",
        eligibility_value="no",
        eligibility_reason=reason,
    )
    assert response.status_code == 302
    [decision] = decisions_of(db_session, application)
    assert (decision.outcome, decision.eligible, decision.qualifies, decision.band) == (
        "not_eligible",
        False,
        None,
        None,
    )
    assert decision.overrides["eligibility"] == {"proposed": True, "decided": False, "reason": reason}
    assert {"officer": reason, "field": "eligibility"} in decision.reasons
    assert application.stage == "closed"
    made = next(event for event in events_on(db_session, application) if event.action == "decision.made")
    assert made.details["overrides"]["eligibility"]["reason"] == reason


def test_a_decision_not_ready_is_not_made(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    post_page(officer, f"/officer/cases/{application.id}/assessment", HIGH, "save")
    text = page_words(officer, determination_path(application))
    assert "The assessment is not ready for a decision yet" in text
    assert "Confirm or change the band" in text
    token = officer.csrf_token("/account")
    assessment = decisions.current_assessment(db_session, application)
    response = officer.post(
        determination_path(application),
        data={"csrf_token": token, "version": str(application.version), "assessment_version": str(assessment.version)},
    )
    assert response.status_code == 200
    assert decisions_of(db_session, application) == []
    assert application.stage == "being_assessed"


def test_no_assessment_no_determination(officer, db_session, make_user):
    application = a_case(db_session, make_user)
    assert "There is no assessment of this case waiting for a decision" in page_words(
        officer, determination_path(application)
    )
    token = officer.csrf_token("/account")
    response = officer.post(determination_path(application), data={"csrf_token": token, "version": "1"})
    assert response.status_code in (200, 409)
    assert decisions_of(db_session, application) == []


def test_two_officers_deciding_at_once(sign_in_as, officer, db_session, make_user, outbox):
    application = a_local_case(db_session, make_user)
    assess(officer, application, findings=HIGH)
    other = sign_in_as(Role.SENIOR_OFFICER)
    first = form_values(officer.get(determination_path(application)).get_data(as_text=True))
    second = form_values(other.get(determination_path(application)).get_data(as_text=True))
    assert {k: v for k, v in first.items() if k != "csrf_token"} == {
        k: v for k, v in second.items() if k != "csrf_token"
    }

    assert officer.post(determination_path(application), data=first).status_code == 302
    response = other.post(determination_path(application), data=second)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    text = " ".join(html.split())
    assert "Another officer changed this case after you opened the determination page." in text
    assert "Nothing you entered on that page has been saved." in text
    assert f'href="{determination_path(application)}"' in html
    [decision] = decisions_of(db_session, application)
    assert decision.decided_by_id == officer.user.id
    assert len(outbox()) == 1
    assert [e.action for e in events_on(db_session, application)].count("decision.made") == 1


@pytest.mark.parametrize(
    "tampered",
    [
        {"version": "0"},
        {"version": "abc"},
        {"assessment_version": "999"},
        {"assessment_version": ""},
        {"version": "9" * 30},
    ],
)
def test_a_tampered_version_decides_nothing(officer, db_session, make_user, tampered):
    application = a_local_case(db_session, make_user)
    assess(officer, application, findings=HIGH)
    response = post_page(officer, determination_path(application), tampered)
    assert response.status_code == 409
    assert decisions_of(db_session, application) == []
    assert application.stage == "being_assessed"


def test_a_change_to_the_application_meanwhile_is_a_conflict(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    assess(officer, application, findings=HIGH)
    values = form_values(officer.get(determination_path(application)).get_data(as_text=True))
    db_session.refresh(application)
    application.answers = {**application.answers, "money": {**application.answers["money"], "savings": "900"}}
    db_session.flush()  # the applicant told us about a change: the application's version moves
    assert officer.post(determination_path(application), data=values).status_code == 409
    assert decisions_of(db_session, application) == []


def test_a_row_changed_under_us_is_a_conflict(db_session, make_user, app):
    """If another transaction moved the application after it was read, the flush finds it and nothing is kept."""
    application = a_local_case(db_session, make_user)
    officer = make_user(Role.OFFICER)
    application.stage = "being_assessed"
    db_session.flush()
    settled = Settled(
        outcome="does_not_qualify",
        eligible=True,
        qualifies=False,
        local_connection=True,
        bedroom_need=2,
        band=None,
        priority_date=None,
        registration_date=application.received_on,
        overrides={},
        reasons=(),
    )
    version = application.version
    db_session.execute(text("UPDATE applications SET version = version + 1 WHERE id = :id"), {"id": application.id})
    with pytest.raises(decisions.CaseChanged):
        decisions.record_decision(
            db_session,
            application,
            officer=officer,
            expected_version=version,
            settled=settled,
            kind="initial",
            review_days=21,
            today=dt.date.today(),
        )
    db_session.rollback()


def test_a_reassessment_after_a_decision(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings={"medical_welfare": "medium", "medical_awarded_on": date_parts(AWARDED)})
    db_session.refresh(application)
    assert application.stage == "active"
    # The reassessment starts from the findings of the last decision.
    values = form_values(officer.get(f"/officer/cases/{application.id}/assessment").get_data(as_text=True))
    assert values["medical_welfare"] == "medium"
    assert values["medical_awarded_on"] == date_parts(AWARDED)
    assert "checklist" not in values  # but the checklist is ticked afresh
    # Things got worse: the officer reassesses with a high award.
    response = decide(officer, application, findings=HIGH)
    assert response.status_code == 302
    first, second = sorted(decisions_of(db_session, application), key=lambda d: d.id)
    assert (first.kind, first.band) == ("initial", 3)
    assert (second.kind, second.band) == ("reassessment", 2)
    assert first.priority_date == application.received_on
    assert second.priority_date == dt.date.today()  # moved up a band: the date of the change (scheme rule 8 PD-2)
    assert application.stage == "active"
    actions = [event.action for event in events_on(db_session, application)]
    assert actions.count("decision.made") == 2
    text = page_words(officer, decisions_path(application))
    assert text.index("Reassessment") < text.index("First decision")  # newest first


def test_decisions_are_scoped_to_their_applicant(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    decide(officer, application, findings=HIGH)
    [decision] = decisions_of(db_session, application)
    assert decisions.decision_for_user(db_session, application.user_id, decision.id) == decision
    assert decisions.decision_for_user(db_session, officer.user.id, decision.id) is None
    assert decisions.latest_decision(db_session, application) == decision
    assert decisions.decisions_for(db_session, application) == [decision]
