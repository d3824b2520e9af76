"""Advice about buying: shared ownership (scheme 10.3) and First Homes (scheme 10.4).

Home values are the council's typical figures for the number of bedrooms the
household needs. The checks are the scheme's own and are advice only.
"""

from __future__ import annotations

from portal.rules.affordability import HUNDRED, percent, pounds
from portal.rules.first_homes import (
    DEPOSIT_TOO_LOW,
    MORTGAGE_SHORTFALL,
    NOT_FIRST_TIME_BUYER,
    NOT_OFFERED,
    FirstHomesCase,
    first_homes,
)
from portal.rules.options.advice_renting import size_for
from portal.rules.options.advice_types import Figure, Option, Situation, say
from portal.rules.shared_ownership import SharedOwnershipCase, shared_ownership
from portal.rules.text import N_, Sentence

HOME_VALUE = N_("Typical full price of a home")
LARGEST_SHARE = N_("Largest share you could buy")
COST_MONTH = N_("Cost each month")
PRICE_AFTER_DISCOUNT = N_("Price after the discount")
DISCOUNT = N_("Discount")
MORTGAGE_MONTH = N_("Mortgage each month")

ADVISER = say(N_("Talk to a mortgage adviser before you apply. Some give advice for free."))
MAY_CHANGE = say(N_("If your income or savings go up, this may become possible. A mortgage adviser can tell you more."))
OTHER_OPTIONS = say(N_("Look at the other options in this plan."))
OPEN_MARKET = say(N_("You may be able to buy a home on the open market. A mortgage adviser can help you find out."))


def shared_ownership_option(s: Situation) -> Option:
    council, answers = s.council, s.answers
    value = council.shared_ownership_value[size_for(s.bedroom_need, council.shared_ownership_value)]
    why = [
        say(
            N_(
                "With shared ownership, you buy a share of a home and pay rent on the rest. You can buy more of the "
                "home later."
            )
        )
    ]
    figures = [Figure(HOME_VALUE, pounds(value))]
    if answers.owns_home:
        why.append(say(N_("Shared ownership is usually for people who do not own a home."), rule="10.3"))
        steps = (say(N_("If you are selling your home, ask a shared ownership seller if you can still buy.")),)
        return Option("shared_ownership", "no", tuple(why), steps, tuple(figures), s.link("shared_ownership"))
    case = SharedOwnershipCase(
        market_value=value,
        gross_annual_income=answers.income_yearly,
        savings=answers.savings,
        london=council.london,
        net_monthly_income=answers.take_home_monthly,
        service_charge_monthly=council.service_charge_monthly,
    )
    result = shared_ownership(case, s.scheme)
    why.extend(result.sentences)
    if not result.eligible:
        return Option("shared_ownership", "no", tuple(why), (OPEN_MARKET,), tuple(figures), s.link("shared_ownership"))
    if not result.affordable:
        return Option("shared_ownership", "no", tuple(why), (MAY_CHANGE,), tuple(figures), s.link("shared_ownership"))
    assert result.max_share_percent is not None and result.monthly_cost is not None
    figures.append(Figure(LARGEST_SHARE, f"{result.max_share_percent}%"))
    figures.append(Figure(COST_MONTH, pounds(result.monthly_cost)))
    steps = (
        say(
            N_(
                "Look for shared ownership homes for sale on the government's website or with local housing associations."
            )
        ),
        ADVISER,
    )
    return Option("shared_ownership", "yes", tuple(why), steps, tuple(figures), s.link("shared_ownership"))


def _first_homes_steps(reasons: tuple[str, ...]) -> tuple[Sentence, ...]:
    """What to do when First Homes may not be open to someone, from the reasons the scheme gives."""
    if NOT_OFFERED in reasons:
        return (say(N_("Look at shared ownership instead.")),)
    if NOT_FIRST_TIME_BUYER in reasons:
        return (OTHER_OPTIONS,)
    if DEPOSIT_TOO_LOW in reasons or MORTGAGE_SHORTFALL in reasons:
        return (MAY_CHANGE,)
    return (OPEN_MARKET,)


def first_homes_option(s: Situation) -> Option:
    council, answers = s.council, s.answers
    value = council.first_homes_value[size_for(s.bedroom_need, council.first_homes_value)]
    discount = council.first_homes_discount_percent
    case = FirstHomesCase(
        market_value=value,
        gross_annual_income=answers.income_yearly,
        savings=answers.savings,
        first_time_buyer=not answers.owns_home,
        discount_percent=discount,
        london=council.london,
        net_monthly_income=answers.take_home_monthly if answers.take_home_monthly > 0 else None,
    )
    result = first_homes(case, s.scheme)
    why = [
        say(
            N_(
                "First Homes are new homes sold to first-time buyers for less than the full price. Here the discount "
                "is usually %(discount)s."
            ),
            {"discount": percent(discount / HUNDRED, 2)},
        ),
        *result.sentences,
    ]
    figures = [Figure(HOME_VALUE, pounds(value)), Figure(DISCOUNT, percent(discount / HUNDRED, 2))]
    if result.price is not None:
        figures.append(Figure(PRICE_AFTER_DISCOUNT, pounds(result.price)))
    if not result.eligible:
        return Option(
            "first_homes", "no", tuple(why), _first_homes_steps(result.reasons), tuple(figures), s.link("first_homes")
        )
    if result.monthly_cost is not None:
        figures.append(Figure(MORTGAGE_MONTH, pounds(result.monthly_cost)))
    if not result.affordable:
        return Option(
            "first_homes", "no", tuple(why), _first_homes_steps(result.reasons), tuple(figures), s.link("first_homes")
        )
    steps = (
        say(N_("Look for First Homes for sale with local builders and on the government's website.")),
        ADVISER,
    )
    return Option("first_homes", "yes", tuple(why), steps, tuple(figures), s.link("first_homes"))
