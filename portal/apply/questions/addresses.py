"""Your addresses and links to the area: where you have lived for the last 5 years, work, family and care."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Field

from portal.apply.asks import Context, DateAsk, GroupAsk, NumberAsk, TextAsk, YesNoAsk
from portal.apply.fields import DateField
from portal.apply.sections import ListOf, Section

HISTORY_YEARS = 5
POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}")


def tidy_postcode(text: str) -> str:
    """Capital letters, with one space before the last 3 characters: " sw1a1aa " becomes "SW1A 1AA"."""
    joined = re.sub(r"\s+", "", text).upper()
    return f"{joined[:-3]} {joined[-3:]}" if len(joined) > 3 else joined


DATE_MESSAGES: Mapping[str, dict[str, Any]] = {
    "moved_in": {
        "required": _l("Enter the date you moved in"),
        "no_day": _l("The date you moved in must include a day"),
        "no_month": _l("The date you moved in must include a month"),
        "no_year": _l("The date you moved in must include a year"),
        "not_real": _l("The date you moved in must be a real date"),
        "too_early": _l("Check the year you moved in"),
        "too_late": _l("The date you moved in must be today or in the past"),
    },
    "work_since": {
        "required": _l("Enter the date you started working in %(area)s"),
        "no_day": _l("The date you started must include a day"),
        "no_month": _l("The date you started must include a month"),
        "no_year": _l("The date you started must include a year"),
        "not_real": _l("The date you started must be a real date"),
        "too_early": _l("Check the year you started working in %(area)s"),
        "too_late": _l("The date you started must be today or in the past"),
    },
    "family_since": {
        "required": _l("Enter the date your family started living in %(area)s"),
        "no_day": _l("The date must include a day"),
        "no_month": _l("The date must include a month"),
        "no_year": _l("The date must include a year"),
        "not_real": _l("The date must be a real date"),
        "too_early": _l("Check the year your family started living in %(area)s"),
        "too_late": _l("The date must be today or in the past"),
    },
}
MOVED_BEFORE_NEXT = _l("The date you moved in here must be before the date you moved to %(next)s")


def addresses(context: Context) -> list[Mapping[str, Any]]:
    return list(context.facts.get("addresses") or [])


def is_current(context: Context) -> bool:
    """Whether the page is about the address the applicant lives at now (a new one when there are none yet)."""
    listed = addresses(context)
    item_id = (context.item or {}).get("id")
    if item_id is None:
        return not listed
    return bool(listed) and listed[0]["id"] == item_id


def newer_address(context: Context) -> Mapping[str, Any] | None:
    """The address the applicant moved to after this one, if any."""
    listed = addresses(context)
    item_id = (context.item or {}).get("id")
    for index, address in enumerate(listed):
        if address["id"] == item_id and index > 0:
            return listed[index - 1]
    return None


def address_question(context: Context) -> str:
    return str(_l("What is your address?") if is_current(context) else _l("What was your address before that?"))


def history_short(context: Context) -> bool:
    """Whether the addresses given so far cover less than the last 5 years (so we ask for another)."""
    dates = [dt.date.fromisoformat(found["moved_in"]) for found in addresses(context) if found.get("moved_in")]
    if not dates:
        return True
    today = context.today
    try:
        start = today.replace(year=today.year - HISTORY_YEARS)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - HISTORY_YEARS, day=28)
    return min(dates) > start


def remove_question(context: Context) -> str:
    line_1 = (context.item or {}).get("line_1") or ""
    return str(_l("Are you sure you want to remove %(address)s?")) % {"address": line_1}


@dataclass(frozen=True)
class MovedInAsk(DateAsk):
    """The date the applicant moved in: in the past, and before they moved to the next address."""

    def fields(self, context: Context) -> dict[str, Field]:
        messages = {name: context.fill(text) for name, text in self.messages.items()}
        newer = newer_address(context)
        days_after = 0
        if newer is not None and newer.get("moved_in"):
            days_after = (dt.date.fromisoformat(newer["moved_in"]) - context.today).days - 1
            messages["too_late"] = str(MOVED_BEFORE_NEXT) % {"next": newer.get("line_1") or ""}
        return {
            self.key: DateField(
                context.fill(self.question),
                today=context.today,
                days_before=366 * self.years_before,
                days_after=days_after,
                messages=messages,
                description=context.fill(self.hint),
            )
        }


def works_here(context: Context) -> bool:
    return context.known.get("work_in_area") == "yes"


def family_here(context: Context) -> bool:
    return context.known.get("family_in_area") == "yes"


@dataclass(frozen=True)
class AddressAsk(GroupAsk):
    """An address. An earlier address may have been outside the UK, so its postcode may be left empty."""

    def fields(self, context: Context) -> dict[str, Field]:
        hints = {}
        if not is_current(context):
            hints = {"postcode": ABROAD_HINT}
        elif no_address_to_give(context):
            hints = {"line_1": NO_ADDRESS_HINT, "postcode": NO_POSTCODE_HINT}
        made: dict[str, Field] = {}
        for part in self.parts:
            if part.key in hints:
                part = replace(part, optional=part.key == "postcode", hint=hints[part.key])
            made.update(part.fields(context))
        return made


def no_address_to_give(context: Context) -> bool:
    """Someone sleeping on the streets has no address, and a refuge's address is kept secret."""
    home = (context.facts.get("answers") or {}).get("current_home") or {}
    return home.get("home_type") in ("rough_sleeping", "refuge")


