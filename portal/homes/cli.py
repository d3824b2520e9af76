"""Homes from the command line: ``flask homes ...``."""

from __future__ import annotations

from flask import Flask
from flask.cli import AppGroup

homes_cli = AppGroup("homes", help="Advertised homes and property alerts.")


def init_app(app: Flask) -> None:
    app.cli.add_command(homes_cli)
