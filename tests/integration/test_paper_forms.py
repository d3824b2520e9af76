"""The printable blank application form and the printable summary of an application."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from pypdf import PdfReader

from portal.apply import paper
from portal.auth.roles import Role
from portal.data.contact_prefs import save_preferences
from tests.integration.apply_evidence_helpers import sent_application, sent_for
from tests.integration.contact_fixtures import acting_client, helper_of


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_paper_form_page_explains_how_to_get_and_send_the_form(client):
    page = client.get("/apply/paper-form").get_data(as_text=True)
    assert "Apply on paper" in page
    assert 'href="/apply/paper-form.pdf"' in page
    assert "01234 567890" in page  # the council's phone number, to ask for a form in the post


def test_the_start_pages_link_to_the_paper_form(client, sign_in_as):
    assert 'href="/apply/paper-form"' in client.get("/").get_data(as_text=True)
    applicant = sign_in_as(Role.APPLICANT)
    assert 'href="/apply/paper-form"' in applicant.get("/apply/").get_data(as_text=True)


def test_the_paper_form_is_a_real_pdf_with_every_question_and_the_declaration(client):
    response = client.get("/apply/paper-form.pdf?lang=en")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert 'filename="housing-application-form-en.pdf"' in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    for words in (
        "Application to join the housing register",
        "What is your full name?",
        "Do you need an interpreter to talk to us?",
        "Does anyone live with you, or will anyone move with you?",
        "My husband, wife or partner",  # a choice, as a tick box
        "Person 2",  # a space for each person
        "Immigration status",
        "Day Month Year",
        "The information I have given is true and complete, as far as I know.",
        "Your signature",
        "Where to send this form",
        "Example Borough Council",
    ):
        assert words in text, words


def test_the_paper_form_has_each_questions_hint(client):
    text = pdf_text(client.get("/apply/paper-form.pdf?lang=en").data)
    assert "We use this only to work out how many bedrooms your household needs." in text


def test_the_paper_form_is_in_the_pages_language(client):
    response = client.get("/apply/paper-form.pdf?lang=pl")
    assert response.status_code == 200
    assert 'filename="housing-application-form-pl.pdf"' in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    assert "Jakie jest twoje imię i nazwisko?" in text and "Oświadczenie" in text
    assert "What is your full name?" not in text


def test_a_question_that_only_sometimes_applies_says_so(app):
    with app.test_request_context("/?lang=en"):
        sections = paper.paper_sections("Example Borough", paper.flow.today())
    about_you = sections[0].blocks[0].questions
    by_text = {question.text: question for question in about_you}
    assert by_text["Which language do you want to use?"].only_if
    assert not by_text["What is your full name?"].only_if
    assert by_text["What is your sex?"].kind == "choice"
    assert by_text["What is your date of birth?"].kind == "date"


def test_the_applicant_gets_a_pdf_of_every_answer(sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session, "Amina Haddad")
    response = client.get("/apply/summary.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert f"housing-application-{application.reference}.pdf" in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    for words in ("Amina Haddad", "Omar Haddad", "Lina Haddad", application.reference, "20 November 2026"):
        assert words in text, words


def test_the_summary_page_links_to_the_pdf(sign_in_as, db_session):
    client, _application = sent_for(sign_in_as, db_session)
    assert 'href="/apply/summary.pdf"' in client.get("/apply/summary").get_data(as_text=True)


def test_the_paper_form_is_made_once_for_each_language(client, monkeypatch):
    made = []
    real = paper.html_to_pdf

    def counting(html):
        made.append(html)
        return real(html)

    monkeypatch.setattr(paper, "html_to_pdf", counting)
    paper._form_pdf_for.cache_clear()
    for _ in range(2):
        assert client.get("/apply/paper-form.pdf?lang=ro").status_code == 200
    assert len(made) == 1


def test_a_helper_with_consent_gets_the_summary_pdf(app, sign_in_as, db_session, make_user):
    client, application = sent_for(sign_in_as, db_session, "Amina Haddad")
    worker = helper_of(db_session, make_user, client.user)
    response = acting_client(app, worker, client.user).get("/apply/summary.pdf")
    assert response.status_code == 200
    assert application.reference in pdf_text(response.data)


@pytest.mark.parametrize("status", ["revoked", "requested"])
def test_a_worker_without_consent_in_force_cannot_get_the_summary_pdf(app, sign_in_as, db_session, make_user, status):
    client, _application = sent_for(sign_in_as, db_session)
    worker = helper_of(db_session, make_user, client.user, status=status)
    response = acting_client(app, worker, client.user).get("/apply/summary.pdf")
    assert response.status_code == 403
    assert response.mimetype != "application/pdf"


def test_another_applicant_gets_their_own_summary_not_someone_elses(sign_in_as, db_session):
    _client, application = sent_for(sign_in_as, db_session, "Amina Haddad")
    other = sign_in_as(Role.APPLICANT, full_name="Someone Else")
    sent_application(db_session, other.user, partner_status=None, child=False, pregnant=False)
    text = pdf_text(other.get("/apply/summary.pdf").data)
    assert "Someone Else" in text
    assert application.reference not in text and "Omar Haddad" not in text


def test_the_summary_pdf_needs_an_application(sign_in_as):
    assert sign_in_as(Role.APPLICANT).get("/apply/summary.pdf").status_code == 404


def test_the_summary_pdf_needs_sign_in(client):
    response = client.get("/apply/summary.pdf")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def font_size(html: str) -> float:
    found = re.search(r"body \{[^}]*font-size: ([\d.]+)pt", html)
    assert found, html[:500]
    return float(found.group(1))


def test_the_summary_is_in_large_print_when_asked_for(app, sign_in_as, db_session):
    client, application = sent_for(sign_in_as, db_session)
    with app.test_request_context("/?lang=en"):
        usual = paper.summary_html(application)
        large = paper.summary_html(application, large_print=True)
    assert font_size(large) >= 16 > font_size(usual)
    usual_pdf = client.get("/apply/summary.pdf")
    save_preferences(db_session, client.user, formats=["large_print"])
    db_session.flush()
    large_pdf = client.get("/apply/summary.pdf")
    assert large_pdf.status_code == 200
    assert body_size(large_pdf.data) >= 1.4 * body_size(usual_pdf.data)


def body_size(data: bytes) -> float:
    """The size most of the PDF's text is drawn at."""
    return Counter(round(size, 1) for size in _pdf_font_sizes(data)).most_common(1)[0][0]


def _pdf_font_sizes(data: bytes) -> list[float]:
    """The font sizes the PDF's text is drawn at."""
    sizes: list[float] = []
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(_text, _cm, tm, _font, size, sizes=sizes):
            if _text.strip():
                sizes.append(size * tm[0])

        page.extract_text(visitor_text=visit)
    return sizes
