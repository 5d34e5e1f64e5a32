"""The bundled Chinese font: present, TrueType, covers rare name characters, and fpdf2 embeds it.

No Qt here (tests/gui/test_app.py covers Qt's side).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF

from estatedesk.paths import FONTS_DIR

FAMILY = "EstateDesk Sans SC"
REGULAR = FONTS_DIR / "EstateDeskSansSC-Regular.ttf"
BOLD = FONTS_DIR / "EstateDeskSansSC-Bold.ttf"
NAMES = "王玥 李喆 张堃"
RARE = "玥喆堃"  # not in GB2312: the reason the font ships
MUST_HAVE = "王玥李喆张堃" + "￥、，。：；（）《》【】“”" + "0123456789" + "㎡m²" + "收款收据业主"


@pytest.fixture(scope="module", params=[REGULAR, BOLD], ids=["regular", "bold"])
def font(request: pytest.FixtureRequest) -> TTFont:
    path: Path = request.param
    assert path.is_file(), f"{path} is missing: run build_scripts/make_font.py"
    return TTFont(str(path), lazy=True)


def test_the_licence_ships_beside_the_font() -> None:
    licence = (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Reserved Font Name 'Source'" in licence


def test_the_name_characters_are_outside_gb2312() -> None:
    for ch in RARE:
        with pytest.raises(UnicodeEncodeError):
            ch.encode("gb2312")


def test_the_font_has_truetype_outlines_and_its_own_name(font: TTFont) -> None:
    # fpdf2 embeds glyf fonts as plain TrueType; the CFF original would need its newer code path.
    assert "glyf" in font
    assert "CFF " not in font
    assert font["name"].getDebugName(1) == FAMILY
    assert "Open Font License" in (font["name"].getDebugName(13) or "")


def test_the_font_has_every_glyph_a_document_needs(font: TTFont) -> None:
    cmap = font.getBestCmap()
    missing = [ch for ch in MUST_HAVE if ord(ch) not in cmap]
    assert not missing, f"no glyph for {''.join(missing)}"
    glyf = font["glyf"]
    for ch in RARE:
        glyph = glyf[cmap[ord(ch)]]
        assert glyph.numberOfContours > 0, f"{ch} has an empty outline"


def test_the_font_covers_the_whole_cjk_unified_block(font: TTFont) -> None:
    cmap = font.getBestCmap()
    ideographs = sum(1 for cp in cmap if 0x4E00 <= cp <= 0x9FFF)
    assert ideographs >= 20_900  # Noto Sans CJK SC 2.004 has 20,976 of the block's 20,992


def _pdf_with_names(tmp_path: Path) -> Path:
    pdf = FPDF()
    pdf.add_font(FAMILY, "", str(REGULAR))
    pdf.add_font(FAMILY, "B", str(BOLD))
    pdf.add_page()
    pdf.set_font(FAMILY, "B", size=16)
    pdf.cell(text="收款收据", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=12)
    pdf.cell(text=f"业主：{NAMES}　金额：￥1,234.50", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "names.pdf"
    pdf.output(str(path))
    return path


def test_fpdf2_embeds_the_font_and_maps_the_names(tmp_path: Path) -> None:
    path = _pdf_with_names(tmp_path)
    data = path.read_bytes()
    assert b"/FontFile2" in data, "the font is not embedded as TrueType"
    assert b"EstateDeskSansSC" in data
    # The ToUnicode CMap lets viewers (and search) turn glyphs back into the characters; fpdf2
    # writes it uncompressed today, so look in the raw file and in every inflated stream.
    text = b"\n".join([data, *_inflate_streams(data)]).upper()
    for ch in RARE:
        assert f"> <{ord(ch):04X}>".encode() in text, f"{ch} is not in the PDF's ToUnicode map"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_pdftotext_reads_the_names_back(tmp_path: Path) -> None:
    path = _pdf_with_names(tmp_path)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "收款收据" in text
    for name in NAMES.split():
        assert name in text


def _inflate_streams(data: bytes) -> list[bytes]:
    """The decompressed contents of every Flate stream in a PDF."""
    streams = []
    position = 0
    while (start := data.find(b"stream", position)) != -1:
        begin = start + len(b"stream")
        begin += 2 if data[begin : begin + 2] == b"\r\n" else 1
        end = data.find(b"endstream", begin)
        with contextlib.suppress(zlib.error):  # not a Flate stream
            streams.append(zlib.decompressobj().decompress(data[begin:end]))
        position = end + len(b"endstream")
    return streams
