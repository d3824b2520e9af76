"""Safety and support: abuse, harassment, leaving care, the armed forces and a support worker.

Every page in this section shows the Exit this page button (see ``questions_views``).
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from portal.apply.asks import ChoiceAsk, Context, DateAsk, GroupAsk, TextAreaAsk, TextAsk, YesNoAsk
from portal.apply.sections import Section

FORCES = (
    ("serving", _l("I am serving in the regular forces now")),
    ("left", _l("I have left the regular forces")),
    ("reservist_injured", _l("I am or was a reservist and was badly hurt while serving")),
    ("bereaved", _l("My husband, wife or civil partner died because of their service")),
    ("no", _l("None of these")),
)
DISCHARGE_MESSAGES = {
    "required": _l("Enter the date you left the armed forces"),
    "no_day": _l("The date you left must include a day"),
    "no_month": _l("The date you left must include a month"),
    "no_year": _l("The date you left must include a year"),
    "not_real": _l("The date you left must be a real date"),
    "too_early": _l("Check the year you left the armed forces"),
    "too_late": _l("The date you left must be today or in the past"),
}


def is_yes(key: str) -> Callable[[Context], bool]:
    return lambda context: context.known.get(key) == "yes"


def left_forces(context: Context) -> bool:
    return context.known.get("armed_forces") == "left"


SECTION = Section(
    key="safety",
    title=_l("Safety and support"),
    before=(
        YesNoAsk(
            "domestic_abuse",
            _l("Is anyone hurting you, threatening you or making you feel afraid?"),
            _l("Someone hurting you or making you afraid"),
            hint=_l(
                "This could be a partner, an ex-partner or someone in your family. "
                "Saying yes will never count against you. "
                "If you need to leave this page quickly, use the Exit this page button. "
                "If you are in danger now, call 999."
            ),
            required=_l("Select yes if anyone is hurting you, threatening you or making you feel afraid"),
        ),
        YesNoAsk(
            "abuse_need_move",
            _l("Do you need to move to be safe?"),
            _l("Need to move to be safe"),
            hint=_l("For example, because the person who hurts you knows where you live, or lives near you."),
            required=_l("Select yes if you need to move to be safe"),
            when=is_yes("domestic_abuse"),
        ),
        YesNoAsk(
            "harassment",
            _l("Is anyone outside your home harassing you or making you feel unsafe where you live?"),
            _l("Harassment where you live"),
            hint=_l("For example, neighbours who threaten you, or people who target you because of who you are."),
            required=_l("Select yes if anyone is harassing you or making you feel unsafe where you live"),
        ),
        TextAreaAsk(
            "harassment_details",
            _l("Tell us what is happening"),
            _l("What is happening"),
            hint=_l("Only tell us what you feel able to. Say if the police or your landlord know about it."),
            required=_l("Enter something about what is happening"),
            when=is_yes("harassment"),
        ),
        YesNoAsk(
            "care_leaver",
            _l("Have you been in care?"),
            _l("Been in care"),
            hint=_l(
                "This means a council looked after you as a child, for example in foster care or a children's home."
            ),
            required=_l("Select yes if you have been in care"),
        ),
        ChoiceAsk(
            "armed_forces",
            _l("Do you have a link to the armed forces?"),
            _l("Armed forces"),
            hint=_l("The Army, Royal Navy, Royal Marines or Royal Air Force."),
            choices=FORCES,
            required=_l("Select your link to the armed forces, or none of these"),
        ),
        DateAsk(
            "forces_discharge_date",
            _l("When did you leave the armed forces?"),
            _l("Date you left the armed forces"),
            hint=_l("For example, 27 3 2019. If you are not sure of the day, enter 1."),
            years_before=80,
            messages=DISCHARGE_MESSAGES,
            when=left_forces,
        ),
        YesNoAsk(
            "support_worker",
            _l("Do you have a support worker we can talk to about your application?"),
            _l("Support worker"),
            hint=_l("For example, a social worker, a key worker or someone from a charity who helps you."),
            required=_l("Select yes if you have a support worker we can talk to"),
        ),
        GroupAsk(
            "support_details",
            _l("Who is your support worker?"),
            _l("Support worker's details"),
            parts=(
                TextAsk(
                    "support_name",
                    _l("Their name"),
                    _l("Name"),
                    required=_l("Enter your support worker's name"),
                    max_length=100,
                ),
                TextAsk(
                    "support_organisation",
                    _l("Where they work"),
                    _l("Where they work"),
                    hint=_l("For example, the name of the charity or council team"),
                    required=_l("Enter where your support worker works"),
                    max_length=100,
                ),
                TextAsk(
                    "support_contact",
                    _l("Their phone number or email address (optional)"),
                    _l("Phone number or email address"),
                    optional=True,
                    max_length=100,
                ),
            ),
            when=is_yes("support_worker"),
        ),
    ),
)
