"""Real files for the upload checks, made in the test: PDFs written by hand, images by Pillow."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

PAGE_DRAWING = b"0 0 m 100 100 l S"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def make_pdf(
    catalog_extra: bytes = b"",
    extra_objects: tuple[bytes, ...] = (),
    trailer_extra: bytes = b"",
    prefixes: dict[int, bytes] | None = None,
) -> bytes:
    """A one-page PDF with a classic cross-reference table.

    Objects 1 to 4 are the catalogue, page tree, page and its drawing; ``extra_objects``
    are numbered from 5. ``prefixes`` writes bytes just before an object's header (the
    cross-reference table still points at the header), and such an object is written on
    one line: this is how a file hides an object from a reader going from the top.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        stream(PAGE_DRAWING),
        *extra_objects,
    ]
    prefixes = prefixes or {}
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        out += prefixes.get(number, b"")
        offsets.append(len(out))
        separator = b" " if number in prefixes else b"\n"
        out += b"%d 0 obj" % number + separator + body + separator + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\n" % (len(objects) + 1, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_compressed_pdf(
    hidden_action: bytes,
    object_stream_keys: bytes = b"/Type /ObjStm",
    compress: bool = True,
) -> bytes:
    """A PDF 1.5 file whose catalogue and open action sit in a compressed object stream.

    This is how most PDF writers save today: the dictionaries are only readable after
    inflating object 6, and a cross-reference stream (object 7) says where they are.
    """
    inside = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",  # object 1
        hidden_action,  # object 5
    ]
    header = b""
    body = b""
    for number, item in zip((1, 5), inside, strict=True):
        header += b"%d %d " % (number, len(body))
        body += item + b"\n"
    content = header + body
    data = zlib.compress(content) if compress else content
    filters = b"/Filter /FlateDecode" if compress else b""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    plain = {
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        4: stream(PAGE_DRAWING),
        6: stream(data, object_stream_keys + b" /N 2 /First %d " % len(header) + filters),
    }
    for number, item in plain.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + item + b"\nendobj\n"
    offsets[7] = len(out)
    rows = [(0, 0, 65535), (2, 6, 0), (1, offsets[2], 0), (1, offsets[3], 0), (1, offsets[4], 0)]
    rows += [(2, 6, 1), (1, offsets[6], 0), (1, offsets[7], 0)]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out += b"7 0 obj\n" + stream(table, b"/Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R") + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[7]
    return bytes(out)


def image_bytes(fmt: str, size: tuple[int, int] = (40, 30), mode: str = "RGB", colour=None, **options) -> bytes:
    image = Image.new(mode, size, colour if colour is not None else _default_colour(mode))
    output = io.BytesIO()
    image.save(output, format=fmt, **options)
    return output.getvalue()


def _default_colour(mode: str):
    return {"RGB": (200, 30, 30), "RGBA": (200, 30, 30, 128), "L": 128, "CMYK": (0, 200, 200, 0), "1": 1}.get(mode, 1)


def two_colour_jpeg(orientation: int) -> bytes:
    """40 wide by 20 high: red on the left, blue on the right, with an EXIF orientation."""
    image = Image.new("RGB", (40, 20), (255, 0, 0))
    image.paste((0, 0, 255), (20, 0, 40, 20))
    exif = Image.Exif()
    exif[0x0112] = orientation
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes(), quality=95)
    return output.getvalue()


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 9 Pro"  # Model
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}  # GPS position
    return exif


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims huge dimensions: a decompression bomb's calling card."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_claiming_size(width: int, height: int) -> bytes:
    """A real JPEG whose frame header is changed to claim other dimensions."""
    data = bytearray(image_bytes("JPEG", (16, 16)))
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return bytes(data)
