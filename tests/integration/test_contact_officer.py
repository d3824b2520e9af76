"""What officers see of an applicant's contact needs: the case header, warnings on letter pages, large print letters."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.accounts import get_user
from portal.data.contact_prefs import needs_of, save_preferences
from portal.data.decision_models import Decision, DecisionLetter
from portal.storage import file_store
from tests.integration.officer_decision_helpers import a_local_case, decide
from tests.integration.officer_helpers import a_case


@pytest.fixture
def officer(sign_in_as):
    return sign_in_as(Role.OFFICER, full_name="Olu Officer")


def needs_lines(officer, application) -> list[str]:
    page = BeautifulSoup(officer.get(f"/officer/cases/{application.id}").get_data(as_text=True), "html.parser")
    return [" ".join(item.get_text(" ", strip=True).split()) for item in page.select(".app-contact-needs li")]


def applicant_of(db_session, application):
    return get_user(db_session, application.user_id)


def test_the_case_header_has_no_contact_line_when_nothing_is_set(officer, db_session, make_user):
    assert needs_lines(officer, a_case(db_session, make_user)) == []


def test_the_case_header_gives_each_contact_need_in_one_short_line(officer, db_session, make_user):
    application = a_case(db_session, make_user)
    save_preferences(
        db_session,
        applicant_of(db_session, application),
        interpreter_language="Tigrinya",
        formats=["large_print", "braille"],
        format_other="Coloured paper",
        letters="none",
        safe_call_times="10am-12pm",
        no_voicemail=True,
        alternative_email="safe@example.net",
    )
    assert needs_lines(officer, application) == [
        "Interpreter: Tigrinya",
        "Formats: large print, braille, Coloured paper",
        "Safe contact: no letters to home; call 10am-12pm; no voicemail; use other email",
    ]
    # Every case page shows it, not only the overview.
    evidence = officer.get(f"/officer/cases/{application.id}/evidence").get_data(as_text=True)
    assert "Interpreter:" in evidence and "Tigrinya" in evidence


def test_only_the_lines_that_are_set_are_shown(officer, db_session, make_user):
    application = a_case(db_session, make_user)
    save_preferences(db_session, applicant_of(db_session, application), no_voicemail=True)
    assert needs_lines(officer, application) == ["Safe contact: no voicemail"]


def test_the_summary_of_needs_is_plain_data():
    assert not needs_of(None).any
    assert needs_of(None).letters == "home"


def decided_case(officer, db_session, make_user, **preferences):
    application = a_local_case(db_session, make_user)
    if preferences:
        save_preferences(db_session, applicant_of(db_session, application), **preferences)
        db_session.flush()
    decide(officer, application)
    db_session.expire_all()
    decision = db_session.scalars(select(Decision).where(Decision.application_id == application.id)).one()
    return application, decision


def letter_page(officer, application, decision) -> BeautifulSoup:
    path = f"/officer/cases/{application.id}/decisions/{decision.id}/letter/en"
    return BeautifulSoup(officer.get(path).get_data(as_text=True), "html.parser")


def test_letter_pages_warn_when_they_asked_for_no_letters(officer, db_session, make_user):
    application, decision = decided_case(officer, db_session, make_user, letters="none")
    for page in (
        letter_page(officer, application, decision),
        BeautifulSoup(officer.get(f"/officer/cases/{application.id}/decisions").get_data(as_text=True), "html.parser"),
    ):
        warning = page.select_one(".govuk-warning-text")
        assert warning is not None and "Do not post to the home address" in warning.get_text()


def test_letter_pages_give_the_other_address(officer, db_session, make_user):
    application, decision = decided_case(
        officer, db_session, make_user, letters="other", letter_address="c/o Citizens Advice\n1 Market Street"
    )
    page = letter_page(officer, application, decision)
    address = page.select_one("#letter-address").get_text(" ", strip=True)
    assert "Do not post to the home address" in address and "c/o Citizens Advice 1 Market Street" in address


def test_letter_pages_say_nothing_when_letters_go_home(officer, db_session, make_user):
    application, decision = decided_case(officer, db_session, make_user)
    page = letter_page(officer, application, decision)
    assert page.select_one("#letter-address") is None
    assert "Do not post to the home address" not in page.get_text()


def body_font_size(html: str) -> float:
    found = re.search(r"body \{[^}]*font-size: ([\d.]+)pt", html)
    assert found
    return float(found.group(1))


def pdf_body_size(data: bytes) -> float:
    sizes: list[float] = []
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text, _cm, tm, _font, size, sizes=sizes):
            if text.strip():
                sizes.append(round(size * tm[0], 1))

        page.extract_text(visitor_text=visit)
    return Counter(sizes).most_common(1)[0][0]


def stored_letter(app, db_session, decision) -> tuple[str, bytes]:
    letter = db_session.scalars(
        select(DecisionLetter).where(DecisionLetter.decision_id == decision.id, DecisionLetter.locale == "en")
    ).one()
    return letter.html, file_store(app).get(letter.pdf_key)


def test_decision_letters_are_in_large_print_when_asked_for(app, officer, db_session, make_user):
    _usual_case, usual = decided_case(officer, db_session, make_user)
    _large_case, large = decided_case(officer, db_session, make_user, formats=["large_print"])
    usual_html, usual_pdf = stored_letter(app, db_session, usual)
    large_html, large_pdf = stored_letter(app, db_session, large)
    assert body_font_size(usual_html) < 12
    assert body_font_size(large_html) >= 16
    assert pdf_body_size(large_pdf) >= 1.4 * pdf_body_size(usual_pdf)


def test_other_formats_do_not_change_the_letter_size(app, officer, db_session, make_user):
    _case, decision = decided_case(officer, db_session, make_user, formats=["braille"])
    html, _pdf = stored_letter(app, db_session, decision)
    assert body_font_size(html) < 12
