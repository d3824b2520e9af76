"""The portal calls the rules engine and shows its reasons in the page's language."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from babel.messages.pofile import read_po
from flask import render_template_string
from flask_babel import refresh

from portal.config import PROJECT_ROOT
from portal.explanations import explain
from portal.rules.assess import assess
from portal.rules.contract.assess_io import read_case

CASES = PROJECT_ROOT.parent / "shared" / "cases" / "assess-public.jsonl"


def first_case():
    line = next(line for line in CASES.read_text().splitlines() if line.strip())
    return read_case(json.loads(line, parse_float=Decimal))


def test_portal_assesses_and_explains_in_english(app):
    case, scheme = first_case()
    assessment = assess(case, scheme)
    with app.test_request_context("/?lang=en"):
        refresh()
        sentences = explain(assessment.sentences)
    assert sentences == [sentence.text() for sentence in assessment.sentences]
    assert all(sentence.endswith(".") and "Scheme rule" in sentence for sentence in sentences)


@pytest.mark.parametrize("locale", ["pl", "ar"])
def test_reasons_are_shown_in_the_page_language(app, locale):
    case, scheme = first_case()
    assessment = assess(case, scheme)
    with open(PROJECT_ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalogue = read_po(f)
    with app.test_request_context(f"/?lang={locale}"):
        refresh()
        shown = render_template_string("{{ sentences | explain | join('|') }}", sentences=assessment.sentences)
    for sentence in assessment.sentences:
        translated = catalogue.get(sentence.message)
        assert translated is not None and translated.string, sentence.message
        expected = translated.string % dict(sentence.params) if sentence.params else translated.string
        assert expected in shown
    assert sentence.message not in shown
