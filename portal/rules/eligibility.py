"""Eligibility for an allocation (allocation scheme, section 3; statutory, not configurable).

Decided for each applicant and joint applicant from the immigration facts an
officer recorded; the engine never works out immigration law itself. The
regulation 3 classes are statutory data in ``eligibility_classes.toml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from portal.rules.household import (
    APPLICANT_ROLES,
    ELIGIBILITY_CLASSES,
    NOT_SUBJECT_TO_CONTROL,
    Case,
    Immigration,
    Person,
)
from portal.rules.text import N_, Sentence

CLASSES_FILE = Path(__file__).resolve().parent / "eligibility_classes.toml"
CONDITIONS = ("none", "no_nrpf", "habitual")

E1_NO_CLASS = "E1-NO-CLASS"
E1_NRPF = "E1-CLASS-CONDITION-NRPF"
E1_HABITUAL = "E1-CLASS-CONDITION-HABITUAL"
E2_NOT_HABITUAL = "E2-NOT-HABITUALLY-RESIDENT"
E2_RIGHT_TO_RESIDE = "E2-NO-QUALIFYING-RIGHT-TO-RESIDE"
E3_JOINT = "E3-JOINT-APPLICANT-INELIGIBLE"
E4_RESTRICTED = "E4-RESTRICTED-PERSON"

_RIGHT_TO_RESIDE_MESSAGES = {
    "jobseeker_only": N_(
        "Person %(person)s has a right to live here only as a job seeker, or as the family member of one. "
        "This right does not count for social housing."
    ),
    "initial_three_months": N_(
        "Person %(person)s has a right to live here only for their first three months. "
        "This right does not count for social housing."
    ),
    "derivative": N_(
        "Person %(person)s has a right to live here only because they care for someone else who lives here. "
        "This right does not count for social housing."
    ),
}


ELIGIBLE = Sentence(N_("The household is eligible to join the housing register."), "3")
NOT_ELIGIBLE = Sentence(
    N_(
        "No applicant can get social housing from the register, so the household is not eligible. "
        "You can ask us to review this decision, and you can apply again if things change."
    ),
    "3 E5",
)


class EligibilityDataError(ValueError):
    """The eligibility classes file is missing a class or has a bad value."""


@dataclass(frozen=True, slots=True)
class EligibilityClassRule:
    """One regulation 3 class: the extra condition the engine checks, and when the class starts."""

    letter: str
    condition: str  # one of CONDITIONS
    in_force_from: dt.date


def load_eligibility_classes(path: Path = CLASSES_FILE) -> dict[str, EligibilityClassRule]:
    """Read and check the classes file: every class A to T, each with a condition and a start date."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rules: dict[str, EligibilityClassRule] = {}
    for letter in ELIGIBILITY_CLASSES:
        entry = data.get(letter)
        if not isinstance(entry, dict):
            raise EligibilityDataError(f"{path.name} has no class {letter}.")
        condition, start = entry.get("condition"), entry.get("in_force_from")
        if condition not in CONDITIONS:
            raise EligibilityDataError(f"{path.name}: class {letter} condition must be one of {', '.join(CONDITIONS)}.")
        if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
            raise EligibilityDataError(f"{path.name}: class {letter} in_force_from must be a date.")
        rules[letter] = EligibilityClassRule(letter, condition, start)
    unknown = sorted(set(data) - set(ELIGIBILITY_CLASSES))
    if unknown:
        raise EligibilityDataError(f"{path.name} has an unknown class {unknown[0]}.")
    return rules


@functools.cache
def eligibility_classes() -> dict[str, EligibilityClassRule]:
    """The shipped classes, read once."""
    return load_eligibility_classes()


class EligibilityDecision(NamedTuple):
    eligible: bool
    reasons: tuple[str, ...]  # sorted codes to report
    eligible_applicants: tuple[Person, ...]
    restricted_people: tuple[Person, ...]
    sentences: tuple[Sentence, ...]


