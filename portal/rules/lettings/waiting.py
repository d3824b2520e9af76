"""Honest waiting-time estimates from the last months of lets.

The wait of a let is the days from the priority date of the household housed
to the let date. An estimate for a band and a home size uses every let of that
size, to a household in that band, let on a day from ``today`` less ``months``
months to ``today``. With fewer than ``minimum_lets`` such lets there are no
figures, only a sentence saying so. Every estimate says it is a guide from
past lets, not a promise. The typical wait is the median (the lower middle
when there is an even number of lets, so it is a real wait).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from portal.rules.dates import add_months
from portal.rules.text import N_, Sentence

BANDS = (1, 2, 3, 4)
USUAL_SIZES = (1, 2, 3, 4)

NOT_A_PROMISE = Sentence(
    N_(
        "Your own wait may be shorter or longer. It depends on your band, your priority date and the homes you bid for."
    ),
    "",
)


@dataclass(frozen=True, slots=True)
class LetRecord:
    let_on: dt.date
    bedrooms: int
    band: int | None
    priority_date: dt.date | None


@dataclass(frozen=True, slots=True)
class WaitEstimate:
    band: int
    bedrooms: int
    lets: int  # lets of this size to this band in the period
    months: int
    median_days: int | None  # None when there are too few lets to say
    shortest_days: int | None
    longest_days: int | None
    sentences: tuple[Sentence, ...]


def months_of(days: int) -> int:
    """Days as whole months, to the nearest (a month is 1461/48 days, a four-year average); halves round up."""
    return (days * 96 + 1461) // 2922


def _period(today: dt.date, months: int) -> tuple[dt.date, dt.date]:
    return add_months(today, -months), today


def _waits(lets: Iterable[LetRecord], band: int, bedrooms: int, since: dt.date, today: dt.date) -> list[int]:
    return sorted(
        max(0, (let.let_on - let.priority_date).days)
        for let in lets
        if let.band == band
        and let.bedrooms == bedrooms
        and let.priority_date is not None
        and since <= let.let_on <= today
    )


def _guide(months: int) -> Sentence:
    if months == 1:
        return Sentence(N_("This is a guide from the homes we let in the last month. It is not a promise."), "")
    return Sentence(
        N_("This is a guide from the homes we let in the last %(months)s months. It is not a promise."),
        "",
        {"months": months},
    )


def _count(lets: int, band: int) -> Sentence:
    if lets == 1:
        return Sentence(
            N_("In that time, we let 1 home of this size to a household in band %(band)s."), "", {"band": band}
        )
    return Sentence(
        N_("In that time, we let %(lets)s homes of this size to households in band %(band)s."),
        "",
        {"lets": lets, "band": band},
    )


def _typical(days: int) -> Sentence:
    wait = months_of(days)
    if wait == 0:
        return Sentence(N_("A typical wait was less than a month."), "")
    if wait == 1:
        return Sentence(N_("A typical wait was about 1 month."), "")
    return Sentence(N_("A typical wait was about %(wait)s months."), "", {"wait": wait})


def _range(shortest_days: int, longest_days: int) -> Sentence | None:
    shortest, longest = months_of(shortest_days), months_of(longest_days)
    if shortest == longest:
        return None
    if shortest == 0 and longest == 1:
        return Sentence(N_("The shortest wait was less than a month and the longest was about 1 month."), "")
    if shortest == 0:
        return Sentence(
            N_("The shortest wait was less than a month and the longest was about %(longest)s months."),
            "",
            {"longest": longest},
        )
    return Sentence(
        N_("The waits went from about %(shortest)s to about %(longest)s months."),
        "",
        {"shortest": shortest, "longest": longest},
    )


def _too_few(months: int, band: int) -> Sentence:
    if months == 1:
        return Sentence(
            N_(
                "Too few homes of this size were let to households in band %(band)s in the last month "
                "to give a guide to the wait."
            ),
            "",
            {"band": band},
        )
    return Sentence(
        N_(
            "Too few homes of this size were let to households in band %(band)s in the last %(months)s months "
            "to give a guide to the wait."
        ),
        "",
        {"band": band, "months": months},
    )


def estimate(
    lets: Iterable[LetRecord], *, band: int, bedrooms: int, today: dt.date, months: int = 12, minimum_lets: int = 3
) -> WaitEstimate:
    """The wait for a home of this size in this band, from the lets of the last ``months`` months."""
    since, until = _period(today, months)
    waits = _waits(lets, band, bedrooms, since, until)
    if not waits or len(waits) < minimum_lets:
        return WaitEstimate(
            band, bedrooms, len(waits), months, None, None, None, (_too_few(months, band), NOT_A_PROMISE)
        )
    median = waits[(len(waits) - 1) // 2]
    sentences = [_guide(months), _count(len(waits), band), _typical(median)]
    spread = _range(waits[0], waits[-1])
    if spread is not None:
        sentences.append(spread)
    sentences.append(NOT_A_PROMISE)
    return WaitEstimate(band, bedrooms, len(waits), months, median, waits[0], waits[-1], tuple(sentences))


def estimate_table(
    lets: Iterable[LetRecord], *, today: dt.date, months: int = 12, minimum_lets: int = 3
) -> list[WaitEstimate]:
    """One estimate for each band (1 to 4) and home size: 1 to 4 bedrooms and any other size let in the period."""
    records = list(lets)
    since, until = _period(today, months)
    seen = {let.bedrooms for let in records if since <= let.let_on <= until}
    sizes = sorted(seen.union(USUAL_SIZES))
    return [
        estimate(records, band=band, bedrooms=size, today=today, months=months, minimum_lets=minimum_lets)
        for band in BANDS
        for size in sizes
    ]
