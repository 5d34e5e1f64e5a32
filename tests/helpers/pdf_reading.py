"""Reading printed documents back in tests: pages' texts, sizes and words, through poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")

Rect = tuple[float, float, float, float]


def page_texts(path: Path, raw: bool = True) -> list[str]:
    """Each page's text, without the spaces pdftotext puts (or not) between Chinese characters.

    ``raw``: in the order it was drawn (a table row by row, cell by cell), not as pdftotext lays it out.
    """
    options = ["-raw"] if raw else []
    text = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def page_count(path: Path) -> int:
    """How many pages the PDF has (read from the file itself, not through poppler)."""
    return len(re.findall(rb"/Type /Page\b(?!s)", path.read_bytes()))


def page_size_mm(path: Path) -> tuple[int, int]:
    """The first page's width and height in whole millimetres."""
    match = re.search(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", path.read_bytes())
    assert match
    width, height = (round(float(value) * 25.4 / 72) for value in match.groups())
    return width, height


def font_embedded(path: Path) -> bool:
    """Whether the shipped font is embedded (what makes 王玥, 李喆, 张堃 print anywhere)."""
    data = path.read_bytes()
    return b"/FontFile2" in data and b"EstateDeskSansSC" in data


def words(path: Path) -> list[tuple[float, float, list[tuple[str, Rect]]]]:
    """Each page's size and words with their boxes (points), as pdftotext finds them."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = []
    for page in re.finditer(r'<page width="([0-9.]+)" height="([0-9.]+)">(.*?)</page>', html, re.S):
        found = [
            (word, (float(x0), float(y0), float(x1), float(y1)))
            for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*?)</word>',
                page.group(3),
            )
        ]
        pages.append((float(page.group(1)), float(page.group(2)), found))
    return pages


def overlapping(found: list[tuple[str, Rect]]) -> list[tuple[str, str]]:
    """Pairs of words whose glyphs would overlap (pdftotext's boxes include the font's line gap)."""

    def core(box: Rect) -> Rect:
        x0, y0, x1, y1 = box
        inset = (y1 - y0) * 0.2
        return x0 + 0.3, y0 + inset, x1 - 0.3, y1 - inset

    pairs = []
    for index, (first, box) in enumerate(found):
        a = core(box)
        for second, other in found[index + 1 :]:
            b = core(other)
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                pairs.append((first, second))
    return pairs


def outside_page(path: Path) -> list[str]:
    """The words that cross a page's edge."""
    return [
        word
        for width, height, found in words(path)
        for word, (x0, y0, x1, y1) in found
        if not (0 < x0 < x1 < width and 0 < y0 < y1 < height)
    ]
