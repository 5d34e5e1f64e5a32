"""Importing any declared table from a spreadsheet: preview every row, then write all or the good ones.

Import is two steps, so the clerk sees every problem before anything is written: ``preview``
reads the file, finds the columns by their header names and checks every row with the table's
own checker; ``run_import`` then writes the checked rows in one transaction through the table's
own writer. What is generic lives here; what a table is lives in its ``TableSheet``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar, Generic, Literal, TypeVar

from estatedesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Caution,
    EstateDeskError,
    InputRejected,
    ValidationError,
)
from estatedesk.paths import TEMPLATES_DIR
from estatedesk.services.changes import Records, writing
from estatedesk.services.interchange.cells import refuse_control_characters
from estatedesk.services.interchange.columns import Columns, Field
from estatedesk.services.interchange.reading import InterchangeFileError, file_name, read_sheet
from estatedesk.services.interchange.writing import Cell, copy_file, write_table
from estatedesk.store import audit
from estatedesk.store.sql import IntegrityError

PROGRESS_EVERY = 100
Outcome = Literal["created", "updated", "unchanged"]
ChangeKind = Literal["new", "updated", "unchanged"]
R = TypeVar("R")  # a checked row, ready to be written
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(EstateDeskError):
    """The clerk cancelled an import; the estate file is as it was before."""


@dataclass(frozen=True)
class FieldChange:
    """One field a row changes: its key, and its value before and after as the table writes it in a cell."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Removal:
    """Something a row takes away from the stored record (an owner, a parking space…).

    ``what`` is the word for it in ``--json`` (``owner``), ``value`` which one (a name, a code,
    a masked number), ``field`` the field it is read from, ``template`` what the clerk reads, with
    ``{value}`` (and ``{of}``), and ``of`` whose it is where that needs saying (a phone's owner).
    An import removes it only when the clerk has confirmed the removals the preview lists.
    """

    what: str
    value: str
    field: str
    template: str
    of: str = ""

    @property
    def error(self) -> ValidationError:
        """The removal as a message with its field, for showing (and translating) like a row's problem."""
        return ValidationError(self.field, self.template, value=self.value, of=self.of)

    def as_json(self, column: str) -> dict[str, str]:
        """The removal as ``--json`` lists it, read from ``column``; ``of`` only when it says whose."""
        item = {"what": self.what, "value": self.value, "column": column}
        return {**item, "of": self.of} if self.of else item


@dataclass(frozen=True)
class RowChange:
    """What one good row will do to the record it names, as its table describes it (``describe``).

    ``kind`` is new, updated or unchanged; ``name`` names the record (a room code); ``fields``
    are the fields it changes; ``removals`` and ``warnings`` need the clerk's confirmation
    before the import may write; ``errors`` are what only the stored record shows to be wrong
    (the row is then a bad row).
    """

    kind: ChangeKind
    name: str
    fields: tuple[FieldChange, ...] = ()
    removals: tuple[Removal, ...] = ()
    warnings: tuple[Caution, ...] = ()
    errors: tuple[ValidationError, ...] = ()


# ---------------------------------------------------------------- what a table declares


class RowChecker(ABC, Generic[R]):
    """Checks the rows of one file in order; it may remember earlier rows (a room given twice)."""

    @abstractmethod
    def check(self, row: int, values: Mapping[str, str]) -> tuple[R | None, list[ValidationError]]:
        """One row's cells by field key → the checked row, or None and every problem found.

        A problem's ``field`` is a field key or any name ``TableSheet.column_of`` knows.
        """


class RowWriter(ABC, Generic[R]):
    """Writes the checked rows of one import, inside its transaction."""

    @abstractmethod
    def write(self, record: R) -> Outcome:
        """Write one row; raise ``InputRejected`` to refuse it (nothing of it is then written)."""

    def finish(self) -> None:
        """Called once after the last row, still inside the transaction."""


