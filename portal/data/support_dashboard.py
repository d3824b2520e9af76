"""What a support worker's dashboard shows: each client whose consent is in force, where their application is,
the evidence still to send, the homes they can bid on now and the dates that matter; and access that has
ended. Requests still waiting for an answer are left out, so the dashboard never shows which addresses have
accounts.

Everything is read for all the worker's clients at once: a fixed number of
queries, however many clients there are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from portal.data.advert_models import Advert, BiddingCycle
from portal.data.application_models import Application
from portal.data.bidders import bidder_from, home_of
from portal.data.consents import state_of, worker_profile
from portal.data.decision_models import Decision, ReviewRequest
from portal.data.evidence import is_outstanding
from portal.data.evidence_models import EvidenceItem
from portal.data.letting_models import Bid, Offer
from portal.data.models import User
from portal.data.reviews import REVIEWABLE_STAGES
from portal.data.support_models import Consent, SupportWorker
from portal.rules.lettings.bidding import bid_check
from portal.rules.support.scopes import Scope, in_force, why_not_in_force

#: How many ended consents the dashboard lists, newest first.
ENDED_SHOWN = 20

BIDDING_CLOSES = "bidding_closes"
EVIDENCE_DUE = "evidence_due"
OFFER_ANSWER = "offer_answer"
REVIEW_ASK_BY = "review_ask_by"


@dataclass(frozen=True)
class Deadline:
    """A date that matters for a client: ``kind`` is one of the constants above; ``about`` names the home."""

    kind: str
    on: dt.date | None
    about: str = ""


@dataclass
class ClientRow:
    consent: Consent
    applicant: User
    application: Application | None = None
    evidence_outstanding: int = 0
    evidence_due: dt.date | None = None
    #: How many homes taking bids now the client can bid on; None when the worker may not bid for them.
    homes_to_bid: int | None = None
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def may_bid(self) -> bool:
        return Scope.BID in self.consent.scopes


@dataclass(frozen=True)
class EndedRow:
    consent: Consent
    applicant: User
    #: Why: "revoked", "cancelled", "declined" (from the status) or "expired".
    why: str
    ended_on: dt.date | None
    #: Whether the worker ended it themself.
    by_worker: bool


@dataclass(frozen=True)
class Dashboard:
    clients: list[ClientRow]
    ended: list[EndedRow]


def _consents(session: Session, worker_id: int) -> list[tuple[Consent, User]]:
    query = (
        select(Consent, User)
        .join(User, User.id == Consent.applicant_id)
        .where(Consent.worker_id == worker_id)
        .order_by(Consent.id.desc())
    )
    return list(session.execute(query))


def latest_applications(session: Session, user_ids: Iterable[int]) -> dict[int, Application]:
    """Each applicant's latest application, by applicant id, with its people loaded."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    newest = (
        select(func.max(Application.id).label("application_id"))
        .where(Application.user_id.in_(ids))
        .group_by(Application.user_id)
        .subquery()
    )
    query = (
        select(Application)
        .join(newest, Application.id == newest.c.application_id)
        .options(selectinload(Application.people))
    )
    return {application.user_id: application for application in session.scalars(query)}


def _latest_decisions(session: Session, application_ids: list[int]) -> dict[int, Decision]:
    newest = (
        select(func.max(Decision.id).label("decision_id"))
        .where(Decision.application_id.in_(application_ids))
        .group_by(Decision.application_id)
        .subquery()
    )
    query = select(Decision).join(newest, Decision.id == newest.c.decision_id)
    return {decision.application_id: decision for decision in session.scalars(query)}


def _reviewed_decisions(session: Session, decision_ids: list[int]) -> set[int]:
    if not decision_ids:
        return set()
    query = select(ReviewRequest.decision_id).where(ReviewRequest.decision_id.in_(decision_ids))
    return set(session.scalars(query))


def _evidence(session: Session, application_ids: list[int]) -> dict[int, list[EvidenceItem]]:
    query = select(EvidenceItem).where(
        EvidenceItem.application_id.in_(application_ids), EvidenceItem.still_needed.is_(True)
    )
    found: dict[int, list[EvidenceItem]] = defaultdict(list)
    for item in session.scalars(query):
        if is_outstanding(item):
            found[item.application_id].append(item)
    return found


def _offers_waiting(session: Session, application_ids: list[int]) -> dict[int, list[tuple[Offer, Advert]]]:
    query = (
        select(Offer, Advert)
        .join(Advert, Advert.id == Offer.advert_id)
        .where(Offer.application_id.in_(application_ids), Offer.status == "made")
        .order_by(Offer.respond_by, Offer.id)
    )
    found: dict[int, list[tuple[Offer, Advert]]] = defaultdict(list)
    for offer, advert in session.execute(query):
        found[offer.application_id].append((offer, advert))
    return found


def _open_adverts(session: Session) -> list[Advert]:
    query = (
        select(Advert)
        .join(BiddingCycle, BiddingCycle.id == Advert.cycle_id)
        .where(Advert.status == "open")
        .options(selectinload(Advert.landlord), selectinload(Advert.cycle))
        .order_by(BiddingCycle.closes_on, Advert.id)
    )
    return list(session.scalars(query))


