"""How fast applications are worked out and shown.

Made-up application facts (a fixed seed: household sizes, ages, homes,
addresses, money, health and immigration answers) go through the provisional
result and the evidence list on one core. The task list, the status page and
saving one answer are timed through the app for the demo applicants.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from portal.rules.parameters import HOME_TYPES

AS_AT = dt.date(2026, 11, 22)
STATUSES = ("british_irish", "settled", "pre_settled", "refugee", "visa", "no_public_funds", "none", "not_sure")


def _born(rng: random.Random, low: int, high: int) -> str:
    return (AS_AT - dt.timedelta(days=rng.randint(low * 365, high * 365 + 364))).isoformat()


def facts(rng: random.Random) -> dict[str, Any]:
    """One made-up application, as the facts the rules read."""
    people: list[dict[str, Any]] = [
        {
            "id": "p1",
            "relationship": "applicant",
            "full_name": "A",
            "date_of_birth": _born(rng, 18, 80),
            "sex": rng.choice(("male", "female")),
            "immigration_status": rng.choice(STATUSES),
            "lived_in_uk_2_years": rng.choice(("yes", "yes", "no")),
        }
    ]
    if rng.random() < 0.5:
        people.append(
            {
                "id": "p2",
                "relationship": "partner",
                "full_name": "B",
                "date_of_birth": _born(rng, 18, 80),
                "sex": rng.choice(("male", "female")),
                "lives_with_you": "yes",
                "immigration_status": rng.choice(STATUSES),
                "lived_in_uk_2_years": "yes",
            }
        )
    for number in range(rng.choice((0, 0, 1, 2, 3, 4))):
        people.append(
            {
                "id": f"c{number}",
                "relationship": "child",
                "full_name": "C",
                "date_of_birth": _born(rng, 0, 17),
                "sex": rng.choice(("male", "female")),
                "lives_with_you": "yes",
            }
        )
    moved = AS_AT - dt.timedelta(days=rng.randint(30, 4000))
    addresses = [
        {
            "id": "a1",
            "line_1": "1 Road",
            "town": "Town",
            "postcode": "EX1 1AA",
            "moved_in": moved.isoformat(),
            "moved_out": None,
            "in_area": rng.choice(("yes", "yes", "no")),
        }
    ]
    home = rng.choice(HOME_TYPES)
    return {
        "reference": None,
        "submitted_on": AS_AT.isoformat(),
        "people": people,
        "addresses": addresses,
        "answers": {
            "current_home": {
                "home_type": home,
                "bedrooms": rng.randint(0, 4),
                "shares_facilities": "no",
                "disrepair": rng.choice(("yes", "no")),
                "must_leave": rng.choice(("yes", "no", "no")),
                "must_leave_date": (AS_AT + dt.timedelta(days=rng.randint(0, 120))).isoformat(),
                "nowhere_tonight": rng.choice(("yes", "no", "no", "no")),
            },
            "household": {
                "pregnant": rng.choice(("yes", "no", "no")),
                "due_date": (AS_AT + dt.timedelta(days=rng.randint(1, 200))).isoformat(),
            },
            "money": {
                "income": str(rng.randrange(0, 90_000)),
                "savings": str(rng.randrange(0, 60_000)),
                "owns_property": rng.choice(("yes", "no", "no", "no")),
            },
            "health": {"health_problem": rng.choice(("yes", "no")), "overnight_carer": "no", "own_room": "no"},
            "safety": {"domestic_abuse": rng.choice(("yes", "no", "no")), "care_leaver": "no", "armed_forces": "no"},
            "tenancy": {"rent_arrears": rng.choice(("yes", "no")), "arrears_amount": str(rng.randrange(0, 3000))},
        },
    }


@dataclass
class ApplyingResult:
    applications: int
    rules_seconds: float
    task_list_ms: list[float]
    status_ms: list[float]
    save_ms: list[float]

    @property
    def per_second(self) -> float:
        return self.applications / self.rules_seconds


def _sign_in(app: Flask, email: str) -> FlaskClient:
    from benchmarks.run import sign_in
    from portal.demo import DEMO_PASSWORD

    client = app.test_client()
    sign_in(client, email, DEMO_PASSWORD)
    return client


def _time_get(client: FlaskClient, path: str, count: int) -> list[float]:
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    return timings


def _time_saves(client: FlaskClient, count: int) -> list[float]:
    from benchmarks.run import CSRF_PATTERN

    path = "/apply/about-you/phone"
    match = CSRF_PATTERN.search(client.get(path).get_data(as_text=True))
    if match is None:
        raise RuntimeError(f"No CSRF token on {path}")
    timings = []
    for number in range(count):
        started = time.perf_counter()
        response = client.post(path, data={"csrf_token": match.group(1), "phone": f"07700 900{number % 1000:03d}"})
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302:
            raise RuntimeError(f"Saving {path} answered {response.status_code}")
    return timings


def measure(app: Flask, applications: int = 10_000, pages: int = 200, seed: int = 2026) -> ApplyingResult:
    from portal.rules.application.evidence import evidence_needed
    from portal.rules.application.provisional import provisional_result
    from portal.rules.scheme import load_scheme

    rng = random.Random(seed)  # noqa: S311  (made-up data, not security)
    samples = [facts(rng) for _ in range(applications)]
    scheme = load_scheme("default")
    started = time.perf_counter()
    for sample in samples:
        provisional_result(sample, AS_AT, scheme)
        evidence_needed(sample)
    rules_seconds = time.perf_counter() - started
    draft = _sign_in(app, "tomasz@example.org")
    sent = _sign_in(app, "applicant@example.org")
    return ApplyingResult(
        applications=applications,
        rules_seconds=rules_seconds,
        task_list_ms=_time_get(draft, "/apply/", pages),
        status_ms=_time_get(sent, "/apply/status", pages),
        save_ms=_time_saves(draft, pages),
    )


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ms"


def _p95(values: list[float]) -> str:
    return f"{statistics.quantiles(values, n=20)[-1]:.1f} ms"


def report_lines(result: ApplyingResult) -> list[str]:
    return [
        "",
        "## Applying",
        "",
        f"The provisional result and evidence list for {result.applications:,} made-up applications, on one core: "
        f"**{result.per_second:,.0f} applications a second**.",
        "",
        "| Page | Requests | Median | 95th percentile |",
        "| --- | ---: | ---: | ---: |",
        f"| Task list (`/apply/`, a draft) | {len(result.task_list_ms)} | {_median(result.task_list_ms)} "
        f"| {_p95(result.task_list_ms)} |",
        f"| Status (`/apply/status`, a sent application) | {len(result.status_ms)} | {_median(result.status_ms)} "
        f"| {_p95(result.status_ms)} |",
        f"| Saving one answer (POST `/apply/about-you/phone`) | {len(result.save_ms)} | {_median(result.save_ms)} "
        f"| {_p95(result.save_ms)} |",
    ]