class TableSheet(ABC, Generic[R]):
    """A table the clerk can import from and export to a spreadsheet.

    A table declares its columns, how to check a row and how to write one; previewing, the
    column mapping, row errors, the all-or-nothing loop with progress and cancel, and the
    files themselves are the same for every table.
    """

    name: ClassVar[str]  # the word the command line uses ("households") and the audit records
    fields: ClassVar[tuple[Field, ...]]
    sheet_title: ClassVar[str]  # the worksheet's name in an exported .xlsx
    changes: ClassVar[frozenset[Records]]  # what an import of it changes
    template: ClassVar[str | None] = None  # its import template in resources/templates, if any
    record_word: ClassVar[str] = "record"  # what a record is called in --json ("room")

    @cached_property
    def columns(self) -> Columns:
        """The fields with their header matching."""
        return Columns(self.fields)

    @abstractmethod
    def checker(self, mapping: Mapping[str, int]) -> RowChecker[R]:
        """A fresh checker for the rows of one file read with ``mapping`` (field key → column)."""

    @abstractmethod
    def writer(self, records: Sequence[R]) -> RowWriter[R]:
        """A writer for these rows (it may read ahead what they need); called inside the transaction."""

    def describe(self, records: Sequence[R]) -> Sequence[RowChange] | None:
        """What each checked row will change, in order (reading the stored records at once), or None.

        A table that does not say imports without a list of changes, and with nothing to confirm.
        """
        return None

    def with_confirmed(self, record: R, change: RowChange) -> R:
        """The row to write once the clerk has confirmed the removals and warnings ``change`` lists.

        A table whose writer guards removals and cautions returns the row carrying what was
        confirmed, so that it writes those and refuses anything else.
        """
        return record

    def export_cells(self, record: Any, masked: bool = False) -> Sequence[Cell]:
        """One stored record as a row under the canonical headers; ``masked`` hides personal data.

        A table that is only imported need not say; ``export_records`` then refuses it.
        """
        raise InterchangeFileError(QT_TRANSLATE_NOOP("messages", "{name} cannot be exported"), name=self.name)

    def column_of(self, field_name: str) -> str:
        """The column a problem's field belongs to: the field itself, else the table's key column."""
        return field_name if field_name in self.columns.by_key else self.key_field

    @property
    def key_field(self) -> str:
        """The column that names a record (its first required one): where whole-row problems go."""
        return next((f.key for f in self.fields if f.required), self.fields[0].key)


# ---------------------------------------------------------------- preview


@dataclass(frozen=True)
class RowError:
    """One problem with one row: spreadsheet row number, column header as in the file, and why."""

    row: int
    column: str
    reason: str
    template: str = ""
    params: Mapping[str, object] = field(default_factory=dict)
    field: str = ""

    def as_json(self) -> dict[str, object]:
        """The error as the CLI prints it with ``--json``."""
        return {"row": self.row, "column": self.column, "reason": self.reason}

    @property
    def error(self) -> ValidationError | None:
        """The reason as a typed error, for the GUI to translate (template and parameters)."""
        return ValidationError(self.field, self.template, **self.params) if self.template else None


@dataclass(frozen=True)
class PreviewRow(Generic[R]):
    """One data row of the file: its cells by field, and the checked row or its errors."""

    row: int
    values: Mapping[str, str]
    record: R | None
    errors: tuple[RowError, ...] = ()
    change: RowChange | None = None  # what the row will do, when its table describes it


