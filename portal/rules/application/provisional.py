"""The provisional result of an application: the assessment before an officer has checked anything.

``could_change`` says, in plain sentences, what could change the result. Each
one is worked out by assessing the case again with the change an officer might
make (a medical award, a hazard found on a visit, a finding that the household
is not safe, the date the household reaches the scheme's residence months), and
is given only when it would change the result. Every sentence says that an
officer still has to check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from portal.rules.application.evidence import adult_applicants, evidence_needed
from portal.rules.application.to_case import case_from_facts, is_yes, section
from portal.rules.assess import Assessment, assess
from portal.rules.dates import add_months
from portal.rules.household import Case, MedicalLevel
from portal.rules.options.to_case import IMMIGRATION, IMMIGRATION_TO_CHECK
from portal.rules.qualification import Q_LOCAL_CONNECTION
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

PROVISIONAL = Sentence(
    N_("This result is only a guide. It is not final until an officer has checked your application."), ""
)
MEDICAL_MEDIUM = N_(
    "If an officer decides that your health makes it hard to live in your home, your band could be band "
    "%(band)s. An officer still has to check this."
)
MEDICAL_HIGH = N_(
    "If an officer decides that your health makes it very hard to live in your home, your band could be band "
    "%(band)s. An officer still has to check this."
)
HAZARD = N_(
    "If an officer visits your home and finds something that is a serious danger to your health or safety, "
    "your band could be band %(band)s. An officer still has to check this."
)
NOT_SAFE = N_(
    "If an officer finds that it is not safe for you to stay where you live now, your band could be band "
    "%(band)s. An officer still has to check this."
)
RESIDENCE_JOIN = N_(
    "On %(date)s you will have lived in the area for %(months)s months. From then you could join the register "
    "in band %(band)s, but an officer still has to check this."
)
RESIDENCE_CONNECTION = N_(
    "On %(date)s you will have lived in the area for %(months)s months, which is long enough for a local "
    "connection. An officer still has to check this."
)
HOMELESS = N_(
    "If our homelessness team decides that we must help you because you are homeless or about to lose your "
    "home, your band could be band %(band)s. An officer still has to check this."
)
#: Homes that mean someone is homeless now; being told to leave means they may be soon.
HOMELESS_NOW = ("rough_sleeping", "sofa_surfing", "hostel", "refuge", "temporary_accommodation")
IMMIGRATION_TO_CONFIRM = Sentence(
    N_(
        "An officer still has to check the immigration status you told us about, and the result could change after that."
    ),
    "",
)
DOCUMENTS_TO_CHECK = Sentence(
    N_("An officer still has to check your documents, and the result could change after that."), ""
)


@dataclass(frozen=True, slots=True)
class Provisional:
    """The assessment of the facts as given, what could change it, and the notice that it is only a guide."""

    assessment: Assessment
    could_change: tuple[Sentence, ...]
    notice: Sentence = PROVISIONAL


def outcome(result: Assessment) -> tuple[bool, bool | None, int | None]:
    """What the applicant sees change: eligible, qualifies and the band."""
    return result.eligible, result.qualifies, result.band


def _better(result: Assessment, current: Assessment) -> bool:
    """Whether ``result`` gives a band where there was none, or a higher band (a smaller number)."""
    if result.band is None:
        return False
    return current.band is None or result.band < current.band


def _with_officer(case: Case, **changes: Any) -> Case:
    return replace(case, officer_assessments=replace(case.officer_assessments, **changes))


def _medical(case: Case, current: Assessment, scheme: Scheme) -> list[Sentence]:
    sentences = []
    seen = [outcome(current)]
    levels: tuple[tuple[MedicalLevel, str], ...] = (("medium", MEDICAL_MEDIUM), ("high", MEDICAL_HIGH))
    for level, message in levels:
        result = assess(_with_officer(case, medical_welfare=level, medical_welfare_awarded=case.as_at), scheme)
        if _better(result, current) and outcome(result) not in seen:
            sentences.append(Sentence(message, "", {"band": result.band}))
            seen.append(outcome(result))
    return sentences


def _if_better(result: Assessment, current: Assessment, message: str) -> list[Sentence]:
    return [Sentence(message, "", {"band": result.band})] if _better(result, current) else []


def _residence(case: Case, current: Assessment, scheme: Scheme) -> list[Sentence]:
    """The date the household reaches the scheme's residence months, when that would give a local connection."""
    since = case.local_connection.lived_in_district_since
    if Q_LOCAL_CONNECTION not in current.qualification_failures or since is None:
        return []
    try:
        reached = add_months(since, scheme.residence_months)
    except OverflowError:
        return []
    if reached <= case.registration_date:
        return []
    later = replace(case, registration_date=reached, as_at=max(case.as_at, reached))
    result = assess(later, scheme)
    if Q_LOCAL_CONNECTION in result.qualification_failures:
        return []
    params: dict[str, object] = {"date": reached.isoformat(), "months": scheme.residence_months}
    if result.qualifies:
        return [Sentence(RESIDENCE_JOIN, "", {**params, "band": result.band})]
    return [Sentence(RESIDENCE_CONNECTION, "", params)]


def _homelessness(facts: Mapping[str, Any], case: Case, current: Assessment, scheme: Scheme) -> list[Sentence]:
    """The band a homelessness duty could bring, for someone homeless now (relief) or soon (prevention)."""
    home = section(facts, "current_home")
    if case.homelessness.duty is not None:
        return []
    if home.get("home_type") in HOMELESS_NOW or is_yes(home.get("nowhere_tonight")):
        duty = "relief"
    elif is_yes(home.get("must_leave")):
        duty = "prevention"
    else:
        return []
    owed = replace(case, homelessness=replace(case.homelessness, duty=duty, duty_date=case.as_at))
    return _if_better(assess(owed, scheme), current, HOMELESS)


def _status_to_check(facts: Mapping[str, Any]) -> bool:
    """Whether an adult applicant gave an immigration status we count as eligible only until it is checked."""
    for _, person in adult_applicants(facts):
        status = person.get("immigration_status")
        if not (isinstance(status, str) and status in IMMIGRATION) or status in IMMIGRATION_TO_CHECK:
            return True
    return False


def provisional_result(facts: Mapping[str, Any], as_at: dt.date, scheme: Scheme) -> Provisional:
    """Assess the facts as given on ``as_at``, and say what could change the result."""
    case = case_from_facts(facts, as_at, scheme)
    current = assess(case, scheme)
    could_change: list[Sentence] = []
    if _status_to_check(facts):
        could_change.append(IMMIGRATION_TO_CONFIRM)
    if is_yes(section(facts, "health").get("health_problem")):
        could_change += _medical(case, current, scheme)
    if is_yes(section(facts, "current_home").get("disrepair")):
        hazard = replace(case, current_home=replace(case.current_home, category1_hazard=True))
        could_change += _if_better(assess(hazard, scheme), current, HAZARD)
    safety = section(facts, "safety")
    if is_yes(safety.get("domestic_abuse")) or is_yes(safety.get("harassment")):
        at_risk = _with_officer(case, urgent_risk_of_harm=True)
        could_change += _if_better(assess(at_risk, scheme), current, NOT_SAFE)
    could_change += _homelessness(facts, case, current, scheme)
    could_change += _residence(case, current, scheme)
    if evidence_needed(facts):
        could_change.append(DOCUMENTS_TO_CHECK)
    return Provisional(current, tuple(could_change))
