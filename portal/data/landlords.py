"""Landlords whose homes are advertised, and the nomination agreements of housing associations.

An agreement says what share of a housing association's lets in a period is
owed to households the council nominates. Its progress counts the lets by
nomination of that landlord's homes with a let date in the period.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert, Landlord, NominationAgreement
from portal.data.audit import record_event
from portal.data.letting_models import Let
from portal.data.models import User
from portal.rules.lettings.agreements import AgreementProgress, progress


class NameTaken(Exception):
    """There is already a landlord with this name (in any mix of capitals)."""


def list_landlords(session: Session) -> list[Landlord]:
    return list(session.scalars(select(Landlord).order_by(func.lower(Landlord.name), Landlord.id)))


def landlord_by_id(session: Session, landlord_id: int) -> Landlord | None:
    return session.get(Landlord, landlord_id)


def landlord_by_name(session: Session, name: str) -> Landlord | None:
    """The landlord with this name, whatever its capitals and surrounding spaces."""
    cleaned = " ".join(name.split()).lower()
    if not cleaned:
        return None
    return session.scalar(select(Landlord).where(func.lower(Landlord.name) == cleaned).limit(1))


def landlords_by_name(session: Session) -> dict[str, Landlord]:
    """Every landlord by its name in small letters."""
    return {landlord.name.lower(): landlord for landlord in list_landlords(session)}


def create_landlord(session: Session, *, name: str, kind: str, email: str, officer: User) -> Landlord:
    if landlord_by_name(session, name) is not None:
        raise NameTaken(name)
    landlord = Landlord(name=" ".join(name.split()), kind=kind, email=email)
    session.add(landlord)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.landlord_added",
        subject_type="landlord",
        subject_id=landlord.id,
        details={"name": landlord.name, "kind": kind},
    )
    return landlord


def agreements_for(session: Session, landlord_id: int) -> list[NominationAgreement]:
    """A landlord's agreements, the latest period first."""
    query = (
        select(NominationAgreement)
        .where(NominationAgreement.landlord_id == landlord_id)
        .order_by(NominationAgreement.starts_on.desc(), NominationAgreement.id.desc())
    )
    return list(session.scalars(query))


def agreement_on_landlord(session: Session, landlord_id: int, agreement_id: int) -> NominationAgreement | None:
    agreement = session.get(NominationAgreement, agreement_id)
    return agreement if agreement is not None and agreement.landlord_id == landlord_id else None


def create_agreement(
    session: Session,
    landlord: Landlord,
    *,
    starts_on: dt.date,
    ends_on: dt.date,
    percent_owed: int,
    lets_reported: int,
    officer: User,
) -> NominationAgreement:
    agreement = NominationAgreement(
        landlord_id=landlord.id,
        starts_on=starts_on,
        ends_on=ends_on,
        percent_owed=percent_owed,
        lets_reported=lets_reported,
    )
    session.add(agreement)
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.agreement_added",
        subject_type="landlord",
        subject_id=landlord.id,
        details={
            "agreement": agreement.id,
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
            "percent_owed": percent_owed,
            "lets_reported": lets_reported,
        },
    )
    return agreement


def update_lets_reported(
    session: Session, agreement: NominationAgreement, *, lets_reported: int, officer: User
) -> None:
    before = agreement.lets_reported
    agreement.lets_reported = lets_reported
    session.flush()
    record_event(
        session,
        actor=officer,
        action="lettings.agreement_changed",
        subject_type="landlord",
        subject_id=agreement.landlord_id,
        details={"agreement": agreement.id, "lets_reported": [before, lets_reported]},
    )


def nominations_housed(session: Session, landlord_id: int, starts_on: dt.date, ends_on: dt.date) -> int:
    """Lets by nomination of the landlord's homes with a let date from ``starts_on`` to ``ends_on``."""
    query = (
        select(func.count(Let.id))
        .join(Advert, Advert.id == Let.advert_id)
        .where(
            Advert.landlord_id == landlord_id,
            Let.route == "nomination",
            Let.let_on >= starts_on,
            Let.let_on <= ends_on,
        )
    )
    return int(session.scalar(query) or 0)


def agreement_progress(session: Session, agreement: NominationAgreement) -> AgreementProgress:
    housed = nominations_housed(session, agreement.landlord_id, agreement.starts_on, agreement.ends_on)
    return progress(agreement.percent_owed, agreement.lets_reported, housed)
