"""Taking over an account an officer set up, with the code from a letter or the link from an email."""

from __future__ import annotations

from portal.account.routes import bp  # noqa: F401
