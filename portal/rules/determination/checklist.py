"""The checklist an officer ticks before a determination: every factor the council's scheme looks at.

The factors come from the scheme parameters (an income factor only when the scheme has an income limit,
a home ownership factor only when owners are excluded...) and, for a few, from the case (Armed Forces
service only when the household told us about it). Labels are plain English for officers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from portal.rules.affordability import pounds
from portal.rules.household import Case
from portal.rules.scheme import Scheme


@dataclass(frozen=True, slots=True)
class Factor:
    key: str
    label: str  # English, for officers


def _switched_on(value: object) -> bool:
    """Whether a scheme parameter is in use: not None (switched off) and not False."""
    return value is not None and value is not False


def _money(value: object) -> str:
    return pounds(value) if isinstance(value, Decimal) else str(value)


_LOCAL_EXEMPTION_WORDS = {
    "care_or_support": "moving to give or get care",
    "placed_outside_district": "placed outside the district by the council",
}


def _local_connection(scheme: Scheme) -> Factor:
    routes = [f"living in the district for {scheme.residence_months} months", "work in the district"]
    if _switched_on(scheme.close_family_years):
        routes.append(f"close family here for {scheme.close_family_years} years")
    if scheme.medical_connection_route:
        routes.append("an urgent medical need to move here")
    exemptions = ["Armed Forces", "Right to Move", "domestic abuse", "care leaver"]
    exemptions += [_LOCAL_EXEMPTION_WORDS.get(name, name) for name in scheme.local_exemptions]
    return Factor(
        "local_connection",
        f"Local connection: {', '.join(routes)}; or an exemption ({', '.join(exemptions)})",
    )


def _arrears(scheme: Scheme) -> Factor:
    parts = [
        f"rent arrears or housing debt of {_money(scheme.reduced_preference_arrears)} or more with no plan kept",
        f"{scheme.reduced_preference_offers_refused} or more suitable offers refused in the last 12 months",
    ]
    if scheme.reduced_preference_deliberate_worsening:
        parts.append("making things worse on purpose in the last 5 years")
    return Factor("arrears_reduced_preference", "Rent arrears and reduced preference: " + ", ".join(parts))


def checklist_for(scheme: Scheme, case: Case) -> tuple[Factor, ...]:
    """The factors to tick, in the order an officer works through a case."""
    factors = [
        Factor("identity_household", "Identity and household: who lives with the applicant, dates of birth"),
        Factor("immigration_eligibility", "Immigration status and eligibility of each applicant and joint applicant"),
        _local_connection(scheme),
    ]
    if case.armed_forces.status != "none":
        factors.append(Factor("armed_forces", "Armed Forces service, discharge date and any injury from service"))
    if _switched_on(scheme.income_cap):
        factors.append(Factor("income", f"Income (the limit is {_money(scheme.income_cap)} a year)"))
    if _switched_on(scheme.savings_cap):
        factors.append(Factor("savings", f"Savings (the limit is {_money(scheme.savings_cap)})"))
    if scheme.homeowner_excluded:
        factors.append(Factor("home_ownership", "Home ownership, and whether the household can live in or sell it"))
    if scheme.unacceptable_behaviour_excluded:
        factors.append(
            Factor("behaviour", "Serious unacceptable behaviour that makes the applicant unsuitable to be a tenant")
        )
    factors.append(
        Factor("current_home", "Current home and bedrooms: type, bedrooms, shared facilities, condition and hazards")
    )
    if _switched_on(scheme.count_unborn_from_week) and case.pregnancy_weeks is not None:
        factors.append(Factor("pregnancy", "Pregnancy: the due date, confirmed by a midwife or doctor"))
    factors += [
        Factor("medical_welfare", "Medical and welfare needs, and the date of any award"),
        Factor("homelessness", "Homelessness: any duty owed, its date, and whether a restricted person caused it"),
        _arrears(scheme),
    ]
    return tuple(factors)