@dataclass
class ImportPreview(Generic[R]):
    """What a file would import: its headers, the column mapping, its rows and every error.

    ``rows`` are the rows that can be imported, ``bad_rows`` the others; ``errors`` lists the
    problems of both the header row and the data rows, by row number.
    """

    sheet: TableSheet[R]
    path: Path
    headers: list[str]
    header_row: int
    mapping: dict[str, int]
    rows: list[PreviewRow[R]]
    bad_rows: list[PreviewRow[R]]
    errors: list[RowError]

    @property
    def fields(self) -> list[tuple[str, str]]:
        """(key, canonical Chinese header) of every field, in sheet order: the GUI's mapping combos."""
        return [(f.key, f.header) for f in self.sheet.fields]

    @property
    def total_rows(self) -> int:
        """How many data rows the file has (empty rows left out)."""
        return len(self.rows) + len(self.bad_rows)

    @property
    def file_errors(self) -> list[RowError]:
        """Errors of the header row (a required column missing): no row can be imported then."""
        return [error for error in self.errors if error.row == self.header_row]

    @property
    def bad_row_numbers(self) -> list[int]:
        """Spreadsheet numbers of the rows with errors."""
        return [row.row for row in self.bad_rows]

    def column_label(self, key: str) -> str:
        """The header a field is read from, as written in the file (or its canonical name)."""
        return self.sheet.columns.label(key, self.mapping, self.headers)

    def row_error(self, row: int, problem: ValidationError) -> RowError:
        """A problem of a row, named by the column it belongs to as the file heads it."""
        key = self.sheet.column_of(problem.field)
        return RowError(
            row=row,
            column=self.column_label(key),
            reason=problem.message,
            template=problem.template,
            params=dict(problem.params),
            field=key,
        )

    def sorted_errors(self, errors: Iterable[RowError]) -> list[RowError]:
        """Errors by row, then in column order; the same problem twice in a row counts once."""
        order = self.sheet.columns.order
        unique = {(e.row, e.field, e.column, e.reason): e for e in errors}
        return sorted(unique.values(), key=lambda e: (e.row, order.get(e.field, len(order))))

    # ------------------------------------------------------------ what the good rows change

    def kind_counts(self) -> dict[ChangeKind, int]:
        """How many good rows are new, updated and unchanged records (all new when the table does not say)."""
        counts: dict[ChangeKind, int] = {"new": 0, "updated": 0, "unchanged": 0}
        for row in self.rows:
            counts[row.change.kind if row.change is not None else "new"] += 1
        return counts

    @property
    def removals(self) -> list[RowError]:
        """Every removal the good rows make, by row, as the clerk reads them (to be confirmed)."""
        return [
            self.row_error(row.row, removal.error)
            for row in self.rows
            if row.change is not None
            for removal in row.change.removals
        ]

    @property
    def warnings(self) -> list[RowError]:
        """Every warning of the good rows (a new parking space…), by row: to be confirmed."""
        return [
            self.row_error(row.row, warning)
            for row in self.rows
            if row.change is not None
            for warning in row.change.warnings
        ]

    def changes_json(self, rows: Iterable[PreviewRow[R]] | None = None) -> list[dict[str, object]]:
        """What the good rows (or ``rows``) change, as the CLI prints it with ``--json``."""
        word = self.sheet.record_word
        return [
            {
                "row": row.row,
                word: change.name,
                "kind": change.kind,
                "fields": [
                    {
                        "field": item.field,
                        "column": self.column_label(item.field),
                        "before": item.before,
                        "after": item.after,
                    }
                    for item in change.fields
                ],
                "removals": [item.as_json(self.column_label(item.field)) for item in change.removals],
                "warnings": [
                    {"column": error.column, "reason": error.reason}
                    for error in (self.row_error(row.row, warning) for warning in change.warnings)
                ],
            }
            for row in (self.rows if rows is None else rows)
            if (change := row.change) is not None
        ]


def _used_width(cells: Sequence[str]) -> int:
    return max((i + 1 for i, cell in enumerate(cells) if cell), default=0)


