"""Reading and changing applications. Every function that finds an application is scoped to its owner.

``facts_of`` turns an application into the plain ``facts`` dict the rules in
``portal.rules.application`` read. ``move_to`` is the only way an
application's stage changes: it checks the move is allowed and writes both a
status change and an audit event.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.data.application_models import Address, Application, HouseholdMember, StatusChange
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.models import User
from portal.rules.application.stages import can_move

REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0, O, 1 or I to mix up
REFERENCE_LENGTH = 6
PERSON_COLUMNS = {"full_name", "sex", "ni_number"}
PERSON_DATES = {"date_of_birth"}
ADDRESS_COLUMNS = {"line_1", "line_2", "town", "postcode"}
ADDRESS_DATES = {"moved_in", "moved_out"}


class IllegalTransition(ValueError):
    """An application cannot move from its stage to the one asked for."""


def application_for(session: Session, user_id: int) -> Application | None:
    """The user's latest application, or None when they have never started one."""
    query = select(Application).where(Application.user_id == user_id).order_by(Application.id.desc()).limit(1)
    return session.scalar(query)


def open_application_for(session: Session, user_id: int) -> Application | None:
    """The user's latest application unless it is closed."""
    found = application_for(session, user_id)
    return found if found is not None and found.stage != "closed" else None


def start_application(session: Session, user: User, *, answers: Mapping[str, Any] | None = None) -> Application:
    """A new draft with the applicant as its first person, holding any answers carried over."""
    application = Application(user_id=user.id, locale=user.preferred_locale or "en", answers={})
    applicant = HouseholdMember(position=0, relationship_to_applicant="applicant", full_name=user.full_name)
    application.people.append(applicant)
    session.add(application)
    for section, values in (answers or {}).items():
        if section == "applicant":
            set_person_answers(applicant, values)
        else:
            set_section_answers(application, section, values)
    carried = {"immigration" if key == "applicant" else key for key, values in (answers or {}).items() if values}
    application.prefilled_sections = sorted(carried)
    session.flush()
    record_event(
        session, actor=user, action="application.started", subject_type="application", subject_id=application.id
    )
    return application


def touch(application: Application) -> None:
    application.updated_at = utcnow()


def set_section_answers(
    application: Application, section: str, values: Mapping[str, Any], remove: tuple[str, ...] = ()
) -> None:
    answers = {key: dict(value) for key, value in (application.answers or {}).items()}
    current = answers.setdefault(section, {})
    current.update(values)
    for key in remove:
        current.pop(key, None)
    application.answers = answers
    touch(application)


def mark_section(application: Application, section: str, *, complete: bool) -> None:
    done = set(application.completed_sections or [])
    (done.add if complete else done.discard)(section)
    application.completed_sections = sorted(done)
    if complete:
        application.prefilled_sections = [key for key in application.prefilled_sections or [] if key != section]
    touch(application)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return None


def person_of(application: Application, person_id: int) -> HouseholdMember | None:
    return next((person for person in application.people if person.id == person_id), None)


def add_person(session: Session, application: Application) -> HouseholdMember:
    position = max((person.position for person in application.people), default=0) + 1
    person = HouseholdMember(position=position, relationship_to_applicant="")
    application.people.append(person)
    touch(application)
    session.flush()
    return person


def remove_person(session: Session, application: Application, person: HouseholdMember) -> None:
    if person.position == 0:
        raise ValueError("The applicant cannot be removed.")
    gone = person.key
    application.people.remove(person)
    answers = {
        section: {key: value for key, value in values.items() if value != gone}
        for section, values in (application.answers or {}).items()
    }
    application.answers = answers
    touch(application)
    session.flush()


def set_person_answers(person: HouseholdMember, values: Mapping[str, Any], remove: tuple[str, ...] = ()) -> None:
    extra = dict(person.answers or {})
    for key, value in values.items():
        if key in PERSON_COLUMNS:
            setattr(person, key, value)
        elif key in PERSON_DATES:
            person.date_of_birth = _date(value)
        elif key == "relationship":
            person.relationship_to_applicant = value
        else:
            extra[key] = value
    for key in remove:
        extra.pop(key, None)
    person.answers = extra
    touch(person.application)


def person_answers(person: HouseholdMember) -> dict[str, Any]:
    """Everything known about this person, as the answers to the questions about them."""
    known: dict[str, Any] = dict(person.answers or {})
    if person.full_name:
        known["full_name"] = person.full_name
    if person.date_of_birth is not None:
        known["date_of_birth"] = person.date_of_birth.isoformat()
    if person.sex:
        known["sex"] = person.sex
    if person.ni_number is not None:
        known["ni_number"] = person.ni_number
    if person.relationship_to_applicant:
        known["relationship"] = person.relationship_to_applicant
    return known


