"""Import and export of any table from and to Excel (.xlsx) and CSV files.

This package knows nothing of rooms or fees. A table declares itself as a ``TableSheet``
(its fields, how to check and write a row); everything else is here, once:

- ``reading``: .xlsx and .csv files as text, whatever their encoding and delimiter;
- ``columns``: header names and their synonyms, and which file column is which field;
- ``cells``: values as clerks write them (dates in every spelling, lists of values);
- ``importing``: preview every row and what it changes, then write all rows or the good ones (the
  removals and warnings the preview lists once confirmed), with progress and cancel;
- ``writing``: .xlsx and .csv written whole or not at all, with no cell that runs as a formula;
- ``exporting``: stored records exported, an export of full personal numbers audited.
"""

from estatedesk.services.interchange.cells import LIST_JOIN, join_slots, parse_date_text, split_slots
from estatedesk.services.interchange.columns import Columns, Field, normalize_header
from estatedesk.services.interchange.exporting import export_records
from estatedesk.services.interchange.importing import (
    REMOVALS,
    WARNINGS,
    ChangeKind,
    FieldChange,
    ImportCancelled,
    ImportPreview,
    ImportResult,
    Outcome,
    PreviewRow,
    Removal,
    RowChange,
    RowChecker,
    RowError,
    RowWriter,
    TableSheet,
    export_rows,
    preview,
    run_import,
    save_template,
)
from estatedesk.services.interchange.reading import InterchangeFileError, cell_text, read_sheet
from estatedesk.services.interchange.writing import Cell

__all__ = [
    "LIST_JOIN",
    "REMOVALS",
    "WARNINGS",
    "Cell",
    "ChangeKind",
    "Columns",
    "Field",
    "FieldChange",
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "InterchangeFileError",
    "Outcome",
    "PreviewRow",
    "Removal",
    "RowChange",
    "RowChecker",
    "RowError",
    "RowWriter",
    "TableSheet",
    "cell_text",
    "export_records",
    "export_rows",
    "join_slots",
    "normalize_header",
    "parse_date_text",
    "preview",
    "read_sheet",
    "run_import",
    "save_template",
    "split_slots",
]
