"""Forms for the affordability calculators.

Money is typed as text, so that "£1,200.50" is accepted and whatever was typed
is shown again when there is a problem. Each money field keeps the text in
``data`` and the amount, once checked, in ``amount``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Field, RadioField, SelectChoice, StringField, SubmitField
from wtforms.validators import AnyOf, InputRequired, StopValidation

from portal.forms import PortalForm
from portal.rules.first_homes import DEFAULT_DISCOUNT_PERCENT
from portal.widgets import RadioInput, SubmitInput, TextInput

MAXIMUM_AMOUNT = Decimal(100_000_000)
NUMBER = re.compile(r"^\d+(?:\.\d+)?$|^\.\d+$")

NOT_A_NUMBER = _l("Enter an amount using numbers only, like 1,200.50")
NEGATIVE = _l("Enter an amount of 0 or more")
TOO_LARGE = _l("Enter an amount of £100,000,000 or less")
TOO_MANY_PLACES = _l("Enter an amount with no more than 2 numbers after the decimal point")
CHOOSE_YES_OR_NO = _l("Choose yes or no")
SOCIAL_RENT = "social"
AFFORDABLE_RENT = "affordable"


def clean_number(text: str) -> str:
    """Take away spaces, commas, a pound sign and a percent sign, so "£1,200.50" becomes "1200.50"."""
    return re.sub(r"[\s,£%]", "", text)


class MoneyField(StringField):
    """An amount of money, typed as text. ``amount`` is the checked ``Decimal``, or None when left empty."""

    def __init__(
        self,
        label: Any = None,
        *,
        required: Any = None,
        more_than_zero: Any = None,
        maximum: Decimal = MAXIMUM_AMOUNT,
        too_large: Any = TOO_LARGE,
        not_a_number: Any = NOT_A_NUMBER,
        negative: Any = NEGATIVE,
        places_message: Any = TOO_MANY_PLACES,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", TextInput())
        super().__init__(label, **kwargs)
        self.required_message = required
        self.more_than_zero = more_than_zero
        self.maximum = maximum
        self.too_large = too_large
        self.not_a_number = not_a_number
        self.negative = negative
        self.places_message = places_message
        self.amount: Decimal | None = None

    def pre_validate(self, form: Any) -> None:
        self.amount = None
        text = (self.data or "").strip()
        if not text:
            if self.required_message is not None:
                raise StopValidation(self.required_message)
            return
        cleaned = clean_number(text)
        if cleaned.startswith("-") and NUMBER.match(cleaned[1:]):
            raise StopValidation(self.negative)
        if not NUMBER.match(cleaned):
            raise StopValidation(self.not_a_number)
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:  # pragma: no cover - the pattern allows only plain decimals
            raise StopValidation(self.not_a_number) from None
        if "." in cleaned and len(cleaned.split(".", 1)[1]) > 2:
            raise StopValidation(self.places_message)
        if amount > self.maximum:
            raise StopValidation(self.too_large)
        if self.more_than_zero is not None and amount <= 0:
            raise StopValidation(self.more_than_zero)
        self.amount = amount


def yes_no(label: Any, required: Any = CHOOSE_YES_OR_NO, **kwargs: Any) -> RadioField:
    return RadioField(
        label,
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        widget=RadioInput(),
        validate_choice=False,
        validators=[InputRequired(required), AnyOf(["yes", "no"], message=required)],
        **kwargs,
    )


def amount_of(field: Field) -> Decimal | None:
    return getattr(field, "amount", None)


class RentForm(PortalForm):
    product = RadioField(
        _l("What kind of rent is it?"),
        choices=[
            SelectChoice(SOCIAL_RENT, _l("Social rent")),
            SelectChoice(AFFORDABLE_RENT, _l("Affordable Rent")),
        ],
        widget=RadioInput(),
        validate_choice=False,
        validators=[
            InputRequired(_l("Choose social rent or Affordable Rent")),
            AnyOf([SOCIAL_RENT, AFFORDABLE_RENT], message=_l("Choose social rent or Affordable Rent")),
        ],
    )
    weekly_rent = MoneyField(
        _l("Rent each week"),
        description=_l("Only for social rent. Do not include any service charge."),
    )
    market_rent_monthly = MoneyField(
        _l("Market rent each month"),
        description=_l("Only for Affordable Rent. This is what the home would rent for privately."),
        more_than_zero=_l("Enter a market rent of more than £0"),
    )
    lha_weekly = MoneyField(
        _l("Local Housing Allowance rate each week (optional)"),
        description=_l(
            "Only for Affordable Rent. This is the most housing support you could get for this size of home. "
            "Leave it empty if you do not know it."
        ),
    )
    service_charge_monthly = MoneyField(
        _l("Service charge each month (optional)"),
        description=_l("Only for social rent. For Affordable Rent, it is already in the rent."),
    )
    housing_support_monthly = MoneyField(
        _l("Help with housing costs each month (optional)"),
        description=_l("Housing Benefit or the housing part of Universal Credit you expect to get."),
    )
    net_monthly_income = MoneyField(
        _l("Take-home pay each month"),
        description=_l("What your household gets after tax, not counting help with housing costs."),
        required=_l("Enter your take-home pay each month"),
    )
    submit = SubmitField(_l("Work it out"), widget=SubmitInput())

    def validate_weekly_rent(self, field: MoneyField) -> None:
        if self.product.data == SOCIAL_RENT and field.amount is None and not field.errors:
            raise StopValidation(_l("Enter the rent each week"))

    def validate_market_rent_monthly(self, field: MoneyField) -> None:
        if self.product.data == AFFORDABLE_RENT and field.amount is None and not field.errors:
            raise StopValidation(_l("Enter the market rent each month"))


MARKET_VALUE_REQUIRED = _l("Enter the full price of the home")
MARKET_VALUE_ZERO = _l("Enter a price of more than £0")


def household_income_field() -> MoneyField:
    return MoneyField(
        _l("Household income each year, before tax"),
        description=_l("Add up the yearly pay and other income of everyone who will buy the home."),
        required=_l("Enter your household income each year"),
    )


def savings_field() -> MoneyField:
    return MoneyField(
        _l("Savings"),
        description=_l("All the money you have saved together. Enter 0 if you have none."),
        required=_l("Enter your savings, or 0 if you have none"),
    )


def in_london_field() -> RadioField:
    return yes_no(_l("Is the home in London?"), _l("Choose yes if the home is in London"))


class SharedOwnershipForm(PortalForm):
    market_value = MoneyField(
        _l("Full price of the home"),
        description=_l("The price of the whole home, before any share is taken off."),
        required=MARKET_VALUE_REQUIRED,
        more_than_zero=MARKET_VALUE_ZERO,
    )
    gross_annual_income = household_income_field()
    savings = savings_field()
    london = in_london_field()
    service_charge_monthly = MoneyField(
        _l("Service charge each month (optional)"),
        description=_l("Leave it empty if there is none."),
    )
    net_monthly_income = MoneyField(
        _l("Take-home pay each month (optional)"),
        description=_l(
            "What your household gets after tax and other loan payments. We need it for homes in London, "
            "to check the monthly cost."
        ),
    )
    submit = SubmitField(_l("Work it out"), widget=SubmitInput())


class FirstHomesForm(PortalForm):
    market_value = MoneyField(
        _l("Full price of the home"),
        description=_l("The price before the discount."),
        required=MARKET_VALUE_REQUIRED,
        more_than_zero=MARKET_VALUE_ZERO,
    )
    discount_percent = MoneyField(
        _l("Discount in percent"),
        description=_l("A number from 0 to 100. We have filled in the usual discount."),
        default=str(DEFAULT_DISCOUNT_PERCENT),
        required=_l("Enter the discount"),
        maximum=Decimal(100),
        too_large=_l("Enter a discount of 100 or less"),
        not_a_number=_l("Enter the discount as a number from 0 to 100, like 30"),
        negative=_l("Enter a discount of 0 or more"),
        places_message=_l("Enter a discount with no more than 2 numbers after the decimal point"),
    )
    gross_annual_income = household_income_field()
    savings = savings_field()
    london = in_london_field()
    first_time_buyers = yes_no(
        _l("Are all the buyers buying their first home?"),
        _l("Choose yes if all the buyers are buying their first home"),
    )
    submit = SubmitField(_l("Work it out"), widget=SubmitInput())
