"""Reviews of decisions: an applicant asks, a senior officer who did not decide looks again.

An applicant may ask for a review of their latest decision until its
``review_by`` date, once; a decision made on review has no further review.
Asking moves the application to ``under_review``. A review is assigned to a
senior officer (or an administrator) who did not make the decision under
review; they make a new decision (``kind="review"``, through
``portal.data.decisions.record_decision``) and ``complete_review`` says
whether it upheld or changed the first one. Every step is audited on the
application's trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.auth.roles import Role
from portal.data import applications
from portal.data.application_models import Application
from portal.data.audit import record_event
from portal.data.base import utcnow
from portal.data.decision_models import CaseAssessment, Decision, ReviewRequest
from portal.data.decisions import findings_of, latest_decision
from portal.data.models import User
from portal.rules.determination.findings import Findings

REASONS_LENGTH = 5000
REVIEWER_ROLES = frozenset({Role.SENIOR_OFFICER, Role.ADMIN})
#: The stages from which an application can go to ``under_review`` (see portal.rules.application.stages).
REVIEWABLE_STAGES = frozenset({"decided", "active", "closed"})
#: What a review compares to say whether the decision was upheld or changed.
COMPARED = ("outcome", "eligible", "qualifies", "bedroom_need", "band", "priority_date")
SUBJECT = "application"

# Why a review cannot be asked for (ReviewNotAllowed.why).
NOT_LATEST = "not_latest"
REVIEW_DECISION = "review_decision"
TOO_LATE = "too_late"
ALREADY_ASKED = "already_asked"
BUSY = "busy"  # the application is being looked at again already (for example, a reassessment)


class ReviewNotAllowed(ValueError):
    """The applicant cannot ask for a review of this decision; ``why`` says which rule stops it."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


class ReviewerNotAllowed(PermissionError):
    """This person cannot review the decision (not a senior officer, or they made it)."""


@dataclass(frozen=True)
class ReviewRow:
    """One open review for the officers' list."""

    review: ReviewRequest
    application: Application
    reviewer: User | None


def review_of(session: Session, decision: Decision) -> ReviewRequest | None:
    """The review asked for of this decision (there is at most one), or None."""
    query = select(ReviewRequest).where(ReviewRequest.decision_id == decision.id).order_by(ReviewRequest.id).limit(1)
    return session.scalar(query)


def refusal(session: Session, application: Application, decision: Decision, today: dt.date) -> str | None:
    """Why a review of this decision cannot be asked for today, or None when it can."""
    if decision.application_id != application.id:
        raise ValueError("The decision is not about this application.")
    if decision.kind == "review":
        return REVIEW_DECISION
    if review_of(session, decision) is not None:
        return ALREADY_ASKED
    latest = latest_decision(session, application)
    if latest is None or latest.id != decision.id:
        return NOT_LATEST
    if decision.review_by is None or today > decision.review_by:
        return TOO_LATE
    if application.stage not in REVIEWABLE_STAGES:
        return BUSY
    return None


def request_review(
    session: Session,
    application: Application,
    decision: Decision,
    *,
    applicant: User,
    reasons: str,
    today: dt.date,
) -> ReviewRequest:
    """The applicant asks for a review of the decision; raises ReviewNotAllowed when they cannot."""
    if application.user_id != applicant.id:
        raise ReviewNotAllowed("not_theirs")
    why = refusal(session, application, decision, today)
    if why is not None:
        raise ReviewNotAllowed(why)
    reasons = reasons.strip()
    if not reasons or len(reasons) > REASONS_LENGTH:
        raise ValueError(f"The reasons must be between 1 and {REASONS_LENGTH} characters.")
    review = ReviewRequest(
        application_id=application.id,
        decision_id=decision.id,
        reasons=reasons,
        requested_by_id=applicant.id,
        status="waiting",
    )
    session.add(review)
    session.flush()
    applications.move_to(
        session, application, "under_review", actor=applicant, reason="The applicant asked for a review of the decision"
    )
    record_event(
        session,
        actor=applicant,
        action="review.requested",
        subject_type=SUBJECT,
        subject_id=application.id,
        details={"review_id": review.id, "decision_id": decision.id},
    )
    return review


