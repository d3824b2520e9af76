"""Finding UK addresses by postcode, so applicants can pick their address instead of typing it.

`address_lookup(app)` gives the app's lookup, or None when none is configured
(``ADDRESS_LOOKUP_URL`` is empty): then people type their address by hand.
The only lookup is `OSPlacesLookup`, for the Ordnance Survey Places API.

Everything here is plain Python except `portal.addresses.factory`, which
reads the Flask app's configuration.
"""

from __future__ import annotations

from portal.addresses.base import AddressLookup, FoundAddress, LookupUnavailable
from portal.addresses.factory import address_lookup
from portal.addresses.os_places import OSPlacesLookup

__all__ = ["AddressLookup", "FoundAddress", "LookupUnavailable", "OSPlacesLookup", "address_lookup"]
