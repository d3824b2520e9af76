"""The upload checks on real files: what is taken, what is refused, and what is cleaned."""

from __future__ import annotations

import io
import zipfile

import pillow_heif
import pytest
from flask_babel.speaklater import LazyString
from PIL import Image, ImageCms, features
from PIL.PngImagePlugin import PngInfo

from portal.uploads import CheckedFile, FileType, ProblemCode, UploadProblem, check_upload, format_size
from portal.uploads import pdf as pdf_checks
from portal.uploads.names import safe_display_name
from tests.unit.upload_samples import (
    exif_with_gps,
    image_bytes,
    jpeg_claiming_size,
    make_compressed_pdf,
    make_pdf,
    png_header_only,
    stream,
    two_colour_jpeg,
)

LIMIT = 10 * 1024 * 1024
JAVASCRIPT_ACTION = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"


def accepted(data: bytes, name: str = "evidence", limit: int = LIMIT) -> CheckedFile:
    result = check_upload(data, name, limit)
    assert isinstance(result, CheckedFile), result
    return result


def refused(data: bytes, name: str = "evidence", limit: int = LIMIT) -> ProblemCode:
    result = check_upload(data, name, limit)
    assert isinstance(result, UploadProblem), result
    return result.code


def reopen(checked: CheckedFile) -> Image.Image:
    image = Image.open(io.BytesIO(checked.data))
    image.load()
    return image


# Accepted types


def test_a_pdf_is_kept_as_it_was_uploaded():
    data = make_pdf()
    checked = accepted(data, "bank statement.pdf")
    assert checked.data == data
    assert (checked.content_type, checked.display_name, checked.size) == (
        "application/pdf",
        "bank statement.pdf",
        len(data),
    )
    assert checked.file_type is FileType.PDF


def test_a_pdf_that_opens_at_its_first_page_is_accepted():
    assert accepted(make_pdf(b"/OpenAction [3 0 R /Fit]")).content_type == "application/pdf"


def test_a_compressed_pdf_without_active_content_is_accepted():
    assert accepted(make_compressed_pdf(b"[3 0 R /Fit]")).file_type is FileType.PDF


def test_words_about_scripts_in_a_pdf_string_or_image_data_are_not_mistaken_for_scripts():
    info = b"<< /Title (How to turn off /JavaScript and /AA in /Launch) >>"
    binary_image = stream(b"\x00\xff/JS /AA>>/Launch\x00" * 50, b"/Type /XObject /Subtype /Image")
    data = make_pdf(extra_objects=(info, binary_image), trailer_extra=b"/Info 5 0 R")
    assert accepted(data).data == data


def test_a_jpeg_is_written_again_as_jpeg():
    checked = accepted(image_bytes("JPEG"), "passport.jpeg")
    assert (checked.content_type, checked.display_name) == ("image/jpeg", "passport.jpg")
    assert reopen(checked).format == "JPEG"
    assert checked.size == len(checked.data)


def test_a_png_stays_png_with_its_transparency():
    checked = accepted(image_bytes("PNG", mode="RGBA"), "letter.png")
    image = reopen(checked)
    assert (checked.content_type, checked.display_name) == ("image/png", "letter.png")
    assert (image.format, image.mode) == ("PNG", "RGBA")


def test_a_png_named_pdf_is_accepted_as_a_png():
    checked = accepted(image_bytes("PNG"), "scan.pdf")
    assert (checked.content_type, checked.display_name, checked.file_type) == ("image/png", "scan.png", FileType.PNG)


def test_a_cmyk_jpeg_becomes_rgb():
    assert reopen(accepted(image_bytes("JPEG", mode="CMYK"))).mode == "RGB"


def test_a_palette_png_with_a_transparent_colour_is_accepted():
    image = Image.new("P", (20, 20), 0)
    image.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    output = io.BytesIO()
    image.save(output, format="PNG", transparency=0)
    assert "transparency" in reopen(accepted(output.getvalue())).info


