"""Referrals to partner teams and agencies: recording one, its outcome later, clear errors on the same page,
the audit trail, and who may open the pages."""

from __future__ import annotations

import datetime as dt
import html

from portal.auth.roles import Role
from portal.data.audit import events_for_subject
from portal.data.referrals import make_referral, referrals_for
from tests.integration.officer_helpers import a_case, page_text

TODAY = dt.date.today()
LAST_WEEK = TODAY - dt.timedelta(days=7)


def events(db_session, application, action):
    db_session.expire_all()
    return [event for event in events_for_subject(db_session, "application", application.id) if event.action == action]


def date_fields(name, when):
    return {name: [str(when.day), str(when.month), str(when.year)]}


def saved(db_session, application):
    db_session.expire_all()
    return referrals_for(db_session, application.id)


def test_an_officer_records_a_referral(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Rita Referrer")
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/referrals"
    assert "No referrals have been made for this case" in page_text(officer, path)
    data = {
        "partner": "childrens_social_care",
        "contact": "Jo Bloggs, MASH team",
        "reason": "School raised a concern about the children",
        **date_fields("referred_on", LAST_WEEK),
    }
    response = officer.post_form(path, data)
    assert response.status_code == 302 and response.headers["Location"].endswith(path)
    [referral] = saved(db_session, case)
    assert (referral.partner, referral.contact, referral.reason, referral.referred_on, referral.referred_by_id) == (
        "childrens_social_care",
        "Jo Bloggs, MASH team",
        "School raised a concern about the children",
        LAST_WEEK,
        officer.user.id,
    )
    assert referral.outcome is None
    page = html.unescape(page_text(officer, path))
    assert "Referral to Children's social care saved" in page
    assert "Jo Bloggs, MASH team" in page and "by Rita Referrer" in page and "Record the outcome" in page
    [event] = events(db_session, case, "referral.made")
    assert event.actor_id == officer.user.id
    assert event.details == {
        "referral_id": referral.id,
        "partner": "childrens_social_care",
        "referred_on": LAST_WEEK.isoformat(),
    }


def test_a_referral_needs_every_answer_and_a_real_past_date(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    path = f"/officer/cases/{case.id}/referrals"
    response = officer.post_form(path, {"partner": "", "contact": "", "reason": "", "referred_on": ["", "", ""]})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for message in (
        "There is a problem",
        "Choose the partner you referred to",
        "Enter the contact name or team",
        "Enter the reason for the referral",
        "Enter the date referred",
    ):
        assert message in page, message
    good = {"partner": "benefits", "contact": "Benefits team", "reason": "Help to claim"}
    for day, message in (
        (["31", "2", "2026"], "The date referred must be a real date"),
        (["", "2", "2026"], "The date referred must include a day"),
        (["1", "1", "26"], "The date referred must be a real date"),
        (
            [
                str((TODAY + dt.timedelta(days=2)).day),
                str((TODAY + dt.timedelta(days=2)).month),
                str((TODAY + dt.timedelta(days=2)).year),
            ],
            "The date referred must be today or in the past",
        ),
        (["1", "1", "1990"], "The date referred must be within the last 10 years"),
    ):
        response = officer.post_form(path, {**good, "referred_on": day})
        assert response.status_code == 200 and message in response.get_data(as_text=True), message
        # What was typed is kept.
        assert 'value="Benefits team"' in response.get_data(as_text=True)
    response = officer.post_form(path, {**good, "partner": "the_police", **date_fields("referred_on", TODAY)})
    assert response.status_code == 200 and "Choose the partner you referred to" in response.get_data(as_text=True)
    assert saved(db_session, case) == []
    assert events(db_session, case, "referral.made") == []


def test_an_officer_records_the_outcome_later_and_can_correct_it(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER, full_name="Omar Outcome")
    case = a_case(db_session, make_user)
    referral = make_referral(
        db_session,
        case,
        officer=make_user(Role.OFFICER),
        partner="environmental_health",
        contact="EH duty desk",
        reason="Damp and mould in the bedroom",
        referred_on=LAST_WEEK,
    )
    path = f"/officer/cases/{case.id}/referrals/{referral.id}"
    page = page_text(officer, path)
    assert "Referral outcome" in page and "Environmental health" in page and "Damp and mould" in page
    response = officer.post_form(path, {"outcome": "", "outcome_on": ["", "", ""]})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Enter the outcome of the referral" in page and "Enter the date of the outcome" in page
    before = LAST_WEEK - dt.timedelta(days=1)
    response = officer.post_form(path, {"outcome": "Inspected", **date_fields("outcome_on", before)})
    assert response.status_code == 200
    assert "The date of the outcome must be on or after the date referred" in response.get_data(as_text=True)
    assert saved(db_session, case)[0].outcome is None

    response = officer.post_form(path, {"outcome": "Category 1 hazard found", **date_fields("outcome_on", TODAY)})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/officer/cases/{case.id}/referrals")
    [kept] = saved(db_session, case)
    assert (kept.outcome, kept.outcome_on, kept.outcome_by_id) == ("Category 1 hazard found", TODAY, officer.user.id)
    page = page_text(officer, f"/officer/cases/{case.id}/referrals")
    assert "Outcome saved" in page and "Category 1 hazard found" in page and "Change the outcome" in page
    [event] = events(db_session, case, "referral.outcome")
    assert event.actor_id == officer.user.id
    assert event.details == {
        "referral_id": referral.id,
        "partner": "environmental_health",
        "outcome_on": TODAY.isoformat(),
    }

    # The form shows the outcome recorded, and a correction keeps the earlier one in the audit trail.
    page = officer.get(path).get_data(as_text=True)
    assert "Category 1 hazard found" in page and f'value="{TODAY.day}"' in page
    response = officer.post_form(path, {"outcome": "Hazard fixed by the landlord", **date_fields("outcome_on", TODAY)})
    assert response.status_code == 302
    later = events(db_session, case, "referral.outcome")[-1]
    assert later.details["earlier_outcome"] == "Category 1 hazard found"


def test_bad_referral_ids_are_not_found(sign_in_as, db_session, make_user):
    officer = sign_in_as(Role.OFFICER)
    case = a_case(db_session, make_user)
    other = a_case(db_session, make_user, full_name="Other Person", partner_status=None, child=False)
    theirs = make_referral(
        db_session,
        other,
        officer=officer.user,
        partner="fraud",
        contact="Fraud team",
        reason="Check",
        referred_on=TODAY,
    )
    assert officer.get(f"/officer/cases/{case.id}/referrals/999999").status_code == 404
    assert officer.get(f"/officer/cases/{case.id}/referrals/{theirs.id}").status_code == 404
    assert officer.get("/officer/cases/999999/referrals").status_code == 404


def test_applicants_cannot_open_referrals(sign_in_as, db_session, make_user):
    case = a_case(db_session, make_user)
    referral = make_referral(
        db_session,
        case,
        officer=make_user(Role.OFFICER),
        partner="fraud",
        contact="Fraud team",
        reason="Check",
        referred_on=TODAY,
    )
    applicant = sign_in_as(Role.APPLICANT)
    assert applicant.get(f"/officer/cases/{case.id}/referrals").status_code == 403
    assert applicant.get(f"/officer/cases/{case.id}/referrals/{referral.id}").status_code == 403