def decide_by(review: ReviewRequest, weeks: int) -> dt.date:
    """The date the council has said it will decide the review by."""
    return review.requested_at.date() + dt.timedelta(weeks=weeks)


def open_reviews(session: Session) -> list[ReviewRow]:
    """Every review not yet decided, oldest request first."""
    query = (
        select(ReviewRequest, Application, User)
        .join(Application, Application.id == ReviewRequest.application_id)
        .outerjoin(User, User.id == ReviewRequest.reviewer_id)
        .where(ReviewRequest.status != "decided")
        .order_by(ReviewRequest.requested_at, ReviewRequest.id)
    )
    return [ReviewRow(review, application, reviewer) for review, application, reviewer in session.execute(query)]


def review_for_officer(session: Session, review_id: int) -> ReviewRequest | None:
    """The review with this id (the view then opens its case, which checks the officer may see it)."""
    return session.get(ReviewRequest, review_id)


def decision_under_review(session: Session, review: ReviewRequest) -> Decision:
    decision = session.get(Decision, review.decision_id)
    assert decision is not None  # the foreign key cascades: a review never outlives its decision
    return decision


def findings_under_review(session: Session, review: ReviewRequest) -> Findings | None:
    """The findings the decision under review was made with (None when it had no assessment)."""
    decision = decision_under_review(session, review)
    if decision.assessment_id is None:
        return None
    return findings_of(session.get(CaseAssessment, decision.assessment_id))


def may_review(session: Session, review: ReviewRequest, person: User) -> bool:
    """Whether this person could review the decision: a senior officer or administrator who did not make it."""
    if person.role not in REVIEWER_ROLES or not person.is_active:
        return False
    return decision_under_review(session, review).decided_by_id != person.id


def possible_reviewers(session: Session, review: ReviewRequest) -> list[User]:
    """Everyone who could be given the review, by name."""
    query = select(User).where(User.role.in_(REVIEWER_ROLES), User.is_active.is_(True)).order_by(User.full_name)
    return [person for person in session.scalars(query) if may_review(session, review, person)]


def assign_reviewer(session: Session, review: ReviewRequest, reviewer: User, *, by: User) -> None:
    """Give the review to ``reviewer``; raises ReviewerNotAllowed when they (or ``by``) may not."""
    if review.status == "decided":
        raise ReviewerNotAllowed("This review has been decided.")
    if by.role not in REVIEWER_ROLES:
        raise ReviewerNotAllowed("Only a senior officer or an administrator can assign a review.")
    if not may_review(session, review, reviewer):
        if reviewer.role not in REVIEWER_ROLES:
            raise ReviewerNotAllowed("Only a senior officer or an administrator can review a decision.")
        raise ReviewerNotAllowed("The officer who made a decision cannot review it.")
    earlier = review.reviewer_id
    review.reviewer_id = reviewer.id
    review.assigned_at = utcnow()
    review.status = "assigned"
    record_event(
        session,
        actor=by,
        action="review.assigned",
        subject_type=SUBJECT,
        subject_id=review.application_id,
        details={"review_id": review.id, "reviewer_id": reviewer.id, "previous_reviewer_id": earlier},
    )
    session.flush()


def same_decision(first: Decision, second: Decision) -> bool:
    return all(getattr(first, name) == getattr(second, name) for name in COMPARED)


def complete_review(session: Session, review: ReviewRequest, *, reviewer: User, decision: Decision) -> str:
    """Record the decision made on review and whether it upheld or changed the first; returns the outcome."""
    if review.status == "decided":
        raise ReviewerNotAllowed("This review has been decided.")
    if review.reviewer_id != reviewer.id or not may_review(session, review, reviewer):
        raise ReviewerNotAllowed("Only the officer the review is assigned to can decide it.")
    original = decision_under_review(session, review)
    outcome = "upheld" if same_decision(original, decision) else "changed"
    review.outcome = outcome
    review.outcome_decision_id = decision.id
    review.status = "decided"
    review.decided_at = utcnow()
    record_event(
        session,
        actor=reviewer,
        action="review.decided",
        subject_type=SUBJECT,
        subject_id=review.application_id,
        details={
            "review_id": review.id,
            "outcome": outcome,
            "decision_id": original.id,
            "review_decision_id": decision.id,
        },
    )
    session.flush()
    return outcome
