"""An advert in words, in the page's language: what it costs, who it is for, and every detail of the home."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import ngettext

from portal.data.advert_models import Advert
from portal.data.bidders import pounds_from_pence
from portal.homes.routes import bedrooms_text, kind_name, money
from portal.rules.affordability import pounds
from portal.rules.lettings.kinds import RENT_TENURES
from portal.templating import show_date

Row = tuple[str, str]


def headline(advert: Advert) -> str:
    """ "2 bedroom flat" as one translated phrase: the number and the type of home."""
    return _(
        "%(bedrooms)s, %(type)s",
        bedrooms=bedrooms_text(advert.bedrooms),
        type=kind_name("property_type", advert.property_type).lower(),
    )


def cost_rows(advert: Advert) -> list[Row]:
    """What the home costs: rent and service charge for rent homes; price and shares for homes to buy."""
    rows: list[Row] = []
    if advert.tenure in RENT_TENURES:
        if advert.weekly_rent_pence is not None:
            rows.append((_("Rent"), _("%(amount)s a week", amount=money(advert.weekly_rent_pence))))
        if advert.weekly_service_charge_pence:
            rows.append((_("Service charge"), _("%(amount)s a week", amount=money(advert.weekly_service_charge_pence))))
        return rows
    if advert.market_value_pence is not None:
        rows.append((_("Full price"), money(advert.market_value_pence)))
    if advert.tenure == "shared_ownership":
        if advert.min_share_percent is not None and advert.max_share_percent is not None:
            rows.append(
                (
                    _("Share you can buy"),
                    _("%(low)s%% to %(high)s%%", low=advert.min_share_percent, high=advert.max_share_percent),
                )
            )
        if advert.monthly_rent_pence is not None:
            rows.append(
                (_("Rent on the part you do not own"), _("%(amount)s a month", amount=money(advert.monthly_rent_pence)))
            )
    if advert.tenure == "first_homes" and advert.discount_percent is not None and advert.market_value_pence:
        value = pounds_from_pence(advert.market_value_pence) or Decimal(0)
        price = value * (100 - advert.discount_percent) / 100
        rows.append(
            (
                _("Price to you"),
                _(
                    "%(price)s, after a discount of %(discount)s%%",
                    price=pounds(price),
                    discount=advert.discount_percent,
                ),
            )
        )
    if advert.monthly_service_charge_pence:
        rows.append((_("Service charge"), _("%(amount)s a month", amount=money(advert.monthly_service_charge_pence))))
    return rows


def short_cost(advert: Advert) -> str:
    """The one figure a list of homes shows: the weekly rent, or the price."""
    if advert.tenure in RENT_TENURES and advert.weekly_rent_pence is not None:
        return _("%(amount)s a week", amount=money(advert.weekly_rent_pence))
    if advert.market_value_pence is not None:
        return _("Full price %(amount)s", amount=money(advert.market_value_pence))
    return ""


def _bedroom_rule(low: int | None, high: int | None) -> str | None:
    if low is not None and high is not None and low == high:
        return ngettext("For households who need %(num)d bedroom.", "For households who need %(num)d bedrooms.", low)
    if low is not None and high is not None:
        return _("For households who need %(low)s to %(high)s bedrooms.", low=low, high=high)
    if low is not None:
        return ngettext(
            "For households who need %(num)d bedroom or more.", "For households who need %(num)d bedrooms or more.", low
        )
    if high is not None:
        return ngettext(
            "For households who need no more than %(num)d bedroom.",
            "For households who need no more than %(num)d bedrooms.",
            high,
        )
    return None


def _age_rule(low: int | None, high: int | None) -> str | None:
    if low is not None and high is not None:
        return _("For people aged %(low)s to %(high)s.", low=low, high=high)
    if low is not None:
        return _("For people aged %(low)s or over.", low=low)
    if high is not None:
        return _("For people aged %(high)s or under.", high=high)
    return None


def restrictions(advert: Advert) -> list[str]:
    """Who the home is for, one sentence a rule; empty when it is for any household on the register."""
    found = [
        _bedroom_rule(advert.min_bedroom_need, advert.max_bedroom_need),
        _age_rule(advert.min_age, advert.max_age),
    ]
    if advert.transfer_only:
        found.append(_("Only for people who already rent their home from the council or a housing association."))
    if advert.local_connection_only:
        found.append(_("Only for people with a local connection to the area."))
    return [sentence for sentence in found if sentence]


def _floor(advert: Advert) -> str | None:
    if advert.floor is None:
        return None
    if advert.floor == 0:
        return _("Ground floor")
    return _("Floor %(number)s", number=advert.floor)


def _lift(advert: Advert) -> str | None:
    if advert.has_lift is None:
        return None
    return _("Yes, there is a lift") if advert.has_lift else _("No, there is no lift")


def coordinate(value: float) -> str:
    """A latitude or longitude for reading: at most 4 decimal places, without trailing zeros."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def detail_rows(advert: Advert) -> list[Row]:
    """Every detail of the home, in words, in the order people look for them."""
    rows: list[Row] = [
        (_("Renting or buying"), kind_name("tenure", advert.tenure)),
        (_("Type of home"), kind_name("property_type", advert.property_type)),
        (_("Bedrooms"), bedrooms_text(advert.bedrooms)),
    ]
    floor, lift = _floor(advert), _lift(advert)
    if floor:
        rows.append((_("Floor"), floor))
    if lift:
        rows.append((_("Lift"), lift))
    rows.append((_("Getting in and around"), kind_name("mobility", advert.mobility)))
    if advert.accessibility:
        rows.append((_("Access features"), advert.accessibility))
    place = ", ".join(
        part for part in (advert.address_line_1, advert.address_line_2, advert.town, advert.postcode) if part
    )
    rows.append((_("Address"), place))
    if advert.area:
        rows.append((_("Area"), advert.area))
    if advert.latitude is not None and advert.longitude is not None:
        rows.append(
            (
                _("Map position"),
                _(
                    "%(latitude)s, %(longitude)s",
                    latitude=coordinate(advert.latitude),
                    longitude=coordinate(advert.longitude),
                ),
            )
        )
    landlord = advert.landlord
    if landlord.kind == "council":
        rows.append((_("Landlord"), landlord.name))
    else:
        rows.append((_("Landlord"), f"{landlord.name} ({kind_name('landlord', landlord.kind)})"))
    return rows


def window_sentence(advert: Advert) -> str | None:
    cycle = advert.cycle
    if cycle is None:
        return None
    return _(
        "Bidding opens on %(opens)s and closes at the end of %(closes)s.",
        opens=show_date(cycle.opens_on),
        closes=show_date(cycle.closes_on),
    )
