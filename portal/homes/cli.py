"""Homes from the command line: ``flask homes send-alerts`` emails property alerts (add it to a daily job)."""

from __future__ import annotations

import logging
import smtplib
from typing import Any

import click
from flask import Flask, current_app, url_for
from flask.cli import AppGroup
from flask_babel import force_locale

from portal.data import alerts
from portal.data.advert_models import Advert
from portal.extensions import db
from portal.notify import email_applicant
from portal.templating import show_date

homes_cli = AppGroup("homes", help="Advertised homes and property alerts.")
log = logging.getLogger(__name__)


def _home(advert: Advert) -> dict[str, Any]:
    """One home for the email, worded in the current language."""
    from portal.homes.describe import headline, short_cost
    from portal.homes.routes import kind_name

    return {
        "title": ", ".join(part for part in (advert.address_line_1, advert.area) if part),
        "what": f"{headline(advert)}, {kind_name('tenure', advert.tenure).lower()}",
        "cost": short_cost(advert),
        "closes": show_date(advert.cycle.closes_on) if advert.cycle else "",
        "link": url_for("homes.advert", reference=advert.reference, _external=True),
    }


def send_alert(due: alerts.AlertDue) -> bool:
    """Email one saved search's new homes to its owner, in their language, at the address they chose.

    False when it could not be sent now (try again next time); True when sent, or when they have no email
    address for us (so the homes are not offered again).
    """
    locale = due.user.preferred_locale or "en"
    with force_locale(locale):
        homes = [_home(advert) for advert in due.adverts]
    try:
        email_applicant(
            db.session,
            due.user,
            "property_alert",
            name=due.user.full_name,
            adverts=due.adverts,
            homes=homes,
            alerts_link=url_for("homes.alerts", _external=True),
            council=current_app.config.get("COUNCIL_NAME", ""),
        )
    except (OSError, smtplib.SMTPException):
        log.exception("Could not email property alert %s", due.search.id)
        return False
    return True


@homes_cli.command("send-alerts")
def send_alerts_command() -> None:
    """Email each saved search's owner about the homes taking bids that match it and were not sent before."""
    sent = 0
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        for due in alerts.alerts_due(db.session):
            if send_alert(due):
                alerts.mark_sent(db.session, due.search, due.adverts)
                db.commit()
                sent += 1
    click.echo(f"Sent {sent} property alert email{'' if sent == 1 else 's'}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(homes_cli)
