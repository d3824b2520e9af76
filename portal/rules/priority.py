"""The priority date (allocation scheme, section 8), given only with a band."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter
from typing import NamedTuple

from portal.rules.household import Case
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

_BY_DATE = attrgetter("date")


class PriorityDate(NamedTuple):
    date: dt.date
    sentence: Sentence


def run_back(case: Case, band: int, *, same_band: bool) -> dt.date:
    """Step back from the current assessment while the earlier band is not null and passes the test.

    The test is "band = b" when ``same_band``, otherwise "band <= b". The history is put
    in date order (equal dates keep their order) with the current assessment
    ``(as_at, band)`` at the end. A run that reaches the first assessment, or no history
    at all, gives the registration date; otherwise the date of the earliest assessment
    in the run. The result is never earlier than the registration date.
    """
    history = sorted(case.history, key=_BY_DATE)  # sorted() is stable
    start = len(history)  # the index of the current assessment
    while start > 0:
        earlier = history[start - 1].band
        if earlier is None or (earlier != band if same_band else earlier > band):
            break
        start -= 1
    if start == 0:
        return case.registration_date
    found = history[start].date if start < len(history) else case.as_at
    return max(found, case.registration_date)


def priority_date(case: Case, scheme: Scheme, band: int) -> PriorityDate:
    """Spec 8 for the scheme's ``pd_policy``: compass, band_entry or keep_on_down."""
    policy = scheme.pd_policy
    if policy == "compass":
        if band >= 3:
            date, rule = case.registration_date, "8 PD-1"
        else:
            date, rule = run_back(case, band, same_band=False), "8 PD-2"
    elif policy == "band_entry":
        date, rule = run_back(case, band, same_band=True), "8 band_entry"
    else:
        date, rule = run_back(case, band, same_band=False), "8 keep_on_down"
    if date == case.registration_date:
        sentence = Sentence(
            N_("Your priority date is %(date)s, the date your application was complete."),
            rule,
            {"date": date.isoformat()},
        )
    elif policy == "band_entry":
        sentence = Sentence(
            N_("Your priority date is %(date)s, the date your household moved into band %(band)s."),
            rule,
            {"date": date.isoformat(), "band": band},
        )
    else:
        sentence = Sentence(
            N_("Your priority date is %(date)s, the date your household moved into band %(band)s or a higher band."),
            rule,
            {"date": date.isoformat(), "band": band},
        )
    return PriorityDate(date, sentence)
