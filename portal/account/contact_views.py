"""How an applicant wants us to contact them: interpreter, formats, letters, calls and another email address."""

from __future__ import annotations

from portal.account.routes import bp  # noqa: F401
