"""Officers' work queues and case search: which cases and items wait for an officer, filtered and paged.

A queue is a list of cases (new submissions, awaiting evidence, ready to
assess) or of items about a case (changes of circumstances, reassessment
tasks, review requests). Every row carries what the lists show: reference,
applicant's name, stage, band and bedroom need (from the latest decision, or
else the provisional result kept when the application was sent), date
received, and who is assigned. A sensitive case the officer is not named on
comes back as a restricted row with its reference only.

Duty referrals have their own module (``portal.data.duty``); only their count is here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Select, and_, case, exists, false, func, null, or_, select
from sqlalchemy.orm import Session, aliased

from portal.auth.roles import OFFICER_ROLES
from portal.data.application_models import Address, Application, HouseholdMember
from portal.data.case_models import CaseHandling, DutyReferral, NamedOfficer
from portal.data.change_models import CircumstanceChange, ReassessmentTask
from portal.data.decision_models import Decision, ReviewRequest
from portal.data.evidence import OUTSTANDING
from portal.data.evidence_models import EvidenceItem
from portal.data.models import User

#: Every queue, in the order the dashboard shows them: (name in the address, what it lists).
QUEUE_KINDS: dict[str, str] = {
    "new-submissions": "cases",
    "awaiting-evidence": "cases",
    "ready-to-assess": "cases",
    "changes": "changes",
    "reassessment-tasks": "tasks",
    "review-requests": "reviews",
    "duty-referrals": "duty",
}
PER_PAGE = 50
NOBODY = "nobody"


@dataclass(frozen=True, slots=True)
class CaseFilters:
    """What an officer narrowed a queue to. ``assigned`` is an officer's id, ``"nobody"`` or None (anyone)."""

    band: int | None = None
    bedroom_need: int | None = None
    stage: str | None = None
    assigned: int | Literal["nobody"] | None = None
    overdue: bool = False

    @property
    def active(self) -> bool:
        return any(value is not None for value in (self.band, self.bedroom_need, self.stage, self.assigned))


