"""Immigration and residence: asked of the applicant and of a partner or joint applicant aged 16 or over."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from portal.apply.asks import ChoiceAsk, Context, Text, YesNoAsk
from portal.apply.sections import ListOf, Section

STATUSES = (
    ("british_irish", _l("British or Irish citizen")),
    ("settled", _l("Settled status or indefinite leave to remain")),
    ("refugee", _l("Refugee status or humanitarian protection")),
    ("pre_settled", _l("Pre-settled status")),
    ("visa", _l("A visa, such as a work, study or family visa")),
    ("no_public_funds", _l("Permission to stay with no recourse to public funds")),
    ("none", _l("No permission to stay at the moment")),
    ("not_sure", _l("Not sure")),
)
STATUS_HINTS = {
    "settled": _l("Including settled status from the EU Settlement Scheme"),
    "pre_settled": _l("From the EU Settlement Scheme"),
    "no_public_funds": _l("The visa or permission to stay says you cannot get help from public funds"),
}


def for_person(yours: Text, theirs: Text) -> Callable[[Context], str]:
    """Words about "you" on the applicant's own page, and about them by name (``%(name)s``) for anyone else."""

    def text(context: Context) -> str:
        is_applicant = (context.item or {}).get("relationship") == "applicant"
        return context.fill(yours if is_applicant else theirs)

    return text


SECTION = Section(
    key="immigration",
    title=_l("Immigration and residence"),
    items=ListOf(
        kind="adults",
        pages=(
            ChoiceAsk(
                "immigration_status",
                for_person(_l("What is your immigration status?"), _l("What is %(name)s's immigration status?")),
                _l("Immigration status"),
                hint=for_person(
                    _l("This helps us check which housing you can get. If you are not sure, you can say so."),
                    _l("This helps us check which housing %(name)s can get. If you are not sure, you can say so."),
                ),
                choices=STATUSES,
                choice_hints=STATUS_HINTS,
                required=for_person(
                    _l("Select your immigration status, or that you are not sure"),
                    _l("Select %(name)s's immigration status, or that you are not sure"),
                ),
            ),
            YesNoAsk(
                "lived_in_uk_2_years",
                for_person(
                    _l("Have you lived in the UK or Ireland for all of the last 2 years?"),
                    _l("Has %(name)s lived in the UK or Ireland for all of the last 2 years?"),
                ),
                _l("Lived in the UK or Ireland for the last 2 years"),
                hint=_l(
                    "The Channel Islands and the Isle of Man count too. "
                    "Answer yes if the only time away was short trips, like holidays."
                ),
                required=for_person(
                    _l("Select yes if you have lived in the UK or Ireland for all of the last 2 years"),
                    _l("Select yes if %(name)s has lived in the UK or Ireland for all of the last 2 years"),
                ),
            ),
        ),
    ),
)
