"""Equality monitoring: optional questions, never used to decide an application and kept apart from it.

The groups follow the 2021 Census (Office for National Statistics), at the highest level.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.apply.asks import ChoiceAsk, Context, YesNoAsk
from portal.apply.sections import Section

PREFER_NOT = ("prefer_not_to_say", _l("I prefer not to say"))
ETHNICITIES = (
    ("asian", _l("Asian or Asian British")),
    ("black", _l("Black, Black British, Caribbean or African")),
    ("mixed", _l("Mixed or multiple ethnic groups")),
    ("white", _l("White")),
    ("other", _l("Another ethnic group")),
    PREFER_NOT,
)
ETHNICITY_HINTS = {
    "asian": _l("For example, Indian, Pakistani, Bangladeshi or Chinese"),
    "black": _l("For example, Caribbean, African or any other Black background"),
    "white": _l("For example, English, Welsh, Scottish, Northern Irish, British, Irish, Gypsy or Irish Traveller"),
    "other": _l("For example, Arab"),
}
RELIGIONS = (
    ("none", _l("No religion")),
    ("christian", _l("Christian")),
    ("buddhist", _l("Buddhist")),
    ("hindu", _l("Hindu")),
    ("jewish", _l("Jewish")),
    ("muslim", _l("Muslim")),
    ("sikh", _l("Sikh")),
    ("other", _l("Another religion")),
    PREFER_NOT,
)
ORIENTATIONS = (
    ("straight", _l("Straight or heterosexual")),
    ("gay_lesbian", _l("Gay or lesbian")),
    ("bisexual", _l("Bisexual")),
    ("other", _l("Another sexual orientation")),
    PREFER_NOT,
)
DISABILITY = (("yes", _l("Yes")), ("no", _l("No")), PREFER_NOT)


def answering(context: Context) -> bool:
    return context.known.get("answer_equality") == "yes"


SECTION = Section(
    key="equality",
    title=_l("Equality monitoring"),
    optional=True,
    before=(
        YesNoAsk(
            "answer_equality",
            _l("Do you want to answer some questions about you to help us check we treat everyone fairly?"),
            _l("Answer equality questions"),
            hint=_l(
                "You do not have to. We never use these answers to decide your application, "
                "and we keep them apart from it."
            ),
            required=_l("Select yes if you want to answer some questions about you"),
        ),
        ChoiceAsk(
            "ethnicity",
            _l("What is your ethnic group?"),
            _l("Ethnic group"),
            choices=ETHNICITIES,
            choice_hints=ETHNICITY_HINTS,
            required=_l("Select your ethnic group, or that you prefer not to say"),
            when=answering,
        ),
        ChoiceAsk(
            "religion",
            _l("What is your religion?"),
            _l("Religion"),
            choices=RELIGIONS,
            required=_l("Select your religion, or that you prefer not to say"),
            when=answering,
        ),
        ChoiceAsk(
            "sexual_orientation",
            _l("Which of these best describes your sexual orientation?"),
            _l("Sexual orientation"),
            choices=ORIENTATIONS,
            required=_l("Select your sexual orientation, or that you prefer not to say"),
            when=answering,
        ),
        ChoiceAsk(
            "disability",
            _l("Do you think of yourself as disabled?"),
            _l("Disabled"),
            hint=_l("This includes long-term health conditions, like a mental health condition."),
            choices=DISABILITY,
            required=_l("Select yes, no, or that you prefer not to say"),
            inline=False,
            when=answering,
        ),
    ),
)
