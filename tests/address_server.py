"""A real HTTP server on 127.0.0.1 that answers like the Ordnance Survey Places API, for the address lookup tests.

Set ``server.reply`` to what the next requests get: a status, a body (a dict is
sent as JSON, bytes as they are) and a delay in seconds before answering.
``server.requests`` holds the path and query of every request.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

API_PATH = "/search/places/v1"


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    delay: float = 0.0


class PlacesServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), PlacesHandler)
        self.reply = Reply(body={"header": {}, "results": []})
        self.requests: list[str] = []
        self.released = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{API_PATH}"

    def queries(self) -> list[dict[str, list[str]]]:
        return [parse_qs(urlsplit(path).query) for path in self.requests]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up waiting closes its end; that is expected here, not an error."""


class PlacesHandler(BaseHTTPRequestHandler):
    server: PlacesServer

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.server.requests.append(self.path)
        reply = self.server.reply
        if reply.delay:
            self.server.released.wait(reply.delay)
        body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client stopped waiting
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the signature http.server uses)
        """Quiet: the tests read ``server.requests`` instead."""


@contextmanager
def places_server() -> Iterator[PlacesServer]:
    server = PlacesServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.released.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """An address on 127.0.0.1 where nothing listens, so connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{API_PATH}"


def dpa(**parts: str) -> dict[str, Any]:
    """One OS Places result, with the ADDRESS line made from the parts as the API does."""
    order = (
        "ORGANISATION_NAME",
        "SUB_BUILDING_NAME",
        "BUILDING_NAME",
        "BUILDING_NUMBER",
        "THOROUGHFARE_NAME",
        "DEPENDENT_LOCALITY",
        "POST_TOWN",
        "POSTCODE",
    )
    address = ", ".join(parts[name] for name in order if parts.get(name))
    return {"DPA": {"UPRN": "100040212345", "ADDRESS": address, **parts}}


def results(*found: dict[str, Any], postcode: str = "EX1 1AA") -> dict[str, Any]:
    """An OS Places answer: a header and the results (no "results" key when there are none, as the API does)."""
    answer: dict[str, Any] = {"header": {"query": f"postcode={postcode}", "totalresults": len(found)}}
    if found:
        answer["results"] = list(found)
    return answer


ELM_ROAD = dpa(BUILDING_NUMBER="4", THOROUGHFARE_NAME="ELM ROAD", POST_TOWN="EXAMPLETOWN", POSTCODE="EX1 1AA")
ROSE_COURT = dpa(
    SUB_BUILDING_NAME="FLAT 2",
    BUILDING_NAME="ROSE COURT",
    BUILDING_NUMBER="10",
    THOROUGHFARE_NAME="ST JOHN'S ROAD",
    POST_TOWN="STOKE-ON-TRENT",
    POSTCODE="EX1 1AA",
)
HIGH_STREET = dpa(
    BUILDING_NAME="12A",
    THOROUGHFARE_NAME="HIGH STREET",
    DEPENDENT_LOCALITY="LITTLE HAMPTON",
    POST_TOWN="NEWCASTLE UPON TYNE",
    POSTCODE="EX1 1AA",
)
