"""The details page of each kind of change: what it saves when sent, and clear messages for mistakes."""

from __future__ import annotations

from bs4 import BeautifulSoup

from portal.data.changes import changes_for_application
from tests.integration.test_apply_changes_setup import MOTHER_AND_SON, applicant_with, days_ago, parts

NEW_HOME = {
    "line_1": "3 Oak Road",
    "line_2": "",
    "town": "Basingstoke",
    "postcode": "rg24 9zz",
    "moved_in": parts(days_ago(20)),
    "in_area": "yes",
    "home_type": "council_tenant",
    "bedrooms": "3",
}


def problems(client, path, details):
    response = client.post_form(path, details)
    assert response.status_code == 200, response.headers.get("Location")
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None
    return [item.get_text(" ", strip=True) for item in summary.select("li")], page


def send(client, slug, details):
    response = client.post_form(f"/apply/changes/{slug}", details)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    client.get(f"/apply/changes/{slug}/preview")
    sent = client.post_form(f"/apply/changes/{slug}/preview", {})
    assert sent.headers["Location"].endswith("/apply/changes/sent")


def test_a_new_baby_needs_a_name_a_date_of_birth_and_a_sex(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user)
    found, _page = problems(client, "/apply/changes/new-baby", {})
    assert found == ["Enter the baby's full name", "Enter the baby's date of birth", "Select female or male"]
    found, page = problems(
        client, "/apply/changes/new-baby", {"full_name": "Mia Jones", "date_of_birth": parts(days_ago(-3))}
    )
    assert found == ["The baby's date of birth must be today or in the past", "Select female or male"]
    assert page.select_one("input[name=full_name]")["value"] == "Mia Jones"
    found, _page = problems(
        client, "/apply/changes/new-baby", {"full_name": "Mia", "date_of_birth": parts(days_ago(900)), "sex": "female"}
    )
    assert found == ["The baby's date of birth must be in the last year. For an older child, choose someone moving in."]


