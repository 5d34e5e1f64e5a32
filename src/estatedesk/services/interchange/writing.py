"""Writing a table to .xlsx or .csv: whole or not at all, and with no cell that runs as a formula."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from estatedesk.domain.errors import FileNotWritten
from estatedesk.paths import write_whole
from estatedesk.services.interchange.reading import (
    FORMULA_GUARD,
    FORMULA_STARTS,
    XLSX_SUFFIXES,
    check_suffix,
)

# A cell of an exported row: text, a whole number, or a decimal written with its own places
# (Decimal("89.50") is 89.50 in both formats); None is an empty cell.
Cell = str | int | Decimal | None


def replace_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Write ``path`` whole or not at all; a disk that refuses is the clerk's ``FileNotWritten``."""
    try:
        write_whole(path, write)
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
        replace_atomically(path, lambda temp: write_xlsx(temp, title, headers, rows, widths))
    else:
        replace_atomically(path, lambda temp: write_csv(temp, headers, rows))


def guard_formula(text: str) -> str:
    """A CSV cell that Excel, WPS or LibreOffice would run as a formula, made plain text.

    The guard is the apostrophe spreadsheets themselves use for "this is text"; reading a CSV
    takes it off again (reading.unguard).
    """
    return FORMULA_GUARD + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """Write a CSV as Chinese Excel opens it: UTF-8 with BOM, CRLF, no cell that runs as a formula."""
    # The BOM: Excel on Windows reads BOM-less CSV in the ANSI code page (GBK).
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([guard_formula(header) for header in headers])
        for row in rows:
            writer.writerow(
                [
                    "" if value is None else guard_formula(value) if isinstance(value, str) else value
                    for value in row
                ]
            )


def write_xlsx(
    path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int] = ()
) -> None:
    """Write one worksheet: bold header row frozen at the top, numbers as numbers, text as text."""
    from openpyxl import Workbook  # loaded only when a file is written: ~0.2 s
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
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
    workbook.save(path)


def copy_file(source: Path, target: Path) -> Path:
    """Copy a file the program ships (a template) to where the clerk wants it, atomically."""
    replace_atomically(Path(target), lambda temp: shutil.copyfile(source, temp))
    return Path(target)
