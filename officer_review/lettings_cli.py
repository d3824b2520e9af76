"""Lettings from the command line: ``flask lettings run-cycles``.

Run it once a day (after midnight): it opens each planned cycle whose opening
day has come and closes each open cycle whose closing day has passed, as an
officer would from the cycle's page.
"""

from __future__ import annotations

import datetime as dt

import click
from flask import Flask
from flask.cli import AppGroup

from portal.data import cycles, lettings_clock
from portal.extensions import db

lettings_cli = AppGroup("lettings", help="Bidding cycles and lettings.")


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


def _day(value: str | None) -> dt.date:
    if not value:
        return lettings_clock.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("give the day as YYYY-MM-DD, like 2027-03-27", param_hint="--today") from None


@lettings_cli.command("run-cycles")
@click.option("--today", "today_text", metavar="YYYY-MM-DD", help="The day to run for (default: today).")
def run_cycles_command(today_text: str | None) -> None:
    """Open planned cycles whose opening day has come; close open cycles whose closing day has passed."""
    today = _day(today_text)
    opened = closed = 0
    for cycle in cycles.cycles_due_to_open(db.session, today):
        placed = cycles.open_cycle(db.session, cycle, None, today)
        db.commit()
        opened += 1
        click.echo(f"Opened {cycle.name} (opens {cycle.opens_on.isoformat()}): {_count(placed, 'automatic bid')}.")
    for cycle in cycles.cycles_due_to_close(db.session, today):
        shortlisted = cycles.close_cycle(db.session, cycle, None, today)
        db.commit()
        closed += 1
        made = _count(len(shortlisted), "shortlist")
        click.echo(f"Closed {cycle.name} (last day {cycle.closes_on.isoformat()}): {made} made.")
    click.echo(f"Opened {_count(opened, 'cycle')} and closed {_count(closed, 'cycle')} on {today.isoformat()}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(lettings_cli)
