"""Changes of circumstances sent by applicants, and reassessment tasks for officers.

``record_change`` keeps the change with the preview the applicant saw, and
makes the change to the application's own rows, the same way
``portal.rules.application.changes.apply_change`` makes it to the facts:

- ``new_baby``: a new person, a child who lives with you; a pregnancy answer ends;
- ``moving_in``: a new person who lives with you;
- ``moving_out``: the person is taken off the application (their name is kept with the change);
- ``new_address``: a new current address first, the old one given a moved out date, and new
  answers about the current home;
- ``income``: the household's income and savings;
- ``medical``: a health problem, with the details added to what was said before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from portal.data import applications as apps
from portal.data.application_models import Address, Application, HouseholdMember
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.change_models import CircumstanceChange, ReassessmentTask
from portal.data.evidence import sync_evidence
from portal.data.models import User
from portal.rules.application.changes import CHANGE_KINDS, NO_BEDROOMS_TYPES
from portal.rules.application.evidence import evidence_needed

PERSON_KEYS = ("full_name", "date_of_birth", "sex")
ADDRESS_KEYS = ("line_1", "line_2", "town", "postcode", "moved_in", "in_area")

#: Works out the provisional result for some facts (the web layer knows the scheme and the day).
Provisional = Callable[[dict[str, Any]], Mapping[str, Any]]


class UnknownChange(ValueError):
    """A change of a kind we do not know, or about a person who is not on the application."""


def _given(details: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: details[key] for key in keys if key in details}


def _add_person(session: Session, application: Application, details: Mapping[str, Any], relationship: str) -> None:
    person = apps.add_person(session, application)
    apps.set_person_answers(
        person, {**_given(details, PERSON_KEYS), "relationship": relationship, "lives_with_you": "yes", "ni_number": ""}
    )
    apps.set_section_answers(application, "household", {"anyone_else": "yes"})


def _new_baby(session: Session, application: Application, details: dict[str, Any]) -> None:
    _add_person(session, application, details, "child")
    if application.section("household").get("pregnant") == "yes":
        apps.set_section_answers(application, "household", {"pregnant": "no"}, remove=("due_date", "pregnant_person"))


def _moving_in(session: Session, application: Application, details: dict[str, Any]) -> None:
    _add_person(session, application, details, str(details.get("relationship") or "other"))


def _person(application: Application, person_id: Any) -> HouseholdMember:
    for person in application.people[1:]:
        if person.key == person_id:
            return person
    raise UnknownChange(f"There is no person {person_id!r} who can move out of this application.")


def _moving_out(session: Session, application: Application, details: dict[str, Any]) -> None:
    person = _person(application, details.get("person_id"))
    details["full_name"] = person.full_name
    apps.remove_person(session, application, person)


def _new_address(session: Session, application: Application, details: dict[str, Any]) -> None:
    for address in application.addresses:
        if address.position == 0 and address.moved_out is None:
            apps.set_address_answers(address, {"moved_out": details.get("moved_in")})
        address.position += 1
    address = Address(position=0)
    application.addresses.insert(0, address)
    apps.set_address_answers(address, {**_given(details, ADDRESS_KEYS), "moved_out": None})
    home = _given(details, ("home_type",))
    if "bedrooms" in details and details.get("home_type") not in NO_BEDROOMS_TYPES:
        home["bedrooms"] = details["bedrooms"]
    answers = {key: dict(value) for key, value in (application.answers or {}).items()}
    answers["current_home"] = home
    application.answers = answers
    session.flush()


def _income(session: Session, application: Application, details: dict[str, Any]) -> None:
    apps.set_section_answers(application, "money", _given(details, ("income", "savings")))


def _medical(session: Session, application: Application, details: dict[str, Any]) -> None:
    health: dict[str, Any] = {"health_problem": "yes"}
    new = str(details.get("details") or "").strip()
    if new:
        before = application.section("health").get("health_details")
        health["health_details"] = f"{before}\n\n{new}" if isinstance(before, str) and before else new
    apps.set_section_answers(application, "health", health)


_MAKE = {
    "new_baby": _new_baby,
    "moving_in": _moving_in,
    "moving_out": _moving_out,
    "new_address": _new_address,
    "income": _income,
    "medical": _medical,
}
assert set(_MAKE) == set(CHANGE_KINDS), "Every kind of change needs a way to make it"


def record_change(
    session: Session,
    application: Application,
    kind: str,
    details: Mapping[str, Any],
    preview: Mapping[str, Any],
    actor: User,
    *,
    provisional: Provisional | None = None,
) -> CircumstanceChange:
    """Keep the change and the preview shown, make the change, and work out the results again.

    ``provisional`` gives the new provisional result for the changed facts; the
    evidence needed is worked out again too. Raises ``UnknownChange``.
    """
    make = _MAKE.get(kind)
    if make is None:
        raise UnknownChange(f"A change must be one of {', '.join(CHANGE_KINDS)}, not {kind!r}.")
    kept = dict(details)
    make(session, application, kept)
    session.flush()
    facts = apps.facts_of(application)
    if provisional is not None:
        apps.save_provisional(application, provisional(facts))
    sync_evidence(session, application, evidence_needed(facts))
    change = CircumstanceChange(
        application_id=application.id,
        kind=kind,
        details=kept,
        preview=dict(preview),
        sent_by_id=actor.id,
    )
    session.add(change)
    apps.touch(application)
    session.flush()
    record_event(
        session,
        actor=actor,
        action="application.change_reported",
        subject_type="application",
        subject_id=application.id,
        details={"kind": kind, "change_id": change.id},
    )
    return change


def changes_for_application(session: Session, application: Application) -> list[CircumstanceChange]:
    """Every change sent for this application, oldest first."""
    query = (
        select(CircumstanceChange)
        .where(CircumstanceChange.application_id == application.id)
        .order_by(CircumstanceChange.sent_at, CircumstanceChange.id)
    )
    return list(session.scalars(query))


def unhandled_changes(session: Session) -> list[CircumstanceChange]:
    """Changes no officer has dealt with yet, oldest first (the officers' queue)."""
    query = (
        select(CircumstanceChange)
        .where(CircumstanceChange.handled_at.is_(None))
        .order_by(CircumstanceChange.sent_at, CircumstanceChange.id)
    )
    return list(session.scalars(query))


def applications_in_stages(session: Session, stages: Iterable[str]) -> list[Application]:
    """Every application in one of these stages, with its people and addresses loaded."""
    query = (
        select(Application)
        .where(Application.stage.in_(tuple(stages)))
        .options(selectinload(Application.people), selectinload(Application.addresses))
        .order_by(Application.id)
    )
    return list(session.scalars(query))


def has_task(session: Session, application: Application, reason: str, due_on: dt.date) -> bool:
    query = select(ReassessmentTask.id).where(
        ReassessmentTask.application_id == application.id,
        ReassessmentTask.reason == reason,
        ReassessmentTask.due_on == due_on,
    )
    return session.scalar(query) is not None


def add_task(
    session: Session, application: Application, reason: str, due_on: dt.date, details: Mapping[str, Any]
) -> ReassessmentTask:
    task = ReassessmentTask(application_id=application.id, reason=reason, due_on=due_on, details=dict(details))
    session.add(task)
    session.flush()
    return task


def open_tasks(session: Session) -> list[ReassessmentTask]:
    """Reassessment tasks not done yet, the soonest first."""
    query = (
        select(ReassessmentTask)
        .where(ReassessmentTask.done_at.is_(None))
        .order_by(ReassessmentTask.due_on, ReassessmentTask.id)
    )
    return list(session.scalars(query))


# Officers' side: a case's changes and tasks, and marking them dealt with.


def changes_to_handle(session: Session, application: Application) -> list[CircumstanceChange]:
    """This application's changes no officer has dealt with yet, oldest first."""
    query = (
        select(CircumstanceChange)
        .where(CircumstanceChange.application_id == application.id, CircumstanceChange.handled_at.is_(None))
        .order_by(CircumstanceChange.sent_at, CircumstanceChange.id)
    )
    return list(session.scalars(query))


def change_for_case(session: Session, application: Application, change_id: int) -> CircumstanceChange | None:
    query = select(CircumstanceChange).where(
        CircumstanceChange.id == change_id, CircumstanceChange.application_id == application.id
    )
    return session.scalar(query)


def mark_change_handled(session: Session, change: CircumstanceChange, *, officer: User) -> bool:
    """Record that an officer has dealt with the change ("change.handled"); False if it already was."""
    if change.handled_at is not None:
        return False
    change.handled_at = utcnow()
    record_event(
        session,
        actor=officer,
        action="change.handled",
        subject_type="application",
        subject_id=change.application_id,
        details={"change_id": change.id, "kind": change.kind},
    )
    return True


def open_tasks_for(session: Session, application: Application) -> list[ReassessmentTask]:
    """This application's reassessment tasks not done yet, the soonest first."""
    query = (
        select(ReassessmentTask)
        .where(ReassessmentTask.application_id == application.id, ReassessmentTask.done_at.is_(None))
        .order_by(ReassessmentTask.due_on, ReassessmentTask.id)
    )
    return list(session.scalars(query))


def task_for_case(session: Session, application: Application, task_id: int) -> ReassessmentTask | None:
    query = select(ReassessmentTask).where(
        ReassessmentTask.id == task_id, ReassessmentTask.application_id == application.id
    )
    return session.scalar(query)


def mark_task_done(session: Session, task: ReassessmentTask, *, officer: User) -> bool:
    """Record that an officer has done the task ("task.done"); False if it already was."""
    if task.done_at is not None:
        return False
    task.done_at = utcnow()
    record_event(
        session,
        actor=officer,
        action="task.done",
        subject_type="application",
        subject_id=task.application_id,
        details={"task_id": task.id, "reason": task.reason, "due_on": task.due_on.isoformat()},
    )
    return True
