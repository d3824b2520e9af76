"""The base form every page uses, and shared validators."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from flask_wtf import FlaskForm
from wtforms import Field, ValidationError

from portal.auth.passwords import MINIMUM_LENGTH
from portal.auth.sessions import take_kept_answers


class PortalForm(FlaskForm):
    """A form that puts back answers kept when a session timed out mid-page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if request.method == "GET" and "formdata" not in kwargs:
            kept = take_kept_answers(request.path)
            if kept is not None:
                kwargs["formdata"] = kept
        super().__init__(*args, **kwargs)


def strong_password(_form: Any, field: Field) -> None:
    password = field.data or ""
    if len(password) < MINIMUM_LENGTH:
        raise ValidationError(
            lazy_ngettext(
                "Your password must be at least %(num)d character long",
                "Your password must be at least %(num)d characters long",
                MINIMUM_LENGTH,
            )
        )
    if len(password) > 200:
        raise ValidationError(_l("Your password must be 200 characters or fewer"))
    if password.strip().lower() in {"password123", "1234567890", "qwertyuiop"}:
        raise ValidationError(_l("Choose a password that is harder to guess"))
