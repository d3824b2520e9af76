"""Affordability advice (allocation scheme, section 10): shared pieces and the rent check (10.2).

Affordability is advice, never a refusal. Every figure is an exact ``Decimal``;
values are rounded only when they are written out (see
``portal.rules.contract.output``). The shared ownership and First Homes
checks live in ``shared_ownership`` and ``first_homes``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from fractions import Fraction

from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

# Enough digits that no rounding inside a calculation can change a result: the inputs
# have a handful of digits, and the repayment factor needs at least 28 (spec 10.1).
CONTEXT = Context(prec=60, rounding=ROUND_HALF_EVEN, Emax=999_999, Emin=-999_999)
ZERO = Decimal(0)
ONE = Decimal(1)
TWELVE = Decimal(12)
WEEKS_IN_YEAR = Decimal(52)
HUNDRED = Decimal(100)

AR_CAPPED_AT_LHA = "AR-CAPPED-AT-LHA"
RENT_ABOVE_RATIO = "RENT-ABOVE-RATIO"

ADVICE_ONLY = Sentence(N_("This check is only advice to help you plan. It is never a reason to turn you down."), "10")


@dataclass(frozen=True)
class AffordResult:
    """The outcome of one affordability check, with unrounded figures.

    ``ratio`` is ``monthly_cost / net monthly income`` when both exist and the
    income is more than 0. ``reasons`` are the codes of contract table 4.3, sorted.
    """

    eligible: bool
    affordable: bool | None
    reasons: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    max_share_percent: int | None = None
    monthly_rent: Decimal | None = None
    monthly_cost: Decimal | None = None
    ratio: Decimal | None = None
    price: Decimal | None = None


def sorted_codes(codes: Iterable[str]) -> tuple[str, ...]:
    """Codes in ascending order of character codes, each once."""
    return tuple(sorted(set(codes)))


def monthly_from_weekly(weekly: Decimal) -> Decimal:
    """``monthly = weekly × 52 / 12`` (spec 10.1)."""
    with localcontext(CONTEXT):
        return weekly * WEEKS_IN_YEAR / TWELVE


def floor100(numerator: Decimal, denominator: Decimal = ONE) -> int:
    """``floor(100 × numerator / denominator)``, computed exactly with rational numbers (spec 10.1)."""
    return math.floor(Fraction(numerator) * 100 / Fraction(denominator))


def repayment_factor(annual_rate: Decimal, term_months: int) -> Decimal:
    """The monthly repayment per pound borrowed: ``a = i / (1 − (1 + i)^(−n))`` (spec 10.1).

    ``i = annual_rate / 12`` and ``n = term_months``. With a rate of 0 the factor is
    the limit of that formula, ``1 / n`` (the loan is paid back in equal parts).
    """
    with localcontext(CONTEXT):
        monthly_rate = annual_rate / TWELVE
        if monthly_rate == 0:
            return ONE / Decimal(term_months)
        return monthly_rate / (ONE - (ONE + monthly_rate) ** -term_months)


def cost_ratio(monthly_cost: Decimal | None, net_monthly_income: Decimal | None) -> Decimal | None:
    """``monthly_cost / net_monthly_income`` when both exist and the income is more than 0."""
    if monthly_cost is None or net_monthly_income is None or net_monthly_income <= 0:
        return None
    with localcontext(CONTEXT):
        return monthly_cost / net_monthly_income


def pounds(amount: Decimal) -> str:
    """Money for a sentence: ``£1,292.89`` (whole pounds without pence)."""
    with localcontext(CONTEXT) as context:
        context.prec = max(CONTEXT.prec, amount.adjusted() + 5)
        rounded = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return f"£{int(rounded):,}"
    return f"£{rounded:,.2f}"


def percent(fraction: Decimal, places: int = 1) -> str:
    """A fraction for a sentence: ``0.374`` gives ``37.4%``; whole percents lose the ``.0``."""
    with localcontext(CONTEXT) as context:
        context.prec = max(CONTEXT.prec, fraction.adjusted() + 10)
        value = (fraction * HUNDRED).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return f"{int(value)}%"
    return f"{value.normalize():f}%"


# --- 10.2 Social rent and Affordable Rent -------------------------------------------------


@dataclass(frozen=True)
class SocialRentCase:
    weekly_rent: Decimal
    net_monthly_income: Decimal
    service_charge_monthly: Decimal = ZERO
    housing_support_monthly: Decimal = ZERO


@dataclass(frozen=True)
class AffordableRentCase:
    market_rent_monthly: Decimal
    net_monthly_income: Decimal
    lha_weekly: Decimal | None = None
    housing_support_monthly: Decimal = ZERO


def social_rent(case: SocialRentCase, scheme: Scheme) -> AffordResult:
    """Pre-offer check for a social rent home (spec 10.2)."""
    rent = monthly_from_weekly(case.weekly_rent)
    opening = Sentence(
        N_("The rent is %(weekly)s a week. That is %(monthly)s a month."),
        "10.1",
        {"weekly": pounds(case.weekly_rent), "monthly": pounds(rent)},
    )
    with localcontext(CONTEXT):
        yearly = case.weekly_rent * WEEKS_IN_YEAR
    return _rent_check(
        yearly,
        case.service_charge_monthly,
        case.housing_support_monthly,
        case.net_monthly_income,
        scheme,
        [],
        [opening],
    )


def affordable_rent(case: AffordableRentCase, scheme: Scheme) -> AffordResult:
    """Pre-offer check for an Affordable Rent home (spec 10.2); the service charge is inside the rent."""
    with localcontext(CONTEXT):
        level = scheme.affordable_rent_fraction * case.market_rent_monthly
    sentences = [
        Sentence(
            N_("Affordable Rent is %(fraction)s of the market rent of %(market)s a month. That is %(level)s a month."),
            "10.2",
            {
                "fraction": percent(scheme.affordable_rent_fraction),
                "market": pounds(case.market_rent_monthly),
                "level": pounds(level),
            },
        )
    ]
    codes: list[str] = []
    with localcontext(CONTEXT):
        yearly = level * TWELVE
    if scheme.cap_affordable_rent_at_lha and case.lha_weekly is not None:
        lha = monthly_from_weekly(case.lha_weekly)
        with localcontext(CONTEXT):
            lha_yearly = case.lha_weekly * WEEKS_IN_YEAR
        if lha_yearly < yearly:
            yearly = lha_yearly
            codes.append(AR_CAPPED_AT_LHA)
            sentences.append(
                Sentence(
                    N_(
                        "The Local Housing Allowance for this size of home is lower, at %(lha)s a month, so the rent is set at that amount."
                    ),
                    "10.2",
                    {"lha": pounds(lha)},
                )
            )
    return _rent_check(yearly, ZERO, case.housing_support_monthly, case.net_monthly_income, scheme, codes, sentences)


def _rent_check(
    yearly_rent: Decimal,
    service: Decimal,
    support: Decimal,
    income: Decimal,
    scheme: Scheme,
    codes: list[str],
    sentences: list[Sentence],
) -> AffordResult:
    """The check of spec 10.2. Amounts are compared as twelve months' worth, so that a rent
    set weekly (52 weeks over 12 months) is compared exactly, with no division."""
    with localcontext(CONTEXT):
        yearly_cost = max(ZERO, yearly_rent + TWELVE * (service - support))
        affordable = yearly_cost <= TWELVE * scheme.rent_ratio_max * income
        rent = yearly_rent / TWELVE
        cost = yearly_cost / TWELVE
    if service > 0:
        sentences.append(
            Sentence(N_("There is also a service charge of %(service)s a month."), "10.2", {"service": pounds(service)})
        )
    if support > 0:
        sentences.append(
            Sentence(
                N_("After %(support)s a month of help with housing costs, you would pay %(cost)s a month."),
                "10.2",
                {"support": pounds(support), "cost": pounds(cost)},
            )
        )
    else:
        sentences.append(Sentence(N_("You would pay %(cost)s a month."), "10.2", {"cost": pounds(cost)}))
    ratio = cost_ratio(cost, income)
    params = {"share": percent(ratio or ZERO), "income": pounds(income), "limit": percent(scheme.rent_ratio_max)}
    if affordable:
        sentences.append(
            Sentence(
                N_(
                    "That is %(share)s of your take-home pay of %(income)s a month. This is within the guide of %(limit)s."
                ),
                "10.2",
                params,
            )
        )
    else:
        codes.append(RENT_ABOVE_RATIO)
        sentences.append(
            Sentence(
                N_(
                    "That is %(share)s of your take-home pay of %(income)s a month, which is more than the guide of "
                    "%(limit)s. You can still be offered this home. We can put you in touch with free money advice."
                ),
                "10.2",
                params,
            )
        )
    sentences.append(ADVICE_ONLY)
    return AffordResult(
        eligible=True,
        affordable=affordable,
        reasons=sorted_codes(codes),
        sentences=tuple(sentences),
        monthly_rent=rent,
        monthly_cost=cost,
        ratio=ratio,
    )
