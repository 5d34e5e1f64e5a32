"""What every EstateDesk PDF shares: A4 pages, the embedded Chinese font, header and footer.

A document may also be laid out first (``LaidOut``: pages of boxes), so that the window can
show and print exactly the pages the PDF has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from estatedesk.domain.errors import FileNotWritten
from estatedesk.domain.households import format_area_total
from estatedesk.paths import FONTS_DIR, write_whole

FONT = "EstateDeskSans"
REGULAR = FONTS_DIR / "EstateDeskSansSC-Regular.ttf"
BOLD = FONTS_DIR / "EstateDeskSansSC-Bold.ttf"


# ---------------------------------------------------------------- documents laid out before drawing
#
# A document laid out as pages of boxes (in millimetres) can be drawn by fpdf2 into a PDF and,
# box for box, by the window into a printer or its print preview: both show the same pages,
# with the same line breaks, the same shortened names and the same page numbers.

A4_LANDSCAPE = (297.0, 210.0)
A4_PORTRAIT = (210.0, 297.0)
CELL_PADDING = 1.0  # mm between a cell's frame and its text, as fpdf2 leaves


@dataclass(frozen=True)
class Box:
    """A cell of a page at (x, y) in mm from the paper's top left corner: its frame and its text."""

    x: float
    y: float
    width: float
    height: float
    text: str = ""
    align: str = "L"  # L, C or R
    size: float = 9.0  # points
    bold: bool = False
    border: bool = False
    fill: bool = False  # the light grey of a table's header and subtotals


@dataclass(frozen=True)
class Page:
    """One page of a laid-out document."""

    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class LaidOut:
    """A document laid out in pages: its title (the PDF's metadata) and paper size in mm."""

    title: str
    width: float
    height: float
    pages: tuple[Page, ...]


FILL_GREY = (235, 235, 235)
BLACK = (0, 0, 0)  # the text colour a cell drawn in another colour goes back to


def measuring_document(landscape: bool = False) -> FPDF:
    """An FPDF with the embedded fonts, to measure text while laying out (nothing is drawn on it)."""
    pdf = FPDF(orientation="L" if landscape else "P", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(REGULAR))
    pdf.add_font(FONT, "B", str(BOLD))
    return pdf


def new_document(title: str, paper: str | tuple[float, float] = "A4", landscape: bool = False) -> FPDF:
    """An empty PDF to draw on: the fonts embedded, its title set, no automatic page breaks.

    ``paper`` is a name fpdf2 knows ("A4") or (width, height) in mm of the portrait sheet.
    """
    pdf = FPDF(orientation="L" if landscape else "P", unit="mm", format=paper)
    # Embedding the font is what makes names such as 王玥 or 张堃 print on any computer.
    pdf.add_font(FONT, "", str(REGULAR))
    pdf.add_font(FONT, "B", str(BOLD))
    pdf.set_title(title)
    pdf.set_creator("EstateDesk")
    # Documents place every line themselves: an automatic break would split a table mid-row.
    pdf.set_auto_page_break(auto=False)
    return pdf


class _CharacterWidths(dict[str, float]):
    """The width of each character in one font, style and size, measured when first met."""

    def __init__(self, pdf: FPDF) -> None:
        super().__init__()
        self.pdf = pdf

    def __missing__(self, character: str) -> float:
        width = self[character] = self.pdf.get_string_width(character)
        return width