def test_someone_moving_in_is_added_with_their_relationship(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    found, _page = problems(client, "/apply/changes/moving-in", {"full_name": "Kim Lee"})
    assert found == ["Enter their date of birth", "Select female or male", "Select how they are related to you"]
    details = {"full_name": "Kim Lee", "date_of_birth": ["9", "9", "1985"], "sex": "male", "relationship": "partner"}
    send(client, "moving-in", details)
    db_session.expire_all()
    partner = application.people[-1]
    assert (partner.full_name, partner.relationship_to_applicant) == ("Kim Lee", "partner")
    assert application.section("household")["anyone_else"] == "yes"


def test_someone_moving_out_is_chosen_by_name_and_taken_off(app, db_session, make_user):
    people = (*MOTHER_AND_SON, ("Ava Jones", "2016-05-01", "female", "child"))
    client, application = applicant_with(app, db_session, make_user, people)
    page = client.get("/apply/changes/moving-out").get_data(as_text=True)
    assert "Sam Jones" in page and "Ava Jones" in page
    found, _page = problems(client, "/apply/changes/moving-out", {})
    assert found == ["Select who has moved out"]
    sam = application.people[1]
    key = sam.key
    client.post_form("/apply/changes/moving-out", {"person_id": key})
    preview = client.get("/apply/changes/moving-out/preview").get_data(as_text=True)
    assert "Your household would need 2 bedrooms instead of 3." in preview
    client.post_form("/apply/changes/moving-out/preview", {})
    db_session.expire_all()
    assert [person.full_name for person in application.people[1:]] == ["Ava Jones"]
    [change] = changes_for_application(db_session, application)
    assert change.details == {"person_id": key, "full_name": "Sam Jones"}
    assert application.provisional["bedroom_need"] == 2


def test_a_person_not_on_the_application_cannot_be_chosen(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    found, _page = problems(client, "/apply/changes/moving-out", {"person_id": "p999999"})
    assert found == ["Select who has moved out"]


def test_a_new_address_becomes_the_current_one(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    send(client, "new-address", NEW_HOME)
    db_session.expire_all()
    new, old = application.addresses
    assert (new.position, new.line_1, new.postcode, new.moved_in, new.moved_out) == (
        0,
        "3 Oak Road",
        "RG24 9ZZ",
        days_ago(20),
        None,
    )
    assert (old.position, old.line_1, old.moved_out) == (1, "12 Mill Lane", days_ago(20))
    assert application.section("current_home") == {"home_type": "council_tenant", "bedrooms": 3}
    [change] = changes_for_application(db_session, application)
    assert change.kind == "new_address" and change.details["postcode"] == "RG24 9ZZ"


def test_new_address_mistakes_are_explained(app, db_session, make_user):
    client, _application = applicant_with(app, db_session, make_user)
    found, _page = problems(client, "/apply/changes/new-address", {})
    assert found == [
        "Enter address line 1, like the house number and street",
        "Enter the town or city",
        "Enter the postcode",
        "Enter the date you moved in",
        "Select yes if this address is in Example Borough",
        "Select what kind of home it is",
    ]
    bad = {**NEW_HOME, "postcode": "NOT A CODE", "moved_in": parts(days_ago(5000)), "bedrooms": ""}
    found, page = problems(client, "/apply/changes/new-address", bad)
    assert found == [
        "Enter a real postcode, like SW1A 1AA",
        "The date you moved must be after the date you moved in to 12 Mill Lane",
        "Enter how many bedrooms there are, or 0",
    ]
    assert page.select_one("input[name=line_1]")["value"] == "3 Oak Road"
    found, _page = problems(client, "/apply/changes/new-address", {**NEW_HOME, "bedrooms": ""})
    assert found == ["Enter how many bedrooms there are, or 0"]


def test_no_bedrooms_are_needed_for_someone_sleeping_on_the_streets(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    send(client, "new-address", {**NEW_HOME, "home_type": "rough_sleeping", "bedrooms": ""})
    db_session.expire_all()
    assert application.section("current_home") == {"home_type": "rough_sleeping"}


def test_income_and_savings_start_from_the_last_answers_and_are_saved(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    page = BeautifulSoup(client.get("/apply/changes/income").get_data(as_text=True), "html.parser")
    assert page.select_one("input[name=income]")["value"] == "18500"
    found, _page = problems(client, "/apply/changes/income", {"income": "lots", "savings": ""})
    assert found[0].startswith("Enter") and len(found) == 2
    assert "Enter how much your household has in savings, or 0 if there are none" in found
    send(client, "income", {"income": "£21,000", "savings": "2,500.50"})
    db_session.expire_all()
    assert application.section("money")["income"] == "21000"
    assert application.section("money")["savings"] == "2500.50"
    assert application.section("money")["owns_property"] == "no"


def test_a_change_in_health_is_added_to_what_was_said_before(app, db_session, make_user):
    client, application = applicant_with(app, db_session, make_user)
    found, _page = problems(client, "/apply/changes/medical", {"details": "   "})
    assert found == ["Tell us what has changed with your health"]
    send(client, "medical", {"details": "I now use a wheelchair."})
    db_session.expire_all()
    health = application.section("health")
    assert health["health_problem"] == "yes" and health["health_details"] == "I now use a wheelchair."
    [change] = changes_for_application(db_session, application)
    assert change.preview["sentences"][-2]["message"].startswith("An officer will look at what you told us")


def test_each_applicant_only_sees_and_changes_their_own_application(app, db_session, make_user):
    client_a, application_a = applicant_with(app, db_session, make_user, MOTHER_AND_SON)
    client_b, application_b = applicant_with(
        app, db_session, make_user, (("Zed Brown", "2012-01-01", "male", "child"),)
    )
    client_a.post_form("/apply/changes/income", {"income": "30000", "savings": "0"})
    # B has nothing kept from A: their preview sends them to the details page.
    assert client_b.get("/apply/changes/income/preview").headers["Location"].endswith("/apply/changes/income")
    page_b = client_b.get("/apply/changes/moving-out").get_data(as_text=True)
    assert "Zed Brown" in page_b and "Sam Jones" not in page_b
    found, _page = problems(client_b, "/apply/changes/moving-out", {"person_id": application_a.people[1].key})
    assert found == ["Select who has moved out"]
    send(client_b, "medical", {"details": "A bad back."})
    db_session.expire_all()
    assert changes_for_application(db_session, application_a) == []
    assert [change.kind for change in changes_for_application(db_session, application_b)] == ["medical"]
    assert application_a.section("health")["health_problem"] == "no"
