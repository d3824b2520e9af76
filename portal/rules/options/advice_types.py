"""The shapes of housing options advice: each option, its figures, and the whole plan.

``portal.rules.options.advice`` builds them; the results page and the plan show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from portal.rules.assess import Assessment
from portal.rules.household import Case
from portal.rules.options.answers import OptionsAnswers
from portal.rules.options.council import Council, Helpline, WaitEstimate
from portal.rules.scheme import Scheme
from portal.rules.text import Sentence

FITS = ("yes", "maybe", "no")
OPTION_KINDS = (
    "register",
    "social_rent",
    "affordable_rent",
    "shared_ownership",
    "first_homes",
    "private_renting",
    "mutual_exchange",
    "right_to_move",
    "sheltered",
    "extra_care",
    "supported_housing",
    "armed_forces",
    "homelessness_help",
    "domestic_abuse_help",
)
URGENT_KINDS = ("nowhere_tonight", "abuse", "must_leave_soon", "rough_sleeping")


@dataclass(frozen=True)
class Figure:
    label: str  # an N_() message, translated by the page
    value: str  # already formatted, with no words: "£1,200", "35%", "2"


@dataclass(frozen=True)
class Option:
    kind: str  # one of OPTION_KINDS
    fits: str  # one of FITS
    why: tuple[Sentence, ...]
    next_steps: tuple[Sentence, ...]
    figures: tuple[Figure, ...] = ()
    link: str | None = None  # the council's page about this option, when there is one


@dataclass(frozen=True)
class Advice:
    as_at: dt.date
    urgent_kinds: tuple[str, ...]  # in the order of URGENT_KINDS
    urgent: tuple[Sentence, ...]  # what to do today, in order (empty when not urgent)
    helplines: tuple[Helpline, ...]  # the helplines that fit, most relevant first
    assessment: Assessment  # the engine's assessment of the answers as given (no homelessness duty assumed)
    bedroom_need: int
    likely_band: int | None  # the band if the likely homelessness duty is owed (see Situation.likely_duty)
    wait: WaitEstimate | None
    options: tuple[Option, ...]  # urgent help first, then "yes", "maybe", "no"; the register always included


def say(message: str, params: Mapping[str, object] | None = None, rule: str = "") -> Sentence:
    """A sentence of advice; ``rule`` is a scheme section when the sentence comes from the scheme."""
    return Sentence(message, rule, dict(params or {}))


@dataclass(frozen=True)
class Situation:
    """Everything the option builders read: the answers, the settings and the engine's results."""

    answers: OptionsAnswers
    scheme: Scheme
    council: Council
    as_at: dt.date
    case: Case
    assessment: Assessment  # the answers as given
    likely: Assessment  # with the likely homelessness duty, when there is one; else the same as assessment
    likely_duty: str | None  # "prevention" or "relief" when the answers show homelessness or its risk
    urgent_kinds: tuple[str, ...]

    @property
    def bedroom_need(self) -> int:
        return self.assessment.bedroom_need

    @property
    def social_tenant(self) -> bool:
        return self.answers.where_live in ("council_tenant", "housing_association_tenant")

    def link(self, key: str) -> str | None:
        return self.council.links.get(key)
