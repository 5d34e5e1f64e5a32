"""Reading spreadsheet files (services/interchange/reading.py): xlsx cells, csv encodings, bad files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from estatedesk.domain.households import Occupancy
from estatedesk.services import households
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


# ---------------------------------------------------------------- rows a .csv does not write as it should

HEADER = "楼栋,单元,房号,专有面积,业主姓名\r\n"


def csv_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "h.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_a_quote_that_closes_too_late_is_an_error_for_its_row_not_lost_rows(
    estate: EstateFile, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path,
        '3,2,501,89.5,"张三\r\n',  # the quote never closes where it should …
        "3,2,502,76,李四\r\n",
        '3,2,503,"80",王五\r\n',  # … but here, so Python's reader swallowed two rows silently
        "3,2,504,70,赵六\r\n",
    )
    preview = preview_households(path)
    assert error_lines(preview.errors) == [
        (
            2,
            "房号",
            'a quote mark (") in this row is not closed where it should be, so lines 2 to 4 of the '
            "file were read as this one row",
        )
    ]
    result = import_file(path, valid_only=True)
    assert (result.imported, [e.row for e in result.errors]) == (1, [2])
    assert [row.code for row in households.list_rooms()] == ["3-2-504"]


def test_a_quote_still_open_at_the_end_of_the_file_is_an_error_even_with_the_right_cell_count(
    estate: EstateFile, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, "3,2,501,89.5,张三\r\n", '3,2,502,76,"李四\r\n', "3,2,503,80,王五\r\n")
    preview = preview_households(path)
    assert [(e.row, e.reason) for e in preview.errors] == [
        (
            3,
            'a quote mark (") in this row is not closed where it should be, so lines 3 to 4 of the '
            "file were read as this one row",
        )
    ]
    assert import_file(path).written is False


def test_an_open_quote_on_the_last_line_names_its_row(estate: EstateFile, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "3,2,501,89.5,张三\r\n", '3,2,502,76,"李四')
    assert [(e.row, e.reason) for e in preview_households(path).errors] == [
        (3, 'a quote mark (") in this row is never closed')
    ]


def test_quoted_cells_with_line_breaks_and_stray_quotes_inside_a_cell_still_read(
    estate: EstateFile, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path,
        '3,2,501,89.5,"张三\r\n李四"\r\n',  # Alt+Enter in Excel: one row, two owners
        '3,2,502,76,"王五, ""老王"""\r\n',
        '3,2,503,80,赵"六"\r\n',  # a quote inside a cell is text, as Excel reads it
    )
    preview = preview_households(path)
    assert preview.errors == []
    assert [row.row for row in preview.rows] == [2, 3, 4]
    assert [row.values["owner_names"] for row in preview.rows] == ["张三\n李四", '王五, "老王"', '赵"六"']


@pytest.mark.parametrize(
    ("row", "count"),
    [("3,2,501,89.5,张三,13812345678\r\n", 6), ("3,2,501,89.5\r\n", 4), ("3,2,501,89.5,张三,,\r\n", 7)],
)
def test_a_row_with_more_or_fewer_cells_than_the_header_is_an_error(
    estate: EstateFile, tmp_path: Path, row: str, count: int
) -> None:
    path = csv_file(tmp_path, row, "3,2,502,76,李四\r\n")
    preview = preview_households(path)
    assert error_lines(preview.errors) == [
        (
            2,
            "房号",
            f"this row has {count} cells but the header row has 5: "
            "a delimiter or a quote too many or too few?",
        )
    ]
    assert [row.row for row in preview.rows] == [3]


def test_a_cell_over_the_csv_field_limit_names_its_row(estate: EstateFile, tmp_path: Path) -> None:
    limit = 131_072  # Python's own csv limit, which the reader raises
    path = csv_file(
        tmp_path, "3,2,501,89.5,张三\r\n", f"3,2,502,76,{'李' * (limit + 1)}\r\n", "3,2,503,80,王五\r\n"
    )
    preview = preview_households(path)
    assert [(e.row, e.reason) for e in preview.errors] == [
        (3, "a cell of this row is longer than 32,767 characters")
    ]
    assert [row.row for row in preview.rows] == [2, 4]


# ---------------------------------------------------------------- control characters


