"""How the cleaning schedule's documents draw their cells: ``draw_cell``'s results at ``Pen``'s speed.

A month's task sheets are some 300 pages of tables and the wall chart some 500 cells; measured and
drawn through fpdf2's ``cell`` they take seconds. ``Paper.cell`` does what ``draw_cell`` does (a
frame, a fill, one line of text shrunk to a floor and then shortened with …) through ``Pen``.
"""

from __future__ import annotations

from fpdf import FPDF

from estatedesk.reports.pdf import BLACK, FILL_GREY, Pen

Colour = tuple[int, int, int]


class Paper:
    """Draws the cells of a document on ``pdf``: framed, filled, one line of fitted text."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.pen = Pen(pdf)

    def fill(self, x: float, y: float, width: float, height: float, colour: Colour = FILL_GREY) -> None:
        """A filled box with no frame (a shaded column, a leave day)."""
        self.pdf.set_fill_color(*colour)
        self.pdf.rect(x, y, width, height, style="F")

    def frame(self, x: float, y: float, width: float, height: float) -> None:
        """A box's frame."""
        self.pdf.rect(x, y, width, height, style="D")

    def cell(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str = "",
        size: float = 10.0,
        bold: bool = False,
        align: str = "L",
        border: bool = False,
        fill: bool | Colour = False,
        colour: Colour = BLACK,
        smallest: float | None = None,
    ) -> None:
        """One line of text in a cell, as ``draw_cell`` draws it: shrunk to ``smallest``, then shortened."""
        if fill is True:
            self.fill(x, y, width, height)
        elif fill:
            self.fill(x, y, width, height, fill)
        if border:
            self.frame(x, y, width, height)
        if not text:
            return
        pen = self.pen
        pen.font(size, bold)
        if smallest is not None:
            while size > smallest and not pen.fits(text, width):
                size = max(smallest, size - 0.5)
                pen.font(size, bold)
        shown = pen.fit_text(text, width)
        if colour != BLACK:
            self.pdf.set_text_color(*colour)
        pen.cell(x, y, width, height, shown, align)
        if colour != BLACK:
            self.pdf.set_text_color(*BLACK)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide ``text`` is at ``size`` points."""
        self.pen.font(size, bold)
        return self.pen.width(text)

    def centred(self, x: float, y: float, text: str, size: float, colour: Colour = BLACK) -> None:
        """A short label centred on (x, y): a chart's labels, which need no cell around them."""
        width = self.width(text, size)
        if colour != BLACK:
            self.pdf.set_text_color(*colour)
        self.pdf.text(x - width / 2, y + 0.3 * self.pdf.font_size, text)
        if colour != BLACK:
            self.pdf.set_text_color(*BLACK)
