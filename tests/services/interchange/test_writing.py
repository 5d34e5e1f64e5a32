"""Writing export files (services/interchange/writing.py): whole files only, and only where they can be."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.errors import FileNotWritten
from estatedesk.services.households.sheet import export_households
from estatedesk.services.interchange import InterchangeFileError, writing
from estatedesk.services.interchange.reading import FORMULA_STARTS, read_sheet, unguard
from estatedesk.store.db import EstateFile


def test_export_leaves_no_half_file(
    furnished: EstateFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def broken(*_args: object) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr(writing, "xlsx_bytes", broken)
    with pytest.raises(RuntimeError):
        export_households(target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "estate.sqlite3",
        "estate.sqlite3-shm",
        "estate.sqlite3-wal",
        "out.xlsx",
    ]


def test_export_refuses_unknown_formats_and_missing_folders(furnished: EstateFile, tmp_path: Path) -> None:
    with pytest.raises(InterchangeFileError, match=r"not an \.xlsx or \.csv"):
        export_households(tmp_path / "out.pdf")
    with pytest.raises(FileNotWritten, match="cannot write"):
        export_households(tmp_path / "missing" / "out.csv")


# ---------------------------------------------------------------- formulas


@pytest.mark.parametrize(
    "text", ["=1+1", "+86 138", "-5", "@SUM(A1)", "\t=cmd", "\r=cmd", "'=已防护", "''两个", "'plain"]
)
def test_no_csv_cell_can_run_as_a_formula_and_every_text_reads_back(text: str) -> None:
    guarded = writing.guard_formula(text)
    assert not guarded.startswith(FORMULA_STARTS)
    assert unguard(guarded) == text


@given(st.text(max_size=12))
def test_guarding_and_unguarding_give_back_any_text(text: str) -> None:
    guarded = writing.guard_formula(text)
    assert not guarded.startswith(FORMULA_STARTS)
    assert unguard(guarded) == text


def test_a_csv_export_reads_back_exactly(tmp_path: Path) -> None:
    values = ['=HYPERLINK("x")', "+1", "-2", "@A1", "'=quoted", "''twice", "'plain", "普通", "a\tb"]
    path = tmp_path / "out.csv"
    writing.write_table(path, "表", ["值"], [[value] for value in [*values, "\t=tab", "\r=cr"]])
    raw = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert all(not cell.startswith(FORMULA_STARTS) for row in raw for cell in row)
    assert [row[0] for row in raw[-2:]] == ["'\t=tab", "'\r=cr"]
    # The reader trims the spaces around a cell (a tab or CR in front too): the rest read back exactly.
    assert [row[0] for _number, row in read_sheet(path).rows[1:-2]] == values
    # and a tab or CR in front, trimmed like a space, leaves no apostrophe behind
    assert [row[0] for _number, row in read_sheet(path).rows[-2:]] == ["=tab", "=cr"]


# ---------------------------------------------------------------- nothing on disk until the file is whole

PEOPLE = [["3-2-501", "张三", "13812345678", "110105194912310021", Decimal("89.50"), 2]] * 2_000


def test_an_xlsx_is_made_in_memory_not_in_the_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl.worksheet._writer as sheet_writer

    def refuse(*_args: object) -> str:
        raise AssertionError("openpyxl wrote a sheet to the temp folder")

    monkeypatch.setattr(sheet_writer, "create_temporary_file", refuse)
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    target = tmp_path / "名册.xlsx"
    writing.write_table(target, "住户", ["房号", "姓名", "电话", "身份证号", "面积", "人数"], PEOPLE, [10, 8])
    assert list(temp.iterdir()) == []
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet.title == "住户" and sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and not sheet["A2"].font.bold
    assert sheet.column_dimensions["A"].width == 10
    assert [cell.value for cell in sheet[2]] == [
        "3-2-501",
        "张三",
        "13812345678",
        "110105194912310021",
        89.5,
        2,
    ]
    assert sheet["E2"].number_format == "0.00"
    assert sheet.max_row == 2_001
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_openpyxl_is_held_to_the_minor_version_whose_internals_the_xlsx_in_memory_uses() -> None:
    """writing.xlsx_bytes reaches into openpyxl (a sheet's _writer, WorksheetWriter): 3.2 may change them."""
    import tomllib

    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    assert "openpyxl>=3.1,<3.2" in dependencies
    assert openpyxl.__version__.startswith("3.1.")


KILLED_EXPORT = """
import os, sys, time
from decimal import Decimal
from pathlib import Path
from estatedesk.services.interchange import writing

moment, target = sys.argv[1], Path(sys.argv[2])


def stop(*args):
    print(moment, flush=True)
    time.sleep(600)


def rows():
    for number in range(20_000):
        if moment == "building" and number == 10_000:
            stop()
        yield [f"3-2-{number}", "张三", "13812345678", "110105194912310021", Decimal("89.50")]


if moment == "writing":
    os.fsync = stop
writing.write_table(target, "住户", ["房号", "姓名", "电话", "身份证号", "面积"], rows())
"""


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("moment", ["building", "writing"])
def test_a_killed_export_leaves_no_file_with_personal_data(tmp_path: Path, suffix: str, moment: str) -> None:
    if moment == "writing" and not hasattr(os, "O_TMPFILE"):
        pytest.skip("only Linux writes a file with no name until it is whole")
    folder, temp = tmp_path / "导出", tmp_path / "temp"
    folder.mkdir()
    temp.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, moment, str(folder / f"住户{suffix}")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == moment
    finally:
        process.kill()
        process.wait(timeout=30)
    assert list(folder.iterdir()) == []
    assert list(temp.iterdir()) == []
