"""Where each of a household's bids stands, in plain words, from the records: never a guess.

While bidding is open the household sees its live place. After it closes it
sees its place on the shortlist, an offer or nomination, the let, or that the
home's rules left it out, each only once the record says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from flask_babel import gettext as _

from portal.data import bids, lets, offers, shortlists
from portal.data.advert_models import Advert
from portal.data.application_models import Application
from portal.data.letting_models import Bid, Let, Offer, ShortlistEntry
from portal.extensions import db
from portal.rules.lettings.bidding import REASONS
from portal.rules.lettings.shortlist import position_sentence
from portal.templating import show_date

BLUE, GREEN, GREY, ORANGE = "govuk-tag--blue", "govuk-tag--green", "govuk-tag--grey", "govuk-tag--orange"


@dataclass
class BidView:
    """One bid as the "your bids" page shows it."""

    bid: Bid
    advert: Advert
    tag: str
    tag_class: str
    lines: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def can_withdraw(self) -> bool:
        return self.bid.status == "active" and self.advert.status == "open"


def reasons_for(codes: Sequence[str]) -> list[str]:
    """Why the home's rules leave a household out, one sentence a rule, in the page's language."""
    return [_(REASONS[code]) for code in codes if code in REASONS]


def _latest_offer(all_offers: Sequence[Offer], advert_id: int) -> Offer | None:
    mine = [offer for offer in all_offers if offer.advert_id == advert_id]
    return max(mine, key=lambda offer: offer.id) if mine else None


def _open(view: BidView, place: bids.LivePlace | None) -> None:
    view.tag, view.tag_class = _("Bidding open"), BLUE
    if place is not None and place.position is not None:
        view.lines.append(position_sentence(place.position, place.eligible_bidders).text(_))
    elif place is not None:
        view.lines.append(_("At the moment, this home's rules would leave you off the shortlist:"))
        view.reasons = reasons_for(place.excluded_because)
    cycle = view.advert.cycle
    if cycle is not None:
        view.lines.append(_("Bidding closes on %(date)s.", date=show_date(cycle.closes_on)))


def _housed_elsewhere(view: BidView, let: Let, entry: ShortlistEntry | None) -> None:
    view.tag, view.tag_class = _("Not successful"), GREY
    view.lines.append(_("This home was let to another household on %(date)s.", date=show_date(let.let_on)))
    if entry is not None and entry.position is not None:
        view.lines.append(_("You were number %(position)s on the shortlist.", position=entry.position))
    if let.band is not None and let.priority_date is not None:
        view.lines.append(
            _(
                "The household housed was in band %(band)s, with a priority date of %(date)s.",
                band=let.band,
                date=show_date(let.priority_date),
            )
        )


def _offer(view: BidView, offer: Offer) -> bool:
    """Words for the household's own offer; False when the offer has been taken back (nothing to say)."""
    if offer.status == "made":
        view.tag, view.tag_class = _("Offered to you"), GREEN
        view.lines.append(_("We have offered you this home."))
        if offer.respond_by is not None:
            view.lines.append(_("Please tell us by %(date)s if you want it.", date=show_date(offer.respond_by)))
        return True
    if offer.status == "accepted":
        view.tag, view.tag_class = _("You said yes"), GREEN
        view.lines.append(_("You said yes to this home. We will contact you about moving in."))
        return True
    if offer.status == "refused":
        view.tag, view.tag_class = _("You said no"), GREY
        view.lines.append(_("You said no to the offer of this home."))
        return True
    return False


def _after_bidding(
    view: BidView, application: Application, entry: ShortlistEntry | None, offer: Offer | None, let: Let | None
) -> None:
    advert = view.advert
    if let is not None and let.application_id == application.id:
        view.tag, view.tag_class = _("Housed"), GREEN
        view.lines.append(_("You have been housed in this home, from %(date)s.", date=show_date(let.let_on)))
    elif offer is not None and _offer(view, offer):
        pass
    elif entry is not None and entry.status == "excluded":
        view.tag, view.tag_class = _("Not on the shortlist"), GREY
        view.lines.append(_("This home's rules left you off the shortlist:"))
        view.reasons = reasons_for(entry.excluded_because)
    elif let is not None:
        _housed_elsewhere(view, let, entry)
    elif advert.status == "withdrawn":
        view.tag, view.tag_class = _("Home withdrawn"), GREY
        view.lines.append(_("This home was taken off the list, so it will not be let through this advert."))
    elif entry is not None and entry.status == "offered":
        view.tag, view.tag_class = _("Put forward"), GREEN
        view.lines.append(_("We have put you forward to the landlord for this home. They will contact you."))
    elif entry is not None and entry.status == "skipped":
        view.tag, view.tag_class = _("Not offered"), GREY
        view.lines.append(_("We have not offered you this home. If you would like to know why, please contact us."))
    elif entry is not None and entry.position is not None:
        view.tag, view.tag_class = _("Shortlisted"), BLUE
        view.lines.append(
            _(
                "Bidding has closed and we are checking the shortlist. You are number %(position)s.",
                position=entry.position,
            )
        )
    elif advert.status == "matched":
        view.tag, view.tag_class = _("Not offered"), GREY
        view.lines.append(_("This home is being let outside bidding, to a household with an urgent need."))
    else:
        view.tag, view.tag_class = _("Bidding closed"), BLUE
        view.lines.append(_("Bidding has closed. We are making the shortlist, and your place will show here soon."))


def _withdrawn(view: BidView) -> None:
    view.tag, view.tag_class = _("Taken back"), GREY
    when = view.bid.withdrawn_at
    if when is not None:
        view.lines.append(_("You took back this bid on %(date)s.", date=show_date(when)))
    else:
        view.lines.append(_("This bid was taken back."))


def bid_views(application: Application, today: dt.date) -> list[BidView]:
    """Every bid of the household, newest first, with where it stands."""
    rows = bids.bids_for_application(db.session, application.id)
    if not rows:
        return []
    all_offers = offers.offers_for_application(db.session, application.id)
    views = []
    for row in rows:
        view = BidView(row.bid, row.advert, "", "")
        if row.bid.status != "active":
            _withdrawn(view)
        elif row.advert.status == "open":
            places = bids.live_places(db.session, row.advert, [application.id], today)
            _open(view, places.get(application.id))
        else:
            entry = shortlists.entry_for(db.session, row.advert.id, application.id)
            let = lets.let_for_advert(db.session, row.advert.id)
            _after_bidding(view, application, entry, _latest_offer(all_offers, row.advert.id), let)
        if row.bid.automatic:
            view.lines.append(_("We placed this bid for you automatically."))
        views.append(view)
    return views
