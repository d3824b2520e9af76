"""Lettings from the command line: ``flask lettings ...``."""

from __future__ import annotations

from flask import Flask
from flask.cli import AppGroup

lettings_cli = AppGroup("lettings", help="Bidding cycles and lettings.")


def init_app(app: Flask) -> None:
    app.cli.add_command(lettings_cli)