ABROAD_HINT = _l("Leave this empty if the address was outside the UK.")
NO_ADDRESS_HINT = _l(
    "If you sleep on the streets, write the street or area where you usually stay. If you live in a refuge, "
    "write Refuge. You do not need to give the refuge's address."
)
NO_POSTCODE_HINT = _l("You can leave this empty.")

ADDRESS = AddressAsk(
    "address",
    address_question,
    _l("Address"),
    parts=(
        TextAsk(
            "line_1",
            _l("Address line 1"),
            _l("Address line 1"),
            required=_l("Enter address line 1, like the house number and street"),
            max_length=200,
            autocomplete="address-line1",
        ),
        TextAsk(
            "line_2",
            _l("Address line 2 (optional)"),
            _l("Address line 2"),
            optional=True,
            max_length=200,
            autocomplete="address-line2",
        ),
        TextAsk(
            "town",
            _l("Town or city"),
            _l("Town or city"),
            required=_l("Enter the town or city"),
            max_length=100,
            width="govuk-!-width-two-thirds",
            autocomplete="address-level2",
        ),
        TextAsk(
            "postcode",
            _l("Postcode"),
            _l("Postcode"),
            required=_l("Enter the postcode"),
            max_length=10,
            pattern=POSTCODE,
            invalid=_l("Enter a real postcode, like SW1A 1AA"),
            normalise=tidy_postcode,
            width="govuk-input--width-10",
            autocomplete="postal-code",
        ),
    ),
)

SECTION = Section(
    key="addresses",
    title=_l("Your addresses and links to the area"),
    items=ListOf(
        kind="addresses",
        pages=(
            ADDRESS,
            MovedInAsk(
                "moved_in",
                _l("When did you move in?"),
                _l("Date you moved in"),
                hint=_l("For example, 27 3 2019. If you are not sure of the day, enter 1."),
                messages=DATE_MESSAGES["moved_in"],
            ),
            YesNoAsk(
                "in_area",
                _l("Is this address in %(area)s?"),
                _l("In %(area)s"),
                required=_l("Select yes if this address is in %(area)s"),
            ),
        ),
        another=YesNoAsk(
            "lived_before",
            _l("Did you live somewhere else before this?"),
            _l("Lived somewhere else before"),
            hint=_l("We need to know where you have lived for the last 5 years."),
            required=_l("Select yes if you lived somewhere else before this"),
        ),
        another_when=history_short,
        item_title=_l("Address %(number)d"),
        add_link=_l("Add another address"),
        remove_question=remove_question,
    ),
    after=(
        YesNoAsk(
            "work_in_area",
            _l("Do you work in %(area)s?"),
            _l("Work in %(area)s"),
            hint=_l("This includes being self-employed, if most of your work is in %(area)s."),
            required=_l("Select yes if you work in %(area)s"),
        ),
        DateAsk(
            "work_since",
            _l("When did you start working in %(area)s?"),
            _l("Started working in %(area)s"),
            hint=_l("For example, 27 3 2019. If you are not sure of the day, enter 1."),
            years_before=70,
            messages=DATE_MESSAGES["work_since"],
            when=works_here,
        ),
        NumberAsk(
            "work_hours",
            _l("How many hours a week do you work?"),
            _l("Hours of work each week"),
            hint=_l("If your hours change, give the usual number."),
            bounds=(1, 80),
            required=_l("Enter how many hours a week you work"),
            invalid=_l("Enter the hours as a whole number, like 16"),
            out_of_range=_l("Enter a number of hours from 1 to 80"),
            when=works_here,
        ),
        YesNoAsk(
            "work_permanent",
            _l("Is your job permanent?"),
            _l("Permanent job"),
            hint=_l("Answer no if it is a temporary, seasonal or zero hours job."),
            required=_l("Select yes if your job is permanent"),
            when=works_here,
        ),
        YesNoAsk(
            "family_in_area",
            _l("Do you have close family who live in %(area)s?"),
            _l("Close family in %(area)s"),
            hint=_l("This means a parent, brother, sister or grown-up child who does not live with you."),
            required=_l("Select yes if you have close family who live in %(area)s"),
        ),
        DateAsk(
            "family_since",
            _l("When did they start living in %(area)s?"),
            _l("Family living in %(area)s since"),
            hint=_l(
                "If more than one person, give the date for the one who has lived there longest. "
                "If you are not sure of the day, enter 1."
            ),
            messages=DATE_MESSAGES["family_since"],
            when=family_here,
        ),
        YesNoAsk(
            "care_move",
            _l("Do you need to live in %(area)s to give or get care or support?"),
            _l("Need to live in %(area)s to give or get care"),
            hint=_l("For example, to look after someone in your family, or to be near the people who help you."),
            required=_l("Select yes if you need to live in %(area)s to give or get care or support"),
        ),
    ),
)
