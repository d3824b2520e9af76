"""`check_upload`: decide whether an uploaded file may be kept, and make it safe to keep."""

from __future__ import annotations

from dataclasses import dataclass

from portal.uploads import problems
from portal.uploads.images import ImageRefused, reencode
from portal.uploads.names import safe_display_name
from portal.uploads.pdf import PdfVerdict, inspect_pdf
from portal.uploads.problems import ProblemCode, UploadProblem
from portal.uploads.sniff import FileType, detect_type


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks, ready to store.

    ``data`` is what to keep: a PDF as uploaded, an image written again without
    its metadata. ``content_type`` and the extension of ``display_name`` come
    from what the file really is, never from its name or the browser.
    """

    data: bytes
    content_type: str
    display_name: str
    size: int
    file_type: FileType


def check_upload(data: bytes, declared_name: str, limit_bytes: int) -> CheckedFile | UploadProblem:
    """Check one uploaded file and return it cleaned, or the problem to show the person."""
    if not data:
        return problems.empty()
    if len(data) > limit_bytes:
        return problems.too_big(limit_bytes)
    file_type = detect_type(data)
    if file_type is None:
        return problems.wrong_type()
    if file_type is FileType.PDF:
        verdict = inspect_pdf(data)
        if verdict is PdfVerdict.ACTIVE_CONTENT:
            return problems.active_content()
        if verdict is PdfVerdict.ENCRYPTED:
            return problems.password_protected()
        if verdict is PdfVerdict.UNREADABLE:
            return problems.unreadable()
        clean = data
    else:
        try:
            clean = reencode(data, file_type)
        except ImageRefused as refused:
            return problems.unreadable(
                ProblemCode.TOO_MANY_PIXELS if refused.too_many_pixels else ProblemCode.UNREADABLE
            )
    return CheckedFile(
        data=clean,
        content_type=file_type.content_type,
        display_name=safe_display_name(declared_name, file_type.extension),
        size=len(clean),
        file_type=file_type,
    )
