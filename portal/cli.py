"""Command-line tasks: migrate the database, seed demo data, create staff accounts.

Run them with ``flask --app portal.app:create_app <command>``.
"""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from portal.auth.roles import STAFF_ROLES_CREATED_BY_ADMIN
from portal.data.migrate import upgrade_database
from portal.extensions import db


@click.command("db-upgrade")
@with_appcontext
def db_upgrade_command() -> None:
    """Apply every database migration."""
    upgrade_database(current_app.config["DATABASE_URL"])
    click.echo("The database is up to date.")


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Create the demo accounts and demo data (development and demo mode only)."""
    if not current_app.config.get("DEMO_MODE"):
        click.echo("Demo data is only created in development or demo mode.", err=True)
        sys.exit(1)
    import datetime as dt

    from portal.demo import DEMO_PASSWORD, seed_demo
    from portal.demo_applications import seed_demo_applications
    from portal.demo_assisted import seed_demo_assisted
    from portal.demo_cases import seed_demo_cases
    from portal.demo_lettings import seed_demo_lettings_and_register
    from portal.demo_support import seed_demo_support
    from portal.options.council_config import current_scheme

    created = seed_demo(db.session)
    today = dt.date.today()
    applications = seed_demo_applications(db.session, current_scheme(), today, DEMO_PASSWORD)
    applications += seed_demo_cases(db.session, current_scheme(), today, DEMO_PASSWORD)
    # Decision letters and lettings give the full addresses of pages, as if asked from the portal's own address.
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        applications += seed_demo_lettings_and_register(db.session, today)
        seed_demo_support(db.session, today)
        applications += seed_demo_assisted(db.session, today)
    db.commit()
    click.echo(f"Demo data ready ({created} new accounts, {applications} new applications).")


@click.command("create-staff")
@with_appcontext
@click.option("--email", required=True, help="Their work email address.")
@click.option("--name", "full_name", required=True, help="Their full name.")
@click.option(
    "--role",
    type=click.Choice([role.value for role in STAFF_ROLES_CREATED_BY_ADMIN]),
    default="officer",
    show_default=True,
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input instead of emailing a link to choose one.",
)
def create_staff_command(email: str, full_name: str, role: str, password_stdin: bool) -> None:
    """Create an officer, senior officer, admin or support worker account."""
    from portal.account.staff import create_staff_account
    from portal.auth.passwords import MINIMUM_LENGTH
    from portal.data.accounts import get_user_by_email

    if get_user_by_email(db.session, email) is not None:
        click.echo(f"There is already an account for {email}.", err=True)
        sys.exit(1)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    if password is not None and len(password) < MINIMUM_LENGTH:
        click.echo(f"The password must be at least {MINIMUM_LENGTH} characters.", err=True)
        sys.exit(1)
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        user = create_staff_account(
            db.session,
            admin=None,
            email=email,
            full_name=full_name,
            role_value=role,
            reset_lifetime=current_app.config["TOKEN_LIFETIME_RESET"],
            password=password,
        )
        db.commit()
    how = "with the password given" if password else "and emailed a link to choose a password"
    click.echo(f"Created {role} account {user.email} {how}.")


def init_app(app: Flask) -> None:
    for command in (db_upgrade_command, seed_demo_command, create_staff_command):
        app.cli.add_command(command)


def main() -> None:
    """Console entry point: ``housing-portal <command>``."""
    from flask.cli import FlaskGroup

    from portal.app import create_app

    FlaskGroup(create_app=create_app)(prog_name="housing-portal")
