"""Rent arrears and past tenancies: rent owed, evictions and action about behaviour, asked without blame."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from portal.apply.asks import Context, MoneyAsk, TextAreaAsk, YesNoAsk
from portal.apply.sections import Section

DETAILS_HINT = _l(
    "Say when it was and which home it was. Only tell us what you feel able to. "
    "An officer may talk to you about it, to help find the right support."
)


def is_yes(key: str) -> Callable[[Context], bool]:
    return lambda context: context.known.get(key) == "yes"


SECTION = Section(
    key="tenancy",
    title=_l("Rent arrears and past tenancies"),
    before=(
        YesNoAsk(
            "rent_arrears",
            _l("Do you owe any rent for a home you live in now or lived in before?"),
            _l("Rent owed"),
            hint=_l("Lots of people fall behind with rent. Telling us now helps us find the right support for you."),
            required=_l("Select yes if you owe any rent"),
        ),
        MoneyAsk(
            "arrears_amount",
            _l("How much rent do you owe?"),
            _l("Amount of rent owed"),
            hint=_l("Add up what you owe for every home. If you are not sure, give your best guess."),
            required=_l("Enter how much rent you owe"),
            when=is_yes("rent_arrears"),
        ),
        YesNoAsk(
            "arrears_plan",
            _l("Have you agreed a plan to pay it back, and are you keeping to it?"),
            _l("Keeping to a plan to pay it back"),
            hint=_l("Answer no if there is no plan yet, or if it has been hard to keep to it."),
            required=_l("Select yes if you have a plan to pay it back and are keeping to it"),
            when=is_yes("rent_arrears"),
        ),
        YesNoAsk(
            "evicted",
            _l("Have you ever been evicted from a home?"),
            _l("Evicted from a home"),
            hint=_l("This means a court said you had to leave a home you rented."),
            required=_l("Select yes if you have been evicted from a home"),
        ),
        TextAreaAsk(
            "eviction_details",
            _l("Tell us about the eviction"),
            _l("About the eviction"),
            hint=DETAILS_HINT,
            required=_l("Enter something about the eviction"),
            when=is_yes("evicted"),
        ),
        YesNoAsk(
            "antisocial",
            _l("Has a landlord, the police or a court ever taken action about behaviour at a home you lived in?"),
            _l("Action about behaviour at a home"),
            hint=_l(
                "For example, a warning, an injunction or a court order about noise or nuisance. "
                "This includes action about someone who lived with you."
            ),
            required=_l("Select yes if there has been any action about behaviour at a home you lived in"),
        ),
        TextAreaAsk(
            "antisocial_details",
            _l("Tell us about the action that was taken"),
            _l("About the action taken"),
            hint=DETAILS_HINT,
            required=_l("Enter something about the action that was taken"),
            when=is_yes("antisocial"),
        ),
    ),
)
