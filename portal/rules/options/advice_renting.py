"""Advice about renting: social rent, Affordable Rent, private renting, home swaps and the Right to Move.

Rents are the council's typical figures for the number of bedrooms the
household needs; the rent checks are the scheme's own (section 10.2) and are
advice only.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, localcontext

from portal.rules.affordability import (
    CONTEXT,
    AffordableRentCase,
    AffordResult,
    SocialRentCase,
    affordable_rent,
    monthly_from_weekly,
    percent,
    pounds,
    social_rent,
)
from portal.rules.options.advice_types import Figure, Option, Situation, say
from portal.rules.text import N_, Sentence

RENT_WEEK = N_("Typical rent each week")
RENT_MONTH = N_("Typical rent each month")
SHARE_OF_PAY = N_("Share of your take-home pay")
LHA_WEEK = N_("Local Housing Allowance each week")
DEPOSIT_WEEKS = N_("Deposit help, in weeks of rent")
#: National rules: a tenancy needs someone aged 18 or over; Universal Credit's shared accommodation rate is for
#: single people under 35, except care leavers under 25.
TENANCY_AGE = 18
SHARED_RATE_AGE = 35
CARE_LEAVER_EXEMPT_AGE = 25
NO_PUBLIC_FUNDS = ("no_public_funds", "none")

THROUGH_REGISTER = {
    "yes": N_("You can get one of these homes through the housing register."),
    "maybe": N_("You can get one of these homes through the housing register, if you can join it."),
    "no": N_("These homes are usually let through the housing register, so they may not be open to you at the moment."),
}
BID = say(N_("Once you are on the housing register, apply for the homes that are advertised and suit you."))
LOOK_AT_OTHERS = say(N_("Look at the other options in this plan, such as renting from a private landlord."))
MONEY_HELP = say(
    N_(
        "If the rent looks hard to afford, Universal Credit or Housing Benefit may help pay it. Citizens Advice can "
        "give you free help with money."
    )
)
NO_PAY_BENEFITS = say(
    N_(
        "You told us you have no take-home pay at the moment. Universal Credit or Housing Benefit may help pay the rent."
    )
)
NO_PAY = say(N_("You told us you have no take-home pay at the moment, so it may be hard to pay rent."))


def size_for(need: int, sizes: Mapping[int, Decimal]) -> int:
    """The bedroom need, kept within the sizes the council gives figures for."""
    keys = sorted(sizes)
    return max(keys[0], min(need, keys[-1]))


def public_funds(s: Situation) -> bool:
    return s.answers.immigration not in NO_PUBLIC_FUNDS


def _rented_by_register(kind: str, about: Sentence, s: Situation, register: Option, result: AffordResult) -> Option:
    """A home let through the register: it fits as the register does, and "maybe" if the rent looks high."""
    why = [about, say(THROUGH_REGISTER[register.fits])]
    assert result.monthly_rent is not None
    figures = [Figure(RENT_MONTH, pounds(result.monthly_rent))]
    steps = [BID] if register.fits != "no" else [LOOK_AT_OTHERS]
    fits = register.fits
    if s.answers.take_home_monthly <= 0:
        why.extend(sentence for sentence in result.sentences if "share" not in sentence.params)
        why.append(NO_PAY_BENEFITS if public_funds(s) else NO_PAY)
    else:
        why.extend(result.sentences)
        if result.ratio is not None:
            figures.append(Figure(SHARE_OF_PAY, percent(result.ratio)))
        if result.affordable is False:
            fits = "maybe" if fits == "yes" else fits
            if public_funds(s):
                steps.append(MONEY_HELP)
    return Option(kind, fits, tuple(why), tuple(steps), tuple(figures))


def social_rent_option(s: Situation, register: Option) -> Option:
    council = s.council
    weekly = council.social_rent_weekly[size_for(s.bedroom_need, council.social_rent_weekly)]
    result = social_rent(SocialRentCase(weekly_rent=weekly, net_monthly_income=s.answers.take_home_monthly), s.scheme)
    about = say(
        N_(
            "Social rent homes belong to the council or a housing association. The rent is usually the lowest of any "
            "kind of home."
        )
    )
    option = _rented_by_register("social_rent", about, s, register, result)
    figures = (Figure(RENT_WEEK, pounds(weekly)), *option.figures)
    return Option(option.kind, option.fits, option.why, option.next_steps, figures)


def lha_key(s: Situation) -> str:
    """The Local Housing Allowance rate that fits: the shared rate for a single person under 35 living alone."""
    answers = s.answers
    alone = not answers.partner and not answers.children and not answers.other_adults
    care_leaver = answers.care_leaver and answers.age < CARE_LEAVER_EXEMPT_AGE
    if alone and answers.age < SHARED_RATE_AGE and not care_leaver:
        return "shared"
    return str(max(1, min(s.bedroom_need, 4)))


def affordable_rent_option(s: Situation, register: Option) -> Option:
    council = s.council
    size = size_for(s.bedroom_need, council.market_rent_monthly)
    case = AffordableRentCase(
        market_rent_monthly=council.market_rent_monthly[size],
        net_monthly_income=s.answers.take_home_monthly,
        lha_weekly=council.lha_weekly[str(max(1, min(size, 4)))],
    )
    about = say(
        N_(
            "Affordable Rent homes belong to the council or a housing association. The rent is lower than a private "
            "rent, but higher than a social rent."
        )
    )
    return _rented_by_register("affordable_rent", about, s, register, affordable_rent(case, s.scheme))


def private_renting_option(s: Situation) -> Option:
    council, answers, scheme = s.council, s.answers, s.scheme
    key = lha_key(s)
    lha = council.lha_weekly[key]
    why = [
        say(
            N_("Renting from a private landlord can be quicker than waiting for a council or housing association home.")
        )
    ]
    steps = [
        say(N_("Look for homes on letting websites and with local letting agents.")),
        say(N_("Before you pay anything, check that the home is safe and the landlord is real. Shelter can help.")),
    ]
    figures = [Figure(LHA_WEEK, pounds(lha))]
    if answers.immigration == "none":
        why.append(
            say(
                N_(
                    "Landlords in England must check that the people they rent to have the right to rent. Without "
                    "permission to be in the UK, you may not be able to rent a home privately."
                )
            )
        )
        return Option("private_renting", "no", tuple(why), (say(N_("Get free, expert immigration advice first.")),))
    if answers.age < TENANCY_AGE:
        why.append(say(N_("People under 18 cannot usually rent a home in their own name.")))
        steps = [say(N_("Children's services or the homelessness team can help you find somewhere safe to live."))]
        return Option("private_renting", "no", tuple(why), tuple(steps))
    params = {"lha": pounds(lha), "area": council.lha_area}
    if key == "shared" and public_funds(s):
        why.append(
            say(
                N_(
                    "For a single person under 35, Universal Credit usually helps pay rent up to the rate for a room "
                    "in a shared house. In %(area)s this is %(lha)s a week."
                ),
                params,
            )
        )
    elif public_funds(s):
        why.append(
            say(
                N_(
                    "Universal Credit or Housing Benefit can help pay rent up to the Local Housing Allowance. For a "
                    "home with the number of bedrooms you need, in %(area)s this is %(lha)s a week."
                ),
                params,
            )
        )
    if key == "shared":
        monthly = monthly_from_weekly(lha)
    else:
        monthly = council.market_rent_monthly[size_for(s.bedroom_need, council.market_rent_monthly)]
        figures.append(Figure(RENT_MONTH, pounds(monthly)))
        why.append(
            say(N_("A typical private rent for this size of home is %(rent)s a month."), {"rent": pounds(monthly)})
        )
        if public_funds(s) and monthly > monthly_from_weekly(lha):
            why.append(
                say(
                    N_("That is more than the Local Housing Allowance, so you may need to pay the difference yourself.")
                )
            )
    fits = "maybe"
    income = answers.take_home_monthly
    if income > 0:
        with localcontext(CONTEXT):
            ratio = monthly / income
        limit = scheme.rent_ratio_max
        params = {"share": percent(ratio), "limit": percent(limit)}
        figures.append(Figure(SHARE_OF_PAY, percent(ratio)))
        if ratio <= limit:
            fits = "yes"
            why.append(
                say(N_("That is %(share)s of your take-home pay, within the guide of %(limit)s."), params, "10.2")
            )
        else:
            why.append(
                say(N_("That is %(share)s of your take-home pay, more than the guide of %(limit)s."), params, "10.2")
            )
    else:
        why.append(NO_PAY_BENEFITS if public_funds(s) else NO_PAY)
    if council.deposit_help and public_funds(s):
        why.append(
            say(
                N_("%(council)s may help with a deposit or rent in advance, up to %(weeks)s weeks' rent."),
                {"council": council.name, "weeks": council.deposit_help_weeks},
            )
        )
        figures.append(Figure(DEPOSIT_WEEKS, str(council.deposit_help_weeks)))
        steps.append(say(N_("Ask the homelessness team about help with a deposit or rent in advance.")))
    if public_funds(s):
        steps.append(say(N_("If you get Universal Credit, tell them about your new rent straight away.")))
    return Option("private_renting", fits, tuple(why), tuple(steps), tuple(figures))


def mutual_exchange_option(s: Situation) -> Option | None:
    """Home swaps, for council and housing association tenants only."""
    if not s.social_tenant:
        return None
    why = [
        say(
            N_(
                "As a council or housing association tenant, you may be able to swap homes with another tenant. This "
                "is called a mutual exchange."
            )
        )
    ]
    if s.assessment.bedrooms_lacking:
        why.append(say(N_("A swap could get you a home with the number of bedrooms you need.")))
    steps = (
        say(N_("Sign up to a home swap website and look for a swap that suits you.")),
        say(
            N_("Ask your landlord before you swap. They must agree in writing, and you should not move until they do.")
        ),
    )
    return Option("mutual_exchange", "yes", tuple(why), steps, (), s.link("mutual_exchange"))


def right_to_move_option(s: Situation) -> Option | None:
    """The Right to Move, for social tenants who need to move to the area for work."""
    if not (s.social_tenant and s.answers.move_for_work):
        return None
    why = (
        say(
            N_(
                "You rent from a council or housing association and need to move to %(area)s for work. Under the "
                "Right to Move rules, you do not need a local connection here."
            ),
            {"area": s.council.area_name},
            "4.3 X-RTM",
        ),
        say(N_("An officer decides if you need to move to avoid hardship, for example a very long journey to work.")),
    )
    steps = (
        say(
            N_(
                "Tell us about the job when you apply. We will ask for proof, such as a job offer or a letter from your employer."
            )
        ),
    )
    return Option("right_to_move", "maybe", why, steps, (), s.link("right_to_move"))
