"""The affordability check on an advert: the home's costs against the household's money (scheme section 10).

It is advice, never a refusal. Rent homes (social and affordable rent) use the
advertised weekly rent and service charge against the household's take-home
pay; shared ownership and First Homes use the income before tax and savings
the application recorded. Figures typed on the page are used for that page
only, never saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import gettext as _

from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.bidders import pounds_from_pence
from portal.options.council_config import current_scheme
from portal.rules.affordability import (
    ZERO,
    AffordResult,
    SocialRentCase,
    monthly_from_weekly,
    percent,
    pounds,
    social_rent,
)
from portal.rules.first_homes import DEFAULT_DISCOUNT_PERCENT, FirstHomesCase, first_homes
from portal.rules.lettings.kinds import RENT_TENURES
from portal.rules.shared_ownership import NetIncomeNeeded, SharedOwnershipCase, cost_check_runs, shared_ownership


@dataclass(frozen=True)
class RecordedMoney:
    """What the household told us in its application (None when it did not say)."""

    income: Decimal | None = None  # before tax, each year
    take_home_pay: Decimal | None = None  # each month
    savings: Decimal | None = None
    owns_property: bool = False


def _amount(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def recorded_money(application: Application | None) -> RecordedMoney:
    if application is None:
        return RecordedMoney()
    money = application.section("money")
    return RecordedMoney(
        income=_amount(money.get("income")),
        take_home_pay=_amount(money.get("take_home_pay")),
        savings=_amount(money.get("savings")),
        owns_property=money.get("owns_property") == "yes",
    )


@dataclass
class Check:
    """What the page shows: the result (or what is missing), and the key figures."""

    kind: str  # "rent", "shared_ownership" or "first_homes"
    result: AffordResult | None = None
    needs_take_home_pay: bool = False
    needs_application_money: bool = False  # ownership checks need the income and savings from an application
    figures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def affordable(self) -> bool | None:
        return self.result.affordable if self.result and self.result.eligible else None

    @property
    def worrying(self) -> bool:
        """The check did not pass, so the page offers money advice."""
        return self.result is not None and (not self.result.eligible or self.result.affordable is False)


def _money(value: Decimal | None) -> Decimal:
    return value if value is not None else ZERO


def _rent(advert: Advert, net: Decimal | None, support: Decimal) -> Check | None:
    weekly = pounds_from_pence(advert.weekly_rent_pence)
    if weekly is None:
        return None
    check = Check("rent")
    if net is None:
        check.needs_take_home_pay = True
        return check
    service = pounds_from_pence(advert.weekly_service_charge_pence)
    case = SocialRentCase(
        weekly_rent=weekly,
        net_monthly_income=net,
        service_charge_monthly=monthly_from_weekly(service) if service else ZERO,
        housing_support_monthly=support,
    )
    check.result = social_rent(case, current_scheme())
    check.figures = [
        (_("Rent each month"), pounds(_money(check.result.monthly_rent))),
        (_("What you would pay each month"), pounds(_money(check.result.monthly_cost))),
    ]
    if check.result.ratio is not None:
        check.figures.append((_("Part of your take-home pay"), percent(check.result.ratio)))
    return check


def _shared_ownership(advert: Advert, money: RecordedMoney, net: Decimal | None) -> Check | None:
    value = pounds_from_pence(advert.market_value_pence)
    if value is None or value <= 0:
        return None
    check = Check("shared_ownership")
    if money.income is None or money.savings is None:
        check.needs_application_money = True
        return check
    service = pounds_from_pence(advert.monthly_service_charge_pence)
    case = SharedOwnershipCase(
        market_value=value,
        gross_annual_income=money.income,
        savings=money.savings,
        net_monthly_income=net,
        service_charge_monthly=_money(service),
    )
    scheme = current_scheme()
    if net is None and cost_check_runs(case, scheme):
        check.needs_take_home_pay = True
        return check
    try:
        check.result = shared_ownership(case, scheme)
    except NetIncomeNeeded:
        check.needs_take_home_pay = True
        return check
    if check.result.max_share_percent is not None:
        check.figures = [
            (_("Largest share you could buy"), f"{check.result.max_share_percent}%"),
            (_("Rent each month on the part you do not own"), pounds(_money(check.result.monthly_rent))),
            (_("Total cost each month"), pounds(_money(check.result.monthly_cost))),
        ]
    return check


def _first_homes(advert: Advert, money: RecordedMoney, net: Decimal | None) -> Check | None:
    value = pounds_from_pence(advert.market_value_pence)
    if value is None or value <= 0:
        return None
    check = Check("first_homes")
    if money.income is None or money.savings is None:
        check.needs_application_money = True
        return check
    discount = Decimal(advert.discount_percent) if advert.discount_percent is not None else DEFAULT_DISCOUNT_PERCENT
    case = FirstHomesCase(
        market_value=value,
        gross_annual_income=money.income,
        savings=money.savings,
        first_time_buyer=not money.owns_property,
        discount_percent=discount,
        net_monthly_income=net,
    )
    check.result = first_homes(case, current_scheme())
    check.figures = [(_("Price after the discount"), pounds(_money(check.result.price)))]
    if check.result.monthly_cost is not None:
        check.figures.append((_("Mortgage cost each month"), pounds(check.result.monthly_cost)))
    return check


def check_affordability(
    advert: Advert, money: RecordedMoney, *, typed_take_home_pay: Decimal | None, housing_support: Decimal | None
) -> Check | None:
    """The check for this home, using typed figures over recorded ones; None when the advert has no price to check."""
    net = typed_take_home_pay if typed_take_home_pay is not None else money.take_home_pay
    if advert.tenure in RENT_TENURES:
        return _rent(advert, net, _money(housing_support))
    if advert.tenure == "shared_ownership":
        return _shared_ownership(advert, money, net)
    if advert.tenure == "first_homes":
        return _first_homes(advert, money, net)
    return None
