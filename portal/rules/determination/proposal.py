"""What the rules propose for an officer's determination, field by field, each with its reasons.

``propose`` runs the full assessment (``portal.rules.assess.assess``) on a case that already holds the
officer's findings (``apply_findings``) and its history of earlier decisions (for the priority date), and
splits the explanation sentences by the field they explain. The officer then confirms or overrides each
field (``settle``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

from portal.rules.assess import Assessment, assess
from portal.rules.household import Case
from portal.rules.priority import priority_date
from portal.rules.qualification import LOCAL_CONNECTION_EXEMPTIONS, Q_LOCAL_CONNECTION
from portal.rules.scheme import Scheme
from portal.rules.text import Sentence

FIELDS = ("eligibility", "qualification", "local_connection", "bedroom_need", "band", "priority_date")
FIELD_LABELS: dict[str, str] = {
    "eligibility": "Eligibility",
    "qualification": "Qualification",
    "local_connection": "Local connection (met or exempt)",
    "bedroom_need": "Bedroom need",
    "band": "Band",
    "priority_date": "Priority date",
}
#: Each field as officers' messages name it ("Give a reason for changing the band").
FIELD_NOUNS: dict[str, str] = {
    "eligibility": "eligibility decision",
    "qualification": "qualification decision",
    "local_connection": "local connection decision",
    "bedroom_need": "bedroom need",
    "band": "band",
    "priority_date": "priority date",
}
BOOLEAN_FIELDS = ("eligibility", "qualification", "local_connection")
BANDS = (1, 2, 3, 4)

Value: TypeAlias = bool | int | dt.date | None

#: The rules that explain the local connection test (spec 4.1 Q6, the routes in 4.2, the exemptions in 4.3).
_LOCAL_CONNECTION_RULES = frozenset({"4.1 Q6", *(f"4.3 {code}" for code in LOCAL_CONNECTION_EXEMPTIONS)})


@dataclass(frozen=True, slots=True)
class ProposedField:
    field: str
    value: Value
    sentences: tuple[Sentence, ...]  # the reasons behind this value


@dataclass(frozen=True, slots=True)
class Proposal:
    fields: Mapping[str, ProposedField]  # one per FIELDS
    assessment: Assessment
    registration_date: dt.date


def fields_of_sentence(sentence: Sentence) -> tuple[str, ...]:
    """The proposed fields a sentence explains, from the scheme rule it cites (none for section 9 referrals
    and sentences with no rule)."""
    rule = sentence.rule
    section = rule.split(" ", 1)[0]
    if section == "3":
        return ("eligibility",)
    if section.startswith("4."):
        if section == "4.2" or rule in _LOCAL_CONNECTION_RULES:
            return ("qualification", "local_connection")
        return ("qualification",)
    if section == "5" or section.startswith("6.") or section == "1.14":
        return ("bedroom_need",)
    if section.startswith("7."):
        return ("band",)
    if section == "8":
        return ("priority_date",)
    return ()


def _values(assessment: Assessment) -> dict[str, Value]:
    eligible = assessment.eligible
    return {
        "eligibility": eligible,
        "qualification": assessment.qualifies if eligible else None,
        "local_connection": (Q_LOCAL_CONNECTION not in assessment.qualification_failures) if eligible else None,
        "bedroom_need": assessment.bedroom_need,
        "band": assessment.band,
        "priority_date": assessment.priority_date,
    }


def proposal_of(assessment: Assessment, registration_date: dt.date) -> Proposal:
    """The proposal for an assessment already made."""
    values = _values(assessment)
    grouped: dict[str, list[Sentence]] = {name: [] for name in FIELDS}
    for sentence in assessment.sentences:
        for name in fields_of_sentence(sentence):
            grouped[name].append(sentence)
    proposed = {name: ProposedField(name, values[name], tuple(grouped[name])) for name in FIELDS}
    return Proposal(proposed, assessment, registration_date)


def propose(case: Case, scheme: Scheme) -> Proposal:
    """Assess the case (with the officer's findings and the decision history already in it) and propose
    a value for every field in FIELDS, each with the sentences that explain it."""
    return proposal_of(assess(case, scheme), case.registration_date)


def priority_for_band(case: Case, scheme: Scheme, band: int) -> ProposedField:
    """The priority date the scheme gives this case in ``band`` (for an officer who changes the band)."""
    found = priority_date(case, scheme, band)
    return ProposedField("priority_date", found.date, (found.sentence,))