def _active_bids(session: Session, application_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    """Each application's active bids as (advert id, cycle id) pairs."""
    query = select(Bid.application_id, Bid.advert_id, Bid.cycle_id).where(
        Bid.application_id.in_(application_ids), Bid.status == "active"
    )
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for application_id, advert_id, cycle_id in session.execute(query):
        found[application_id].append((advert_id, cycle_id))
    return found


def _bidding(
    row: ClientRow, decision: Decision | None, adverts: list[Advert], bids: list[tuple[int, int]], today: dt.date
) -> None:
    """Count the homes the client can bid on now, and note when bidding closes on those and on their bids."""
    application = row.application
    assert application is not None
    bid_adverts = {advert_id for advert_id, _cycle in bids}
    per_cycle: dict[int, int] = defaultdict(int)
    for _advert, cycle_id in bids:
        per_cycle[cycle_id] += 1
    closing: list[dt.date] = []
    count = 0
    bidder = bidder_from(application, decision, today) if row.may_bid and application.stage != "draft" else None
    for advert in adverts:
        cycle = advert.cycle
        assert cycle is not None  # the query joins the cycle
        if advert.id in bid_adverts:
            closing.append(cycle.closes_on)
            continue
        if bidder is None:
            continue
        check = bid_check(
            home_of(advert),
            bidder,
            active_bids=per_cycle[cycle.id],
            bid_limit=cycle.bid_limit,
            already_bid=False,
            today=today,
        )
        if check.can_bid:
            count += 1
            closing.append(cycle.closes_on)
    row.homes_to_bid = count if row.may_bid else None
    if closing:
        row.deadlines.append(Deadline(BIDDING_CLOSES, min(closing)))


def _review_deadline(row: ClientRow, decision: Decision | None, reviewed: set[int], today: dt.date) -> None:
    application = row.application
    if application is None or decision is None or decision.kind == "review" or decision.review_by is None:
        return
    if decision.id in reviewed or today > decision.review_by or application.stage not in REVIEWABLE_STAGES:
        return
    row.deadlines.append(Deadline(REVIEW_ASK_BY, decision.review_by))


def _fill(session: Session, rows: list[ClientRow], today: dt.date) -> None:
    applications = latest_applications(session, [row.applicant.id for row in rows])
    for row in rows:
        row.application = applications.get(row.applicant.id)
    ids = [row.application.id for row in rows if row.application is not None]
    if not ids:
        return
    evidence = _evidence(session, ids)
    offers = _offers_waiting(session, ids)
    decisions = _latest_decisions(session, ids)
    reviewed = _reviewed_decisions(session, [decision.id for decision in decisions.values()])
    bids = _active_bids(session, ids)
    needs_adverts = any(row.application is not None and (row.may_bid or bids.get(row.application.id)) for row in rows)
    adverts = _open_adverts(session) if needs_adverts else []
    for row in rows:
        application = row.application
        if application is None:
            continue
        items = evidence.get(application.id, [])
        row.evidence_outstanding = len(items)
        due = [item.due_on for item in items if item.due_on is not None]
        row.evidence_due = min(due) if due else None
        if row.evidence_due is not None:
            row.deadlines.append(Deadline(EVIDENCE_DUE, row.evidence_due))
        for offer, advert in offers.get(application.id, []):
            row.deadlines.append(Deadline(OFFER_ANSWER, offer.respond_by, advert.address_line_1))
        decision = decisions.get(application.id)
        _bidding(row, decision, adverts, bids.get(application.id, []), today)
        _review_deadline(row, decision, reviewed, today)
        row.deadlines.sort(key=lambda deadline: (deadline.on is None, deadline.on or today))


def _ended(consent: Consent, applicant: User, worker: SupportWorker | None, today: dt.date) -> EndedRow | None:
    why = why_not_in_force(state_of(consent, worker), today)
    if why == "expired":
        return EndedRow(consent, applicant, "expired", consent.expires_on, by_worker=False)
    if why in ("revoked", "cancelled", "declined"):
        ended_on = consent.ended_at.date() if consent.ended_at is not None else None
        return EndedRow(consent, applicant, why, ended_on, by_worker=consent.ended_by_id == consent.worker_id)
    return None


def dashboard_for(session: Session, worker_id: int, today: dt.date) -> Dashboard:
    """Everything on the worker's dashboard, read in a fixed number of queries."""
    worker = worker_profile(session, worker_id)
    clients: list[ClientRow] = []
    ended: list[EndedRow] = []
    found = _consents(session, worker_id)
    helping: set[int] = set()
    for consent, applicant in found:  # newest first: the newest consent in force is the one used
        if applicant.id not in helping and in_force(state_of(consent, worker), today):
            clients.append(ClientRow(consent, applicant))
            helping.add(applicant.id)
    for consent, applicant in found:
        if consent.status != "requested" and applicant.id not in helping:
            row = _ended(consent, applicant, worker, today)
            if row is not None:
                ended.append(row)
    clients.sort(key=lambda row: (row.applicant.full_name.lower(), row.consent.id))
    _fill(session, clients, today)
    ended.sort(key=lambda row: (row.ended_on or dt.date.min, row.consent.id), reverse=True)
    return Dashboard(clients, ended[:ENDED_SHOWN])
