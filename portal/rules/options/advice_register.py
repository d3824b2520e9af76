"""Advice about joining the housing register: eligibility, qualification, bedroom need, likely band and wait.

The answers have not been checked by an officer, so every result here is
"probably" or "may": officer decisions (health, the condition of the home,
a homelessness duty) are assumed as the answers suggest, and the advice says so.
"""

from __future__ import annotations

from portal.rules.affordability import pounds
from portal.rules.options.advice_types import Figure, Option, Situation, say
from portal.rules.options.council import WaitEstimate
from portal.rules.options.to_case import IMMIGRATION_TO_CHECK
from portal.rules.qualification import EXEMPTION_SENTENCES, LOCAL_CONNECTION_EXEMPTIONS
from portal.rules.text import N_, Sentence

BEDROOMS_NEEDED = N_("Bedrooms you need")
LIKELY_BAND = N_("Likely band")
WAIT_MONTHS = N_("Estimated wait in months")

#: Reasons that count only once an officer agrees (or the homelessness team accepts a duty).
OFFICER_DECIDES = frozenset({"M-COND", "M-MED", "H-MED", "M-HARD", "M-HOML", "H-MAIN"})

REASON_WHY = {
    "H-LACK2": N_("Your home is short of %(lacking)s bedrooms for your household. This counts as a housing need."),
    "M-LACK1": N_("Your home is short of 1 bedroom for your household. This counts as a housing need."),
    "M-SHARE": N_("You share a kitchen, bathroom or toilet with another household. This counts as a housing need."),
    "M-COND": N_(
        "Your home may be in very poor condition. If an officer finds a serious hazard, this counts as a housing need."
    ),
    "M-MED": N_(
        "Your home makes a health problem or disability harder to live with. An officer decides how much this "
        "counts, using a health form you fill in."
    ),
    "H-MED": N_(
        "Your home is making someone very ill, or they cannot get around it. An officer decides how much this "
        "counts, using a health form you fill in."
    ),
    "M-HARD": N_("You need to move to the area for work. An officer decides if this counts as a housing need."),
    "M-HOML": N_(
        "If the homelessness team agrees to help you, this counts as a housing need for the housing register."
    ),
    "ADJ-CUMULATIVE": N_("You have more than one kind of housing need, so your band may go up one step."),
    "ADJ-ARMED-FORCES": N_("Because of service in the Armed Forces, your band may go up one step."),
}

NOT_ELIGIBLE_WHY = {
    "no_public_funds": N_(
        "You may not be able to join the housing register, because your permission to be in the UK says you "
        "cannot get help from public funds."
    ),
    "none": N_(
        "You may not be able to join the housing register, because you do not have permission to be in the UK "
        "at the moment."
    ),
}
NOT_ELIGIBLE_OTHER = N_("You may not be able to join the housing register, because of your immigration status.")
IMMIGRATION_ADVICE = say(
    N_("Get free, expert advice about your immigration status, for example from a law centre or Citizens Advice.")
)
APPLY_IF_CHANGES = say(N_("If your situation changes, you can apply again."))
CHILDRENS_SERVICES = say(N_("If you have children, children's services may be able to help you find a place to live."))
CHECK_IMMIGRATION = say(
    N_("We need to check your immigration status before we can say for sure if you can join the housing register."),
    rule="3",
)
PROOF_OF_STATUS = say(N_("When you apply, we will ask for proof of your immigration status, such as a share code."))
PROBABLY_JOIN = say(N_("Your answers show that you could probably join the housing register."), rule="4.1")
STILL_APPLY = say(
    N_("If you think this is wrong, you can still apply. An officer will look at everything you tell us.")
)
APPLY = say(N_("Apply to join the housing register. It is free to apply."))
PROOF = say(
    N_(
        "Have proof ready when you apply: ID for everyone moving with you, proof of where you live, and proof of "
        "your income and savings."
    )
)
HEALTH_FORM = say(N_("Fill in the health form when you apply. An officer decides how much your health need counts."))
CONDITION_STEP = say(N_("Tell us about the problems with your home when you apply. An officer may need to check them."))
OFFER_GUIDE = say(
    N_(
        "Band 1 is the highest priority and band 4 is the lowest. Homes go to the people with the highest band who "
        "have waited the longest."
    ),
    rule="8",
)


