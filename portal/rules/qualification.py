"""Qualification for the register (allocation scheme, section 4; parameters in section 2.1).

Every test Q1 to Q7 runs and every failure is reported, in that order. Q7 needs
the reason codes after banding steps B1 and B2, so the caller collects those first.
"""

from __future__ import annotations

from typing import NamedTuple

from portal.rules.affordability import pounds
from portal.rules.dates import age_on, on_or_before_add_months, whole_months
from portal.rules.eligibility import EligibilityDecision
from portal.rules.household import Case
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

Q_AGE, Q_HOMEOWNER, Q_BEHAVIOUR, Q_INCOME = "Q-AGE", "Q-HOMEOWNER", "Q-BEHAVIOUR", "Q-INCOME"
Q_SAVINGS, Q_LOCAL_CONNECTION, Q_HOUSING_NEED = "Q-SAVINGS", "Q-LOCAL-CONNECTION", "Q-HOUSING-NEED"
LOCAL_CONNECTION_EXEMPTIONS = frozenset({"X-AF", "X-RTM", "X-DA", "X-CL", "X-CARE", "X-PLACED"})
X_OWNER_NO_ACCESS = "X-OWNER-NO-ACCESS"
RIGHT_TO_MOVE_HOME_TYPES = ("council_tenant", "housing_association_tenant")
ARMED_FORCES_EXEMPTION_MONTHS = 60  # SI 2012/1869: discharged no more than 5 years before
CARE_LEAVER_AGE_LIMIT = 25

_EXEMPTION_MESSAGES = {
    "X-AF": N_("The local connection rule does not apply to you, because of service in the Armed Forces."),
    "X-RTM": N_("The local connection rule does not apply to you, because of the Right to Move rules for work."),
    "X-DA": N_(
        "The local connection rule does not apply to you, because you need to move to be safe from domestic abuse."
    ),
    "X-CL": N_("The local connection rule does not apply to you, because you are a care leaver under 25."),
    "X-CARE": N_(
        "The local connection rule does not apply to you, because you need to move here to give or get care or support."
    ),
    "X-PLACED": N_("The local connection rule does not apply to you, because the council placed you outside the area."),
    X_OWNER_NO_ACCESS: N_(
        "You own a home, but an officer has found that you cannot live in it or sell it, so it does not stop you joining."
    ),
}
EXEMPTION_SENTENCES = {code: Sentence(message, f"4.3 {code}") for code, message in _EXEMPTION_MESSAGES.items()}
HOMEOWNER = Sentence(N_("The household owns a home that it could live in or sell."), "4.1 Q2")
BEHAVIOUR = Sentence(
    N_(
        "An officer has found serious unacceptable behaviour that makes the applicant unsuitable to be a tenant for now."
    ),
    "4.1 Q3",
)
NO_LOCAL_CONNECTION = Sentence(
    N_("You do not have a local connection to the area yet, and no exemption applies."), "4.1 Q6"
)
NO_HOUSING_NEED = Sentence(
    N_("The household does not have a housing need that the scheme gives priority for."), "4.1 Q7"
)
DOES_NOT_QUALIFY = Sentence(
    N_(
        "So the household cannot join the housing register at the moment. You can ask us to review this "
        "decision, and you can apply again if things change."
    ),
    "4.1",
)
QUALIFIES = Sentence(N_("The household qualifies to join the housing register."), "4.1")
MEDICAL_ROUTE = Sentence(
    N_("An officer has found an urgent medical need to move to the area, so you have a local connection."), "4.2 R4"
)


class QualificationDecision(NamedTuple):
    qualifies: bool
    failures: tuple[str, ...]  # in the order Q1 to Q7
    exemptions: tuple[str, ...]  # sorted
    sentences: tuple[Sentence, ...]


