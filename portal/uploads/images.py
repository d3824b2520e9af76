"""Open a photo or scan with Pillow and write it again, without its metadata.

Re-encoding keeps only the pixels: EXIF (with GPS position, camera and
times), XMP, comments and PNG text chunks are all left behind. The EXIF
orientation is applied first, so the picture stays the right way up. Colours
are converted to sRGB, so no colour profile is needed either.

JPEG and HEIC become JPEG; PNG stays PNG.
"""

from __future__ import annotations

import io
import struct
import warnings

import pillow_heif
from PIL import Image, ImageCms, ImageFile, ImageOps

from portal.uploads.sniff import FileType

# The most pixels an image may have: 60 million covers a 50-megapixel phone camera.
# Pillow refuses twice this on its own and warns above it; the warning is turned
# into a refusal below, and the size is checked again after opening.
MAX_PIXELS = 60_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
JPEG_QUALITY = 85

pillow_heif.register_heif_opener()

_PILLOW_FORMATS = {
    FileType.JPEG: ["JPEG", "MPO"],  # MPO: the multi-picture JPEG some phone cameras write
    FileType.PNG: ["PNG"],
    FileType.HEIC: ["HEIF"],
}
# What Pillow raises for a file it cannot read, besides its own decompression bomb errors.
_DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, struct.error, IndexError, TypeError)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class ImageRefused(Exception):
    """The image could not be decoded, or has too many pixels."""

    def __init__(self, too_many_pixels: bool = False) -> None:
        super().__init__("too many pixels" if too_many_pixels else "could not be decoded")
        self.too_many_pixels = too_many_pixels


def reencode(data: bytes, file_type: FileType) -> bytes:
    """The image's pixels, written again as JPEG or PNG with no metadata."""
    # WeasyPrint turns on Pillow's process-wide "load truncated images" when it is
    # imported; an upload cut short must still be refused, not padded with grey.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS[file_type])
            if image.width * image.height > MAX_PIXELS:
                raise ImageRefused(too_many_pixels=True)
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageRefused(too_many_pixels=True) from error
        except _DECODE_ERRORS as error:
            raise ImageRefused from error
    with image:
        return _write(_upright(image), file_type)


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation; a broken EXIF block is ignored rather than refused."""
    try:
        return ImageOps.exif_transpose(image)
    except _DECODE_ERRORS:
        return image.copy()


def _write(image: Image.Image, file_type: FileType) -> bytes:
    profile = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    image.info = {}  # nothing of the original's metadata goes any further
    image = _to_srgb(image, profile)
    output = io.BytesIO()
    if file_type is FileType.PNG:
        if transparency is not None and image.mode in ("P", "L", "RGB"):
            image.save(output, format="PNG", transparency=transparency)
        else:
            image.save(output, format="PNG")
    else:
        _for_jpeg(image).save(output, format="JPEG", quality=JPEG_QUALITY)
    return output.getvalue()


def _to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """Convert colours from the image's own profile (such as Display P3) to sRGB."""
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image  # an unusable profile: keep the pixels as they are
    return converted if converted is not None else image


def _for_jpeg(image: Image.Image) -> Image.Image:
    """JPEG holds greyscale or RGB only: flatten transparency onto white, convert the rest."""
    if image.mode in ("L", "RGB"):
        return image
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
