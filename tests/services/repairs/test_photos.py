"""Photos kept inside the file: shrunk to at most 1600 pixels a side, JPEG, and given back."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from estatedesk.domain.errors import InputRejected, NotFound
from estatedesk.domain.repairs import Step
from estatedesk.services import repairs
from services.repairs.conftest import Opener


def picture(width: int, height: int, kind: str, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.paste((20, 20, 200), (0, 0, width // 2, height // 2))  # something to keep
    out = io.BytesIO()
    if orientation is None:
        image.save(out, kind)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(out, kind, exif=exif)
    return out.getvalue()


@pytest.mark.parametrize(("kind", "size"), [("PNG", (4000, 3000)), ("JPEG", (2400, 3200))])
def test_a_big_picture_is_shrunk_to_1600_pixels_and_kept_as_jpeg(
    open_order: Opener, kind: str, size: tuple[int, int]
) -> None:
    order = open_order().order_id
    data = picture(*size, kind)
    photo = repairs.add_photo(order, data, "现场.png")
    kept = repairs.photo_jpeg(photo)
    assert kept[:2] == b"\xff\xd8"  # JPEG
    with Image.open(io.BytesIO(kept)) as opened:
        assert opened.format == "JPEG" and max(opened.size) == 1600
        assert opened.size[0] * size[1] == pytest.approx(opened.size[1] * size[0], rel=0.01)
        assert opened.getpixel((10, 10))[2] > 150  # the picture, not something else
    detail = repairs.order_detail(order)
    assert [(p.photo_id, p.name, max(p.width, p.height)) for p in detail.photos] == [
        (photo, "现场.png", 1600)
    ]
    assert detail.steps[-1].kind is Step.PHOTO and detail.steps[-1].text == "现场.png"


def test_a_small_picture_keeps_its_size_and_a_turned_one_is_stood_upright(open_order: Opener) -> None:
    order = open_order().order_id
    small = repairs.add_photo(order, picture(320, 240, "PNG"), "small.png")
    turned = repairs.add_photo(order, picture(400, 200, "JPEG", orientation=6), "turned.jpg")
    sizes = {p.photo_id: (p.width, p.height) for p in repairs.order_detail(order).photos}
    assert sizes == {small: (320, 240), turned: (200, 400)}


@pytest.mark.parametrize("data", [b"", b"not a picture at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64])
def test_anything_else_is_refused(open_order: Opener, data: bytes) -> None:
    order = open_order().order_id
    with pytest.raises(InputRejected) as refused:
        repairs.add_photo(order, data, "x.png")
    assert [error.field for error in refused.value.errors] == ["photo"]
    assert repairs.order_detail(order).photos == ()
    assert [step.kind for step in repairs.order_detail(order).steps] == [Step.RECEIVE]


def test_a_photo_of_an_unknown_order_or_an_unknown_photo(open_order: Opener) -> None:
    with pytest.raises(NotFound):
        repairs.add_photo(999, picture(10, 10, "PNG"))
    with pytest.raises(NotFound):
        repairs.photo_jpeg(999)
