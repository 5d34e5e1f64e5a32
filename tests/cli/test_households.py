"""The households commands (cli/households.py): ``import households`` and ``export households`` end to end."""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from estatedesk.services.households.sheet import CANONICAL_HEADERS
from helpers.cli_run import run
from helpers.read_only import estatedesk, run_with_read_only_folder


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
    assert run("--db", str(db), "import", "households", str(path)) == (
        0,
        "imported 2 new rooms, updated 0, unchanged 0\n",
    )
    # A file imported again changes nothing, and says so.
    assert run("--db", str(db), "import", "households", str(path)) == (
        0,
        "imported 0 new rooms, updated 0, unchanged 2\n",
    )


def test_import_json(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "good.csv", GOOD)
    code, text = run("--db", str(db), "import", "households", str(path), "--json")
    assert code == 0
    assert json.loads(text) == {
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
        "changes": [
            {"row": 2, "room": "3-2-501", "kind": "new", "fields": [], "removals": [], "warnings": []},
            {"row": 3, "room": "3-2-502", "kind": "new", "fields": [], "removals": [], "warnings": []},
        ],
        "unconfirmed": [],
    }


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
        "changes": [  # what the good rows would have done
            {"row": 2, "room": "3-2-501", "kind": "new", "fields": [], "removals": [], "warnings": []},
            {"row": 3, "room": "3-2-502", "kind": "new", "fields": [], "removals": [], "warnings": []},
        ],
        "unconfirmed": [],
    }


def test_valid_only_imports_good_rows_and_still_exits_1(db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD)
    code, text = run("--db", str(db), "import", "households", str(path), "--valid-only", "--json")
    assert code == 1
    result = json.loads(text)
    assert (result["imported"], [e["row"] for e in result["errors"]]) == (2, [4, 4])


def test_removals_are_listed_and_refused_without_allow_removals(db: Path, tmp_path: Path) -> None:
    run("--db", str(db), "import", "households", str(write_csv(tmp_path / "good.csv", GOOD)))
    fewer = write_csv(tmp_path / "fewer.csv", [["3", "2", "501", "89.50", "张三", "13812345678"], GOOD[1]])
    code, text = run("--db", str(db), "import", "households", str(fewer))
    assert code == 1
    assert text.splitlines() == [
        "row 2 (3-2-501): removes owner 王玥",
        "nothing imported: the file removes what is listed above: to remove it, add --allow-removals",
    ]
    code, text = run("--db", str(db), "import", "households", str(fewer), "--json")
    result = json.loads(text)
    assert (code, result["unconfirmed"], result["imported"], result["updated"]) == (1, ["removals"], 0, 0)
    assert result["changes"][0] == {
        "row": 2,
        "room": "3-2-501",
        "kind": "updated",
        "fields": [
            {"field": "owner_names", "column": "业主姓名", "before": "张三、王玥", "after": "张三"},
            {
                "field": "owner_phones",
                "column": "业主电话",
                "before": "138****5678、139****4321",
                "after": "138****5678",
            },
        ],
        "removals": [{"what": "owner", "value": "王玥", "column": "业主姓名"}],
        "warnings": [],
    }
    assert result["changes"][1]["kind"] == "unchanged"
    code, text = run("--db", str(db), "import", "households", str(fewer), "--allow-removals")
    assert (code, text.splitlines()[-1]) == (0, "imported 0 new rooms, updated 1, unchanged 1")
    assert run("--db", str(db), "export", "households", str(tmp_path / "o.csv"))[0] == 0
    exported = list(csv.reader((tmp_path / "o.csv").read_text("utf-8-sig").splitlines()))
    assert exported[1][6] == "张三"


