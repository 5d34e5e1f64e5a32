"""Printing a document laid out in pages (``reports.pdf.LaidOut``) on the system's printers.

The PDF and the printer get the same pages, box for box: the layout (line breaks, shortened
names, page numbers) is made once by the report; here each box is drawn with QPainter in the
same embedded font. PySide6-Essentials has no QtPdf to show the PDF itself, so this is how the
print preview (QPrintPreviewDialog) and the printer see exactly what the PDF has.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from estatedesk.gui.app import bundled_font_families

CELL_PADDING = 1.0  # mm, as fpdf2 leaves between a cell's frame and its text
LINE_WIDTH = 0.2  # mm, fpdf2's default
FILL = QColor(235, 235, 235)
ALIGN = {
    "L": Qt.AlignmentFlag.AlignLeft,
    "C": Qt.AlignmentFlag.AlignHCenter,
    "R": Qt.AlignmentFlag.AlignRight,
}


# The document is a ``reports.pdf.LaidOut`` (title, width and height in mm, pages of boxes),
# handed over by a service: the window does not import the reports themselves.
LaidOutDocument = Any


def printer_for(document: LaidOutDocument) -> QPrinter:
    """A printer set to the document's paper (A4, its orientation), drawing from the paper's edge."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = (
        QPageLayout.Orientation.Landscape
        if document.width > document.height
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)  # the boxes are placed from the paper's corner, margins included
    printer.setDocName(document.title)
    return printer


def paint_pages(printer: QPrinter, document: LaidOutDocument) -> None:
    """Draw every page of ``document`` on ``printer`` (a real printer, a PDF file or the preview)."""
    painter = QPainter()
    if not painter.begin(printer):
        return  # the printer refused (no paper size, gone offline): Qt's dialog has said why
    try:
        scale = printer.resolution() / 25.4  # device pixels per mm
        family = (bundled_font_families() or [QFont().family()])[0]
        fonts: dict[tuple[float, bool], QFont] = {}
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(LINE_WIDTH * scale)
        for number, page in enumerate(document.pages):
            if number:
                printer.newPage()
            for box in page.boxes:
                rect = QRectF(box.x * scale, box.y * scale, box.width * scale, box.height * scale)
                if box.fill:
                    painter.fillRect(rect, FILL)
                if box.border:
                    painter.setPen(pen)
                    painter.drawRect(rect)
                if box.text:
                    font = fonts.get((box.size, box.bold))
                    if font is None:
                        font = fonts[box.size, box.bold] = QFont(family)
                        font.setPointSizeF(box.size)
                        font.setBold(box.bold)
                    painter.setFont(font)
                    painter.setPen(Qt.GlobalColor.black)
                    inner = rect.adjusted(CELL_PADDING * scale, 0, -CELL_PADDING * scale, 0)
                    flags = ALIGN.get(box.align, Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
                    painter.drawText(inner, int(flags | Qt.TextFlag.TextSingleLine), box.text)
    finally:
        painter.end()


class PagePreview(QPrintPreviewDialog):
    """Qt's print preview of a laid-out document: zoom, page through, print on any system printer."""

    def __init__(self, parent: QWidget | None, document: LaidOutDocument) -> None:
        self._kept_printer = printer_for(document)  # the dialog only borrows it: it must live as long
        super().__init__(self._kept_printer, parent)
        self.document = document
        self.setWindowTitle(document.title)
        self.paintRequested.connect(self._paint)
        self.resize(1000, 720)

    def _paint(self, printer: QPrinter) -> None:
        paint_pages(printer, self.document)


def preview_dialog(parent: QWidget | None, document: LaidOutDocument) -> PagePreview:
    """The print preview of ``document`` (shown by the caller, with ``open`` or ``exec``)."""
    return PagePreview(parent, document)
