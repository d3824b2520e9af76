"""One full assessment of a household case (allocation scheme, sections 3 to 9).

The order of work: eligibility; the household facts every case gets (bedroom
need, the current home, homelessness referrals); then, for an eligible
household, the reason codes (B1, B2), qualification (which needs them for Q7),
the band (B3 to B6) and the priority date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from portal.rules.banding import assign_band, collect_reasons
from portal.rules.bedrooms import assess_home
from portal.rules.eligibility import decide_eligibility
from portal.rules.homelessness import homelessness_referrals
from portal.rules.household import Case
from portal.rules.priority import priority_date
from portal.rules.qualification import decide_qualification
from portal.rules.scheme import Scheme
from portal.rules.text import Sentence


@dataclass(frozen=True, slots=True)
class Assessment:
    """Every output field of the ``assess`` contract (section 2.11), with the explanation."""

    eligible: bool
    eligibility_reasons: tuple[str, ...]  # sorted
    qualifies: bool | None  # None when not eligible
    qualification_failures: tuple[str, ...]  # in the order Q1 to Q7
    exemptions: tuple[str, ...]  # sorted
    bedroom_need: int
    bedroom_need_bedroom_standard: int
    bedrooms_lacking: int | None
    statutory_overcrowding: bool | None
    band: int | None
    reasons: tuple[str, ...]  # sorted
    priority_date: dt.date | None
    referrals: tuple[str, ...]  # sorted
    recontact_date: dt.date | None
    sentences: tuple[Sentence, ...]


def assess(case: Case, scheme: Scheme) -> Assessment:
    eligibility = decide_eligibility(case)
    home = assess_home(case, scheme)
    homelessness = homelessness_referrals(case, scheme)
    if not eligibility.eligible:  # spec 3 E5: only the household facts
        return Assessment(
            eligible=False,
            eligibility_reasons=eligibility.reasons,
            qualifies=None,
            qualification_failures=(),
            exemptions=(),
            bedroom_need=home.bedroom_need,
            bedroom_need_bedroom_standard=home.bedroom_need_bedroom_standard,
            bedrooms_lacking=home.bedrooms_lacking,
            statutory_overcrowding=home.statutory_overcrowding,
            band=None,
            reasons=(),
            priority_date=None,
            referrals=homelessness.referrals,
            recontact_date=homelessness.recontact_date,
            sentences=eligibility.sentences + home.sentences + homelessness.sentences,
        )

    reasons = collect_reasons(case, scheme, home)
    qualification = decide_qualification(case, scheme, eligibility, reasons.codes)
    band = None
    pd = None
    codes = reasons.codes
    sentences = eligibility.sentences + home.sentences + reasons.sentences + qualification.sentences
    if qualification.qualifies:
        banding = assign_band(case, scheme, codes)
        band = banding.band
        codes = tuple(sorted({*codes, *banding.added}))
        priority = priority_date(case, scheme, band)
        pd = priority.date
        sentences += banding.sentences + (priority.sentence,)
    return Assessment(
        eligible=True,
        eligibility_reasons=eligibility.reasons,
        qualifies=qualification.qualifies,
        qualification_failures=qualification.failures,
        exemptions=qualification.exemptions,
        bedroom_need=home.bedroom_need,
        bedroom_need_bedroom_standard=home.bedroom_need_bedroom_standard,
        bedrooms_lacking=home.bedrooms_lacking,
        statutory_overcrowding=home.statutory_overcrowding,
        band=band,
        reasons=codes,
        priority_date=pd,
        referrals=homelessness.referrals,
        recontact_date=homelessness.recontact_date,
        sentences=sentences + homelessness.sentences,
    )
