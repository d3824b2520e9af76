"""Bedroom need, bedrooms lacking, surplus and statutory overcrowding (allocation scheme, sections 5 and 6).

Bedroom need is worked out twice, with the same people and extra rooms: with the
scheme's model (SC, sharing limit 16) and with the bedroom standard (BS, limit 21).
Ages are taken on ``as_at``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from portal.rules.dates import age_on
from portal.rules.household import Case, Person, Room
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

SHARING_LIMIT = {"SC": 16, "BS": 21}
SLEEPING_ROOM_KINDS = ("bedroom", "living_room")

# Space standard (Housing Act 1985 s.326), counted in half persons so the sums stay whole numbers.
_TABLE_I_HALVES = (0, 4, 6, 10, 15)  # permitted for 0 to 4 rooms of at least 50 sq ft; 5 or more: 2 per room
_AREA_50, _AREA_70, _AREA_90, _AREA_110 = Decimal(50), Decimal(70), Decimal(90), Decimal(110)


UNBORN_CHILD = Sentence(N_("The baby you are expecting is counted as a child under 10."), "5 step 7")
CARER_ROOM = Sentence(N_("This includes a bedroom for a carer who stays overnight."), "5 step 8")
FOSTER_ROOM = Sentence(N_("This includes a bedroom because you are approved to foster or adopt."), "5 step 8")
COUPLE_ROOM = Sentence(
    N_("This includes an extra bedroom for a couple who cannot share a room because of disability."), "5 step 8"
)
DISABLED_CHILD_ROOM = Sentence(
    N_("This includes a bedroom of their own for each child who cannot share because of disability."), "5 step 8"
)
HOME_NOT_ASSESSED = Sentence(
    N_("We do not look at bedrooms or overcrowding for the kind of place where you are staying now."), "1.14"
)
NOT_OVERCROWDED = Sentence(N_("Your home is not overcrowded under the law."), "6.3")


class Member(NamedTuple):
    """A person counted in bedroom need (spec 5, step 1) with their age on ``as_at``."""

    person: Person
    age: int


class Household(NamedTuple):
    """The counted people split into couples (both partners counted) and everyone else."""

    couples: tuple[tuple[Member, Member], ...]
    singles: tuple[Member, ...]

    @property
    def members(self) -> tuple[Member, ...]:
        return tuple(member for couple in self.couples for member in couple) + self.singles


class HomeAssessment(NamedTuple):
    bedroom_need: int  # with the scheme's bedroom model
    bedroom_need_bedroom_standard: int
    assessed: bool  # False for the home types in spec 1.14
    bedrooms_lacking: int | None
    surplus: int | None  # spec 6.2, always against the SC need
    statutory_overcrowding: bool | None
    sentences: tuple[Sentence, ...]


def counted_household(case: Case) -> Household:
    """Spec 5 steps 1 and 2: everyone whose main home is with the applicant, in couples and singles."""
    on = case.as_at
    members = {p.id: Member(p, age_on(p.date_of_birth, on)) for p in case.people if p.main_home_with_applicant}
    couples: list[tuple[Member, Member]] = []
    coupled: set[str] = set()
    for member in members.values():
        partner_id = member.person.partner_of
        if partner_id is None or partner_id in coupled or member.person.id in coupled:
            continue
        partner = members.get(partner_id)
        if partner is not None and partner is not member:
            couples.append((member, partner))
            coupled.update((member.person.id, partner_id))
    singles = tuple(m for m in members.values() if m.person.id not in coupled)
    return Household(tuple(couples), singles)


def _children_rooms(older_boys: int, older_girls: int, young_boys: int, young_girls: int, unborn: int) -> int:
    """Spec 5 steps 5 to 7: the fewest rooms for the children under the sharing limit."""
    rooms_older = (older_boys + 1) // 2 + (older_girls + 1) // 2
    young = max(young_boys - older_boys % 2, 0) + max(young_girls - older_girls % 2, 0) + unborn
    return rooms_older + (young + 1) // 2


def bedroom_needs(household: Household, case: Case, scheme: Scheme) -> tuple[int, int]:
    """Spec 5 steps 3 to 9 before the cap, in one pass for both sharing limits: (SC need, BS need).

    Only people aged from the SC limit (16) to under the BS limit (21) are counted
    differently: single adults under SC, children who may share under BS.
    """
    sc_limit, bs_limit = SHARING_LIMIT["SC"], SHARING_LIMIT["BS"]
    own_room_children = scheme.extra_room_disabled_child
    adults = own_rooms = older_boys = older_girls = young_boys = young_girls = 0
    sc_adults = bs_own_rooms = bs_older_boys = bs_older_girls = 0  # the people aged 16 to 20
    for person, age in household.singles:
        if age >= bs_limit:
            adults += 1
        elif own_room_children and person.needs_own_room:
            if age >= sc_limit:
                sc_adults += 1
                bs_own_rooms += 1
            else:
                own_rooms += 1
        elif age >= sc_limit:
            sc_adults += 1
            if person.sex == "male":
                bs_older_boys += 1
            else:
                bs_older_girls += 1
        elif age >= 10:
            if person.sex == "male":
                older_boys += 1
            else:
                older_girls += 1
        elif person.sex == "male":
            young_boys += 1
        else:
            young_girls += 1
    shared = len(household.couples) + adults + own_rooms
    if scheme.extra_room_couple_cannot_share:
        shared += sum(1 for a, b in household.couples if a.person.needs_own_room or b.person.needs_own_room)
    if scheme.extra_room_overnight_carer and case.overnight_carer:
        shared += 1
    if scheme.extra_room_foster_adopt and case.foster_or_adopter_approved:
        shared += 1
    unborn = unborn_child(case, scheme)
    sc = shared + sc_adults + _children_rooms(older_boys, older_girls, young_boys, young_girls, unborn)
    bs = (
        shared
        + bs_own_rooms
        + _children_rooms(older_boys + bs_older_boys, older_girls + bs_older_girls, young_boys, young_girls, unborn)
    )
    return sc, bs


def unborn_child(case: Case, scheme: Scheme) -> int:
    """Spec 5 step 7: 1 for a confirmed pregnancy of at least ``count_unborn_from_week`` weeks, if set."""
    weeks = scheme.count_unborn_from_week
    return int(weeks is not None and case.pregnancy_weeks is not None and case.pregnancy_weeks >= weeks)


def room_standard_rooms_needed(household: Household) -> int:
    """Spec 6.3 room standard (s.325): rooms needed so no two people of 10 or over of opposite sexes share."""
    needed = 0
    others = list(household.singles)
    for a, b in household.couples:
        if a.person.sex != b.person.sex:
            needed += 1
        else:
            others.extend((a, b))
    older_sexes = {m.person.sex for m in others if m.age >= 10}
    return needed + len(older_sexes)


def space_standard_halves(members: tuple[Member, ...], rooms: tuple[Room, ...]) -> tuple[int, int]:
    """Spec 6.3 space standard (s.326): (persons, permitted number), both in half persons."""
    persons = sum(0 if m.age < 1 else 1 if m.age < 10 else 2 for m in members)
    big_rooms = 0
    table_two = 0
    for room in rooms:
        area = room.area_sqft
        if area >= _AREA_50:
            big_rooms += 1
            table_two += 4 if area >= _AREA_110 else 3 if area >= _AREA_90 else 2 if area >= _AREA_70 else 1
    table_one = _TABLE_I_HALVES[big_rooms] if big_rooms < 5 else 4 * big_rooms
    return persons, min(table_one, table_two)


def _overcrowding(household: Household, all_rooms: tuple[Room, ...], sentences: list[Sentence]) -> bool:
    rooms = tuple(room for room in all_rooms if room.kind in SLEEPING_ROOM_KINDS)
    needed = room_standard_rooms_needed(household)
    room_breach = needed > len(rooms)
    persons, permitted = space_standard_halves(household.members, rooms)
    space_breach = persons > permitted
    if room_breach:
        sentences.append(
            Sentence(
                N_(
                    "Your home breaks the legal room standard: people aged 10 or over who are not a couple should "
                    "not have to share a room with someone of the other sex. That needs %(needed)s rooms for "
                    "sleeping, and the number your home has is %(rooms)s."
                ),
                "6.3",
                {"needed": needed, "rooms": len(rooms)},
            )
        )
    if space_breach:
        sentences.append(
            Sentence(
                N_(
                    "Your home breaks the legal space standard: your household counts as %(persons)s people, and "
                    "the size of the rooms allows %(permitted)s."
                ),
                "6.3",
                {"persons": _halves(persons), "permitted": _halves(permitted)},
            )
        )
    if not (room_breach or space_breach):
        sentences.append(NOT_OVERCROWDED)
    return room_breach or space_breach


def _halves(count: int) -> str:
    return str(count // 2) if count % 2 == 0 else f"{count // 2}.5"


def _need_sentences(
    case: Case, scheme: Scheme, household: Household, need: int, standard: int, capped: bool
) -> list[Sentence]:
    sentences = [Sentence(N_("The number of bedrooms your household needs is %(need)s."), "5", {"need": need})]
    if standard != need:
        sentences.append(
            Sentence(N_("Under the bedroom standard, the number would be %(need)s."), "5", {"need": standard})
        )
    if unborn_child(case, scheme):
        sentences.append(UNBORN_CHILD)
    if scheme.extra_room_overnight_carer and case.overnight_carer:
        sentences.append(CARER_ROOM)
    if scheme.extra_room_foster_adopt and case.foster_or_adopter_approved:
        sentences.append(FOSTER_ROOM)
    if scheme.extra_room_couple_cannot_share and any(
        a.person.needs_own_room or b.person.needs_own_room for a, b in household.couples
    ):
        sentences.append(COUPLE_ROOM)
    if scheme.extra_room_disabled_child and any(
        m.person.needs_own_room and m.age < SHARING_LIMIT[scheme.bedroom_model] for m in household.singles
    ):
        sentences.append(DISABLED_CHILD_ROOM)
    if capped:
        sentences.append(
            Sentence(
                N_("The scheme counts no more than %(most)s bedrooms for any household."),
                "5 step 9",
                {"most": scheme.max_bedroom_need},
            )
        )
    return sentences


def assess_home(case: Case, scheme: Scheme) -> HomeAssessment:
    """Spec 5 and 6: both bedroom-need figures, and the current home when its type is assessed."""
    household = counted_household(case)
    need_sc, need_bs = bedroom_needs(household, case, scheme)
    need = need_bs if scheme.bedroom_model == "BS" else need_sc
    cap = scheme.max_bedroom_need
    capped = False
    if cap is not None and max(need_sc, need_bs) > cap:
        capped = True
        need_sc, need_bs, need = min(need_sc, cap), min(need_bs, cap), min(need, cap)
    sentences = _need_sentences(case, scheme, household, need, need_bs, capped)
    home = case.current_home
    if home.type in scheme.overcrowding_not_assessed_types or home.bedrooms_available is None:
        sentences.append(HOME_NOT_ASSESSED)
        return HomeAssessment(need, need_bs, False, None, None, None, tuple(sentences))
    available = home.bedrooms_available
    lacking = max(0, need - available)
    if lacking:
        sentences.append(
            Sentence(
                N_("The number of bedrooms you have is %(available)s, so the number you are short of is %(lacking)s."),
                "6.1",
                {"available": available, "lacking": lacking},
            )
        )
    else:
        sentences.append(
            Sentence(
                N_("The number of bedrooms you have is %(available)s, which is enough for your household."),
                "6.1",
                {"available": available},
            )
        )
    overcrowded = None if home.rooms is None else _overcrowding(household, home.rooms, sentences)
    return HomeAssessment(need, need_bs, True, lacking, max(0, available - need_sc), overcrowded, tuple(sentences))
