"""Who may open each page. Every view is classified, and a test checks that none is missed."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user

from portal.auth.roles import OFFICER_ROLES, Role
from portal.extensions import login_manager

F = TypeVar("F", bound=Callable[..., Any])

ACCESS_ATTRIBUTE = "portal_access"
PUBLIC = "public"
SIGNED_IN = "signed_in"


def public(view: F) -> F:
    """Anyone may open this page, signed in or not."""
    setattr(view, ACCESS_ATTRIBUTE, PUBLIC)
    return view


def signed_in(view: F) -> F:
    """Anyone with an account may open this page."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return view(*args, **kwargs)

    setattr(wrapper, ACCESS_ATTRIBUTE, SIGNED_IN)
    return wrapper  # type: ignore[return-value]


def roles_required(*roles: Role) -> Callable[[F], F]:
    """Only people with one of these roles may open this page."""
    allowed = frozenset(roles)

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        setattr(wrapper, ACCESS_ATTRIBUTE, allowed)
        return wrapper  # type: ignore[return-value]

    return decorate


officer_required = roles_required(*OFFICER_ROLES)
admin_required = roles_required(Role.ADMIN)
applicant_required = roles_required(Role.APPLICANT)
support_worker_required = roles_required(Role.SUPPORT_WORKER)


def access_of(view: Callable[..., Any]) -> object:
    return getattr(view, ACCESS_ATTRIBUTE, None)
