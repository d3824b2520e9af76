"""The housing options plan as a PDF and by email, and the table that keeps answers with an account."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import inspect, select

from portal.auth.roles import Role
from portal.data.db import Database, make_engine
from portal.data.migrate import downgrade_database, upgrade_database
from portal.data.models import AuditEvent
from portal.mail import Attachment, build_message
from portal.options import plan_wording
from portal.options.plan_pdf import plan_pdf
from portal.rules.options.council import load_council
from tests.integration.test_options_results import HOUSEHOLDS, expected_advice, give_answers

PDF = "/options/results.pdf"
EMAIL = "/options/results/email"
COUNCIL = load_council(None)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def english_headings(app, advice) -> list[str]:
    with app.test_request_context("/?lang=en"):
        return [plan_wording.option_heading(option.kind) for option in advice.options]


@pytest.mark.parametrize("name", ["single_private_renter", "abuse_urgent", "older_owner"])
def test_the_pdf_is_a_real_pdf_with_every_option(app, client, name):
    answers = HOUSEHOLDS[name]
    advice = expected_advice(answers)
    give_answers(client, answers)
    response = client.get(PDF + "?lang=en")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="housing-options-plan.pdf"'
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(b"%PDF")
    text = pdf_text(response.data)
    assert COUNCIL.name in text
    assert "Your housing options plan" in text
    assert "It is not a decision" in text
    assert "Made on" in text
    positions = [text.find(heading) for heading in english_headings(app, advice)]
    assert -1 not in positions
    if advice.urgent_kinds:
        assert text.index("Get help today") < min(positions)
        assert COUNCIL.homelessness_phone in text
    else:
        assert "Get help today" not in text


def test_the_pdf_names_the_support_worker(sign_in_as):
    worker = sign_in_as(Role.SUPPORT_WORKER, full_name="Sam Helper")
    give_answers(worker, HOUSEHOLDS["single_private_renter"])
    assert "Prepared by Sam Helper, support worker" in pdf_text(worker.get(PDF + "?lang=en").data)


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("ur", "rtl"), ("pl", "ltr")])
def test_the_pdf_is_made_in_the_pages_language(client, monkeypatch, language, direction):
    from portal.options import results

    made = []

    def keep_html(html: str) -> bytes:
        made.append(html)
        return plan_pdf(html)

    monkeypatch.setattr(results, "plan_pdf", keep_html)
    give_answers(client, HOUSEHOLDS["abuse_urgent"])
    response = client.get(f"{PDF}?lang={language}")
    assert response.data.startswith(b"%PDF")
    assert f'<html lang="{language}" dir="{direction}">' in made[0]
    assert COUNCIL.name in pdf_text(response.data)


def test_arabic_and_urdu_letters_are_readable_in_a_pdf():
    arabic = "خطة السكن الخاصة بك"
    urdu = "آپ کے رہائش کے اختیارات ہیں۔"
    pages = []
    for language, words in (("ar", arabic), ("ur", urdu)):
        html = (
            f'<!DOCTYPE html><html lang="{language}" dir="rtl"><head><meta charset="utf-8">'
            '<style>body { font-family: "DejaVu Sans", sans-serif; direction: rtl }'
            'html[lang="ur"] body { font-family: "Scheherazade New", Scheherazade, "DejaVu Sans" }</style>'
            f"</head><body><p>{words}</p></body></html>"
        )
        pages.append(pdf_text(plan_pdf(html)))
    assert arabic in pages[0]
    # Text extraction writes alef with madda as a plain alef; every other letter comes back as written.
    assert urdu.replace("آ", "ا") in pages[1].replace("آ", "ا")


def test_making_a_pdf_fetches_nothing(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    html = (
        '<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="file://{secret}"></head>'
        '<body><p>Plan</p><img src="https://example.org/tracker.png" alt=""></body></html>'
    )
    from weasyprint.urls import URLFetcher

    from portal.options import plan_pdf as module

    fetcher = module._refusing_fetcher()
    assert isinstance(fetcher, URLFetcher)
    for url in (f"file://{secret}", "https://example.org/tracker.png", "data:text/plain,hello"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert plan_pdf(html).startswith(b"%PDF")


def test_the_email_form_asks_one_question(client):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    html = client.get(EMAIL + "?lang=en").get_data(as_text=True)
    assert re.search(r"<h1[^>]*>\s*<label[^>]*>\s*What email address should we send your plan to\?", html)
    assert "We will not keep it." in html
    assert 'name="csrf_token"' in html


def test_the_email_form_warns_about_who_can_read_the_email_when_someone_is_hurting_them(client):
    give_answers(client, HOUSEHOLDS["abuse_urgent"])
    html = client.get(EMAIL + "?lang=en").get_data(as_text=True)
    assert "Only send it to an email address that nobody else can read." in html
    assert "govuk-exit-this-page" in html
    give_answers(client, HOUSEHOLDS["young_rough_sleeper"])
    html = client.get(EMAIL + "?lang=en").get_data(as_text=True)
    assert "nobody else can read" not in html
    assert "govuk-exit-this-page" not in html


def test_the_plan_is_emailed_with_the_pdf(app, client, outbox):
    answers = HOUSEHOLDS["abuse_urgent"]
    advice = expected_advice(answers)
    give_answers(client, answers)
    response = client.post_form(EMAIL + "?lang=en", {"email": " plan.reader@example.org "})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/options/results/email/sent")
    assert "example.org" not in response.headers["Location"]
    sent = client.get(response.headers["Location"])
    page = sent.get_data(as_text=True)
    assert "We have sent your plan" in page
    assert "govuk-panel" in page
    assert "plan.reader" not in page
    with client.session_transaction() as session:
        assert "plan.reader@example.org" not in str(dict(session))
    [message] = outbox()
    assert message["To"] == "plan.reader@example.org"
    assert message["Subject"] == "Your housing options plan"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Get help today" in body
    assert COUNCIL.homelessness_phone in body
    assert "It is not a decision" in body
    with app.test_request_context("/?lang=en"):
        for option in advice.options:
            assert f"{plan_wording.option_heading(option.kind)}: {plan_wording.fit_text(option.fits)}" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "housing-options-plan.pdf"
    assert attachment.get_content_type() == "application/pdf"
    data = attachment.get_content()
    assert data.startswith(b"%PDF")
    assert COUNCIL.name in pdf_text(data)


def test_emailing_a_plan_without_an_account_records_no_audit_event(client, outbox, db_session):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    before = db_session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    client.post_form(EMAIL, {"email": "someone@example.org"})
    after = db_session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    assert len(outbox()) == 1
    assert before == after


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter an email address"),
        ("not an address", "Enter an email address in the correct format, like name@example.com"),
        ("a@b", "Enter an email address in the correct format, like name@example.com"),
    ],
)
def test_a_bad_address_is_explained_on_the_same_page(client, outbox, typed, message):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    response = client.post_form(EMAIL + "?lang=en", {"email": typed})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "There is a problem" in html
    assert message in html
    assert 'href="#email"' in html
    assert outbox() == []


def test_the_email_form_needs_its_token(client, outbox):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    assert client.post(EMAIL, data={"email": "someone@example.org"}).status_code == 400
    assert outbox() == []


def test_sending_plans_is_rate_limited(client, outbox):
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    token = client.csrf_token(EMAIL)
    statuses = [client.post(EMAIL, data={"email": "", "csrf_token": token}).status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429


def test_making_pdfs_is_rate_limited(client, app, monkeypatch):
    from portal.options import results

    monkeypatch.setattr(results, "plan_pdf", lambda html: b"%PDF-1.7")
    give_answers(client, HOUSEHOLDS["single_private_renter"])
    statuses = [client.get(PDF).status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


def test_support_workers_send_plans_to_the_people_they_help(sign_in_as, outbox, db_session):
    worker = sign_in_as(Role.SUPPORT_WORKER, full_name="Sam Helper")
    give_answers(worker, HOUSEHOLDS["older_owner"])
    form = worker.get(EMAIL + "?lang=en").get_data(as_text=True)
    assert "You can send it to the email address of the person you are helping." in form
    response = worker.post_form(EMAIL + "?lang=en", {"email": "client.person@example.org"})
    assert response.status_code == 302
    [message] = outbox()
    assert "Prepared by Sam Helper, support worker" in message.get_body(preferencelist=("plain",)).get_content()
    event = db_session.scalar(
        select(AuditEvent).where(AuditEvent.actor_id == worker.user.id, AuditEvent.action == "options.plan_emailed")
    )
    assert event is not None
    assert event.subject_type == "user"
    assert "client.person" not in repr(event.details)
    assert "client.person" not in (event.reason or "")


def test_mail_carries_attachments_for_every_backend(app):
    with app.app_context():
        message = build_message(
            "someone@example.org", "Subject", "Body\n", [Attachment("plan.pdf", "application/pdf", b"%PDF-1.7 test")]
        )
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "plan.pdf"
    assert attachment.get_content() == b"%PDF-1.7 test"
    assert message.get_body(preferencelist=("plain",)).get_content() == "Body\n"


@pytest.mark.db
def test_the_answers_table_migration_goes_down_and_up(app, database_url):
    Database.state(app).engine.dispose()
    downgrade_database(database_url, "a6ad9818519e")
    engine = make_engine(database_url)
    try:
        assert "housing_options_answers" not in inspect(engine).get_table_names()
        assert "users" in inspect(engine).get_table_names()
        upgrade_database(database_url)
        inspector = inspect(engine)
        assert "housing_options_answers" in inspector.get_table_names()
        [unique] = inspector.get_unique_constraints("housing_options_answers")
        assert unique["column_names"] == ["user_id"]
    finally:
        upgrade_database(database_url)
        engine.dispose()
