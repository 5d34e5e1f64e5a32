"""Regenerate the bundled Chinese font in resources/fonts/ from Noto Sans CJK SC.

Run by hand when the subset should change (``python build_scripts/make_font.py``); the
program never runs this: the generated .ttf files are committed.

What it does, per weight:
1. picks the Simplified Chinese face out of Noto Sans CJK (a .ttc collection or an .otf);
2. subsets it to the characters an estate office needs (Latin, punctuation, symbols and the
   whole CJK Unified Ideographs block, so rare characters in names such as 玥 喆 堃 are there);
3. converts the CFF (cubic) outlines to TrueType (quadratic, ``glyf``) outlines with
   fontTools' cu2qu, because fpdf2 has long embedded TrueType fonts reliably, while its CFF
   support is recent;
4. renames the family to "EstateDesk Sans SC" so that it never shadows or gets mistaken for
   a full Noto Sans CJK SC installed on the system (and "Noto" is a Google trademark).

Needs fontTools (in the dev extra). Debian/Ubuntu: ``apt-get install fonts-noto-cjk`` for
the source; elsewhere pass ``--regular`` / ``--bold`` with the upstream
NotoSansCJKsc-*.otf or NotoSansCJK-*.ttc files from https://github.com/notofonts/noto-cjk.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable

REPO = Path(__file__).resolve().parents[1]
FONTS_DIR = REPO / "resources" / "fonts"
DEBIAN_NOTO = Path("/usr/share/fonts/opentype/noto")
SOURCE_FAMILY = "Noto Sans CJK SC"

FAMILY = "EstateDesk Sans SC"
PS_FAMILY = "EstateDeskSansSC"

# Inclusive code point ranges kept in the subset.
UNICODE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement: ¥ · × ÷ ² ³ ° ±
    (0x2000, 0x206F),  # General Punctuation: — … ‘’ “” ‰ ※
    (0x2100, 0x214F),  # Letterlike Symbols: ℃ № ℡
    (0x2160, 0x217F),  # Roman numerals: estates are often called Ⅱ期
    (0x2190, 0x2199),  # arrows
    (0x2200, 0x22FF),  # Mathematical Operators: √ ≤ ≥ ≠ ∶
    (0x2460, 0x24FF),  # Enclosed Alphanumerics: ① ⑴ ⒈
    (0x2500, 0x257F),  # Box Drawing: ─ │ for plain-text tables
    (0x25A0, 0x25FF),  # Geometric Shapes: □ ■ ○ ● △ for ballots and check marks
    (0x2600, 0x26FF),  # Miscellaneous Symbols: ★ ☆ ☐ ☑ ☒
    (0x2713, 0x2717),  # ✓ ✔ ✕ ✖ ✗
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 、。〇「」【】〔〕
    (0x3200, 0x32FF),  # Enclosed CJK Letters: ㈠ ㊣
    (0x338E, 0x33D5),  # squared units: ㎡ ㎏ ㎞ ㏄
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs: every one the font has (names use rare ones)
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms: vertical punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms: ，：；（）￥
)
# CJK Extension A (6,582 more ideographs, about +2.3 MB per weight): off by default; a few
# people's names need it (e.g. 䶮). Turn on with --extension-a.
EXTENSION_A = (0x3400, 0x4DBF)

# OpenType features kept: kerning and composition. 'locl' is left out on purpose: in the SC
# face it only maps to Japanese/Korean/Traditional variants, thousands of glyphs we never show.
LAYOUT_FEATURES = ("ccmp", "kern", "liga", "calt", "vert", "vrt2", "vkrn", "palt", "halt")

# Characters the result must have; regeneration fails loudly otherwise.
MUST_HAVE = "王玥李喆张堃赟昇珺琤砼垚淼犇骉鑫￥¥、，。：；（）【】《》“”—…㎡m²0123456789□√×"

WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}

# cu2qu tolerance in font units (1000/em): an error of one unit is invisible at any size.
MAX_ERROR = 1.0


def code_points(extension_a: bool = False) -> set[int]:
    """Every code point the subset asks for (the font may lack some of them)."""
    ranges = (*UNICODE_RANGES, EXTENSION_A) if extension_a else UNICODE_RANGES
    return {cp for first, last in ranges for cp in range(first, last + 1)}


def open_face(path: Path, family: str = SOURCE_FAMILY) -> TTFont:
    """Open the face called ``family`` in a .ttc collection, or a single .otf/.ttf."""
    if path.suffix.lower() in {".ttc", ".otc"}:
        count = len(TTCollection(str(path), lazy=True).fonts)
        for number in range(count):
            font = TTFont(str(path), fontNumber=number, recalcTimestamp=False)
            if font["name"].getDebugName(1) == family:
                return font
            font.close()
        raise SystemExit(f"{path} has no face named {family!r}")
    return TTFont(str(path), recalcTimestamp=False)


def subset(font: TTFont, wanted: Iterable[int]) -> None:
    """Cut ``font`` down to ``wanted`` code points, in place."""
    options = Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True  # a missing glyph shows as a box, not as nothing
    options.hinting = False  # CFF hints mean nothing once the outlines are TrueType
    options.desubroutinize = True
    options.glyph_names = False
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)


def cff_to_glyf(font: TTFont, max_error: float = MAX_ERROR) -> None:
    """Replace the CFF outlines of ``font`` with TrueType ones, in place (the otf2ttf recipe)."""
    if "CFF " not in font:
        return  # already TrueType
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # PostScript contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:  # vertical origins are a CFF-only table
        del font["VORG"]
    glyf.compile(font)  # computes each glyph's bounding box

    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        # TrueType wants left side bearing == xMin.
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000  # the TrueType version; glyph counts are recalculated on save
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    font["maxp"] = maxp

    post = font["post"]
    post.formatType = 3.0  # no glyph names: 20,000 "cidNNNNN" strings are dead weight
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, weight: str, source_version: str, extension_a: bool = False) -> None:
    """Give the subset its own family name and say where it comes from."""
    name = font["name"]
    own_ids = {1, 2, 3, 4, 5, 6, 10, 16, 17, 18, 21, 22, 25}
    name.names = [record for record in name.names if record.nameID not in own_ids]
    full = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    postscript = f"{PS_FAMILY}-{weight}"
    version = source_version.split(";")[0].strip()  # "Version 2.004"
    ideographs = "U+4E00-U+9FFF and U+3400-U+4DBF" if extension_a else "U+4E00-U+9FFF"
    records = {
        1: FAMILY,
        2: weight,
        3: f"{version.removeprefix('Version ')};ESTATEDESK;{postscript}",
        4: full,
        5: f"{version}; subset of {SOURCE_FAMILY} for EstateDesk",
        6: postscript,
        10: (
            f"A subset of {SOURCE_FAMILY} {weight} ({version.lower()}, SIL Open Font License 1.1) "
            "made for EstateDesk: Latin, punctuation, symbols and CJK Unified Ideographs "
            f"{ideographs}, with TrueType outlines."
        ),
    }
    for name_id, text in records.items():
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English (US)
        name.setName(text, name_id, 1, 0, 0)  # Macintosh Roman: some tools still read it
    if "CFF " in font:  # only before conversion; the CFF table carries its own names
        font["CFF "].cff.fontNames = [postscript]


def check(path: Path) -> None:
    """Reopen the result and make sure it has every must-have character as an outline."""
    font = TTFont(str(path))
    cmap = font.getBestCmap()
    missing = [ch for ch in MUST_HAVE if ord(ch) not in cmap]
    if missing:
        raise SystemExit(f"{path.name} lacks {''.join(missing)}")
    if "glyf" not in font or "CFF " in font:
        raise SystemExit(f"{path.name} does not have TrueType outlines")


def build(source: Path, weight: str, out_dir: Path, extension_a: bool = False) -> Path:
    """Make ``EstateDeskSansSC-<weight>.ttf`` from ``source``; return its path."""
    started = time.monotonic()
    font = open_face(source)
    source_version = font["name"].getDebugName(5) or "Version ?"
    subset(font, code_points(extension_a))
    cff_to_glyf(font)
    rename(font, weight, source_version, extension_a)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PS_FAMILY}-{weight}.ttf"
    font.save(str(target))
    check(target)
    glyphs = font["maxp"].numGlyphs
    cjk = sum(1 for cp in font.getBestCmap() if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF)
    print(
        f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}: "
        f"{target.stat().st_size / 1e6:.1f} MB, {glyphs} glyphs, {cjk} CJK ideographs, "
        f"{time.monotonic() - started:.0f} s"
    )
    return target


def main(argv: list[str] | None = None) -> int:
    """Regenerate the bundled font(s)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--regular",
        type=Path,
        default=DEBIAN_NOTO / WEIGHTS["Regular"],
        help="Noto Sans CJK Regular: a .ttc collection or the SC .otf",
    )
    parser.add_argument(
        "--bold",
        type=Path,
        default=DEBIAN_NOTO / WEIGHTS["Bold"],
        help="Noto Sans CJK Bold: a .ttc collection or the SC .otf",
    )
    parser.add_argument("--no-bold", action="store_true", help="make the Regular weight only")
    parser.add_argument(
        "--extension-a",
        action="store_true",
        help="also keep CJK Extension A (U+3400-U+4DBF), about +2.3 MB per weight",
    )
    parser.add_argument("--out", type=Path, default=FONTS_DIR, help="output folder")
    args = parser.parse_args(argv)
    sources = {"Regular": args.regular} if args.no_bold else {"Regular": args.regular, "Bold": args.bold}
    for weight, source in sources.items():
        if not source.is_file():
            print(f"error: {source} not found (Debian: apt-get install fonts-noto-cjk)", file=sys.stderr)
            return 1
        build(source, weight, args.out, args.extension_a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