def preview(sheet: TableSheet[R], path: Path, mapping: Mapping[str, int] | None = None) -> ImportPreview[R]:
    """Read a file and check every row, writing nothing.

    ``mapping`` (field key → 0-based column) overrides the columns found by header name;
    the GUI passes the clerk's corrections here.
    """
    path = Path(path)
    columns = sheet.columns
    table = read_sheet(path)
    header_index = columns.find_header(table.rows)
    header_row, header_cells = table.rows[header_index]
    # Columns run as far as any row uses them; trailing empty cells are dropped.
    width = max(_used_width(cells) for _, cells in table.rows)
    headers = [*header_cells, *[""] * width][:width]
    chosen = columns.guess_mapping(headers) if mapping is None else columns.check_mapping(mapping, width)
    result = ImportPreview(sheet, path, headers, header_row, chosen, [], [], [])
    data_rows = table.rows[header_index + 1 :]
    problems = columns.mapping_problems(chosen)
    if mapping is None:  # a mapping the clerk chose says which column they meant
        problems += columns.header_clashes(headers, chosen)
    if problems:
        result.bad_rows = [PreviewRow(number, {}, None) for number, _ in data_rows]
        result.errors = result.sorted_errors(result.row_error(header_row, p) for p in problems)
        return result
    if not data_rows:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "{name} has a header row but no rows to import"),
            name=file_name(path),
        )
    checker = sheet.checker(chosen)
    errors: list[RowError] = []
    for number, cells in data_rows:
        values = {key: (cells[index] if index < len(cells) else "") for key, index in chosen.items()}
        record, row_problems = None, table.row_problems(number, header_row)
        if not row_problems:  # else a quote or a delimiter has moved its cells: they mean nothing
            clean, refused = refuse_control_characters(values, columns, result.column_label)
            record, row_problems = checker.check(number, clean)
            if refused:
                record, row_problems = None, [*refused, *row_problems]
        row_errors = result.sorted_errors(result.row_error(number, problem) for problem in row_problems)
        errors.extend(row_errors)
        if row_errors or record is None:
            result.bad_rows.append(PreviewRow(number, values, None, tuple(row_errors)))
        else:
            result.rows.append(PreviewRow(number, values, record))
    errors.extend(_describe(result))
    result.errors = result.sorted_errors(errors)
    return result


def _describe(result: ImportPreview[R]) -> list[RowError]:
    """Ask the table what each good row changes; rows that only the stored records refuse turn bad."""
    if not result.rows:
        return []
    described = result.sheet.describe([row.record for row in result.rows if row.record is not None])
    if described is None:
        return []
    errors: list[RowError] = []
    good: list[PreviewRow[R]] = []
    for row, change in zip(result.rows, described, strict=True):
        if change.errors:
            row_errors = result.sorted_errors(result.row_error(row.row, problem) for problem in change.errors)
            errors.extend(row_errors)
            result.bad_rows.append(PreviewRow(row.row, row.values, None, tuple(row_errors)))
        else:
            good.append(replace(row, change=change))
    result.rows = good
    result.bad_rows.sort(key=lambda row: row.row)
    return errors


# ---------------------------------------------------------------- import


# What an import may need confirmed before it writes: ``run_import``'s flags say which are.
REMOVALS, WARNINGS = "removals", "warnings"


@dataclass
class ImportResult:
    """What an import did: records added (``imported``), changed (``updated``) and left as they were.

    ``changes`` lists what each row changed (or, when nothing was written, would have changed),
    as ``ImportPreview.changes_json`` gives it; ``unconfirmed`` names what the file needed
    confirmed and was not (``removals``, ``warnings``): nothing is written then.
    """

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False
    changes: list[dict[str, object]] = field(default_factory=list)
    unconfirmed: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The result as the CLI prints it with ``--json``."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [error.as_json() for error in self.errors],
            "changes": self.changes,
            "unconfirmed": list(self.unconfirmed),
        }


class _RolledBack(Exception):
    """Raised to roll the whole import back when rows were refused and not ``valid_only``."""