def address_of(application: Application, address_id: int) -> Address | None:
    return next((address for address in application.addresses if address.id == address_id), None)


def add_address(session: Session, application: Application) -> Address:
    position = max((address.position for address in application.addresses), default=-1) + 1
    address = Address(position=position)
    application.addresses.append(address)
    touch(application)
    session.flush()
    return address


def remove_address(session: Session, application: Application, address: Address) -> None:
    application.addresses.remove(address)
    touch(application)
    session.flush()


def set_address_answers(address: Address, values: Mapping[str, Any], remove: tuple[str, ...] = ()) -> None:
    extra = dict(address.answers or {})
    for key, value in values.items():
        if key in ADDRESS_COLUMNS:
            setattr(address, key, value)
        elif key in ADDRESS_DATES:
            setattr(address, key, _date(value))
        else:
            extra[key] = value
    for key in remove:
        extra.pop(key, None)
    address.answers = extra
    touch(address.application)


def address_answers(address: Address) -> dict[str, Any]:
    known: dict[str, Any] = dict(address.answers or {})
    if address.line_1 or address.postcode:
        known.update(line_1=address.line_1, line_2=address.line_2, town=address.town, postcode=address.postcode)
    for key in ADDRESS_DATES:
        value = getattr(address, key)
        if value is not None:
            known[key] = value.isoformat()
    return known


def facts_of(application: Application) -> dict[str, Any]:
    """The application as the plain facts the rules read (see portal.rules.application)."""
    people = []
    for person in application.people:
        known = person_answers(person)
        known["id"] = person.key
        if person.position == 0:
            known["relationship"] = "applicant"
        people.append(known)
    addresses = []
    for address in application.addresses:
        known = address_answers(address)
        known["id"] = address.key
        # Derived: you moved out of an address when you moved in to the next one (the one before it here).
        known["moved_out"] = addresses[-1].get("moved_in") if addresses else None
        addresses.append(known)
    return {
        "reference": application.reference,
        "submitted_on": application.received_on.isoformat() if application.received_on else None,
        "people": people,
        "addresses": addresses,
        "answers": {key: dict(value) for key, value in (application.answers or {}).items()},
    }


def move_to(
    session: Session,
    application: Application,
    stage: str,
    *,
    actor: User | None,
    reason: str | None = None,
    on_behalf_of: User | None = None,
) -> StatusChange:
    """Move the application to ``stage``, recording who did it and why; raises IllegalTransition."""
    if not can_move(application.stage, stage):
        raise IllegalTransition(f"An application cannot move from {application.stage} to {stage}.")
    change = StatusChange(
        from_stage=application.stage, to_stage=stage, actor_id=actor.id if actor else None, reason=reason
    )
    application.status_changes.append(change)
    record_event(
        session,
        actor=actor,
        on_behalf_of=on_behalf_of,
        action="application.stage_changed",
        subject_type="application",
        subject_id=application.id,
        reason=reason,
        details={"from": application.stage, "to": stage},
    )
    application.stage = stage
    if stage == "closed":
        application.closed_reason = reason
    touch(application)
    session.flush()
    return change


def new_reference(session: Session) -> str:
    """An unused reference such as HR-7K3M9Q."""
    while True:
        reference = "HR-" + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(REFERENCE_LENGTH))
        if session.scalar(select(Application.id).where(Application.reference == reference)) is None:
            return reference


def submit_application(
    session: Session,
    application: Application,
    *,
    actor: User,
    declaration: Mapping[str, Any],
    today: dt.date,
    on_behalf_of: User | None = None,
) -> str:
    """Give the application its reference and the date it was received, and move it to submitted.

    An application an officer started keeps the date the council first received it.
    """
    application.reference = new_reference(session)
    application.submitted_at = utcnow()
    application.received_on = application.received_on or today
    application.declaration = dict(declaration)
    reason = "Sent for the applicant by someone helping them" if on_behalf_of else "Sent by the applicant"
    move_to(session, application, "submitted", actor=actor, reason=reason, on_behalf_of=on_behalf_of)
    return application.reference


def save_provisional(application: Application, result: Mapping[str, Any]) -> None:
    application.provisional = dict(result)
    application.provisional_at = utcnow()
