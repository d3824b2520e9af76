"""The officer's working assessment of a case, and what the rules propose for it.

An officer opens an assessment (which moves the case to ``being_assessed``),
records findings, confirms or overrides each field the rules propose and
ticks the checklist. ``proposal_for`` works out the proposal for a case from
its facts, its earlier decisions and those findings; ``settle_assessment``
checks the saved assessment against it. Import these from
``portal.data.decisions``, which also records the decisions.

Two officers can work on one case at once, so every save is checked against
the version of the assessment the officer's page was made from. When it has
moved, or the database finds the row changed under us, ``CaseChanged`` is
raised and the caller rolls back: nothing of the second officer's is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from portal.data.application_models import Application
from portal.data.applications import facts_of, move_to
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.decision_models import CaseAssessment, Decision
from portal.data.models import User
from portal.data.offers import refusals_counted_for
from portal.rules.application.to_case import case_from_facts
from portal.rules.determination.checklist import Factor, checklist_for
from portal.rules.determination.findings import (
    Findings,
    apply_findings,
    findings_from,
    findings_in,
    findings_to_mapping,
)
from portal.rules.determination.proposal import FIELD_NOUNS, FIELDS, Proposal, propose
from portal.rules.determination.settle import Confirmation, Problem, Settled, settle
from portal.rules.household import Case, HistoryEntry
from portal.rules.scheme import Scheme, load_scheme

SUBJECT = "application"  # every event here is kept on the application's trail
#: Stages an assessment can be opened from (``active``: a reassessment of a household on the register).
ASSESSABLE_STAGES = frozenset({"submitted", "awaiting_evidence", "being_assessed", "active"})
BOOLEAN_FIELDS = frozenset({"eligibility", "qualification", "local_connection"})
NUMBER_FIELDS = frozenset({"bedroom_need", "band"})


class CaseChanged(Exception):
    """Someone else changed the case after this officer's page was made; nothing was saved."""


class NotAssessable(ValueError):
    """The case is at a stage where no assessment can be opened (closed, under review...)."""


@dataclass(frozen=True, slots=True)
class CaseProposal:
    """What the rules propose for a case, the case and findings they worked from, and the scheme's checklist."""

    case: Case
    findings: Findings
    proposal: Proposal
    checklist: tuple[Factor, ...]


