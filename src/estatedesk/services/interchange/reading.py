"""Reading a spreadsheet file (.xlsx, or .csv in any encoding and delimiter a clerk meets) as text."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, ValidationError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
# What an exported CSV cell is prefixed with when it would otherwise run as a formula
# (writing.py); reading takes it off again, so an export imports back as it was.
FORMULA_GUARD = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The most characters an Excel (or WPS) cell holds: a longer .csv cell is no cell a clerk typed.
EXCEL_CELL_LIMIT = 32_767
# What Python's reader is allowed to read as one cell. Its own default (131,072) stops it inside a
# long quoted cell, and it then goes on from the next line as if that were a row: hundreds of
# bogus rows, and every later row misnumbered. 2**31 - 1 is the largest a C long takes on Windows.
_READ_LIMIT = 2**31 - 1


class InterchangeFileError(EstateDeskError):
    """A whole file cannot be read or written (not a row of it)."""


@dataclass(frozen=True)
class Sheet:
    """The non-empty rows of a file, each with its spreadsheet row number (1-based).

    A .csv row that could not be read as written (a quote that does not close, a cell past the
    size limit) is in ``rows`` too, with what could be read of it, and its problem in ``problems``;
    ``cell_counts`` has how many cells each .csv row has, empty ones included. ``spans`` has, for
    each .csv row written over several lines of the file, its first and last line and how many
    cells each line after the first would have if read alone.
    """

    rows: list[tuple[int, list[str]]]
    problems: dict[int, ValidationError] = field(default_factory=dict)
    cell_counts: dict[int, int] = field(default_factory=dict)
    spans: dict[int, tuple[int, int, tuple[int, ...]]] = field(default_factory=dict)

    def row_problems(self, row: int, header_row: int) -> list[ValidationError]:
        """What is wrong with how a data row is written, before its cells are read: ``[]`` if nothing.

        A .csv row must have as many cells as the header row (Excel writes every row so): one
        more or fewer means a stray delimiter or quote has moved the cells into wrong columns.
        """
        problem = self.problems.get(row)
        if problem is not None:
            return [problem]
        count, expected = self.cell_counts.get(row), self.cell_counts.get(header_row)
        span = self.spans.get(row)
        # A line inside a quoted cell that would be a whole row on its own is one: a quote left
        # open swallowed it, even when the merged record happens to have the header's cell count.
        # (With one column every line would look like a row: nothing can be told there.)
        if span is not None and expected is not None and expected > 1 and expected in span[2]:
            return [_swallowed_lines(span[0], span[1])]
        if count is None or expected is None or count == expected:
            return []
        return [
            ValidationError(
                "",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "this row has {count} cells but the header row has {expected}: "
                    "a delimiter or a quote too many or too few?",
                ),
                count=count,
                expected=expected,
            )
        ]


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
        return one_line_break(value).strip()
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
    problems: dict[int, ValidationError] = {}
    counts: dict[int, int] = {}
    spans: dict[int, tuple[int, int, tuple[int, ...]]] = {}
    try:
        raw_rows = _read_xlsx(path) if suffix in XLSX_SUFFIXES else _read_csv(path, problems, counts, spans)
        rows = [(number, cells) for number, cells in raw_rows if any(cells) or number in problems]
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
    return Sheet(rows, problems, counts, spans)


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
    """A CSV cell without the guard an export put before a would-be formula (``'=见附件`` → ``=见附件``).

    An export also guards text that itself starts with the guard and a formula start or another
    guard (``'=x`` is written ``''=x``), so that every exported text reads back exactly.
    """
    if cell.startswith(FORMULA_GUARD) and cell[1:2] and cell[1] in (*FORMULA_STARTS, FORMULA_GUARD):
        return cell[1:]
    return cell


def _read_csv(
    path: Path,
    problems: dict[int, ValidationError],
    counts: dict[int, int],
    spans: dict[int, tuple[int, int, tuple[int, ...]]],
) -> list[tuple[int, list[str]]]:
    """The rows of a .csv file; rows that are not written as they should be go in ``problems``.

    Spreadsheet rows are records: a quoted cell with a line break stays one row, as in Excel,
    and rows are numbered as Excel numbers them. Python's reader is lenient: a quote that never
    closes swallows the lines after it into one cell. So every record that spans several lines
    of the file, and the last one, is read again strictly: one that fails names its row and
    the lines it swallowed, instead of losing them silently. A quote that closes too late but
    still pairs up is found by ``Sheet.row_problems`` from ``spans``: a line it swallowed reads,
    on its own, as a whole row.
    """
    text = decode_text(path.read_bytes())
    delimiter = sniff_delimiter(text)
    # Raised, never lowered: the limit is the process's, and a higher one harms no other reader.
    csv.field_size_limit(max(csv.field_size_limit(), _READ_LIMIT))
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = 0  # the lines of the file read so far
    for number in itertools.count(1):
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # a cell past csv.field_size_limit(), or worse: this row only
            line = reader.line_num
            problems[number] = _unreadable_row(str(error))
            rows.append((number, []))
            continue
        first, line = line + 1, reader.line_num
        counts[number] = len(record)
        if line > first:
            spans[number] = (first, line, tuple(_cells_alone(part, delimiter) for part in lines[first:line]))
        if line > first or line == len(lines):
            quote_problem = _quote_problem("".join(lines[first - 1 : line]), delimiter, first, line)
            if quote_problem is not None:
                problems[number] = quote_problem
        if number not in problems and any(len(cell) > EXCEL_CELL_LIMIT for cell in record):
            problems[number] = _too_long()
        # The guard comes off first: a guarded cell may start with a CR, which one_line_break turns into LF.
        rows.append((number, [one_line_break(unguard(cell.strip())).strip() for cell in record]))
    return rows


def one_line_break(text: str) -> str:
    """A cell's line breaks as a dialog keeps them, whichever a program wrote (CR LF, CR or LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _cells_alone(line: str, delimiter: str) -> int:
    """How many cells one line of a .csv file has when read as a record of its own."""
    return len(next(csv.reader([line], delimiter=delimiter), []))


def _swallowed_lines(first: int, last: int) -> ValidationError:
    return ValidationError(
        "",
        QT_TRANSLATE_NOOP(
            "messages",
            'a quote mark (") in this row is not closed where it should be, so lines {first} to '
            "{last} of the file were read as this one row",
        ),
        first=first,
        last=last,
    )


def _too_long() -> ValidationError:
    return ValidationError(
        "",
        QT_TRANSLATE_NOOP("messages", "a cell of this row is longer than {limit} characters"),
        limit=f"{EXCEL_CELL_LIMIT:,}",
    )


def _quote_problem(record: str, delimiter: str, first: int, last: int) -> ValidationError | None:
    """The problem of a record whose quotes do not pair up as a strict reader wants, if they do not.

    A record of one line is only checked for a quote still open at the end of the file: a stray
    quote inside one line (``"3"号``) is read as Excel reads it.
    """
    try:
        for _ in csv.reader(io.StringIO(record, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        if first == last:
            if "unexpected end of data" not in str(error):
                return None
            return ValidationError(
                "", QT_TRANSLATE_NOOP("messages", 'a quote mark (") in this row is never closed')
            )
        return _swallowed_lines(first, last)
    return None


def _unreadable_row(reason: str) -> ValidationError:
    if "field larger than field limit" in reason:  # 2 GB in one cell: no clerk's file
        return _too_long()
    return ValidationError(
        "", QT_TRANSLATE_NOOP("messages", "this row cannot be read: {reason}"), reason=reason
    )
