"""Referrals to partner teams and agencies, and what came of them, each audited on the application."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.case_models import PartnerReferral
from portal.data.models import User
from portal.rules.casework.kinds import PARTNERS


def referrals_for(session: Session, application_id: int) -> list[PartnerReferral]:
    """The case's referrals, the latest first."""
    query = (
        select(PartnerReferral)
        .where(PartnerReferral.application_id == application_id)
        .order_by(PartnerReferral.referred_on.desc(), PartnerReferral.id.desc())
    )
    return list(session.scalars(query))


def referral_of(session: Session, application_id: int, referral_id: int) -> PartnerReferral | None:
    referral = session.get(PartnerReferral, referral_id)
    return referral if referral is not None and referral.application_id == application_id else None


def make_referral(
    session: Session,
    application: Application,
    *,
    officer: User,
    partner: str,
    contact: str,
    reason: str,
    referred_on: dt.date,
) -> PartnerReferral:
    if partner not in PARTNERS:
        raise ValueError(f"Unknown partner {partner!r}")
    referral = PartnerReferral(
        application_id=application.id,
        partner=partner,
        contact=contact.strip(),
        reason=reason.strip(),
        referred_on=referred_on,
        referred_by_id=officer.id,
    )
    session.add(referral)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="referral.made",
        subject_type="application",
        subject_id=application.id,
        details={"referral_id": referral.id, "partner": partner, "referred_on": referred_on.isoformat()},
    )
    return referral


def record_outcome(
    session: Session, referral: PartnerReferral, *, officer: User, outcome: str, outcome_on: dt.date
) -> None:
    """Record (or correct) what came of a referral; the audit keeps any earlier outcome."""
    earlier = referral.outcome
    referral.outcome = outcome.strip()
    referral.outcome_on = outcome_on
    referral.outcome_by_id = officer.id
    session.flush()
    details: dict[str, object] = {
        "referral_id": referral.id,
        "partner": referral.partner,
        "outcome_on": outcome_on.isoformat(),
    }
    if earlier is not None:
        details["earlier_outcome"] = earlier
    record_event(
        session,
        actor=officer,
        action="referral.outcome",
        subject_type="application",
        subject_id=referral.application_id,
        details=details,
    )
