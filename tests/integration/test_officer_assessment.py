"""The assessment page: the proposal with its facts and reasons, findings, confirmations and overrides,
the checklist, saving a draft, and bad input that never gives a server error."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.decision_models import CaseAssessment
from portal.data.models import AuditEvent
from portal.rules.determination.proposal import FIELDS
from tests.integration.officer_decision_helpers import (
    a_local_case,
    assess,
    assessment_path,
    checklist_keys,
    date_parts,
    determination_path,
    everything_confirmed,
    form_values,
    page_words,
    post_page,
    save_findings,
)
from tests.integration.officer_helpers import a_case, page_text

AWARDED = dt.date.today() - dt.timedelta(days=10)


def assessments_of(db_session, application):
    db_session.expire_all()
    query = select(CaseAssessment).where(CaseAssessment.application_id == application.id)
    return list(db_session.scalars(query))


def actions_on(db_session, application):
    query = (
        select(AuditEvent.action)
        .where(AuditEvent.subject_type == "application", AuditEvent.subject_id == str(application.id))
        .order_by(AuditEvent.id)
    )
    return list(db_session.scalars(query))


def proposed(html: str, field: str) -> str:
    found = BeautifulSoup(html, "html.parser").find(id=f"proposed-{field}")
    assert found is not None, field
    return found.get_text(strip=True)


def error_messages(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    summary = soup.find(class_="govuk-error-summary")
    return [" ".join(item.get_text(" ", strip=True).split()) for item in summary.find_all("li")] if summary else []


@pytest.fixture
def officer(sign_in_as):
    return sign_in_as(Role.OFFICER, full_name="Olu Officer")


def test_the_page_shows_each_proposed_field_with_its_facts_and_reasons(officer, db_session, make_user):
    application = a_case(db_session, make_user)
    response = officer.get(assessment_path(application))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert proposed(html, "eligibility") == "Eligible"
    assert proposed(html, "qualification") == "Does not qualify"
    assert proposed(html, "local_connection") == "Not met"
    assert proposed(html, "band") == "No band"
    text = " ".join(html.split())
    assert "The household is eligible to join the housing register. Scheme rule 3." in text
    assert "You do not have a local connection to the area yet, and no exemption applies. Scheme rule 4.1 Q6." in text
    soup = BeautifulSoup(html, "html.parser")
    assert "Omar Haddad (Partner)" in soup.find(id="facts-eligibility").get_text()
    assert "£18,500.00" in soup.find(id="facts-qualification").get_text()
    assert "Lina Haddad (Child)" in soup.find(id="facts-bedroom_need").get_text()
    assert "Registration date" in soup.find(id="facts-priority_date").get_text()
    for field in FIELDS:
        assert soup.find(id=f"reasons-{field}") is not None
    keys = checklist_keys(html)
    assert {"identity_household", "immigration_eligibility", "local_connection", "medical_welfare"} <= set(keys)
    assert "Nobody has started assessing this case yet" in text
    # Looking is not starting: nothing is written and the stage stays.
    assert assessments_of(db_session, application) == []
    assert application.stage == "submitted"


def test_saving_findings_opens_the_assessment_moves_the_case_and_is_audited(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    response = save_findings(
        officer, application, medical_welfare="high", medical_awarded_on=date_parts(AWARDED), flags=["move_on_ready"]
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(assessment_path(application))
    [assessment] = assessments_of(db_session, application)
    assert assessment.status == "open"
    assert assessment.findings["medical_welfare"] == "high"
    assert assessment.findings["medical_awarded_on"] == AWARDED.isoformat()
    assert assessment.findings["move_on_ready"] is True
    assert assessment.officer_id == officer.user.id
    assert application.stage == "being_assessed"
    actions = actions_on(db_session, application)
    assert actions[-3:] == ["application.stage_changed", "assessment.opened", "assessment.saved"]
    text = page_text(officer, assessment_path(application))
    assert "Assessment saved as a draft." in text
    assert "Draft assessment, last saved on" in text


def test_a_high_medical_award_changes_the_proposed_band(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    html = officer.get(assessment_path(application)).get_data(as_text=True)
    assert proposed(html, "qualification") == "Does not qualify"  # no housing need yet
    assert proposed(html, "band") == "No band"

    save_findings(officer, application, medical_welfare="medium", medical_awarded_on=date_parts(AWARDED))
    html = officer.get(assessment_path(application)).get_data(as_text=True)
    assert proposed(html, "qualification") == "Qualifies"
    assert proposed(html, "band") == "Band 3"

    save_findings(officer, application, medical_welfare="high", medical_awarded_on=date_parts(AWARDED))
    html = officer.get(assessment_path(application)).get_data(as_text=True)
    assert proposed(html, "band") == "Band 2"
    reasons = BeautifulSoup(html, "html.parser").find(id="reasons-band").get_text(" ", strip=True)
    assert "7.1" in reasons  # the band's reasons cite the scheme's reason codes
    assert "medical" in reasons.lower()


def test_a_draft_keeps_everything(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    save_findings(officer, application, medical_welfare="high", medical_awarded_on=date_parts(AWARDED))
    keys = checklist_keys(officer.get(assessment_path(application)).get_data(as_text=True))
    changes = {
        "eligibility_choice": "confirm",
        "band_choice": "override",
        "band_value": "1",
        "band_reason": "Your doctor's letter shows you need to move very soon.",
        "bedroom_need_choice": "override",
        "bedroom_need_value": "3",
        "bedroom_need_reason": "Your son needs a room of his own for his medical equipment.",
        "checklist": keys[:2],
    }
    response = post_page(officer, assessment_path(application), changes, "save")
    assert response.status_code == 302
    values = form_values(officer.get(assessment_path(application)).get_data(as_text=True))
    assert values["medical_welfare"] == "high"
    assert values["medical_awarded_on"] == date_parts(AWARDED)
    assert values["eligibility_choice"] == "confirm"
    assert values["band_choice"] == "override"
    assert values["band_value"] == "1"
    assert values["band_reason"] == "Your doctor's letter shows you need to move very soon."
    assert values["bedroom_need_value"] == "3"
    assert values["checklist"] == keys[:2]
    assert "qualification_choice" not in values  # nothing chosen yet
    [assessment] = assessments_of(db_session, application)
    assert assessment.confirmations["band"] == {
        "value": 1,
        "overridden": True,
        "reason": "Your doctor's letter shows you need to move very soon.",
    }
    assert assessment.confirmations["eligibility"] == {"value": True, "overridden": False, "reason": ""}


def test_an_override_without_a_reason_is_an_error_on_the_same_page_and_keeps_the_answers(
    officer, db_session, make_user
):
    application = a_local_case(db_session, make_user)
    changes = {
        "medical_welfare": "high",
        "medical_awarded_on": date_parts(AWARDED),
        "band_choice": "override",
        "band_value": "1",
        "band_reason": "  ",
        "bedroom_need_choice": "confirm",
    }
    response = post_page(officer, assessment_path(application), changes, "decide")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Give a reason for changing the band" in error_messages(html)
    assert BeautifulSoup(html, "html.parser").title.get_text().startswith("Error:")
    values = form_values(html)
    assert values["medical_welfare"] == "high"
    assert values["medical_awarded_on"] == date_parts(AWARDED)
    assert values["band_choice"] == "override"
    assert values["band_value"] == "1"
    assert values["bedroom_need_choice"] == "confirm"
    assert assessments_of(db_session, application) == []  # nothing saved from a form with a mistake in it


def test_an_incomplete_checklist_is_an_error_but_the_draft_is_kept(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    save_findings(officer, application, medical_welfare="high", medical_awarded_on=date_parts(AWARDED))
    changes = everything_confirmed(officer, application)
    changes["checklist"] = changes["checklist"][:1]
    response = post_page(officer, assessment_path(application), changes, "decide")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert error_messages(html) == ["Tick every item on the checklist before you decide"]
    assert form_values(html)["checklist"] == changes["checklist"][0]
    [assessment] = assessments_of(db_session, application)
    assert assessment.checklist == changes["checklist"][:1]
    assert set(assessment.confirmations) == set(FIELDS)
    # The determination page will not decide it either.
    text = page_text(officer, determination_path(application))
    assert "The assessment is not ready for a decision yet" in text


def test_a_complete_assessment_goes_on_to_the_determination(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    response = assess(
        officer,
        application,
        findings={"medical_welfare": "high", "medical_awarded_on": date_parts(AWARDED)},
        band_choice="override",
        band_value="1",
        band_reason="Your doctor's letter shows you need to move very soon.",
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(determination_path(application))
    text = page_words(officer, determination_path(application))
    assert "Joins the register" in text
    assert "Band 1" in text
    assert "Your doctor's letter shows you need to move very soon." in text


def test_a_confirmation_of_a_proposal_that_then_changed_must_be_given_again(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    save_findings(officer, application, medical_welfare="medium", medical_awarded_on=date_parts(AWARDED))
    changes = everything_confirmed(officer, application)  # band 3 on the page
    changes.update(medical_welfare="high")  # ...but the award changes in the same save
    response = post_page(officer, assessment_path(application), changes, "decide")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The proposed band changed after it was confirmed: check it and confirm it again" in error_messages(html)
    assert proposed(html, "band") == "Band 2"
    # Confirming again (the page now shows band 2) goes on.
    response = post_page(officer, assessment_path(application), {}, "decide")
    assert response.status_code == 302


def test_the_medical_award_needs_its_date(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    save_findings(officer, application, medical_welfare="high")
    changes = everything_confirmed(officer, application)
    response = post_page(officer, assessment_path(application), changes, "decide")
    assert response.status_code == 200
    assert "Enter the date of the medical award" in error_messages(response.get_data(as_text=True))


def test_two_officers_starting_the_same_assessment(sign_in_as, officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    other = sign_in_as(Role.OFFICER)
    first = form_values(officer.get(assessment_path(application)).get_data(as_text=True))
    second = form_values(other.get(assessment_path(application)).get_data(as_text=True))
    assert officer.post(assessment_path(application), data={**first, "save": "save"}).status_code == 302
    response = other.post(assessment_path(application), data={**second, "medical_welfare": "urgent", "save": "save"})
    assert response.status_code == 409
    text = " ".join(response.get_data(as_text=True).split())
    assert "Another officer changed this case after you opened the assessment page." in text
    assert "Nothing you entered on that page has been saved." in text
    assert f'href="{assessment_path(application)}"' in response.get_data(as_text=True)
    [assessment] = assessments_of(db_session, application)
    assert assessment.findings["medical_welfare"] == "none"


def test_a_closed_case_cannot_be_assessed(officer, db_session, make_user):
    application = a_case(db_session, make_user)
    application.stage = "closed"
    db_session.flush()
    assert "so it cannot be assessed now" in page_text(officer, assessment_path(application))
    token = officer.csrf_token("/account")
    response = officer.post(assessment_path(application), data={"csrf_token": token, "save": "save"})
    assert response.status_code == 200
    assert assessments_of(db_session, application) == []


def test_only_officers_open_the_assessment(sign_in_as, db_session, make_user):
    application = a_case(db_session, make_user)
    for role in (Role.APPLICANT, Role.SUPPORT_WORKER):
        assert sign_in_as(role).get(assessment_path(application)).status_code == 403
    assert sign_in_as(Role.SENIOR_OFFICER).get(assessment_path(application)).status_code == 200
    assert sign_in_as(Role.OFFICER).get("/officer/cases/999999/assessment").status_code == 404


BAD_INPUT = [
    {"medical_welfare": "extreme"},
    {"homelessness_duty": "made_up"},
    {"medical_awarded_on": ["31", "2", "2026"]},
    {"medical_awarded_on": ["x", "y", "z"]},
    {"medical_awarded_on": ["1", "", "2026"]},
    {"medical_awarded_on": ["1", "1", "3026"]},
    {"duty_date": ["99999999999", "1", "2026"]},
    {"medical_awarded_on": ["1"] * 12},
    {"flags": ["not_a_finding", "urgent_risk_of_harm"]},
    {"checklist": ["made_up_factor"]},
    {"band_choice": "override", "band_value": "7", "band_reason": "x"},
    {"band_choice": "maybe"},
    {"bedroom_need_choice": "override", "bedroom_need_value": "-1", "bedroom_need_reason": "x"},
    {"bedroom_need_choice": "override", "bedroom_need_value": "99999999999999", "bedroom_need_reason": "x"},
    {"bedroom_need_choice": "override", "bedroom_need_value": "two", "bedroom_need_reason": "x"},
    {"eligibility_choice": "override", "eligibility_value": "perhaps", "eligibility_reason": "x"},
    {"priority_date_choice": "override", "priority_date_value": ["30", "2", "2020"], "priority_date_reason": "x"},
    {"eligibility_choice": "override", "eligibility_value": "no", "eligibility_reason": "x" * 3000},
    {"eligibility_shown": "{not json"},
    {"surprise_field": "hello", "band_other": "1"},
    {"version": "abc"},
    {"version": "99"},
    {"version": ""},
    {"version": "1" * 40},
]


@pytest.mark.parametrize("button", ["save", "decide"])
@pytest.mark.parametrize("changes", BAD_INPUT, ids=[str(i) for i in range(len(BAD_INPUT))])
def test_bad_input_never_gives_a_server_error(officer, db_session, make_user, changes, button):
    application = a_local_case(db_session, make_user)
    response = post_page(officer, assessment_path(application), changes, button)
    assert response.status_code in (200, 302, 409), response.status_code
    if response.status_code == 200:
        assert error_messages(response.get_data(as_text=True))


def test_a_tampered_version_is_a_conflict_and_saves_nothing(officer, db_session, make_user):
    application = a_local_case(db_session, make_user)
    save_findings(officer, application, medical_welfare="medium", medical_awarded_on=date_parts(AWARDED))
    response = post_page(officer, assessment_path(application), {"version": "1", "medical_welfare": "urgent"}, "save")
    assert response.status_code == 409
    [assessment] = assessments_of(db_session, application)
    assert assessment.findings["medical_welfare"] == "medium"
