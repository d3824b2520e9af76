"""Changes of circumstances: applied to an application's ``facts``, and previewed before they are sent.

``apply_change`` never changes the facts it is given: it returns a new dict.
What each kind does (``details`` keys as in the design; a missing key is left
unanswered):

- ``new_baby``: adds a child who lives with you, and ends a pregnancy answer
  (``pregnant`` becomes ``"no"``; the due date and the person are taken away);
- ``moving_in``: adds a person who lives with you (an unknown relationship is ``other``);
- ``moving_out``: the person's ``lives_with_you`` becomes ``"no"`` (the applicant cannot move out);
- ``new_address``: adds the new current address first, gives the old current
  address a ``moved_out`` date (the new ``moved_in``), and replaces the answers
  about the current home with the new home type and bedrooms (the answers
  about the old home no longer apply);
- ``income``: sets the household's yearly income and savings;
- ``medical``: says there is a health problem and adds the details to what was said before.

An unknown kind, or a ``moving_out`` for a person who is not in the
application (or is the applicant), raises ``ChangeError``.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portal.rules.application.to_case import RELATIONSHIPS, case_from_facts
from portal.rules.assess import Assessment, assess
from portal.rules.scheme import Scheme
from portal.rules.text import N_, Sentence

CHANGE_KINDS = ("new_baby", "moving_in", "moving_out", "new_address", "income", "medical")
PERSON_KEYS = ("full_name", "date_of_birth", "sex")
ADDRESS_KEYS = ("line_1", "line_2", "town", "postcode", "moved_in", "in_area")
#: Home types where bedrooms are not asked (the design's current_home section).
NO_BEDROOMS_TYPES = ("rough_sleeping", "sofa_surfing", "hospital", "prison")
NEW_PERSON_PREFIX = "new-person-"
NEW_ADDRESS_PREFIX = "new-address-"

NEED_UP = N_("The number of bedrooms your household needs would go up from %(before)s to %(after)s.")
NEED_DOWN = N_("The number of bedrooms your household needs would go down from %(before)s to %(after)s.")
NEED_SAME = N_("The number of bedrooms your household needs would stay at %(need)s.")
BAND_CHANGE = N_("Your band could change from band %(before)s to band %(after)s.")
BAND_SAME = N_("Your band would stay at band %(band)s.")
BAND_NEW = N_("With this change, you could join the housing register in band %(band)s.")
BAND_LOST = Sentence(
    N_(
        "With this change, you might not be able to be on the housing register. An officer will talk to you "
        "about it before anything changes."
    ),
    "",
)
MEDICAL_NOTE = Sentence(
    N_("An officer will look at what you told us about your health. This could change your band."), ""
)
ONLY_A_GUIDE = Sentence(N_("This is only a guide. Nothing changes until an officer has checked what you told us."), "")


class ChangeError(ValueError):
    """A change that cannot be made to these facts (an unknown kind or person)."""


@dataclass(frozen=True, slots=True)
class ChangePreview:
    """Bedroom need and band before and after the change, and what that means in plain sentences."""

    before_need: int
    after_need: int
    before_band: int | None
    after_band: int | None
    sentences: tuple[Sentence, ...]


def _list(facts: dict[str, Any], key: str) -> list[Any]:
    value = facts.get(key)
    if not isinstance(value, list):
        value = list(value) if isinstance(value, tuple) else []
        facts[key] = value
    return value


def _section(facts: dict[str, Any], name: str) -> dict[str, Any]:
    answers = facts.get("answers")
    if not isinstance(answers, dict):
        answers = facts["answers"] = {}
    values = answers.get(name)
    if not isinstance(values, dict):
        values = answers[name] = {}
    return values


def _new_id(rows: list[Any], prefix: str) -> str:
    used = [row.get("id") for row in rows if isinstance(row, Mapping)]
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def _given(details: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: details[key] for key in keys if key in details}


def _add_person(facts: dict[str, Any], details: Mapping[str, Any], relationship: str) -> None:
    people = _list(facts, "people")
    person = {"id": _new_id(people, NEW_PERSON_PREFIX), "relationship": relationship, **_given(details, PERSON_KEYS)}
    person.update(lives_with_you="yes", ni_number="")
    people.append(person)


def _new_baby(facts: dict[str, Any], details: Mapping[str, Any]) -> None:
    _add_person(facts, details, "child")
    household = _section(facts, "household")
    if household.get("pregnant") == "yes":
        household["pregnant"] = "no"
        household.pop("due_date", None)
        household.pop("pregnant_person", None)


def _moving_in(facts: dict[str, Any], details: Mapping[str, Any]) -> None:
    relationship = details.get("relationship")
    known = isinstance(relationship, str) and relationship in RELATIONSHIPS and relationship != "applicant"
    _add_person(facts, details, relationship if known else "other")


def _moving_out(facts: dict[str, Any], details: Mapping[str, Any]) -> None:
    people = _list(facts, "people")
    person_id = details.get("person_id")
    for index, person in enumerate(people):
        if isinstance(person, dict) and person.get("id") == person_id:
            if index == 0:
                raise ChangeError("The applicant cannot move out of their own application.")
            person["lives_with_you"] = "no"
            return
    raise ChangeError(f"There is no person {person_id!r} in the application.")


def _new_address(facts: dict[str, Any], details: Mapping[str, Any]) -> None:
    addresses = _list(facts, "addresses")
    for address in addresses[:1]:
        if isinstance(address, dict) and address.get("moved_out") is None:
            address["moved_out"] = details.get("moved_in")
    address = {"id": _new_id(addresses, NEW_ADDRESS_PREFIX), **_given(details, ADDRESS_KEYS), "moved_out": None}
    addresses.insert(0, address)
    home = _section(facts, "current_home")
    home.clear()
    home.update(_given(details, ("home_type",)))
    if "bedrooms" in details and details.get("home_type") not in NO_BEDROOMS_TYPES:
        home["bedrooms"] = details["bedrooms"]


def _income(facts: dict[str, Any], details: Mapping[str, Any]) -> None:
    _section(facts, "money").update(_given(details, ("income", "savings")))


def _medical(facts: dict[str, Any], details: Mapping[str, Any]) -> None:
    health = _section(facts, "health")
    health["health_problem"] = "yes"
    new = details.get("details")
    if isinstance(new, str) and new.strip():
        before = health.get("health_details")
        health["health_details"] = f"{before}\n\n{new.strip()}" if isinstance(before, str) and before else new.strip()


_APPLY = {
    "new_baby": _new_baby,
    "moving_in": _moving_in,
    "moving_out": _moving_out,
    "new_address": _new_address,
    "income": _income,
    "medical": _medical,
}


def apply_change(facts: Mapping[str, Any], kind: str, details: Mapping[str, Any]) -> dict[str, Any]:
    """New facts with the change made; ``facts`` itself is never changed."""
    change = _APPLY.get(kind) if isinstance(kind, str) else None
    if change is None:
        raise ChangeError(f"A change must be one of {', '.join(CHANGE_KINDS)}, not {kind!r}.")
    changed = copy.deepcopy(dict(facts))
    change(changed, details)
    return changed


def _need_sentence(before: int, after: int) -> Sentence:
    if after > before:
        return Sentence(NEED_UP, "", {"before": before, "after": after})
    if after < before:
        return Sentence(NEED_DOWN, "", {"before": before, "after": after})
    return Sentence(NEED_SAME, "", {"need": after})


def _band_sentences(before: Assessment, after: Assessment) -> list[Sentence]:
    if before.band is None and after.band is None:
        return []
    if after.band is None:
        return [BAND_LOST]
    if before.band is None:
        return [Sentence(BAND_NEW, "", {"band": after.band})]
    if before.band != after.band:
        return [Sentence(BAND_CHANGE, "", {"before": before.band, "after": after.band})]
    return [Sentence(BAND_SAME, "", {"band": after.band})]


def preview_change(
    facts: Mapping[str, Any], kind: str, details: Mapping[str, Any], as_at: dt.date, scheme: Scheme
) -> ChangePreview:
    """Assess the facts before and after the change on ``as_at``, and say what would change."""
    before = assess(case_from_facts(facts, as_at, scheme), scheme)
    after = assess(case_from_facts(apply_change(facts, kind, details), as_at, scheme), scheme)
    sentences = [_need_sentence(before.bedroom_need, after.bedroom_need), *_band_sentences(before, after)]
    if kind == "medical":
        sentences.append(MEDICAL_NOTE)
    sentences.append(ONLY_A_GUIDE)
    return ChangePreview(before.bedroom_need, after.bedroom_need, before.band, after.band, tuple(sentences))
