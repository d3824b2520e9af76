"""Reading consents: which support workers may act for an applicant today, and with what scope."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.models import User
from portal.data.support_models import Consent, Organisation, SupportWorker
from portal.rules.support.scopes import ConsentState, in_force


def worker_profile(session: Session, user_id: int) -> SupportWorker | None:
    return session.get(SupportWorker, user_id)


def organisation_of(session: Session, worker: SupportWorker) -> Organisation:
    organisation = session.get(Organisation, worker.organisation_id)
    assert organisation is not None  # the foreign key holds
    return organisation


def state_of(consent: Consent, worker: SupportWorker | None) -> ConsentState:
    return ConsentState(
        status=consent.status,
        expires_on=consent.expires_on,
        worker_approved=worker is not None and worker.is_approved,
    )


def consent_in_force(session: Session, worker_id: int, applicant_id: int, today: dt.date) -> Consent | None:
    """The consent that lets this worker act for this applicant today, if there is one."""
    worker = worker_profile(session, worker_id)
    query = (
        select(Consent)
        .where(Consent.worker_id == worker_id, Consent.applicant_id == applicant_id, Consent.status == "active")
        .order_by(Consent.id.desc())
    )
    for consent in session.scalars(query):
        if in_force(state_of(consent, worker), today):
            return consent
    return None


def consent_for_worker(session: Session, worker_id: int, consent_id: int) -> Consent | None:
    """One of this worker's consents, whatever its state; None for anyone else's."""
    consent = session.get(Consent, consent_id)
    if consent is None or consent.worker_id != worker_id:
        return None
    return consent


def consent_for_applicant(session: Session, applicant_id: int, consent_id: int) -> Consent | None:
    """One of this applicant's consents, whatever its state; None for anyone else's."""
    consent = session.get(Consent, consent_id)
    if consent is None or consent.applicant_id != applicant_id:
        return None
    return consent


def consents_of_worker(session: Session, worker_id: int) -> list[Consent]:
    query = select(Consent).where(Consent.worker_id == worker_id).order_by(Consent.created_at.desc(), Consent.id.desc())
    return list(session.scalars(query))


def consents_of_applicant(session: Session, applicant_id: int) -> list[Consent]:
    query = (
        select(Consent)
        .where(Consent.applicant_id == applicant_id)
        .order_by(Consent.created_at.desc(), Consent.id.desc())
    )
    return list(session.scalars(query))


def helpers_in_force(session: Session, applicant_id: int, today: dt.date) -> list[tuple[Consent, User, SupportWorker]]:
    """Each support worker who may act for the applicant today, with their consent."""
    query = (
        select(Consent, User, SupportWorker)
        .join(User, User.id == Consent.worker_id)
        .join(SupportWorker, SupportWorker.user_id == Consent.worker_id)
        .where(Consent.applicant_id == applicant_id, Consent.status == "active")
        .order_by(Consent.id)
    )
    found = []
    for row in session.execute(query):
        consent, user, worker = row[0], row[1], row[2]
        if in_force(state_of(consent, worker), today):
            found.append((consent, user, worker))
    return found
