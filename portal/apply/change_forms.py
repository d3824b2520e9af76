"""The forms for telling us about a change: which kind of change, then the details of it on one page.

``details_form`` builds the form for a kind; ``details_from`` turns a checked
form into the plain details the rules read (``portal.rules.application.changes``),
and ``form_data`` turns kept details back into what the form shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import Field

from portal.apply.asks import YES_NO, Context
from portal.apply.fields import ChoiceField, DateField, MoneyField, TextAreaField, TextField, WholeNumberField
from portal.apply.questions.about_you import SEXES
from portal.apply.questions.addresses import ADDRESS, DATE_MESSAGES
from portal.apply.questions.current_home import HOME_HINTS, HOMES, NO_ROOMS
from portal.apply.questions.household import BIRTH_DATE_MESSAGES, RELATIONSHIPS
from portal.options.question_forms import AnswerForm, form_with
from portal.rules.affordability import pounds

KINDS = (
    ("new_baby", _l("A new baby")),
    ("moving_in", _l("Someone moving in")),
    ("moving_out", _l("Someone moving out")),
    ("new_address", _l("A new address")),
    ("income", _l("A change in income or savings")),
    ("medical", _l("A change in health")),
)
KIND_NAMES = dict(KINDS)
#: The heading of each details page.
DETAILS_TITLES = {
    "new_baby": _l("Tell us about your new baby"),
    "moving_in": _l("Tell us about the person moving in"),
    "moving_out": _l("Who has moved out?"),
    "new_address": _l("Tell us about your new address"),
    "income": _l("Tell us about your income and savings now"),
    "medical": _l("Tell us about the change in health"),
}
BABY_BORN_MESSAGES = {
    "required": _l("Enter the baby's date of birth"),
    "no_day": _l("The baby's date of birth must include a day"),
    "no_month": _l("The baby's date of birth must include a month"),
    "no_year": _l("The baby's date of birth must include a year"),
    "not_real": _l("The baby's date of birth must be a real date"),
    "too_early": _l("The baby's date of birth must be in the last year. For an older child, choose someone moving in."),
    "too_late": _l("The baby's date of birth must be today or in the past"),
}
MOVED_AFTER_LAST = _l("The date you moved must be after the date you moved in to %(address)s")
BEDROOMS_NEEDED = _l("Enter how many bedrooms there are, or 0")
NO_CHANGE = _l("Select what has changed")
NOBODY_TO_MOVE_OUT = _l("Only you are on your application, so nobody else can move out")


def slug_of(kind: str) -> str:
    return kind.replace("_", "-")


def kind_of(slug: str) -> str | None:
    kind = slug.replace("-", "_")
    return kind if kind in KIND_NAMES else None


class OptionalWholeNumberField(WholeNumberField):
    """A whole number that may be left empty (``number`` is then None)."""

    def pre_validate(self, form: Any) -> None:
        if not (self.data or "").strip():
            self.number = None
            return
        super().pre_validate(form)


def kind_form() -> type[AnswerForm]:
    hint = _l("Choose one change. If more than one thing has changed, you can tell us about the next one after this.")
    return form_with({"kind": ChoiceField(_l("What has changed?"), KINDS, required=NO_CHANGE, description=hint)})


def others(facts: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Everyone on the application except the applicant, by name."""
    return [(person["id"], person.get("full_name") or "") for person in (facts.get("people") or [])[1:]]


def _person_fields(today: dt.date, *, baby: bool) -> dict[str, Field]:
    if baby:
        name = TextField(
            _l("The baby's full name"),
            required=_l("Enter the baby's full name"),
            description=_l("If you have not chosen a name yet, write Baby and your surname."),
        )
        born = DateField(
            _l("The baby's date of birth"),
            today=today,
            days_before=366,
            days_after=0,
            messages=BABY_BORN_MESSAGES,
            description=_l("For example, 27 3 2026"),
        )
        sex = ChoiceField(_l("The baby's sex"), SEXES, required=_l("Select female or male"))
        return {"full_name": name, "date_of_birth": born, "sex": sex}
    return {
        "full_name": TextField(_l("Their full name"), required=_l("Enter their full name")),
        "date_of_birth": DateField(
            _l("Their date of birth"),
            today=today,
            days_before=366 * 120,
            days_after=0,
            messages=BIRTH_DATE_MESSAGES,
            description=_l("For example, 27 3 2012"),
        ),
        "sex": ChoiceField(_l("Their sex"), SEXES, required=_l("Select female or male")),
        "relationship": ChoiceField(
            _l("How are they related to you?"), RELATIONSHIPS, required=_l("Select how they are related to you")
        ),
    }


def _last_moved_in(facts: Mapping[str, Any]) -> tuple[dt.date | None, str]:
    for address in (facts.get("addresses") or [])[:1]:
        value = address.get("moved_in")
        if isinstance(value, str) and value:
            return dt.date.fromisoformat(value), str(address.get("line_1") or "")
    return None, ""


