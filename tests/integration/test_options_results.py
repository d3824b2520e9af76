"""The housing options plan page: made from the answers in the session, in the advice engine's order."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.options import HousingOptionsAnswers, options_answers_for, save_options_answers
from portal.options import plan_wording
from portal.rules.options.advice import advise
from portal.rules.options.answers import OptionsAnswers, is_complete, next_unanswered
from portal.rules.options.council import WaitEstimate, load_council
from portal.rules.scheme import load_scheme
from tests.conftest import TEST_PASSWORD

RESULTS = "/options/results"

BASE_ANSWERS: dict[str, Any] = {
    "safe_tonight": "yes",
    "abuse": "no",
    "where_live": "private_rented",
    "told_to_leave": "no",
    "age": 34,
    "partner": "no",
    "children": 0,
    "other_adults": 0,
    "pregnant": "no",
    "bedrooms": 1,
    "shares_facilities": "no",
    "home_condition": "no",
    "immigration": "british_irish",
    "residence": "yes",
    "work_local": "yes",
    "health": "no",
    "care_support": "no",
    "support_needs": "no",
    "armed_forces": "no",
    "income_yearly": "24000",
    "take_home_monthly": "1700",
    "savings": "2000",
    "owns_home": "no",
}


def household(remove: tuple[str, ...] = (), **changes: Any) -> dict[str, Any]:
    answers = {**BASE_ANSWERS, **changes}
    for key in remove:
        answers.pop(key)
    assert is_complete(answers), next_unanswered(answers)
    return answers


HOUSEHOLDS = {
    "single_private_renter": household(),
    "family_overcrowded_council_tenant": household(
        where_live="council_tenant",
        partner="yes",
        children=3,
        children_details=[{"age": 3, "sex": "male"}, {"age": 6, "sex": "female"}, {"age": 12, "sex": "male"}],
        bedrooms=1,
        move_for_work="no",
        income_yearly="30000",
        take_home_monthly="2100",
        savings="500",
        remove=("shares_facilities",),
    ),
    "older_owner": household(
        where_live="owner_occupier",
        age=72,
        bedrooms=3,
        health="hard",
        income_yearly="18000",
        take_home_monthly="1400",
        savings="40000",
        remove=("owns_home", "shares_facilities"),
    ),
    "abuse_urgent": household(
        safe_tonight="no",
        abuse="yes",
        children=1,
        children_details=[{"age": 4, "sex": "female"}],
        bedrooms=2,
        income_yearly="14000",
        take_home_monthly="1100",
        savings="0",
    ),
    "young_rough_sleeper": household(
        safe_tonight="no",
        where_live="rough_sleeping",
        age=23,
        care_leaver="yes",
        income_yearly="5000",
        take_home_monthly="400",
        savings="0",
        remove=("told_to_leave", "bedrooms", "shares_facilities", "home_condition"),
    ),
    "first_time_buyer": household(
        where_live="living_with_family",
        age=29,
        bedrooms=2,
        income_yearly="55000",
        take_home_monthly="3400",
        savings="30000",
        remove=("shares_facilities",),
    ),
}


def expected_advice(answers: dict[str, Any]):
    return advise(OptionsAnswers.from_mapping(answers), load_scheme("default"), load_council(None), today())


def today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


def give_answers(client, answers: dict[str, Any]) -> None:
    with client.session_transaction() as session:
        session["housing_options"] = answers


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def main_text(response) -> str:
    html = response.get_data(as_text=True)
    return text_of(html[html.index('id="main-content"') :])


@pytest.mark.parametrize("name", list(HOUSEHOLDS))
def test_the_plan_shows_every_option_in_the_engines_order(client, name):
    answers = HOUSEHOLDS[name]
    advice = expected_advice(answers)
    give_answers(client, answers)
    response = client.get(RESULTS + "?lang=en")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = main_text(response)
    assert "Your housing options" in page
    assert "It is not a decision" in page
    positions = []
    for option in advice.options:
        section = re.search(rf'<section[^>]*id="{plan_wording.option_id(option.kind)}"', html)
        assert section, option.kind
        positions.append(section.start())
        heading = plan_wording.option_heading(option.kind)
        assert heading in page
        start = html.index(f'id="{plan_wording.option_id(option.kind)}"')
        end = html.find("</section>", start)
        shown = text_of(html[start:end])
        assert plan_wording.fit_text(option.fits, option.kind) in shown
        for sentence in option.why:
            assert sentence.text() in shown
        for step in option.next_steps:
            assert step.text() in shown
        for figure in option.figures:
            assert figure.value in shown
    assert positions == sorted(positions)
    assert "register" in [option.kind for option in advice.options]


@pytest.mark.parametrize("name", list(HOUSEHOLDS))
def test_urgent_help_comes_first_and_exit_this_page_only_for_abuse(client, name):
    answers = HOUSEHOLDS[name]
    advice = expected_advice(answers)
    give_answers(client, answers)
    html = client.get(RESULTS + "?lang=en").get_data(as_text=True)
    if advice.urgent_kinds:
        assert 'id="get-help-today"' in html
        assert html.index('id="get-help-today"') < html.index("Your plan in short")
        assert html.index('id="get-help-today"') < html.index('class="app-plan-option"')
        assert 'id="council-homelessness-contact"' in html
        for sentence in advice.urgent:
            assert sentence.text() in text_of(html)
    else:
        assert 'id="get-help-today"' not in html
    assert ("govuk-exit-this-page" in html) is ("abuse" in advice.urgent_kinds)


def test_the_households_cover_urgent_and_calm_cases():
    urgent = {name: expected_advice(answers).urgent_kinds for name, answers in HOUSEHOLDS.items()}
    assert "abuse" in urgent["abuse_urgent"]
    assert "abuse" not in urgent["young_rough_sleeper"]
    assert urgent["young_rough_sleeper"]
    assert urgent["single_private_renter"] == ()


def option_order(client, name: str) -> list[str]:
    give_answers(client, HOUSEHOLDS[name])
    html = client.get(RESULTS + "?lang=en").get_data(as_text=True)
    return re.findall(r'<section class="app-plan-option" id="option-([a-z-]+)"', html)


def test_what_suits_each_household_comes_before_what_does_not(client):
    abuse = option_order(client, "abuse_urgent")
    assert abuse[0] == "domestic-abuse-help"
    assert abuse.index("homelessness-help") < abuse.index("register")
    older = option_order(client, "older_owner")
    assert older.index("sheltered") < older.index("register")
    family = option_order(client, "family_overcrowded_council_tenant")
    assert family[0] == "register"
    assert family.index("mutual-exchange") < family.index("first-homes")


def test_the_abuse_plan_puts_help_with_abuse_among_the_options(client):
    give_answers(client, HOUSEHOLDS["abuse_urgent"])
    page = main_text(client.get(RESULTS + "?lang=en"))
    assert "Help if someone is hurting you" in page
    assert "Get help today" in page


def test_help_that_does_not_fit_today_is_there_if_things_change(client):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    html = client.get(RESULTS + "?lang=en").get_data(as_text=True)
    start = html.index('id="option-domestic-abuse-help"')
    shown = text_of(html[start : html.find("</section>", start)])
    assert "If things change" in shown
    assert "Unlikely to suit you" not in shown
    assert "0808 2000 247" in shown


def test_the_summary_gives_bedrooms_band_and_wait_in_words(client):
    answers = HOUSEHOLDS["family_overcrowded_council_tenant"]
    advice = expected_advice(answers)
    give_answers(client, answers)
    page = main_text(client.get(RESULTS + "?lang=en"))
    assert f"{advice.bedroom_need} bedrooms" in page
    if advice.likely_band is not None:
        assert f"Band {advice.likely_band} (" in page
    with client.application.test_request_context("/?lang=en"):
        wait = plan_wording.wait_text(advice.wait)
    if wait is not None:
        assert wait in page


def test_wait_and_band_words(app):
    with app.test_request_context("/?lang=en"):
        assert plan_wording.wait_text(WaitEstimate(1, 2, 6, 12)) == "about 6 to 12 months"
        assert plan_wording.wait_text(WaitEstimate(4, 2, 60, None)) == "more than 60 months"
        assert plan_wording.wait_text(WaitEstimate(1, 1, None, 1)) == "up to 1 month"
        assert plan_wording.wait_text(WaitEstimate(1, 1, 3, 3)) == "about 3 months"
        assert plan_wording.wait_text(None) is None
        assert plan_wording.band_name(1) == "Band 1 (most urgent)"
        assert plan_wording.band_name(None) is None
        assert plan_wording.bedrooms_text(1) == "1 bedroom"
        assert plan_wording.fit_text("maybe") == "Worth checking"


@pytest.mark.parametrize("path", [RESULTS, "/options/results.pdf", "/options/results/email"])
def test_incomplete_answers_go_to_the_next_question(client, path):
    assert client.get(path).headers["Location"].endswith("/options/questions/safe-tonight")
    partial = {key: HOUSEHOLDS["single_private_renter"][key] for key in ("safe_tonight", "abuse")}
    give_answers(client, partial)
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/options/questions/where-live")


def test_answers_that_no_longer_check_go_back_to_that_question(client):
    give_answers(client, {**HOUSEHOLDS["single_private_renter"], "immigration": "martian"})
    response = client.get(RESULTS)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/options/questions/immigration")


def test_people_without_an_account_are_offered_one(client):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    html = client.get(RESULTS + "?lang=en").get_data(as_text=True)
    assert "Create an account to apply. We will use these answers to fill in parts of your application." in html
    assert 'href="/register"' in html
    assert 'href="/options/check-answers"' in html
    assert 'href="/options/results.pdf"' in html
    assert 'href="/options/results/email"' in html
    assert "Prepared by" not in html


def test_signed_in_applicants_are_sent_to_apply(sign_in_as, db_session):
    applicant = sign_in_as(Role.APPLICANT)
    give_answers(applicant, HOUSEHOLDS["single_private_renter"])
    html = applicant.get(RESULTS + "?lang=en").get_data(as_text=True)
    assert "Create an account to apply" not in html
    assert 'href="/apply/"' in html
    assert "Prepared by" not in html
    assert options_answers_for(db_session, applicant.user.id) == HOUSEHOLDS["single_private_renter"]


def test_a_support_worker_viewing_a_plan_saves_nothing_to_their_account(sign_in_as, db_session):
    worker = sign_in_as(Role.SUPPORT_WORKER)
    give_answers(worker, HOUSEHOLDS["older_owner"])
    assert worker.get(RESULTS).status_code == 200
    assert options_answers_for(db_session, worker.user.id) is None


def test_support_workers_are_named_on_the_plan(sign_in_as):
    worker = sign_in_as(Role.SUPPORT_WORKER, full_name="Sam Helper")
    give_answers(worker, HOUSEHOLDS["older_owner"])
    page = main_text(worker.get(RESULTS + "?lang=en"))
    assert "Prepared by Sam Helper, support worker" in page


def test_print_link_runs_a_script_with_the_pages_nonce(client):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    response = client.get(RESULTS + "?lang=en")
    html = response.get_data(as_text=True)
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    assert "Print this page" in html
    assert "use your browser's print option" in unescape(html)
    scripts = re.findall(r"<script nonce=\"([^\"]+)\">([^<]*)</script>", html)
    assert any(found == nonce and "window.print()" in body for found, body in scripts)


def test_the_plan_page_is_not_cached(client):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    assert client.get(RESULTS).headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("language", ["ar", "ur", "pl"])
def test_the_plan_opens_in_every_language(client, language):
    give_answers(client, HOUSEHOLDS["abuse_urgent"])
    response = client.get(f"{RESULTS}?lang={language}")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.get_data(as_text=True)


def test_start_again_removes_the_answers(client):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    token = client.csrf_token(RESULTS)
    response = client.post("/options/start-again", data={"csrf_token": token})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert "housing_options" not in session


def test_answers_are_kept_across_sign_in_and_saved_to_the_account(client, make_user, db_session):
    user = make_user(email="carry@example.org")
    answers = HOUSEHOLDS["family_overcrowded_council_tenant"]
    give_answers(client, answers)
    response = client.post_form("/sign-in", {"email": "carry@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["housing_options"] == answers
        assert session["_user_id"].startswith(f"{user.id}:")
    assert options_answers_for(db_session, user.id) == answers
    record = db_session.scalar(select(HousingOptionsAnswers).where(HousingOptionsAnswers.user_id == user.id))
    assert record.saved_at.tzinfo is not None
    assert client.get(RESULTS).status_code == 200


def test_signing_in_without_answers_saves_nothing(client, make_user, db_session):
    user = make_user(email="noanswers@example.org")
    client.post_form("/sign-in", {"email": "noanswers@example.org", "password": TEST_PASSWORD})
    assert options_answers_for(db_session, user.id) is None


def test_a_support_workers_client_answers_are_not_saved_to_their_account(client, make_user, db_session):
    worker = make_user(Role.SUPPORT_WORKER, email="worker@example.org")
    give_answers(client, HOUSEHOLDS["older_owner"])
    client.post_form("/sign-in", {"email": "worker@example.org", "password": TEST_PASSWORD})
    with client.session_transaction() as session:
        assert session["housing_options"] == HOUSEHOLDS["older_owner"]
    assert options_answers_for(db_session, worker.id) is None


def test_saving_answers_again_replaces_them(db_session, make_user):
    user = make_user()
    save_options_answers(db_session, user.id, {"age": 30})
    save_options_answers(db_session, user.id, {"age": 31})
    rows = db_session.scalars(select(HousingOptionsAnswers).where(HousingOptionsAnswers.user_id == user.id)).all()
    assert len(rows) == 1
    assert options_answers_for(db_session, user.id) == {"age": 31}


def test_a_council_file_with_a_mistake_stops_the_portal_starting(tmp_path):
    from portal.app import create_app
    from portal.config import TestingConfig
    from portal.rules.options.council import CouncilError

    bad = tmp_path / "council.toml"
    bad.write_text('name = "Nowhere Council"\n', encoding="utf-8")
    settings = {key: getattr(TestingConfig, key) for key in dir(TestingConfig) if key.isupper()}
    settings["COUNCIL_FILE"] = str(bad)
    with pytest.raises(CouncilError, match="area_name"):
        create_app(settings)
