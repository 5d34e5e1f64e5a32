"""Reading a spreadsheet file (.xlsx, or .csv in any encoding and delimiter a clerk meets) as text."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
# What an exported CSV cell is prefixed with when it would otherwise run as a formula
# (writing.py); reading takes it off again, so an export imports back as it was.
FORMULA_GUARD = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class InterchangeFileError(EstateDeskError):
    """A whole file cannot be read or written (not a row of it)."""


@dataclass(frozen=True)
class Sheet:
    """The non-empty rows of a file, each with its spreadsheet row number (1-based)."""

    rows: list[tuple[int, list[str]]]


def file_name(path: Path) -> str:
    """How a message names a file: its name, or the whole path when it has none."""
    return path.name or str(path)


def check_suffix(path: Path) -> str:
    """The file's suffix in lower case, when it is one EstateDesk reads and writes; else refuse it."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "{name} is an old .xls workbook; save it as .xlsx or .csv first"),
            name=file_name(path),
        )
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "{name} is not an .xlsx or .csv file"), name=file_name(path)
        )
    return suffix


def cell_text(value: object) -> str:
    """The text of a spreadsheet cell: numbers without float noise, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # A phone typed into Excel comes back as 13812345678.0 or 1.3812345678e10.
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value).strip()


def read_sheet(path: Path) -> Sheet:
    """Read the first worksheet of an .xlsx, or a .csv file, as text cells."""
    path = Path(path)
    suffix = check_suffix(path)
    if not path.is_file():
        raise InterchangeFileError(QT_TRANSLATE_NOOP("messages", "{name} does not exist"), name=str(path))
    try:
        raw_rows = _read_xlsx(path) if suffix in XLSX_SUFFIXES else _read_csv(path)
        rows = [(number, cells) for number, cells in raw_rows if any(cells)]
    except InterchangeFileError:
        raise
    except OSError as error:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "cannot read {name}: {reason}"),
            name=file_name(path),
            reason=error.strerror or str(error),
        ) from None
    except Exception as error:  # openpyxl and zipfile raise many kinds for a damaged file
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "cannot read {name}: {reason}"),
            name=file_name(path),
            reason=str(error),
        ) from None
    if not rows:
        raise InterchangeFileError(QT_TRANSLATE_NOOP("messages", "{name} is empty"), name=file_name(path))
    return Sheet(rows)


def _read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    import openpyxl  # imported here: loading openpyxl costs ~0.2 s and most runs never need it

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        # Some programs write a wrong <dimension>; without this, rows past it would be lost.
        sheet.reset_dimensions()
        return [
            (number, [cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()  # read-only workbooks keep the file open (and locked on Windows)


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-16 or UTF-8 (with or without BOM), else GB18030 (Chinese Excel's CSV)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "the file is neither UTF-8 nor GBK text")
        ) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: whichever of comma, semicolon and tab its first line uses most."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def unguard(cell: str) -> str:
    """A CSV cell without the guard an export put before a would-be formula (``'=见附件`` → ``=见附件``)."""
    if cell.startswith(FORMULA_GUARD) and cell[1:2] and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    text = decode_text(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        # Spreadsheet rows are records: a quoted cell with a line break stays one row, as in Excel.
        return [
            (number, [unguard(cell.strip()) for cell in record]) for number, record in enumerate(reader, 1)
        ]
    except csv.Error as error:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "cannot read {name}: {reason}"),
            name=file_name(path),
            reason=str(error),
        ) from None
