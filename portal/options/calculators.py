"""Affordability calculators, open to anyone: social rent and Affordable Rent, shared ownership, First Homes.

Each page shows its form and, once sent, the result below it, so the figures
can be changed and sent again. The result is advice from the rules engine
(allocation scheme, section 10), never a decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from flask import render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.auth.access import public
from portal.options.calculator_forms import (
    AFFORDABLE_RENT,
    FirstHomesForm,
    RentForm,
    SharedOwnershipForm,
    amount_of,
)
from portal.options.council_config import current_scheme
from portal.options.routes import bp
from portal.options.working import rent_working
from portal.options.working_buying import first_homes_working, shared_ownership_working
from portal.rules.affordability import (
    ZERO,
    AffordableRentCase,
    AffordResult,
    SocialRentCase,
    affordable_rent,
    percent,
    pounds,
    social_rent,
)
from portal.rules.first_homes import FirstHomesCase, first_homes
from portal.rules.shared_ownership import SharedOwnershipCase, cost_check_runs, shared_ownership
from portal.rules.text import Sentence

NET_INCOME_NEEDED = _l("Enter your take-home pay each month. We need it to check the monthly cost of this home.")


@dataclass
class Outcome:
    """What the result section shows: the headline, the key figures, the working and the engine's reasons."""

    result: AffordResult
    figures: list[tuple[str, str]]
    working: list[Sentence]
    reasons: list[Sentence] = field(default_factory=list)

    @property
    def status(self) -> str:
        if not self.result.eligible:
            return "not_eligible"
        return "affordable" if self.result.affordable else "not_affordable"


def _money(value: Decimal | None) -> Decimal:
    return value if value is not None else ZERO


def _render(template: str, form: Any, outcome: Outcome | None, **extra: Any) -> str:
    return render_template(template, form=form, outcome=outcome, **extra)


@bp.get("/calculators/")
@public
def calculators() -> str:
    return render_template("portal/options/calculators.html")


@bp.route("/calculators/rent", methods=["GET", "POST"])
@public
def rent_calculator() -> str:
    form = RentForm()
    outcome = None
    if form.validate_on_submit():
        rules = current_scheme()
        income = _money(amount_of(form.net_monthly_income))
        support = _money(amount_of(form.housing_support_monthly))
        case: SocialRentCase | AffordableRentCase
        if form.product.data == AFFORDABLE_RENT:
            case = AffordableRentCase(
                market_rent_monthly=_money(amount_of(form.market_rent_monthly)),
                net_monthly_income=income,
                lha_weekly=amount_of(form.lha_weekly),
                housing_support_monthly=support,
            )
            result = affordable_rent(case, rules)
        else:
            case = SocialRentCase(
                weekly_rent=_money(amount_of(form.weekly_rent)),
                net_monthly_income=income,
                service_charge_monthly=_money(amount_of(form.service_charge_monthly)),
                housing_support_monthly=support,
            )
            result = social_rent(case, rules)
        figures = [
            (_("Rent each month"), pounds(_money(result.monthly_rent))),
            (_("What you would pay each month"), pounds(_money(result.monthly_cost))),
        ]
        if result.ratio is not None:
            figures.append((_("Part of your take-home pay"), percent(result.ratio)))
        figures.append((_("Guide"), _("No more than %(limit)s", limit=percent(rules.rent_ratio_max))))
        outcome = Outcome(result, figures, rent_working(case, rules), list(result.sentences))
    return _render("portal/options/rent.html", form, outcome)


@bp.route("/calculators/shared-ownership", methods=["GET", "POST"])
@public
def shared_ownership_calculator() -> str:
    form = SharedOwnershipForm()
    outcome = None
    if form.validate_on_submit():
        rules = current_scheme()
        case = SharedOwnershipCase(
            market_value=_money(amount_of(form.market_value)),
            gross_annual_income=_money(amount_of(form.gross_annual_income)),
            savings=_money(amount_of(form.savings)),
            london=form.london.data == "yes",
            net_monthly_income=amount_of(form.net_monthly_income),
            service_charge_monthly=_money(amount_of(form.service_charge_monthly)),
        )
        if case.net_monthly_income is None and cost_check_runs(case, rules):
            form.net_monthly_income.errors = [NET_INCOME_NEEDED]
        else:
            result = shared_ownership(case, rules)
            figures = []
            if result.max_share_percent is not None:
                figures = [
                    (_("Largest share you could buy"), f"{result.max_share_percent}%"),
                    (_("Rent each month on the part you do not own"), pounds(_money(result.monthly_rent))),
                    (_("Total cost each month"), pounds(_money(result.monthly_cost))),
                ]
            outcome = Outcome(result, figures, shared_ownership_working(case, rules), list(result.sentences))
    return _render("portal/options/shared_ownership.html", form, outcome)


@bp.route("/calculators/first-homes", methods=["GET", "POST"])
@public
def first_homes_calculator() -> str:
    form = FirstHomesForm()
    outcome = None
    if form.validate_on_submit():
        rules = current_scheme()
        case = FirstHomesCase(
            market_value=_money(amount_of(form.market_value)),
            gross_annual_income=_money(amount_of(form.gross_annual_income)),
            savings=_money(amount_of(form.savings)),
            first_time_buyer=form.first_time_buyers.data == "yes",
            discount_percent=_money(amount_of(form.discount_percent)),
            london=form.london.data == "yes",
        )
        result = first_homes(case, rules)
        figures = [(_("Price after the discount"), pounds(_money(result.price)))]
        if result.monthly_cost is not None:
            figures.append((_("Mortgage cost each month"), pounds(result.monthly_cost)))
        outcome = Outcome(result, figures, first_homes_working(case, rules), list(result.sentences))
    return _render("portal/options/first_homes.html", form, outcome)
