"""Properties of the assess rules that must hold for any household (spec 5, 7, 8; contracts 2.11).

1. Bedroom need equals a brute-force minimum pairing, under both models (SC limit 16, BS limit 21).
2. The band never improves when a reason trigger is removed, nor when a reduced preference
   trigger is added.
(Output order and repeatability are in ``test_properties_contract.py``.)

Cases are built as contract input objects and read through ``read_case``, the way the
``housing-register assess`` command reads them.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.rules.assess import Assessment

from .assess_support import base_case, run

SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AS_AT_DATES = [
    dt.date(2025, 6, 1),
    dt.date(2024, 2, 29),
    dt.date(2025, 3, 1),
    dt.date(2025, 2, 28),
    dt.date(2024, 12, 31),
]
SEX = st.sampled_from(["male", "female"])
SHARING_LIMIT = {"SC": 16, "BS": 21}
NO_BAND = 5  # sorts after band 4: no band is the worst outcome


def sometimes(chance_in: int = 4) -> st.SearchStrategy[bool]:
    """True about once in ``chance_in`` draws."""
    return st.integers(0, chance_in - 1).map(lambda n: n == 0)


def spec_age(born: dt.date, on: dt.date) -> int:
    """Spec 1.5, written out again here so the tests do not lean on the engine's date code."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def anniversary(on: dt.date, years: int) -> dt.date:
    """``on`` moved back ``years`` years (28 February for a 29 February that does not exist)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return on.replace(year=on.year - years, day=28)


@st.composite
def birth_dates(draw: st.DrawFn, on: dt.date, youngest: int, oldest: int) -> dt.date:
    """A date of birth giving an age from about ``youngest`` to ``oldest`` on ``on``, often on a birthday edge."""
    years = draw(st.integers(youngest, oldest))
    born = anniversary(on, years)
    kind = draw(st.sampled_from(["any", "birthday", "day_before_birthday", "leap_day"]))
    if kind == "any":
        born -= dt.timedelta(days=draw(st.integers(0, 364)))
    elif kind == "day_before_birthday":  # turns ``years`` tomorrow
        born += dt.timedelta(days=1)
    elif kind == "leap_day":
        leap = born.year - born.year % 4
        if leap % 100 == 0 and leap % 400 != 0:
            leap -= 4
        born = dt.date(leap, 2, 29)
    return min(born, on)


def iso(day: dt.date) -> str:
    return day.isoformat()


# --- households -------------------------------------------------------------------------------------


@st.composite
def households(draw: st.DrawFn, on: dt.date, *, applicant_age: tuple[int, int] = (16, 70)) -> list[dict[str, Any]]:
    """The applicant plus 0 to 7 others: partners, single adults and children aged 0 to 25.

    Some people need their own room, some do not live with the applicant, and random
    pairs of people (anyone, any sexes) are couples, linked one way or both ways.
    """
    people: list[dict[str, Any]] = [
        {
            "id": "p0",
            "role": "applicant",
            "date_of_birth": iso(draw(birth_dates(on, *applicant_age))),
            "sex": draw(SEX),
        }
    ]
    for n in range(1, draw(st.integers(0, 7)) + 1):
        kind = draw(st.sampled_from(["child", "child", "child", "adult"]))
        if kind == "child":
            role, born = "child", draw(birth_dates(on, 0, 25))
        else:
            role = draw(st.sampled_from(["partner", "joint_applicant", "other"]))
            born = draw(birth_dates(on, max(16, applicant_age[0]), 80))
        person: dict[str, Any] = {"id": f"p{n}", "role": role, "date_of_birth": iso(born), "sex": draw(SEX)}
        if draw(sometimes(4)):
            person["needs_own_room"] = True
        if draw(sometimes(6)):
            person["main_home_with_applicant"] = False
        people.append(person)
    order = draw(st.permutations(range(len(people))))
    for couple in range(draw(st.integers(0, len(people) // 2))):
        a, b = people[order[2 * couple]], people[order[2 * couple + 1]]
        link = draw(st.sampled_from(["both", "first", "second"]))
        if link != "second":
            a["partner_of"] = b["id"]
        if link != "first":
            b["partner_of"] = a["id"]
    return people


# --- 1. bedroom need ----------------------------------------------------------------------------------


def _can_share(a: tuple[bool, str], b: tuple[bool, str]) -> bool:
    """Spec 5: two under-10s of any sex, or two people under the limit of the same (known) sex."""
    (a_young, a_sex), (b_young, b_sex) = a, b
    return (a_young and b_young) or (a_sex != "?" and a_sex == b_sex)


@functools.cache
def fewest_rooms(pool: tuple[tuple[bool, str], ...]) -> int:
    """The fewest rooms for people under the limit, by trying every way of pairing them (one or two a room)."""
    if not pool:
        return 0
    first, rest = pool[0], pool[1:]
    best = 1 + fewest_rooms(rest)
    for index, other in enumerate(rest):
        if _can_share(first, other):
            best = min(best, 1 + fewest_rooms(tuple(sorted(rest[:index] + rest[index + 1 :]))))
    return best


def brute_force_need(data: dict[str, Any], limit: int) -> int:
    """Spec 5 from the input object alone, with the children's rooms found by exhaustive search."""
    on = dt.date.fromisoformat(data["as_at"])
    overrides = data.get("overrides", {})

    def flag(name: str) -> bool:
        return overrides.get(name, True)

    counted = {p["id"]: p for p in data["people"] if p.get("main_home_with_applicant", True)}
    partner: dict[str, str] = {}
    for person in counted.values():
        other = person.get("partner_of")
        if other is not None and other in counted:
            partner[person["id"]], partner[other] = other, person["id"]
    couples = {frozenset(pair) for pair in partner.items()}
    rooms = len(couples)
    if flag("extra_room_couple_cannot_share"):
        rooms += sum(1 for couple in couples if any(counted[i].get("needs_own_room", False) for i in couple))
    pool: list[tuple[bool, str]] = []
    for person in counted.values():
        if person["id"] in partner:
            continue
        age = spec_age(dt.date.fromisoformat(person["date_of_birth"]), on)
        if age >= limit:
            rooms += 1
        elif person.get("needs_own_room", False) and flag("extra_room_disabled_child"):
            rooms += 1
        else:
            pool.append((age < 10, person["sex"]))
    weeks, from_week = data.get("pregnancy_weeks"), overrides.get("count_unborn_from_week")
    if from_week is not None and weeks is not None and weeks >= from_week:
        pool.append((True, "?"))  # a child under 10 of unknown sex
    rooms += fewest_rooms(tuple(sorted(pool)))
    if flag("extra_room_overnight_carer") and data.get("overnight_carer", False):
        rooms += 1
    if flag("extra_room_foster_adopt") and data.get("foster_or_adopter_approved", False):
        rooms += 1
    cap = overrides.get("max_bedroom_need")
    return rooms if cap is None else min(rooms, cap)


