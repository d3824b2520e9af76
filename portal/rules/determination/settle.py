"""Settling a determination: the officer's confirmations and overrides checked against the proposal.

``settle`` gives either the decision (``Settled``) or every problem an officer must put right, in plain
English, in the order of the form. It never raises, whatever the confirmations hold.

- Every field in FIELDS is confirmed (the proposed value is kept) or overridden (the officer's value).
- Every real override (a value other than the proposed one) has a reason.
- Every factor on the checklist is ticked.
- The values fit together: a household that is not eligible has no qualification decision, local connection,
  band or priority date; one that does not qualify has no band or priority date; one that qualifies has a
  band and a priority date, and a local connection (met or exempt). Fields that only follow from an
  override of eligibility or qualification are cleared without a reason of their own.
- The findings have their dates: the date of a medical award, and of a homelessness duty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from portal.rules.determination.checklist import Factor
from portal.rules.determination.findings import Findings
from portal.rules.determination.proposal import BANDS, FIELD_NOUNS, FIELDS, Proposal, Value, fields_of_sentence
from portal.rules.text import Sentence

OUTCOME_JOINS, OUTCOME_NOT_ELIGIBLE, OUTCOME_DOES_NOT_QUALIFY = "joins", "not_eligible", "does_not_qualify"
MOST_BEDROOMS = 20
MONTHS = tuple("January February March April May June July August September October November December".split())
_CHOOSE = {
    "eligibility": "Choose whether the household is eligible",
    "qualification": "Choose whether the household qualifies",
    "local_connection": "Choose whether the household has a local connection (met or exempt)",
    "bedroom_need": f"Enter the bedroom need as a whole number from 1 to {MOST_BEDROOMS}",
    "band": "Choose band 1, 2, 3 or 4",
    "priority_date": "Enter the priority date as a real date",
}
_NOT_ELIGIBLE = {
    "qualification": "A household that is not eligible cannot have a qualification decision",
    "local_connection": "A household that is not eligible does not have a local connection decision",
    "band": "A household that is not eligible cannot have a band",
    "priority_date": "A household that is not eligible cannot have a priority date",
}
_DOES_NOT_QUALIFY = {
    "band": "A household that does not qualify cannot have a band",
    "priority_date": "A household that does not qualify cannot have a priority date",
}
_NEEDED = {
    "qualification": "Choose whether the household qualifies: an eligible household needs a qualification decision",
    "local_connection": "Choose whether the household has a local connection (met or exempt)",
    "band": "A household that qualifies must have a band: choose the band",
    "priority_date": "A household with a band must have a priority date: enter the priority date",
}
NO_LOCAL_CONNECTION = "A household with no local connection and no exemption cannot qualify"
CHECKLIST = "Tick every item on the checklist before you decide"
MEDICAL_DATE = "Enter the date of the medical award"
MEDICAL_DATE_FUTURE = "The date of the medical award must be today or in the past"
DUTY_DATE = "Enter the date the homelessness duty was accepted"
DUTY_DATE_FUTURE = "The date of the homelessness duty must be today or in the past"


@dataclass(frozen=True, slots=True)
class Confirmation:
    value: Value  # the value the officer decided (== proposed when confirmed)
    overridden: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    field: str  # a FIELDS name, "checklist", "medical_awarded_on" or "duty_date"
    message: str  # English, for officers


@dataclass(frozen=True, slots=True)
class Settled:
    outcome: str  # "joins" | "not_eligible" | "does_not_qualify"
    eligible: bool
    qualifies: bool | None
    local_connection: bool | None
    bedroom_need: int | None
    band: int | None
    priority_date: dt.date | None
    registration_date: dt.date
    overrides: Mapping[str, Mapping[str, Any]]  # {field: {"proposed": json, "decided": json, "reason": str}}
    reasons: tuple[Mapping[str, Any], ...]  # JSON-safe: the rules' sentences, then the officer's reasons


def in_words(day: dt.date) -> str:
    """A date for officers: 20 November 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def json_value(value: object) -> object:
    """A decided or proposed value as JSON: dates as ISO strings."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _plain(value: object) -> str | int:
    return value if isinstance(value, int | str) and not isinstance(value, bool) else str(value)


def sentences_json(sentences: Iterable[Sentence]) -> list[dict[str, Any]]:
    """Sentences as kept values (like portal.apply.provisional): params plain str or int, dates ISO strings."""
    return [
        {"message": s.message, "rule": s.rule, "params": {str(key): _plain(value) for key, value in s.params.items()}}
        for s in sentences
    ]


def _valid(name: str, value: object) -> Value | str:
    """The overriding value in the field's type, or the problem message when it is not allowed."""
    if name in ("eligibility", "qualification", "local_connection"):
        if isinstance(value, bool) or (value is None and name != "eligibility"):
            return value
        return _CHOOSE[name]
    if name == "priority_date":
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        return value if isinstance(value, dt.date) else _CHOOSE[name]
    if isinstance(value, bool) or not isinstance(value, int):
        return None if value is None and name == "band" else _CHOOSE[name]
    if name == "band":
        return value if value in BANDS else _CHOOSE[name]
    return value if 1 <= value <= MOST_BEDROOMS else _CHOOSE[name]