def test_control_characters_are_refused_in_every_cell_named_by_its_column(
    estate: EstateFile, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [
            good(owner_names="张\x00三"),
            good(number="502", owner_phones="138\x0712345678", note="第一行\n\t第二行"),
            good(number="503", building="3\x1b"),
            good(number="504", owner_names="欧阳 娜娜、John Smith"),
        ],
    )
    preview = preview_households(path)
    assert error_lines(preview.errors) == [
        (2, "业主姓名", "业主姓名 holds an invisible control character (U+0000); type it again"),
        (3, "业主电话", "业主电话 holds an invisible control character (U+0007); type it again"),
        (4, "楼栋", "楼栋 holds an invisible control character (U+001B); type it again"),
    ]
    assert [row.row for row in preview.rows] == [5]
    assert import_file(path, valid_only=True).imported == 1
    assert [p.name for p in detail("3-2-504").owners] == ["欧阳 娜娜", "John Smith"]


def test_control_characters_in_a_workbook_are_refused_too(estate: EstateFile, tmp_path: Path) -> None:
    # openpyxl writes no C0 control but a tab, a line break and the C1 ones (U+0080–U+009F).
    path = write_xlsx(
        tmp_path / "h.xlsx",
        [good(owner_names="张\t三"), good(number="502", note="备\x85注"), good(number="503", note="\t缩进")],
    )
    assert error_lines(preview_households(path).errors) == [
        (2, "业主姓名", "业主姓名 holds an invisible control character (U+0009); type it again"),
        (3, "备注", "备注 holds an invisible control character (U+0085); type it again"),
    ]


def test_a_note_keeps_its_line_breaks_and_tabs(estate: EstateFile, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [good(note="第一行\r\n\t第二行", tenant_names="")])
    assert import_file(path).imported == 1
    assert detail("3-2-501").note == "第一行\n\t第二行"


# ---------------------------------------------------------------- quotes that merge rows silently


def test_a_quote_that_swallows_a_whole_row_is_an_error_even_when_the_cells_count_right(
    estate: EstateFile, tmp_path: Path
) -> None:
    # The reviewer's file: the quote opened in 1-201 closes inside 1-202, and the merged record
    # happens to have the header's six cells. Line 3 on its own is a whole row: 1-202 was swallowed.
    path = tmp_path / "q2.csv"
    path.write_text(
        "楼栋,单元,房号,专有面积,业主姓名,业主电话\n"
        '1,,201,50,"赵一,13800000001\n'
        '1,,202,50,钱二",13800000002\n'
        "1,,203,50,孙三,13800000003\n",
        encoding="utf-8",
    )
    preview = preview_households(path)
    assert [(e.row, e.reason) for e in preview.errors] == [
        (
            2,
            'a quote mark (") in this row is not closed where it should be, so lines 2 to 3 of the '
            "file were read as this one row",
        )
    ]
    assert [row.row for row in preview.rows] == [3]  # 1-203, on the file's third record
    assert import_file(path).written is False


def test_a_note_over_several_lines_is_no_swallowed_row(estate: EstateFile, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "楼栋,单元,房号,专有面积,业主姓名,备注\n"
        '1,,201,50,赵一,"第一行, 有逗号\n第二行\n第三行"\n'
        "1,,202,50,钱二,ok\n",
        encoding="utf-8",
    )
    preview = preview_households(path)
    assert preview.errors == []
    assert [(row.row, row.values["note"]) for row in preview.rows] == [
        (2, "第一行, 有逗号\n第二行\n第三行"),
        (3, "ok"),
    ]


# ---------------------------------------------------------------- cells past Excel's limit


def test_a_quoted_cell_past_excels_limit_over_many_lines_keeps_later_rows_in_place(
    estate: EstateFile, tmp_path: Path
) -> None:
    # Past Python's csv limit (131,072) the reader used to lose its place inside the quoted cell:
    # each of its lines became a bogus one-cell row, and the rows after it were misnumbered.
    long_note = "\n".join("x" * 100 for _ in range(2000))
    path = tmp_path / "h.csv"
    path.write_text(
        "楼栋,单元,房号,专有面积,业主姓名,备注\n"
        "1,,201,50,赵一,ok\n"
        f'1,,202,50,钱二,"{long_note}"\n'
        "1,,203,50,孙三,fine\n",
        encoding="utf-8",
    )
    preview = preview_households(path)
    assert [(e.row, e.reason) for e in preview.errors] == [
        (3, "a cell of this row is longer than 32,767 characters")
    ]
    assert [(row.row, row.values["number"]) for row in preview.rows] == [(2, "201"), (4, "203")]


def test_a_cell_just_within_excels_limit_reads(estate: EstateFile, tmp_path: Path) -> None:
    path = csv_file(tmp_path, f'3,2,501,89.5,张三\r\n3,2,502,76,"{"李" * 32_767}"\r\n')
    preview = preview_households(path)
    assert [(e.row, e.reason) for e in preview.errors] == [(3, "the name is longer than 40 characters")]
