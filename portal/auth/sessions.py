"""Signing in and out, idle timeout, and keeping typed answers across a timeout.

A session identifier includes the account's session version, so changing or
resetting a password ends every other session. Signing in starts a fresh
session (no fixation). After a period without activity the person is signed
out; if that happens while they post a form, what they typed is kept and
put back into the form after they sign in again. Housing options answers
given before signing in stay in the session, and an applicant's are saved to
their account so an application can start from them.
"""

from __future__ import annotations

import time
from typing import Any

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin, current_user, login_user, logout_user
from werkzeug.datastructures import MultiDict

from portal.auth.roles import Role
from portal.data.accounts import get_user, mark_signed_in
from portal.data.db import db
from portal.data.models import User
from portal.data.options import save_options_answers
from portal.extensions import login_manager
from portal.options.store import SESSION_KEY as OPTIONS_ANSWERS

LAST_ACTIVE = "last_active"
KEPT_FORM = "kept_form"
NOT_KEPT = frozenset({"csrf_token", "password", "new_password", "confirm_password", "_timed_out"})


class SignedInUser:
    """The Flask-Login view of an account."""

    def __init__(self, user: User) -> None:
        self.user = user

    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.user.is_active

    def get_id(self) -> str:
        return f"{self.user.id}:{self.user.session_version}"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.user, name)


class Visitor(AnonymousUserMixin):
    role = None
    preferred_locale = None


def load_user(session_id: str) -> SignedInUser | None:
    try:
        user_id_text, version_text = session_id.split(":", 1)
        user_id, version = int(user_id_text), int(version_text)
    except ValueError:
        return None
    user = get_user(db.session, user_id)
    if user is None or not user.is_active or user.session_version != version:
        return None
    return SignedInUser(user)


def sign_in(user: User) -> None:
    kept = session.get(KEPT_FORM)
    language = session.get("language")
    options_answers = session.get(OPTIONS_ANSWERS)
    session.clear()
    if kept:
        session[KEPT_FORM] = kept
    if language:
        session["language"] = language
    if options_answers:
        session[OPTIONS_ANSWERS] = options_answers
    session.permanent = True
    login_user(SignedInUser(user))
    session[LAST_ACTIVE] = int(time.time())
    mark_signed_in(db.session, user)
    if options_answers and user.role is Role.APPLICANT:
        save_options_answers(db.session, user.id, options_answers)


def sign_out() -> None:
    logout_user()
    session.clear()


def keep_typed_answers() -> None:
    """Keep a posted form's answers (never passwords) to put back after signing in."""
    if request.method != "POST":
        return
    answers = [(k, v) for k, v in request.form.items(multi=True) if k not in NOT_KEPT]
    if answers:
        session[KEPT_FORM] = {"path": request.path, "answers": answers}


def take_kept_answers(path: str) -> MultiDict[str, str] | None:
    kept = session.get(KEPT_FORM)
    if not kept or kept.get("path") != path:
        return None
    session.pop(KEPT_FORM, None)
    return MultiDict(kept["answers"])


def enforce_idle_timeout() -> None:
    """Sign out a person who has been inactive for too long.

    This changes only the signed cookie, never the database.
    """
    if not current_user.is_authenticated:
        return
    now = int(time.time())
    last = session.get(LAST_ACTIVE, now)
    if now - int(last) > current_app.config["IDLE_TIMEOUT_SECONDS"] or request.form.get("_timed_out"):
        keep_typed_answers()
        kept = session.get(KEPT_FORM)
        logout_user()
        session.clear()
        if kept:
            session[KEPT_FORM] = kept
        session["timed_out"] = True
        return
    if request.endpoint not in {"static", "pages.brand_css"}:
        session[LAST_ACTIVE] = now


def unauthorised() -> Any:
    keep_typed_answers()
    timed_out = session.pop("timed_out", False)
    if timed_out and session.get(KEPT_FORM):
        flash(
            _l(
                "You were signed out because nothing happened for a while. Sign in to carry on. We kept what you typed."
            ),
            "information",
        )
    elif timed_out:
        flash(_l("You were signed out because nothing happened for a while. Sign in to carry on."), "information")
    else:
        flash(_l("Sign in to see this page."), "information")
    return redirect(url_for("account.sign_in", next=request.full_path.rstrip("?")))


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.anonymous_user = Visitor
    login_manager.unauthorized_handler(unauthorised)
    login_manager.session_protection = "basic"
    app.before_request(enforce_idle_timeout)
