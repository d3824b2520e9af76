"""How fast the housing options advice is made: the advice alone, the plan page and its PDF.

Sets of answers are generated from a fixed seed, covering every kind of home,
household sizes, incomes, urgent cases and the conditional questions. The
advice is timed on one core; the plan page and the PDF are timed through the
app, with the answers in the session.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask

from portal.rules.options.answers import (
    ARMED_FORCES,
    HEALTH,
    HOME_TYPES_ASKED,
    IMMIGRATION,
    RESIDENCE,
    questions_to_ask,
)

AS_AT = dt.date(2026, 11, 22)


def _people(rng: random.Random, count: int, ages: tuple[int, int]) -> list[dict[str, Any]]:
    return [{"age": rng.randint(*ages), "sex": rng.choice(("male", "female"))} for _ in range(count)]


def answers(rng: random.Random) -> dict[str, Any]:
    """One made-up, complete set of answers."""
    given: dict[str, Any] = {
        "safe_tonight": rng.choice(("yes", "yes", "yes", "no")),
        "abuse": rng.choice(("no", "no", "no", "yes", "prefer_not_to_say")),
        "where_live": rng.choice(HOME_TYPES_ASKED),
        "told_to_leave": rng.choice(("yes", "no", "no")),
        "leave_date": (AS_AT + dt.timedelta(days=rng.randint(-30, 200))).isoformat(),
        "age": rng.randint(17, 90),
        "partner": rng.choice(("yes", "no")),
        "children": rng.choice((0, 0, 1, 2, 3, 5)),
        "other_adults": rng.choice((0, 0, 0, 1, 2)),
        "pregnant": rng.choice(("no", "no", "no", "yes")),
        "bedrooms": rng.randint(0, 4),
        "shares_facilities": rng.choice(("yes", "no", "no")),
        "home_condition": rng.choice(("yes", "no", "no")),
        "immigration": rng.choice(IMMIGRATION),
        "residence": rng.choice(RESIDENCE),
        "work_local": rng.choice(("yes", "no")),
        "move_for_work": rng.choice(("yes", "no", "no")),
        "health": rng.choice(HEALTH),
        "care_support": rng.choice(("yes", "no", "no")),
        "support_needs": rng.choice(("yes", "no", "no")),
        "care_leaver": rng.choice(("yes", "no", "no")),
        "armed_forces": rng.choice(ARMED_FORCES),
        "income_yearly": str(rng.randrange(0, 90_000)),
        "take_home_monthly": str(rng.randrange(0, 5_000)),
        "savings": str(rng.randrange(0, 60_000)),
        "owns_home": rng.choice(("yes", "no", "no", "no")),
    }
    given["children_details"] = _people(rng, given["children"], (0, 17))
    given["adults_details"] = _people(rng, given["other_adults"], (16, 90))
    asked = set(questions_to_ask(given))
    return {key: value for key, value in given.items() if key in asked}


@dataclass
class OptionsResult:
    households: int
    advice_seconds: float
    page_ms: list[float]
    pdf_ms: list[float]

    @property
    def advice_per_second(self) -> float:
        return self.households / self.advice_seconds


def _time_page(app: Flask, path: str, samples: list[dict[str, Any]]) -> list[float]:
    client = app.test_client()
    timings = []
    for given in samples:
        with client.session_transaction() as session:
            session["housing_options"] = given
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    return timings


def measure(app: Flask, households: int = 20_000, pages: int = 100, pdfs: int = 20, seed: int = 2026) -> OptionsResult:
    from portal.options.council_config import current_council
    from portal.rules.options.advice import advise
    from portal.rules.options.answers import OptionsAnswers
    from portal.rules.scheme import load_scheme

    rng = random.Random(seed)  # noqa: S311  (made-up data, not security)
    samples = [answers(rng) for _ in range(households)]
    typed = [OptionsAnswers.from_mapping(given) for given in samples]
    scheme = load_scheme("default")
    with app.app_context():
        council = current_council()
    started = time.perf_counter()
    for given in typed:
        advise(given, scheme, council, AS_AT)
    advice_seconds = time.perf_counter() - started
    page_ms = _time_page(app, "/options/results", samples[:pages])
    pdf_ms = _time_page(app, "/options/results.pdf", samples[:pdfs])
    return OptionsResult(households, advice_seconds, page_ms, pdf_ms)


def report_lines(result: OptionsResult) -> list[str]:
    return [
        "## Housing options advice",
        "",
        "| Measure | Result |",
        "| --- | ---: |",
        f"| Advice for {result.households:,} generated households (the engine's assessment and every option), "
        f"one core | {result.advice_per_second:,.0f} per second |",
        f"| The plan page, in process ({len(result.page_ms)} households) | median "
        f"{statistics.median(result.page_ms):.1f} ms (slowest {max(result.page_ms):.1f} ms) |",
        f"| The plan as a PDF with WeasyPrint ({len(result.pdf_ms)} households) | median "
        f"{statistics.median(result.pdf_ms):.0f} ms (slowest {max(result.pdf_ms):.0f} ms) |",
        "",
        "The answers are generated from a fixed seed by `benchmarks/options.py`: every kind of "
        "home, households of one to eight people, urgent cases, every immigration answer and "
        "the questions asked only sometimes.",
        "",
    ]