def _e1_failure(immigration: Immigration, as_at: dt.date, person_id: str) -> tuple[str, Sentence] | None:
    """E1 for someone subject to immigration control: the failure code and why, or None if eligible."""
    letter = immigration.eligibility_class
    if letter is None:
        return E1_NO_CLASS, Sentence(
            N_(
                "Person %(person)s needs permission to be in the UK, and no group of people who can get "
                "social housing has been recorded for them."
            ),
            "3 E1",
            {"person": person_id},
        )
    rule = eligibility_classes()[letter]
    if as_at < rule.in_force_from:
        return E1_NO_CLASS, Sentence(
            N_("Person %(person)s is recorded in class %(letter)s, but that class only starts on %(start)s."),
            "3 E1",
            {"person": person_id, "letter": letter, "start": rule.in_force_from.isoformat()},
        )
    if rule.condition == "no_nrpf" and immigration.no_recourse_to_public_funds:
        return E1_NRPF, Sentence(
            N_(
                "Person %(person)s is in class %(letter)s. People in this class need permission to stay without "
                "the no recourse to public funds condition, but their permission has that condition."
            ),
            "3 E1",
            {"person": person_id, "letter": letter},
        )
    if rule.condition == "habitual" and not immigration.habitually_resident:
        return E1_HABITUAL, Sentence(
            N_(
                "Person %(person)s is in class %(letter)s. This class needs them to be settled here "
                "(habitually resident in the Common Travel Area), and that has not been found yet."
            ),
            "3 E1",
            {"person": person_id, "letter": letter},
        )
    return None


def _applicant_failures(
    immigration: Immigration, as_at: dt.date, person_id: str, sentences: list[Sentence]
) -> list[str]:
    """The E1 or E2 codes for one applicant or joint applicant; empty when they are eligible."""
    if immigration.subject_to_control:
        failure = _e1_failure(immigration, as_at, person_id)
        if failure is None:
            return []
        sentences.append(failure[1])
        return [failure[0]]
    codes: list[str] = []
    if not immigration.habitually_resident and not immigration.habitual_residence_exempt:
        codes.append(E2_NOT_HABITUAL)
        sentences.append(
            Sentence(
                N_(
                    "Person %(person)s is not yet settled here (habitually resident in the Common Travel Area), "
                    "and no exemption applies."
                ),
                "3 E2",
                {"person": person_id},
            )
        )
    message = _RIGHT_TO_RESIDE_MESSAGES.get(immigration.right_to_reside)
    if message is not None:
        codes.append(E2_RIGHT_TO_RESIDE)
        sentences.append(Sentence(message, "3 E2", {"person": person_id}))
    return codes


def _is_restricted(immigration: Immigration | None, as_at: dt.date, person_id: str) -> bool:
    """E4: subject to control, ineligible under E1, and with no leave or leave with an NRPF condition."""
    return (
        immigration is not None
        and immigration.subject_to_control
        and (not immigration.has_leave or immigration.no_recourse_to_public_funds)
        and _e1_failure(immigration, as_at, person_id) is not None
    )


def decide_eligibility(case: Case) -> EligibilityDecision:
    """Spec 3: the household is eligible if at least one applicant or joint applicant is."""
    as_at = case.as_at
    sentences: list[Sentence] = []
    failure_codes: set[str] = set()
    eligible: list[Person] = []
    ineligible: list[Person] = []
    restricted: list[Person] = []
    for person in case.people:
        immigration = person.immigration
        if person.role in APPLICANT_ROLES:
            codes = _applicant_failures(immigration or NOT_SUBJECT_TO_CONTROL, as_at, person.id, sentences)
            if codes:
                failure_codes.update(codes)
                ineligible.append(person)
            else:
                eligible.append(person)
        if _is_restricted(immigration, as_at, person.id):
            restricted.append(person)

    if not eligible:
        sentences.append(NOT_ELIGIBLE)
        return EligibilityDecision(False, tuple(sorted(failure_codes)), (), tuple(restricted), tuple(sentences))

    if ineligible:
        failure_codes.add(E3_JOINT)
        sentences.append(
            Sentence(
                N_(
                    "Not every applicant can get social housing, so there cannot be a joint tenancy. The application "
                    "goes on in the name of the applicants who can: %(people)s. Everyone in the household still "
                    "counts for the bedrooms you need."
                ),
                "3 E3",
                {"people": ", ".join(person.id for person in eligible)},
            )
        )
    for person in restricted:
        failure_codes.add(E4_RESTRICTED)
        sentences.append(
            Sentence(
                N_(
                    "Person %(person)s is a restricted person: they need permission to be in the UK and do not "
                    "have permission that allows public funds. They still count for the bedrooms you need."
                ),
                "3 E4",
                {"person": person.id},
            )
        )
    sentences.append(ELIGIBLE)
    return EligibilityDecision(True, tuple(sorted(failure_codes)), tuple(eligible), tuple(restricted), tuple(sentences))
