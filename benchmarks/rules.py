"""How fast the rules engine assesses a register and ranks a shortlist.

A register of households is generated from a fixed seed (so every run
measures the same register), each household written as a contract input line.
The lines are read into cases before timing; then every case is assessed on one
core. Separately, the whole command path (JSON text in, JSON text out) is timed
on a slice of the register, and a shortlist of 10,000 bidders is ranked.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import time
from dataclasses import dataclass
from typing import Any

HOME_TYPES = (
    "private_rented",
    "council_tenant",
    "housing_association_tenant",
    "living_with_family",
    "lodger",
    "temporary_accommodation",
    "sofa_surfing",
    "owner_occupier",
)
DUTIES = (None, None, None, "prevention", "relief", "main")
MEDICAL = (None, None, None, None, "medium", "high", "urgent")


def _date(rng: random.Random, start: dt.date, days: int) -> str:
    return (start + dt.timedelta(days=rng.randrange(days))).isoformat()


def household(rng: random.Random, number: int) -> dict[str, Any]:
    """One made-up household as an `assess` input line."""
    as_at = dt.date(2025, 6, 1)
    registration = _date(rng, dt.date(2018, 1, 1), 2600)
    people: list[dict[str, Any]] = [
        {
            "id": "a",
            "role": "applicant",
            "date_of_birth": _date(rng, dt.date(1950, 1, 1), 18000),
            "sex": rng.choice(("male", "female")),
        }
    ]
    if rng.random() < 0.5:
        people[0]["partner_of"] = "b"
        people.append(
            {
                "id": "b",
                "role": "partner",
                "date_of_birth": _date(rng, dt.date(1955, 1, 1), 16000),
                "sex": rng.choice(("male", "female")),
                "partner_of": "a",
            }
        )
    for child in range(rng.choice((0, 0, 1, 2, 3, 4))):
        people.append(
            {
                "id": f"c{child}",
                "role": "child",
                "date_of_birth": _date(rng, dt.date(2008, 1, 1), 6000),
                "sex": rng.choice(("male", "female")),
                "needs_own_room": rng.random() < 0.03,
            }
        )
    home_type = rng.choice(HOME_TYPES)
    home: dict[str, Any] = {
        "type": home_type,
        "bedrooms_available": rng.randrange(0, 4),
        "shares_kitchen_or_bathroom_with_other_household": rng.random() < 0.1,
    }
    if rng.random() < 0.3:
        home["rooms"] = [
            {"kind": rng.choice(("bedroom", "living_room", "kitchen")), "area_sqft": rng.randrange(40, 160)}
            for _ in range(rng.randrange(2, 6))
        ]
    return {
        "id": f"HRB-{number:06d}",
        "as_at": as_at.isoformat(),
        "registration_date": registration,
        "scheme": rng.choice(("default", "hampshire")),
        "people": people,
        "pregnancy_weeks": rng.choice((None, None, None, 12, 30)),
        "current_home": home,
        "local_connection": {
            "lived_in_district_since": _date(rng, dt.date(2005, 1, 1), 4700) if rng.random() < 0.85 else None
        },
        "finances": {
            "gross_annual_income": rng.randrange(0, 70000),
            "savings": rng.randrange(0, 40000),
            "rent_arrears": {"amount": rng.choice((0, 0, 200, 800)), "arrangement_kept": rng.random() < 0.5},
        },
        "officer_assessments": {"medical_welfare": rng.choice(MEDICAL)},
        "homelessness": {
            "duty": rng.choice(DUTIES),
            "must_leave_by": _date(rng, as_at, 120) if rng.random() < 0.1 else None,
        },
        "history": [{"date": registration, "band": rng.choice((None, 2, 3))}] if rng.random() < 0.3 else [],
    }


@dataclass
class RulesResult:
    households: int
    assess_seconds: float
    command_lines: int
    command_seconds: float
    bidders: int
    rank_ms: list[float]

    @property
    def assessments_per_second(self) -> float:
        return self.households / self.assess_seconds

    @property
    def command_lines_per_second(self) -> float:
        return self.command_lines / self.command_seconds


def measure(households: int = 100_000, bidders: int = 10_000, seed: int = 2026) -> RulesResult:
    from portal.rules.assess import assess
    from portal.rules.contract.assess_io import assess_line, read_case
    from portal.rules.ranking import Candidate, shortlist_order

    rng = random.Random(seed)  # noqa: S311  (made-up data, not security)
    lines = [household(rng, number) for number in range(households)]
    cases = [read_case(line) for line in lines]

    started = time.perf_counter()
    for case, scheme in cases:
        assess(case, scheme)
    assess_seconds = time.perf_counter() - started

    command_lines = min(households, 20_000)
    texts = [json.dumps(line) for line in lines[:command_lines]]
    from portal.rules.contract.fields import parse_json_line
    from portal.rules.contract.output import dumps

    started = time.perf_counter()
    for text in texts:
        dumps(assess_line(parse_json_line(text)))
    command_seconds = time.perf_counter() - started

    candidates = [
        Candidate(
            ref=f"HRB-{rng.randrange(10**6):06d}-{number}",
            band=rng.randrange(1, 5),
            priority_date=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650)),
            registration_date=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650)),
        )
        for number in range(bidders)
    ]
    timings = []
    for _ in range(21):
        rng.shuffle(candidates)
        started = time.perf_counter()
        shortlist_order(candidates)
        timings.append((time.perf_counter() - started) * 1000)
    return RulesResult(households, assess_seconds, command_lines, command_seconds, bidders, timings)


def report_lines(result: RulesResult) -> list[str]:
    return [
        "## Rules engine",
        "",
        "| Measure | Result |",
        "| --- | ---: |",
        f"| Full assessments of a generated register of {result.households:,} households, one core | "
        f"{result.assessments_per_second:,.0f} per second ({result.assess_seconds:.2f} s in all) |",
        f"| `housing-register assess` path for {result.command_lines:,} lines (JSON in, checks, assessment, JSON out) | "
        f"{result.command_lines_per_second:,.0f} lines per second |",
        f"| Ranking a shortlist of {result.bidders:,} bidders (median of {len(result.rank_ms)} runs) | "
        f"{statistics.median(result.rank_ms):.1f} ms (slowest {max(result.rank_ms):.1f} ms) |",
        "",
        "The register is generated from a fixed seed by `benchmarks/rules.py`: households of one "
        "to six people across the home types, both shipped schemes, incomes, savings, arrears, "
        "medical awards, homelessness duties, room data for some and history for some. The cases "
        "are read before timing, so the first row is the engine alone; the second row adds reading "
        "and checking the JSON and writing the result.",
        "",
    ]
