"""A file name that is safe to show and to offer as a download name."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM_LENGTH = 80
# Characters Windows refuses in names, and both path separators.
_RESERVED = re.compile(r'[<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def safe_display_name(declared_name: str, extension: str, fallback: str = "document") -> str:
    """The person's own name for the file, cleaned, ending with the extension of its real type.

    Folders are dropped (``../../etc/passwd`` becomes ``passwd``), as are control
    and invisible formatting characters (which can hide a name's real ending),
    and the name is shortened. The extension the person gave is replaced by the
    one for what the file really is, so ``photo.pdf`` holding a PNG becomes
    ``photo.png``.
    """
    name = unicodedata.normalize("NFC", declared_name or "")
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(character for character in name if not unicodedata.category(character).startswith("C"))
    name = _RESERVED.sub("_", name)
    name = _SPACES.sub(" ", name).strip(" .")
    stem = _EXTENSION.sub("", name).rstrip(" .")
    if stem.lower().endswith(extension.lower()):
        stem = stem[: -len(extension)].rstrip(" .")
    stem = stem[:MAX_STEM_LENGTH].rstrip(" .") or fallback
    return stem + extension