def _failure(code: str, s: Situation) -> tuple[Sentence, list[Sentence]]:
    """Why one qualification test may not be met, and what can be done."""
    scheme, answers = s.scheme, s.answers
    if code == "Q-AGE":
        params = {"min_age": scheme.min_age}
        return say(
            N_("You may not be able to join the housing register yet, because you need to be %(min_age)s or older."),
            params,
            "4.1 Q1",
        ), [
            say(
                N_(
                    "You can apply when you turn %(min_age)s. Until then, the homelessness team or children's "
                    "services can help you if you have nowhere safe to live."
                ),
                params,
            )
        ]
    if code == "Q-HOMEOWNER":
        return say(
            N_("You may not be able to join the housing register, because you or someone moving with you owns a home."),
            rule="4.1 Q2",
        ), [
            say(N_("If you cannot live in the home you own, or cannot sell it, tell us. An officer can look at this.")),
            say(N_("You could sell your home and buy or rent a home that suits you better.")),
        ]
    if code == "Q-INCOME":
        return say(
            N_(
                "You may not be able to join the housing register, because your household income is %(income)s a "
                "year. It needs to be less than %(cap)s."
            ),
            {"income": pounds(answers.income_yearly), "cap": pounds(scheme.income_cap)},
            "4.1 Q4",
        ), [OTHER_WAYS]
    if code == "Q-SAVINGS":
        return say(
            N_(
                "You may not be able to join the housing register, because you have savings of %(savings)s. "
                "Savings need to be less than %(cap)s."
            ),
            {"savings": pounds(answers.savings), "cap": pounds(scheme.savings_cap)},
            "4.1 Q5",
        ), [OTHER_WAYS]
    if code == "Q-LOCAL-CONNECTION":
        params = {
            "area": s.council.area_name,
            "months": scheme.residence_months,
            "work_months": scheme.employment_months,
        }
        steps = [
            LOCAL_EXEMPTIONS,
            say(N_("You can also apply to the council for an area where you have lived or worked.")),
        ]
        if answers.residence == "less":
            lived = {"area": s.council.area_name, "months": scheme.residence_months}
            steps.insert(
                0, say(N_("You may be able to join once you have lived in %(area)s for %(months)s months."), lived)
            )
        return say(
            N_(
                "You may not be able to join the housing register yet, because you do not have a local connection to "
                "%(area)s. You usually need to have lived here for %(months)s months, or worked here for "
                "%(work_months)s months."
            ),
            params,
            "4.1 Q6",
        ), steps
    if code == "Q-HOUSING-NEED":
        return say(
            N_(
                "You may not be able to join the housing register, because your answers do not show a housing need "
                "that the scheme gives priority for."
            ),
            rule="4.1 Q7",
        ), [
            say(
                N_(
                    "This does not mean you cannot get help. Look at the other options in this plan, such as "
                    "renting from a private landlord."
                )
            ),
            APPLY_IF_CHANGES,
        ]
    return say(N_("You may not be able to join the housing register at the moment."), rule="4.1"), [APPLY_IF_CHANGES]


OTHER_WAYS = say(N_("Buying a home, or a share of one, may suit you better. You can read about this in your plan."))
LOCAL_EXEMPTIONS = say(
    N_(
        "Some people do not need a local connection, for example people escaping abuse or people who served in the "
        "Armed Forces. Ask us if this might be you."
    )
)


