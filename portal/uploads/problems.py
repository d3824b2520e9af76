"""Why an upload was refused, as a code and a message in plain English.

The wording follows the GOV.UK Design System's file upload error messages.
Messages are lazy: they are translated when shown, in the page's language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString


class ProblemCode(enum.StrEnum):
    EMPTY = "empty"
    TOO_BIG = "too_big"
    WRONG_TYPE = "wrong_type"
    UNREADABLE = "unreadable"
    TOO_MANY_PIXELS = "too_many_pixels"
    ACTIVE_CONTENT = "active_content"
    PASSWORD_PROTECTED = "password_protected"  # noqa: S105  (a problem code, not a password)


@dataclass(frozen=True)
class UploadProblem:
    """A refused upload. ``message`` is ready to show in an error summary and beside the field."""

    code: ProblemCode
    message: LazyString


def format_size(size_bytes: int) -> str:
    """A size as GOV.UK writes it: ``10MB``, ``1.5MB``, ``500KB``."""
    megabyte = 1024 * 1024
    if size_bytes >= megabyte:
        value = size_bytes / megabyte
        return f"{value:.0f}MB" if value == int(value) else f"{value:.1f}MB"
    return f"{max(1, round(size_bytes / 1024))}KB"


def empty() -> UploadProblem:
    return UploadProblem(ProblemCode.EMPTY, _l("The selected file is empty"))


def too_big(limit_bytes: int) -> UploadProblem:
    return UploadProblem(
        ProblemCode.TOO_BIG,
        _l("The selected file must be smaller than %(size)s", size=format_size(limit_bytes)),
    )


def wrong_type() -> UploadProblem:
    return UploadProblem(ProblemCode.WRONG_TYPE, _l("The selected file must be a PDF, JPG, PNG or HEIC photo"))


def unreadable(code: ProblemCode = ProblemCode.UNREADABLE) -> UploadProblem:
    return UploadProblem(
        code,
        _l("The selected file could not be opened. Try taking the photo again or saving it as a PDF"),
    )


def active_content() -> UploadProblem:
    return UploadProblem(
        ProblemCode.ACTIVE_CONTENT,
        _l("The selected PDF contains scripts or attached files. Print it to a new PDF or take a photo of it instead"),
    )


def password_protected() -> UploadProblem:
    return UploadProblem(
        ProblemCode.PASSWORD_PROTECTED,
        _l("The selected file is password protected. Save a copy without a password or take a photo of it instead"),
    )
