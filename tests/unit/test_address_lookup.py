"""The Ordnance Survey Places lookup against a real local HTTP server: addresses, the key, and every failure."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from flask import Flask

from portal.addresses import FoundAddress, LookupUnavailable, OSPlacesLookup, address_lookup
from portal.addresses.os_places import tidy_case
from portal.config import ConfigurationError
from tests.address_server import (
    ELM_ROAD,
    HIGH_STREET,
    ROSE_COURT,
    PlacesServer,
    Reply,
    closed_port_url,
    dpa,
    places_server,
    results,
)

KEY = "test-key-7f3a9c"


@pytest.fixture
def server() -> Iterator[PlacesServer]:
    with places_server() as running:
        yield running


def test_addresses_are_tidied_into_the_lines_of_the_address_page(server):
    server.reply = Reply(body=results(ELM_ROAD, ROSE_COURT, HIGH_STREET))
    found = OSPlacesLookup(server.base_url, KEY).find("ex1 1aa")
    assert found == [
        FoundAddress("4 Elm Road", "", "Exampletown", "EX1 1AA"),
        FoundAddress("Flat 2, Rose Court", "10 St John's Road", "Stoke-on-Trent", "EX1 1AA"),
        FoundAddress("12A High Street", "Little Hampton", "Newcastle upon Tyne", "EX1 1AA"),
    ]


def test_the_postcode_and_key_are_sent_to_the_postcode_endpoint(server):
    server.reply = Reply(body=results(ELM_ROAD))
    OSPlacesLookup(server.base_url + "/", KEY).find(" ex1  1aa ")
    assert len(server.requests) == 1
    assert server.requests[0].startswith("/search/places/v1/postcode?")
    assert server.queries()[0] == {"postcode": ["EX11AA"], "key": [KEY]}


def test_an_empty_key_is_left_out_for_a_proxy_that_adds_it(server):
    OSPlacesLookup(server.base_url, "").find("EX1 1AA")
    assert server.queries()[0] == {"postcode": ["EX11AA"]}


def test_no_results_means_no_addresses(server):
    server.reply = Reply(body=results())
    assert "results" not in server.reply.body
    assert OSPlacesLookup(server.base_url, KEY).find("EX1 1AA") == []


def test_at_most_100_addresses_are_given(server):
    many = [
        dpa(BUILDING_NUMBER=str(number), THOROUGHFARE_NAME="LONG ROAD", POST_TOWN="BIGTOWN", POSTCODE="EX1 1AA")
        for number in range(1, 151)
    ]
    server.reply = Reply(body=results(*many))
    found = OSPlacesLookup(server.base_url, KEY).find("EX1 1AA")
    assert len(found) == 100
    assert found[0].line_1 == "1 Long Road" and found[-1].line_1 == "100 Long Road"


def test_results_without_a_first_line_town_or_postcode_are_left_out(server):
    no_town = dpa(BUILDING_NUMBER="5", THOROUGHFARE_NAME="ELM ROAD", POSTCODE="EX1 1AA")
    no_street = dpa(POST_TOWN="EXAMPLETOWN", POSTCODE="EX1 1AA")
    server.reply = Reply(body=results(no_town, no_street, {"LPI": {"ADDRESS": "6 ELM ROAD"}}, ELM_ROAD))
    assert [found.line_1 for found in OSPlacesLookup(server.base_url, KEY).find("EX1 1AA")] == ["4 Elm Road"]


@pytest.mark.parametrize(
    "reply",
    [
        Reply(status=500, body={"error": {"statuscode": 500, "message": "Internal error"}}),
        Reply(status=401, body={"error": {"statuscode": 401, "message": "Invalid key"}}),
        Reply(body=b"<html>not json</html>"),
        Reply(body=b"\xff\xfe{"),
        Reply(body=["a", "list"]),
        Reply(body={"results": "not a list"}),
        Reply(body=b"[" * 100_000),
        Reply(body=b'{"results": [' + b"0," * 2_100_000 + b"0]}"),
    ],
    ids=["http-500", "http-401", "not-json", "not-utf8", "json-list", "results-not-a-list", "too-deep", "too-big"],
)
def test_a_bad_answer_raises_lookup_unavailable_without_the_key(server, reply):
    server.reply = reply
    with pytest.raises(LookupUnavailable) as raised:
        OSPlacesLookup(server.base_url, KEY).find("EX1 1AA")
    assert KEY not in str(raised.value) and server.base_url not in str(raised.value)
    assert len(server.requests) == 1


def test_a_slow_answer_raises_lookup_unavailable_after_the_timeout(server):
    server.reply = Reply(body=results(ELM_ROAD), delay=3)
    lookup = OSPlacesLookup(server.base_url, KEY, timeout=0.2)
    started = time.monotonic()
    with pytest.raises(LookupUnavailable):
        lookup.find("EX1 1AA")
    assert time.monotonic() - started < 2
    assert len(server.requests) == 1


def test_a_refused_connection_raises_lookup_unavailable():
    with pytest.raises(LookupUnavailable) as raised:
        OSPlacesLookup(closed_port_url(), KEY).find("EX1 1AA")
    assert KEY not in str(raised.value)


def test_the_timeout_is_5_seconds_unless_told_otherwise_and_the_key_is_never_shown():
    lookup = OSPlacesLookup("https://api.os.uk/search/places/v1", KEY)
    assert lookup.timeout == 5
    assert KEY not in repr(lookup) and "key=set" in repr(lookup)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/places", "api.os.uk/search/places/v1"])
def test_only_web_addresses_are_accepted(url):
    with pytest.raises(ValueError, match="https://"):
        OSPlacesLookup(url, KEY)


@pytest.mark.parametrize(
    ("text", "tidied"),
    [
        ("FLAT 1A, 10 ST JOHN'S ROAD", "Flat 1A, 10 St John's Road"),
        ("1ST FLOOR FLAT, THE GREEN", "1st Floor Flat, The Green"),
        ("O'NEILL HOUSE", "O'Neill House"),
        ("ASHBY-DE-LA-ZOUCH", "Ashby-de-la-Zouch"),
        ("2A-2C MARKET PLACE", "2A-2C Market Place"),
    ],
)
def test_capital_letters_are_tidied(text, tidied):
    assert tidy_case(text) == tidied


def test_the_factory_makes_a_lookup_only_when_an_address_is_configured():
    app = Flask(__name__)
    app.config.update(ADDRESS_LOOKUP_URL="", ADDRESS_LOOKUP_KEY=KEY)
    assert address_lookup(app) is None
    app.config["ADDRESS_LOOKUP_URL"] = "https://api.os.uk/search/places/v1"
    made = address_lookup(app)
    assert isinstance(made, OSPlacesLookup) and made.base_url == "https://api.os.uk/search/places/v1"
    app.config["ADDRESS_LOOKUP_URL"] = "ftp://places.example"
    with pytest.raises(ConfigurationError) as raised:
        address_lookup(app)
    assert KEY not in str(raised.value)