def exemptions(case: Case, scheme: Scheme, reasons: tuple[str, ...]) -> list[str]:
    """Spec 4.3: every exemption whose conditions are met, whether or not it is needed."""
    found: list[str] = []
    registered = case.registration_date
    forces = case.armed_forces
    status = forces.status
    if (
        status == "serving_regular"
        or status == "bereaved_partner"
        or (status in ("serving_reservist", "former_reservist") and forces.service_attributable_injury)
        or (
            status == "former_regular"
            and (
                scheme.af_extend_exemption
                or (
                    forces.discharge_date is not None
                    and on_or_before_add_months(registered, forces.discharge_date, ARMED_FORCES_EXEMPTION_MONTHS)
                )
            )
        )
    ):
        found.append("X-AF")
    if case.right_to_move and case.current_home.type in RIGHT_TO_MOVE_HOME_TYPES and "M-HARD" in reasons:
        found.append("X-RTM")
    if case.domestic_abuse_needs_move:
        found.append("X-DA")
    if case.care_leaver and age_on(case.applicant.date_of_birth, registered) < CARE_LEAVER_AGE_LIMIT:
        found.append("X-CL")
    if "care_or_support" in scheme.local_exemptions and case.local_connection.needs_to_move_for_care:
        found.append("X-CARE")
    homelessness = case.homelessness
    if (
        "placed_outside_district" in scheme.local_exemptions
        and homelessness.duty is not None
        and homelessness.placed_outside_district
    ):
        found.append("X-PLACED")
    if owns_property(case) and case.finances.property_inaccessible:
        found.append(X_OWNER_NO_ACCESS)
    found.sort()
    return found


def owns_property(case: Case) -> bool:
    """Q2: recorded ownership, or a current home of type owner_occupier."""
    return case.finances.owns_property or case.current_home.type == "owner_occupier"


def _residence(case: Case, scheme: Scheme) -> tuple[bool, Sentence] | None:
    """Route R1, or None when no residence is recorded."""
    since = case.local_connection.lived_in_district_since
    if since is None:
        return None
    months = whole_months(since, case.registration_date)
    params = {"months": months, "needed": scheme.residence_months}
    if months >= scheme.residence_months:
        message = N_(
            "You have lived in the area for %(months)s whole months, and %(needed)s are needed, "
            "so you have a local connection."
        )
        return True, Sentence(message, "4.2 R1", params)
    message = N_("You have lived in the area for %(months)s whole months, and %(needed)s are needed.")
    return False, Sentence(message, "4.2 R1", params)


def _employment(case: Case, scheme: Scheme) -> tuple[bool, Sentence] | None:
    """Route R2, or None when no work in the district is recorded."""
    job = case.local_connection.employment_in_district
    if job is None:
        return None
    months = whole_months(job.since, case.registration_date)
    if (
        months >= scheme.employment_months
        and job.hours_per_week >= scheme.employment_min_hours_week
        and (job.permanent or not scheme.employment_must_be_permanent)
    ):
        message = N_(
            "You have worked in the area for %(months)s whole months, for %(hours)s hours a week, "
            "so you have a local connection."
        )
        return True, Sentence(message, "4.2 R2", {"months": months, "hours": job.hours_per_week})
    params = {
        "months": months,
        "hours": job.hours_per_week,
        "needed_months": scheme.employment_months,
        "needed_hours": scheme.employment_min_hours_week,
    }
    if scheme.employment_must_be_permanent:
        message = N_(
            "You have worked in the area for %(months)s whole months, for %(hours)s hours a week. A local "
            "connection through work needs a permanent job of at least %(needed_hours)s hours a week that has "
            "lasted %(needed_months)s months."
        )
    else:
        message = N_(
            "You have worked in the area for %(months)s whole months, for %(hours)s hours a week. A local "
            "connection through work needs a job of at least %(needed_hours)s hours a week that has lasted "
            "%(needed_months)s months."
        )
    return False, Sentence(message, "4.2 R2", params)


def _close_family(case: Case, scheme: Scheme) -> tuple[bool, Sentence] | None:
    """Route R3, or None when the route is off or no close family is recorded."""
    since = case.local_connection.close_family_in_district_since
    years = scheme.close_family_years
    if years is None or since is None:
        return None
    months = whole_months(since, case.registration_date)
    params = {"months": months, "years": years}
    if months >= years * 12:
        message = N_(
            "A close family member has lived in the area for at least %(years)s years, so you have a local connection."
        )
        return True, Sentence(message, "4.2 R3", params)
    message = N_(
        "A close family member has lived in the area for %(months)s whole months, and %(years)s years are needed."
    )
    return False, Sentence(message, "4.2 R3", params)