@st.composite
def bedroom_cases(draw: st.DrawFn) -> dict[str, Any]:
    on = draw(st.sampled_from(AS_AT_DATES))
    overrides: dict[str, Any] = {"bedroom_model": draw(st.sampled_from(["SC", "BS"]))}
    for name in (
        "extra_room_overnight_carer",
        "extra_room_disabled_child",
        "extra_room_couple_cannot_share",
        "extra_room_foster_adopt",
    ):
        if draw(sometimes(4)):
            overrides[name] = False
    overrides["count_unborn_from_week"] = draw(st.one_of(st.none(), st.integers(0, 45)))
    if draw(sometimes(5)):
        overrides["max_bedroom_need"] = draw(st.integers(0, 6))
    home_type = draw(st.sampled_from(["private_rented", "council_tenant", "living_with_family", "hostel"]))
    return base_case(
        as_at=iso(on),
        registration_date=iso(on),
        people=draw(households(on, applicant_age=(14, 70))),
        pregnancy_weeks=draw(st.one_of(st.none(), st.integers(0, 45))),
        overnight_carer=draw(sometimes(4)),
        foster_or_adopter_approved=draw(sometimes(4)),
        current_home={"type": home_type, "bedrooms_available": draw(st.integers(0, 5))},
        overrides=overrides,
    )


