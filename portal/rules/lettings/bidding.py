"""Who may bid for a home, and if not, why, in plain words.

``eligibility_blockers`` holds the advert's own rules (who the home is for);
the shortlist uses the same rules to leave out bidders the home is not for.
``bid_check`` adds the rules of bidding itself: an application to bid with, an
advert taking bids, one bid a home, and the cycle's bid limit.

A fact the rules need but do not have (a bedroom need or an age) gives the
household the benefit of the doubt: it does not stop the bid, and an officer
checks every household before an offer. Transfer-only and local-connection
homes are different: they are only for households shown to meet the rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from portal.rules.lettings.facts import SOCIAL_TENANT_HOMES, Bidder, Home
from portal.rules.text import N_, Sentence

NO_ACCOUNT = "no_account"
ADVERT_NOT_OPEN = "advert_not_open"
NOT_ON_REGISTER = "not_on_register"
TOO_FEW_BEDROOMS_NEEDED = "too_few_bedrooms_needed"
TOO_MANY_BEDROOMS_NEEDED = "too_many_bedrooms_needed"
TOO_YOUNG = "too_young"
TOO_OLD = "too_old"
TRANSFER_ONLY = "transfer_only"
LOCAL_CONNECTION = "local_connection"
ALREADY_BID = "already_bid"
BID_LIMIT = "bid_limit"

#: Every code, in the order ``bid_check`` gives them.
CODES = (
    NO_ACCOUNT,
    ADVERT_NOT_OPEN,
    NOT_ON_REGISTER,
    TOO_FEW_BEDROOMS_NEEDED,
    TOO_MANY_BEDROOMS_NEEDED,
    TOO_YOUNG,
    TOO_OLD,
    TRANSFER_ONLY,
    LOCAL_CONNECTION,
    ALREADY_BID,
    BID_LIMIT,
)

#: Each code as one sentence without the numbers, for places that keep only the code
#: (a bidder left off a shortlist). Officers read the same words, untranslated.
REASONS: dict[str, str] = {
    NO_ACCOUNT: N_("To bid for a home, you need an application on the housing register."),
    ADVERT_NOT_OPEN: N_("This home is not taking bids at the moment."),
    NOT_ON_REGISTER: N_("Only households on the housing register with a band can bid for homes."),
    TOO_FEW_BEDROOMS_NEEDED: N_("This home is for households who need more bedrooms."),
    TOO_MANY_BEDROOMS_NEEDED: N_("This home is for households who need fewer bedrooms."),
    TOO_YOUNG: N_("This home is for older people."),
    TOO_OLD: N_("This home is for younger people."),
    TRANSFER_ONLY: N_("This home is only for people who already rent from the council or a housing association."),
    LOCAL_CONNECTION: N_("This home is only for people with a local connection to the area."),
    ALREADY_BID: N_("You have already bid for this home."),
    BID_LIMIT: N_("You are using all your bids in this bidding cycle."),
}


@dataclass(frozen=True, slots=True)
class Blocker:
    code: str
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class BidCheck:
    blockers: tuple[Blocker, ...]

    @property
    def can_bid(self) -> bool:
        return not self.blockers

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(blocker.code for blocker in self.blockers)


def _blocker(code: str, message: str, **params: object) -> Blocker:
    return Blocker(code, Sentence(message, "", params))


def _bedrooms(code: str, home: Home, need: int) -> Blocker:
    """The home's bedroom rule in words, then the household's need (a bare number, so it reads for 1 and more)."""
    low, high = home.min_bedroom_need, home.max_bedroom_need
    if low is not None and high is not None:
        if low == high == 1:
            message = N_("This home is for households who need 1 bedroom. Your household needs %(need)s.")
        elif low == high:
            message = N_("This home is for households who need %(low)s bedrooms. Your household needs %(need)s.")
        else:
            message = N_(
                "This home is for households who need %(low)s to %(high)s bedrooms. Your household needs %(need)s."
            )
    elif low is not None:
        if low == 1:
            message = N_("This home is for households who need 1 bedroom or more. Your household needs %(need)s.")
        else:
            message = N_(
                "This home is for households who need %(low)s bedrooms or more. Your household needs %(need)s."
            )
    elif high == 1:
        message = N_("This home is for households who need no more than 1 bedroom. Your household needs %(need)s.")
    else:
        message = N_("This home is for households who need %(high)s bedrooms or fewer. Your household needs %(need)s.")
    return _blocker(code, message, low=low, high=high, need=need)


def _age(code: str, home: Home, age: int) -> Blocker:
    low, high = home.min_age, home.max_age
    if low is not None and high is not None:
        message = N_("This home is for people aged %(low)s to %(high)s. You are %(age)s.")
    elif low is not None:
        message = N_("This home is for people aged %(low)s or over. You are %(age)s.")
    else:
        message = N_("This home is for people aged %(high)s or under. You are %(age)s.")
    return _blocker(code, message, low=low, high=high, age=age)


def _not_on_register(stage: str) -> Blocker:
    """Why a household not on the register cannot bid, in the words its application page uses for its stage."""
    if stage == "suspended":
        message = N_(
            "Your application is on hold for now, so you cannot bid for homes. We will write to you to say why "
            "and what you can do."
        )
    elif stage == "closed":
        message = N_("Your application is closed. If things change, you can apply again at any time.")
    else:
        message = N_(
            "You can bid for homes once your application is on the housing register and has a band. "
            "Your application page shows where it is up to."
        )
    return _blocker(NOT_ON_REGISTER, message)


def eligibility_blockers(home: Home, bidder: Bidder) -> tuple[Blocker, ...]:
    """Why the home is not for this household, in a fixed order; empty when it is."""
    blockers: list[Blocker] = []
    if bidder.stage != "active" or bidder.band is None:
        blockers.append(_not_on_register(bidder.stage))
    need = bidder.bedroom_need
    if need is not None and home.min_bedroom_need is not None and need < home.min_bedroom_need:
        blockers.append(_bedrooms(TOO_FEW_BEDROOMS_NEEDED, home, need))
    if need is not None and home.max_bedroom_need is not None and need > home.max_bedroom_need:
        blockers.append(_bedrooms(TOO_MANY_BEDROOMS_NEEDED, home, need))
    age = bidder.applicant_age
    if age is not None and home.min_age is not None and age < home.min_age:
        blockers.append(_age(TOO_YOUNG, home, age))
    if age is not None and home.max_age is not None and age > home.max_age:
        blockers.append(_age(TOO_OLD, home, age))
    if home.transfer_only and bidder.current_home_type not in SOCIAL_TENANT_HOMES:
        blockers.append(
            _blocker(
                TRANSFER_ONLY,
                N_(
                    "This home is only for people who already rent their home from the council or a housing "
                    "association and want to move."
                ),
            )
        )
    if home.local_connection_only and bidder.local_connection is not True:
        blockers.append(
            _blocker(
                LOCAL_CONNECTION,
                N_(
                    "This home is only for people with a local connection to the area, such as living or "
                    "working here. Our records do not show a local connection for your household."
                ),
            )
        )
    return tuple(blockers)


def bid_check(
    home: Home, bidder: Bidder | None, *, active_bids: int, bid_limit: int, already_bid: bool, today: dt.date
) -> BidCheck:
    """Whether the household may bid for the home now, and every reason it may not, in a fixed order.

    Without an application (``bidder`` is None) only ``no_account`` and ``advert_not_open`` can apply.

    ``active_bids`` counts the household's bids in the home's bidding cycle; a
    household that has already bid for this home is told so rather than about its limit.
    ``today`` is the day of the bid; the advert's status (kept by its cycle) already says whether it takes bids.
    """
    blockers: list[Blocker] = []
    if bidder is None:
        blockers.append(
            _blocker(
                NO_ACCOUNT,
                N_("To bid for a home, you need an application on the housing register. You can apply online."),
            )
        )
    if home.status != "open":
        blockers.append(_blocker(ADVERT_NOT_OPEN, N_("This home is not taking bids at the moment.")))
    if bidder is None:
        return BidCheck(tuple(blockers))
    blockers.extend(eligibility_blockers(home, bidder))
    if already_bid:
        blockers.append(
            _blocker(ALREADY_BID, N_("You have already bid for this home. You can see your bids on your bids page."))
        )
    if active_bids >= bid_limit and not already_bid:
        if bid_limit < 1:
            message = N_("You cannot bid for this home because its bidding cycle does not take bids.")
        elif bid_limit == 1:
            message = N_(
                "You have 1 bid in this bidding cycle and you are using it. You can take back your bid to bid "
                "for this home."
            )
        else:
            message = N_(
                "You have %(limit)s bids in this bidding cycle and you are using them all. You can take back a bid "
                "to bid for this home."
            )
        blockers.append(_blocker(BID_LIMIT, message, limit=bid_limit))
    return BidCheck(tuple(blockers))
