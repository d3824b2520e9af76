"""Properties of the application rules for any facts a draft could hold, and the equality answers never read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.rules.application.birthdays import bedroom_need_changes
from portal.rules.application.changes import CHANGE_KINDS, preview_change
from portal.rules.application.evidence import evidence_needed
from portal.rules.application.provisional import provisional_result
from portal.rules.application.to_case import RELATIONSHIPS, case_from_facts
from portal.rules.assess import assess
from portal.rules.options.to_case import IMMIGRATION
from portal.rules.parameters import HOME_TYPES
from tests.rules.application_facts import AS_AT, SCHEME, facts_example, family

YES_NO = st.sampled_from(("yes", "no"))
NOT_A_DATE = st.sampled_from(("", "2026-02-30", "2026-13-01", "soon", "20261120", "2026-1-5"))
DATE = st.one_of(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    NOT_A_DATE,
    st.none(),
)
MONEY = st.one_of(
    st.integers(0, 10**7).map(str),
    st.decimals(0, 10**6, places=2).map(str),
    st.sampled_from(("", "-5", "lots", "1e9", "NaN")),
)
COUNT = st.one_of(st.integers(-2, 120), st.sampled_from(("3", "x", "")))
TEXT = st.text(max_size=12)


def partial(**values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict with any of these keys (a draft may have answered some questions and not others)."""
    return st.fixed_dictionaries({}, optional=values)


PERSON = partial(
    id=st.sampled_from(("p1", "p2", "p3", "p4", "", "p1")),
    relationship=st.sampled_from((*RELATIONSHIPS, "stranger")),
    full_name=TEXT,
    date_of_birth=DATE,
    sex=st.sampled_from(("male", "female", "other")),
    lives_with_you=st.sampled_from(("yes", "moving_with", "no")),
    ni_number=TEXT,
    immigration_status=st.sampled_from((*IMMIGRATION, "martian")),
    lived_in_uk_2_years=YES_NO,
)
ADDRESS = partial(
    id=st.sampled_from(("a1", "a2", "a3")),
    line_1=TEXT,
    postcode=TEXT,
    moved_in=DATE,
    moved_out=DATE,
    in_area=YES_NO,
)
PERSON_ID = st.sampled_from(("p1", "p2", "p3", "nobody"))
ANSWERS = partial(
    current_home=partial(
        home_type=st.sampled_from((*HOME_TYPES, "castle")),
        bedrooms=COUNT,
        living_rooms=COUNT,
        shares_facilities=YES_NO,
        disrepair=YES_NO,
        must_leave=YES_NO,
        must_leave_date=DATE,
        nowhere_tonight=YES_NO,
    ),
    household=partial(anyone_else=YES_NO, pregnant=YES_NO, pregnant_person=PERSON_ID, due_date=DATE),
    addresses=partial(
        work_in_area=YES_NO,
        work_since=DATE,
        work_hours=COUNT,
        work_permanent=YES_NO,
        family_in_area=YES_NO,
        family_since=DATE,
        care_move=YES_NO,
    ),
    money=partial(income=MONEY, savings=MONEY, owns_property=YES_NO, property_can_live_in=YES_NO),
    health=partial(
        health_problem=YES_NO,
        mobility=st.sampled_from(("none", "steps_hard", "wheelchair")),
        own_room=YES_NO,
        own_room_person=PERSON_ID,
        overnight_carer=YES_NO,
    ),
    safety=partial(
        domestic_abuse=YES_NO,
        abuse_need_move=YES_NO,
        harassment=YES_NO,
        care_leaver=YES_NO,
        armed_forces=st.sampled_from(("no", "serving", "left", "reservist_injured", "bereaved")),
        forces_discharge_date=DATE,
    ),
    tenancy=partial(rent_arrears=YES_NO, arrears_amount=MONEY, arrears_plan=YES_NO, evicted=YES_NO),
)
FACTS = partial(
    reference=st.sampled_from(("HR-7K3M9Q", None)),
    submitted_on=DATE,
    people=st.lists(PERSON, max_size=6),
    addresses=st.lists(ADDRESS, max_size=4),
    answers=ANSWERS,
)
EQUALITY = st.dictionaries(
    st.sampled_from(
        ("ethnicity", "religion", "sexual_orientation", "disability", "sex", "income", "pregnant", "home_type")
    ),
    st.one_of(YES_NO, TEXT, MONEY, st.sampled_from(("owner_occupier", "serving", "none"))),
)
WINDOW_END = dt.date(2027, 11, 22)


def everything(facts: dict[str, Any]) -> tuple[Any, ...]:
    """Every result the rules give for these facts."""
    case = case_from_facts(facts, AS_AT, SCHEME)
    return (
        case,
        assess(case, SCHEME),
        provisional_result(facts, AS_AT, SCHEME),
        evidence_needed(facts),
        bedroom_need_changes(facts, SCHEME, AS_AT, WINDOW_END),
        preview_change(facts, "new_baby", {"full_name": "Zoe", "date_of_birth": "2026-11-01"}, AS_AT, SCHEME),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS)
def test_any_partial_facts_give_a_case_and_an_assessment(facts):
    case = case_from_facts(facts, AS_AT, SCHEME)
    result = assess(case, SCHEME)
    assert sum(person.role == "applicant" for person in case.people) == 1
    assert case.registration_date <= AS_AT
    assert result.bedroom_need >= 1
    for sentence in result.sentences:
        assert "%(" not in sentence.text()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS, st.sampled_from([kind for kind in CHANGE_KINDS if kind != "moving_out"]))
def test_any_partial_facts_give_a_provisional_result_evidence_and_previews(facts, kind):
    found = provisional_result(facts, AS_AT, SCHEME)
    for sentence in (*found.could_change, *(need.why for need in evidence_needed(facts))):
        assert "%(" not in sentence.text()
    details = {"full_name": "Zoe", "date_of_birth": "2026-11-01", "income": "100", "moved_in": "2026-11-01"}
    preview = preview_change(facts, kind, details, AS_AT, SCHEME)
    assert preview.sentences
    for change in bedroom_need_changes(facts, SCHEME, AS_AT, WINDOW_END):
        assert AS_AT < change.on <= WINDOW_END and change.need_before != change.need_after


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS, EQUALITY)
def test_no_rule_reads_the_equality_answers(facts, equality):
    with_equality = {**facts, "answers": {**(facts.get("answers") or {}), "equality": equality}}
    assert everything(with_equality) == everything(facts)


def test_wild_equality_answers_change_nothing_for_a_family():
    facts = facts_example(people=family(), health={"health_problem": "yes"})
    wild = facts_example(
        people=family(),
        health={"health_problem": "yes"},
        equality={
            "sex": "male",
            "disability": "yes",
            "pregnant": "yes",
            "due_date": "2026-12-01",
            "income": "999999",
            "home_type": "owner_occupier",
            "armed_forces": "serving",
            "care_leaver": "yes",
            "immigration_status": "none",
            "domestic_abuse": "yes",
        },
    )
    assert wild["answers"]["equality"] and "equality" not in facts["answers"]
    assert everything(wild) == everything(facts)