@dataclass(frozen=True, slots=True)
class Deadlines:
    """When things become overdue: cases received before ``case_cutoff`` (older than the target in working
    days), changes sent before ``change_cutoff``, tasks due before ``today``, reviews asked for before
    ``review_cutoff``."""

    today: dt.date
    case_cutoff: dt.date
    change_cutoff: dt.datetime
    review_cutoff: dt.datetime


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One line of a queue or of search results. A restricted row holds only the reference."""

    reference: str | None
    restricted: bool = False
    application_id: int | None = None
    name: str | None = None
    stage: str | None = None
    band: int | None = None
    bedroom_need: int | None = None
    received_on: dt.date | None = None
    assigned_id: int | None = None
    assigned_name: str | None = None
    date_of_birth: dt.date | None = None
    address: str | None = None
    item_id: int | None = None
    item_kind: str | None = None
    item_date: dt.date | None = None
    item_person: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int
    per_page: int = PER_PAGE

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.page * self.per_page, self.total)


class _Case:
    """The columns every row shows about its case, and the joins that give them."""

    def __init__(self, officer_id: int) -> None:
        latest = (
            select(Decision.application_id, func.max(Decision.id).label("decision_id"))
            .group_by(Decision.application_id)
            .subquery("latest_decision")
        )
        self.latest = latest
        self.decision = aliased(Decision, name="latest")
        self.applicant = aliased(HouseholdMember, name="applicant")
        self.assigned = aliased(User, name="assigned")
        decided = self.decision.id.is_not(None)
        self.band = case((decided, self.decision.band), else_=Application.provisional["band"].as_integer())
        self.bedrooms = case(
            (decided, self.decision.bedroom_need), else_=Application.provisional["bedroom_need"].as_integer()
        )
        sensitive = func.coalesce(CaseHandling.sensitive, false())
        named = exists().where(NamedOfficer.application_id == Application.id, NamedOfficer.officer_id == officer_id)
        self.visible = or_(sensitive.is_(False), named)
        self.columns = (
            Application.id.label("application_id"),
            Application.reference.label("reference"),
            Application.stage.label("stage"),
            Application.received_on.label("received_on"),
            self.applicant.full_name.label("name"),
            self.applicant.date_of_birth.label("date_of_birth"),
            self.band.label("band"),
            self.bedrooms.label("bedroom_need"),
            CaseHandling.assigned_officer_id.label("assigned_id"),
            self.assigned.full_name.label("assigned_name"),
            self.visible.label("visible"),
        )

    def joined(self, query: Select[Any]) -> Select[Any]:
        return (
            query.outerjoin(self.latest, self.latest.c.application_id == Application.id)
            .outerjoin(self.decision, self.decision.id == self.latest.c.decision_id)
            .outerjoin(
                self.applicant, and_(self.applicant.application_id == Application.id, self.applicant.position == 0)
            )
            .outerjoin(CaseHandling, CaseHandling.application_id == Application.id)
            .outerjoin(self.assigned, self.assigned.id == CaseHandling.assigned_officer_id)
        )

    def filtered(self, query: Select[Any], filters: CaseFilters) -> Select[Any]:
        if filters.band is not None:
            query = query.where(self.band == filters.band)
        if filters.bedroom_need is not None:
            query = query.where(self.bedrooms == filters.bedroom_need)
        if filters.stage is not None:
            query = query.where(Application.stage == filters.stage)
        if filters.assigned == NOBODY:
            query = query.where(CaseHandling.assigned_officer_id.is_(None))
        elif filters.assigned is not None:
            query = query.where(CaseHandling.assigned_officer_id == filters.assigned)
        if filters.active or filters.overdue:
            # Filtering by what a restricted case holds would give it away, so restricted cases are left out.
            query = query.where(self.visible)
        return query


def _nothing_outstanding() -> Any:
    outstanding = select(EvidenceItem.id).where(
        EvidenceItem.application_id == Application.id,
        EvidenceItem.still_needed.is_(True),
        EvidenceItem.status.in_(tuple(OUTSTANDING)),
    )
    return ~exists(outstanding)


def _items(kind: str) -> tuple[Any, tuple[Any, ...], tuple[Any, ...]]:
    """For a kind of queue: the table it lists, its own columns (id, kind, date, person) and its order."""
    if kind == "changes":
        change = CircumstanceChange
        return change, (change.id, change.kind, change.sent_at, None), (change.sent_at, change.id)
    if kind == "tasks":
        task = ReassessmentTask
        return task, (task.id, task.reason, task.due_on, None), (task.due_on, task.id)
    review = ReviewRequest
    return review, (review.id, review.status, review.requested_at, review.reviewer_id), (review.requested_at, review.id)


def _queue_query(name: str, officer_id: int) -> tuple[Select[Any], _Case, Any]:
    """The rows of a case-based queue before filters, and the table of its items (None for case queues)."""
    kind = QUEUE_KINDS[name]
    columns = _Case(officer_id)
    if kind == "cases":
        query = select(*columns.columns).select_from(Application)
        item = None
        order: tuple[Any, ...] = (Application.received_on, Application.id)
    else:
        item, own, order = _items(kind)
        reviewer = aliased(User, name="reviewer")
        extra = [
            own[0].label("item_id"),
            own[1].label("item_kind"),
            own[2].label("item_date"),
            (reviewer.full_name if own[3] is not None else null()).label("item_person"),
        ]
        query = (
            select(*columns.columns, *extra).select_from(item).join(Application, Application.id == item.application_id)
        )
        if own[3] is not None:
            query = query.outerjoin(reviewer, reviewer.id == own[3])
    query = columns.joined(query)
    if name == "new-submissions":
        query = query.where(Application.stage == "submitted")
    elif name == "awaiting-evidence":
        query = query.where(Application.stage == "awaiting_evidence")
    elif name == "ready-to-assess":
        query = query.where(
            or_(
                Application.stage == "being_assessed",
                and_(Application.stage == "awaiting_evidence", _nothing_outstanding()),
            )
        )
    elif kind == "changes":
        query = query.where(CircumstanceChange.handled_at.is_(None), Application.stage.not_in(("draft", "closed")))
    elif kind == "tasks":
        query = query.where(ReassessmentTask.done_at.is_(None), Application.stage != "draft")
    else:
        query = query.where(ReviewRequest.status != "decided")
    return query.order_by(*order), columns, item


def _overdue_clause(kind: str, deadlines: Deadlines) -> Any:
    if kind == "cases":
        return Application.received_on < deadlines.case_cutoff
    if kind == "changes":
        return CircumstanceChange.sent_at < deadlines.change_cutoff
    if kind == "tasks":
        return ReassessmentTask.due_on < deadlines.today
    return ReviewRequest.requested_at < deadlines.review_cutoff


def _day(value: Any) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _row(found: Any) -> QueueRow:
    if not found.visible:
        return QueueRow(reference=found.reference, restricted=True)
    mapping = found._mapping
    return QueueRow(
        reference=found.reference,
        application_id=found.application_id,
        name=found.name,
        stage=found.stage,
        band=found.band,
        bedroom_need=found.bedroom_need,
        received_on=found.received_on,
        assigned_id=found.assigned_id,
        assigned_name=found.assigned_name,
        date_of_birth=found.date_of_birth,
        address=mapping.get("address"),
        item_id=mapping.get("item_id"),
        item_kind=mapping.get("item_kind"),
        item_date=_day(mapping.get("item_date")),
        item_person=mapping.get("item_person"),
    )


def _paged(session: Session, query: Select[Any], page: int, per_page: int = PER_PAGE) -> Page:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    pages = max(1, math.ceil(total / per_page))
    page = min(max(page, 1), pages)
    found = session.execute(query.limit(per_page).offset((page - 1) * per_page))
    return Page(rows=[_row(row) for row in found], total=total, page=page, pages=pages, per_page=per_page)


def queue_page(
    session: Session, name: str, *, officer_id: int, filters: CaseFilters, deadlines: Deadlines, page: int = 1
) -> Page:
    """One page of a case-based queue (not ``duty-referrals``), oldest first; raises KeyError for no such queue."""
    kind = QUEUE_KINDS[name]
    if kind == "duty":
        raise KeyError(name)
    query, columns, _item = _queue_query(name, officer_id)
    query = columns.filtered(query, filters)
    if filters.overdue:
        query = query.where(_overdue_clause(kind, deadlines))
    return _paged(session, query, page)


def queue_counts(session: Session, *, officer_id: int) -> dict[str, int]:
    """How many rows each queue has, restricted cases included."""
    counts: dict[str, int] = {}
    for name, kind in QUEUE_KINDS.items():
        if kind == "duty":
            query = select(func.count(DutyReferral.id)).where(DutyReferral.advised_at.is_(None))
            counts[name] = session.scalar(query) or 0
            continue
        query, _columns, _item = _queue_query(name, officer_id)
        counts[name] = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    return counts


def is_overdue(kind: str, row: QueueRow, deadlines: Deadlines) -> bool:
    """Whether a row is past its target (the same rule the ``overdue`` filter uses)."""
    if row.restricted:
        return False
    if kind == "cases":
        return row.received_on is not None and row.received_on < deadlines.case_cutoff
    if kind == "changes":
        return row.item_date is not None and row.item_date < deadlines.change_cutoff.date()
    if kind == "tasks":
        return row.item_date is not None and row.item_date < deadlines.today
    return row.item_date is not None and row.item_date < deadlines.review_cutoff.date()


def assignable_officers(session: Session) -> list[User]:
    """Active officers (of any officer role) a case can be assigned to, by name."""
    query = select(User).where(User.role.in_(tuple(OFFICER_ROLES)), User.is_active.is_(True)).order_by(User.full_name)
    return list(session.scalars(query))


# Search ------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """What a search box held, read every way it could be meant (``officer_review.queue_forms.read_search``):
    lower-case words of a name or an address's first line, and the other keys when it looks like one."""

    text: str
    words: tuple[str, ...] = ()
    reference: str | None = None
    birth_date: dt.date | None = None
    ni_number: str | None = None
    postcode: str | None = None


