"""About you: the applicant's name, date of birth, sex, National Insurance number and how to contact them."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

from portal.apply.asks import ChoiceAsk, Context, DateAsk, TextAsk, YesNoAsk
from portal.apply.sections import Section

SEXES = (("female", _l("Female")), ("male", _l("Male")))
NI_NUMBER = re.compile(r"[A-Z]{2}\d{6}[A-D]")
PHONE = re.compile(r"\+?[\d ()-]{7,20}")

BIRTH_DATE_MESSAGES = {
    "required": _l("Enter your date of birth"),
    "no_day": _l("Your date of birth must include a day"),
    "no_month": _l("Your date of birth must include a month"),
    "no_year": _l("Your date of birth must include a year"),
    "not_real": _l("Your date of birth must be a real date"),
    "too_early": _l("Check the year of your date of birth"),
    "too_late": _l("Your date of birth must be in the past"),
}


def no_spaces_upper(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def wants_interpreter(context: Context) -> bool:
    return context.known.get("interpreter") == "yes"


SECTION = Section(
    key="about_you",
    title=_l("About you"),
    target="applicant",
    before=(
        TextAsk(
            "full_name",
            _l("What is your full name?"),
            _l("Full name"),
            required=_l("Enter your full name"),
            autocomplete="name",
        ),
        DateAsk(
            "date_of_birth",
            _l("What is your date of birth?"),
            _l("Date of birth"),
            hint=_l("For example, 27 3 1990"),
            messages=BIRTH_DATE_MESSAGES,
        ),
        ChoiceAsk(
            "sex",
            _l("What is your sex?"),
            _l("Sex"),
            hint=_l("We use this only to work out how many bedrooms your household needs."),
            choices=SEXES,
            required=_l("Select female or male"),
        ),
        TextAsk(
            "ni_number",
            _l("What is your National Insurance number?"),
            _l("National Insurance number"),
            hint=_l(
                "It is on your National Insurance card, payslip or letters about benefits. For example, QQ 12 34 56 C. Leave this empty if you do not have one."
            ),
            optional=True,
            pattern=NI_NUMBER,
            invalid=_l("Enter a National Insurance number in the right format, like QQ 12 34 56 C"),
            normalise=no_spaces_upper,
            width="govuk-input--width-10",
        ),
        TextAsk(
            "phone",
            _l("What is your phone number?"),
            _l("Phone number"),
            hint=_l(
                "We will only call you about your application. Leave this empty if you would rather we did not call."
            ),
            optional=True,
            pattern=PHONE,
            invalid=_l("Enter a phone number, like 01632 960 001 or 07700 900 982"),
            width="govuk-input--width-20",
            autocomplete="tel",
        ),
        YesNoAsk(
            "interpreter",
            _l("Do you need an interpreter to talk to us?"),
            _l("Needs an interpreter"),
            required=_l("Select yes if you need an interpreter"),
        ),
        TextAsk(
            "interpreter_language",
            _l("Which language do you want to use?"),
            _l("Interpreter language"),
            required=_l("Enter the language you want to use"),
            when=wants_interpreter,
            max_length=60,
            width="govuk-input--width-20",
        ),
    ),
)
