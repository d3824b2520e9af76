"""The applicant's decisions: the status page, the list, the letter in their language, and its PDF.

The decisions and letters here are made directly through the models, so these
tests do not depend on the officer's determination pages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bs4 import BeautifulSoup

from portal.auth.roles import Role
from portal.data.accounts import get_user
from portal.data.applications import move_to
from portal.data.base import utcnow
from portal.data.decision_models import Decision, DecisionLetter
from portal.storage import file_store, new_key
from tests.conftest import sign_in_client
from tests.integration.officer_helpers import a_case, page_text

PDF = b"%PDF-1.4\n% a stored decision letter\n"


def letter_html(locale: str, words: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{locale}"><head><title>Letter</title><style>p {{ color: red; }}</style></head>'
        f'<body><h1 id="top">Decision letter</h1><h2>What we decided</h2><p>{words}</p></body></html>'
    )


def a_decision(
    db_session: Any,
    app: Any,
    application: Any,
    *,
    outcome: str = "joins",
    kind: str = "initial",
    band: int | None = 3,
    bedroom_need: int | None = 2,
    review_by: dt.date | None = None,
    letters: tuple[str, ...] = ("en",),
    decided_by: Any = None,
) -> Decision:
    """A decision on the case, the case moved to where the decision puts it, and its stored letters."""
    if kind != "review":
        if application.stage in ("submitted", "awaiting_evidence", "active"):
            move_to(db_session, application, "being_assessed", actor=decided_by, reason="Assessment started")
        move_to(db_session, application, "active" if outcome == "joins" else "closed", actor=decided_by)
    joins = outcome == "joins"
    decision = Decision(
        application_id=application.id,
        kind=kind,
        outcome=outcome,
        eligible=outcome != "not_eligible",
        qualifies=joins if outcome != "not_eligible" else None,
        local_connection=True if outcome != "not_eligible" else None,
        bedroom_need=bedroom_need,
        band=band if joins else None,
        priority_date=dt.date(2026, 11, 20) if joins else None,
        registration_date=dt.date(2026, 11, 20),
        reasons=[],
        overrides={},
        decided_by_id=decided_by.id if decided_by else None,
        decided_at=utcnow(),
        review_by=None if kind == "review" else (review_by or dt.date.today() + dt.timedelta(days=21)),
    )
    db_session.add(decision)
    db_session.flush()
    store = file_store(app)
    for locale in letters:
        key = new_key("letters")
        store.put(key, PDF + locale.encode(), "application/pdf")
        words = f"Letter words in {locale}: band {band}."
        db_session.add(
            DecisionLetter(decision_id=decision.id, locale=locale, html=letter_html(locale, words), pdf_key=key)
        )
    db_session.flush()
    return decision


def applicant_client(app: Any, db_session: Any, application: Any) -> Any:
    user = get_user(db_session, application.user_id)
    client = app.test_client()
    sign_in_client(client, user)
    client.user = user
    return client


def decided(app: Any, db_session: Any, make_user: Any, **options: Any) -> tuple[Any, Any, Decision]:
    """A signed-in applicant, their case, and a decision on it."""
    application = a_case(db_session, make_user)
    locale = options.pop("locale", None)
    if locale:
        application.locale = locale
    decision = a_decision(db_session, app, application, **options)
    return applicant_client(app, db_session, application), application, decision


def test_status_page_says_no_decision_yet(app, db_session, make_user):
    application = a_case(db_session, make_user)
    client = applicant_client(app, db_session, application)
    text = page_text(client, "/apply/status")
    assert "We have not made a decision yet" in text
    assert "We have not made a decision yet" in page_text(client, "/apply/decisions")


def test_status_page_shows_the_decision_with_band_bedrooms_and_links(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user, band=3, bedroom_need=2)
    page = BeautifulSoup(client.get("/apply/status").get_data(as_text=True), "html.parser")
    card = page.select_one(".govuk-summary-card")
    text = card.get_text(" ", strip=True)
    assert "You can join the housing register" in text
    assert "Band 3" in text
    assert "Bedrooms your household needs 2" in text
    assert "Ask us to look at this decision again by" in text
    links = {a["href"] for a in card.select("a")}
    assert f"/apply/decisions/{decision.id}" in links
    assert f"/apply/decisions/{decision.id}/review" in links
    assert "We have not made a decision yet" not in page.get_text()


def test_a_closing_decision_shows_no_band(app, db_session, make_user):
    client, application, _decision = decided(app, db_session, make_user, outcome="does_not_qualify")
    assert application.stage == "closed"
    text = page_text(client, "/apply/status")
    assert "You cannot join the housing register at the moment" in text
    assert "Your band" not in text


def test_decisions_list_shows_every_decision(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user)
    text = page_text(client, "/apply/decisions")
    assert "Our decisions about your application" in text
    assert "You can join the housing register" in text
    assert f'href="/apply/decisions/{decision.id}"' in client.get("/apply/decisions").get_data(as_text=True)


def test_the_letter_is_shown_with_its_pdf(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user)
    response = client.get(f"/apply/decisions/{decision.id}")
    assert response.status_code == 200
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    letter = page.select_one("#letter")
    assert "Letter words in en: band 3." in letter.get_text()
    assert letter["lang"] == "en"
    # The letter's own heading sits under the page's; its styles are left out.
    assert [h.get_text() for h in page.select("h1")] == ["Your decision letter"]
    assert letter.select_one("h2").get_text() == "Decision letter"
    assert "color: red" not in str(letter)
    assert page.select_one(f'a[href="/apply/decisions/{decision.id}/letter-en.pdf"]') is not None
    assert page.select_one("#ask-for-review")["href"] == f"/apply/decisions/{decision.id}/review"


def test_the_letter_in_the_page_language_with_a_link_to_english(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user, locale="pl", letters=("en", "pl"))
    page = BeautifulSoup(client.get(f"/apply/decisions/{decision.id}?lang=pl").get_data(as_text=True), "html.parser")
    assert "Letter words in pl" in page.select_one("#letter").get_text()
    links = {a["href"] for a in page.select("#letter-links a")}
    assert f"/apply/decisions/{decision.id}?letter=en" in links
    assert f"/apply/decisions/{decision.id}/letter-pl.pdf" in links
    assert f"/apply/decisions/{decision.id}/letter-en.pdf" in links
    english = BeautifulSoup(
        client.get(f"/apply/decisions/{decision.id}?letter=en").get_data(as_text=True), "html.parser"
    )
    assert "Letter words in en" in english.select_one("#letter").get_text()


def test_english_letter_when_there_is_none_in_the_page_language(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user)
    page = BeautifulSoup(client.get(f"/apply/decisions/{decision.id}?lang=ar").get_data(as_text=True), "html.parser")
    letter = page.select_one("#letter")
    assert letter["lang"] == "en" and letter["dir"] == "ltr"
    assert "Letter words in en" in letter.get_text()


def test_the_pdf_downloads_as_an_attachment(app, db_session, make_user):
    client, application, decision = decided(app, db_session, make_user)
    response = client.get(f"/apply/decisions/{decision.id}/letter-en.pdf")
    assert response.status_code == 200
    assert response.data == PDF + b"en"
    assert response.mimetype == "application/pdf"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Content-Disposition"] == f'attachment; filename="decision-{application.reference}-en.pdf"'


def test_an_unknown_or_missing_letter_language_is_not_found(app, db_session, make_user):
    client, _application, decision = decided(app, db_session, make_user)
    assert client.get(f"/apply/decisions/{decision.id}/letter-xx.pdf").status_code == 404
    assert client.get(f"/apply/decisions/{decision.id}/letter-pl.pdf").status_code == 404
    assert client.get(f"/apply/decisions/{decision.id}/letter-..%2Fen.pdf").status_code == 404


def test_another_applicants_decision_is_not_found(app, db_session, make_user, sign_in_as):
    _client, _application, decision = decided(app, db_session, make_user)
    other = sign_in_as(Role.APPLICANT)
    a_case(db_session, make_user)  # someone else with their own case, not a decision
    for path in (
        f"/apply/decisions/{decision.id}",
        f"/apply/decisions/{decision.id}/letter-en.pdf",
        f"/apply/decisions/{decision.id}/review",
        f"/apply/decisions/{decision.id}/review/sent",
        "/apply/decisions/999999",
    ):
        assert other.get(path).status_code == 404, path


def test_officers_cannot_open_the_applicant_pages(app, db_session, make_user, sign_in_as):
    _client, _application, decision = decided(app, db_session, make_user)
    officer = sign_in_as(Role.OFFICER)
    assert officer.get(f"/apply/decisions/{decision.id}").status_code == 403
    assert officer.get("/apply/decisions").status_code == 403


def test_a_decision_made_on_review_says_so(app, db_session, make_user):
    client, application, first = decided(app, db_session, make_user)
    second = a_decision(db_session, app, application, kind="review", band=2)
    from portal.data.decision_models import ReviewRequest

    db_session.add(
        ReviewRequest(
            application_id=application.id,
            decision_id=first.id,
            reasons="The band is wrong.",
            status="decided",
            outcome="changed",
            outcome_decision_id=second.id,
        )
    )
    db_session.flush()
    text = page_text(client, "/apply/status")
    assert "Our decision after looking again" in text
    assert "We looked again and changed our decision." in text
    page = page_text(client, f"/apply/decisions/{second.id}")
    assert "Ask us to look at this decision again" not in page
