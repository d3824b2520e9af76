"""Determinations: the decisions made from an officer's assessment, their letters, and the reviews behind them.

``record_decision`` writes the decision and moves the case to ``active`` (the
household joins the register) or ``closed``. The determination page carries
the application's version: when it has moved (someone else decided or changed
the case first), or the database finds the row changed under us,
``CaseChanged`` is raised and the caller rolls back, so nothing of the second
officer's is saved.

The assessment functions (``current_assessment``, ``open_assessment``,
``save_assessment``, ``proposal_for``...) live in ``portal.data.assessments``
and are imported from here too.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from portal.data.application_models import Application
from portal.data.applications import move_to
from portal.data.assessments import (
    ASSESSABLE_STAGES,
    SUBJECT,
    CaseChanged,
    CaseProposal,
    NotAssessable,
    can_assess,
    check_version,
    confirmations_for,
    confirmations_to_json,
    current_assessment,
    findings_of,
    flush_or_conflict,
    history_of,
    last_determined_assessment,
    open_assessment,
    proposal_for,
    save_assessment,
    settle_assessment,
    starting_findings,
    value_from_json,
    value_to_json,
)
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.decision_models import CaseAssessment, Decision, DecisionLetter, ReviewRequest
from portal.data.models import User
from portal.rules.casework.kinds import DECISION_KINDS, OUTCOMES
from portal.rules.determination.settle import Settled

__all__ = [
    "ASSESSABLE_STAGES",
    "CaseChanged",
    "CaseProposal",
    "NotAssessable",
    "add_letter",
    "can_assess",
    "check_version",
    "confirmations_for",
    "confirmations_to_json",
    "current_assessment",
    "decision_for_user",
    "decision_of",
    "decisions_for",
    "findings_of",
    "history_of",
    "last_determined_assessment",
    "latest_decision",
    "letter_of",
    "letters_for",
    "open_assessment",
    "proposal_for",
    "record_decision",
    "review_behind",
    "save_assessment",
    "settle_assessment",
    "starting_findings",
    "value_from_json",
    "value_to_json",
]


def record_decision(
    session: Session,
    application: Application,
    *,
    officer: User,
    expected_version: int,
    settled: Settled,
    kind: str,
    assessment: CaseAssessment | None = None,
    review_days: int,
    today: dt.date,
) -> Decision:
    """Write the decision, move the case on and close the assessment.

    The case moves to ``active`` when the household joins the register and to
    ``closed`` otherwise. Raises CaseChanged when the application is no longer
    at ``expected_version`` (someone decided or changed it first), and
    ``IllegalTransition`` when the case is not at a stage that can be decided.
    """
    if kind not in DECISION_KINDS:
        raise ValueError(f"kind must be one of {DECISION_KINDS}")
    if application.version != expected_version:
        raise CaseChanged("The application changed.")
    if assessment is not None and assessment.status != "open":
        raise CaseChanged("The assessment was already determined.")
    target = "active" if settled.outcome == "joins" else "closed"
    try:
        move_to(session, application, target, actor=officer, reason=OUTCOMES.get(settled.outcome, settled.outcome))
    except StaleDataError as error:
        raise CaseChanged(str(error)) from error
    decision = Decision(
        application_id=application.id,
        assessment_id=assessment.id if assessment is not None else None,
        kind=kind,
        outcome=settled.outcome,
        eligible=settled.eligible,
        qualifies=settled.qualifies,
        local_connection=settled.local_connection,
        bedroom_need=settled.bedroom_need,
        band=settled.band,
        priority_date=settled.priority_date,
        registration_date=settled.registration_date,
        reasons=[dict(reason) for reason in settled.reasons],
        overrides={field: dict(values) for field, values in settled.overrides.items()},
        decided_by_id=officer.id,
        decided_at=utcnow(),
        review_by=None if kind == "review" else today + dt.timedelta(days=review_days),
    )
    session.add(decision)
    if assessment is not None:
        assessment.status = "determined"
        assessment.updated_at = utcnow()
    flush_or_conflict(session)
    record_event(
        session,
        actor=officer,
        action="decision.made",
        subject_type=SUBJECT,
        subject_id=application.id,
        details={
            "decision_id": decision.id,
            "kind": kind,
            "outcome": decision.outcome,
            "band": decision.band,
            "bedroom_need": decision.bedroom_need,
            "priority_date": value_to_json(decision.priority_date),
            "overrides": decision.overrides,
        },
    )
    return decision


def decisions_for(session: Session, application: Application) -> list[Decision]:
    """Every decision on the case, oldest first."""
    query = select(Decision).where(Decision.application_id == application.id).order_by(Decision.decided_at, Decision.id)
    return list(session.scalars(query))


def latest_decision(session: Session, application: Application) -> Decision | None:
    query = (
        select(Decision)
        .where(Decision.application_id == application.id)
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def decision_of(session: Session, application: Application, decision_id: int) -> Decision | None:
    """A decision on this case (for officers, who have already opened the case)."""
    decision = session.get(Decision, decision_id)
    return decision if decision is not None and decision.application_id == application.id else None


def decision_for_user(session: Session, user_id: int, decision_id: int) -> Decision | None:
    """A decision on an application the user owns, or None (as if it did not exist)."""
    query = (
        select(Decision)
        .join(Application, Application.id == Decision.application_id)
        .where(Decision.id == decision_id, Application.user_id == user_id)
    )
    return session.scalar(query)


# -- Letters and reviews ------------------------------------------------------------------------------


def add_letter(session: Session, decision: Decision, *, locale: str, html: str, pdf_key: str) -> DecisionLetter:
    """Record a decision letter in one language (its PDF already in the file store under ``pdf_key``)."""
    letter = DecisionLetter(decision_id=decision.id, locale=locale, html=html, pdf_key=pdf_key)
    session.add(letter)
    session.flush()
    return letter


def letter_of(session: Session, decision: Decision, locale: str) -> DecisionLetter | None:
    query = select(DecisionLetter).where(DecisionLetter.decision_id == decision.id, DecisionLetter.locale == locale)
    return session.scalar(query)


def letters_for(session: Session, decision: Decision) -> list[DecisionLetter]:
    """The decision's letters, English first."""
    query = select(DecisionLetter).where(DecisionLetter.decision_id == decision.id).order_by(DecisionLetter.id)
    return sorted(session.scalars(query), key=lambda letter: letter.locale != "en")


def review_behind(session: Session, decision: Decision) -> ReviewRequest | None:
    """For a decision made on review: the review request it answers.

    That is the request whose outcome is this decision or, while the review is
    being completed, the open request on the same case.
    """
    query = select(ReviewRequest).where(ReviewRequest.outcome_decision_id == decision.id).limit(1)
    found = session.scalar(query)
    if found is not None:
        return found
    query = (
        select(ReviewRequest)
        .where(ReviewRequest.application_id == decision.application_id, ReviewRequest.status != "decided")
        .order_by(ReviewRequest.id.desc())
        .limit(1)
    )
    return session.scalar(query)
