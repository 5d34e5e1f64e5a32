"""The households commands (cli/households.py): ``import households`` and ``export households`` end to end."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from estatedesk.cli import main
from estatedesk.services.households.sheet import CANONICAL_HEADERS


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "estate.sqlite3"
    assert run("--db", str(path), "init", "--name", "测试小区")[0] == 0
    return path


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["楼栋", "单元", "房号", "专有面积", "业主姓名", "业主电话"])
        writer.writerows(rows)
    return path


GOOD = [
    ["3", "2", "501", "89.50", "张三、王玥", "13812345678、13987654321"],
    ["3", "2", "502", "76", "李喆", "13700001111"],
]
BAD = [*GOOD, ["3", "2", "503", "0", "赵六", "1380000"]]


def test_import_good_file(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "good.csv", GOOD)
    assert run("--db", str(db), "import", "households", str(path)) == (0, "imported 2 new rooms, updated 0\n")
    assert run("--db", str(db), "import", "households", str(path)) == (0, "imported 0 new rooms, updated 2\n")


def test_import_json(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "good.csv", GOOD)
    code, text = run("--db", str(db), "import", "households", str(path), "--json")
    assert code == 0
    assert json.loads(text) == {"imported": 2, "updated": 0, "unchanged": 0, "errors": []}


def test_rejected_file_prints_each_error_and_writes_nothing(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    code, text = run("--db", str(db), "import", "households", str(path))
    assert code == 1
    assert text.splitlines() == [
        "row 4: 专有面积: the area must be above 0 and below 10,000 m²",
        "row 4: 业主电话: '1380000' is not a mobile number: 11 digits starting with 1",
        "nothing imported: fix the rows above, or use --valid-only",
    ]
    code, text = run("--db", str(db), "check", "--json")
    assert json.loads(text)["counts"]["rooms"] == 0


def test_rejected_file_as_json(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    code, text = run("--db", str(db), "import", "households", str(path), "--json")
    assert code == 1
    assert json.loads(text) == {
        "imported": 0,
        "updated": 0,
        "unchanged": 0,
        "errors": [
            {"row": 4, "column": "专有面积", "reason": "the area must be above 0 and below 10,000 m²"},
            {
                "row": 4,
                "column": "业主电话",
                "reason": "'1380000' is not a mobile number: 11 digits starting with 1",
            },
        ],
    }


def test_valid_only_imports_good_rows_and_still_exits_1(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    code, text = run("--db", str(db), "import", "households", str(path), "--valid-only", "--json")
    assert code == 1
    result = json.loads(text)
    assert (result["imported"], [e["row"] for e in result["errors"]]) == (2, [4, 4])


def test_unreadable_file_is_rejected(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--db", str(db), "import", "households", str(tmp_path / "none.xlsx"))[0] == 1
    assert "none.xlsx does not exist" in capsys.readouterr().err
    other = tmp_path / "rooms.ods"
    other.write_bytes(b"x")
    assert run("--db", str(db), "import", "households", str(other))[0] == 1
    assert "rooms.ods is not an .xlsx or .csv file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "households"],
        ["import", "rooms", "x.csv"],
        ["import", "households", "x.csv", "--force"],
        ["export", "households"],
    ],
)
def test_usage_errors_exit_2(db: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("--db", str(db), *argv)
    assert exit_info.value.code == 2


def test_export_xlsx_and_csv(db: Path, tmp_path: Path) -> None:
    run("--db", str(db), "import", "households", str(write_csv(tmp_path / "good.csv", GOOD)))
    assert run("--db", str(db), "export", "households", str(tmp_path / "out.xlsx")) == (
        0,
        f"exported 2 rooms to {tmp_path / 'out.xlsx'}\n",
    )
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").worksheets[0]
    assert next(sheet.iter_rows(max_row=1, values_only=True)) == CANONICAL_HEADERS
    assert run("--db", str(db), "export", "households", str(tmp_path / "out.csv"), "--masked")[0] == 0
    rows = list(csv.reader((tmp_path / "out.csv").read_text("utf-8-sig").splitlines()))
    assert rows[1][6:8] == ["张三、王玥", "138****5678、139****4321"]
    # An unmasked export imports back as it was.
    code, text = run("--db", str(db), "import", "households", str(tmp_path / "out.xlsx"), "--json")
    assert (code, json.loads(text)["unchanged"]) == (0, 2)


def test_export_to_unknown_format_exits_1(db: Path, tmp_path: Path) -> None:
    assert run("--db", str(db), "export", "households", str(tmp_path / "out.pdf"))[0] == 1


def test_python_dash_m_end_to_end(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    env = {**os.environ, "ESTATEDESK_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "estatedesk", "--db", str(db), "import", "households", str(path)]
    rejected = subprocess.run(
        [*command, "--json"], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
    assert rejected.returncode == 1, rejected.stderr
    assert len(json.loads(rejected.stdout)["errors"]) == 2
    fixed = write_csv(tmp_path / "good.csv", GOOD)
    done = subprocess.run(
        [*command[:-1], str(fixed), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"imported": 2, "updated": 0, "unchanged": 0, "errors": []}
    usage = subprocess.run(
        command[:-1], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
    assert usage.returncode == 2
