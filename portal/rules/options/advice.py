"""Housing options advice: a personal plan from the answers, the allocation scheme and the council's figures.

``advise`` runs the scheme's own assessment on an indicative case built from
the answers, then looks at every way to find a home: the housing register,
renting, buying, homes with support, and urgent help. Each option says whether
it fits ("yes", "maybe" or "no"), why, what to do next and the key figures.
Every figure comes from the scheme or the council file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from portal.rules.assess import Assessment, assess
from portal.rules.household import Case, Duty
from portal.rules.options.advice_buying import first_homes_option, shared_ownership_option
from portal.rules.options.advice_register import likely_wait, register_option
from portal.rules.options.advice_renting import (
    affordable_rent_option,
    mutual_exchange_option,
    private_renting_option,
    right_to_move_option,
    social_rent_option,
)
from portal.rules.options.advice_support import (
    NO_HOME_TYPES,
    armed_forces_option,
    call_team,
    domestic_abuse_help_option,
    extra_care_option,
    first_line,
    homelessness_help_option,
    sheltered_option,
    supported_housing_option,
)
from portal.rules.options.advice_types import (
    FITS,
    OPTION_KINDS,
    URGENT_KINDS,
    Advice,
    Figure,
    Option,
    Situation,
    say,
)
from portal.rules.options.answers import OptionsAnswers
from portal.rules.options.council import Council, Helpline
from portal.rules.options.to_case import case_from_answers
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

__all__ = ["FITS", "OPTION_KINDS", "URGENT_KINDS", "Advice", "Figure", "Option", "advise"]

#: Places where someone is already homeless, for the likely homelessness duty.
HOMELESS_NOW = ("rough_sleeping", "sofa_surfing", "hostel", "refuge", "temporary_accommodation")
HOMELESSNESS_REASONS = frozenset({"M-HOML", "H-MAIN"})
URGENT_HELP_OPTIONS = ("homelessness_help", "domestic_abuse_help")
#: The order of options that fit equally well: the register, then options shown only to those they suit.
DISPLAY_ORDER = (
    "register",
    "sheltered",
    "extra_care",
    "supported_housing",
    "armed_forces",
    "right_to_move",
    "mutual_exchange",
    "social_rent",
    "affordable_rent",
    "private_renting",
    "shared_ownership",
    "first_homes",
    "homelessness_help",
    "domestic_abuse_help",
)

IN_DANGER = say(
    N_(
        "If you or someone else is in danger now, call 999. If you cannot talk, call 999 from a mobile and press 55 "
        "when asked."
    )
)
NOWHERE_TONIGHT = say(
    N_("Tell them you have nowhere safe to stay tonight, so they can look at what help you can have today.")
)
LEAVE_DATE_PASSED = say(N_("The date you were told to leave your home has passed. Ask for help today."))
GET_ADVICE_FIRST = say(N_("Do not leave your home before you get advice. You may have the right to stay longer."))


def must_leave_soon(answers: OptionsAnswers, scheme: Scheme, as_at: dt.date) -> bool:
    """The leave date is within the scheme's notice period (scheme 9), or has passed."""
    leave = answers.leave_date
    return leave is not None and (leave - as_at).days <= scheme.homelessness_notice_days


def urgent_kinds(answers: OptionsAnswers, scheme: Scheme, as_at: dt.date) -> tuple[str, ...]:
    found = {
        "nowhere_tonight": not answers.safe_tonight,
        "abuse": answers.abuse == "yes",
        "must_leave_soon": must_leave_soon(answers, scheme, as_at),
        "rough_sleeping": answers.where_live == "rough_sleeping",
    }
    return tuple(kind for kind in URGENT_KINDS if found[kind])


def likely_duty(answers: OptionsAnswers, scheme: Scheme, as_at: dt.date) -> Duty | None:
    """The homelessness duty the council would probably owe: relief if homeless now, prevention if soon."""
    leave = answers.leave_date
    if (
        answers.where_live in HOMELESS_NOW
        or not answers.safe_tonight
        or answers.abuse == "yes"
        or (leave is not None and leave <= as_at)
    ):
        return "relief"
    if must_leave_soon(answers, scheme, as_at):
        return "prevention"
    return None