def _medical(case: Case, scheme: Scheme) -> tuple[bool, Sentence] | None:
    """Route R4, or None when the route is off or no such need is recorded."""
    if scheme.medical_connection_route and case.local_connection.medical_connection:
        return True, MEDICAL_ROUTE
    return None


LOCAL_CONNECTION_ROUTES = (_residence, _employment, _close_family, _medical)


def local_connection(case: Case, scheme: Scheme) -> tuple[bool, list[Sentence]]:
    """Spec 4.2: whether any route R1 to R4 is met. The sentences give the first route met, or else
    every route that was recorded and why it is not met."""
    unmet: list[Sentence] = []
    for route in LOCAL_CONNECTION_ROUTES:
        result = route(case, scheme)
        if result is not None:
            if result[0]:
                return True, [result[1]]
            unmet.append(result[1])
    return False, unmet


def decide_qualification(
    case: Case, scheme: Scheme, eligibility: EligibilityDecision, reasons: tuple[str, ...]
) -> QualificationDecision:
    """Spec 4.1 for an eligible household; ``reasons`` are the codes after steps B1 and B2."""
    failures: list[str] = []
    sentences: list[Sentence] = []
    registered = case.registration_date
    for person in eligibility.eligible_applicants:  # Q1
        age = age_on(person.date_of_birth, registered)
        if age < scheme.min_age:
            if Q_AGE not in failures:
                failures.append(Q_AGE)
            sentences.append(
                Sentence(
                    N_(
                        "Person %(person)s was %(age)s on the date of the application, and the lowest age is %(min_age)s."
                    ),
                    "4.1 Q1",
                    {"person": person.id, "age": age, "min_age": scheme.min_age},
                )
            )
    found = exemptions(case, scheme, reasons)
    sentences.extend(EXEMPTION_SENTENCES[code] for code in found)
    if scheme.homeowner_excluded and owns_property(case) and X_OWNER_NO_ACCESS not in found:  # Q2
        failures.append(Q_HOMEOWNER)
        sentences.append(HOMEOWNER)
    if scheme.unacceptable_behaviour_excluded and case.behaviour.serious_unacceptable_behaviour:  # Q3
        failures.append(Q_BEHAVIOUR)
        sentences.append(BEHAVIOUR)
    income = case.finances.gross_annual_income
    if income >= scheme.income_cap:  # Q4
        failures.append(Q_INCOME)
        sentences.append(
            Sentence(
                N_("Your income of %(income)s is the same as or more than the limit of %(cap)s. It needs to be less."),
                "4.1 Q4",
                {"income": pounds(income), "cap": pounds(scheme.income_cap)},
            )
        )
    savings = case.finances.savings
    if savings >= scheme.savings_cap:  # Q5
        failures.append(Q_SAVINGS)
        sentences.append(
            Sentence(
                N_(
                    "Your savings of %(savings)s are the same as or more than the limit of %(cap)s. They need to be less."
                ),
                "4.1 Q5",
                {"savings": pounds(savings), "cap": pounds(scheme.savings_cap)},
            )
        )
    connected, route_sentences = local_connection(case, scheme)  # Q6
    exempt = not LOCAL_CONNECTION_EXEMPTIONS.isdisjoint(found)
    if connected or not exempt:
        sentences.extend(route_sentences)
    if not connected and not exempt:
        failures.append(Q_LOCAL_CONNECTION)
        sentences.append(NO_LOCAL_CONNECTION)
    if scheme.housing_need_required and not reasons:  # Q7
        failures.append(Q_HOUSING_NEED)
        sentences.append(NO_HOUSING_NEED)
    sentences.append(DOES_NOT_QUALIFY if failures else QUALIFIES)
    return QualificationDecision(not failures, tuple(failures), tuple(found), tuple(sentences))
