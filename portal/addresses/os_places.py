"""The Ordnance Survey Places API: the addresses at a postcode, from Royal Mail's address file.

``GET {base_url}/postcode?postcode=EX11AA&key=...`` answers
``{"results": [{"DPA": {"BUILDING_NUMBER": "4", "THOROUGHFARE_NAME": "ELM ROAD", ...}}]}``,
or no ``results`` at all when nothing is found. The parts come in capital
letters; they are tidied into the lines of the application's address page.
Only the standard library is used, and the key is never put in an error
message or a log.
"""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from portal.addresses.base import AddressLookup, FoundAddress, LookupUnavailable

TIMEOUT_SECONDS = 5.0
MOST_RESULTS = 100
LARGEST_ANSWER = 4 * 1024 * 1024  # 100 addresses are about 100 KB
# Small words in place names that stay lower case, as in "Stoke-on-Trent" or "Newcastle upon Tyne".
SMALL_WORDS = frozenset(
    {"and", "by", "cum", "de", "en", "in", "la", "le", "next", "of", "on", "sub", "super", "the", "under", "upon"}
)
HOUSE_NUMBER = re.compile(r"\d+[a-z]?(?:-\d+[a-z]?)?")  # 4, 10a, 1-3, 2a-2c
FIRST_LETTER = re.compile(r"[a-z]")
NAME_WITH_APOSTROPHE = re.compile(
    r"^([^A-Za-z]*[A-Za-z])'([a-z])(?=[a-z]{2})"
)  # O'neill becomes O'Neill, D'arcy D'Arcy


class OSPlacesLookup(AddressLookup):
    """Finds addresses with the Ordnance Survey Places API ``postcode`` endpoint.

    ``base_url`` is like ``https://api.os.uk/search/places/v1``. ``key`` is the
    project's API key; it is left out of the request when empty (for a proxy
    that adds it).
    """

    def __init__(self, base_url: str, key: str, *, timeout: float = TIMEOUT_SECONDS) -> None:
        scheme = urllib.parse.urlsplit(base_url).scheme
        if scheme not in ("https", "http"):
            raise ValueError("the address must start with https:// (or http:// for a local test service)")
        self.base_url = base_url.rstrip("/")
        self._key = key
        self.timeout = timeout

    def __repr__(self) -> str:  # never show the key
        return f"OSPlacesLookup({self.base_url!r}, key={'set' if self._key else 'empty'})"

    def find(self, postcode: str) -> list[FoundAddress]:
        found: list[FoundAddress] = []
        for result in self._results(postcode):
            address = address_from(result.get("DPA")) if isinstance(result, Mapping) else None
            if address is not None:
                found.append(address)
            if len(found) == MOST_RESULTS:
                break
        return found

    def _results(self, postcode: str) -> list[Any]:
        query = {"postcode": re.sub(r"\s+", "", postcode).upper()}
        if self._key:
            query["key"] = self._key
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked to be http or https)
            f"{self.base_url}/postcode?{urllib.parse.urlencode(query)}",
            headers={"Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read(LARGEST_ANSWER + 1)
            if len(body) > LARGEST_ANSWER:
                raise LookupUnavailable("The address lookup sent an answer too large to be addresses.")
            answer = json.loads(body)
        except urllib.error.HTTPError as error:
            error.close()
            raise LookupUnavailable(f"The address lookup answered with HTTP status {error.code}.") from None
        except (OSError, http.client.HTTPException) as error:  # refused, unreachable, timed out, cut off
            raise LookupUnavailable(f"The address lookup could not be reached ({type(error).__name__}).") from None
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested too deeply
            raise LookupUnavailable("The address lookup sent something that is not JSON.") from None
        if not isinstance(answer, Mapping):
            raise LookupUnavailable("The address lookup sent JSON of the wrong shape.")
        results = answer.get("results", [])  # no "results" means no addresses at this postcode
        if not isinstance(results, list):
            raise LookupUnavailable("The address lookup sent JSON of the wrong shape.")
        return results


def address_from(dpa: Any) -> FoundAddress | None:
    """The address page's lines for one Royal Mail address; None when it lacks a first line, town or postcode."""
    if not isinstance(dpa, Mapping):
        return None

    def part(name: str) -> str:
        value = dpa.get(name)
        return " ".join(str(value).split()) if isinstance(value, str | int) else ""

    building_name = part("BUILDING_NAME")
    number = part("BUILDING_NUMBER")
    if not number and HOUSE_NUMBER.fullmatch(building_name.lower()):  # "1-3" or "12A" goes before the street
        number, building_name = building_name, ""
    streets = [name for name in (part("DEPENDENT_THOROUGHFARE_NAME"), part("THOROUGHFARE_NAME")) if name]
    street = " ".join(piece for piece in (number, ", ".join(streets)) if piece)
    premises = [name for name in (part("ORGANISATION_NAME"), part("SUB_BUILDING_NAME"), building_name) if name]
    rest = [name for name in (street, part("DEPENDENT_LOCALITY")) if name]
    if premises:
        line_1, line_2 = ", ".join(premises), ", ".join(rest)
    elif rest:
        line_1, line_2 = rest[0], ", ".join(rest[1:])
    else:
        return None
    town, postcode = part("POST_TOWN"), part("POSTCODE").upper()
    if not town or not postcode:
        return None
    return FoundAddress(tidy_case(line_1), tidy_case(line_2), tidy_case(town), postcode)


def tidy_case(text: str) -> str:
    """Capital letters only where they belong: "FLAT 1A, 10 ST JOHN'S ROAD" becomes "Flat 1A, 10 St John's Road".

    House numbers keep their letter in capitals ("12A"), ordinals stay small ("1st"), small words in
    place names stay small ("Stoke-on-Trent"), and names like O'Neill keep both capitals.
    """
    return ", ".join(_tidy_words(segment.split()) for segment in text.lower().split(","))


def _tidy_words(words: list[str]) -> str:
    tidied = []
    for index, word in enumerate(words):
        pieces = word.split("-")
        tidied.append("-".join(_tidy_piece(piece, first=index == 0 and at == 0) for at, piece in enumerate(pieces)))
    return " ".join(tidied)


def _tidy_piece(piece: str, *, first: bool) -> str:
    if not piece:
        return piece
    if piece[0].isdigit():
        return piece.upper() if HOUSE_NUMBER.fullmatch(piece) else piece
    if piece in SMALL_WORDS and not first:
        return piece
    piece = FIRST_LETTER.sub(lambda found: found[0].upper(), piece, count=1)
    return NAME_WITH_APOSTROPHE.sub(lambda found: f"{found[1]}'{found[2].upper()}", piece, count=1)
