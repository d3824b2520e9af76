"""Your household: everyone who lives with you or will move with you, added one at a time, and pregnancy."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.apply.asks import ChoiceAsk, Context, DateAsk, TextAsk, YesNoAsk
from portal.apply.questions.about_you import NI_NUMBER, SEXES, no_spaces_upper
from portal.apply.sections import ListOf, Section, age_on

RELATIONSHIPS = (
    ("partner", _l("My husband, wife or partner")),
    ("joint_applicant", _l("Someone applying with me (a joint applicant)")),
    ("child", _l("My child")),
    ("parent", _l("My parent")),
    ("sibling", _l("My brother or sister")),
    ("other_relative", _l("Another relative")),
    ("other", _l("Someone else, like a friend or carer")),
)
LIVES_WITH = (
    ("yes", _l("Yes, they live with me now")),
    ("moving_with", _l("No, but they will move with me")),
    ("no", _l("No, they live somewhere else most of the time")),
)
BIRTH_DATE_MESSAGES = {
    "required": _l("Enter their date of birth"),
    "no_day": _l("Their date of birth must include a day"),
    "no_month": _l("Their date of birth must include a month"),
    "no_year": _l("Their date of birth must include a year"),
    "not_real": _l("Their date of birth must be a real date"),
    "too_early": _l("Check the year of their date of birth"),
    "too_late": _l("Their date of birth must be in the past"),
}
DUE_DATE_MESSAGES = {
    "required": _l("Enter the date the baby is due"),
    "no_day": _l("The due date must include a day"),
    "no_month": _l("The due date must include a month"),
    "no_year": _l("The due date must include a year"),
    "not_real": _l("The due date must be a real date"),
    "too_early": _l("The due date must be today or in the future"),
    "too_late": _l("The due date must be within the next 10 months"),
}
ADULT_AGE = 16


def is_adult_applicant(context: Context) -> bool:
    item = context.item or {}
    age = age_on(item.get("date_of_birth"), context.today)
    return item.get("relationship") in ("partner", "joint_applicant") and (age is None or age >= ADULT_AGE)


def has_others(context: Context) -> bool:
    return len(context.facts.get("people") or []) > 1


def others_or_yes(context: Context) -> bool:
    return context.known.get("anyone_else") == "yes" or has_others(context)


def nobody_added(context: Context) -> bool:
    return not has_others(context)


def women(context: Context) -> list[tuple[str, str]]:
    """Everyone in the household who could be pregnant, for the "who is pregnant" question."""
    found = []
    for person in context.facts.get("people") or []:
        if person.get("sex") == "female":
            label = person.get("full_name") or ""
            found.append((person["id"], label))
    return found


def is_pregnant(context: Context) -> bool:
    return context.known.get("pregnant") == "yes"


def someone_pregnant_to_choose(context: Context) -> bool:
    return is_pregnant(context) and len(women(context)) > 1


SECTION = Section(
    key="household",
    title=_l("Your household"),
    before=(
        YesNoAsk(
            "anyone_else",
            _l("Does anyone live with you, or will anyone move with you?"),
            _l("Anyone else in your household"),
            hint=_l("Include your partner, children and anyone else who lives with you as part of your family."),
            required=_l("Select yes if anyone lives with you or will move with you"),
            when=nobody_added,
        ),
    ),
    items=ListOf(
        kind="people",
        when=others_or_yes,
        pages=(
            TextAsk(
                "full_name",
                _l("What is their full name?"),
                _l("Name"),
                required=_l("Enter their full name"),
            ),
            DateAsk(
                "date_of_birth",
                _l("What is %(name)s's date of birth?"),
                _l("Date of birth"),
                hint=_l("For example, 27 3 2012"),
                messages=BIRTH_DATE_MESSAGES,
            ),
            ChoiceAsk(
                "sex",
                _l("What is %(name)s's sex?"),
                _l("Sex"),
                choices=SEXES,
                required=_l("Select female or male"),
            ),
            ChoiceAsk(
                "relationship",
                _l("How is %(name)s related to you?"),
                _l("Relationship to you"),
                choices=RELATIONSHIPS,
                required=_l("Select how they are related to you"),
            ),
            ChoiceAsk(
                "lives_with_you",
                _l("Does %(name)s live with you now?"),
                _l("Lives with you"),
                choices=LIVES_WITH,
                required=_l("Select if they live with you"),
            ),
            TextAsk(
                "ni_number",
                _l("What is %(name)s's National Insurance number?"),
                _l("National Insurance number"),
                hint=_l("For example, QQ 12 34 56 C. Leave this empty if they do not have one."),
                optional=True,
                pattern=NI_NUMBER,
                invalid=_l("Enter a National Insurance number in the right format, like QQ 12 34 56 C"),
                normalise=no_spaces_upper,
                width="govuk-input--width-10",
                when=is_adult_applicant,
            ),
        ),
        another=YesNoAsk(
            "add_another",
            _l("Do you need to add anyone else?"),
            _l("Add someone else"),
            required=_l("Select yes if you need to add anyone else"),
        ),
        add_link=_l("Add someone else"),
        remove_question=_l("Are you sure you want to remove %(name)s?"),
    ),
    after=(
        YesNoAsk(
            "pregnant",
            _l("Is anyone in your household pregnant?"),
            _l("Someone is pregnant"),
            required=_l("Select yes if anyone in your household is pregnant"),
            when=lambda context: bool(women(context)),
        ),
        ChoiceAsk(
            "pregnant_person",
            _l("Who is pregnant?"),
            _l("Who is pregnant"),
            choices=women,
            required=_l("Select who is pregnant"),
            when=someone_pregnant_to_choose,
        ),
        DateAsk(
            "due_date",
            _l("When is the baby due?"),
            _l("Due date"),
            hint=_l("For example, 14 6 2027"),
            years_before=0,
            days_after=305,
            messages=DUE_DATE_MESSAGES,
            when=is_pregnant,
        ),
    ),
)
