"""Every housing options question, in the words people see, and the check answers sections.

Which questions exist, their order and when each is asked come from
``portal.rules.options.answers``; this module says how each is asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from portal.options.question_pages import (
    ChoicePage,
    CountPage,
    DatePage,
    MoneyPage,
    NumberPage,
    Page,
    Wording,
    years_or_months,
)
from portal.options.question_people import ADULTS_DETAILS, CHILDREN_DETAILS
from portal.rules.options import answers as rules

YES_NO = (("yes", _l("Yes")), ("no", _l("No")))


def yes_no(key: str, question: Any, label: Any, required: Any, hint: Any = None) -> ChoicePage:
    return ChoicePage(key, question, label, hint, choices=YES_NO, required=required, inline=True)


def _residence_choices(w: Wording) -> list[tuple[str, Any]]:
    months = w.residence_months
    return [
        (
            "yes",
            years_or_months(
                months,
                lambda n: ngettext("%(num)d year or more", "%(num)d years or more", n),
                lambda n: ngettext("%(num)d month or more", "%(num)d months or more", n),
            ),
        ),
        (
            "less",
            years_or_months(
                months,
                lambda n: ngettext("Less than %(num)d year", "Less than %(num)d years", n),
                lambda n: ngettext("Less than %(num)d month", "Less than %(num)d months", n),
            ),
        ),
        ("no", _l("I do not live in %(area)s")),
    ]


def _work_hint(w: Wording) -> str:
    return years_or_months(
        w.work_months,
        lambda n: ngettext(
            "Choose yes if you have worked there for %(hours)s hours a week or more, for the last %(num)d year or more.",
            "Choose yes if you have worked there for %(hours)s hours a week or more, for the last %(num)d years or more.",
            n,
            hours=w.work_hours,
        ),
        lambda n: ngettext(
            "Choose yes if you have worked there for %(hours)s hours a week or more, for the last %(num)d month or more.",
            "Choose yes if you have worked there for %(hours)s hours a week or more, for the last %(num)d months or more.",
            n,
            hours=w.work_hours,
        ),
    )


HOMES = (
    ("private_rented", _l("Renting from a private landlord")),
    ("council_tenant", _l("Renting from the council")),
    ("housing_association_tenant", _l("Renting from a housing association")),
    ("owner_occupier", _l("In a home you own or are buying")),
    ("living_with_family", _l("Living with family or friends")),
    ("lodger", _l("Renting a room in someone else's home")),
    ("sofa_surfing", _l("Staying with different people for a short time")),
    ("rough_sleeping", _l("Sleeping on the street or somewhere not meant for living in")),
    ("temporary_accommodation", _l("In temporary housing from the council")),
    ("hostel", _l("In a hostel")),
    ("refuge", _l("In a refuge")),
    ("supported_housing", _l("In supported housing")),
    ("hospital", _l("In hospital")),
    ("prison", _l("In prison")),
    ("other", _l("Somewhere else")),
)
HOME_HINTS = {
    "private_rented": _l("Including through a letting agent"),
    "owner_occupier": _l("With or without a mortgage, or through shared ownership"),
    "living_with_family": _l("For example, in your parents' home"),
    "lodger": _l("You share the home with the person you pay rent to"),
    "sofa_surfing": _l("Sometimes called sofa surfing. You have no home of your own to go back to."),
    "rough_sleeping": _l("For example, in a doorway, a tent, a car or a bus station"),
    "temporary_accommodation": _l("For example, a bed and breakfast the council placed you in"),
    "refuge": _l("A safe place to stay for people getting away from abuse"),
    "supported_housing": _l("Housing where staff help you to live on your own"),
}

PAGES: tuple[Page, ...] = (
    yes_no(
        "safe_tonight",
        _l("Do you have somewhere safe to stay tonight?"),
        _l("Somewhere safe to stay tonight"),
        _l("Choose yes if you have somewhere safe to stay tonight"),
        _l("Somewhere you can stay without being hurt, and without having to sleep outside."),
    ),
    ChoicePage(
        "abuse",
        _l("Is anyone hurting you, threatening you or making you feel afraid?"),
        _l("Someone hurting you or making you afraid"),
        _l("This could be a partner, an ex-partner or someone in your family. You can choose not to say."),
        choices=(("yes", _l("Yes")), ("no", _l("No")), ("prefer_not_to_say", _l("I do not want to say"))),
        required=_l("Choose yes, no, or that you do not want to say"),
        divider_before="prefer_not_to_say",
    ),
    ChoicePage(
        "where_live",
        _l("Where are you living now?"),
        _l("Where you live now"),
        _l("Choose the one that fits best."),
        choices=HOMES,
        required=_l("Choose where you are living now"),
        choice_hints=HOME_HINTS,
        divider_before="other",
    ),
    yes_no(
        "told_to_leave",
        _l("Have you been told to leave where you live?"),
        _l("Told to leave"),
        _l("Choose yes if you have been told to leave"),
        _l("For example, your landlord has given you a notice, or the people you live with have asked you to go."),
    ),
    DatePage(
        "leave_date",
        _l("When do you have to leave?"),
        _l("Date you have to leave"),
        _l("For example, %(example)s. If you are not sure, give the date you were told."),
        days_before=rules.LEAVE_DATE_DAYS_BEFORE,
        days_after=rules.LEAVE_DATE_DAYS_AFTER,
        messages={
            "required": _l("Enter the date you have to leave"),
            "no_day": _l("The date you have to leave must include a day"),
            "no_month": _l("The date you have to leave must include a month"),
            "no_year": _l("The date you have to leave must include a year"),
            "not_real": _l("Enter a real date, like %(example)s"),
            "too_early": _l("Enter a date that is not more than 1 year ago"),
            "too_late": _l("The date must be in the next 2 years"),
        },
    ),
    NumberPage(
        "age",
        _l("How old are you?"),
        _l("Your age"),
        bounds=rules.AGE_RANGE,
        required=_l("Enter your age"),
        invalid=_l("Enter your age as a whole number, like 34"),
        out_of_range=_l("Enter an age from %(min)d to %(max)d", min=rules.AGE_RANGE[0], max=rules.AGE_RANGE[1]),
        shown=lambda n: ngettext("%(num)d year old", "%(num)d years old", n),
    ),
    yes_no(
        "partner",
        _l("Do you have a partner who lives with you, or will live with you?"),
        _l("Partner living with you"),
        _l("Choose yes if you have a partner who lives with you, or will live with you"),
        _l("A husband, wife, civil partner, or someone you live with as a couple."),
    ),
    CountPage(
        "children",
        _l("How many children live with you, or will live with you?"),
        _l("Children"),
        _l("Count children aged 17 or under. Do not count a baby who is not born yet. Enter 0 if there are none."),
        bounds=rules.CHILDREN_RANGE,
        required=_l("Enter how many children live with you, or 0 if there are none"),
        invalid=_l("Enter the number of children as a whole number, like 2"),
        out_of_range=_l(
            "Enter a number of children from %(min)d to %(max)d",
            min=rules.CHILDREN_RANGE[0],
            max=rules.CHILDREN_RANGE[1],
        ),
        details=CHILDREN_DETAILS,
        none=_l("No children"),
        some=lambda n, people: ngettext("%(num)d child: %(people)s", "%(num)d children: %(people)s", n, people=people),
    ),
    CHILDREN_DETAILS,
    CountPage(
        "other_adults",
        _l("How many other adults live with you, or will live with you?"),
        _l("Other adults"),
        _l(
            "For example, grown-up children, parents or friends who will move with you. "
            "Do not count yourself, your partner or your children. Enter 0 if there are none."
        ),
        bounds=rules.OTHER_ADULTS_RANGE,
        required=_l("Enter how many other adults live with you, or 0 if there are none"),
        invalid=_l("Enter the number of adults as a whole number, like 1"),
        out_of_range=_l(
            "Enter a number of adults from %(min)d to %(max)d",
            min=rules.OTHER_ADULTS_RANGE[0],
            max=rules.OTHER_ADULTS_RANGE[1],
        ),
        details=ADULTS_DETAILS,
        none=_l("No other adults"),
        some=lambda n, people: ngettext(
            "%(num)d other adult: %(people)s", "%(num)d other adults: %(people)s", n, people=people
        ),
    ),
    ADULTS_DETAILS,
    yes_no(
        "pregnant",
        _l("Is anyone who will live with you pregnant?"),
        _l("Someone pregnant"),
        _l("Choose yes if anyone who will live with you is pregnant"),
        _l("This includes you."),
    ),
    NumberPage(
        "bedrooms",
        _l("How many bedrooms are there where you live now?"),
        _l("Bedrooms where you live now"),
        _l("Count every room used for sleeping. Enter 0 if you live in one room or a studio flat."),
        bounds=rules.BEDROOMS_RANGE,
        required=_l("Enter how many bedrooms there are, or 0"),
        invalid=_l("Enter the number of bedrooms as a whole number, like 2"),
        out_of_range=_l(
            "Enter a number of bedrooms from %(min)d to %(max)d",
            min=rules.BEDROOMS_RANGE[0],
            max=rules.BEDROOMS_RANGE[1],
        ),
        shown=lambda n: ngettext("%(num)d bedroom", "%(num)d bedrooms", n),
    ),
    yes_no(
        "shares_facilities",
        _l("Do you share a kitchen, bathroom or toilet with another household?"),
        _l("Share a kitchen, bathroom or toilet"),
        _l("Choose yes if you share a kitchen, bathroom or toilet with another household"),
        _l("Another household means people who are not moving with you."),
    ),
    yes_no(
        "home_condition",
        _l("Is where you live in very poor condition?"),
        _l("Home in very poor condition"),
        _l("Choose yes if where you live is in very poor condition"),
        _l("For example, serious damp and mould, no heating, no hot water, or something that is not safe."),
    ),
    ChoicePage(
        "immigration",
        _l("What is your immigration status?"),
        _l("Immigration status"),
        _l("This helps us tell you which housing you can apply for. If you are not sure, you can say so."),
        choices=(
            ("british_irish", _l("British or Irish citizen")),
            ("settled", _l("Settled status or indefinite leave to remain")),
            ("refugee", _l("Refugee status or humanitarian protection")),
            ("pre_settled", _l("Pre-settled status")),
            ("visa", _l("A visa, such as a work, study or family visa")),
            ("no_public_funds", _l("Permission to stay with no recourse to public funds")),
            ("none", _l("I do not have permission to stay at the moment")),
            ("not_sure", _l("I am not sure")),
        ),
        required=_l("Choose your immigration status, or that you are not sure"),
        choice_hints={
            "settled": _l("Including settled status from the EU Settlement Scheme"),
            "pre_settled": _l("From the EU Settlement Scheme"),
            "no_public_funds": _l("Your visa or permission to stay says you cannot get help from public funds"),
        },
        divider_before="not_sure",
    ),
    ChoicePage(
        "residence",
        _l("How long have you lived in %(area)s?"),
        _l("Time living in %(area)s"),
        _l("Count the time you have lived there without a break."),
        choices=_residence_choices,
        required=_l("Choose how long you have lived in %(area)s"),
    ),
    ChoicePage(
        "work_local",
        _l("Do you work in %(area)s?"),
        _l("Work in %(area)s"),
        _work_hint,
        choices=YES_NO,
        required=_l("Choose yes if you work in %(area)s"),
        inline=True,
    ),
    yes_no(
        "move_for_work",
        _l("Do you need to move to %(area)s for a job?"),
        _l("Need to move for a job"),
        _l("Choose yes if you need to move to %(area)s for a job"),
        _l("For example, you have been offered a job here, or you need to live closer to your work to keep it."),
    ),
    ChoicePage(
        "health",
        _l("Does where you live make anyone's health or disability harder to live with?"),
        _l("Health and where you live"),
        _l("Think about everyone who will live with you."),
        choices=(
            ("hard", _l("Yes, it makes things harder")),
            ("serious", _l("Yes, it is making someone very ill, or they cannot manage there at all")),
            ("no", _l("No")),
        ),
        required=_l("Choose if where you live makes anyone's health or disability harder"),
        choice_hints={
            "hard": _l("For example, the stairs are hard to manage, or the damp makes asthma worse"),
            "serious": _l("For example, someone cannot get in or out, or cannot use the bathroom"),
        },
    ),
    yes_no(
        "care_support",
        _l("Do you need to move to give or get care or support?"),
        _l("Move to give or get care"),
        _l("Choose yes if you need to move to give or get care or support"),
        _l("For example, to look after someone in your family, or to be near the people who help you."),
    ),
    yes_no(
        "support_needs",
        _l("Does anyone who will live with you need support to live on their own?"),
        _l("Support to live on your own"),
        _l("Choose yes if anyone needs support to live on their own"),
        _l(
            "For example, because of mental health, drugs or alcohol, a learning disability, leaving care or leaving prison."
        ),
    ),
    yes_no(
        "care_leaver",
        _l("Have you been in care?"),
        _l("Been in care"),
        _l("Choose yes if you have been in care"),
        _l("This means a council looked after you as a child, for example in foster care or a children's home."),
    ),
    ChoicePage(
        "armed_forces",
        _l("Do you have a link to the armed forces?"),
        _l("Armed forces"),
        _l("The Army, Royal Navy, Royal Marines or Royal Air Force."),
        choices=(
            ("serving", _l("I am serving now")),
            ("left_recently", _l("I left the regular forces less than 5 years ago")),
            ("left_earlier", _l("I left the forces 5 years ago or more")),
            ("bereaved", _l("My husband, wife or civil partner died because of their service")),
            ("reservist_injured", _l("I am or was a reservist and was badly hurt while serving")),
            ("no", _l("None of these")),
        ),
        required=_l("Choose your link to the armed forces, or none of these"),
        divider_before="no",
    ),
    MoneyPage(
        "income_yearly",
        _l("What is your household's income each year, before tax?"),
        _l("Household income"),
        _l(
            "Add up the pay and benefits of everyone who will live with you, before tax is taken off. "
            "Enter 0 if there is none."
        ),
        required=_l("Enter your household's income each year, or 0 if there is none"),
        shown=_l("%(amount)s a year"),
    ),
    MoneyPage(
        "take_home_monthly",
        _l("How much money does your household get each month?"),
        _l("Money each month"),
        _l("The money everyone who will live with you gets after tax, including benefits. Enter 0 if there is none."),
        required=_l("Enter how much money your household gets each month, or 0 if there is none"),
        shown=_l("%(amount)s a month"),
    ),
    MoneyPage(
        "savings",
        _l("How much do you have in savings?"),
        _l("Savings"),
        _l("Add up the savings of everyone who will live with you. Enter 0 if there are none."),
        required=_l("Enter your savings, or 0 if there are none"),
    ),
    yes_no(
        "owns_home",
        _l("Do you, or anyone who will live with you, own a home?"),
        _l("Own a home"),
        _l("Choose yes if you or anyone who will live with you owns a home"),
        _l("A home anywhere, in the UK or in another country, including one owned with someone else."),
    ),
)

BY_KEY: Mapping[str, Page] = {page.key: page for page in PAGES}
BY_SLUG: Mapping[str, Page] = {page.slug: page for page in PAGES}
assert tuple(BY_KEY) == rules.QUESTION_ORDER, "Every question in the rules needs a page, in the same order"
