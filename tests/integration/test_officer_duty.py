"""Duty referrals: any officer refers an enquiry, a duty officer takes it and records the advice, all audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import cases, duty
from portal.data.audit import events_for_subject
from portal.data.case_models import DutyReferral, NamedOfficer
from portal.data.models import AuditEvent
from tests.integration.officer_helpers import a_case, page_text

NEW = "/officer/duty/new"


def referrals(db_session) -> list[DutyReferral]:
    db_session.expire_all()
    return list(db_session.scalars(select(DutyReferral).order_by(DutyReferral.id)))


def actions(db_session, subject_type: str, subject_id: int) -> list[str]:
    return [event.action for event in events_for_subject(db_session, subject_type, subject_id)]


def refer(client, **data: str):
    form = {"enquirer_name": "Pat Caller", "enquirer_contact": "07700 900123", "reference": "", "note": "Help please"}
    form.update(data)
    return client.post_form(NEW, form)


def test_an_enquiry_without_a_case_is_referred_and_audited_on_its_own(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    response = refer(client, note="They are sofa surfing and want to know their options.")
    (referral,) = referrals(db_session)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/officer/duty/{referral.id}"
    assert (referral.enquirer_name, referral.enquirer_contact) == ("Pat Caller", "07700 900123")
    assert referral.application_id is None and referral.referred_by_id == client.user.id
    assert actions(db_session, "duty_referral", referral.id) == ["duty.referred"]
    page = page_text(client, f"/officer/duty/{referral.id}")
    assert "The enquiry is with the duty officer." in page
    assert "They are sofa surfing and want to know their options." in page
    assert "Nobody has taken it yet" in page and "No case" in page


def test_an_enquiry_about_a_case_is_audited_on_the_case(sign_in_as, make_user, db_session):
    client = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    refer(client, reference=" " + application.reference.removeprefix("HR-").lower() + " ")
    (referral,) = referrals(db_session)
    assert referral.application_id == application.id
    assert "duty.referred" in actions(db_session, "application", application.id)
    assert actions(db_session, "duty_referral", referral.id) == []
    assert application.reference in page_text(client, f"/officer/duty/{referral.id}")


def test_the_new_referral_page_can_start_with_a_case_reference(sign_in_as):
    client = sign_in_as(Role.OFFICER)
    page = client.get(NEW + "?reference=HR-ABC123").get_data(as_text=True)
    assert 'value="HR-ABC123"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"enquirer_name": ""}, "Enter the name of the person who got in touch"),
        ({"enquirer_name": "   "}, "Enter the name of the person who got in touch"),
        ({"note": ""}, "Enter what the enquiry is about"),
        ({"note": " \n "}, "Enter what the enquiry is about"),
        ({"reference": "HR-NOSUCH"}, "There is no sent application with this reference"),
        ({"reference": "x" * 30}, "Enter a reference like HR-7K3M9Q"),
        ({"enquirer_name": "n" * 201}, "Enter a name of 200 characters or fewer"),
        ({"note": "n" * 5001}, "Enter 5000 characters or fewer"),
    ],
)
def test_a_referral_with_a_problem_is_shown_again_with_what_was_typed(sign_in_as, db_session, data, message):
    client = sign_in_as(Role.OFFICER)
    response = refer(client, enquirer_contact="keep-me@example.org", **data)
    assert response.status_code == 200
    page = " ".join(response.get_data(as_text=True).split())
    assert "There is a problem" in page and message in page
    assert "keep-me@example.org" in page  # nothing typed is lost
    assert referrals(db_session) == []


def test_a_draft_reference_is_not_accepted(sign_in_as, make_user, db_session):
    from portal.data.applications import start_application

    client = sign_in_as(Role.OFFICER)
    draft = start_application(db_session, make_user(Role.APPLICANT))
    draft.reference = "HR-DRAFT1"
    db_session.flush()
    assert "There is no sent application" in refer(client, reference="HR-DRAFT1").get_data(as_text=True)


def test_a_duty_officer_takes_a_referral_and_records_the_advice(sign_in_as, make_user, db_session):
    referrer = sign_in_as(Role.OFFICER)
    duty_officer = sign_in_as(Role.SENIOR_OFFICER, full_name="Dee Duty")
    application = a_case(db_session, make_user)
    refer(referrer, reference=application.reference)
    (referral,) = referrals(db_session)
    path = f"/officer/duty/{referral.id}"

    assert "Take this referral" in page_text(duty_officer, path)
    assert duty_officer.post_form(path, {"action": "take"}).status_code == 302
    (referral,) = referrals(db_session)
    assert referral.taken_by_id == duty_officer.user.id and referral.taken_at is not None
    page = page_text(duty_officer, path)
    assert "Record the advice" in page and "Dee Duty" in page

    empty = duty_officer.post_form(path, {"action": "advise", "advice": "   "})
    assert empty.status_code == 200
    assert "Enter the advice you gave" in empty.get_data(as_text=True)
    assert referrals(db_session)[0].advised_at is None

    done = duty_officer.post_form(path, {"action": "advise", "advice": "Explained the bands.\nWill call back."})
    assert done.status_code == 302 and done.headers["Location"] == "/officer/duty"
    (referral,) = referrals(db_session)
    assert referral.advice == "Explained the bands.\nWill call back." and referral.advised_at is not None
    assert actions(db_session, "application", application.id)[-3:] == ["duty.referred", "duty.taken", "duty.advised"]
    page = page_text(referrer, path)
    assert "Advice given" in page and "Explained the bands." in page and "Record the advice" not in page
    listing = page_text(referrer, "/officer/duty")
    assert f"Referral {referral.id}" in listing and "Advice given by Dee Duty" in listing
    assert "No referrals are waiting for advice." in listing


def test_only_the_officer_who_took_it_records_the_advice(sign_in_as, db_session):
    first = sign_in_as(Role.OFFICER, full_name="Fern First")
    second = sign_in_as(Role.OFFICER, full_name="Sid Second")
    refer(first)
    (referral,) = referrals(db_session)
    path = f"/officer/duty/{referral.id}"
    first.post_form(path, {"action": "take"})
    page = page_text(second, path)
    assert "Fern First has taken this referral" in page and "Take over this referral" in page
    refused = second.post_form(path, {"action": "advise", "advice": "My advice"})
    assert refused.status_code == 200
    text = refused.get_data(as_text=True)
    assert "Take this referral before you record the advice" in text and "My advice" in text
    assert referrals(db_session)[0].advice is None
    second.post_form(path, {"action": "take"})
    (referral,) = referrals(db_session)
    assert referral.taken_by_id == second.user.id
    taken = [e for e in events_for_subject(db_session, "duty_referral", referral.id) if e.action == "duty.taken"]
    assert taken[-1].details["taken_over_from"] == first.user.id
    assert second.post_form(path, {"action": "advise", "advice": "Done"}).status_code == 302


def test_advice_once_recorded_is_not_replaced(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    referral = duty.refer(db_session, officer=client.user, enquirer_name="A", enquirer_contact="", note="B")
    duty.take(db_session, referral, officer=client.user)
    duty.record_advice(db_session, referral, officer=client.user, advice="First advice")
    db_session.flush()
    path = f"/officer/duty/{referral.id}"
    token = client.csrf_token("/officer/")
    again = client.post(path, data={"csrf_token": token, "action": "advise", "advice": "Second advice"})
    assert again.status_code == 200 and "already been recorded" in again.get_data(as_text=True)
    take = client.post(path, data={"csrf_token": token, "action": "take"})
    assert take.status_code == 302
    assert referrals(db_session)[0].advice == "First advice"


def test_odd_requests_never_fail(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    referral = duty.refer(db_session, officer=client.user, enquirer_name="A", enquirer_contact="", note="B")
    db_session.flush()
    path = f"/officer/duty/{referral.id}"
    assert client.get("/officer/duty/999999").status_code == 404
    assert client.get("/officer/duty/abc").status_code == 404
    token = client.csrf_token("/officer/")
    assert client.post(path, data={"csrf_token": token, "action": "dance"}).status_code == 400
    assert client.post(path, data={"csrf_token": token}).status_code == 400
    assert client.post(path, data={"action": "take"}).status_code == 400  # no token
    assert referrals(db_session)[0].taken_by_id is None


def test_a_referral_about_a_restricted_case_is_shown_only_to_who_may_see_it(sign_in_as, make_user, db_session):
    referrer = sign_in_as(Role.OFFICER)
    named = sign_in_as(Role.OFFICER)
    outsider = sign_in_as(Role.OFFICER)
    application = a_case(db_session, make_user)
    cases.handling_of(db_session, application).sensitive = True
    db_session.add(NamedOfficer(application_id=application.id, officer_id=named.user.id))
    db_session.flush()
    refer(referrer, enquirer_name="Hidden Enquirer", reference=application.reference)
    (referral,) = referrals(db_session)
    path = f"/officer/duty/{referral.id}"
    assert outsider.get(path).status_code == 403
    listing = page_text(outsider, "/officer/duty")
    assert f"Restricted case {application.reference}" in listing and "Hidden Enquirer" not in listing
    assert "Hidden Enquirer" in page_text(named, path)
    assert "Hidden Enquirer" in page_text(referrer, path)


@pytest.mark.parametrize("path", ["/officer/duty", NEW, "/officer/duty/1"])
def test_applicants_cannot_use_duty_referrals(sign_in_as, path):
    assert sign_in_as(Role.APPLICANT).get(path).status_code == 403


def test_nothing_is_written_by_looking(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    referral = duty.refer(db_session, officer=client.user, enquirer_name="A", enquirer_contact="", note="B")
    db_session.flush()
    count = len(db_session.scalars(select(AuditEvent)).all())
    for path in ("/officer/duty", NEW, f"/officer/duty/{referral.id}", "/officer/queues/duty-referrals"):
        assert client.get(path).status_code == 200
    assert len(db_session.scalars(select(AuditEvent)).all()) == count
