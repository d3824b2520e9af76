"""Money, savings and property: the household's income and savings, and any home they own."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.apply.asks import Context, MoneyAsk, YesNoAsk
from portal.apply.sections import Section


def owns_property(context: Context) -> bool:
    return context.known.get("owns_property") == "yes"


SECTION = Section(
    key="money",
    title=_l("Money, savings and property"),
    before=(
        MoneyAsk(
            "income",
            _l("What is your household's income each year, before tax?"),
            _l("Household income each year"),
            hint=_l(
                "Add up the pay of everyone who will live with you, before tax is taken off. "
                "Benefits and pensions count as income too, like Universal Credit or Child Benefit. "
                "Enter 0 if there is none."
            ),
            required=_l("Enter your household's income each year, or 0 if there is none"),
        ),
        MoneyAsk(
            "take_home_pay",
            _l("How much money does your household take home each month?"),
            _l("Take-home pay each month"),
            hint=_l(
                "This is what is paid into the bank after tax, for everyone who will live with you. "
                "Count benefits, like Universal Credit, but not help with rent or housing costs. "
                "We use it to tell you if a home's rent is likely to be affordable. Enter 0 if there is none."
            ),
            required=_l("Enter how much your household takes home each month, or 0 if there is none"),
        ),
        MoneyAsk(
            "savings",
            _l("How much does your household have in savings?"),
            _l("Savings"),
            hint=_l(
                "Add up the savings of everyone who will live with you, including money in the bank. "
                "Enter 0 if there are none."
            ),
            required=_l("Enter your household's savings, or 0 if there are none"),
        ),
        YesNoAsk(
            "owns_property",
            _l("Do you, or anyone who will live with you, own a home?"),
            _l("Own a home"),
            hint=_l("A home anywhere, in the UK or in another country, including one owned with someone else."),
            required=_l("Select yes if you or anyone who will live with you owns a home"),
        ),
        YesNoAsk(
            "property_can_live_in",
            _l("Could you live in the home you own?"),
            _l("Could live in the home you own"),
            hint=_l(
                "Answer no if you cannot live there. For example, it is not safe for you to go back, "
                "it does not meet your needs, or a court has said you cannot live there."
            ),
            required=_l("Select yes if you could live in the home you own"),
            when=owns_property,
        ),
    ),
)
