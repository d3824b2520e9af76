"""Walking the housing options questions in a real browser, as a person would.

A person starts at /options/, presses Start now, answers one question a page
(clicking the label of a choice, or typing in the boxes) and presses Continue
until the check answers page. Every page on the way is checked: its language
and direction, Exit this page where it belongs, sideways scrolling on a narrow
screen, and axe.

Answers are given by the values the portal keeps ("private_rented"), so the
same walk works in every language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.support import Translations
from playwright.sync_api import Locator, Page, expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import NARROW, WIDE, LiveServer
from tests.browser.test_accessibility import horizontal_scrolling_problem, path_of

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
RTL = {"ar", "ur"}
#: Where Exit this page goes: the everyday page set in the page layout.
EXIT_URL = re.findall(r'"redirectUrl": "(https://[^"]+)"', (ROOT / "templates/common/base.html").read_text())[0]
QUESTIONS = "/options/questions/"
URGENT_HELP = "/options/urgent-help"
CHECK_ANSWERS = "/options/check-answers"
RESULTS = "/options/results"
#: How well an option fits, from the colour class of its tag (the tag's words say the same).
FIT_CLASSES = {"govuk-tag--green": "yes", "govuk-tag--yellow": "maybe", "govuk-tag--grey": "no"}
FIT_WORDS = {"yes": "Likely to suit you", "maybe": "Worth checking", "no": "Unlikely to suit you"}

#: Radios whose circle is not drawn over the radio itself (where a tap or click chooses it).
CIRCLES_AWAY_FROM_THEIR_RADIO = """() => Array.from(document.querySelectorAll('main .govuk-radios__item'))
  .filter(item => {
    const input = item.querySelector('.govuk-radios__input');
    const circle = getComputedStyle(item.querySelector('.govuk-radios__label'), '::before');
    const middle = item.getBoundingClientRect().left + parseFloat(circle.left) + parseFloat(circle.width) / 2;
    const radio = input.getBoundingClientRect();
    return middle < radio.left || middle > radio.right;
  })
  .map(item => item.querySelector('.govuk-radios__input').id)"""

#: An answer: a choice's value, text to type, a date as (day, month, year), or people as (age, sex) pairs.
Answer = str | tuple[str, str, str] | list[tuple[str, str]]


@dataclass(frozen=True)
class Persona:
    name: str
    answers: Mapping[str, Answer]  # every question this person is asked, in the order they are asked
    language: str = "en"
    viewport: Mapping[str, int] = field(default_factory=lambda: WIDE)

    @property
    def narrow(self) -> bool:
        return self.viewport["width"] <= NARROW["width"]

    @property
    def urgent(self) -> bool:
        return self.answers.get("safe_tonight") == "no" or self.answers.get("abuse") == "yes"


@cache
def catalogue(language: str) -> Translations:
    return Translations.load(str(TRANSLATIONS), [language])


def translated(language: str, message: str) -> str:
    """The message as the portal shows it in this language: translated when the translation has landed."""
    return catalogue(language).gettext(message)


def key_of(path: str) -> str:
    return path.removeprefix(QUESTIONS).replace("-", "_")


def check_page(page: Page, persona: Persona, where: str, *, exit_this_page: bool) -> None:
    """What every page of the journey must do, in this persona's language and screen width."""
    html = page.locator("html")
    expected_direction = "rtl" if persona.language in RTL else "ltr"
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (persona.language, expected_direction), where
    assert page.locator(".govuk-exit-this-page").count() == (1 if exit_this_page else 0), (
        f"{where}: Exit this page should {'' if exit_this_page else 'not '}be shown"
    )
    if exit_this_page:
        assert page.locator(".govuk-exit-this-page__button").get_attribute("href") == EXIT_URL
    misplaced = page.evaluate(CIRCLES_AWAY_FROM_THEIR_RADIO)
    assert not misplaced, f"{where}: the circles of radios {misplaced} are drawn away from the radios"
    if persona.narrow:
        assert horizontal_scrolling_problem(page) is None, f"{where}: {horizontal_scrolling_problem(page)}"
    assert_no_axe_violations(page, f"{where} ({persona.name}, {persona.language}, {persona.viewport['width']}px)")


