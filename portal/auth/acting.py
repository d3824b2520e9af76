"""Acting for an applicant: the applicant themself, a support worker with their consent, or an officer.

Applicant pages ask this module whose application is in play rather than
reading the signed-in account. A support worker acts only while the
applicant's consent is in force and allows what the page does: this is
checked on every request, so a revoked or expired consent ends access at
once. An officer acts for an applicant after saying why, from the case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from flask import abort, g, render_template, request, session
from flask_login import current_user

from portal.auth.access import ACCESS_ATTRIBUTE
from portal.auth.roles import OFFICER_ROLES, Role
from portal.data import consents
from portal.data.accounts import get_user
from portal.data.db import db
from portal.data.lettings_clock import today
from portal.data.models import User
from portal.extensions import login_manager
from portal.rules.support.scopes import ALL_SCOPES, Scope

F = TypeVar("F", bound=Callable[..., Any])

ACTING_KEY = "acting_for"
SCOPES_ATTRIBUTE = "portal_scopes"
APPLICANT_PAGE_ROLES = frozenset({Role.APPLICANT, Role.SUPPORT_WORKER, *OFFICER_ROLES})


@dataclass(frozen=True)
class Acting:
    """Whose application a request is about, who is doing it, and what they may do."""

    applicant: User
    actor: User
    scopes: frozenset[Scope]
    consent_id: int | None = None
    reason: str | None = None

    @property
    def by_someone_else(self) -> bool:
        return self.actor.id != self.applicant.id

    @property
    def on_behalf_of(self) -> User | None:
        return self.applicant if self.by_someone_else else None

    @property
    def by_officer(self) -> bool:
        return self.actor.role in OFFICER_ROLES

    @property
    def by_support_worker(self) -> bool:
        return self.actor.role is Role.SUPPORT_WORKER

    def may(self, scope: Scope) -> bool:
        return scope in self.scopes


def start_acting(applicant_id: int, reason: str | None = None) -> None:
    """Remember in the session that the signed-in worker or officer is acting for this applicant."""
    session[ACTING_KEY] = {"applicant": applicant_id, "reason": reason}
    g.pop("acting", None)


def stop_acting() -> None:
    session.pop(ACTING_KEY, None)
    g.pop("acting", None)


def acting_applicant_id() -> int | None:
    """The applicant the signed-in worker or officer chose to act for, consent or not."""
    chosen = session.get(ACTING_KEY)
    if not isinstance(chosen, dict) or not isinstance(chosen.get("applicant"), int):
        return None
    return int(chosen["applicant"])


def _work_out() -> Acting | None:
    if not current_user.is_authenticated:
        return None
    actor = current_user.user
    if actor.role is Role.APPLICANT:
        return Acting(applicant=actor, actor=actor, scopes=ALL_SCOPES)
    applicant_id = acting_applicant_id()
    if applicant_id is None:
        return None
    applicant = get_user(db.session, applicant_id)
    if applicant is None or applicant.role is not Role.APPLICANT:
        return None
    reason = session[ACTING_KEY].get("reason")
    if actor.role in OFFICER_ROLES:
        return Acting(applicant=applicant, actor=actor, scopes=ALL_SCOPES, reason=reason)
    if actor.role is Role.SUPPORT_WORKER:
        consent = consents.consent_in_force(db.session, actor.id, applicant.id, today())
        if consent is None:
            return None
        return Acting(applicant=applicant, actor=actor, scopes=consent.scopes, consent_id=consent.id)
    return None


def current_acting() -> Acting | None:
    """Who is acting for whom in this request, worked out once; None when nobody may."""
    if "acting" not in g:
        g.acting = _work_out()
    return g.acting


def acting() -> Acting:
    """The acting of a page guarded by ``for_applicant`` (which has made sure there is one)."""
    found = current_acting()
    if found is None:  # pragma: no cover - for_applicant refuses the request first
        raise RuntimeError("for_applicant must guard this view")
    return found


def applicant_id() -> int:
    return acting().applicant.id


def actor() -> User:
    return acting().actor


def on_behalf_of() -> User | None:
    return acting().on_behalf_of


def _refuse(needed: Scope) -> tuple[str, int]:
    """A page saying why not: the consent has ended, or does not cover this; a plain 403 otherwise."""
    chosen = acting_applicant_id()
    applicant = get_user(db.session, chosen) if chosen is not None else None
    if applicant is not None and current_user.role is Role.SUPPORT_WORKER:
        found = current_acting()
        if found is None:
            stop_acting()
            return render_template("portal/support/access_ended.html", applicant=applicant), 403
        return render_template("portal/support/not_in_scope.html", applicant=applicant, needed=needed), 403
    abort(403)


def for_applicant(read: Scope = Scope.VIEW, write: Scope = Scope.HELP) -> Callable[[F], F]:
    """An applicant's own page, open to a helper whose consent covers it.

    A GET needs ``read``; any other method needs ``write``.
    """

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in APPLICANT_PAGE_ROLES:
                return _refuse(read)
            needed = read if request.method in ("GET", "HEAD") else write
            found = current_acting()
            if found is None or not found.may(needed):
                return _refuse(needed)
            return view(*args, **kwargs)

        setattr(wrapper, ACCESS_ATTRIBUTE, APPLICANT_PAGE_ROLES)
        setattr(wrapper, SCOPES_ATTRIBUTE, (read, write))
        return wrapper  # type: ignore[return-value]

    return decorate


def scopes_of(view: Callable[..., Any]) -> tuple[Scope, Scope] | None:
    return getattr(view, SCOPES_ATTRIBUTE, None)


def current_user_record() -> User:
    """The signed-in account's own record (pages that use this require sign-in)."""
    return current_user.user  # type: ignore[no-any-return]
