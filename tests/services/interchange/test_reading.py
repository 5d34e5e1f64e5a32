"""Reading spreadsheet files (services/interchange/reading.py): xlsx cells, csv encodings, bad files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from estatedesk.domain.households import Occupancy
from estatedesk.services.households.sheet import CANONICAL_HEADERS, preview_households
from estatedesk.services.interchange import InterchangeFileError
from estatedesk.services.interchange import run_import as import_households
from estatedesk.store.db import EstateFile
from helpers.households_sheet import (
    ID_ZHANG,
    cells,
    detail,
    error_lines,
    good,
    import_file,
    write_csv,
    write_xlsx,
)


def test_xlsx_with_numbers_floats_and_date_cells(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_xlsx(
        tmp_path / "h.xlsx",
        [
            cells(
                building=3,
                unit=2,
                number=501,
                area=89.5,
                owner_names="张三、王玥",
                owner_phones="13812345678、13987654321",
                tenant_names="李喆",
                tenant_phones=13700001111,
                lease_from=datetime(2025, 3, 1),
                lease_to=date(2026, 2, 28),
            ),
            cells(
                building=3,
                unit=2,
                number=502.0,
                area=76,
                owner_names="赵秀英",
                owner_phones=1.3600002222e10,
                owner_ids=ID_ZHANG,
            ),
        ],
    )
    result = import_file(path)
    assert (result.imported, result.errors, result.written) == (2, [], True)
    first = detail("3-2-501")
    assert first.area_centi == 8950
    assert [(p.name, p.phone) for p in first.owners] == [("张三", "13812345678"), ("王玥", "13987654321")]
    assert [(r.name, r.phone, r.lease_from, r.lease_to) for r in first.residents] == [
        ("李喆", "13700001111", date(2025, 3, 1), date(2026, 2, 28))
    ]
    assert first.occupancy is Occupancy.RENTED  # tenants and no state given
    second = detail("3-2-502")
    assert (second.area_centi, second.owners[0].phone, second.owners[0].id_number) == (
        7600,
        "13600002222",
        ID_ZHANG,
    )


def test_gbk_csv_from_chinese_excel(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "h.csv", [good(owner_names="王玥、李喆", owner_phones="13812345678、")], encoding="gbk"
    )
    assert import_file(path).imported == 1
    assert [(p.name, p.phone) for p in detail("3-2-501").owners] == [("王玥", "13812345678"), ("李喆", None)]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8-sig", ","),
        ("utf-8", ","),
        ("utf-8-sig", ";"),
        ("utf-8", "\t"),
        ("utf-16", "\t"),
        ("gb18030", ","),
    ],
)
def test_csv_encodings_and_delimiters(
    estate: EstateFile,
    tmp_path: Path,
    encoding: str,
    delimiter: str,
) -> None:
    path = write_csv(
        tmp_path / "h.csv", [good(note="备注, 有逗号; 和分号")], encoding=encoding, delimiter=delimiter
    )
    preview = preview_households(path)
    assert preview.headers == list(CANONICAL_HEADERS)
    assert preview.errors == []
    assert import_households(preview).imported == 1
    assert detail("3-2-501").note == "备注, 有逗号; 和分号"


def test_title_rows_above_the_header_keep_true_row_numbers(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_xlsx(
        tmp_path / "h.xlsx",
        [good(), good(number="502", owner_phones="123")],
        title_rows=[["幸福里小区住户登记表"], []],
    )
    preview = preview_households(path)
    assert preview.header_row == 3
    assert error_lines(preview.errors) == [
        (5, "业主电话", "'123' is not a mobile number: 11 digits starting with 1")
    ]


def test_empty_rows_are_skipped_but_counted(estate: EstateFile, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", [good(), [], [], good(number="502", area="0")])
    preview = preview_households(path)
    assert preview.total_rows == 2
    assert [(e.row, e.column) for e in preview.errors] == [(5, "专有面积")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("h.txt.doc", b"x", "is not an .xlsx or .csv file"),
        ("h.xls", b"x", "old .xls workbook"),
        ("h.xlsx", b"not a zip file", "cannot read h.xlsx"),
        ("h.csv", b"", "h.csv is empty"),
        ("h.csv", "楼栋,房号,专有面积\r\n".encode(), "has a header row but no rows"),
    ],
)
def test_unreadable_files_are_refused_clearly(
    estate: EstateFile, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InterchangeFileError, match=message):
        preview_households(path)


def test_missing_file_and_empty_workbook(estate: EstateFile, tmp_path: Path) -> None:
    with pytest.raises(InterchangeFileError, match="does not exist"):
        preview_households(tmp_path / "none.xlsx")
    workbook = openpyxl.Workbook()
    workbook.save(tmp_path / "empty.xlsx")
    with pytest.raises(InterchangeFileError, match=r"empty\.xlsx is empty"):
        preview_households(tmp_path / "empty.xlsx")
