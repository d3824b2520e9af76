"""How fast the officer area answers with a full register.

Made-up sent applications (a fixed seed: names, dates of birth, National
Insurance numbers, postcodes, stages and received dates) are written straight
into the benchmark's database; then the demo officer's dashboard, a queue,
a search and one case's overview and assessment pages are timed through the app.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from flask import Flask

from benchmarks.applying import _median, _p95, _sign_in, _time_get

FIRST = ("Amal", "Ben", "Chen", "Dana", "Emeka", "Fiona", "Gita", "Hugo", "Iris", "Jan", "Kemi", "Luis")
LAST = ("Adeyemi", "Brown", "Clarke", "Duda", "Evans", "Fraser", "Gill", "Hughes", "Iqbal", "Jones", "Khan")
STAGES = ("submitted", "submitted", "awaiting_evidence", "being_assessed", "active")


@dataclass
class OfficerResult:
    applications: int
    timings: dict[str, list[float]]


def seed_register(app: Flask, count: int, seed: int = 2026) -> int:
    """Write ``count`` sent applications, each with an applicant and an address; give one case's id."""
    from portal.auth.roles import Role
    from portal.data.application_models import Address, Application, HouseholdMember
    from portal.data.models import User
    from portal.extensions import db

    rng = random.Random(seed)  # noqa: S311  (made-up data, not security)
    today = dt.date(2026, 11, 22)
    with app.app_context():
        for number in range(count):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            user = User(email=f"bench{number}@example.org", full_name=name, password_hash="!", role=Role.APPLICANT)  # noqa: S106  (cannot sign in)
            db.session.add(user)
            db.session.flush()
            application = Application(
                user_id=user.id,
                reference=f"HR-B{number:05d}",
                stage=rng.choice(STAGES),
                received_on=today - dt.timedelta(days=rng.randrange(0, 400)),
                answers={},
            )
            application.people.append(
                HouseholdMember(
                    position=0,
                    full_name=name,
                    date_of_birth=dt.date(rng.randrange(1950, 2005), rng.randrange(1, 13), rng.randrange(1, 29)),
                    ni_number=f"QQ{number:06d}C",
                )
            )
            application.addresses.append(
                Address(
                    line_1=f"{number} High Street", town="Exampleton", postcode=f"EX{number % 9 + 1} {number % 10}AB"
                )
            )
            db.session.add(application)
        db.session.commit()
        case_id = db.session.query(Application.id).filter(Application.reference == "HR-B00001").scalar()
    return int(case_id)


def measure(app: Flask, applications: int = 5_000, pages: int = 100) -> OfficerResult:
    case_id = seed_register(app, applications)
    officer = _sign_in(app, "officer@example.org")
    paths = {
        "Queues and counts (`/officer/`)": "/officer/",
        "New submissions queue, first page": "/officer/queues/new-submissions",
        "Search by surname": "/officer/search?q=Hughes",
        "Search by National Insurance number": "/officer/search?q=QQ001234C",
        "Case overview": f"/officer/cases/{case_id}",
        "Assessment (the rules' proposal)": f"/officer/cases/{case_id}/assessment",
    }
    return OfficerResult(applications, {label: _time_get(officer, path, pages) for label, path in paths.items()})


def report_lines(result: OfficerResult) -> list[str]:
    lines = [
        "",
        "## Officer area",
        "",
        f"With {result.applications:,} made-up sent applications in the register, signed in as the demo officer.",
        "",
        "| Page | Requests | Median | 95th percentile |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, timings in result.timings.items():
        lines.append(f"| {label} | {len(timings)} | {_median(timings)} | {_p95(timings)} |")
    return lines