def test_a_heic_photo_becomes_a_jpeg_without_its_location():
    # The pillow-heif wheel bundles an HEVC encoder, so a real HEIC photo can always be made here.
    assert pillow_heif.libheif_info().get("HEIF"), "pillow-heif has no HEIC encoder"
    heic = image_bytes("HEIF", (64, 48), exif=exif_with_gps().tobytes())
    assert heic[4:12] == b"ftypheic"
    assert Image.open(io.BytesIO(heic)).getexif().get_ifd(0x8825)  # the photo really has a location
    checked = accepted(heic, "IMG_0001.HEIC")
    image = reopen(checked)
    assert (checked.content_type, checked.display_name, image.format) == ("image/jpeg", "IMG_0001.jpg", "JPEG")
    assert image.size == (64, 48)
    assert not image.getexif()
    assert b"PhoneMaker" not in checked.data


# Metadata is removed


def test_gps_position_and_camera_are_removed_from_a_jpeg():
    original = image_bytes("JPEG", exif=exif_with_gps().tobytes())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    checked = accepted(original)
    image = reopen(checked)
    assert not image.getexif()
    assert not image.getexif().get_ifd(0x8825)
    assert "exif" not in image.info
    assert b"Exif" not in checked.data and b"PhoneMaker" not in checked.data


def test_text_chunks_and_exif_are_removed_from_a_png():
    text = PngInfo()
    text.add_text("Author", "Jo Bloggs")
    text.add_itxt("Comment", "51.5072 N, 0.1276 W", zip=True)
    original = image_bytes("PNG", pnginfo=text, exif=exif_with_gps().tobytes())
    assert Image.open(io.BytesIO(original)).text
    checked = accepted(original)
    image = reopen(checked)
    assert image.text == {}
    assert not image.getexif()
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"Jo Bloggs"):
        assert chunk not in checked.data


def test_a_colour_profile_is_not_kept():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = image_bytes("JPEG", icc_profile=profile)
    assert "icc_profile" in Image.open(io.BytesIO(original)).info
    assert "icc_profile" not in reopen(accepted(original)).info


@pytest.mark.parametrize(("orientation", "size"), [(1, (40, 20)), (3, (40, 20)), (6, (20, 40)), (8, (20, 40))])
def test_exif_orientation_is_applied_before_it_is_removed(orientation, size):
    image = reopen(accepted(two_colour_jpeg(orientation)))
    assert image.size == size
    assert 0x0112 not in image.getexif()
    red_at = {1: (5, 10), 3: (35, 10), 6: (10, 5), 8: (10, 35)}[orientation]  # where the red half ends up
    red, green, blue = image.convert("RGB").getpixel(red_at)
    assert red > 200 and blue < 60


# Refused types


ZIP = io.BytesIO()
with zipfile.ZipFile(ZIP, "w") as archive:
    archive.writestr("statement.pdf", make_pdf())

WRONG_TYPES = {
    "svg": (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "a.svg"),
    "svg named jpg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "photo.jpg"),
    "html named pdf": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "statement.pdf"),
    "zip": (ZIP.getvalue(), "documents.zip"),
    "exe renamed pdf": (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"PE\x00\x00",
        "bank.pdf",
    ),
    "elf": (b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "payslip.pdf"),
    "plain text": (b"Name: Jo Bloggs\nRent: 800\n", "tenancy.txt"),
    "gif": (image_bytes("GIF"), "photo.gif"),
    "bmp": (image_bytes("BMP"), "photo.bmp"),
    "tiff": (image_bytes("TIFF"), "scan.tiff"),
    "avif brand": (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 32, "photo.heic"),
    "pdf header not at the start": (b"junk" + make_pdf(), "letter.pdf"),
}
if features.check("webp"):
    WRONG_TYPES["webp"] = (image_bytes("WEBP"), "photo.webp")