def _address_fields(facts: Mapping[str, Any], area: str, today: dt.date) -> dict[str, Field]:
    context = Context(facts=facts, known={}, area=area, today=today)
    made: dict[str, Field] = {}
    for part in ADDRESS.parts:
        made.update(part.fields(context))
    messages = {name: str(text) for name, text in DATE_MESSAGES["moved_in"].items()}
    last, line_1 = _last_moved_in(facts)
    days_before = 366 * 10
    if last is not None and last < today:
        days_before = (today - last).days - 1
        messages["too_early"] = str(MOVED_AFTER_LAST) % {"address": line_1}
    made["moved_in"] = DateField(
        _l("When did you move in?"),
        today=today,
        days_before=days_before,
        days_after=0,
        messages=messages,
        description=_l("For example, 27 3 2026. If you are not sure of the day, enter 1."),
    )
    made["in_area"] = ChoiceField(
        _("Is this address in %(area)s?") % {"area": area},
        YES_NO,
        required=_("Select yes if this address is in %(area)s") % {"area": area},
    )
    made["home_type"] = ChoiceField(
        _l("What kind of home is it?"), HOMES, required=_l("Select what kind of home it is"), hints=HOME_HINTS
    )
    made["bedrooms"] = OptionalWholeNumberField(
        _l("How many bedrooms are there?"),
        bounds=(0, 20),
        required=BEDROOMS_NEEDED,
        invalid=_l("Enter the number of bedrooms as a whole number, like 2"),
        out_of_range=_l("Enter a number of bedrooms from 0 to 20"),
        description=_l(
            "Count every room used for sleeping. Enter 0 if you live in one room or a studio flat. "
            "Leave this empty if you are sleeping on the streets, staying with friends, in hospital or in prison."
        ),
    )
    return made


def _money_fields() -> dict[str, Field]:
    return {
        "income": MoneyField(
            _l("Your household's income each year, before tax"),
            required=_l("Enter your household's income each year, or 0 if there is none"),
            description=_l("Add up the income of everyone who will live with you. Benefits count as income too."),
        ),
        "savings": MoneyField(
            _l("Your household's savings"),
            required=_l("Enter how much your household has in savings, or 0 if there are none"),
            description=_l("Add up the savings of everyone who will live with you, including money in the bank."),
        ),
    }


def details_form(kind: str, facts: Mapping[str, Any], area: str, today: dt.date) -> type[AnswerForm]:
    """The form for the details of a change of this kind."""
    if kind in ("new_baby", "moving_in"):
        fields = _person_fields(today, baby=kind == "new_baby")
    elif kind == "moving_out":
        fields = {
            "person_id": ChoiceField(
                DETAILS_TITLES["moving_out"],
                others(facts),
                required=_l("Select who has moved out"),
                description=_l("Choose the person who no longer lives with you."),
            )
        }
    elif kind == "new_address":
        fields = _address_fields(facts, area, today)
    elif kind == "income":
        fields = _money_fields()
    else:
        fields = {
            "details": TextAreaField(
                _l("What has changed?"),
                required=_l("Tell us what has changed with your health"),
                max_length=2000,
                description=_l(
                    "Tell us about your health, or the health of someone who lives with you, and how it "
                    "affects where you can live. For example, if stairs are now hard to use."
                ),
            )
        }
    return form_with(fields)


def _money(amount: Decimal) -> str:
    return format(amount.normalize(), "f") if amount == amount.to_integral_value() else format(amount, "f")


def check_more(kind: str, form: Any) -> bool:
    """Checks that need more than one field: the bedrooms, unless the home has no rooms of its own."""
    home = form.home_type.data if kind == "new_address" else None
    if home and home not in NO_ROOMS and form.bedrooms.number is None:
        if not form.bedrooms.errors:
            form.bedrooms.errors = [str(BEDROOMS_NEEDED)]
        return False
    return True


def details_from(kind: str, form: Any) -> dict[str, Any]:
    """The checked form as the plain details the rules read."""
    found: dict[str, Any] = {}
    for name, field in form._fields.items():
        if name in ("csrf_token", "submit"):
            continue
        if isinstance(field, DateField):
            found[name] = field.date.isoformat()
        elif isinstance(field, MoneyField):
            found[name] = _money(field.amount)
        elif isinstance(field, WholeNumberField):
            if field.number is not None:
                found[name] = field.number
        elif isinstance(field, TextField | TextAreaField):
            found[name] = field.cleaned
        else:
            found[name] = field.data
    if kind == "new_address" and found.get("home_type") in NO_ROOMS:
        found.pop("bedrooms", None)
    return found


def form_data(details: Mapping[str, Any]) -> dict[str, Any]:
    """Kept details as the form shows them."""
    shown: dict[str, Any] = {}
    for name, value in details.items():
        if name in ("date_of_birth", "moved_in") and isinstance(value, str) and value:
            shown[name] = dt.date.fromisoformat(value)
        elif name == "bedrooms":
            shown[name] = str(value)
        else:
            shown[name] = value
    return shown


def current_money(facts: Mapping[str, Any]) -> dict[str, Any]:
    money = (facts.get("answers") or {}).get("money") or {}
    return {key: str(money[key]) for key in ("income", "savings") if money.get(key) not in (None, "")}


def check_kind(kind: str, facts: Mapping[str, Any]) -> str | None:
    """A problem with choosing this kind of change, or None."""
    if kind == "moving_out" and not others(facts):
        return str(NOBODY_TO_MOVE_OUT)
    return None


def field_style(field: Field) -> str:
    """How the details page shows a field."""
    if isinstance(field, DateField):
        return "date"
    if isinstance(field, MoneyField):
        return "money"
    if isinstance(field, WholeNumberField):
        return "number"
    if isinstance(field, TextAreaField):
        return "textarea"
    if isinstance(field, ChoiceField):
        return "radios"
    return "text"


def _shown(field: Field, value: Any) -> str:
    if isinstance(field, DateField):
        return format_date(dt.date.fromisoformat(value), "d MMMM y")
    if isinstance(field, MoneyField):
        return pounds(Decimal(str(value)))
    if isinstance(field, ChoiceField):
        return field.label_for(value)
    return str(value)


def summary_rows(form_class: type[AnswerForm], details: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What the applicant told us, as (label, answer) pairs in the order of the form."""
    form = form_class(formdata=None)
    rows = []
    for name, field in form._fields.items():
        if name in details and details[name] not in (None, ""):
            rows.append((str(field.label.text), _shown(field, details[name])))
    return rows
