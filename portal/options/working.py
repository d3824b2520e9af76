"""The working behind the rent calculator, step by step, in plain English, and shared number formats.

Pure functions with no Flask import: each takes the same case and scheme the
rules engine used, and returns translatable ``Sentence`` objects whose numbers
are already formatted. Every figure comes from the case or the scheme, so the
working always matches the council's own scheme file.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from portal.rules.affordability import (
    CONTEXT,
    TWELVE,
    WEEKS_IN_YEAR,
    ZERO,
    AffordableRentCase,
    SocialRentCase,
    monthly_from_weekly,
    percent,
    pounds,
)
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence


def number(value: Decimal) -> str:
    """A plain number for a sentence: ``4.5``, ``25``, ``1,000``."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return f"{int(normal):,}"
    return f"{normal:,f}"


def years(scheme: Scheme) -> str:
    return number(Decimal(scheme.mortgage_term_months) / TWELVE)


# --- Social rent and Affordable Rent (10.2) ------------------------------------------------


def rent_working(case: SocialRentCase | AffordableRentCase, scheme: Scheme) -> list[Sentence]:
    """The rent check, step by step."""
    steps: list[Sentence] = []
    if isinstance(case, SocialRentCase):
        rent = monthly_from_weekly(case.weekly_rent)
        steps.append(
            Sentence(
                N_("The rent is %(weekly)s a week. There are 52 weeks in 12 months, so that is %(monthly)s a month."),
                "10.1",
                {"weekly": pounds(case.weekly_rent), "monthly": pounds(rent)},
            )
        )
        service = case.service_charge_monthly
        if service > 0:
            steps.append(
                Sentence(
                    N_("Add the service charge of %(service)s a month."),
                    "10.2",
                    {"service": pounds(service)},
                )
            )
    else:
        with localcontext(CONTEXT):
            rent = scheme.affordable_rent_fraction * case.market_rent_monthly
        steps.append(
            Sentence(
                N_(
                    "Affordable Rent is %(fraction)s of the market rent. %(fraction)s of %(market)s is %(level)s a month."
                ),
                "10.2",
                {
                    "fraction": percent(scheme.affordable_rent_fraction),
                    "market": pounds(case.market_rent_monthly),
                    "level": pounds(rent),
                },
            )
        )
        if scheme.cap_affordable_rent_at_lha and case.lha_weekly is not None:
            lha = monthly_from_weekly(case.lha_weekly)
            with localcontext(CONTEXT):
                lower = case.lha_weekly * WEEKS_IN_YEAR < rent * TWELVE
            steps.append(
                Sentence(
                    N_("The Local Housing Allowance of %(weekly)s a week is %(monthly)s a month."),
                    "10.2",
                    {"weekly": pounds(case.lha_weekly), "monthly": pounds(lha)},
                )
            )
            if lower:
                rent = lha
            steps.append(
                Sentence(
                    N_("The rent cannot be more than the Local Housing Allowance, so the rent is %(rent)s a month."),
                    "10.2",
                    {"rent": pounds(rent)},
                )
            )
        service = ZERO
    support = case.housing_support_monthly
    with localcontext(CONTEXT):
        cost = max(ZERO, rent + service - support)
        guide = scheme.rent_ratio_max * case.net_monthly_income
    if support > 0:
        steps.append(
            Sentence(
                N_("Take away the help with housing costs of %(support)s a month."),
                "10.2",
                {"support": pounds(support)},
            )
        )
    steps.append(Sentence(N_("So you would pay %(cost)s a month."), "10.2", {"cost": pounds(cost)}))
    steps.append(
        Sentence(
            N_(
                "The guide is that rent should be no more than %(limit)s of take-home pay. %(limit)s of %(income)s is %(guide)s a month."
            ),
            "10.2",
            {
                "limit": percent(scheme.rent_ratio_max),
                "income": pounds(case.net_monthly_income),
                "guide": pounds(guide),
            },
        )
    )
    if cost <= guide:
        steps.append(
            Sentence(
                N_("%(cost)s is not more than %(guide)s, so the rent looks affordable."),
                "10.2",
                {"cost": pounds(cost), "guide": pounds(guide)},
            )
        )
    else:
        steps.append(
            Sentence(
                N_("%(cost)s is more than %(guide)s, so the rent may be hard to afford."),
                "10.2",
                {"cost": pounds(cost), "guide": pounds(guide)},
            )
        )
    return steps
