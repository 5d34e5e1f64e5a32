"""Writing a table to .xlsx or .csv: whole or not at all, and with no cell that runs as a formula.

An export holds people's full phone and ID numbers, so it is made in memory and written in one
go (paths.write_whole), owner-only: an export cut short (killed, a full disk) leaves no partial
file, neither beside the target nor in the system's temp folder.
"""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from estatedesk.domain.errors import FileNotWritten
from estatedesk.paths import Content, write_whole
from estatedesk.services.interchange.reading import (
    FORMULA_GUARD,
    FORMULA_STARTS,
    XLSX_SUFFIXES,
    check_suffix,
    unguard,
)

# A cell of an exported row: text, a whole number, or a decimal written with its own places
# (Decimal("89.50") is 89.50 in both formats); None is an empty cell.
Cell = str | int | Decimal | None


def replace_atomically(path: Path, content: Content) -> None:
    """Write ``path`` whole or not at all; a disk that refuses is the clerk's ``FileNotWritten``."""
    try:
        write_whole(path, content)
    except OSError as error:
        raise FileNotWritten(path, error) from None


def write_table(
    path: Path,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    widths: Sequence[int] = (),
) -> None:
    """Write a header row and ``rows`` to an .xlsx (worksheet ``title``) or a .csv file, atomically."""
    path = Path(path)
    if check_suffix(path) in XLSX_SUFFIXES:
        replace_atomically(path, xlsx_bytes(title, headers, rows, widths))
    else:
        replace_atomically(path, csv_bytes(headers, rows))


def guard_formula(text: str) -> str:
    """A CSV cell that Excel, WPS or LibreOffice would run as a formula, made plain text.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets the
    apostrophe spreadsheets themselves use for "this is text"; so does text that starts with an
    apostrophe reading would take off, so that reading a CSV (reading.unguard) gives back
    exactly what was written.
    """
    return FORMULA_GUARD + text if text.startswith(FORMULA_STARTS) or unguard(text) != text else text


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """A CSV as Chinese Excel opens it: UTF-8 with BOM, CRLF, no cell that runs as a formula."""
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([guard_formula(header) for header in headers])
    for row in rows:
        writer.writerow(
            [
                "" if value is None else guard_formula(value) if isinstance(value, str) else value
                for value in row
            ]
        )
    # The BOM: Excel on Windows reads BOM-less CSV in the ANSI code page (GBK).
    return stream.getvalue().encode("utf-8-sig")


class _ZipInMemory(zipfile.ZipFile):
    """A zip archive that also takes a member from memory where openpyxl hands it a file name."""

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        """Add a member: from memory for an in-memory sheet, else from a file as usual."""
        if isinstance(filename, io.BytesIO):
            self.writestr(arcname, filename.getvalue(), *args, **kwargs)
        else:
            super().write(filename, arcname, *args, **kwargs)


def xlsx_bytes(
    title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int] = ()
) -> bytes:
    """One worksheet as an .xlsx: bold header row frozen at the top, numbers as numbers, text as text."""
    from openpyxl import Workbook  # loaded only when a file is written: ~0.2 s
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    # openpyxl writes a sheet's rows to a file in the system's temp folder, which a killed export
    # would leave there, full phone and ID numbers included: this sheet's rows go to memory (its
    # writer takes an in-memory file; the archive above reads it back; there is no file to remove).
    in_memory = WorksheetWriter(sheet, out=io.BytesIO())
    in_memory.cleanup = lambda: None
    sheet._writer = in_memory
    in_memory.write_top()  # what the sheet does with the writer it makes itself
    bold = Font(bold=True)

    def cell(value: Cell, header: bool = False) -> Any:
        if isinstance(value, Decimal):
            number = WriteOnlyCell(sheet, value=value)
            places = max(0, -int(value.as_tuple().exponent))
            number.number_format = "0." + "0" * places if places else "0"
            return number
        if value is None or isinstance(value, int):
            return WriteOnlyCell(sheet, value=value)
        text = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        # openpyxl writes a string starting with "=" as a formula; a note such as "=见附件" is text.
        text.data_type = "s"
        if header:
            text.font = bold
        return text

    sheet.append([cell(header, header=True) for header in headers])
    for row in rows:
        sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    ExcelWriter(workbook, _ZipInMemory(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return buffer.getvalue()


def copy_file(source: Path, target: Path) -> Path:
    """Copy a file the program ships (a template) to where the clerk wants it, atomically."""
    replace_atomically(Path(target), lambda temp: shutil.copyfile(source, temp))
    return Path(target)
