"""Advice about homes with support, the Armed Forces, homelessness and domestic abuse."""

from __future__ import annotations

from portal.rules.banding import armed_forces_preference
from portal.rules.options.advice_types import Option, Situation, say
from portal.rules.options.council import Helpline
from portal.rules.qualification import EXEMPTION_SENTENCES, exemptions
from portal.rules.text import N_, Sentence

SUPPORTED_HOMES = ("hostel", "refuge", "supported_housing", "prison", "hospital")
NO_HOME_TYPES = ("rough_sleeping", "sofa_surfing")


def first_line(s: Situation, purpose: str) -> Helpline | None:
    lines = s.council.helplines_for(purpose)
    return lines[0] if lines and lines[0].phone else None


def sheltered_option(s: Situation, register: Option) -> Option | None:
    council = s.council
    if s.answers.age < council.sheltered_min_age:
        return None
    why = [
        say(
            N_(
                "Sheltered housing is for people aged %(age)s or over. You have your own home, and a scheme manager "
                "or an alarm service can help if you need it."
            ),
            {"age": council.sheltered_min_age},
        )
    ]
    steps = [say(N_("Ask us which sheltered housing schemes are near you. You can visit before you decide."))]
    if register.fits == "no":
        fits = "maybe"
        why.append(
            say(
                N_(
                    "You may not be able to get sheltered housing through the housing register. You could still rent "
                    "or buy a retirement home from a housing association or a private seller."
                )
            )
        )
        if s.answers.owns_home:
            steps.append(say(N_("If you sell your home, the money could help you buy or rent a retirement home.")))
    else:
        fits = register.fits
        why.append(say(N_("You can get sheltered housing through the housing register.")))
    return Option("sheltered", fits, tuple(why), tuple(steps))


def extra_care_option(s: Situation) -> Option | None:
    if s.answers.age < s.council.extra_care_min_age or s.answers.health == "no":
        return None
    why = (
        say(
            N_(
                "Extra care housing is for older people who need some care. You have your own home, with care staff "
                "there day and night."
            )
        ),
        say(N_("Who can have it depends on a care needs assessment from adult social care.")),
    )
    steps = (
        say(N_("Ask adult social care for a care needs assessment. It is free.")),
        say(N_("Ask us about extra care housing near you.")),
    )
    return Option("extra_care", "maybe", why, steps)


def supported_housing_option(s: Situation) -> Option:
    answers = s.answers
    in_supported_place = answers.where_live in SUPPORTED_HOMES
    if not (answers.support_needs or answers.care_leaver or in_supported_place):
        why = (
            say(
                N_(
                    "You told us no one moving with you needs support to live on their own, so supported housing may "
                    "not be right for you."
                )
            ),
        )
        return Option("supported_housing", "no", why, (say(N_("If this changes, ask us about supported housing.")),))
    why = [
        say(
            N_(
                "Supported housing is a home with help to live on your own, for example with your mental health, "
                "money or leaving care."
            )
        )
    ]
    steps = [say(N_("Ask us, a support worker or a social worker to refer you to supported housing."))]
    if answers.care_leaver:
        steps.append(say(N_("Your leaving care personal adviser can help you find a home and set it up.")))
    if answers.where_live == "hospital":
        steps.append(
            say(
                N_(
                    "Ask the hospital team about a plan for when you leave. They must tell the council if you may "
                    "have nowhere to live."
                )
            )
        )
    if answers.where_live == "prison":
        steps.append(
            say(
                N_(
                    "Ask your prison or probation worker about housing before you leave. They must tell a council if "
                    "you may have nowhere to live."
                )
            )
        )
    fits = "yes" if answers.support_needs or answers.care_leaver else "maybe"
    return Option("supported_housing", fits, tuple(why), tuple(steps))


