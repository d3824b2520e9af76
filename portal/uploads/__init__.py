"""Checks on uploaded evidence, without Flask: `check_upload` and what it returns.

``check_upload(data, declared_name, limit_bytes)`` returns a `CheckedFile`
(clean bytes, real content type, safe display name, size) or an
`UploadProblem` (a code and a translatable message). Only PDFs, JPEG, PNG and
HEIC photos are taken, recognised by their content.
"""

from __future__ import annotations

from portal.uploads.check import CheckedFile, check_upload
from portal.uploads.images import MAX_PIXELS
from portal.uploads.names import safe_display_name
from portal.uploads.problems import ProblemCode, UploadProblem, format_size
from portal.uploads.sniff import FileType, detect_type

__all__ = [
    "MAX_PIXELS",
    "CheckedFile",
    "FileType",
    "ProblemCode",
    "UploadProblem",
    "check_upload",
    "detect_type",
    "format_size",
    "safe_display_name",
]
