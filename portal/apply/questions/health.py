"""Health and disability: how where you live affects anyone's health, getting around, a room of their own,
an overnight carer, and the optional medical and welfare form."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from portal.apply.asks import ChoiceAsk, Context, TextAreaAsk, YesNoAsk
from portal.apply.sections import Section

MOBILITY = (
    ("none", _l("No, everyone can manage steps and stairs")),
    ("steps_hard", _l("Yes, someone finds steps or stairs hard")),
    ("wheelchair", _l("Yes, someone uses a wheelchair")),
)
YOU = _l("%(name)s (you)")


def _just(label: str) -> Callable[[Context], str]:
    """A choice label shown exactly as given (a name is never read as a pattern to fill in)."""
    return lambda _context: label


def household_people(context: Context) -> list[tuple[str, Callable[[Context], str]]]:
    """Everyone in the household by name, for "who needs a bedroom of their own"."""
    found = []
    for person in context.facts.get("people") or []:
        name = str(person.get("full_name") or "")
        if person.get("relationship") == "applicant":
            name = str(YOU) % {"name": name}
        found.append((person["id"], _just(name)))
    return found


def is_yes(key: str) -> Callable[[Context], bool]:
    return lambda context: context.known.get(key) == "yes"


def someone_to_choose(context: Context) -> bool:
    return context.known.get("own_room") == "yes" and len(context.facts.get("people") or []) > 1


def has_health_need(context: Context) -> bool:
    """Whether anything in this section is about health, so the medical and welfare form could help."""
    known = context.known
    return (
        known.get("health_problem") == "yes"
        or known.get("mobility") in ("steps_hard", "wheelchair")
        or known.get("own_room") == "yes"
        or known.get("overnight_carer") == "yes"
    )


def filling_in_form(context: Context) -> bool:
    return has_health_need(context) and context.known.get("medical_form") == "yes"


SECTION = Section(
    key="health",
    title=_l("Health and disability"),
    before=(
        YesNoAsk(
            "health_problem",
            _l("Does where you live make anyone's health or disability harder to live with?"),
            _l("Home makes health or disability harder"),
            hint=_l("Think about everyone who will live with you. This includes mental health."),
            required=_l("Select yes if where you live makes anyone's health or disability harder to live with"),
        ),
        TextAreaAsk(
            "health_details",
            _l("Tell us about the health problem or disability"),
            _l("About the health problem or disability"),
            hint=_l(
                "Say who it affects and how where you live makes it harder. For example, the damp makes asthma worse."
            ),
            required=_l("Enter something about the health problem or disability"),
            when=is_yes("health_problem"),
        ),
        ChoiceAsk(
            "mobility",
            _l("Does anyone who will live with you find it hard to get around?"),
            _l("Getting around"),
            choices=MOBILITY,
            required=_l("Select if anyone who will live with you finds it hard to get around"),
        ),
        YesNoAsk(
            "own_room",
            _l("Does anyone need a bedroom of their own because of their health?"),
            _l("Needs a bedroom of their own"),
            hint=_l(
                "For example, because they cannot share a room with their condition, or need equipment by the bed."
            ),
            required=_l("Select yes if anyone needs a bedroom of their own because of their health"),
        ),
        ChoiceAsk(
            "own_room_person",
            _l("Who needs a bedroom of their own?"),
            _l("Who needs a bedroom of their own"),
            choices=household_people,
            required=_l("Select who needs a bedroom of their own"),
            when=someone_to_choose,
        ),
        YesNoAsk(
            "overnight_carer",
            _l("Does anyone need a carer to stay overnight?"),
            _l("Needs a carer overnight"),
            hint=_l("A carer who does not live with you, but needs to stay the night to look after someone."),
            required=_l("Select yes if anyone needs a carer to stay overnight"),
        ),
        YesNoAsk(
            "medical_form",
            _l("Do you want to fill in our medical and welfare form now?"),
            _l("Medical and welfare form"),
            hint=_l(
                "It helps an officer decide faster how your health affects your housing. "
                "You do not have to fill it in. It is 3 short questions."
            ),
            required=_l("Select yes if you want to fill in the medical and welfare form now"),
            when=has_health_need,
        ),
        TextAreaAsk(
            "medical_condition",
            _l("What health problem or disability does each person have?"),
            _l("Health problems or disabilities"),
            hint=_l("Say who has it. For example, my son has asthma and I have depression."),
            required=_l("Enter the health problem or disability each person has"),
            when=filling_in_form,
        ),
        TextAreaAsk(
            "medical_effect",
            _l("How does where you live now affect it?"),
            _l("How where you live affects it"),
            hint=_l("For example, I cannot get up the stairs to the bathroom, or the damp makes his breathing worse."),
            required=_l("Enter how where you live now affects it"),
            when=filling_in_form,
        ),
        TextAreaAsk(
            "medical_professionals",
            _l("Which doctors, nurses or other health workers know about it?"),
            _l("Health workers who know about it"),
            hint=_l("Give their names and where they work, if you know them. Leave this empty if there are none."),
            optional=True,
            when=filling_in_form,
        ),
    ),
)