def flush_or_conflict(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as error:
        raise CaseChanged(str(error)) from error


# -- Values kept as JSON ----------------------------------------------------------------------------


def value_to_json(value: object) -> object:
    """A proposed or decided value as JSON: dates as ISO strings."""
    return value.isoformat() if isinstance(value, dt.date) else value


def value_from_json(field: str, value: object) -> bool | int | dt.date | None:
    """A kept value back in the type its field takes; anything else is None."""
    if field in BOOLEAN_FIELDS:
        return value if isinstance(value, bool) else None
    if field in NUMBER_FIELDS:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if field == "priority_date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def confirmations_to_json(confirmations: Mapping[str, Confirmation]) -> dict[str, dict[str, Any]]:
    return {
        field: {
            "value": value_to_json(confirmation.value),
            "overridden": confirmation.overridden,
            "reason": confirmation.reason if confirmation.overridden else "",
        }
        for field, confirmation in confirmations.items()
        if field in FIELDS
    }


def confirmations_for(
    proposal: Proposal, kept: Mapping[str, Any]
) -> tuple[dict[str, Confirmation], tuple[Problem, ...]]:
    """The kept confirmations that still hold against this proposal.

    A field confirmed when the rules proposed one value no longer counts as
    confirmed once they propose another (the findings, the facts or the date
    moved on): the officer is asked to look at it again.
    """
    held: dict[str, Confirmation] = {}
    problems = []
    for field in FIELDS:
        entry = kept.get(field)
        if not isinstance(entry, Mapping):
            continue
        if entry.get("overridden"):
            reason = entry.get("reason")
            held[field] = Confirmation(
                value_from_json(field, entry.get("value")), True, reason if isinstance(reason, str) else ""
            )
            continue
        proposed = proposal.fields[field].value
        if value_to_json(proposed) == entry.get("value"):
            held[field] = Confirmation(proposed, False)
        else:
            noun = FIELD_NOUNS.get(field, field)
            problems.append(
                Problem(field, f"The proposed {noun} changed after it was confirmed: check it and confirm it again")
            )
    return held, tuple(problems)


# -- Assessments --------------------------------------------------------------------------------------


def current_assessment(session: Session, application: Application) -> CaseAssessment | None:
    """The case's open assessment, or None when no officer has started one."""
    query = (
        select(CaseAssessment)
        .where(CaseAssessment.application_id == application.id, CaseAssessment.status == "open")
        .order_by(CaseAssessment.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def last_determined_assessment(session: Session, application: Application) -> CaseAssessment | None:
    query = (
        select(CaseAssessment)
        .where(CaseAssessment.application_id == application.id, CaseAssessment.status == "determined")
        .order_by(CaseAssessment.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def can_assess(application: Application) -> bool:
    return application.stage in ASSESSABLE_STAGES


def findings_of(assessment: CaseAssessment | None) -> Findings | None:
    """The findings an officer saved, or None when none have been saved yet."""
    if assessment is None or not assessment.findings:
        return None
    return findings_from(assessment.findings)


def starting_findings(session: Session, application: Application, assessment: CaseAssessment | None) -> Findings | None:
    """The findings to show: the open assessment's, else those of the last determination (a reassessment
    starts from them), else None (start from what the application tells us)."""
    found = findings_of(assessment)
    if found is None and assessment is None:
        found = findings_of(last_determined_assessment(session, application))
    return found


def open_assessment(session: Session, application: Application, officer: User) -> CaseAssessment:
    """The case's open assessment, started now if there is none.

    Starting one moves a sent case to ``being_assessed`` (a household on the
    register too: that is a reassessment). A reassessment starts from the
    findings of the last determination; confirmations and the checklist start
    afresh. Raises NotAssessable at any other stage, CaseChanged on a clash.
    """
    found = current_assessment(session, application)
    if found is not None:
        return found
    if not can_assess(application):
        raise NotAssessable(application.stage)
    if application.stage != "being_assessed":
        reason = "Reassessment started" if application.stage == "active" else "Assessment started"
        move_to(session, application, "being_assessed", actor=officer, reason=reason)
    earlier = last_determined_assessment(session, application)
    assessment = CaseAssessment(
        application_id=application.id,
        status="open",
        findings=dict(earlier.findings or {}) if earlier is not None else {},
        confirmations={},
        checklist=[],
        officer_id=officer.id,
    )
    session.add(assessment)
    flush_or_conflict(session)
    record_event(
        session,
        actor=officer,
        action="assessment.opened",
        subject_type=SUBJECT,
        subject_id=application.id,
        details={"assessment_id": assessment.id},
    )
    return assessment


def check_version(assessment: CaseAssessment | None, expected_version: int) -> CaseAssessment:
    """The assessment, if it is still open at the version the officer's page showed; else CaseChanged."""
    if assessment is None or assessment.status != "open" or assessment.version != expected_version:
        raise CaseChanged("The assessment changed.")
    return assessment


def save_assessment(
    session: Session,
    assessment: CaseAssessment,
    *,
    officer: User,
    expected_version: int,
    findings: Findings,
    confirmations: Mapping[str, Confirmation],
    checklist: Collection[str],
) -> CaseAssessment:
    """Keep the officer's findings, confirmations and ticks; raises CaseChanged if someone saved first."""
    check_version(assessment, expected_version)
    assessment.findings = findings_to_mapping(findings)
    assessment.confirmations = confirmations_to_json(confirmations)
    assessment.checklist = sorted({str(key) for key in checklist})
    assessment.officer_id = officer.id
    assessment.updated_at = utcnow()
    flush_or_conflict(session)
    record_event(
        session,
        actor=officer,
        action="assessment.saved",
        subject_type=SUBJECT,
        subject_id=assessment.application_id,
        details={
            "assessment_id": assessment.id,
            "findings": assessment.findings,
            "confirmed": sorted(field for field, c in confirmations.items() if not c.overridden),
            "overridden": sorted(field for field, c in confirmations.items() if c.overridden),
            "checklist": assessment.checklist,
        },
    )
    return assessment


# -- Proposals ----------------------------------------------------------------------------------------


def history_of(
    session: Session, application: Application, today: dt.date, *, leave_out: Collection[int] = ()
) -> tuple[HistoryEntry, ...]:
    """The earlier decisions as the rules' assessment history: (date, band), band None when not on the register."""
    entries = []
    query = select(Decision).where(Decision.application_id == application.id).order_by(Decision.decided_at, Decision.id)
    for decision in session.scalars(query):
        decided_on = decision.decided_at.date()
        if decision.id in leave_out or decided_on > today:
            continue
        entries.append(HistoryEntry(decided_on, decision.band if decision.outcome == "joins" else None))
    return tuple(entries)


def proposal_for(
    session: Session,
    application: Application,
    findings: Findings | None,
    today: dt.date,
    *,
    scheme: Scheme | None = None,
    leave_out: Collection[int] = (),
) -> CaseProposal:
    """What the rules propose for the case today with these findings, and the checklist for it.

    ``findings`` None (nothing saved yet): start from what the application tells us (``findings_in``).
    ``leave_out``: decisions not to count in the history (a review looks again at a decision, so it
    leaves that decision out).
    """
    scheme = scheme or load_scheme("default")
    case = case_from_facts(facts_of(application), today, scheme)
    case = replace(case, history=history_of(session, application, today, leave_out=leave_out))
    refused = refusals_counted_for(session, application.id, today)
    case = replace(case, behaviour=replace(case.behaviour, reasonable_offers_refused_last_12_months=refused))
    if findings is None:
        findings = findings_in(case)
    case = apply_findings(case, findings)
    return CaseProposal(
        case=case, findings=findings, proposal=propose(case, scheme), checklist=checklist_for(scheme, case)
    )


def settle_assessment(
    session: Session,
    application: Application,
    assessment: CaseAssessment,
    today: dt.date,
    *,
    scheme: Scheme | None = None,
) -> tuple[CaseProposal, Settled | tuple[Problem, ...]]:
    """The proposal for the case with the assessment's findings, and the decision it settles to (or the problems).

    A field confirmed against a proposal that has since changed counts as not confirmed, with its own message.
    """
    worked = proposal_for(session, application, findings_of(assessment), today, scheme=scheme)
    held, stale = confirmations_for(worked.proposal, assessment.confirmations or {})
    result = settle(worked.proposal, held, assessment.checklist or [], worked.checklist, worked.findings, today=today)
    if not stale:
        return worked, result
    by_field = {problem.field: problem for problem in stale}
    if not isinstance(result, tuple):  # cannot happen: a stale field is not confirmed, so settle reports it
        return worked, tuple(stale)
    return worked, tuple(by_field.get(problem.field, problem) for problem in result)
