"""Printing laid-out pages (gui/widgets/page_printer.py): the printer gets the PDF's pages, box for box."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from estatedesk.gui.widgets.page_printer import paint_pages, preview_dialog, printer_for
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store.db import EstateFile


def roster(count: int, buildings: int = 2) -> object:
    for number in range(count):
        households.create_room(
            RoomInput(str(1 + number % buildings), "1", f"{101 + number}", "80", owners=[PersonInput("王玥")])
        )
    return households.roster_pages("幸福里小区", households.list_rooms())


def test_the_printer_is_set_to_the_documents_paper(app: QApplication, estate: EstateFile) -> None:
    document = roster(3)
    printer = printer_for(document)
    assert printer.fullPage()
    assert printer.pageLayout().orientation().name == "Landscape"
    assert printer.docName() == "幸福里小区 房屋与住户名册"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler")
def test_printing_gives_the_pages_of_the_pdf_with_their_text(
    app: QApplication, estate: EstateFile, tmp_path: Path
) -> None:
    document = roster(60)  # two buildings of 30 rooms: each starts a page and needs two
    printer = printer_for(document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes its pages to a file
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    paint_pages(printer, document)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert pages == len(document.pages) == 4  # type: ignore[attr-defined]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    compact = text.replace(" ", "")
    for expected in (
        "幸福里小区房屋与住户名册",
        "1号楼小计：30户",
        "2号楼小计：30户",
        "合计：60户",
        "王玥",
        "第4页/共4页",
    ):
        assert expected in compact, expected


def test_the_preview_is_qts_with_the_document_kept_alive(app: QApplication, estate: EstateFile) -> None:
    document = roster(3)
    dialog = preview_dialog(None, document)
    assert isinstance(dialog, QPrintPreviewDialog)
    assert dialog.windowTitle() == "幸福里小区 房屋与住户名册"
    dialog.open()  # paints the pages into the preview: the printer it borrows must still be there
    app.processEvents()
    dialog.close()