def _squashed(column: Any) -> Any:
    return func.upper(func.replace(column, " ", ""))


def search_cases(session: Session, terms: SearchTerms, *, officer_id: int, page: int = 1) -> Page:
    """Sent applications matching the search on any household member or address, newest first."""
    person = aliased(HouseholdMember, name="person")
    place = aliased(Address, name="place")
    people: list[Any] = []
    if terms.words:
        people.append(and_(*(func.lower(person.full_name).contains(word, autoescape=True) for word in terms.words)))
    if terms.birth_date is not None:
        people.append(person.date_of_birth == terms.birth_date)
    if terms.ni_number is not None:
        people.append(_squashed(person.ni_number) == terms.ni_number)
    places: list[Any] = [func.lower(place.line_1).contains(terms.text, autoescape=True)] if terms.text else []
    if terms.postcode is not None:
        places.append(_squashed(place.postcode) == terms.postcode)
    matches: list[Any] = []
    if people:
        matches.append(exists().where(person.application_id == Application.id, or_(*people)))
    if places:
        matches.append(exists().where(place.application_id == Application.id, or_(*places)))
    if terms.reference is not None:
        matches.append(Application.reference == terms.reference)
    if not matches:
        return Page(rows=[], total=0, page=1, pages=1)
    columns = _Case(officer_id)
    current = aliased(Address, name="current")
    address = func.trim(func.coalesce(current.line_1, "") + " " + func.coalesce(current.postcode, ""))
    query = (
        columns.joined(select(*columns.columns, address.label("address")).select_from(Application))
        .outerjoin(current, and_(current.application_id == Application.id, current.position == 0))
        .where(Application.stage != "draft", Application.reference.is_not(None), or_(*matches))
        .order_by(Application.received_on.desc(), Application.id.desc())
    )
    return _paged(session, query, page)


def restricted_among(session: Session, application_ids: set[int], *, officer_id: int) -> set[int]:
    """Which of these cases are sensitive with this officer not named on them."""
    if not application_ids:
        return set()
    named = exists().where(
        NamedOfficer.application_id == CaseHandling.application_id, NamedOfficer.officer_id == officer_id
    )
    query = select(CaseHandling.application_id).where(
        CaseHandling.application_id.in_(application_ids), CaseHandling.sensitive.is_(True), ~named
    )
    return set(session.scalars(query))