@pytest.mark.parametrize("kind", sorted(WRONG_TYPES))
def test_other_types_are_refused_whatever_their_name(kind):
    data, name = WRONG_TYPES[kind]
    assert refused(data, name) is ProblemCode.WRONG_TYPE


@pytest.mark.parametrize(
    "catalog_extra",
    [
        b"/OpenAction " + JAVASCRIPT_ACTION,
        b"/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",  # names written with #xx escapes
        b"/Names << /JavaScript << /Names [(a) 5 0 R] >> >>",
        b"/Names << /EmbeddedFiles << /Names [(invoice.exe) 5 0 R] >> >>",
        b"/OpenAction << /S /Launch /F (cmd.exe) >>",
        b"/AA << /WC " + JAVASCRIPT_ACTION + b" >>",
        b"/AcroForm << /Fields [] /XFA 5 0 R >>",
    ],
)
def test_a_pdf_with_scripts_actions_or_attached_files_is_refused(catalog_extra):
    assert refused(make_pdf(catalog_extra, (b"<< >>",))) is ProblemCode.ACTIVE_CONTENT


def test_an_attached_file_stream_is_refused():
    attachment = stream(b"MZ\x90\x00", b"/Type /EmbeddedFile")
    assert refused(make_pdf(extra_objects=(attachment,))) is ProblemCode.ACTIVE_CONTENT


@pytest.mark.parametrize("keys", [b"/Type /ObjStm", b""])
def test_a_script_inside_a_compressed_object_stream_is_refused(keys):
    assert refused(make_compressed_pdf(JAVASCRIPT_ACTION, object_stream_keys=keys)) is ProblemCode.ACTIVE_CONTENT


@pytest.mark.parametrize(
    "hiding_place",
    [
        {5: b"% "},  # in a comment
        {5: b"("},  # in a string that never ends
        {5: b"9 0 obj << /Length 2 >> stream\nxx\n", 6: b"endstream endobj\n"},  # in another stream's data
    ],
    ids=["comment", "string", "stream"],
)
def test_a_script_hidden_where_only_the_cross_reference_table_finds_it_is_refused(hiding_place):
    data = make_pdf(b"/OpenAction 5 0 R", (JAVASCRIPT_ACTION, b"<< >>"), prefixes=hiding_place)
    assert refused(data) is ProblemCode.ACTIVE_CONTENT


def test_an_object_stream_that_cannot_be_read_is_refused():
    data = make_compressed_pdf(b"[3 0 R /Fit]").replace(b"/Filter /FlateDecode", b"/Filter 9 0 R       ")
    assert refused(data) is ProblemCode.UNREADABLE


def test_an_object_stream_that_inflates_too_far_is_refused(monkeypatch):
    monkeypatch.setattr(pdf_checks, "MAX_INFLATED_BYTES", 16)
    assert refused(make_compressed_pdf(b"[3 0 R /Fit]")) is ProblemCode.UNREADABLE


def test_an_encrypted_pdf_is_refused_as_password_protected():
    encryption = b"<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>"
    data = make_pdf(extra_objects=(encryption,), trailer_extra=b"/Encrypt 5 0 R /ID [<01> <01>]")
    assert refused(data) is ProblemCode.PASSWORD_PROTECTED


def test_a_pdf_cut_short_is_refused():
    data = make_pdf()
    assert refused(data[: len(data) // 2]) is ProblemCode.UNREADABLE
    assert refused(b"%PDF-1.7\n") is ProblemCode.UNREADABLE


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe0" + b"not really a photo" * 20,
        image_bytes("JPEG", (200, 200))[:300],
        image_bytes("PNG", (200, 200))[:60],
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 100,
    ],
    ids=["jpeg-junk", "jpeg-cut-short", "png-cut-short", "heic-junk"],
)
def test_an_image_that_cannot_be_decoded_is_refused(data):
    assert refused(data) is ProblemCode.UNREADABLE


