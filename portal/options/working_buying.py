"""The working behind the shared ownership and First Homes calculators, step by step.

Pure functions with no Flask import, like ``portal.options.working``: every figure comes
from the case or the scheme.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from portal.options.working import number, years
from portal.rules.affordability import (
    CONTEXT,
    HUNDRED,
    ONE,
    TWELVE,
    ZERO,
    floor100,
    percent,
    pounds,
    repayment_factor,
)
from portal.rules.first_homes import FirstHomesCase, discounted_price
from portal.rules.scheme import Scheme
from portal.rules.shared_ownership import (
    SharedOwnershipCase,
    cost_check_applies,
    income_cap,
    share_limits,
    twelve_times_cost,
)
from portal.rules.text import N_, Sentence

# --- Shared ownership (10.3) ---------------------------------------------------------------


def shared_ownership_working(case: SharedOwnershipCase, scheme: Scheme) -> list[Sentence]:
    """The largest share, step by step: deposit, mortgage, each limit, and the cost check if it runs."""
    limits = share_limits(case, scheme)
    value = case.market_value
    deposit = limits.deposit_funds
    with localcontext(CONTEXT):
        funds = deposit + limits.max_mortgage
    cap = income_cap(scheme, case.london)
    steps = [
        Sentence(
            N_("Your household income is %(income)s a year. The limit for shared ownership here is %(cap)s a year."),
            "10.3 step 1",
            {"income": pounds(case.gross_annual_income), "cap": pounds(cap)},
        ),
        Sentence(
            N_(
                "Your savings are %(savings)s. We leave %(kept)s for the costs of buying, so your deposit could be %(deposit)s."
            ),
            "10.3 step 2",
            {"savings": pounds(case.savings), "kept": pounds(scheme.retained_savings), "deposit": pounds(deposit)},
        ),
        Sentence(
            N_("The most you could borrow is %(multiple)s times your yearly income. That is %(mortgage)s."),
            "10.3 step 3",
            {"multiple": number(scheme.mortgage_multiple), "mortgage": pounds(limits.max_mortgage)},
        ),
        Sentence(
            N_("Your deposit and the most you could borrow add up to %(funds)s. The home costs %(value)s."),
            "10.3 step 4",
            {"funds": pounds(funds), "value": pounds(value)},
        ),
    ]
    if not limits.eligible:
        return steps
    steps.append(
        Sentence(
            N_("%(funds)s could buy %(share)s of the home."),
            "10.3 step 5",
            {"funds": pounds(funds), "share": f"{floor100(funds, value)}%"},
        )
    )
    if scheme.so_min_deposit_fraction > 0:
        with localcontext(CONTEXT):
            deposit_base = scheme.so_min_deposit_fraction * value
        deposit_share = floor100(deposit, deposit_base)
        if deposit_share >= 100:
            steps.append(
                Sentence(
                    N_(
                        "The deposit must be at least %(fraction)s of the price of your share. Your deposit of "
                        "%(deposit)s is enough for any share."
                    ),
                    "10.3 step 5",
                    {"fraction": percent(scheme.so_min_deposit_fraction), "deposit": pounds(deposit)},
                )
            )
        else:
            steps.append(
                Sentence(
                    N_(
                        "The deposit must be at least %(fraction)s of the price of your share. Your deposit of "
                        "%(deposit)s allows a share of up to %(share)s."
                    ),
                    "10.3 step 5",
                    {
                        "fraction": percent(scheme.so_min_deposit_fraction),
                        "deposit": pounds(deposit),
                        "share": f"{deposit_share}%",
                    },
                )
            )
    steps.append(
        Sentence(
            N_("The largest first share anyone can buy is %(maximum)s."),
            "10.3 step 5",
            {"maximum": percent(scheme.so_max_share)},
        )
    )
    steps.append(
        Sentence(
            N_("The smallest of these is %(share)s. The smallest share you can buy is %(minimum)s."),
            "10.3 step 6",
            {"share": f"{limits.share_cap}%", "minimum": percent(scheme.so_min_share)},
        )
    )
    if not limits.reaches_min_share:
        return steps
    if cost_check_applies(scheme, case.london) and case.net_monthly_income is not None:
        income = case.net_monthly_income
        with localcontext(CONTEXT):
            budget = scheme.so_cost_ratio_max * income
        steps.append(
            Sentence(
                N_(
                    "We also check the monthly cost. It should be no more than %(limit)s of your take-home pay. "
                    "%(limit)s of %(income)s is %(budget)s a month."
                ),
                "10.3 step 7",
                {"limit": percent(scheme.so_cost_ratio_max), "income": pounds(income), "budget": pounds(budget)},
            )
        )
        steps.append(
            Sentence(
                N_(
                    "The monthly cost is the mortgage at %(rate)s interest over %(years)s years, plus rent of "
                    "%(rent_rate)s a year on the part you do not own, plus the service charge of %(service)s."
                ),
                "10.3 step 7",
                {
                    "rate": percent(scheme.mortgage_rate, 2),
                    "years": years(scheme),
                    "rent_rate": percent(scheme.so_rent_rate, 2),
                    "service": pounds(case.service_charge_monthly),
                },
            )
        )
        assert limits.share_cap is not None
        factor = repayment_factor(scheme.mortgage_rate, scheme.mortgage_term_months)
        share_cap = Decimal(limits.share_cap) / HUNDRED
        cap_cost = twelve_times_cost(share_cap, case, scheme, deposit, factor) / TWELVE
        steps.append(
            Sentence(
                N_("With a %(share)s share, that would be %(cost)s a month."),
                "10.3 step 7",
                {"share": f"{limits.share_cap}%", "cost": pounds(cap_cost)},
            )
        )
        if cap_cost > budget:
            steps.append(
                Sentence(
                    N_(
                        "That is more than %(budget)s, so we try smaller shares, 1%% at a time, "
                        "until the cost is no more than %(budget)s."
                    ),
                    "10.3 step 7",
                    {"budget": pounds(budget)},
                )
            )
    return steps


# --- First Homes (10.4) --------------------------------------------------------------------


def first_homes_working(case: FirstHomesCase, scheme: Scheme) -> list[Sentence]:
    """The First Homes price, the limits, the deposit and the mortgage, step by step."""
    price = discounted_price(case)
    with localcontext(CONTEXT):
        discount = case.market_value - price
    steps = [
        Sentence(
            N_(
                "The full price is %(value)s. A discount of %(discount)s takes off %(amount)s, so the price is %(price)s."
            ),
            "10.4",
            {
                "value": pounds(case.market_value),
                "discount": percent(case.discount_percent / HUNDRED, 2),
                "amount": pounds(discount),
                "price": pounds(price),
            },
        )
    ]
    if not scheme.first_homes_enabled:
        return steps
    income_cap = scheme.fh_income_cap_london if case.london else scheme.fh_income_cap
    price_cap = scheme.fh_price_cap_london if case.london else scheme.fh_price_cap
    steps.append(
        Sentence(
            N_(
                "The discount must be at least %(minimum)s. The price must be no more than %(price_cap)s, and "
                "household income no more than %(income_cap)s a year."
            ),
            "10.4",
            {
                "minimum": percent(scheme.fh_min_discount_percent / HUNDRED, 2),
                "price_cap": pounds(price_cap),
                "income_cap": pounds(income_cap),
            },
        )
    )
    eligible = (
        case.first_time_buyer
        and case.gross_annual_income <= income_cap
        and case.discount_percent >= scheme.fh_min_discount_percent
        and price <= price_cap
    )
    if not eligible:
        return steps
    with localcontext(CONTEXT):
        deposit = max(ZERO, case.savings - scheme.retained_savings)
        most = (ONE - scheme.fh_min_mortgage_fraction) * price
        used = min(deposit, most)
        needed = scheme.fh_min_deposit_fraction * price
        mortgage = scheme.mortgage_multiple * case.gross_annual_income
        loan = price - used
        cost = loan * repayment_factor(scheme.mortgage_rate, scheme.mortgage_term_months)
    steps.append(
        Sentence(
            N_(
                "Your savings are %(savings)s. We leave %(kept)s for the costs of buying, so your deposit could be %(deposit)s."
            ),
            "10.4",
            {"savings": pounds(case.savings), "kept": pounds(scheme.retained_savings), "deposit": pounds(deposit)},
        )
    )
    if used < deposit:
        steps.append(
            Sentence(
                N_(
                    "At least %(fraction)s of the price must be paid with a mortgage, so we use %(used)s as the deposit."
                ),
                "10.4",
                {"fraction": percent(scheme.fh_min_mortgage_fraction), "used": pounds(used)},
            )
        )
    steps.append(
        Sentence(
            N_("The deposit must be at least %(fraction)s of the price. That is %(needed)s."),
            "10.4",
            {"fraction": percent(scheme.fh_min_deposit_fraction), "needed": pounds(needed)},
        )
    )
    steps.append(
        Sentence(
            N_("The most you could borrow is %(multiple)s times your yearly income. That is %(mortgage)s."),
            "10.4",
            {"multiple": number(scheme.mortgage_multiple), "mortgage": pounds(mortgage)},
        )
    )
    steps.append(
        Sentence(
            N_(
                "The mortgage would be the price take away the deposit: %(loan)s. At %(rate)s interest over "
                "%(years)s years, that is about %(cost)s a month."
            ),
            "10.4",
            {
                "loan": pounds(loan),
                "rate": percent(scheme.mortgage_rate, 2),
                "years": years(scheme),
                "cost": pounds(cost),
            },
        )
    )
    return steps
