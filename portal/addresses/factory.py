"""The app's address lookup, chosen by its configuration: the one part of portal.addresses that knows Flask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.addresses.base import AddressLookup
from portal.addresses.os_places import OSPlacesLookup
from portal.config import ConfigurationError

if TYPE_CHECKING:
    from flask import Flask


def address_lookup(app: Flask) -> AddressLookup | None:
    """The lookup for ``ADDRESS_LOOKUP_URL`` and ``ADDRESS_LOOKUP_KEY``, or None when the address is not set.

    A new lookup is made each time (it holds no connection), so a changed configuration takes effect at once.
    """
    base_url = (app.config.get("ADDRESS_LOOKUP_URL") or "").strip()
    if not base_url:
        return None
    try:
        return OSPlacesLookup(base_url, app.config.get("ADDRESS_LOOKUP_KEY") or "")
    except ValueError as error:
        raise ConfigurationError(f"ADDRESS_LOOKUP_URL is not usable: {error}") from None
