"""The applicant's contact preferences: a summary with Change links, one question on each page, errors kept on the page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from portal.auth.roles import Role
from portal.data.audit import events_for_subject
from portal.data.contact_prefs import preferences_for
from tests.integration.contact_fixtures import acting_client, helper_of

SUMMARY = "/account/contact"


def page_of(response):
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def summary_rows(client) -> dict[str, str]:
    page = page_of(client.get(SUMMARY))
    return {
        row.select_one(".govuk-summary-list__key").get_text(" ", strip=True): row.select_one(
            ".govuk-summary-list__value"
        ).get_text(" ", strip=True)
        for row in page.select("#contact-preferences .govuk-summary-list__row")
    }


def errors_of(response) -> list[str]:
    summary = page_of(response).select_one(".govuk-error-summary")
    return [item.get_text(" ", strip=True) for item in summary.select("li")] if summary else []


def saved(db_session, user):
    db_session.expire_all()
    return preferences_for(db_session, user.id)


@pytest.fixture
def applicant(sign_in_as):
    return sign_in_as(Role.APPLICANT, full_name="Joy Example")


def test_the_account_page_links_to_how_we_contact_you(applicant):
    assert 'href="/account/contact"' in applicant.get("/account").get_data(as_text=True)


def test_the_summary_starts_with_what_we_do_for_everyone(applicant):
    rows = summary_rows(applicant)
    assert rows["Interpreter"] == "Not needed"
    assert rows["Other formats"] == "None"
    assert rows["Letters"] == "Post letters to my home address"
    assert rows["Phone calls"] == "Any time"
    assert applicant.user.email in rows["Email address for our emails"]
    assert rows["Emails about what people helping you do"] == "Yes"
    page = page_of(applicant.get(SUMMARY))
    assert page.select_one(".govuk-exit-this-page") is not None
    changes = {link["href"] for link in page.select("#contact-preferences a")}
    assert "/account/language" in changes and "/account/contact/letters" in changes


@pytest.mark.parametrize(
    ("question", "data", "row", "shown", "stored"),
    [
        (
            "interpreter",
            {"needed": "yes", "language": "Tigrinya"},
            "Interpreter",
            "Tigrinya",
            {"interpreter_language": "Tigrinya"},
        ),
        (
            "formats",
            {"formats": ["large_print", "easy_read", "other"], "other": "Coloured paper"},
            "Other formats",
            "Large print Easy read Coloured paper",
            {"formats": ["large_print", "easy_read"], "format_other": "Coloured paper"},
        ),
        ("letters", {"letters": "none"}, "Letters", "Do not post letters to me", {"letters": "none"}),
        (
            "letters",
            {"letters": "other", "address": "c/o Citizens Advice\n1 Market Street"},
            "Letters",
            "Post letters to another address c/o Citizens Advice 1 Market Street",
            {"letters": "other", "letter_address": "c/o Citizens Advice\n1 Market Street"},
        ),
        (
            "calls",
            {"safe_call_times": "Weekdays 10am to 12pm", "no_voicemail": "y"},
            "Phone calls",
            "Safe times to call: Weekdays 10am to 12pm Do not leave voicemail messages",
            {"safe_call_times": "Weekdays 10am to 12pm", "no_voicemail": True},
        ),
        (
            "email",
            {"which": "other", "email": "safe@example.net"},
            "Email address for our emails",
            "safe@example.net",
            {"alternative_email": "safe@example.net"},
        ),
        (
            "helper-emails",
            {"wanted": "no"},
            "Emails about what people helping you do",
            "No",
            {"email_helper_activity": False},
        ),
    ],
)
def test_each_answer_is_saved_and_shown(applicant, db_session, question, data, row, shown, stored):
    path = f"/account/contact/{question}"
    page = page_of(applicant.get(path))
    assert len(page.select("h1")) == 1 and page.select_one(".govuk-exit-this-page") is not None
    response = applicant.post_form(path, data)
    assert response.status_code == 302 and response.headers["Location"].endswith(SUMMARY)
    preferences = saved(db_session, applicant.user)
    for name, value in stored.items():
        assert getattr(preferences, name) == value
    assert summary_rows(applicant)[row] == shown
    [event] = events_for_subject(db_session, "user", applicant.user.id)[-1:]
    assert event.action == "contact.preferences_changed" and event.actor_id == applicant.user.id
    assert set(stored) <= set(event.details["changed"])
    assert "safe@example.net" not in str(event.details) and "Market Street" not in str(event.details)


def test_the_answers_are_filled_in_when_changing_them(applicant):
    applicant.post_form("/account/contact/letters", {"letters": "other", "address": "1 Safe Place"})
    page = page_of(applicant.get("/account/contact/letters"))
    assert page.select_one("input[name=letters][value=other]").has_attr("checked")
    assert page.select_one("textarea[name=address]").get_text().strip() == "1 Safe Place"


def test_choosing_home_again_forgets_the_other_address(applicant, db_session):
    applicant.post_form("/account/contact/letters", {"letters": "other", "address": "1 Safe Place"})
    applicant.post_form("/account/contact/letters", {"letters": "home", "address": "1 Safe Place"})
    preferences = saved(db_session, applicant.user)
    assert (preferences.letters, preferences.letter_address) == ("home", None)


def test_no_longer_needing_an_interpreter(applicant, db_session):
    applicant.post_form("/account/contact/interpreter", {"needed": "yes", "language": "Polish"})
    applicant.post_form("/account/contact/interpreter", {"needed": "no", "language": "Polish"})
    assert saved(db_session, applicant.user).interpreter_language is None
    assert summary_rows(applicant)["Interpreter"] == "Not needed"


@pytest.mark.parametrize(
    ("question", "data", "message"),
    [
        ("interpreter", {}, "Select yes if you need an interpreter"),
        ("interpreter", {"needed": "yes", "language": " "}, "Enter the language the interpreter should speak"),
        ("interpreter", {"needed": "yes", "language": "x" * 61}, "The language must be 60 characters or fewer"),
        ("formats", {"formats": ["other"], "other": ""}, "Enter the format you need"),
        ("letters", {}, "Select where we should post letters to you"),
        ("letters", {"letters": "other", "address": ""}, "Enter the address we should post letters to"),
        ("letters", {"letters": "somewhere"}, "Select where we should post letters to you"),
        ("calls", {"safe_call_times": "x" * 201}, "The times must be 200 characters or fewer"),
        ("email", {"which": "other", "email": ""}, "Enter the email address we should use"),
        ("email", {"which": "other", "email": "not an email"}, "Enter an email address in the correct format"),
        ("helper-emails", {"wanted": "maybe"}, "Select yes if you want these emails"),
    ],
)
def test_a_problem_is_explained_on_the_same_page_and_nothing_is_saved(applicant, db_session, question, data, message):
    response = applicant.post_form(f"/account/contact/{question}", data)
    assert response.status_code == 200
    assert any(error.startswith(message) for error in errors_of(response)), errors_of(response)
    assert page_of(response).select_one("title").get_text().startswith("Error:")
    assert saved(db_session, applicant.user) is None


def test_what_was_typed_is_shown_again_after_a_problem(applicant):
    response = applicant.post_form("/account/contact/email", {"which": "other", "email": "joy@@example"})
    assert page_of(response).select_one("input[name=email]")["value"] == "joy@@example"


def test_an_unknown_question_is_not_found(applicant):
    assert applicant.get("/account/contact/shoe-size").status_code == 404


def test_the_pages_are_in_the_pages_language(applicant):
    page = page_of(applicant.get("/account/contact/interpreter?lang=pl"))
    assert page.select_one("html")["lang"] == "pl"
    labels = [label.get_text(strip=True) for label in page.select(".govuk-radios__label")]
    assert labels == ["Tak", "Nie"]
    assert page.select_one("form button.govuk-button").get_text(strip=True) == "Zapisz"
    summary = page_of(applicant.get(SUMMARY))
    assert {link.contents[0].strip() for link in summary.select("#contact-preferences a")} == {"Zmień"}


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SUPPORT_WORKER])
def test_only_the_applicant_can_see_or_change_them(sign_in_as, role):
    other = sign_in_as(role)
    assert other.get(SUMMARY).status_code == 403
    assert other.get("/account/contact/letters").status_code == 403


def test_a_helper_acting_for_the_applicant_cannot_change_them(app, applicant, db_session, make_user):
    worker = helper_of(db_session, make_user, applicant.user, can_help=True)
    helper = acting_client(app, worker, applicant.user)
    assert helper.get(SUMMARY).status_code == 403
    response = helper.post("/account/contact/letters", data={"letters": "none"})
    assert response.status_code in (400, 403)
    assert saved(db_session, applicant.user) is None


def test_signing_in_is_needed(client):
    response = client.get(SUMMARY)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_what_they_typed_is_shown_as_text_not_markup(applicant):
    applicant.post_form("/account/contact/letters", {"letters": "other", "address": "<b>1 Safe Place</b>\nTown"})
    page = applicant.get(SUMMARY).get_data(as_text=True)
    assert "&lt;b&gt;1 Safe Place&lt;/b&gt;<br>Town" in page and "<b>1 Safe Place" not in page
