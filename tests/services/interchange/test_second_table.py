"""The generic import and export serves a second table, declared here, without a change of its own.

"Fee items" (收费项目) is a toy table: a name, a kind, a price in yuan and a note, kept in a table
this module creates. Everything below goes through the generic API only: preview, run_import,
export_rows and save_template.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from estatedesk.domain.errors import Caution, InputRejected, ValidationError
from estatedesk.services import interchange
from estatedesk.services.changes import Records, listen
from estatedesk.services.interchange import (
    Cell,
    Field,
    ImportCancelled,
    InterchangeFileError,
    Outcome,
    RowChecker,
    RowWriter,
    TableSheet,
)
from estatedesk.store import sql
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry

KINDS = ("物业费", "停车费", "水费")
_PRICE = re.compile(r"^-?\d+(?:\.\d{1,2})?$")
LOCKED_NOTE = "锁定"  # an item on file with this note may not change its kind


@dataclass(frozen=True)
class FeeItem:
    """A checked row of the fee items table."""

    name: str
    kind: str
    price_centi: int | None
    note: str


class FeeChecker(RowChecker[FeeItem]):
    def __init__(self) -> None:
        self.first_row_of: dict[str, int] = {}

    def check(self, row: int, values: Mapping[str, str]) -> tuple[FeeItem | None, list[ValidationError]]:
        problems: list[ValidationError] = []
        name = values.get("name", "").strip()
        if not name:
            problems.append(ValidationError("name", "the name is required"))
        else:
            first = self.first_row_of.setdefault(name, row)
            if first != row:
                problems.append(
                    ValidationError("name", "{name} is already on row {row}", name=name, row=first)
                )
        kind = values.get("kind", "").strip() or KINDS[0]
        if kind not in KINDS:
            problems.append(ValidationError("kind", "unknown kind '{value}'", value=kind))
        price_text = values.get("price_yuan", "").strip()
        price: int | None = None
        if price_text:
            if _PRICE.match(price_text):
                price = int(Decimal(price_text) * 100)
            else:
                problems.append(ValidationError("price_yuan", "'{value}' is not a price", value=price_text))
        if problems:
            return None, problems
        return FeeItem(name, kind, price, values.get("note", "").strip()), []


class FeeWriter(RowWriter[FeeItem]):
    def __init__(self, records: Sequence[FeeItem]) -> None:
        self.seen = len(records)
        self.finished = False

    def write(self, record: FeeItem) -> Outcome:
        stored = sql.execute(
            "SELECT id, kind, price_centi, note FROM tariff WHERE name = ?", (record.name,)
        ).fetchone()
        values = (record.kind, record.price_centi, record.note)
        if stored is None:
            sql.insert(
                "INSERT INTO tariff (name, kind, price_centi, note) VALUES (?, ?, ?, ?)",
                (record.name, *values),
            )
            return "created"
        if tuple(stored[1:]) == values:
            return "unchanged"
        if stored[3] == LOCKED_NOTE and stored[1] != record.kind:
            raise InputRejected(
                [ValidationError("kind", "{name} is locked to {kind}", name=record.name, kind=stored[1])]
            )
        if record.note == "整行拒绝":
            raise InputRejected([ValidationError("whole row", "refused as a whole")])
        sql.execute(
            "UPDATE tariff SET kind = ?, price_centi = ?, note = ? WHERE id = ?", (*values, stored[0])
        )
        return "updated"

    def finish(self) -> None:
        self.finished = True


class FeeItemsSheet(TableSheet[FeeItem]):
    name = "fee_items"
    fields = (
        Field("name", "名称", ("项目", "收费项目"), required=True, width=16),
        Field("kind", "类别"),
        Field("price_yuan", "价格", ("单价",), width=10),
        Field("note", "备注", width=30),
    )
    sheet_title = "收费项目"
    changes = frozenset({Records.ESTATE})

    def __init__(self) -> None:
        self.writers: list[FeeWriter] = []

    def checker(self, mapping: Mapping[str, int]) -> FeeChecker:
        return FeeChecker()

    def writer(self, records: Sequence[FeeItem]) -> FeeWriter:
        made = FeeWriter(records)
        self.writers.append(made)
        return made


@pytest.fixture
def fees(estate: EstateFile) -> FeeItemsSheet:
    """The toy table in the test estate, and its sheet."""
    sql.execute(
        "CREATE TABLE tariff (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
        " price_centi INTEGER CHECK (price_centi IS NULL OR price_centi >= 0), note TEXT NOT NULL)"
    )
    return FeeItemsSheet()


@pytest.fixture
def heard() -> Iterator[list[frozenset[Records]]]:
    kinds: list[frozenset[Records]] = []
    stop = listen(kinds.append)
    yield kinds
    stop()


def stored() -> list[tuple[str, str, int | None, str]]:
    return [tuple(row) for row in sql.execute("SELECT name, kind, price_centi, note FROM tariff ORDER BY id")]


def import_audits() -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.action == "import").order_by(AuditEntry.id))


def write_csv(path: Path, lines: Sequence[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


GOOD = ["名称,类别,价格,备注", "保洁,物业费,1.50,每平米", "车位,停车费,150,", "热水,水费,,按表"]


# ---------------------------------------------------------------- preview


def test_preview_finds_the_columns_by_synonym_below_a_title(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "fees.csv",
        [
            "2025年收费项目表,,,",
            ",,,",
            "说明,收费项目,类别,单价（元）",
            "x,保洁,物业费,1.5",
            "y,车位,停车费,150",
        ],
    )
    shown = interchange.preview(fees, path)
    assert shown.header_row == 3
    assert shown.mapping == {"name": 1, "kind": 2, "price_yuan": 3}
    assert [row.row for row in shown.rows] == [4, 5]
    assert [row.record for row in shown.rows] == [
        FeeItem("保洁", "物业费", 150, ""),
        FeeItem("车位", "停车费", 15000, ""),
    ]
    assert shown.errors == []
    assert shown.fields == [("name", "名称"), ("kind", "类别"), ("price_yuan", "价格"), ("note", "备注")]


def test_two_columns_read_as_one_field_are_refused_for_any_table(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fees.csv", ["项目,价格,单价", "保洁,1.50,1.60"])
    shown = interchange.preview(fees, path)
    assert [(e.row, e.column, e.reason) for e in shown.errors] == [
        (1, "价格", "columns B (价格) and C (单价) are both read as 价格: rename one of them")
    ]
    assert shown.rows == [] and not interchange.run_import(shown, valid_only=True).written


def test_row_errors_name_the_header_as_written_and_the_spreadsheet_row(
    fees: FeeItemsSheet, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "fees.csv",
        [
            "收费项目表",
            "项目,类别,单价,备注",
            "保洁,物业费,1.5,",
            "",
            "车位,停车费,一百五,",
            "保洁,电费,2,",
            ",水费,3,",
        ],
    )
    shown = interchange.preview(fees, path)
    assert [(e.row, e.column, e.reason) for e in shown.errors] == [
        (5, "单价", "'一百五' is not a price"),
        (6, "项目", "保洁 is already on row 3"),
        (6, "类别", "unknown kind '电费'"),
        (7, "项目", "the name is required"),
    ]
    assert shown.bad_row_numbers == [5, 6, 7]
    assert [row.row for row in shown.rows] == [3]
    assert shown.total_rows == 4
    error = shown.errors[2].error
    assert error is not None and error.field == "kind" and error.params == {"value": "电费"}


def test_a_missing_required_column_is_an_error_of_the_header_row(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fees.csv", ["类别,价格", "物业费,1.5"])
    shown = interchange.preview(fees, path)
    assert [(e.row, e.field) for e in shown.file_errors] == [(1, "name")]
    assert shown.rows == [] and shown.bad_row_numbers == [2]
    result = interchange.run_import(shown, valid_only=True)
    assert not result.written
    assert stored() == []


def test_a_mapping_chosen_by_the_clerk_overrides_the_headers(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fees.csv", ["甲,乙,丙", "保洁,物业费,1.5"])
    assert interchange.preview(fees, path).file_errors
    shown = interchange.preview(fees, path, {"name": 0, "kind": 1, "price_yuan": 2})
    assert [row.record for row in shown.rows] == [FeeItem("保洁", "物业费", 150, "")]
    with pytest.raises(InterchangeFileError):
        interchange.preview(fees, path, {"name": 0, "price_yuan": 7})


def test_every_table_refuses_control_characters_and_rows_of_the_wrong_shape(
    fees: FeeItemsSheet, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "fees.csv",
        [
            "名称,类别,价格,备注",
            "保\x00洁,物业费,1.5,",
            "车位,停车费,150,,多余",
            "热水,水费,,第一行\t缩进",  # this table's note is one line: no tab
            '电梯,"物业费,2,',
            "绿化,物业费,1,",
        ],
    )
    shown = interchange.preview(fees, path)
    assert [(e.row, e.column, e.reason) for e in shown.errors] == [
        (2, "名称", "名称 holds an invisible control character (U+0000); type it again"),
        (
            3,
            "名称",
            "this row has 5 cells but the header row has 4: a delimiter or a quote too many or too few?",
        ),
        (4, "备注", "备注 holds an invisible control character (U+0009); type it again"),
        (
            5,
            "名称",
            'a quote mark (") in this row is not closed where it should be, so lines 5 to 6 of the file '
            "were read as this one row",
        ),
    ]
    assert shown.rows == []


def test_a_gbk_csv_with_semicolons_is_read(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fees.csv", ["名称;类别;价格", "保洁;物业费;1.5"], encoding="gb18030")
    assert [row.record for row in interchange.preview(fees, path).rows] == [
        FeeItem("保洁", "物业费", 150, "")
    ]


# ---------------------------------------------------------------- import


def test_a_clean_file_is_imported_with_an_audit_row_and_one_announcement(
    fees: FeeItemsSheet, tmp_path: Path, heard: list[frozenset[Records]]
) -> None:
    path = write_csv(tmp_path / "fees.csv", GOOD)
    result = interchange.run_import(interchange.preview(fees, path))
    assert result.written
    assert (result.imported, result.updated, result.unchanged, result.errors) == (3, 0, 0, [])
    assert stored() == [
        ("保洁", "物业费", 150, "每平米"),
        ("车位", "停车费", 15000, ""),
        ("热水", "水费", None, "按表"),
    ]
    assert fees.writers[-1].seen == 3 and fees.writers[-1].finished
    (entry,) = import_audits()
    assert entry.entity == "fee_items"
    assert entry.entity_id is None
    assert '"file": "fees.csv"' in entry.after and '"imported": 3' in entry.after
    assert heard == [frozenset({Records.ESTATE})]


def test_one_bad_row_writes_nothing_unless_only_the_good_rows_are_wanted(
    fees: FeeItemsSheet, tmp_path: Path, heard: list[frozenset[Records]]
) -> None:
    path = write_csv(tmp_path / "fees.csv", [*GOOD, "电,电费,1,"])
    shown = interchange.preview(fees, path)
    refused = interchange.run_import(shown)
    assert not refused.written
    assert [(e.row, e.column) for e in refused.errors] == [(5, "类别")]
    assert stored() == [] and import_audits() == [] and heard == []

    partly = interchange.run_import(shown, valid_only=True)
    assert partly.written and partly.imported == 3
    assert [e.row for e in partly.errors] == [5]
    assert [name for name, *_ in stored()] == ["保洁", "车位", "热水"]
    assert '"skipped_rows": [5]' in import_audits()[0].after
    assert heard == [frozenset({Records.ESTATE})]


def test_an_import_matches_records_and_counts_updated_and_unchanged(
    fees: FeeItemsSheet, tmp_path: Path
) -> None:
    interchange.run_import(interchange.preview(fees, write_csv(tmp_path / "a.csv", GOOD)))
    again = write_csv(
        tmp_path / "b.csv", ["名称,类别,价格,备注", "保洁,物业费,1.60,每平米", "车位,停车费,150,"]
    )
    result = interchange.run_import(interchange.preview(fees, again))
    # ``updated`` counts the records changed, ``unchanged`` those matched as they are: apart.
    assert (result.imported, result.updated, result.unchanged) == (0, 1, 1)
    assert stored()[0] == ("保洁", "物业费", 160, "每平米")


def test_a_row_the_writer_refuses_is_a_row_error_and_rolls_the_import_back(
    fees: FeeItemsSheet, tmp_path: Path, heard: list[frozenset[Records]]
) -> None:
    sql.insert(
        "INSERT INTO tariff (name, kind, price_centi, note) VALUES (?, ?, ?, ?)",
        ("车位", "停车费", 100, "锁定"),
    )
    path = write_csv(
        tmp_path / "fees.csv", ["收费项目,类别,单价", "保洁,物业费,1.5", "车位,物业费,2", "热水,水费,3"]
    )
    shown = interchange.preview(fees, path)
    assert shown.errors == []  # only the writer knows the item on file is locked

    refused = interchange.run_import(shown)
    assert not refused.written
    assert [(e.row, e.column, e.reason) for e in refused.errors] == [(3, "类别", "车位 is locked to 停车费")]
    assert stored() == [("车位", "停车费", 100, "锁定")]
    assert import_audits() == [] and heard == []

    partly = interchange.run_import(shown, valid_only=True)
    assert partly.written and partly.imported == 2 and [e.row for e in partly.errors] == [3]
    assert [name for name, *_ in stored()] == ["车位", "保洁", "热水"]


def test_a_writer_refusal_of_no_field_is_named_by_the_key_column(fees: FeeItemsSheet, tmp_path: Path) -> None:
    interchange.run_import(interchange.preview(fees, write_csv(tmp_path / "a.csv", GOOD)))
    path = write_csv(tmp_path / "b.csv", ["项目,价格,备注", "保洁,9,整行拒绝"])
    result = interchange.run_import(interchange.preview(fees, path), valid_only=True)
    assert [(e.row, e.column, e.reason) for e in result.errors] == [(2, "项目", "refused as a whole")]


def test_a_row_the_estate_file_refuses_is_a_row_error(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fees.csv", ["名称,价格", "保洁,1.5", "倒贴,-3", "车位,150"])
    shown = interchange.preview(fees, path)
    assert shown.errors == []  # a negative price passes the checker; the table's CHECK refuses it
    result = interchange.run_import(shown, valid_only=True)
    assert result.written and result.imported == 2
    assert [(e.row, e.column) for e in result.errors] == [(3, "名称")]
    assert "refused this row" in result.errors[0].reason
    assert [name for name, *_ in stored()] == ["保洁", "车位"]


def test_cancelling_rolls_everything_back(
    fees: FeeItemsSheet, tmp_path: Path, heard: list[frozenset[Records]]
) -> None:
    lines = ["名称,价格", *(f"项目{n},{n}" for n in range(250))]
    shown = interchange.preview(fees, write_csv(tmp_path / "fees.csv", lines))
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 120

    with pytest.raises(ImportCancelled):
        interchange.run_import(shown, cancelled=cancelled)
    assert len(asked) == 121
    assert stored() == [] and import_audits() == [] and heard == []


def test_progress_is_told_from_zero_every_hundred_rows_and_at_the_end(
    fees: FeeItemsSheet, tmp_path: Path
) -> None:
    lines = ["名称,价格", *(f"项目{n},{n}" for n in range(250))]
    shown = interchange.preview(fees, write_csv(tmp_path / "fees.csv", lines))
    told: list[tuple[int, int]] = []
    result = interchange.run_import(shown, progress=lambda done, total: told.append((done, total)))
    assert result.imported == 250
    assert told == [(0, 250), (100, 250), (200, 250), (250, 250)]


# ---------------------------------------------------------------- export and template


ROWS: list[list[Cell]] = [
    ["保洁", "物业费", Decimal("1.50"), "每平米"],
    ["车位", "停车费", Decimal("150"), ""],
    ["热水", "水费", None, "按表"],
]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_imports_back_unchanged(fees: FeeItemsSheet, tmp_path: Path, suffix: str) -> None:
    interchange.run_import(interchange.preview(fees, write_csv(tmp_path / "a.csv", GOOD)))
    path = tmp_path / f"export{suffix}"
    interchange.export_rows(fees, path, ROWS)
    shown = interchange.preview(fees, path)
    assert shown.headers == ["名称", "类别", "价格", "备注"]
    result = interchange.run_import(shown)
    assert (result.imported, result.unchanged, result.errors) == (0, 3, [])
    assert len(stored()) == 3


def test_an_xlsx_export_has_the_sheet_title_and_widths(fees: FeeItemsSheet, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "export.xlsx"
    interchange.export_rows(fees, path, ROWS)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None and sheet.title == "收费项目"
    assert sheet.column_dimensions["A"].width == 16
    assert [cell.value for cell in sheet[1]] == ["名称", "类别", "价格", "备注"]
    assert sheet["C2"].value == Decimal("1.5") and sheet["C2"].data_type == "n"


def test_a_table_that_says_how_to_export_a_record_exports_stored_records(
    fees: FeeItemsSheet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cells(record: tuple[str, str, int | None, str], masked: bool = False) -> list[Cell]:
        name, kind, price_centi, note = record
        price = None if price_centi is None else Decimal(price_centi).scaleb(-2)
        return [name, kind, price, "***" if masked and note else note]

    interchange.run_import(interchange.preview(fees, write_csv(tmp_path / "a.csv", GOOD)))
    path = tmp_path / "export.csv"
    with pytest.raises(InterchangeFileError, match="cannot be exported"):
        interchange.export_records(fees, path, stored())
    assert not path.exists()
    monkeypatch.setattr(fees, "export_cells", cells, raising=False)
    assert interchange.export_records(fees, path, stored()) == 3
    assert interchange.run_import(interchange.preview(fees, path)).unchanged == 3
    assert interchange.export_records(fees, path, stored(), masked=True) == 3
    assert "***" in path.read_text(encoding="utf-8-sig") and "每平米" not in path.read_text(
        encoding="utf-8-sig"
    )


def test_a_table_without_a_template_has_none_to_save(fees: FeeItemsSheet, tmp_path: Path) -> None:
    with pytest.raises(InterchangeFileError) as refused:
        interchange.save_template(fees, tmp_path / "template.xlsx")
    assert "fee_items" in refused.value.message
    assert not (tmp_path / "template.xlsx").exists()


# ---------------------------------------------------------------- no cell runs as a formula


FORMULAS: list[list[Cell]] = [["=1+2", "+86", "-3", "@x"]]


def test_a_csv_export_guards_cells_that_would_run_as_formulas(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    interchange.export_rows(fees, path, FORMULAS)
    raw = path.read_text(encoding="utf-8-sig")
    assert "'=1+2" in raw
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows == [["名称", "类别", "价格", "备注"], ["'=1+2", "'+86", "'-3", "'@x"]]


def test_reading_a_guarded_csv_gives_the_cells_back_as_they_were(fees: FeeItemsSheet, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    interchange.export_rows(fees, path, [["=1+2", "物业费", "1", "+86"], ["-3", "水费", "2", "@x"]])
    shown = interchange.preview(fees, path)
    assert [(row.values["name"], row.values["note"]) for row in shown.rows] == [("=1+2", "+86"), ("-3", "@x")]


def test_an_xlsx_export_keeps_a_would_be_formula_as_text(fees: FeeItemsSheet, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "export.xlsx"
    interchange.export_rows(fees, path, FORMULAS)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert [(cell.value, cell.data_type) for cell in sheet[2]] == [
        ("=1+2", "s"),
        ("+86", "s"),
        ("-3", "s"),
        ("@x", "s"),
    ]
    shown = interchange.preview(fees, path)  # "+86" is no kind: the row is bad, its cells are read
    assert [dict(row.values) for row in shown.bad_rows] == [
        {"name": "=1+2", "kind": "+86", "price_yuan": "-3", "note": "@x"}
    ]


# ---------------------------------------------------------------- a table that says what each row changes


class DescribedFees(FeeItemsSheet):
    """The same table, telling what each row changes: a cleared note is a removal, a price over 1,000
    yuan a warning; the rows to write carry what the clerk confirmed."""

    record_word = "item"

    def __init__(self) -> None:
        super().__init__()
        self.confirmed: list[tuple[str, interchange.RowChange]] = []

    def describe(self, records: Sequence[FeeItem]) -> list[interchange.RowChange]:
        on_file = {row[0]: row[1:] for row in stored()}
        changes = []
        for record in records:
            old = on_file.get(record.name)
            warnings = ()
            if record.price_centi is not None and record.price_centi > 100_000:
                warnings = (
                    Caution(f"big:{record.name}", "price_yuan", "{name} costs over 1,000", name=record.name),
                )
            if old is None:
                changes.append(interchange.RowChange("new", record.name, warnings=warnings))
                continue
            fields = tuple(
                interchange.FieldChange(key, str(before or ""), str(after or ""))
                for key, before, after in (
                    ("price_yuan", old[1], record.price_centi),
                    ("note", old[2], record.note),
                )
                if before != after
            )
            removals = ()
            if old[2] and not record.note:
                removals = (interchange.Removal("note", old[2], "note", "clears the note {value}"),)
            kind = "updated" if fields else "unchanged"
            changes.append(interchange.RowChange(kind, record.name, fields, removals, warnings))
        return changes

    def with_confirmed(self, record: FeeItem, change: interchange.RowChange) -> FeeItem:
        self.confirmed.append((record.name, change))
        return record


def test_a_table_that_describes_its_rows_gets_changes_and_confirmations_without_generic_code(
    estate: EstateFile, tmp_path: Path
) -> None:
    sql.execute(
        "CREATE TABLE tariff (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
        " price_centi INTEGER, note TEXT NOT NULL)"
    )
    fees = DescribedFees()
    interchange.run_import(interchange.preview(fees, write_csv(tmp_path / "a.csv", GOOD)))
    path = write_csv(tmp_path / "b.csv", ["名称,价格,备注", "保洁,1.60,", "车位,150,", "电梯,2000,新"])
    shown = interchange.preview(fees, path)
    assert shown.kind_counts() == {"new": 1, "updated": 1, "unchanged": 1}
    assert [(e.row, e.column, e.reason) for e in shown.removals] == [(2, "备注", "clears the note 每平米")]
    assert [(e.row, e.column, e.reason) for e in shown.warnings] == [(4, "价格", "电梯 costs over 1,000")]
    assert shown.changes_json()[0] == {
        "row": 2,
        "item": "保洁",
        "kind": "updated",
        "fields": [
            {"field": "price_yuan", "column": "价格", "before": "150", "after": "160"},
            {"field": "note", "column": "备注", "before": "每平米", "after": ""},
        ],
        "removals": [{"what": "note", "value": "每平米", "column": "备注"}],
        "warnings": [],
    }
    refused = interchange.run_import(shown, allow_removals=True)
    assert (refused.written, refused.unconfirmed) == (False, ("warnings",))
    assert stored()[0] == ("保洁", "物业费", 150, "每平米") and fees.confirmed == []
    done = interchange.run_import(shown, allow_removals=True, accept_warnings=True)
    # Counted as the writer found them: this toy writer also rewrites the row it described as unchanged.
    assert (done.written, done.imported, done.updated, done.unchanged) == (True, 1, 2, 0)
    assert [name for name, _change in fees.confirmed] == ["保洁", "电梯"]  # the rows that listed something
    assert [row["kind"] for row in done.changes] == ["updated", "unchanged", "new"]