def run_import(
    previewed: ImportPreview[R],
    valid_only: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    allow_removals: bool = False,
    accept_warnings: bool = False,
) -> ImportResult:
    """Write a previewed file in one transaction; nothing is written while any row is bad.

    With ``valid_only`` the good rows are written and the bad ones reported. Nothing is written
    either while the preview lists removals and ``allow_removals`` is not given, or warnings
    and ``accept_warnings`` is not: the clerk confirms what the preview showed, and each row may
    then remove and warn of exactly that. ``progress(done, total)`` is called every 100 rows;
    when ``cancelled()`` returns True everything is rolled back and ``ImportCancelled`` is raised.
    """
    errors = list(previewed.errors)
    rows = previewed.rows
    if previewed.file_errors or (errors and not valid_only) or not rows:
        return ImportResult(
            errors=previewed.sorted_errors(errors), written=False, changes=previewed.changes_json()
        )
    unconfirmed = tuple(
        name
        for name, listed, confirmed in (
            (REMOVALS, previewed.removals, allow_removals),
            (WARNINGS, previewed.warnings, accept_warnings),
        )
        if listed and not confirmed
    )
    if unconfirmed:
        return ImportResult(
            errors=previewed.sorted_errors(errors),
            written=False,
            changes=previewed.changes_json(),
            unconfirmed=unconfirmed,
        )
    sheet = previewed.sheet
    records = [
        sheet.with_confirmed(row.record, row.change)
        if row.change is not None and (row.change.removals or row.change.warnings)
        else row.record
        for row in rows
        if row.record is not None  # rows with errors are in bad_rows
    ]
    result = ImportResult()
    total = len(rows)
    written_rows: list[PreviewRow[R]] = []
    if progress is not None:
        progress(0, total)
    try:
        with writing(*sheet.changes):
            writer = sheet.writer(records)
            for done, (row, record) in enumerate(zip(rows, records, strict=True), start=1):
                if cancelled is not None and cancelled():
                    raise ImportCancelled(
                        QT_TRANSLATE_NOOP("messages", "the import was cancelled; nothing was changed")
                    )
                try:
                    outcome = writer.write(record)
                except InputRejected as rejected:
                    errors.extend(previewed.row_error(row.row, problem) for problem in rejected.errors)
                except IntegrityError as error:
                    refused = QT_TRANSLATE_NOOP("messages", "the estate file refused this row ({detail})")
                    errors.append(
                        previewed.row_error(
                            row.row, ValidationError(sheet.key_field, refused, detail=str(error))
                        )
                    )
                else:
                    result.imported += outcome == "created"
                    result.updated += outcome == "updated"
                    result.unchanged += outcome == "unchanged"
                    written_rows.append(row)
                if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                    progress(done, total)
            if len(errors) > len(previewed.errors) and not valid_only:
                raise _RolledBack
            writer.finish()
            audit.record(
                "import",
                sheet.name,
                None,
                after={
                    "file": previewed.path.name,
                    "imported": result.imported,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "skipped_rows": sorted({error.row for error in errors}),
                },
            )
    except _RolledBack:
        return ImportResult(
            errors=previewed.sorted_errors(errors), written=False, changes=previewed.changes_json()
        )
    result.errors = previewed.sorted_errors(errors)
    result.written = True
    result.changes = previewed.changes_json(written_rows)
    return result


# ---------------------------------------------------------------- export and template


def export_rows(sheet: TableSheet[R], path: Path, rows: Iterable[Sequence[Cell]]) -> None:
    """Write rows under the table's canonical headers to .xlsx or .csv (atomically)."""
    columns = sheet.columns
    write_table(path, sheet.sheet_title, columns.headers, rows, columns.widths)


def export_records(sheet: TableSheet[R], path: Path, records: Iterable[Any], masked: bool = False) -> int:
    """Write stored records, each as the table turns it into cells, to .xlsx or .csv; return how many."""
    rows = [sheet.export_cells(record, masked) for record in records]
    export_rows(sheet, path, rows)
    return len(rows)


def save_template(sheet: TableSheet[R], target: Path) -> Path:
    """Copy the table's import template (an .xlsx shipped with the program) to ``target``."""
    if sheet.template is None:
        raise InterchangeFileError(
            QT_TRANSLATE_NOOP("messages", "there is no import template for {name}"), name=sheet.name
        )
    return copy_file(TEMPLATES_DIR / sheet.template, Path(target))
