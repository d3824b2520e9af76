"""The check answers page: every answer given, in sections, said in a few words, each with a Change link."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.options.question_pages import Wording
from portal.options.questions import BY_KEY
from portal.rules.options import answers as rules

SECTIONS = (
    (_l("Your safety"), ("safe_tonight", "abuse")),
    (
        _l("Your home"),
        ("where_live", "told_to_leave", "leave_date", "bedrooms", "shares_facilities", "home_condition"),
    ),
    (_l("Your household"), ("age", "partner", "children", "other_adults", "pregnant")),
    (
        _l("Your situation"),
        (
            "immigration",
            "residence",
            "work_local",
            "move_for_work",
            "health",
            "care_support",
            "support_needs",
            "care_leaver",
            "armed_forces",
        ),
    ),
    (_l("Money"), ("income_yearly", "take_home_monthly", "savings", "owns_home")),
)
DETAILS_KEYS = ("children_details", "adults_details")
assert sorted(key for _heading, keys in SECTIONS for key in keys) == sorted(
    key for key in rules.QUESTION_ORDER if key not in DETAILS_KEYS
), "Every question but the people details has a row on the check answers page"


def summary_sections(answers: dict[str, Any], words: Wording) -> list[dict[str, Any]]:
    """The check answers page: a heading and rows for each section, only for questions asked."""
    asked = set(rules.questions_to_ask(answers))
    sections = []
    for heading, keys in SECTIONS:
        rows = []
        for key in keys:
            if key not in asked or key in DETAILS_KEYS:
                continue
            page = BY_KEY[key]
            label = words.fill(page.label)
            rows.append(
                {
                    "key": {"text": label},
                    "value": {"text": page.summary(answers, words)},
                    "actions": {
                        "items": [
                            {
                                "href": url_for("options.question", slug=page.slug, change=1),
                                "text": _("Change"),
                                "visuallyHiddenText": label,
                            }
                        ]
                    },
                }
            )
        if rows:
            sections.append({"heading": str(heading), "rows": rows})
    return sections
