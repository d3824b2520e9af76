"""Officer case work from the command line: ``flask officer find-duplicates``."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from portal.data.duplicates import find_all_duplicates, pair_of
from portal.extensions import db
from portal.rules.casework.kinds import DUPLICATE_MATCHES

officer_cli = AppGroup("officer", help="Officer case work.")


@officer_cli.command("find-duplicates")
def find_duplicates_command() -> None:
    """Check every sent application for possible duplicates, and flag the new ones for an officer."""
    flags = find_all_duplicates(db.session)
    db.commit()
    for flag in flags:
        first, second = pair_of(db.session, flag)
        click.echo(
            f"{first.reference} and {second.reference}: {DUPLICATE_MATCHES.get(flag.matched_on, flag.matched_on)}"
        )
    count = len(flags)
    click.echo(f"Found {count} new possible duplicate{'' if count == 1 else 's'}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(officer_cli)