def _same(decided: object, proposed: object) -> bool:
    return type(decided) is type(proposed) and decided == proposed


class _Settling:
    """The working state of one settle call."""

    def __init__(self, proposal: Proposal, confirmations: Mapping[str, Confirmation]) -> None:
        self.proposal = proposal
        self.problems: dict[str, str] = {}
        self.decided: dict[str, Value] = {}
        self.changed: dict[str, str] = {}  # field: the officer's reason
        self.overridden: dict[str, Value] = {}  # field: the value the officer gave, even the proposed one
        for name in FIELDS:
            self._read(name, confirmations.get(name) if isinstance(confirmations, Mapping) else None)

    def problem(self, name: str, message: str) -> None:
        self.problems.setdefault(name, message)

    def _read(self, name: str, confirmation: object) -> None:
        proposed = self.proposal.fields[name].value
        self.decided[name] = proposed
        if not isinstance(confirmation, Confirmation):
            self.problem(name, f"Confirm or change the {FIELD_NOUNS[name]}")
            return
        if confirmation.overridden is not True:
            return
        value = _valid(name, confirmation.value)
        if isinstance(value, str):
            self.problem(name, value)
            return
        self.overridden[name] = value
        if _same(value, proposed):
            return
        self.decided[name] = value
        reason = confirmation.reason.strip() if isinstance(confirmation.reason, str) else ""
        self.changed[name] = reason

    def gate(self, names: Sequence[str], messages: Mapping[str, str]) -> None:
        """Clear fields that cannot have a value; an officer's own value for one of them is a problem."""
        for name in names:
            if self.overridden.get(name) is not None:
                self.problem(name, messages[name])
            self.decided[name] = None
            self.changed.pop(name, None)

    def need(self, names: Sequence[str]) -> None:
        for name in names:
            if self.decided[name] is None:
                self.problem(name, _NEEDED[name])

    def check_consistency(self) -> None:
        eligible = self.decided["eligibility"]
        if eligible is not True:
            self.gate(("qualification", "local_connection", "band", "priority_date"), _NOT_ELIGIBLE)
            return
        self.need(("qualification", "local_connection"))
        qualifies = self.decided["qualification"]
        if qualifies is not True:
            self.gate(("band", "priority_date"), _DOES_NOT_QUALIFY)
            return
        if self.decided["local_connection"] is False:
            self.problem("qualification", NO_LOCAL_CONNECTION)
        self.need(("band", "priority_date"))
        pd = self.decided["priority_date"]
        registered = self.proposal.registration_date
        if isinstance(pd, dt.date) and "priority_date" in self.changed and pd < registered:
            self.problem(
                "priority_date",
                f"The priority date cannot be before the registration date, {in_words(registered)}",
            )

    def check_reasons(self) -> None:
        for name, reason in self.changed.items():
            if not reason:
                self.problem(name, f"Give a reason for changing the {FIELD_NOUNS[name]}")