def wait_sentence(s: Situation, band: int, wait: WaitEstimate) -> Sentence:
    params = {"area": s.council.area_name, "band": band, "min": wait.min_months, "max": wait.max_months}
    if wait.max_months is None:
        message = N_(
            "In %(area)s, people in band %(band)s usually wait more than %(min)s months for a home with the number of "
            "bedrooms you need. This is only a guide."
        )
    elif wait.min_months is None:
        message = N_(
            "In %(area)s, people in band %(band)s usually wait up to %(max)s months for a home with the number of "
            "bedrooms you need. This is only a guide."
        )
    else:
        message = N_(
            "In %(area)s, people in band %(band)s usually wait %(min)s to %(max)s months for a home with the number "
            "of bedrooms you need. This is only a guide."
        )
    return say(message, params)


def wait_value(wait: WaitEstimate) -> str:
    if wait.max_months is None:
        return f"{wait.min_months}+"
    return f"{wait.min_months or 0}–{wait.max_months}"


def likely_wait(s: Situation) -> WaitEstimate | None:
    band = s.likely.band
    return None if band is None else s.council.wait_for(band, s.bedroom_need)


def household_sentences(s: Situation) -> list[Sentence]:
    """The engine's own sentences about bedroom need and bedrooms lacking (spec 5 and 6.1)."""
    return [
        sentence
        for sentence in s.assessment.sentences
        if sentence.rule == "6.1" or sentence.rule == "5" or sentence.rule.startswith("5 ")
    ]


def register_option(s: Situation) -> Option:
    likely, answers = s.likely, s.answers
    figures = [Figure(BEDROOMS_NEEDED, str(s.bedroom_need))]
    if not likely.eligible:
        why = [say(NOT_ELIGIBLE_WHY.get(answers.immigration, NOT_ELIGIBLE_OTHER), rule="3")]
        steps = [IMMIGRATION_ADVICE, APPLY_IF_CHANGES]
        if answers.children or answers.pregnant:
            steps.append(CHILDRENS_SERVICES)
        return Option("register", "no", tuple(why), tuple(steps), tuple(figures))

    why: list[Sentence] = []
    steps: list[Sentence] = []
    fits = "yes"
    if answers.immigration in IMMIGRATION_TO_CHECK:
        fits = "maybe"
        why.append(CHECK_IMMIGRATION)
        steps.append(PROOF_OF_STATUS)
    if not likely.qualifies:
        for code in likely.qualification_failures:
            reason, more = _failure(code, s)
            why.append(reason)
            steps.extend(step for step in more if step not in steps)
        steps.append(STILL_APPLY)
        why.extend(household_sentences(s))
        return Option("register", "no", tuple(why), tuple(steps), tuple(figures))

    why.append(PROBABLY_JOIN)
    if answers.residence != "yes" and not answers.work_local:
        why.extend(EXEMPTION_SENTENCES[code] for code in likely.exemptions if code in LOCAL_CONNECTION_EXEMPTIONS)
    why.extend(household_sentences(s))
    need_codes = [code for code in likely.reasons if code in REASON_WHY and not code.startswith("ADJ-")]
    for code in likely.reasons:
        if code in REASON_WHY:
            params = {"lacking": likely.bedrooms_lacking} if code == "H-LACK2" else {}
            why.append(say(REASON_WHY[code], params, f"7.1 {code}" if not code.startswith("ADJ-") else "7.2"))
    if need_codes and all(code in OFFICER_DECIDES for code in need_codes):
        fits = "maybe"
    band = likely.band
    if band is not None:
        why.append(say(N_("Your band would probably be band %(band)s."), {"band": band}, "7.2"))
        why.append(OFFER_GUIDE)
        figures.append(Figure(LIKELY_BAND, str(band)))
        wait = likely_wait(s)
        if wait is not None:
            why.append(wait_sentence(s, band, wait))
            figures.append(Figure(WAIT_MONTHS, wait_value(wait)))
    steps[:0] = [APPLY, PROOF]
    if answers.health != "no":
        steps.append(HEALTH_FORM)
    if answers.home_condition:
        steps.append(CONDITION_STEP)
    return Option("register", fits, tuple(why), tuple(steps), tuple(figures))