def test_the_brute_force_agrees_with_the_spec_example():
    # boy 12, girl 11, boy 4, girl 2: 2 rooms (pairing the under-10s first would give 3)
    pool = ((False, "male"), (False, "female"), (True, "male"), (True, "female"))
    assert fewest_rooms(tuple(sorted(pool))) == 2
    assert fewest_rooms(((True, "?"), (False, "female"), (False, "male"))) == 3


@SETTINGS
@given(bedroom_cases())
def test_bedroom_need_is_the_fewest_rooms_under_both_models(data):
    out = run(data)
    model = data["overrides"]["bedroom_model"]
    assert out.bedroom_need == brute_force_need(data, SHARING_LIMIT[model])
    assert out.bedroom_need_bedroom_standard == brute_force_need(data, SHARING_LIMIT["BS"])


# --- 2. the band never improves when a reason is removed -----------------------------------------------


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of the case with the field at ``path`` ("a.b") set; None removes it (its default applies)."""
    changed = copy.deepcopy(data)
    *parents, name = path.split(".")
    target = changed
    for parent in parents:
        target = target.setdefault(parent, {})
    if value is None:
        target.pop(name, None)
    else:
        target[name] = value
    return changed


def _get(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for name in path.split("."):
        value = value.get(name) if isinstance(value, dict) else None
    return value


#: Fields whose values give band 1 to 3 reasons (or Armed Forces preference, B5): each a strategy for
#: a value that is not the default. A case sets each one about one time in seven.
REASON_TRIGGERS: dict[str, st.SearchStrategy[Any]] = {
    "officer_assessments.medical_welfare": st.sampled_from(["medium", "high", "urgent"]),
    "officer_assessments.urgent_risk_of_harm": st.just(True),
    "officer_assessments.move_on_ready": st.just(True),
    "officer_assessments.hardship_locality": st.just(True),
    "homelessness.duty": st.sampled_from(["prevention", "relief", "main", "intentional_priority", "non_cooperation"]),
    "decant": st.just(True),
    "downsizing": st.sampled_from(["council", "partner"]),
    "current_home.rooms": st.lists(
        st.fixed_dictionaries(
            {"kind": st.sampled_from(["bedroom", "living_room", "kitchen"]), "area_sqft": st.integers(40, 160)}
        ),
        min_size=1,
        max_size=3,
    ),
    "current_home.shares_kitchen_or_bathroom_with_other_household": st.just(True),
    "current_home.category1_hazard": st.just(True),
    "current_home.hazard_cannot_be_remedied": st.just(True),
    "current_home.prohibition_order": st.just(True),
    "current_home.lacks_basic_amenities": st.just(True),
    "armed_forces": st.fixed_dictionaries(
        {
            "status": st.sampled_from(
                ["serving_regular", "former_regular", "bereaved_partner", "serving_reservist", "former_reservist"]
            ),
            "discharge_date": st.sampled_from(["2010-05-01", "2021-09-30", "2024-01-31"]),
            "service_attributable_injury": st.booleans(),
        }
    ),
}
#: Reduced preference triggers (B6, plus the B2 disregard): set, they never improve the band.
REDUCED_TRIGGERS: dict[str, st.SearchStrategy[Any]] = {
    "finances.rent_arrears": st.fixed_dictionaries(
        {"amount": st.sampled_from([500, 500.01, 750, 2000]), "arrangement_kept": st.just(False)}
    ),
    "behaviour.deliberate_worsening_within_5_years": st.just(True),
    "behaviour.reasonable_offers_refused_last_12_months": st.integers(3, 6),
    "homelessness.only_because_of_restricted_person": st.just(True),
}


def band_key(out: Assessment) -> int:
    return NO_BAND if out.band is None else out.band


@st.composite
def banding_cases(draw: st.DrawFn) -> dict[str, Any]:
    """An eligible household under both caps with a local connection (usually), and random reason triggers.

    The bedrooms available equal the SC bedroom need, unless the bedrooms trigger moves them.
    """
    on = draw(st.sampled_from(AS_AT_DATES))
    registered = on - dt.timedelta(days=draw(st.integers(0, 700)))
    people = draw(households(on, applicant_age=(20, 70)))
    home_type = draw(
        st.sampled_from(
            ["private_rented", "council_tenant", "housing_association_tenant", "living_with_family", "lodger"]
            + ["other", "hostel", "temporary_accommodation"]
        )
    )
    overrides = {
        "bedroom_model": draw(st.sampled_from(["SC", "BS"])),
        "cumulative_uplift": draw(st.booleans()),
        "housing_need_required": not draw(sometimes(4)),
    }
    data = base_case(
        as_at=iso(on),
        registration_date=iso(registered),
        scheme=draw(st.sampled_from(["default", "hampshire"])),
        overrides=overrides,
        people=people,
        current_home={"type": home_type, "bedrooms_available": 0},
        finances={"gross_annual_income": draw(st.integers(0, 49_999)), "savings": draw(st.integers(0, 15_999))},
    )
    if draw(sometimes(5)):  # no residence: only exemptions from the triggers (X-RTM, X-PLACED, X-AF) connect
        data["local_connection"] = {}
        data["right_to_move"] = draw(st.booleans())
        data["homelessness"] = {"placed_outside_district": draw(st.booleans())}
    else:
        data["local_connection"] = {"lived_in_district_since": iso(anniversary(registered, 5))}
    data["current_home"]["bedrooms_available"] = max(
        0, brute_force_need(data, SHARING_LIMIT["SC"]) + draw(st.sampled_from([0, 0, -1, -2, -3, 1, 2]))
    )
    for path, strategy in REASON_TRIGGERS.items():
        if draw(sometimes(7)):
            data = _set(data, path, draw(strategy))
    for path, strategy in REDUCED_TRIGGERS.items():
        if draw(sometimes(12)):
            data = _set(data, path, draw(strategy))
    return data


def reason_removals(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Each case with one reason trigger set back to its default."""
    removals = [(path, _set(data, path, None)) for path in REASON_TRIGGERS if _get(data, path) is not None]
    need = brute_force_need(data, SHARING_LIMIT["SC"])
    if data["current_home"]["bedrooms_available"] != need:  # neither short of bedrooms nor a surplus
        removals.append(("current_home.bedrooms_available", _set(data, "current_home.bedrooms_available", need)))
    return removals


@SETTINGS
@given(banding_cases())
def test_the_band_never_improves_when_a_reason_is_removed(data):
    before = run(data)
    for path, fewer in reason_removals(data):
        after = run(fewer)
        assert band_key(after) >= band_key(before), (path, before.band, before.reasons, after.band, after.reasons)


@SETTINGS
@given(banding_cases(), st.data())
def test_a_reduced_preference_trigger_never_improves_the_band(data, draws):
    before = run(data)
    for path, strategy in REDUCED_TRIGGERS.items():
        after = run(_set(data, path, draws.draw(strategy, label=path)))
        assert band_key(after) >= band_key(before), (path, before.band, before.reasons, after.band, after.reasons)
        if path != "homelessness.only_because_of_restricted_person" and before.band is not None:
            # B6: the household still qualifies; with a reason code it is band 4 with L-REDUCED
            assert after.band == 4, (path, before.reasons, after.reasons)
            has_reason = any(code[0] in "UHM" for code in before.reasons)
            assert ("L-REDUCED" in after.reasons) == has_reason, (path, before.reasons, after.reasons)
            assert not any(code.startswith("ADJ-") for code in after.reasons), (path, after.reasons)


# --- 3. list order and the priority date ----------------------------------------------------------------