def urgent_sentences(s: Situation) -> tuple[Sentence, ...]:
    """What to do today, most important first; empty when nothing is urgent."""
    kinds = s.urgent_kinds
    if not kinds:
        return ()
    answers = s.answers
    sentences: list[Sentence] = []
    if "abuse" in kinds:
        sentences.append(IN_DANGER)
    sentences.extend(call_team(s))
    if "nowhere_tonight" in kinds or "rough_sleeping" in kinds:
        sentences.append(NOWHERE_TONIGHT)
    if "rough_sleeping" in kinds:
        streetlink = s.council.helplines_for("rough_sleeping")
        if streetlink:
            sentences.append(
                say(
                    N_("You can also contact %(name)s, so a local outreach team can find you and help."),
                    {"name": streetlink[0].name},
                )
            )
    if "abuse" in kinds:
        line = first_line(s, "domestic_abuse")
        if line is not None:
            sentences.append(
                say(
                    N_("%(name)s gives free, private help and advice. Call %(phone)s."),
                    {"name": line.name, "phone": line.phone},
                )
            )
    if "must_leave_soon" in kinds:
        leave = answers.leave_date
        assert leave is not None
        if leave <= s.as_at:
            sentences.append(LEAVE_DATE_PASSED)
        else:
            sentences.append(
                say(
                    N_(
                        "You have to leave your home on %(date)s. Ask for help now, so there is time to help you stay "
                        "or find somewhere new."
                    ),
                    {"date": leave.isoformat()},
                )
            )
    if answers.where_live not in NO_HOME_TYPES:
        sentences.append(
            say(N_("You do not need to have left your home to get help. The sooner you ask, the more we can do."))
        )
    if "must_leave_soon" in kinds and "abuse" not in kinds:
        sentences.append(GET_ADVICE_FIRST)
    return tuple(sentences)


def relevant_helplines(s: Situation) -> tuple[Helpline, ...]:
    """The council's helplines that fit the answers, most relevant first; general housing advice always."""
    answers = s.answers
    purposes: list[str] = []
    if answers.abuse == "yes":
        purposes += ["domestic_abuse", "mens_domestic_abuse", "lgbt_abuse"]
    if answers.where_live == "rough_sleeping":
        purposes.append("rough_sleeping")
    if answers.age < 18:
        purposes.append("young_people")
    if answers.health == "serious":
        purposes.append("mental_health")
    if answers.armed_forces != "no":
        purposes.append("veterans")
    if s.urgent_kinds or answers.told_to_leave:
        purposes.append("homelessness")
    purposes.append("housing_advice")
    if answers.abuse == "prefer_not_to_say":
        purposes.append("domestic_abuse")
    found: list[Helpline] = []
    for purpose in purposes:
        found.extend(line for line in s.council.helplines_for(purpose) if line not in found)
    return tuple(found)


def _sort_key(option: Option, urgent_order: tuple[str, ...]) -> tuple[int, int, int]:
    if option.kind in urgent_order and option.fits != "no":
        return (0, urgent_order.index(option.kind), 0)
    return (1, FITS.index(option.fits), DISPLAY_ORDER.index(option.kind))


def sort_options(options: list[Option], kinds: tuple[str, ...]) -> tuple[Option, ...]:
    """Urgent help first (when something is urgent), then the options that fit: "yes", "maybe", then "no"."""
    if not kinds:
        urgent_order: tuple[str, ...] = ()
    elif "abuse" in kinds:
        urgent_order = ("domestic_abuse_help", "homelessness_help")
    else:
        urgent_order = URGENT_HELP_OPTIONS
    return tuple(sorted(options, key=lambda option: _sort_key(option, urgent_order)))


def likely_assessment(case: Case, assessment: Assessment, duty: Duty | None, scheme: Scheme) -> Assessment:
    """The assessment once the likely homelessness duty is owed; the same assessment when there is none."""
    if duty is None or not assessment.eligible or HOMELESSNESS_REASONS & set(assessment.reasons):
        return assessment
    homelessness = replace(case.homelessness, duty=duty, duty_date=case.as_at)
    return assess(replace(case, homelessness=homelessness), scheme)


def advise(answers: OptionsAnswers, scheme: Scheme, council: Council, as_at: dt.date) -> Advice:
    """The personal housing options plan for these answers."""
    case = case_from_answers(answers, as_at, scheme)
    assessment = assess(case, scheme)
    duty = likely_duty(answers, scheme, as_at)
    s = Situation(
        answers=answers,
        scheme=scheme,
        council=council,
        as_at=as_at,
        case=case,
        assessment=assessment,
        likely=likely_assessment(case, assessment, duty, scheme),
        likely_duty=duty,
        urgent_kinds=urgent_kinds(answers, scheme, as_at),
    )
    register = register_option(s)
    candidates = [
        register,
        social_rent_option(s, register),
        affordable_rent_option(s, register),
        shared_ownership_option(s),
        first_homes_option(s),
        private_renting_option(s),
        mutual_exchange_option(s),
        right_to_move_option(s),
        sheltered_option(s, register),
        extra_care_option(s),
        supported_housing_option(s),
        armed_forces_option(s),
        homelessness_help_option(s),
        domestic_abuse_help_option(s),
    ]
    options = [option for option in candidates if option is not None]
    return Advice(
        as_at=as_at,
        urgent_kinds=s.urgent_kinds,
        urgent=urgent_sentences(s),
        helplines=relevant_helplines(s),
        assessment=assessment,
        bedroom_need=assessment.bedroom_need,
        likely_band=s.likely.band,
        wait=likely_wait(s),
        options=sort_options(options, s.urgent_kinds),
    )
