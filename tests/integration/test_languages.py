"""Choosing the language of each page, and pages in every shipped language."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from portal.auth.roles import Role
from portal.config import PROJECT_ROOT

OFFICIAL_NOTICE = "This page is a translation. The English version is the official one."


def translation_of(locale: str, message: str) -> str:
    with open(PROJECT_ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalogue = read_po(f)
    translated = catalogue.get(message)
    assert translated is not None and translated.string, f"{message!r} is not translated to {locale}"
    return str(translated.string)


def html_attributes(response):
    root = BeautifulSoup(response.get_data(as_text=True), "html.parser").find("html")
    return root.get("lang"), root.get("dir")


@pytest.mark.parametrize(
    ("locale", "direction"), [("en", "ltr"), ("pl", "ltr"), ("ro", "ltr"), ("ar", "rtl"), ("ur", "rtl")]
)
def test_lang_query_sets_language_direction_and_cookie(client, locale, direction):
    response = client.get(f"/?lang={locale}")
    assert html_attributes(response) == (locale, direction)
    assert f"portal_lang={locale}" in response.headers.get("Set-Cookie", "")
    # The choice is remembered on the next page.
    assert html_attributes(client.get("/sign-in")) == (locale, direction)


@pytest.mark.parametrize("locale", ["pl", "ro", "ar", "ur"])
def test_pages_are_translated_and_say_english_is_official(client, locale):
    page = client.get(f"/sign-in?lang={locale}").get_data(as_text=True)
    assert translation_of(locale, OFFICIAL_NOTICE) in page
    assert translation_of(locale, "Forgotten your password?") in page
    assert "Forgotten your password?" not in page


def test_english_pages_have_no_translation_notice(client):
    assert OFFICIAL_NOTICE not in client.get("/?lang=en").get_data(as_text=True)


def test_unknown_language_is_ignored(client):
    response = client.get("/?lang=xx")
    assert html_attributes(response)[0] == "en"
    assert "portal_lang" not in response.headers.get("Set-Cookie", "")


def test_accept_language_is_used_when_nothing_else_is_set(client):
    response = client.get("/", headers={"Accept-Language": "ro-RO,ro;q=0.9,en;q=0.5"})
    assert html_attributes(response)[0] == "ro"


def test_query_beats_cookie_beats_preference_beats_browser(sign_in_as, db_session):
    client = sign_in_as(Role.APPLICANT, preferred_locale="ur")
    headers = {"Accept-Language": "pl"}
    assert html_attributes(client.get("/account", headers=headers))[0] == "ur"
    client.set_cookie("portal_lang", "ro")
    assert html_attributes(client.get("/account", headers=headers))[0] == "ro"
    assert html_attributes(client.get("/account?lang=ar", headers=headers))[0] == "ar"


def test_language_switcher_on_applicant_pages(client):
    soup = BeautifulSoup(client.get("/?lang=pl").get_data(as_text=True), "html.parser")
    links = {a["lang"]: a["href"] for a in soup.select(".app-language-switcher a")}
    assert links == {"en": "?lang=en", "ro": "?lang=ro", "ar": "?lang=ar", "ur": "?lang=ur"}


@pytest.mark.parametrize("locale", ["pl", "ar"])
def test_error_pages_are_translated(client, locale):
    response = client.get(f"/no-such-page?lang={locale}")
    assert response.status_code == 404
    assert translation_of(locale, "Page not found") in response.get_data(as_text=True)


@pytest.mark.parametrize("locale", ["pl", "ro", "ar", "ur"])
def test_form_errors_and_component_texts_are_translated(client, locale):
    path = f"/sign-in?lang={locale}"
    response = client.post_form(path, {"email": "", "password": ""}, token_from=path)
    page = response.get_data(as_text=True)
    assert translation_of(locale, "There is a problem") in page
    assert translation_of(locale, "Enter your email address") in page
    assert translation_of(locale, "Error:") in page.split("</title>")[0]
    soup = BeautifulSoup(page, "html.parser")
    hidden = soup.select_one(".govuk-error-message .govuk-visually-hidden").get_text()
    assert hidden.strip().rstrip(":") == translation_of(locale, "Error").rstrip(":")
    password = soup.select_one("[data-module=govuk-password-input]")
    assert password["data-i18n.show-password"] == translation_of(locale, "Show")


@pytest.mark.parametrize("locale", ["pl", "ar"])
def test_date_fields_label_day_month_year_in_the_page_language(app, locale):
    from flask_babel import refresh
    from wtforms import DateField

    from portal.forms import PortalForm
    from portal.widgets import DateInput

    class DateForm(PortalForm):
        moved_in = DateField("When did you move in?", widget=DateInput())

    with app.test_request_context(f"/?lang={locale}"):
        refresh()
        html = str(DateForm(meta={"csrf": False}).moved_in())
    labels = [label.get_text(strip=True) for label in BeautifulSoup(html, "html.parser").select("label")]
    assert labels == [translation_of(locale, word) for word in ("Day", "Month", "Year")]