class Pen:
    """Measures and draws single-line texts as ``wrap_text`` and ``FPDF.cell`` do, many times faster.

    Measuring a text with fpdf2 costs as much as drawing it, and ``cell`` lays out every text anew
    (fragments, styles, links, page breaks); a sheet of 20,000 voters or a batch of ballots draws
    tens of thousands of plain texts. The pen measures each character once per font style and size
    and a text as the sum of its characters, which is what fpdf2 computes (it neither kerns nor
    shapes these fonts), to within rounding: a billionth of a millimetre. It places a text as
    ``cell`` does (the cell's padding, its alignment, the baseline ``cell`` puts in the middle of
    the row) and writes it with ``FPDF.text``; a frame or a filled box is ``FPDF.rect``. The page
    looks the same, and where a line breaks is decided exactly: a text within a hair of the width
    is measured whole, as ``wrap_text`` measures it.
    """

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.characters: dict[tuple[str, str, float], _CharacterWidths] = {}

    def font(self, size: float, bold: bool = False) -> None:
        """Select the embedded font at ``size`` points (nothing to do if it is already selected)."""
        pdf, style = self.pdf, "B" if bold else ""
        if pdf.font_size_pt != size or pdf.font_style != style or pdf.font_family != _FAMILY:
            pdf.set_font(FONT, style, size)

    def width(self, text: str) -> float:
        """The width of ``text`` in the current font: ``get_string_width`` to within rounding."""
        pdf = self.pdf
        key = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        characters = self.characters.get(key)
        if characters is None:
            characters = self.characters[key] = _CharacterWidths(pdf)
        return sum(map(characters.__getitem__, text))

    def fits(self, text: str, width: float) -> bool:
        """Whether ``text`` fits on one line of a cell ``width`` wide, as ``wrap_text`` decides."""
        room = width - 2 * CELL_PADDING
        estimate = self.width(text)
        if abs(estimate - room) > 1e-6:
            return estimate < room
        return self.pdf.get_string_width(text) <= room

    def wrap_text(self, text: str, width: float) -> list[str]:
        """The lines of ``wrap_text(pdf, text, width)`` in the current font."""
        return _wrap_text(lambda line: self.fits(line, width), text)

    def wrap_items(self, items: Sequence[str], width: float, separator: str = "、") -> list[str]:
        """The lines of ``wrap_items(pdf, items, width, separator)`` in the current font."""
        return _wrap_items(lambda line: self.fits(line, width), items, separator)

    def wrap_paragraph(self, text: str, width: float) -> list[str]:
        """The lines of ``wrap_paragraph(pdf, text, width)`` in the current font."""
        return _wrap_paragraph(lambda line: self.fits(line, width), text)

    def fit_text(self, text: str, width: float) -> str:
        """The text of ``fit_text(pdf, text, width)`` in the current font."""
        return _fit_text(lambda line: self.fits(line, width), text)

    def cell(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str = "",
        align: str = "L",
        border: bool = False,
        fill: bool = False,
    ) -> None:
        """What ``set_xy(x, y)`` and ``cell(width, height, text, border, align=align, fill=fill)`` draw."""
        pdf = self.pdf
        if border or fill:
            pdf.rect(x, y, width, height, style=("DF" if border else "F") if fill else "D")
        if text:
            if align == "C":
                dx = (width - self.width(text)) / 2
            elif align == "R":
                dx = width - pdf.c_margin - self.width(text)
            else:
                dx = pdf.c_margin
            pdf.text(x + dx, y + 0.5 * height + 0.3 * pdf.font_size, text)


_FAMILY = FONT.lower()  # as FPDF holds the family it is set to


def write_laid_out(document: LaidOut, path: Path) -> int:
    """Draw a laid-out document into a PDF at ``path`` (whole or not at all); return its pages."""
    pdf = new_document(document.title, landscape=document.width > document.height)
    pdf.set_fill_color(*FILL_GREY)
    pen = Pen(pdf)
    for page in document.pages:
        pdf.add_page()
        for box in page.boxes:
            if box.text:  # a frame needs no font: switching to it and back would only lengthen the page
                pen.font(box.size, box.bold)
            pen.cell(box.x, box.y, box.width, box.height, box.text, box.align, box.border, box.fill)
    write_pdf(pdf, path)
    return len(document.pages)


def write_pdf(pdf: FPDF, path: Path) -> None:
    """Write a drawn PDF at ``path``, whole or not at all; ``FileNotWritten`` if the disk refuses."""
    try:
        write_whole(path, bytes(pdf.output()))  # bytes: documents name people, so no partial file is left
    except OSError as error:
        raise FileNotWritten(path, error) from None


Fits = Callable[[str], bool]  # whether a text fits on one line of the cell being wrapped


def _fitting(pdf: FPDF, width: float) -> Fits:
    room = width - 2 * CELL_PADDING
    return lambda text: pdf.get_string_width(text) <= room


def fit_text(pdf: FPDF, text: str, width: float) -> str:
    """Shorten a cell's text with … so that it never overflows its width (with the font set)."""
    return _fit_text(_fitting(pdf, width), text)


def _fit_text(fits: Fits, text: str) -> str:
    if fits(text):
        return text
    while text and not fits(text + "…"):
        text = text[:-1]
    return text + "…"


def draw_cell(
    pdf: FPDF,
    x: float,
    y: float,
    width: float,
    height: float,
    text: str = "",
    size: float = 10.0,
    bold: bool = False,
    align: str = "L",
    border: bool = False,
    fill: bool = False,
    color: tuple[int, int, int] = BLACK,
    smallest: float | None = None,
) -> None:
    """One line of text in a cell, shrunk to ``smallest`` points if given, then shortened with ….

    Drawn with fpdf2's own ``cell``, for one-page sheets (the work order, the repair log's papers)
    where ``Pen``'s speed is not needed.
    """
    if border or fill:
        pdf.set_fill_color(*FILL_GREY)
        pdf.rect(x, y, width, height, style=("DF" if border else "F") if fill else "D")
    if not text:
        return
    pdf.set_font(FONT, "B" if bold else "", size)
    if smallest is not None:
        fitting_size(pdf, text, width, size, smallest)
    pdf.set_text_color(*color)
    pdf.set_xy(x, y)
    pdf.cell(width, height, fit_text(pdf, text, width), align=align)
    pdf.set_text_color(*BLACK)


