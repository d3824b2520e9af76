"""Reason codes and bands (allocation scheme, section 7).

``collect_reasons`` is steps B1 and B2; qualification test Q7 needs its result.
``assign_band`` is steps B3 to B6, run only for a household that qualifies.
"""

from __future__ import annotations

from typing import NamedTuple

from portal.rules.affordability import pounds
from portal.rules.bedrooms import HomeAssessment
from portal.rules.household import Case
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

#: Every band 1 to 3 reason code: (band, group), in the order of the table in spec 7.1.
REASON_CODES: dict[str, tuple[int, str]] = {
    "U-MED": (1, "M"),
    "U-STAT": (1, "C"),
    "U-HAZ": (1, "C"),
    "U-RISK": (1, "M"),
    "U-UNDER2": (1, "LOC"),
    "U-DECANT": (1, "LOC"),
    "H-MAIN": (2, "H"),
    "H-LACK2": (2, "C"),
    "H-MED": (2, "M"),
    "H-MOVEON": (2, "M"),
    "H-UNDER1": (2, "LOC"),
    "M-HOML": (3, "H"),
    "M-LACK1": (3, "C"),
    "M-SHARE": (3, "C"),
    "M-COND": (3, "C"),
    "M-MED": (3, "M"),
    "M-HARD": (3, "E"),
}
REASONABLE_PREFERENCE_GROUPS = frozenset({"H", "C", "M", "E"})
RESTRICTED_PERSON_DISREGARD = ("H-MAIN", "M-HOML")
SOCIAL_TENANT_TYPES = ("council_tenant", "housing_association_tenant")
L_REDUCED, L_NORP = "L-REDUCED", "L-NORP"
ADJ_CUMULATIVE, ADJ_ARMED_FORCES = "ADJ-CUMULATIVE", "ADJ-ARMED-FORCES"

REASON_MESSAGES = {
    "U-MED": N_("An officer has found an urgent medical or welfare need to move."),
    "U-STAT": N_("Your home is overcrowded under the law, so you have an urgent need to move."),
    "U-HAZ": N_(
        "Your home has a serious hazard that cannot be put right, or an order says people must not live in it."
    ),
    "U-RISK": N_("An officer has found an urgent risk of serious harm if you stay where you are."),
    "U-UNDER2": N_(
        "You rent from the council or a housing association, you have at least 2 more bedrooms than you need, and you want to move to a smaller home."
    ),
    "U-DECANT": N_("You need to move because your home is being rebuilt or needs major works."),
    "H-MAIN": N_("The council owes you the main housing duty, or treats you as owed it."),
    "H-LACK2": N_("You are short of 2 or more bedrooms."),
    "H-MED": N_("An officer has found a high medical or welfare need to move."),
    "H-MOVEON": N_("An officer has found that you are ready to move on to a home of your own."),
    "H-UNDER1": N_(
        "You rent from the council or a housing association, you have 1 more bedroom than you need, and you want to move to a smaller home."
    ),
    "M-HOML": N_(
        "The council owes you the prevention duty, the relief duty or the duty to help after intentional homelessness."
    ),
    "M-LACK1": N_("You are short of 1 bedroom."),
    "M-SHARE": N_("You share a kitchen, bathroom or toilet with another household."),
    "M-COND": N_("Your home has a serious hazard, or it lacks basic things such as a kitchen, bath or toilet."),
    "M-MED": N_("An officer has found a medium medical or welfare need to move."),
    "M-HARD": N_(
        "An officer has found that you need to move to a particular area to avoid hardship, for care or for work."
    ),
}
REASON_SENTENCES = {code: Sentence(message, f"7.1 {code}") for code, message in REASON_MESSAGES.items()}
RESTRICTED_PERSON_DUTY_DISREGARDED = Sentence(
    N_(
        "The homelessness duty does not count for your band, because it is owed only because of a restricted "
        "person in the household. The law says it cannot count."
    ),
    "7.2 B2",
)
NO_PRIORITY_NEED = Sentence(
    N_("You do not have a housing need that the scheme gives priority for, so your band is band 4."), "7.2 B3"
)
DELIBERATE_WORSENING = Sentence(
    N_("An officer has found that the housing situation was made worse on purpose in the last 5 years."), "7.2 B6"
)
REDUCED_PREFERENCE = Sentence(
    N_(
        "So your band is band 4 for now, and no step up applies. We will look at this again when things are put "
        "right, usually after 12 months or when the debt is paid."
    ),
    "7.2 B6",
)


class Reasons(NamedTuple):
    codes: tuple[str, ...]  # after steps B1 and B2, sorted
    sentences: tuple[Sentence, ...]


class Banding(NamedTuple):
    band: int
    added: tuple[str, ...]  # the codes steps B3 to B6 add
    sentences: tuple[Sentence, ...]