def test_warnings_are_refused_without_accept_warnings(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "parking.csv"
    path.write_text("房号,面积,状态,车位\r\n3-2-501,80,出租,P-009\r\n", encoding="utf-8-sig")
    code, text = run("--db", str(db), "import", "households", str(path))
    assert code == 1
    assert text.splitlines() == [
        "row 2 (3-2-501): the room is rented but has no tenant",
        "row 2 (3-2-501): parking space P-009 is not on file yet: it will be added",
        "nothing imported: rows above need confirming: to accept them, add --accept-warnings",
    ]
    code, text = run("--db", str(db), "import", "households", str(path), "--accept-warnings", "--json")
    result = json.loads(text)
    assert (code, result["imported"], result["unconfirmed"]) == (0, 1, [])
    assert [w["column"] for w in result["changes"][0]["warnings"]] == ["状态", "车位"]


def test_a_person_changed_in_other_rooms_and_an_emptied_phone_need_the_flags(
    db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "rooms.csv"
    path.write_text(
        "房号,面积,业主,电话,身份证号\r\n7-1-101,50,丙,13700137000,330106198505120005\r\n"
        "7-1-102,50,丙,13700137000,330106198505120005\r\n",
        encoding="utf-8-sig",
    )
    assert run("--db", str(db), "import", "households", str(path))[0] == 0
    # 9-1-101 names her by her ID number with another name: her rooms 7-1-101 and 7-1-102 would
    # show it too; 7-1-101 leaves her phone empty: it would be gone, from 7-1-102 and 9-1-101 too.
    path.write_text(
        "房号,面积,业主,电话,身份证号\r\n9-1-101,50,丁,,330106198505120005\r\n"
        "7-1-101,50,丁,,330106198505120005\r\n",
        encoding="utf-8-sig",
    )
    code, text = run("--db", str(db), "import", "households", str(path))
    assert code == 1
    assert text.splitlines() == [
        "row 3 (7-1-101): removes the phone of 丁 (137****7000)",
        "row 2 (9-1-101): renames 丙 to 丁, in rooms 7-1-101、7-1-102 too",
        "row 3 (7-1-101): changes the phone of 丁 from 137****7000 to —, in rooms 7-1-102、9-1-101 too",
        "nothing imported: the file removes what is listed above: to remove it, add --allow-removals",
        "nothing imported: rows above need confirming: to accept them, add --accept-warnings",
    ]
    code, text = run("--db", str(db), "import", "households", str(path), "--allow-removals", "--json")
    result = json.loads(text)
    assert (code, result["unconfirmed"], result["imported"]) == (1, ["warnings"], 0)
    assert result["changes"][0]["warnings"] == [
        {"column": "业主", "reason": "renames 丙 to 丁, in rooms 7-1-101、7-1-102 too"}
    ]
    assert result["changes"][1]["removals"] == [
        {"what": "phone", "value": "137****7000", "column": "电话", "of": "丁"}
    ]
    flags = ("--allow-removals", "--accept-warnings")
    code, text = run("--db", str(db), "import", "households", str(path), *flags)
    assert (code, text.splitlines()[-1]) == (0, "imported 1 new rooms, updated 1, unchanged 0")
    exported = tmp_path / "o.csv"
    assert run("--db", str(db), "export", "households", str(exported))[0] == 0
    rows = list(csv.reader(exported.read_text("utf-8-sig").splitlines()))
    assert [(row[0], row[2], row[6], row[7]) for row in rows[1:]] == [
        ("7", "101", "丁", ""),
        ("7", "102", "丁", ""),
        ("9", "101", "丁", ""),
    ]


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
    assert {key: value for key, value in json.loads(done.stdout).items() if key != "changes"} == {
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
        "unconfirmed": [],
    }
    usage = subprocess.run(
        command[:-1], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
    assert usage.returncode == 2


# ---------------------------------------------------------------- a file on a write-protected stick


def test_export_from_a_write_protected_stick_succeeds_and_import_is_refused(db: Path, tmp_path: Path) -> None:
    run("--db", str(db), "import", "households", str(write_csv(tmp_path / "good.csv", GOOD)))
    stick = tmp_path / "U盘"
    stick.mkdir()
    path = stick / "estate.sqlite3"
    db.rename(path)
    before = path.read_bytes()
    target = tmp_path / "导出.xlsx"
    exported = run_with_read_only_folder(
        stick, estatedesk("--db", str(path), "export", "households", str(target))
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"exported 2 rooms to {target}"
    assert openpyxl.load_workbook(target).worksheets[0].max_row == 3
    imported = run_with_read_only_folder(
        stick, estatedesk("--db", str(path), "import", "households", str(tmp_path / "good.csv"))
    )
    assert imported.returncode == 1
    assert "error: " in imported.stderr and "open read-only" in imported.stderr
    assert "Traceback" not in imported.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in stick.iterdir()) == ["estate.sqlite3"]


def test_a_write_to_a_file_that_cannot_be_written_exits_1_with_the_reason(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda path: False)
    path = write_csv(tmp_path / "good.csv", GOOD)
    assert run("--db", str(db), "import", "households", str(path))[0] == 1
    err = capsys.readouterr().err
    assert f"error: {db} is open read-only" in err
    assert run("--db", str(db), "export", "households", str(tmp_path / "out.csv"))[0] == 0
    assert db.read_bytes() == before


def test_exported_files_are_for_their_owner_only(db: Path, tmp_path: Path) -> None:
    for name in ("out.xlsx", "out.csv"):
        assert run("--db", str(db), "export", "households", str(tmp_path / name))[0] == 0
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