# Decompression bombs: few bytes, huge pictures


@pytest.mark.parametrize(
    "data",
    [
        png_header_only(100_000, 100_000),  # Pillow's own error
        png_header_only(10_000, 7_000),  # over the limit but under twice it: Pillow only warns
        jpeg_claiming_size(65_000, 65_000),
        image_bytes("PNG", (12_000, 6_000), mode="1", colour=0),  # a real, decodable 72-megapixel PNG
    ],
    ids=["png-huge", "png-just-over", "jpeg-huge", "png-real"],
)
def test_an_image_with_too_many_pixels_is_refused(data):
    assert len(data) < LIMIT
    assert refused(data) is ProblemCode.TOO_MANY_PIXELS


# Size


def test_an_empty_file_is_refused():
    assert refused(b"") is ProblemCode.EMPTY


def test_a_file_over_the_limit_is_refused_and_one_at_it_is_accepted():
    data = make_pdf()
    assert refused(data, limit=len(data) - 1) is ProblemCode.TOO_BIG
    assert accepted(data, limit=len(data)).size == len(data)


# Messages


@pytest.mark.parametrize(
    ("data", "limit", "message"),
    [
        (b"", LIMIT, "The selected file is empty"),
        (b"x" * (512 * 1024 + 1), 512 * 1024, "The selected file must be smaller than 512KB"),
        (b"x" * 20, LIMIT, "The selected file must be a PDF, JPG, PNG or HEIC photo"),
        (
            b"\xff\xd8\xff\xe0broken",
            LIMIT,
            "The selected file could not be opened. Try taking the photo again or saving it as a PDF",
        ),
    ],
)
def test_problems_have_gov_uk_messages_marked_for_translation(data, limit, message):
    problem = check_upload(data, "x", limit)
    assert isinstance(problem, UploadProblem)
    assert isinstance(problem.message, LazyString)
    assert str(problem.message) == message


def test_the_size_limit_is_written_as_gov_uk_writes_it():
    problem = check_upload(b"x" * (LIMIT + 1), "x", LIMIT)
    assert str(problem.message) == "The selected file must be smaller than 10MB"
    assert [format_size(n) for n in (10 * 1024 * 1024, 1536 * 1024, 500 * 1024)] == ["10MB", "1.5MB", "500KB"]


# Names


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("..\\..\\Windows\\System32\\evil.exe", "evil.pdf"),
        ("/home/jo/Documents/Payslip March.PDF", "Payslip March.pdf"),
        ("statement.pdf.exe", "statement.pdf"),
        ("bank\x00state\x1bment\u202egpj.pdf", "bankstatementgpj.pdf"),  # NUL, escape and a right-to-left override
        ("line\r\nbreak.pdf", "linebreak.pdf"),
        ('a<b>c:"d"|e?f*.pdf', "a_b_c__d__e_f_.pdf"),
        ("   lots   of    spaces   .pdf", "lots of spaces.pdf"),
        (".bashrc", "bashrc.pdf"),
        ("", "document.pdf"),
        ("..", "document.pdf"),
        ("\x00\x01", "document.pdf"),
        ("Zaświadczenie o dochodach.pdf", "Zaświadczenie o dochodach.pdf"),
        ("شهادة.pdf", "شهادة.pdf"),
    ],
)
def test_display_names_are_made_safe(declared, expected):
    assert safe_display_name(declared, ".pdf") == expected


def test_a_very_long_name_is_shortened_and_keeps_the_real_extension():
    name = safe_display_name("a" * 5000 + ".jpeg", ".jpg")
    assert name == "a" * 80 + ".jpg"


def test_check_upload_gives_a_safe_name():
    assert accepted(make_pdf(), "../../etc/passwd").display_name == "passwd.pdf"
    assert accepted(image_bytes("JPEG"), "C:\\Users\\jo\\photo.HEIC").display_name == "photo.jpg"
