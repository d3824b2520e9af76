"""The words of the housing options plan: option headings, how well each fits, bands and waits.

The advice engine names options and fits with plain codes; these turn them
into whole sentences in the page's language, the same on the page, in the
PDF and in the email.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from portal.rules.options.council import WaitEstimate

OPTION_HEADINGS = {
    "register": _l("Join the housing register"),
    "social_rent": _l("Social rent"),
    "affordable_rent": _l("Affordable Rent"),
    "shared_ownership": _l("Shared ownership"),
    "first_homes": _l("First Homes"),
    "private_renting": _l("Renting from a private landlord"),
    "mutual_exchange": _l("Swap your home (mutual exchange)"),
    "sheltered": _l("Sheltered housing for older people"),
    "extra_care": _l("Extra care housing"),
    "supported_housing": _l("Supported housing"),
    "armed_forces": _l("Help for the armed forces community"),
    "right_to_move": _l("Right to Move"),
    "homelessness_help": _l("Help if you are homeless or might lose your home"),
    "domestic_abuse_help": _l("Help if someone is hurting you"),
}

#: How well an option fits: the tag's words and its colour. The words say it, never the colour alone.
FIT_TAGS = {
    "yes": (_l("Likely to suit you"), "govuk-tag--green"),
    "maybe": (_l("Worth checking"), "govuk-tag--yellow"),
    "no": (_l("Unlikely to suit you"), "govuk-tag--grey"),
}

#: Help that is there if things change: "unlikely to suit you" would read as turning someone away.
HELP_KINDS = ("homelessness_help", "domestic_abuse_help")
IF_THINGS_CHANGE = _l("If things change")

BAND_NAMES = {
    1: _l("Band 1 (most urgent)"),
    2: _l("Band 2 (high need)"),
    3: _l("Band 3 (some need)"),
    4: _l("Band 4 (lower need)"),
}


def option_heading(kind: str) -> str:
    heading = OPTION_HEADINGS.get(kind)
    return str(heading) if heading is not None else kind.replace("_", " ").capitalize()


def option_id(kind: str) -> str:
    return "option-" + kind.replace("_", "-")


def fit_text(fits: str, kind: str = "") -> str:
    if fits == "no" and kind in HELP_KINDS:
        return str(IF_THINGS_CHANGE)
    return str(FIT_TAGS[fits][0])


def fit_classes(fits: str) -> str:
    return FIT_TAGS[fits][1]


def band_name(band: int | None) -> str | None:
    name = BAND_NAMES.get(band) if band is not None else None
    return str(name) if name is not None else None


def bedrooms_text(bedrooms: int) -> str:
    return ngettext("%(num)d bedroom", "%(num)d bedrooms", bedrooms)


def wait_text(wait: WaitEstimate | None) -> str | None:
    """A likely wait in words, such as "about 12 to 24 months", or None when there is no estimate."""
    if wait is None:
        return None
    low, high = wait.min_months, wait.max_months
    if low is not None and high is not None:
        if low == high:
            return ngettext("about %(num)d month", "about %(num)d months", high)
        return _("about %(min)s to %(max)s months", min=low, max=high)
    if low is not None:
        return ngettext("more than %(num)d month", "more than %(num)d months", low)
    if high is not None:
        return ngettext("up to %(num)d month", "up to %(num)d months", high)
    return None
