"""First Homes: eligibility and whether the deposit and mortgage are enough (allocation scheme, section 10.4)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from portal.rules.affordability import (
    ADVICE_ONLY,
    CONTEXT,
    HUNDRED,
    ONE,
    ZERO,
    AffordResult,
    cost_ratio,
    percent,
    pounds,
    repayment_factor,
    sorted_codes,
)
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

NOT_OFFERED = "FH-NOT-OFFERED"
NOT_FIRST_TIME_BUYER = "FH-NOT-FIRST-TIME-BUYER"
INCOME_OVER_CAP = "FH-INCOME-OVER-CAP"
DISCOUNT_TOO_LOW = "FH-DISCOUNT-TOO-LOW"
PRICE_OVER_CAP = "FH-PRICE-OVER-CAP"
DEPOSIT_TOO_LOW = "FH-DEPOSIT-TOO-LOW"
MORTGAGE_SHORTFALL = "FH-MORTGAGE-SHORTFALL"

DEFAULT_DISCOUNT_PERCENT = Decimal(30)


@dataclass(frozen=True)
class FirstHomesCase:
    market_value: Decimal  # more than 0
    gross_annual_income: Decimal  # G
    savings: Decimal
    first_time_buyer: bool  # every buyer is a first-time buyer
    discount_percent: Decimal = DEFAULT_DISCOUNT_PERCENT  # 0 to 100
    london: bool = False
    net_monthly_income: Decimal | None = None  # only for the ratio


def discounted_price(case: FirstHomesCase) -> Decimal:
    """``P = market value × (1 − discount / 100)``."""
    with localcontext(CONTEXT):
        return case.market_value * (ONE - case.discount_percent / HUNDRED)


def first_homes(case: FirstHomesCase, scheme: Scheme) -> AffordResult:
    """First Homes check (spec 10.4). The price is always given."""
    price = discounted_price(case)
    if not scheme.first_homes_enabled:
        sentence = Sentence(N_("First Homes are not offered here at the moment."), "10.4")
        return AffordResult(False, None, (NOT_OFFERED,), (sentence, ADVICE_ONLY), price=price)
    london = case.london
    income_cap = scheme.fh_income_cap_london if london else scheme.fh_income_cap
    price_cap = scheme.fh_price_cap_london if london else scheme.fh_price_cap
    sentences = [
        Sentence(
            N_("With a discount of %(discount)s on the full price of %(value)s, this home would cost %(price)s."),
            "10.4",
            {
                "discount": percent(case.discount_percent / HUNDRED, 2),
                "value": pounds(case.market_value),
                "price": pounds(price),
            },
        )
    ]
    codes = []
    if not case.first_time_buyer:
        codes.append(NOT_FIRST_TIME_BUYER)
        sentences.append(Sentence(N_("First Homes are only for people buying their first home."), "10.4"))
    if case.gross_annual_income > income_cap:
        codes.append(INCOME_OVER_CAP)
        sentences.append(
            Sentence(
                N_("Your household income of %(income)s a year is more than the First Homes limit of %(cap)s."),
                "10.4",
                {"income": pounds(case.gross_annual_income), "cap": pounds(income_cap)},
            )
        )
    if case.discount_percent < scheme.fh_min_discount_percent:
        codes.append(DISCOUNT_TOO_LOW)
        sentences.append(
            Sentence(
                N_("A First Home must have a discount of at least %(minimum)s."),
                "10.4",
                {"minimum": percent(scheme.fh_min_discount_percent / HUNDRED, 2)},
            )
        )
    if price > price_cap:
        codes.append(PRICE_OVER_CAP)
        sentences.append(
            Sentence(
                N_("The price of %(price)s is more than the First Homes limit of %(cap)s."),
                "10.4",
                {"price": pounds(price), "cap": pounds(price_cap)},
            )
        )
    if codes:
        sentences.append(ADVICE_ONLY)
        return AffordResult(False, None, sorted_codes(codes), tuple(sentences), price=price)

    with localcontext(CONTEXT):
        deposit = max(ZERO, case.savings - scheme.retained_savings)
        used = min(deposit, (ONE - scheme.fh_min_mortgage_fraction) * price)
        deposit_needed = scheme.fh_min_deposit_fraction * price
        max_mortgage = scheme.mortgage_multiple * case.gross_annual_income
        funds = used + max_mortgage
        loan = price - used
        cost = loan * repayment_factor(scheme.mortgage_rate, scheme.mortgage_term_months)
    if used < deposit_needed:
        codes.append(DEPOSIT_TOO_LOW)
        sentences.append(
            Sentence(
                N_("Your savings give a deposit of %(deposit)s. A deposit of at least %(needed)s is needed."),
                "10.4",
                {"deposit": pounds(used), "needed": pounds(deposit_needed)},
            )
        )
    if funds < price:
        codes.append(MORTGAGE_SHORTFALL)
        sentences.append(
            Sentence(
                N_(
                    "Your deposit and the most you could borrow add up to %(funds)s, which is less than the price of %(price)s."
                ),
                "10.4",
                {"funds": pounds(funds), "price": pounds(price)},
            )
        )
    sentences.append(
        Sentence(
            N_("A mortgage of %(loan)s would cost about %(cost)s a month."),
            "10.4",
            {"loan": pounds(loan), "cost": pounds(cost)},
        )
    )
    sentences.append(ADVICE_ONLY)
    return AffordResult(
        eligible=True,
        affordable=not codes,
        reasons=sorted_codes(codes),
        sentences=tuple(sentences),
        monthly_cost=cost,
        ratio=cost_ratio(cost, case.net_monthly_income),
        price=price,
    )
