"""Lettings results for everyone to read, and the lets waiting-time estimates are made from (read only).

The public results show published lets only, and never a name or a reference:
the home (area, type, bedrooms, tenure), the number of bids, the band and
priority date of the household housed, the let date and the route. Waiting
times use every let of the period, published or not, as plain figures.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.data.advert_models import Advert
from portal.data.letting_models import Let
from portal.rules.dates import add_months
from portal.rules.lettings.waiting import LetRecord

PER_PAGE = 20


@dataclass(frozen=True)
class LettingResult:
    """One published let, as the public may see it."""

    area: str
    town: str
    property_type: str
    bedrooms: int
    tenure: str
    bid_count: int
    band: int | None
    priority_date: dt.date | None
    let_on: dt.date
    route: str


@dataclass(frozen=True)
class ResultsPage:
    results: list[LettingResult]
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


def published_results(session: Session, page: int = 1, per_page: int = PER_PAGE) -> ResultsPage:
    """One page of the published lets, newest let first."""
    published = Let.published_at.is_not(None)
    total = int(session.scalar(select(func.count(Let.id)).where(published)) or 0)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(page, 1), pages)
    query = (
        select(Let, Advert)
        .join(Advert, Advert.id == Let.advert_id)
        .where(published)
        .order_by(Let.let_on.desc(), Let.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    results = [
        LettingResult(
            area=advert.area,
            town=advert.town,
            property_type=advert.property_type,
            bedrooms=let.bedrooms,
            tenure=advert.tenure,
            bid_count=let.bid_count,
            band=let.band,
            priority_date=let.priority_date,
            let_on=let.let_on,
            route=let.route,
        )
        for let, advert in session.execute(query)
    ]
    return ResultsPage(results, total, page, pages, per_page)


def let_records(session: Session, today: dt.date, months: int) -> list[LetRecord]:
    """Every let (published or not) from ``months`` months before ``today`` up to today."""
    since = add_months(today, -months)
    query = select(Let.let_on, Let.bedrooms, Let.band, Let.priority_date).where(
        Let.let_on >= since, Let.let_on <= today
    )
    return [
        LetRecord(let_on=let_on, bedrooms=bedrooms, band=band, priority_date=priority_date)
        for let_on, bedrooms, band, priority_date in session.execute(query)
    ]
