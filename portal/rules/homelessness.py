"""Homelessness referrals and the recontact date (allocation scheme, section 9).

The register takes the Part 7 decision as data. These referrals are raised for
every household, eligible or not, without waiting for banding.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from portal.rules.dates import age_on
from portal.rules.household import Case
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

HOUSING_OPTIONS = "housing_options"
CHILDRENS_SERVICES = "childrens_services"
NO_HOME_TYPES = ("rough_sleeping", "sofa_surfing")
HOUSING_OPTIONS_REFERRAL = Sentence(
    N_("We have asked the Housing Options team to get in touch about help with homelessness."), "9"
)


class HomelessnessOutcome(NamedTuple):
    referrals: tuple[str, ...]  # sorted
    recontact_date: dt.date | None
    sentences: tuple[Sentence, ...]


def homelessness_referrals(case: Case, scheme: Scheme) -> HomelessnessOutcome:
    """Spec 9: the Housing Options and children's services referrals, and the recontact date."""
    homelessness = case.homelessness
    notice_days = scheme.homelessness_notice_days
    must_leave_by = homelessness.must_leave_by
    leaves_soon = False
    recontact: dt.date | None = None
    if must_leave_by is not None:
        # Compare day counts rather than adding to as_at, which could pass the end of the calendar.
        leaves_soon = (must_leave_by - case.as_at).days <= notice_days
        if not leaves_soon:
            recontact = must_leave_by - dt.timedelta(days=notice_days)
    housing_options = (
        case.current_home.type in NO_HOME_TYPES
        or homelessness.nowhere_to_stay_tonight
        or homelessness.cannot_stay_where_they_are
        or leaves_soon
    )
    age = age_on(case.applicant.date_of_birth, case.as_at)
    childrens_services = age < 16 or (age < 18 and (housing_options or homelessness.duty is not None))

    referrals: list[str] = []
    sentences: list[Sentence] = []
    if childrens_services:
        referrals.append(CHILDRENS_SERVICES)
        sentences.append(
            Sentence(
                N_("We have asked children's services to get in touch, because the applicant is %(age)s."),
                "9",
                {"age": age},
            )
        )
    if housing_options:
        referrals.append(HOUSING_OPTIONS)
        sentences.append(HOUSING_OPTIONS_REFERRAL)
    if recontact is not None:
        sentences.append(
            Sentence(
                N_(
                    "We will get in touch again on %(date)s, which is %(days)s days before you have to leave your home."
                ),
                "9",
                {"date": recontact.isoformat(), "days": notice_days},
            )
        )
    return HomelessnessOutcome(tuple(referrals), recontact, tuple(sentences))
