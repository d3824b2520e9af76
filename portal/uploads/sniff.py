"""The real type of a file, from its first bytes; never from its name or the browser's word."""

from __future__ import annotations

import enum
import struct


class FileType(enum.Enum):
    """An accepted type: (what was uploaded, the content type stored, the extension stored)."""

    PDF = ("pdf", "application/pdf", ".pdf")
    JPEG = ("jpeg", "image/jpeg", ".jpg")
    PNG = ("png", "image/png", ".png")
    HEIC = ("heic", "image/jpeg", ".jpg")  # HEIC photos are stored as JPEG, which every browser shows

    def __init__(self, label: str, content_type: str, extension: str) -> None:
        self.label = label
        self.content_type = content_type
        self.extension = extension


PDF_MAGIC = b"%PDF-"
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# ISO base media "ftyp" brands of HEIF images (HEVC-coded, or the generic image brands).
HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"})
# Brands that mean AV1 (AVIF), which is not a type the portal takes, even beside mif1.
AVIF_BRANDS = frozenset({b"avif", b"avis"})


def detect_type(data: bytes) -> FileType | None:
    """The file's type from its magic bytes, or None when it is not one the portal accepts."""
    if data.startswith(PDF_MAGIC):
        return FileType.PDF
    if data.startswith(JPEG_MAGIC):
        return FileType.JPEG
    if data.startswith(PNG_MAGIC):
        return FileType.PNG
    if _is_heif(data):
        return FileType.HEIC
    return None


def _is_heif(data: bytes) -> bool:
    if len(data) < 16 or data[4:8] != b"ftyp":
        return False
    (box_size,) = struct.unpack(">I", data[:4])
    if box_size < 16 or box_size > len(data) or box_size % 4:
        return False
    major = data[8:12]
    compatible = {data[i : i + 4] for i in range(16, box_size, 4)}
    return major in HEIF_BRANDS and not (compatible | {major}) & AVIF_BRANDS
