"""Checks on a PDF: refuse scripts, actions that run programs, and attached files.

A PDF is kept as it was uploaded, so it must not carry anything a viewer
would run or open. The check reads the file's objects the way a viewer
tokenises them: names (``/JavaScript``, also written with ``#xx`` escapes),
skipping strings, comments and the contents of streams (images, fonts and
page drawings are binary data in which any bytes may appear by chance).
Since PDF 1.5 most dictionaries sit inside compressed object streams, so
those are inflated (with a limit on their size) and checked too.

An encrypted PDF hides its object streams, so it cannot be checked and is
refused as password protected.
"""

from __future__ import annotations

import enum
import re
import zlib

# Names that mean a script, an action that runs or opens something, or an attached file.
# /OpenAction itself is common and harmless (open at page 1); one that runs a script
# names /JavaScript or /JS, which are caught wherever they are.
ACTIVE_NAMES = frozenset(
    {
        b"JavaScript",
        b"JS",
        b"AA",  # additional actions: run on opening a page, focusing a field, closing…
        b"Launch",
        b"EmbeddedFile",
        b"EmbeddedFiles",
        b"GoToE",  # go to an embedded file
        b"RichMedia",
        b"XFA",  # XML forms, which carry their own scripts
    }
)
FILTERS = frozenset(
    {
        b"FlateDecode",
        b"Fl",
        b"LZWDecode",
        b"LZW",
        b"ASCIIHexDecode",
        b"AHx",
        b"ASCII85Decode",
        b"A85",
        b"RunLengthDecode",
        b"RL",
        b"Crypt",
        b"DCTDecode",
        b"JPXDecode",
        b"JBIG2Decode",
        b"CCITTFaxDecode",
    }
)
# All the object streams of one file may inflate to this much, and no more.
MAX_INFLATED_BYTES = 64 * 1024 * 1024

_WHITESPACE = re.compile(rb"[\x00\t\n\x0c\r ]+")
_REGULAR = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]*")
_STRING_PART = re.compile(rb"[()\\]")
_END_OF_LINE = re.compile(rb"[\r\n]")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_OBJECT_HEADER = re.compile(rb"\d+[\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]*obj(?![A-Za-z0-9])")


class PdfVerdict(enum.Enum):
    SAFE = "safe"
    ACTIVE_CONTENT = "active_content"
    ENCRYPTED = "encrypted"
    UNREADABLE = "unreadable"


class _Unscannable(Exception):
    """An object stream the check cannot read: an unknown filter, a predictor, or too big."""


def inspect_pdf(data: bytes) -> PdfVerdict:
    """Whether a PDF (already known to start with ``%PDF-``) is safe to keep."""
    if b"%%EOF" not in data[-4096:]:
        return PdfVerdict.UNREADABLE  # cut short, or something added after the end
    names, object_streams = _scan(data)
    if names & ACTIVE_NAMES:
        return PdfVerdict.ACTIVE_CONTENT
    if b"Encrypt" in names:
        return PdfVerdict.ENCRYPTED
    budget = MAX_INFLATED_BYTES
    for body, filters, has_predictor in object_streams:
        try:
            content = _decode(body, filters, has_predictor, budget)
        except _Unscannable:
            return PdfVerdict.UNREADABLE
        budget -= len(content)
        inner_names, _ = _scan(content)
        if inner_names & ACTIVE_NAMES:
            return PdfVerdict.ACTIVE_CONTENT
    return PdfVerdict.SAFE


def _decode(body: bytes, filters: list[bytes], has_predictor: bool, budget: int) -> bytes:
    if not filters:
        return body
    if filters not in ([b"FlateDecode"], [b"Fl"]) or has_predictor:
        raise _Unscannable
    inflater = zlib.decompressobj()
    try:
        content = inflater.decompress(body, budget + 1)
    except zlib.error as error:
        raise _Unscannable from error
    if len(content) > budget:
        raise _Unscannable
    return content


def _scan(data: bytes) -> tuple[set[bytes], list[tuple[bytes, list[bytes], bool]]]:
    """Every name outside strings, comments and streams, and the object streams to read.

    A viewer finds objects by their offsets in the cross-reference table, not
    by reading from the top, so an object can sit where a reader going from the
    top sees a string, a comment or stream data. Every part skipped here
    therefore ends early at the first object header (``12 0 obj``) inside it.
    """
    names: set[bytes] = set()
    object_streams: list[tuple[bytes, list[bytes], bool]] = []
    object_names: list[bytes] = []  # the names of the object being read, for its stream
    position, end = 0, len(data)
    while position < end:
        byte = data[position]
        if byte in b"\x00\t\n\x0c\r ":
            position = _WHITESPACE.match(data, position).end()  # type: ignore[union-attr]
        elif byte == 0x25:  # % comment, to the end of the line
            line_end = _END_OF_LINE.search(data, position)
            position = _skip_to(data, position, line_end.end() if line_end else end)
        elif byte == 0x2F:  # /Name
            match = _REGULAR.match(data, position + 1)
            assert match is not None
            name = _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group())
            names.add(name)
            object_names.append(name)
            position = match.end()
        elif byte == 0x28:  # ( literal string )
            position = _skip_to(data, position, _string_end(data, position))
        elif byte == 0x3C:  # << a dictionary, or a <hex string>
            if data[position + 1 : position + 2] == b"<":
                position += 2
            else:
                closing = data.find(b">", position)
                position = _skip_to(data, position, closing + 1 if closing >= 0 else end)
        elif byte in b">[]{})":
            position += 1
        else:
            match = _REGULAR.match(data, position)
            assert match is not None
            word = match.group()
            position = max(match.end(), position + 1)
            if word == b"obj":
                object_names = []
            elif word == b"stream":
                body_start = _skip_end_of_line(data, position)
                closing = data.find(b"endstream", body_start)
                position = _skip_to(data, body_start, closing if closing >= 0 else end)
                if _is_object_stream(object_names):
                    object_streams.append((data[body_start:position], *_stream_filters(object_names)))
                if position == closing:
                    position += len(b"endstream")
                object_names = []
    return names, object_streams


def _is_object_stream(object_names: list[bytes]) -> bool:
    # /Type /ObjStm may be left out or given indirectly; /N and /First are keys, so always written.
    return b"ObjStm" in object_names or (b"N" in object_names and b"First" in object_names)


def _stream_filters(object_names: list[bytes]) -> tuple[list[bytes], bool]:
    """The stream's filters, and whether it has decoding parameters this check cannot follow."""
    filters = [name for name in object_names if name in FILTERS]
    if b"Filter" in object_names and not filters:
        filters = [b"(indirect)"]  # /Filter 7 0 R: not something to guess at
    return filters, b"DecodeParms" in object_names or b"DP" in object_names


def _skip_to(data: bytes, start: int, stop: int) -> int:
    """``stop``, or the first object header between ``start`` and ``stop`` if there is one."""
    header = _OBJECT_HEADER.search(data, start, stop)
    return header.start() if header else stop


def _string_end(data: bytes, position: int) -> int:
    """The position after the literal string starting at ``position`` (nested brackets, escapes)."""
    depth = 0
    while True:
        match = _STRING_PART.search(data, position)
        if match is None:
            return len(data)
        position = match.end()
        part = match.group()
        if part == b"\\":
            position += 1
        elif part == b"(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return position


def _skip_end_of_line(data: bytes, position: int) -> int:
    if data[position : position + 2] == b"\r\n":
        return position + 2
    if data[position : position + 1] in (b"\n", b"\r"):
        return position + 1
    return position