def armed_forces_option(s: Situation) -> Option | None:
    if s.answers.armed_forces == "no":
        return None
    why: list[Sentence] = []
    if "X-AF" in exemptions(s.case, s.scheme, s.likely.reasons):
        why.append(EXEMPTION_SENTENCES["X-AF"])
    if armed_forces_preference(s.case):
        why.append(
            say(
                N_("If your housing need puts you in band 2, your service in the Armed Forces moves you up to band 1."),
                rule="7.2 B5",
            )
        )
    if not why:
        why.append(say(N_("People who serve or have served in the Armed Forces can get help with housing.")))
    steps: list[Sentence] = []
    if s.answers.armed_forces == "serving":
        steps.append(
            say(
                N_(
                    "Talk to your unit welfare officer or the Joint Service Housing Advice Office about housing when you leave."
                )
            )
        )
    veterans = first_line(s, "veterans")
    if veterans is not None:
        steps.append(
            say(
                N_("%(name)s can help with housing, money and health. Call free on %(phone)s."),
                {"name": veterans.name, "phone": veterans.phone},
            )
        )
    steps.append(
        say(N_("Tell us about your service when you apply. We will ask for proof, such as your discharge papers."))
    )
    return Option("armed_forces", "yes", tuple(why), tuple(steps), (), s.link("armed_forces"))


def call_team(s: Situation) -> tuple[Sentence, Sentence]:
    council = s.council
    return (
        say(
            N_("Call the homelessness team at %(council)s today on %(phone)s."),
            {"council": council.name, "phone": council.homelessness_phone},
        ),
        say(N_("If their office is closed, call %(phone)s instead."), {"phone": council.out_of_hours_phone}),
    )


NOT_LEFT_YET = say(N_("You do not need to have left your home to get help. The sooner you ask, the more we can do."))


def homelessness_help_option(s: Situation) -> Option:
    answers = s.answers
    if not (s.urgent_kinds or answers.told_to_leave or answers.where_live in NO_HOME_TYPES):
        why = (
            say(
                N_(
                    "You told us you do not have to leave your home. If that changes, contact the homelessness team "
                    "as soon as you can."
                )
            ),
        )
        return Option("homelessness_help", "no", why, (), (), s.link("homelessness"))
    why = [
        say(
            N_("The council must help people who are homeless, or who may lose their home in the next %(days)s days."),
            {"days": s.scheme.homelessness_notice_days},
            "9",
        )
    ]
    leave = answers.leave_date
    if leave is not None and leave <= s.as_at:
        why.append(say(N_("You told us the date you had to leave your home has passed.")))
    elif leave is not None:
        why.append(say(N_("You told us you have to leave your home on %(date)s."), {"date": leave.isoformat()}))
    if answers.where_live not in NO_HOME_TYPES:
        why.append(NOT_LEFT_YET)
    steps = list(call_team(s))
    if answers.told_to_leave:
        steps.append(say(N_("Keep any letters, notices or messages about having to leave, and show them to the team.")))
    return Option("homelessness_help", "yes", tuple(why), tuple(steps), (), s.link("homelessness"))


def domestic_abuse_help_option(s: Situation) -> Option:
    abuse = s.answers.abuse
    line = first_line(s, "domestic_abuse")
    call = (
        ()
        if line is None
        else (
            say(
                N_("%(name)s gives free, private help and advice. Call %(phone)s."),
                {"name": line.name, "phone": line.phone},
            ),
        )
    )
    if abuse == "no":
        why = (
            say(
                N_(
                    "You told us no one is hurting you or making you afraid. If that changes, free and private help "
                    "is there for you at any time."
                )
            ),
        )
        return Option("domestic_abuse_help", "no", why, call)
    if abuse == "prefer_not_to_say":
        why = (
            say(
                N_(
                    "If anyone is hurting you, threatening you or making you feel afraid, free and private help is "
                    "there for you at any time."
                )
            ),
        )
        return Option("domestic_abuse_help", "maybe", why, call)
    why = (
        say(N_("No one should have to live with abuse. You can get free, private help to be safe.")),
        EXEMPTION_SENTENCES["X-DA"],
        say(N_("You do not need to have told the police to get help.")),
    )
    steps = (
        say(N_("If you are in danger now, call 999.")),
        *call,
        say(N_("The homelessness team can help you find somewhere safe to stay, such as a refuge.")),
    )
    return Option("domestic_abuse_help", "yes", why, steps)
