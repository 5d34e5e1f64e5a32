"""Photos kept inside the data file (a repair order's, an inspection's): upright, shrunk, JPEG."""

from __future__ import annotations

import io

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, ValidationError

PHOTO_LONGEST_SIDE = 1600  # pixels: enough to see a crack or a meter, small enough for the file
PHOTO_QUALITY = 80
PHOTO_MAX_BYTES = 40 * 1024 * 1024  # what is read at all: a larger file is no phone photo
PHOTO_MAX_PIXELS = 64_000_000  # a 200-megapixel phone's photo is 50 million; more is no photo to shrink


def shrink_photo(data: bytes, name: str = "") -> tuple[int, int, bytes]:
    """A picture as the file keeps it: upright, at most 1600 pixels a side, JPEG; refused if not one."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # Pillow comes with fpdf2

    not_a_picture = InputRejected(
        [ValidationError("photo", QT_TRANSLATE_NOOP("messages", "{name} is not a picture"), name=name or "?")]
    )
    if not data or len(data) > PHOTO_MAX_BYTES:
        raise not_a_picture
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > PHOTO_MAX_PIXELS:  # checked before the pixels are read
                raise not_a_picture
            picture = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise not_a_picture from None
    picture.thumbnail((PHOTO_LONGEST_SIDE, PHOTO_LONGEST_SIDE))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=PHOTO_QUALITY, optimize=True)
    return picture.width, picture.height, out.getvalue()
