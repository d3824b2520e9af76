"""Telling us about a change: choosing the kind, the preview of what it may mean, and sending it."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.data import applications as data
from portal.data.application_models import HouseholdMember
from portal.data.change_models import CircumstanceChange
from portal.data.changes import changes_for_application, unhandled_changes
from tests.integration.test_apply_changes_setup import (
    MOTHER_AND_SON,
    actions,
    applicant_with,
    days_ago,
    parts,
)

BABY_GIRL = {"full_name": "Mia Jones", "date_of_birth": parts(days_ago(10)), "sex": "female"}
BABY_BOY = {"full_name": "Leo Jones", "date_of_birth": parts(days_ago(10)), "sex": "male"}


def preview_of(client, kind, details):
    response = client.post_form(f"/apply/changes/{kind}", details)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert response.headers["Location"].endswith(f"/apply/changes/{kind}/preview")
    return client.get(f"/apply/changes/{kind}/preview").get_data(as_text=True)


def send(client, kind):
    response = client.post_form(f"/apply/changes/{kind}/preview", {})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert response.headers["Location"].endswith("/apply/changes/sent")
    return client.get("/apply/changes/sent").get_data(as_text=True)


def people_count(db_session, application):
    query = select(func.count()).select_from(HouseholdMember).where(HouseholdMember.application_id == application.id)
    return db_session.scalar(query)


def test_the_status_page_links_to_changes_download_and_withdraw(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user)
    page = client.get("/apply/status").get_data(as_text=True)
    for path, text in (
        ("/apply/changes", "Tell us about a change"),
        ("/apply/download", "Download everything we hold about you"),
        ("/apply/withdraw", "Withdraw your application"),
    ):
        assert f'href="{path}"' in page and text in page


def test_choosing_the_kind_of_change(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    page = client.get("/apply/changes").get_data(as_text=True)
    for label in ("A new baby", "Someone moving in", "Someone moving out", "A new address", "A change in health"):
        assert label in page
    assert "A change in income or savings" in page
    missing = client.post_form("/apply/changes", {})
    assert missing.status_code == 200
    assert "Select what has changed" in missing.get_data(as_text=True)
    chosen = client.post_form("/apply/changes", {"kind": "new_address"})
    assert chosen.headers["Location"].endswith("/apply/changes/new-address")


def test_nobody_can_move_out_of_an_application_for_one_person(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user)
    page = client.post_form("/apply/changes", {"kind": "moving_out"}).get_data(as_text=True)
    assert "Only you are on your application, so nobody else can move out" in page
    assert client.get("/apply/changes/moving-out").headers["Location"].endswith("/apply/changes")


def test_a_baby_girl_needs_another_bedroom_next_to_a_boy_of_11(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    page = preview_of(client, "new-baby", BABY_GIRL)
    assert "Your household would need 3 bedrooms instead of 2." in page
    assert "Your provisional band would be Band 3. At the moment you do not have a band." in page
    assert "This is only a guide. An officer will check the change." in page
    assert "Mia Jones" in page and "Send this change" in page


def test_a_baby_boy_can_share_with_his_brother(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user, MOTHER_AND_SON, bedrooms=1)
    page = preview_of(client, "new-baby", BABY_BOY)
    assert "Your household would still need 2 bedrooms." in page
    assert "Your provisional band would stay Band 3." in page


def test_nothing_is_saved_when_the_applicant_stops_at_the_preview(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    before = actions(db_session, application)
    preview_of(client, "new-baby", BABY_GIRL)
    db_session.expire_all()
    assert people_count(db_session, application) == 2
    assert changes_for_application(db_session, application) == []
    assert actions(db_session, application) == before
    assert application.provisional["bedroom_need"] == 2
    # Going back to the details shows what was typed, kept in the session only.
    page = client.get("/apply/changes/new-baby").get_data(as_text=True)
    assert 'value="Mia Jones"' in page


def test_sending_a_new_baby_adds_them_and_works_out_the_result_again(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    preview_of(client, "new-baby", BABY_GIRL)
    page = send(client, "new-baby")
    assert "We have your change" in page and "A new baby" in page
    db_session.expire_all()
    baby = application.people[-1]
    assert (baby.full_name, baby.relationship_to_applicant, baby.sex) == ("Mia Jones", "child", "female")
    assert baby.date_of_birth == days_ago(10)
    assert baby.answers["lives_with_you"] == "yes"
    [change] = changes_for_application(db_session, application)
    assert change.kind == "new_baby" and change.sent_by_id == client.user.id
    assert change.details == {"full_name": "Mia Jones", "date_of_birth": days_ago(10).isoformat(), "sex": "female"}
    assert (change.preview["before_need"], change.preview["after_need"]) == (2, 3)
    assert change.preview["after_band"] == 3 and change.preview["sentences"]
    assert change in unhandled_changes(db_session)
    assert application.provisional["bedroom_need"] == 3 and application.provisional["band"] == 3
    assert actions(db_session, application)[-1] == "application.change_reported"
    # The details are gone from the session: sending again starts from the details page.
    again = client.post_form("/apply/changes/new-baby/preview", {}, token_from="/apply/changes")
    assert again.headers["Location"].endswith("/apply/changes/new-baby")
    assert len(changes_for_application(db_session, application)) == 1


def test_a_new_baby_ends_the_pregnancy_answer(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    data.set_section_answers(application, "household", {"pregnant": "yes", "due_date": days_ago(-5).isoformat()})
    db_session.flush()
    preview_of(client, "new-baby", BABY_GIRL)
    send(client, "new-baby")
    db_session.expire_all()
    household = application.section("household")
    assert household["pregnant"] == "no" and "due_date" not in household


def test_a_sent_change_asks_for_new_evidence(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    preview_of(
        client,
        "moving-in",
        {"full_name": "Kim Lee", "date_of_birth": ["1", "2", "2016"], "sex": "female", "relationship": "child"},
    )
    page = send(client, "moving-in")
    assert "pieces of evidence from you" in page
    db_session.expire_all()
    kinds = {
        row[0]
        for row in db_session.execute(
            select(CircumstanceChange.kind).where(CircumstanceChange.application_id == application.id)
        )
    }
    assert kinds == {"moving_in"}
    from portal.data.evidence import evidence_items

    assert "children" in {item.kind for item in evidence_items(db_session, application) if item.still_needed}


def test_draft_and_closed_applications_cannot_report_changes(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user, stage="closed")
    for path in ("/apply/changes", "/apply/changes/new-baby", "/apply/changes/new-baby/preview"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith("/apply/"), path
    data.start_application(db_session, client.user)
    db_session.flush()
    response = client.get("/apply/changes")
    assert response.status_code == 302 and response.headers["Location"].endswith("/apply/")


def test_an_unknown_kind_of_change_is_not_found(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user)
    assert client.get("/apply/changes/lottery-win").status_code == 404
    assert client.get("/apply/changes/lottery-win/preview").status_code == 404
