"""The council whose contacts, helplines and figures the housing options pages use.

``COUNCIL_FILE`` in the Flask config names a council file; when it is not set,
the example council shipped with the portal is used. Each file is read and
checked once.
"""

from __future__ import annotations

from functools import lru_cache

from flask import current_app

from portal.rules.options.council import Council, load_council
from portal.rules.scheme import Scheme, load_scheme


@lru_cache(maxsize=8)
def _council_from(path: str | None) -> Council:
    return load_council(path)


def current_council() -> Council:
    """The configured council, loaded once for each council file."""
    return _council_from(current_app.config.get("COUNCIL_FILE") or None)


@lru_cache(maxsize=1)
def current_scheme() -> Scheme:
    """The allocation scheme the options pages and calculators use, loaded once."""
    return load_scheme("default")
