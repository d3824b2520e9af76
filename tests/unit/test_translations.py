"""Every shipped catalogue is complete, current and safe to format.

A catalogue fails when an entry is untranslated or fuzzy, when a text in
`translations/messages.pot` is missing from it, when a translation's
`%(name)s` placeholders, `%%` escapes or HTML tags differ from the English
text's, when Babel's own checkers report an error, or when its header is
missing or wrong (`pybabel compile` skips a catalogue whose header is
missing or fuzzy, so the language would silently fall back to English).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"

# Language code -> number of plural forms its header must declare.
SHIPPED = {"pl": 3, "ro": 3, "ar": 6, "ur": 2}

PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]")
HTML_TAG = re.compile(r"<[^>]+>")


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def catalogue_for(locale: str) -> Catalog:
    # No locale given: the language and plural forms must come from the file's own header.
    return read_catalogue(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po")


def template() -> Catalog:
    return read_catalogue(TEMPLATE)


def entries(catalog: Catalog):
    """Every real entry: the header (empty msgid) is not a message."""
    return [message for message in catalog if message.id]


def strings_of(value) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value,)


def untranslated(catalog: Catalog) -> list[str]:
    return [str(m.id) for m in entries(catalog) if not all(s and s.strip() for s in strings_of(m.string))]


def fuzzy(catalog: Catalog) -> list[str]:
    found = [str(m.id) for m in entries(catalog) if m.fuzzy]
    if catalog.fuzzy:
        found.insert(0, "(the header is missing or marked fuzzy)")
    return found


def missing_from(catalog: Catalog, pot: Catalog) -> list[str]:
    have = {m.id if isinstance(m.id, str) else m.id[0] for m in entries(catalog)}
    want = [m.id if isinstance(m.id, str) else m.id[0] for m in entries(pot)]
    return [msgid for msgid in want if msgid not in have]


def format_parts(text: str) -> Counter:
    """The named placeholders, `%%` escapes and HTML tags a text must keep."""
    parts = Counter(f"%({name})" for name in PLACEHOLDER.findall(text))
    parts.update(HTML_TAG.findall(text))
    parts["%%"] = text.count("%%")
    return +parts


def placeholder_mismatches(catalog: Catalog) -> list[str]:
    problems = []
    for message in entries(catalog):
        ids = strings_of(message.id)
        for index, translation in enumerate(strings_of(message.string)):
            if not translation:
                continue  # Reported by untranslated().
            source = ids[min(index, len(ids) - 1)]
            if message.pluralizable and index > 0 and len(ids) > 1:
                # A plural form may leave the count out (e.g. "one file"), never add names.
                expected, got = format_parts(ids[1]), format_parts(translation)
                if got - expected or (expected - got) - Counter({"%(num)": 1, "%(count)": 1}):
                    problems.append(f"{message.id!r}: {sorted(expected.elements())} != {sorted(got.elements())}")
                continue
            expected, got = format_parts(source), format_parts(translation)
            if expected != got:
                problems.append(f"{source!r}: {sorted(expected.elements())} != {sorted(got.elements())}")
    return problems


def checker_errors(catalog: Catalog) -> list[str]:
    """What babel.messages.checkers (run by Catalog.check) reports."""
    return [f"{message.id!r}: {'; '.join(map(str, errors))}" for message, errors in catalog.check()]


def header_problems(catalog: Catalog, locale: str, plural_forms: int) -> list[str]:
    problems = []
    headers = dict(catalog.mime_headers)
    if str(catalog.locale) != locale or headers.get("Language") != locale:
        problems.append(f"Language is {headers.get('Language')!r}, not {locale!r}")
    if catalog.num_plurals != plural_forms or f"nplurals={plural_forms};" not in headers.get("Plural-Forms", ""):
        problems.append(f"Plural-Forms is {headers.get('Plural-Forms')!r}, not nplurals={plural_forms}")
    if "charset=utf-8" not in headers.get("Content-Type", "").lower():
        problems.append(f"Content-Type is {headers.get('Content-Type')!r}, not UTF-8")
    return problems


def all_problems(catalog: Catalog, pot: Catalog) -> dict[str, list[str]]:
    return {
        "untranslated": untranslated(catalog),
        "fuzzy": fuzzy(catalog),
        "missing": missing_from(catalog, pot),
        "placeholders": placeholder_mismatches(catalog),
        "checkers": checker_errors(catalog),
    }


LANGUAGES = pytest.mark.parametrize("locale", sorted(SHIPPED))


def test_every_shipped_language_has_a_catalogue():
    assert TEMPLATE.is_file()
    for locale in SHIPPED:
        assert (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").is_file(), locale
    assert entries(template()), "messages.pot has no texts"


@LANGUAGES
def test_no_entry_is_untranslated(locale):
    assert untranslated(catalogue_for(locale)) == []


@LANGUAGES
def test_no_entry_is_fuzzy(locale):
    assert fuzzy(catalogue_for(locale)) == []


@LANGUAGES
def test_every_text_in_the_template_is_in_the_catalogue(locale):
    assert missing_from(catalogue_for(locale), template()) == []


@LANGUAGES
def test_placeholders_and_html_match_the_english(locale):
    assert placeholder_mismatches(catalogue_for(locale)) == []


@LANGUAGES
def test_babel_checkers_report_no_errors(locale):
    assert checker_errors(catalogue_for(locale)) == []


@LANGUAGES
def test_header_names_the_language_and_its_plural_forms(locale):
    assert header_problems(catalogue_for(locale), locale, SHIPPED[locale]) == []


# The checks themselves: each one catches a deliberately broken catalogue.


def broken_pair() -> tuple[Catalog, Catalog]:
    pot = Catalog()
    pot.add("Sign in")
    pot.add("Hello %(name)s,", flags=["python-format"])
    pot.add('Your <a class="govuk-link" href="%(url)s">feedback</a> helps.', flags=["python-format"])
    pot.add("up to 400%%", flags=["python-format"])
    pot.add("Only in the template")

    catalog = Catalog(locale="pl", fuzzy=False)
    catalog.add("Sign in", "")  # untranslated
    catalog.add("Hello %(name)s,", "Dzień dobry, %(imie)s!", flags=["python-format"])  # renamed placeholder
    catalog.add(
        'Your <a class="govuk-link" href="%(url)s">feedback</a> helps.',
        'Twoja <a href="%(url)s">opinia</a> pomaga.',  # HTML attribute dropped
        flags=["python-format"],
    )
    catalog.add("up to 400%%", "do 400%", flags=["python-format", "fuzzy"])  # fuzzy, lost the %% escape
    return catalog, pot


def test_helpers_pass_a_good_catalogue():
    pot = Catalog()
    pot.add("Hello %(name)s,", flags=["python-format"])
    catalog = Catalog(locale="ro", fuzzy=False)
    catalog.add("Hello %(name)s,", "Bună ziua, %(name)s,", flags=["python-format"])
    assert all_problems(catalog, pot) == {
        "untranslated": [],
        "fuzzy": [],
        "missing": [],
        "placeholders": [],
        "checkers": [],
    }
    assert header_problems(catalog, "ro", 3) == []


def test_helpers_catch_an_untranslated_entry():
    catalog, pot = broken_pair()
    assert untranslated(catalog) == ["Sign in"]


def test_helpers_catch_a_fuzzy_entry_and_a_fuzzy_header():
    catalog, _ = broken_pair()
    assert fuzzy(catalog) == ["up to 400%%"]
    catalog.fuzzy = True
    assert fuzzy(catalog)[0].startswith("(the header")


def test_helpers_catch_a_text_missing_from_the_catalogue():
    catalog, pot = broken_pair()
    assert missing_from(catalog, pot) == ["Only in the template"]


def test_helpers_catch_changed_placeholders_html_and_escapes():
    catalog, _ = broken_pair()
    problems = "\n".join(placeholder_mismatches(catalog))
    assert "Hello %(name)s," in problems
    assert "feedback" in problems
    assert "400%%" in problems


def test_helpers_report_babel_checker_errors():
    catalog = Catalog(locale="pl", fuzzy=False)
    catalog.add("Hello %(name)s,", "Dzień dobry, %s!", flags=["python-format"])
    assert len(checker_errors(catalog)) == 1


def test_helpers_catch_a_wrong_header():
    catalog = Catalog(locale="ur", fuzzy=False)
    assert header_problems(catalog, "ur", 2) == []
    assert header_problems(catalog, "ar", 6) != []
