"""Searching the homes advertised now, and property alerts: saved searches and the homes already emailed for them.

The filters are the rules' canonical filters (``portal.rules.lettings.alerts``),
so the search page, a saved search and its alert emails always agree on which
homes match.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from portal.data.advert_models import Advert, BiddingCycle
from portal.data.bidders import home_of
from portal.data.letting_models import AlertSent, SavedSearch
from portal.data.models import User
from portal.rules.lettings.alerts import matcher

PER_PAGE = 20
#: More saved searches than anyone needs; stops a page being filled by accident.
MOST_SAVED_SEARCHES = 20


@dataclass(frozen=True)
class SearchPage:
    adverts: list[Advert]
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


def open_adverts(session: Session) -> list[Advert]:
    """Every home taking bids now, closing soonest first, with landlord, cycle and photos loaded."""
    query = (
        select(Advert)
        .outerjoin(BiddingCycle, BiddingCycle.id == Advert.cycle_id)
        .where(Advert.status == "open")
        .options(selectinload(Advert.landlord), selectinload(Advert.cycle), selectinload(Advert.photos))
        .order_by(BiddingCycle.closes_on, Advert.id)
    )
    return list(session.scalars(query))


def open_areas(session: Session) -> list[str]:
    """The areas of the homes taking bids now, in alphabetical order."""
    query = select(Advert.area).where(Advert.status == "open", Advert.area != "").distinct().order_by(Advert.area)
    return list(session.scalars(query))


def matching(adverts: Sequence[Advert], filters: Mapping[str, Any]) -> list[Advert]:
    meets = matcher(filters)
    return [advert for advert in adverts if meets(home_of(advert))]


def search_adverts(session: Session, filters: Mapping[str, Any], page: int = 1, per_page: int = PER_PAGE) -> SearchPage:
    """One page of the open homes that match the filters."""
    found = matching(open_adverts(session), filters)
    pages = max(1, math.ceil(len(found) / per_page))
    page = min(max(page, 1), pages)
    start = (page - 1) * per_page
    return SearchPage(found[start : start + per_page], len(found), page, pages, per_page)


def saved_searches_for(session: Session, user_id: int) -> list[SavedSearch]:
    query = select(SavedSearch).where(SavedSearch.user_id == user_id).order_by(SavedSearch.id)
    return list(session.scalars(query))


def search_of(session: Session, user_id: int, search_id: int) -> SavedSearch | None:
    """One of the person's own saved searches (None for anyone else's)."""
    return session.scalar(select(SavedSearch).where(SavedSearch.id == search_id, SavedSearch.user_id == user_id))


class TooManySearches(ValueError):
    """The person already has the most saved searches allowed."""


def save_search(session: Session, user: User, filters: Mapping[str, Any]) -> tuple[SavedSearch, bool]:
    """Keep the search (cleaned filters) for alerts; the same search saved again is not kept twice.

    Gives the saved search and whether it is new. The homes advertised now are
    the ones the person has just seen, so alerts are for homes advertised after this.
    """
    wanted = dict(filters)
    existing = saved_searches_for(session, user.id)
    for search in existing:
        if search.filters == wanted:
            return search, False
    if len(existing) >= MOST_SAVED_SEARCHES:
        raise TooManySearches(len(existing))
    search = SavedSearch(user_id=user.id, filters=wanted)
    session.add(search)
    session.flush()
    for advert in matching(open_adverts(session), wanted):
        session.add(AlertSent(saved_search_id=search.id, advert_id=advert.id))
    session.flush()
    return search, True


def delete_search(session: Session, search: SavedSearch) -> None:
    session.delete(search)
    session.flush()


@dataclass(frozen=True)
class AlertDue:
    search: SavedSearch
    user: User
    adverts: list[Advert]


def alerts_due(session: Session) -> list[AlertDue]:
    """For each saved search, the open homes matching it that have not been emailed for it yet."""
    adverts = open_adverts(session)
    if not adverts:
        return []
    sent: dict[int, set[int]] = {}
    for search_id, advert_id in session.execute(select(AlertSent.saved_search_id, AlertSent.advert_id)):
        sent.setdefault(search_id, set()).add(advert_id)
    query = (
        select(SavedSearch, User)
        .join(User, User.id == SavedSearch.user_id)
        .where(User.is_active.is_(True))
        .order_by(SavedSearch.id)
    )
    due = []
    for search, user in session.execute(query):
        new = [advert for advert in matching(adverts, search.filters) if advert.id not in sent.get(search.id, set())]
        if new:
            due.append(AlertDue(search, user, new))
    return due


def mark_sent(session: Session, search: SavedSearch, adverts: Sequence[Advert]) -> None:
    for advert in adverts:
        session.add(AlertSent(saved_search_id=search.id, advert_id=advert.id))
    session.flush()
