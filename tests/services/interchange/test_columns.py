"""Which column is which (services/interchange/columns.py), with the households table as the example."""

from __future__ import annotations

import string
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.services.households.sheet import FIELDS, HOUSEHOLDS, preview_households
from estatedesk.services.interchange import InterchangeFileError, normalize_header
from estatedesk.services.interchange import run_import as import_households
from estatedesk.services.interchange.columns import column_letter
from estatedesk.store.db import EstateFile
from helpers.households_sheet import counts, detail, error_lines, good, write_csv

# ---------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("楼栋", "building"),
        ("楼号", "building"),
        ("幢", "building"),
        ("单元号", "unit"),
        ("房号", "number"),
        ("室号", "number"),
        ("门牌号", "number"),
        ("房屋编号", "number"),
        ("专有面积", "area"),
        ("面积", "area"),
        ("建筑面积", "area"),
        ("面积（㎡）", "area"),
        ("专有面积(m²)", "area"),
        ("建筑面积（平方米）", "area"),
        ("面积 [m2]", "area"),
        ("面积/㎡", "area"),
        ("业主", "owner_names"),
        ("户主", "owner_names"),
        ("业主姓名", "owner_names"),
        ("产权人", "owner_names"),
        ("电话", "owner_phones"),
        ("手机", "owner_phones"),
        ("联系电话", "owner_phones"),
        ("身份证", "owner_ids"),
        ("证件号码", "owner_ids"),
        ("承租人", "tenant_names"),
        ("租户手机", "tenant_phones"),
        ("起租日期", "lease_from"),
        ("到期日期", "lease_to"),
        ("困难类型", "flags"),
        ("说明", "note"),
        (" 业 主 姓 名 ", "owner_names"),
        ("房号*", "number"),
        ("入住状态", "occupancy"),
        ("房屋用途", "use"),
    ],
)
def test_headers_are_found_by_synonym(header: str, key: str) -> None:
    assert HOUSEHOLDS.columns.guess_mapping(["x", header]) == {key: 1}


def test_canonical_header_wins_over_synonym_and_first_column_over_later() -> None:
    mapping = HOUSEHOLDS.columns.guess_mapping(
        ["电话", "业主电话", "手机", "面积", "专有面积", "房号", "房号"]
    )
    assert mapping == {"number": 5, "area": 4, "owner_phones": 1}


def test_unknown_and_empty_headers_are_left_unmapped() -> None:
    assert HOUSEHOLDS.columns.guess_mapping(["", "车牌号", "  "]) == {}


@given(
    st.sampled_from([name for f in FIELDS for name in f.names]),
    st.text(alphabet="㎡m²平方米0123456789 ", max_size=6),
    st.sampled_from(["()", "（）", "[]", "【】"]),
)
def test_bracketed_units_and_spaces_do_not_change_a_header(name: str, unit: str, brackets: str) -> None:
    decorated = f" {name} {brackets[0]}{unit}{brackets[1]}"
    assert normalize_header(decorated) == normalize_header(name)
    assert normalize_header(normalize_header(name)) == normalize_header(name)


@given(st.text(alphabet=string.ascii_letters + "楼栋号", min_size=1, max_size=8))
def test_header_matching_ignores_case(text: str) -> None:
    assert normalize_header(text.upper()) == normalize_header(text.lower())


def test_missing_required_column_is_an_error_on_row_1(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "h.csv", [["3", "2", "501", "张三"]], headers=["楼栋", "单元", "房号", "业主"]
    )
    preview = preview_households(path)
    assert error_lines(preview.errors) == [(1, "专有面积", "required column not found in the header row")]
    assert preview.rows == [] and preview.total_rows == 1
    result = import_households(preview, valid_only=True)
    assert (result.written, result.imported) == (False, 0)
    assert counts()["rooms"] == 0


# ---------------------------------------------------------------- mapping


def test_the_clerk_can_fix_the_mapping(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        [["3-2-501", "89.5", "张三", "13812345678"]],
        headers=["编号", "平方", "人", "号码"],
    )
    preview = preview_households(path)
    assert preview.mapping == {}
    assert [e.column for e in preview.errors] == ["房号", "专有面积"]
    assert preview.fields[:3] == [("building", "楼栋"), ("unit", "单元"), ("number", "房号")]
    fixed = preview_households(path, {"number": 0, "area": 1, "owner_names": 2, "owner_phones": 3})
    assert fixed.errors == []
    assert fixed.column_label("owner_phones") == "号码"
    assert import_households(fixed).imported == 1
    assert detail("3-2-501").owners[0].phone == "13812345678"


def test_a_column_chosen_twice_is_reported(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    path = write_csv(tmp_path / "h.csv", [good()])
    preview = preview_households(path, {"number": 2, "area": 3, "owner_phones": 7, "tenant_phones": 7})
    assert error_lines(preview.errors) == [
        (1, "业主电话", "the same column is chosen for 业主电话 and 租户电话")
    ]
    assert not import_households(preview, valid_only=True).written


def test_a_mapping_outside_the_file_is_refused(estate: EstateFile, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [good()])
    with pytest.raises(InterchangeFileError):
        preview_households(path, {"number": 2, "area": 99})
    with pytest.raises(InterchangeFileError):
        preview_households(path, {"number": 2, "area": 3, "family": 4})


def test_two_columns_read_as_one_field_are_a_problem_of_the_header_row(
    estate: EstateFile, tmp_path: Path
) -> None:
    # A two-row heading: 业主信息 over the first 姓名 and 联系电话, 租户信息 over the second pair.
    path = tmp_path / "h.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["房屋信息", None, "业主信息", None, "租户信息", None])
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    sheet.merge_cells("E1:F1")
    sheet.append(["房号", "面积（㎡）", "姓名", "联系电话", "姓名", "联系电话"])
    sheet.append(["3-2-501", 89.5, "张三", 13812345678, "李四", 13700001111])
    workbook.save(path)
    preview = preview_households(path)
    assert error_lines(preview.errors) == [
        (
            2,
            "姓名",
            "columns C (姓名) and E (姓名) are both read as 业主姓名: rename one of them"
            " (for example to 租户姓名)",
        ),
        (
            2,
            "联系电话",
            "columns D (联系电话) and F (联系电话) are both read as 业主电话: rename one of them"
            " (for example to 租户电话)",
        ),
    ]
    assert preview.file_errors == preview.errors and preview.rows == []  # nothing is dropped unseen
    assert not import_households(preview, valid_only=True).written
    assert counts()["rooms"] == 0
    # Renamed as suggested, both pairs are read; or the clerk chooses the columns by hand.
    sheet.cell(2, 5).value, sheet.cell(2, 6).value = "租户姓名", "租户电话"
    workbook.save(path)
    renamed = preview_households(path)
    assert renamed.errors == [] and renamed.mapping["tenant_names"] == 4
    chosen = preview_households(path, {"number": 0, "area": 1, "owner_names": 2, "owner_phones": 3})
    assert chosen.errors == []


def test_synonyms_of_one_field_in_two_columns_are_reported_without_a_guess() -> None:
    problems = HOUSEHOLDS.columns.header_clashes(
        ["房号", "建筑面积", "套内面积"], HOUSEHOLDS.columns.guess_mapping(["房号", "建筑面积", "套内面积"])
    )
    assert [(p.field, p.message) for p in problems] == [
        ("area", "columns B (建筑面积) and C (套内面积) are both read as 专有面积: rename one of them")
    ]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"
    ]  # fmt: skip
