"""Warnings for scheme values that would shut out a reasonable-preference group.

A scheme must not be framed so that it excludes all or most of a group the law
says must get reasonable preference (R (Jakimaviciute) v Hammersmith and
Fulham). These checks cannot prove a scheme lawful; they catch the common ways
a council's values would do it, so the council reviews them before use.
"""

from __future__ import annotations

import warnings
from decimal import Decimal

from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

SETTLED_HOME_TYPES = ("private_rented", "council_tenant", "housing_association_tenant", "living_with_family", "lodger")
LOW_INCOME_CAP = Decimal(25000)
LOW_SAVINGS_CAP = Decimal(6000)


class SchemeWarning(UserWarning):
    """A scheme value that may exclude a whole reasonable-preference group."""


def scheme_warnings(scheme: Scheme) -> list[Sentence]:
    found: list[Sentence] = []
    needs_connection = scheme.residence_months > 0 or scheme.employment_months > 0
    if needs_connection and "placed_outside_district" not in scheme.local_exemptions:
        found.append(
            Sentence(
                N_(
                    "Homeless households the council has placed outside the district would need a local "
                    "connection to join the register. Most of the homelessness group could be shut out."
                ),
                "4.3",
            )
        )
    if needs_connection and "care_or_support" not in scheme.local_exemptions:
        found.append(
            Sentence(
                N_(
                    "People who must move to the district to give or receive care would need a local "
                    "connection first. The hardship group could be shut out."
                ),
                "4.3",
            )
        )
    if needs_connection and not scheme.medical_connection_route:
        found.append(
            Sentence(
                N_(
                    "People with an urgent medical need to move to the district would need another local "
                    "connection. Part of the medical and welfare group could be shut out."
                ),
                "4.2 R4",
            )
        )
    if scheme.income_cap < LOW_INCOME_CAP:
        found.append(
            Sentence(
                N_("An income limit of £%(cap)s would shut out many working households in housing need."),
                "4.1 Q4",
                {"cap": f"{scheme.income_cap:,.0f}"},
            )
        )
    if scheme.savings_cap < LOW_SAVINGS_CAP:
        found.append(
            Sentence(
                N_("A savings limit of £%(cap)s would shut out many households in housing need."),
                "4.1 Q5",
                {"cap": f"{scheme.savings_cap:,.0f}"},
            )
        )
    if scheme.min_age > 18:
        found.append(
            Sentence(
                N_("A minimum age of %(age)s would shut out young people, including care leavers."),
                "4.1 Q1",
                {"age": scheme.min_age},
            )
        )
    unassessed = sorted(set(scheme.overcrowding_not_assessed_types) & set(SETTLED_HOME_TYPES))
    if unassessed:
        found.append(
            Sentence(
                N_(
                    "Overcrowding is not assessed for settled homes (%(types)s). Overcrowded households "
                    "there would get no priority for it."
                ),
                "1.14",
                {"types": ", ".join(unassessed)},
            )
        )
    return found


def warn_about(scheme: Scheme) -> list[Sentence]:
    """Issue each warning through Python's warnings system, and return them."""
    found = scheme_warnings(scheme)
    for sentence in found:
        warnings.warn(f"Scheme {scheme.scheme_id!r}: {sentence.text()}", SchemeWarning, stacklevel=2)
    return found
