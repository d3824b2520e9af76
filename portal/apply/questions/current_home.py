"""Where you live now: the kind of home, its rooms, its condition, being told to leave and tonight's safety."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.apply.asks import ChoiceAsk, Context, DateAsk, NumberAsk, TextAreaAsk, YesNoAsk
from portal.apply.sections import Section
from portal.rules.parameters import HOME_TYPES

HOMES = (
    ("private_rented", _l("Renting from a private landlord")),
    ("council_tenant", _l("Renting from the council")),
    ("housing_association_tenant", _l("Renting from a housing association")),
    ("owner_occupier", _l("In a home you own or are buying")),
    ("living_with_family", _l("Living with family")),
    ("lodger", _l("Renting a room in someone else's home")),
    ("sofa_surfing", _l("Staying with friends (sofa surfing)")),
    ("rough_sleeping", _l("Sleeping on the streets")),
    ("temporary_accommodation", _l("In temporary housing from the council")),
    ("hostel", _l("In a hostel")),
    ("refuge", _l("In a refuge")),
    ("supported_housing", _l("In supported housing")),
    ("hospital", _l("In hospital")),
    ("prison", _l("In prison")),
    ("other", _l("Somewhere else")),
)
assert {value for value, _label in HOMES} == set(HOME_TYPES), "Every kind of home needs a choice"

HOME_HINTS = {
    "private_rented": _l("Including through a letting agent"),
    "owner_occupier": _l("With or without a mortgage, or through shared ownership"),
    "living_with_family": _l("For example, in your parents' home"),
    "lodger": _l("You share the home with the person you pay rent to"),
    "sofa_surfing": _l("Staying with different people for a short time, with no home of your own to go back to"),
    "rough_sleeping": _l("For example, in a doorway, a tent, a car or a bus station"),
    "temporary_accommodation": _l("For example, a bed and breakfast the council placed you in"),
    "refuge": _l("A safe place to stay for people getting away from abuse"),
    "supported_housing": _l("Housing where staff help you to live on your own"),
}

#: The stored answer is whether they have NOWHERE safe to stay, so "yes" is the worrying answer.
TONIGHT = (
    ("no", _l("Yes, I have somewhere safe to stay tonight")),
    ("yes", _l("No, I do not have anywhere safe to stay tonight")),
)

#: Homes without rooms of their own to count (and, for the streets, nowhere to be told to leave).
NO_ROOMS = ("rough_sleeping", "sofa_surfing", "hospital", "prison")
SHARED_HOMES = ("private_rented", "lodger", "living_with_family", "hostel", "other")

LEAVE_DATE_MESSAGES = {
    "required": _l("Enter the date you have to leave"),
    "no_day": _l("The date you have to leave must include a day"),
    "no_month": _l("The date you have to leave must include a month"),
    "no_year": _l("The date you have to leave must include a year"),
    "not_real": _l("The date you have to leave must be a real date"),
    "too_early": _l("The date you have to leave must be less than 1 year ago"),
    "too_late": _l("The date you have to leave must be in the next 2 years"),
}
TWO_YEARS = 731


def home_type(context: Context) -> str:
    return str(context.known.get("home_type") or "")


def has_rooms(context: Context) -> bool:
    return bool(home_type(context)) and home_type(context) not in NO_ROOMS


def may_share(context: Context) -> bool:
    return home_type(context) in SHARED_HOMES


def can_be_told_to_leave(context: Context) -> bool:
    return bool(home_type(context)) and home_type(context) != "rough_sleeping"


def in_disrepair(context: Context) -> bool:
    return has_rooms(context) and context.known.get("disrepair") == "yes"


def must_leave(context: Context) -> bool:
    return can_be_told_to_leave(context) and context.known.get("must_leave") == "yes"


SECTION = Section(
    key="current_home",
    title=_l("Where you live now"),
    before=(
        ChoiceAsk(
            "home_type",
            _l("Where are you living now?"),
            _l("Where you live now"),
            hint=_l("Choose the one that fits best."),
            choices=HOMES,
            choice_hints=HOME_HINTS,
            required=_l("Select where you are living now"),
        ),
        ChoiceAsk(
            "nowhere_tonight",
            _l("Do you have somewhere safe to stay tonight?"),
            _l("Somewhere safe to stay tonight"),
            hint=_l("Somewhere you can stay without being hurt, and without having to sleep outside."),
            choices=TONIGHT,
            required=_l("Select if you have somewhere safe to stay tonight"),
        ),
        NumberAsk(
            "bedrooms",
            _l("How many bedrooms are there where you live now?"),
            _l("Bedrooms"),
            hint=_l("Count every room used for sleeping. Enter 0 if you live in one room or a studio flat."),
            bounds=(0, 20),
            required=_l("Enter how many bedrooms there are, or 0"),
            invalid=_l("Enter the number of bedrooms as a whole number, like 2"),
            out_of_range=_l("Enter a number of bedrooms from 0 to 20"),
            when=has_rooms,
        ),
        NumberAsk(
            "living_rooms",
            _l("How many living rooms are there where you live now?"),
            _l("Living rooms"),
            hint=_l(
                "Count rooms like a lounge or a dining room that nobody sleeps in. "
                "Do not count the kitchen or bathroom. Enter 0 if there are none."
            ),
            bounds=(0, 10),
            required=_l("Enter how many living rooms there are, or 0"),
            invalid=_l("Enter the number of living rooms as a whole number, like 1"),
            out_of_range=_l("Enter a number of living rooms from 0 to 10"),
            when=has_rooms,
        ),
        YesNoAsk(
            "shares_facilities",
            _l("Do you share a kitchen, bathroom or toilet with another household?"),
            _l("Share a kitchen, bathroom or toilet"),
            hint=_l("Another household means people who are not moving with you."),
            required=_l("Select yes if you share a kitchen, bathroom or toilet with another household"),
            when=may_share,
        ),
        YesNoAsk(
            "disrepair",
            _l("Is where you live in very poor condition?"),
            _l("Home in very poor condition"),
            hint=_l("For example, serious damp and mould, no heating, no hot water, or something that is not safe."),
            required=_l("Select yes if where you live is in very poor condition"),
            when=has_rooms,
        ),
        TextAreaAsk(
            "disrepair_details",
            _l("What is wrong with where you live?"),
            _l("What is wrong with your home"),
            hint=_l("For example, damp and mould in the bedroom, or a broken boiler. Say if your landlord knows."),
            required=_l("Enter what is wrong with where you live"),
            when=in_disrepair,
        ),
        YesNoAsk(
            "must_leave",
            _l("Have you been told to leave where you live?"),
            _l("Told to leave"),
            hint=_l(
                "For example, your landlord has given you a notice, the people you live with have asked you to go, "
                "or you have a date to leave hospital or prison."
            ),
            required=_l("Select yes if you have been told to leave"),
            when=can_be_told_to_leave,
        ),
        DateAsk(
            "must_leave_date",
            _l("When do you have to leave?"),
            _l("Date you have to leave"),
            hint=_l("For example, 14 6 2027. If you are not sure, give the date you were told."),
            years_before=1,
            days_after=TWO_YEARS,
            messages=LEAVE_DATE_MESSAGES,
            when=must_leave,
        ),
    ),
)