def collect_reasons(case: Case, scheme: Scheme, home: HomeAssessment) -> Reasons:
    """Steps B1 (every band 1 to 3 reason that applies) and B2 (the restricted-person disregard)."""
    found: list[str] = []
    officer = case.officer_assessments
    medical = officer.medical_welfare
    duty = case.homelessness.duty
    current = case.current_home
    if medical == "urgent":
        found.append("U-MED")
    if officer.urgent_risk_of_harm:
        found.append("U-RISK")
    if case.decant:
        found.append("U-DECANT")
    if duty == "main" or duty == "non_cooperation":
        found.append("H-MAIN")
    elif duty is not None:
        found.append("M-HOML")
    if medical == "high":
        found.append("H-MED")
    elif medical == "medium":
        found.append("M-MED")
    if officer.move_on_ready:
        found.append("H-MOVEON")
    if officer.hardship_locality:
        found.append("M-HARD")
    if home.assessed:  # group C and the surplus only where the current home is assessed (spec 1.14)
        overcrowded = home.statutory_overcrowding is True
        hazard = current.prohibition_order or (current.category1_hazard and current.hazard_cannot_be_remedied)
        if overcrowded:
            found.append("U-STAT")
        elif home.bedrooms_lacking is not None and home.bedrooms_lacking >= 2:
            found.append("H-LACK2")
        elif home.bedrooms_lacking == 1:
            found.append("M-LACK1")
        if hazard:
            found.append("U-HAZ")
        elif current.category1_hazard or current.lacks_basic_amenities:
            found.append("M-COND")
        if current.shares_kitchen_or_bathroom_with_other_household and current.type != "living_with_family":
            found.append("M-SHARE")
        if case.downsizing is not None and current.type in SOCIAL_TENANT_TYPES and home.surplus:
            found.append("U-UNDER2" if home.surplus >= 2 else "H-UNDER1")
    sentences = [REASON_SENTENCES[code] for code in found]
    if case.homelessness.only_because_of_restricted_person:
        removed = [code for code in found if code in RESTRICTED_PERSON_DISREGARD]
        if removed:
            found = [code for code in found if code not in RESTRICTED_PERSON_DISREGARD]
            sentences.append(RESTRICTED_PERSON_DUTY_DISREGARDED)
    return Reasons(tuple(sorted(found)), tuple(sentences))


def armed_forces_preference(case: Case) -> bool:
    """Step B5: the Armed Forces groups who get additional preference (statutory)."""
    forces = case.armed_forces
    status = forces.status
    if status == "former_regular" or status == "bereaved_partner":
        return True
    if status in ("serving_regular", "serving_reservist", "former_reservist"):
        return forces.service_attributable_injury
    return False


def _reduced_preference(case: Case, scheme: Scheme) -> list[Sentence]:
    """Step B6 triggers, one sentence for each that holds."""
    found: list[Sentence] = []
    arrears = case.finances.rent_arrears
    if (
        arrears is not None
        and arrears.amount > 0
        and arrears.amount >= scheme.reduced_preference_arrears
        and not arrears.arrangement_kept
    ):
        found.append(
            Sentence(
                N_(
                    "There is housing debt of %(amount)s with no repayment plan being kept, and the scheme's "
                    "limit is %(limit)s."
                ),
                "7.2 B6",
                {"amount": pounds(arrears.amount), "limit": pounds(scheme.reduced_preference_arrears)},
            )
        )
    if scheme.reduced_preference_deliberate_worsening and case.behaviour.deliberate_worsening_within_5_years:
        found.append(DELIBERATE_WORSENING)
    refused = case.behaviour.reasonable_offers_refused_last_12_months
    if refused >= scheme.reduced_preference_offers_refused:
        found.append(
            Sentence(
                N_(
                    "The number of suitable offers turned down in the last 12 months is %(refused)s, and the "
                    "scheme's limit is %(limit)s."
                ),
                "7.2 B6",
                {"refused": refused, "limit": scheme.reduced_preference_offers_refused},
            )
        )
    return found


def assign_band(case: Case, scheme: Scheme, reasons: tuple[str, ...]) -> Banding:
    """Steps B3 to B6 for a household that qualifies."""
    if not reasons:  # only reached when housing_need_required is off (otherwise Q7 fails)
        return Banding(4, (L_NORP,), (NO_PRIORITY_NEED,))
    reduced = _reduced_preference(case, scheme)
    if reduced:
        reduced.append(REDUCED_PREFERENCE)
        return Banding(4, (L_REDUCED,), tuple(reduced))
    bands = [REASON_CODES[code] for code in reasons]
    base = min(band for band, _ in bands)
    band = base
    added: list[str] = []
    sentences: list[Sentence] = []
    if scheme.cumulative_uplift and base in (2, 3):
        groups = {
            group for reason_band, group in bands if reason_band == base and group in REASONABLE_PREFERENCE_GROUPS
        }
        if len(groups) >= 2:
            band = base - 1
            added.append(ADJ_CUMULATIVE)
            sentences.append(
                Sentence(
                    N_(
                        "You have needs of different kinds at band %(base)s, so your band goes up one step "
                        "to band %(band)s."
                    ),
                    "7.2 B4",
                    {"base": base, "band": band},
                )
            )
    if band in (1, 2) and armed_forces_preference(case):
        raised = max(1, band - 1)
        if raised != band:
            added.append(ADJ_ARMED_FORCES)
            sentences.append(
                Sentence(
                    N_(
                        "Because of service in the Armed Forces, your band goes up from band %(before)s to band %(band)s."
                    ),
                    "7.2 B5",
                    {"before": band, "band": raised},
                )
            )
            band = raised
    sentences.append(Sentence(N_("Your band is band %(band)s."), "7.2 B7", {"band": band}))
    return Banding(band, tuple(added), tuple(sentences))