def _check_findings(findings: Findings, today: dt.date | None) -> list[Problem]:
    problems = []
    checks = (
        ("medical_awarded_on", findings.medical_welfare != "none", findings.medical_awarded_on),
        ("duty_date", findings.homelessness_duty is not None, findings.duty_date),
    )
    messages = {"medical_awarded_on": (MEDICAL_DATE, MEDICAL_DATE_FUTURE), "duty_date": (DUTY_DATE, DUTY_DATE_FUTURE)}
    for name, needed, day in checks:
        if not needed:
            continue
        if not isinstance(day, dt.date):
            problems.append(Problem(name, messages[name][0]))
        elif today is not None and day > today:
            problems.append(Problem(name, messages[name][1]))
    return problems


def _field_explained(sentence: Sentence) -> str | None:
    """The field a sentence belongs to: the most particular one it explains."""
    found = fields_of_sentence(sentence)
    return found[-1] if found else None


def _reasons(proposal: Proposal, state: _Settling) -> tuple[Mapping[str, Any], ...]:
    """The rules' sentences that still explain the decision, then the officer's reason for each override.

    A field the officer changed, or that was cleared because of a change, drops the rules' sentences for it
    (a local connection sentence belongs to the local connection, though it also explains the qualification).
    """
    dropped = {name for name in FIELDS if not _same(state.decided[name], proposal.fields[name].value)}
    dropped |= set(state.changed)
    kept = [s for s in proposal.assessment.sentences if _field_explained(s) not in dropped]
    officer = [{"officer": reason, "field": name} for name, reason in state.changed.items()]
    return (*sentences_json(kept), *officer)


def settle(
    proposal: Proposal,
    confirmations: Mapping[str, Confirmation],
    ticked: Collection[str],
    checklist: Sequence[Factor],
    findings: Findings = Findings(),  # noqa: B008  (frozen, so one shared default is safe)
    *,
    today: dt.date | None = None,
) -> Settled | tuple[Problem, ...]:
    """The decision, or every problem with it (in the order of FIELDS, then the checklist, then the findings).

    ``today``, when given, also refuses award and duty dates in the future.
    """
    state = _Settling(proposal, confirmations)
    state.check_consistency()
    state.check_reasons()
    problems = [Problem(name, state.problems[name]) for name in FIELDS if name in state.problems]
    try:
        missing = [factor for factor in checklist if factor.key not in ticked]
    except TypeError:
        missing = list(checklist)
    if missing:
        problems.append(Problem("checklist", CHECKLIST))
    problems += _check_findings(findings, today)
    if problems:
        return tuple(problems)
    decided = state.decided
    eligible = decided["eligibility"] is True
    qualifies = decided["qualification"] if eligible else None
    outcome = OUTCOME_NOT_ELIGIBLE if not eligible else OUTCOME_JOINS if qualifies is True else OUTCOME_DOES_NOT_QUALIFY
    overrides = {
        name: {
            "proposed": json_value(proposal.fields[name].value),
            "decided": json_value(decided[name]),
            "reason": reason,
        }
        for name, reason in state.changed.items()
    }
    return Settled(
        outcome=outcome,
        eligible=eligible,
        qualifies=_bool_or_none(qualifies),
        local_connection=_bool_or_none(decided["local_connection"]),
        bedroom_need=_int_or_none(decided["bedroom_need"]),
        band=_int_or_none(decided["band"]),
        priority_date=_date_or_none(decided["priority_date"]),
        registration_date=proposal.registration_date,
        overrides=overrides,
        reasons=_reasons(proposal, state),
    )


def _bool_or_none(value: Value) -> bool | None:
    return value if isinstance(value, bool) else None


def _int_or_none(value: Value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date_or_none(value: Value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None
