"""An indicative household case built from the housing options answers, for the ``assess`` rules.

The answers are what a person tells us about themselves, not facts an officer
has checked, so the case is only a guide: dates are worked back from ages and
lengths of time, and the officer assessments (health, hardship) stand for what
an officer would probably decide. Immigration answers that need checking are
treated as eligible here; the advice says they need checking.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from portal.rules.dates import add_months
from portal.rules.household import (
    NOT_SUBJECT_TO_CONTROL,
    ArmedForces,
    Case,
    CurrentHome,
    Employment,
    Finances,
    Homelessness,
    Immigration,
    LocalConnection,
    MedicalLevel,
    OfficerAssessments,
    Person,
    Sex,
)
from portal.rules.options.answers import OptionsAnswers
from portal.rules.scheme import Scheme, load_scheme

CASE_ID = "housing-options"
APPLICANT_ID = "applicant"
PARTNER_ID = "partner"
#: Sexes for the applicant and partner. There is no question about them; a couple shares one room either way.
APPLICANT_SEX: Sex = "female"
PARTNER_SEX: Sex = "male"
SEXES: dict[str, Sex] = {"male": "male", "female": "female"}
PREGNANCY_WEEKS = 30
RECENT_DISCHARGE_YEARS = 1
EARLIER_DISCHARGE_YEARS = 10

#: The answers that need an officer to check someone's immigration status before anything is certain.
IMMIGRATION_TO_CHECK = ("pre_settled", "visa", "not_sure")
IMMIGRATION: dict[str, Immigration] = {
    "british_irish": NOT_SUBJECT_TO_CONTROL,
    "settled": Immigration(subject_to_control=True, eligibility_class="C", habitually_resident=True),
    "refugee": Immigration(subject_to_control=True, eligibility_class="A"),
    "pre_settled": NOT_SUBJECT_TO_CONTROL,
    "visa": NOT_SUBJECT_TO_CONTROL,
    "not_sure": NOT_SUBJECT_TO_CONTROL,
    "no_public_funds": Immigration(subject_to_control=True, eligibility_class=None, no_recourse_to_public_funds=True),
    "none": Immigration(subject_to_control=True, eligibility_class=None, has_leave=False),
}
MEDICAL: dict[str, MedicalLevel | None] = {"no": None, "hard": "medium", "serious": "high"}


def born_for_age(age: int, as_at: dt.date) -> dt.date:
    """A date of birth that makes someone exactly ``age`` on ``as_at`` (their birthday was the day before)."""
    year = as_at.year - age
    try:
        birthday = as_at.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        birthday = dt.date(year, 2, 28)
    return birthday - dt.timedelta(days=1)


def months_before(as_at: dt.date, months: int) -> dt.date:
    return add_months(as_at, -months)


def _people(answers: OptionsAnswers, as_at: dt.date) -> tuple[Person, ...]:
    applicant = Person(
        id=APPLICANT_ID,
        role="applicant",
        date_of_birth=born_for_age(answers.age, as_at),
        sex=APPLICANT_SEX,
        partner_of=PARTNER_ID if answers.partner else None,
        immigration=IMMIGRATION[answers.immigration],
    )
    people = [applicant]
    if answers.partner:
        people.append(
            Person(
                id=PARTNER_ID,
                role="partner",
                date_of_birth=born_for_age(answers.age, as_at),
                sex=PARTNER_SEX,
                partner_of=APPLICANT_ID,
            )
        )
    for number, child in enumerate(answers.children, 1):
        people.append(Person(f"child-{number}", "child", born_for_age(child.age, as_at), SEXES[child.sex]))
    for number, adult in enumerate(answers.other_adults, 1):
        people.append(Person(f"adult-{number}", "other", born_for_age(adult.age, as_at), SEXES[adult.sex]))
    return tuple(people)


def _current_home(answers: OptionsAnswers) -> CurrentHome:
    return CurrentHome(
        type=answers.where_live,
        bedrooms_available=answers.bedrooms,
        shares_kitchen_or_bathroom_with_other_household=answers.shares_facilities,
        category1_hazard=answers.home_condition,
    )


def _local_connection(answers: OptionsAnswers, scheme: Scheme, as_at: dt.date) -> LocalConnection:
    lived_since = {
        "yes": months_before(as_at, scheme.residence_months + 1),
        "less": months_before(as_at, 1),
        "no": None,
    }[answers.residence]
    job = None
    if answers.work_local:
        job = Employment(
            since=months_before(as_at, scheme.employment_months + 1),
            hours_per_week=Decimal(scheme.employment_min_hours_week),
            permanent=True,
        )
    return LocalConnection(
        lived_in_district_since=lived_since,
        employment_in_district=job,
        needs_to_move_for_care=answers.care_support,
    )


def _armed_forces(answers: OptionsAnswers, as_at: dt.date) -> ArmedForces:
    service = answers.armed_forces
    if service == "serving":
        return ArmedForces(status="serving_regular")
    if service == "left_recently":
        return ArmedForces(status="former_regular", discharge_date=months_before(as_at, 12 * RECENT_DISCHARGE_YEARS))
    if service == "left_earlier":
        return ArmedForces(status="former_regular", discharge_date=months_before(as_at, 12 * EARLIER_DISCHARGE_YEARS))
    if service == "reservist_injured":
        return ArmedForces(status="former_reservist", service_attributable_injury=True)
    if service == "bereaved":
        return ArmedForces(status="bereaved_partner")
    return ArmedForces()


def case_from_answers(answers: OptionsAnswers, as_at: dt.date, scheme: Scheme | None = None) -> Case:
    """An indicative case for ``assess``. ``scheme`` sets the lengths of time for a local connection
    (the shipped default scheme when None)."""
    scheme = scheme or load_scheme("default")
    return Case(
        id=CASE_ID,
        as_at=as_at,
        registration_date=as_at,
        people=_people(answers, as_at),
        current_home=_current_home(answers),
        finances=Finances(
            gross_annual_income=answers.income_yearly,
            savings=answers.savings,
            owns_property=answers.owns_home,
        ),
        local_connection=_local_connection(answers, scheme, as_at),
        officer_assessments=OfficerAssessments(
            medical_welfare=MEDICAL[answers.health],
            hardship_locality=answers.move_for_work,
        ),
        homelessness=Homelessness(
            must_leave_by=answers.leave_date,
            nowhere_to_stay_tonight=not answers.safe_tonight,
        ),
        armed_forces=_armed_forces(answers, as_at),
        pregnancy_weeks=PREGNANCY_WEEKS if answers.pregnant else None,
        right_to_move=answers.move_for_work,
        domestic_abuse_needs_move=answers.abuse == "yes",
        care_leaver=answers.care_leaver,
    )
