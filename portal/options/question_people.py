"""The people pages: the age and sex of each child, and of each other adult, who will live with you."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from portal.options.question_pages import PeoplePage, Person
from portal.rules.options import answers as rules

CHILD = Person(
    heading=lambda n: ngettext("Tell us about your child", "Tell us about your children", n),
    legend=_l("Child %(number)d"),
    age_hint=_l("Enter 0 for a baby under 1 year old"),
    sex_legend=_l("Boy or girl"),
    sexes=(("male", _l("Boy")), ("female", _l("Girl"))),
    no_age=_l("Enter the age of child %(number)d"),
    age_not_a_number=_l("Enter the age of child %(number)d as a whole number, like 7"),
    age_out_of_range=_l("Enter an age from %(min)d to %(max)d for child %(number)d"),
    no_sex=_l("Choose boy or girl for child %(number)d"),
    described={"male": _l("boy aged %(age)d"), "female": _l("girl aged %(age)d")},
    described_baby={"male": _l("baby boy under 1"), "female": _l("baby girl under 1")},
)
ADULT = Person(
    heading=lambda n: ngettext("Tell us about the other adult", "Tell us about the other adults", n),
    legend=_l("Adult %(number)d"),
    age_hint=None,
    sex_legend=_l("Man or woman"),
    sexes=(("male", _l("Man")), ("female", _l("Woman"))),
    no_age=_l("Enter the age of adult %(number)d"),
    age_not_a_number=_l("Enter the age of adult %(number)d as a whole number, like 45"),
    age_out_of_range=_l("Enter an age from %(min)d to %(max)d for adult %(number)d"),
    no_sex=_l("Choose man or woman for adult %(number)d"),
    described={"male": _l("man aged %(age)d"), "female": _l("woman aged %(age)d")},
    described_baby={},
)
CHILDREN_DETAILS = PeoplePage(
    "children_details",
    _l("Tell us about your children"),
    _l("Your children"),
    _l("We ask if each child is a boy or a girl because it can change how many bedrooms you need."),
    count_key="children",
    bounds=rules.CHILD_AGE_RANGE,
    person=CHILD,
)
ADULTS_DETAILS = PeoplePage(
    "adults_details",
    _l("Tell us about the other adults"),
    _l("Other adults"),
    _l("We ask if each adult is a man or a woman because it can change how many bedrooms you need."),
    count_key="other_adults",
    bounds=rules.ADULT_AGE_RANGE,
    person=ADULT,
)
