"""The reassessment job: tasks for officers when a child's birthday will change how many bedrooms a household needs.

Run it each day with ``flask apply reassessment-tasks``. It looks at every
application that is sent and not closed or on hold, and makes one task for
each birthday from today to ``days_ahead`` days ahead that changes the
bedroom need. A task is never made twice, so the job can run as often as
needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import click
from sqlalchemy.orm import Session

from portal.apply.routes import bp
from portal.data.applications import facts_of
from portal.data.changes import add_task, applications_in_stages, has_task
from portal.extensions import db
from portal.options.council_config import current_scheme
from portal.rules.application.birthdays import BirthdayChange, bedroom_need_changes
from portal.rules.scheme import Scheme

WATCHED_STAGES = ("submitted", "awaiting_evidence", "being_assessed", "decided", "active", "under_review")
BIRTHDAY = "child_birthday"
ONE_DAY = dt.timedelta(days=1)


def _details(change: BirthdayChange) -> dict[str, object]:
    return {
        "person_id": change.person_id,
        "age": change.age,
        "need_before": change.need_before,
        "need_after": change.need_after,
    }


def _by_day(changes: Iterable[BirthdayChange]) -> dict[dt.date, list[BirthdayChange]]:
    found: dict[dt.date, list[BirthdayChange]] = {}
    for change in changes:
        found.setdefault(change.on, []).append(change)
    return found


def create_birthday_tasks(session: Session, today: dt.date, days_ahead: int = 31, scheme: Scheme | None = None) -> int:
    """Make a task for each birthday from today to ``today + days_ahead`` that changes bedroom need.

    One task is made for each application and day (twins share one, with both
    named under ``people``). Returns how many tasks were made.
    """
    rules = scheme if scheme is not None else current_scheme()
    made = 0
    for application in applications_in_stages(session, WATCHED_STAGES):
        found = bedroom_need_changes(facts_of(application), rules, today - ONE_DAY, today + dt.timedelta(days_ahead))
        for day, changes in _by_day(found).items():
            if has_task(session, application, BIRTHDAY, day):
                continue
            details = _details(changes[0])
            if len(changes) > 1:
                details["people"] = [_details(change) for change in changes]
            add_task(session, application, BIRTHDAY, day, details)
            made += 1
    return made


@bp.cli.command("reassessment-tasks")
@click.option("--days-ahead", default=31, show_default=True, help="How many days ahead to look for birthdays.")
def reassessment_tasks_command(days_ahead: int) -> None:
    """Make reassessment tasks for birthdays that change how many bedrooms a household needs."""
    made = create_birthday_tasks(db.session, dt.date.today(), days_ahead)
    db.commit()
    click.echo(f"Made {made} new reassessment tasks.")