def press_continue(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()


def choose(page: Page, name: str, value: str) -> None:
    """Click the label of a choice, as a person would, and see it chosen."""
    radio = page.locator(f"main input[type=radio][name='{name}'][value='{value}']")
    expect(radio).to_have_count(1)
    page.locator(f"main label[for='{radio.get_attribute('id')}']").click()
    expect(radio).to_be_checked()


def type_into(box: Locator, text: str) -> None:
    box.fill("")
    box.press_sequentially(text)


def answer(page: Page, key: str, given: Answer) -> None:
    """Give one answer on the question page that is showing."""
    if isinstance(given, list):
        for number, (age, sex) in enumerate(given, start=1):
            type_into(page.locator(f"main input[name='age_{number}']"), age)
            choose(page, f"sex_{number}", sex)
    elif isinstance(given, tuple):
        boxes = page.locator(f"main input[name='{key}']")  # day, month and year
        expect(boxes).to_have_count(3)
        for number, text in enumerate(given):
            type_into(boxes.nth(number), text)
    elif page.locator(f"main input[type=radio][name='{key}']").count():
        choose(page, key, given)
    else:
        type_into(page.locator(f"main input[name='{key}']"), given)


def start(page: Page, server: LiveServer, persona: Persona) -> None:
    page.goto(server(f"/options/?lang={persona.language}"))
    check_page(page, persona, "start page", exit_this_page=False)
    with page.expect_navigation():
        page.locator("main .govuk-button--start").click()


def walk_to_check_answers(page: Page, server: LiveServer, persona: Persona) -> list[str]:
    """Answer every question from the start page to check answers. Gives the pages seen: question keys and paths."""
    start(page, server, persona)
    seen: list[str] = []
    abuse_answered = False
    while path_of(page) != CHECK_ANSWERS:
        path = path_of(page)
        assert len(seen) < 40, f"The journey goes round in circles: {seen}"
        if path == URGENT_HELP:
            seen.append(path)
            check_page(page, persona, "urgent help", exit_this_page=True)
            with page.expect_navigation():
                page.locator("main a.govuk-button").click()
            continue
        assert path.startswith(QUESTIONS), f"Expected a question page, got {page.url}"
        key = key_of(path)
        assert key in persona.answers, f"{persona.name} was asked {key}, which they should not be asked"
        seen.append(key)
        exit_expected = key == "abuse" or (abuse_answered and persona.answers.get("abuse") == "yes")
        check_page(page, persona, f"question {key}", exit_this_page=exit_expected)
        answer(page, key, persona.answers[key])
        press_continue(page)
        abuse_answered = abuse_answered or key == "abuse"
    asked = [key for key in seen if key != URGENT_HELP]
    assert asked == list(persona.answers), f"{persona.name} was asked {asked}, expected {list(persona.answers)}"
    assert (URGENT_HELP in seen) == persona.urgent
    if persona.urgent:
        assert seen.index(URGENT_HELP) == seen.index("abuse") + 1, "Urgent help comes straight after the abuse question"
    check_page(page, persona, "check answers", exit_this_page=persona.answers.get("abuse") == "yes")
    return seen


def check_answer_rows(page: Page) -> list[tuple[str, str]]:
    """Each answer on the check answers page: its label and the answer in words."""
    rows = page.locator("main .govuk-summary-list__row")
    return [
        (
            row.locator(".govuk-summary-list__key").inner_text().strip(),
            row.locator(".govuk-summary-list__value").inner_text().strip(),
        )
        for row in rows.all()
    ]


def see_options(page: Page, persona: Persona, *, exit_this_page: bool) -> None:
    """From check answers, press See your options and check the plan page."""
    with page.expect_navigation():
        page.locator("main a.govuk-button").click()
    assert path_of(page) == RESULTS
    check_page(page, persona, "results", exit_this_page=exit_this_page)


def kind_of(section: Locator) -> str:
    return (section.get_attribute("id") or "").removeprefix("option-").replace("-", "_")


def plan_options(page: Page) -> list[tuple[str, str]]:
    """The options in the plan, in the order shown: (kind, fit), the fit read from the tag's colour class."""
    shown = []
    for section in page.locator("main section.app-plan-option").all():
        classes = (section.locator(".app-plan-option__fit").get_attribute("class") or "").split()
        fits = [FIT_CLASSES[name] for name in classes if name in FIT_CLASSES]
        assert len(fits) == 1, f"{kind_of(section)}: the fit tag has classes {classes}"
        shown.append((kind_of(section), fits[0]))
    return shown


def fit_words(page: Page) -> dict[str, str]:
    """The words of each option's fit tag, by kind."""
    sections = page.locator("main section.app-plan-option").all()
    return {kind_of(section): section.locator(".app-plan-option__fit").inner_text() for section in sections}


def check_plan(page: Page, fitting: Sequence[tuple[str, str]], *, language: str = "en") -> list[tuple[str, str]]:
    """The options that fit come first, in this order; every other option is shown as unlikely to suit."""
    shown = plan_options(page)
    assert shown[: len(fitting)] == list(fitting), f"The plan shows {shown}"
    assert all(fits == "no" for _kind, fits in shown[len(fitting) :]), f"The plan shows {shown}"
    assert "register" in dict(shown), "The housing register is always in the plan"
    words = fit_words(page)
    for kind, fits in shown:
        if fits == "no":  # help that is there if things change may say so instead
            assert words[kind] not in {translated(language, FIT_WORDS[other]) for other in ("yes", "maybe")}, kind
        else:
            assert words[kind] == translated(language, FIT_WORDS[fits]), f"{kind}: {words[kind]!r}"
    # The list of options at the top links to each, in the same order.
    contents = page.locator("main nav.app-plan-contents a").all()
    assert [link.get_attribute("href") for link in contents] == [
        "#option-" + kind.replace("_", "-") for kind, _fits in shown
    ]
    return shown


def plan_summary(page: Page) -> dict[str, str]:
    """The plan in short: bedrooms, band and wait, by the row's label."""
    rows = page.locator("main dl[aria-labelledby='summary-heading'] .govuk-summary-list__row").all()
    return {row.locator("dt").inner_text().strip(): row.locator("dd").inner_text().strip() for row in rows}


def option_text(page: Page, kind: str) -> str:
    return page.locator(f"main #option-{kind.replace('_', '-')}").inner_text()