def fitting_size(pdf: FPDF, text: str, width: float, size: float, smallest: float) -> float:
    """The largest font size from ``size`` down to ``smallest`` at which ``text`` fits a cell ``width``.

    The font family and style must be set; the size is left at the one returned. Text that does
    not fit even at ``smallest`` gets ``smallest``: the caller then wraps it (``wrap_text``).
    """
    room = width - 2 * CELL_PADDING
    while True:
        pdf.set_font_size(size)
        if size <= smallest or pdf.get_string_width(text) <= room:
            return size
        size = max(smallest, size - 0.5)


def wrap_text(pdf: FPDF, text: str, width: float) -> list[str]:
    """Break ``text`` into lines that fit a cell ``width`` in the current font; newlines are kept.

    Chinese has no spaces to break at, so a line breaks after any character; where the second half
    of a line has a space, it breaks there instead, so that a date such as 2027-01 is not split.
    """
    return _wrap_text(_fitting(pdf, width), text)


def _wrap_text(fits: Fits, text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        rest = paragraph.rstrip()
        while not fits(rest):
            cut = 1  # at least one character per line, however narrow the cell
            while cut < len(rest) and fits(rest[: cut + 1]):
                cut += 1
            space = rest.rfind(" ", 0, cut + 1)
            if space > cut // 2 and rest[cut : cut + 1] != " ":  # a space late in the line: a better break
                cut = space
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
        lines.append(rest)
    return lines


def area_text(centi: int) -> str:
    """An area held in 1/100 m² as a total is printed: ``11,020.00`` (thousands grouped)."""
    return format_area_total(centi)


def wrap_items(pdf: FPDF, items: Sequence[str], width: float, separator: str = "、") -> list[str]:
    """Lines of ``items`` joined by ``separator`` that fit a cell ``width`` in the current font.

    Unlike ``wrap_text`` a line breaks only between items, so a room code such as 3-2-1502 is never
    split (an item wider than the cell is wrapped on its own).
    """
    return _wrap_items(_fitting(pdf, width), items, separator)


def _wrap_items(fits: Fits, items: Sequence[str], separator: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for index, item in enumerate(items):
        piece = item + (separator if index < len(items) - 1 else "")
        if line and not fits(line + piece):
            lines.append(line)
            line = ""
        if not line and not fits(piece):
            *whole, line = _wrap_text(fits, piece)
            lines.extend(whole)
            continue
        line += piece
    return [*lines, line] if line or not lines else lines


# A line of Chinese text neither starts with closing punctuation nor ends with opening punctuation
# (the usual 避头尾 rules), and a figure such as ¥480,000.00 or a serial such as 12-00345-7 stays whole.
CLOSING = "，。、；：？！）》」』】”’…%,.;:?!)]"
OPENING = "（《「『【“‘([¥￥"
_UNBROKEN = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,-/:%¥￥")


def wrap_paragraph(pdf: FPDF, text: str, width: float) -> list[str]:
    """Like ``wrap_text``, but a figure, serial or date is not split and punctuation is placed as in print.

    A run of Latin letters, digits and their punctuation goes to the next line whole (unless it is
    longer than half a line); a line does not start with closing punctuation such as 。or end with
    opening punctuation such as “: a character moves down with it.
    """
    return _wrap_paragraph(_fitting(pdf, width), text)


def _wrap_paragraph(fits: Fits, text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        rest = paragraph.rstrip()
        while not fits(rest):
            cut = 1
            while cut < len(rest) and fits(rest[: cut + 1]):
                cut += 1
            if rest[cut - 1] in _UNBROKEN and rest[cut] in _UNBROKEN:
                start = cut - 1
                while start > 0 and rest[start - 1] in _UNBROKEN:
                    start -= 1
                if start > cut // 2:
                    cut = start
            while cut > 1 and rest[cut] in CLOSING:
                cut -= 1
            while cut > 1 and rest[cut - 1] in OPENING:
                cut -= 1
            space = rest.rfind(" ", 0, cut + 1)
            if space > cut // 2 and rest[cut : cut + 1] != " ":
                cut = space
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
        lines.append(rest)
    return lines
