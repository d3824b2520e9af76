"""Choosing the language of each page.

The order is: ``?lang=`` in the address, then the language cookie, then the
signed-in person's saved preference, then the browser's Accept-Language,
always against the allow-list of shipped languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, Response, current_app, g, request
from flask_babel import get_locale
from flask_login import current_user

from portal.config import RTL_LOCALES


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    english_name: str


LANGUAGES = (
    Language("en", "English", "English"),
    Language("pl", "Polski", "Polish"),
    Language("ro", "Română", "Romanian"),
    Language("ar", "العربية", "Arabic"),
    Language("ur", "اردو", "Urdu"),
)


def allowed_locales() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def _clean(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().lower()[:10]
    return code if code in allowed_locales() else None


#: The officer area is in English only, whatever language the officer's own pages are in.
ENGLISH_ONLY_BLUEPRINTS = frozenset({"officer_review"})


def select_locale() -> str:
    if request.blueprint in ENGLISH_ONLY_BLUEPRINTS:
        return "en"
    chosen = _clean(request.args.get("lang"))
    if chosen:
        g.locale_from_query = chosen
        return chosen
    chosen = _clean(request.cookies.get(current_app.config["LANGUAGE_COOKIE"]))
    if chosen:
        return chosen
    if current_user and current_user.is_authenticated:
        chosen = _clean(current_user.preferred_locale)
        if chosen:
            return chosen
    best = request.accept_languages.best_match(allowed_locales())
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def remember_language_choice(response: Response) -> Response:
    """A language picked with ?lang= is kept in a cookie for later pages."""
    chosen = g.get("locale_from_query")
    if chosen:
        response.set_cookie(
            current_app.config["LANGUAGE_COOKIE"],
            chosen,
            max_age=60 * 60 * 24 * 365,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
    return response


def current_locale_code() -> str:
    return str(get_locale() or "en")


def text_direction(code: str) -> str:
    return "rtl" if code in RTL_LOCALES else "ltr"


def language_template_context() -> dict[str, object]:
    code = current_locale_code()
    return {
        "html_lang": code,
        "html_dir": text_direction(code),
        "languages": LANGUAGES,
        "current_language": code,
    }


def init_app(app: Flask) -> None:
    app.after_request(remember_language_choice)
    app.context_processor(language_template_context)
