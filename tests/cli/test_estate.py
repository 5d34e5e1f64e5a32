"""The estate commands (cli/estate.py) end to end: init, demo and check, and their exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from estatedesk.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from estatedesk.services import households
from estatedesk.store.db import open_estate, read_header
from estatedesk.store.migrations import SCHEMA_VERSION
from helpers.cli_run import run, usage_error
from helpers.read_only import estatedesk, run_with_read_only_folder


def run_module(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m estatedesk ...`` in a real process, as a script or a clerk would run it."""
    return subprocess.run(
        [sys.executable, "-m", "estatedesk", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        cwd=cwd,
        check=False,
    )


# ---------------------------------------------------------------- init


def test_init_creates_an_empty_estate(tmp_path: Path) -> None:
    path = tmp_path / "xingfuli.sqlite3"
    code, out = run("--db", str(path), "init", "--name", "幸福里小区")
    assert code == EXIT_OK
    assert out.strip() == f"created {path}"
    estate = open_estate(path)
    try:
        assert estate.estate_name == "幸福里小区"
        assert households.list_rooms() == []
    finally:
        estate.close()


def test_init_without_db_uses_the_default_data_file(private_data_dir: Path) -> None:
    code, _ = run("init", "--name", "默认小区")
    assert code == EXIT_OK
    assert read_header(private_data_dir / "estate.sqlite3")[1] == SCHEMA_VERSION


def test_init_on_an_existing_file_is_rejected_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "estate.sqlite3"
    assert run("--db", str(path), "init", "--name", "甲")[0] == EXIT_OK
    before = path.read_bytes()
    code, out = run("--db", str(path), "init", "--name", "乙")
    assert code == EXIT_REJECTED
    assert out == ""
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_init_with_a_blank_name_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "estate.sqlite3"
    assert run("--db", str(path), "init", "--name", "  ")[0] == EXIT_REJECTED
    assert "needs a name" in capsys.readouterr().err
    assert not path.exists()


# ---------------------------------------------------------------- demo


def test_demo_makes_the_households_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    code, out = run("--db", str(path), "demo", "--households", "60", "--seed", "9")
    assert code == EXIT_OK
    assert "60 rooms" in out and str(path) in out
    estate = open_estate(path)
    try:
        assert estate.estate_name == "幸福里小区（演示）"
        assert len(households.list_rooms()) == 60
    finally:
        estate.close()


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    outputs = []
    codes = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite3"
        code, out = run("--db", str(path), "demo", "--households", "30", "--seed", "5", "--name", "演示")
        assert code == EXIT_OK
        outputs.append(out.replace(str(path), "PATH"))
        connection = sqlite3.connect(path)
        rows = connection.execute("SELECT code, area_centi, occupancy FROM room ORDER BY id").fetchall()
        codes.append(rows)
        connection.close()
    assert outputs[0] == outputs[1]
    assert codes[0] == codes[1]


def test_demo_on_an_existing_file_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "estate.sqlite3"
    run("--db", str(path), "init", "--name", "真实小区")
    before = path.read_bytes()
    assert run("--db", str(path), "demo", "--households", "10")[0] == EXIT_REJECTED
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


# ---------------------------------------------------------------- check


def test_check_json_reports_ok_schema_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    run("--db", str(path), "demo", "--households", "40", "--seed", "2")
    code, out = run("--db", str(path), "check", "--json")
    assert code == EXIT_OK
    report = json.loads(out)
    assert report["ok"] is True
    assert report["schema"] == SCHEMA_VERSION
    counts = report["counts"]
    assert counts["rooms"] == 40
    assert counts["owners"] >= 1 and counts["residents"] >= 1
    connection = sqlite3.connect(path)
    try:
        owners = connection.execute("SELECT COUNT(DISTINCT person_id) FROM ownership").fetchone()[0]
        residents = connection.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
    finally:
        connection.close()
    assert (counts["owners"], counts["residents"], counts["parking_spaces"]) == (owners, residents, 10)


def test_check_in_words(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    run("--db", str(path), "init", "--name", "幸福里小区")
    code, out = run("--db", str(path), "check")
    assert code == EXIT_OK
    assert "estate: 幸福里小区" in out
    assert f"schema version: {SCHEMA_VERSION}" in out
    assert "integrity: ok" in out
    assert out.strip().endswith("OK")


@pytest.mark.parametrize("kind", ["missing", "text", "zero-length", "foreign-sqlite", "newer", "damaged"])
def test_check_of_a_file_it_cannot_vouch_for_is_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = tmp_path / "estate.sqlite3"
    if kind == "text":
        path.write_text("房号,面积\n", encoding="utf-8")
    elif kind == "zero-length":
        path.write_bytes(b"")
    elif kind == "foreign-sqlite":
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE t (x)")
        connection.close()
    elif kind in ("newer", "damaged"):
        run("--db", str(path), "demo", "--households", "60")
        if kind == "newer":
            connection = sqlite3.connect(path)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
            connection.close()
        else:
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3])
    before = path.read_bytes() if path.exists() else None
    code, out = run("--db", str(path), "check", "--json")
    assert code == EXIT_REJECTED
    assert out == ""
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert (path.read_bytes() if path.exists() else None) == before


def test_check_reports_problems_with_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    run("--db", str(path), "demo", "--households", "20")
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM person WHERE id IN (SELECT person_id FROM ownership LIMIT 2)")
    connection.commit()
    connection.close()
    code, out = run("--db", str(path), "check", "--json")
    assert code == EXIT_REJECTED
    report = json.loads(out)
    assert report["ok"] is False
    assert report["foreign_key_problems"] >= 2


# ---------------------------------------------------------------- verify


def test_verify_of_a_new_file_names_both_chains(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    run("--db", str(path), "init", "--name", "幸福里小区")
    code, out = run("--db", str(path), "verify", "--json")
    assert code == EXIT_OK
    assert json.loads(out) == {
        "ok": True,
        "entries": 0,
        "first_bad": None,
        "ballots": {"ok": True, "entries": 0, "first_bad": None},
    }
    code, out = run("--db", str(path), "verify")
    assert (code, out.splitlines()) == (
        EXIT_OK,
        [
            "ledger OK: 0 entries, every one as the program wrote it",
            "ballots OK: 0 entries, every one as the program wrote it",
        ],
    )


def test_verify_finds_a_ballot_removed_behind_its_back(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    run("--db", str(path), "init", "--name", "幸福里小区")
    rooms = tmp_path / "rooms.csv"
    rooms.write_text("楼栋,单元,房号,专有面积,业主姓名\n1,1,101,90,王玥\n1,1,102,80,李喆\n", encoding="utf-8")
    assert run("--db", str(path), "import", "households", str(rooms))[0] == EXIT_OK
    assert run("--db", str(path), "votes", "create", "--title", "续聘", "--kind", "ordinary")[0] == EXIT_OK
    for room in ("1-1-101", "1-1-102"):
        assert run("--db", str(path), "votes", "ballot", "1", "--room", room, "--choice", "yes")[0] == EXIT_OK
    assert (
        json.loads(run("--db", str(path), "verify", "--json")[1])["ballots"]["entries"] == 3
    )  # with the opening
    connection = sqlite3.connect(path)  # another program takes the newest ballot out
    try:
        connection.execute("DELETE FROM ballot_entry WHERE id = 3")
        assert connection.total_changes == 1
        connection.commit()
    finally:
        connection.close()
    code, out = run("--db", str(path), "verify", "--json")
    assert code == EXIT_REJECTED
    found = json.loads(out)
    assert (found["ok"], found["entries"], found["first_bad"]) == (False, 0, None)
    assert found["ballots"]["ok"] is False and found["ballots"]["first_bad"]["what"]
    code, out = run("--db", str(path), "verify")
    assert code == EXIT_REJECTED
    lines = out.splitlines()
    assert lines[0] == "ledger OK: 0 entries, every one as the program wrote it"
    assert lines[1].startswith(f"ballot entry {found['ballots']['first_bad']['entry']} does not match: ")


# ---------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["init"],  # --name is required
        ["init", "--name"],
        ["demo"],  # --households is required
        ["demo", "--households", "0"],
        ["demo", "--households", "-3"],
        ["demo", "--households", "abc"],
        ["demo", "--households", "1.5"],
        ["demo", "--households", "10", "--seed", "abc"],
        ["check", "--verbose"],
        ["--db"],
    ],
)
def test_usage_errors_exit_2_and_touch_nothing(
    argv: list[str], private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert usage_error(*argv) == EXIT_USAGE
    assert "usage: estatedesk" in capsys.readouterr().err
    assert list(private_data_dir.iterdir()) == []


def test_version_and_help_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert usage_error("--version") == 0
    assert "EstateDesk 0.1.0" in capsys.readouterr().out
    assert usage_error("--help") == 0
    assert "check" in capsys.readouterr().out


# ---------------------------------------------------------------- the real entry point


def test_python_dash_m_runs_the_commands(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    created = run_module("--db", str(path), "init", "--name", "王玥的小区")
    assert created.returncode == 0, created.stderr
    checked = run_module("--db", str(path), "check", "--json")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["ok"] is True and report["schema"] == SCHEMA_VERSION
    assert report["counts"]["rooms"] == 0


def test_python_dash_m_exit_codes(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    path.write_text("not a database", encoding="utf-8")
    rejected = run_module("--db", str(path), "check")
    assert rejected.returncode == 1
    assert "not an EstateDesk data file" in rejected.stderr
    assert "Traceback" not in rejected.stderr
    usage = run_module("demo", "--households", "0")
    assert usage.returncode == 2
    assert "positive" in usage.stderr


def test_python_dash_m_with_db_equals_and_a_relative_path(tmp_path: Path) -> None:
    demo = run_module("--db=demo.sqlite3", "demo", "--households", "12", "--seed", "1", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    checked = run_module("--db=demo.sqlite3", "check", "--json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["counts"]["rooms"] == 12


def test_an_unexpected_error_prints_one_line_and_logs_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from estatedesk import cli
    from estatedesk.paths import log_file
    from estatedesk.services import estate as estate_service

    db = tmp_path / "e.sqlite3"
    assert cli.main(["--db", str(db), "init", "--name", "小区"]) == 0

    def broken(_estate: object) -> object:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(estate_service, "check", broken)
    assert cli.main(["--db", str(db), "check"]) == 1
    err = capsys.readouterr().err
    assert "disk on fire" in err and str(log_file()) in err and "Traceback" not in err
    assert "Traceback" in log_file().read_text(encoding="utf-8")
    assert stat.S_IMODE(log_file().stat().st_mode) == 0o600  # a traceback may quote personal data


# ---------------------------------------------------------------- a killed demo or init


KILLABLE_DEMO = """
import sys, time
from estatedesk.cli import main
from estatedesk.services import demo
from estatedesk.store import db

moment, target = sys.argv[1], sys.argv[2]


def stop(*args, **kwargs):
    print(moment, flush=True)
    time.sleep(600)  # until the test kills it


if moment == "making the tables":
    db.migrate = stop
elif moment == "filling":
    demo.refresh_room_summaries = stop  # inside the demo's one transaction
elif moment == "filled":
    generate = demo.generate
    demo.generate = lambda *args, **kwargs: (generate(*args, **kwargs), stop())
elif moment == "renaming":
    db.move_without_replacing = stop
elif moment == "opening":
    db.open_estate = stop
sys.exit(main(["--db", target, "demo", "--households", "300"]))
"""


@pytest.mark.parametrize("moment", ["making the tables", "filling", "filled", "renaming", "opening"])
def test_a_killed_demo_leaves_nothing_that_stops_it_being_run_again(tmp_path: Path, moment: str) -> None:
    target = tmp_path / "demo.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_DEMO, moment, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == moment, process.stderr.read() if process.stderr else ""
    finally:
        process.kill()
        process.wait(timeout=30)
    if moment == "opening":  # killed after the rename: the file is there, whole
        assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite3"]
        assert run("--db", str(target), "check", "--json")[0] == EXIT_OK
        return
    assert not target.exists()
    again = run_module("--db", str(target), "demo", "--households", "30")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite3"]  # and what it left is gone
    code, out = run("--db", str(target), "check", "--json")
    assert code == EXIT_OK and json.loads(out)["counts"]["rooms"] == 30


# ---------------------------------------------------------------- read-only files


def test_check_of_a_file_on_a_write_protected_stick_prints_its_result_and_exits_0(tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    path = stick / "estate.sqlite3"
    assert run("--db", str(path), "demo", "--households", "20")[0] == EXIT_OK
    before = path.read_bytes()
    checked = run_with_read_only_folder(stick, estatedesk("--db", str(path), "check", "--json"))
    assert checked.returncode == EXIT_OK, checked.stderr
    assert json.loads(checked.stdout)["ok"] is True
    assert "read-only" in checked.stderr and "Traceback" not in checked.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in stick.iterdir()) == ["estate.sqlite3"]


def test_check_of_a_file_that_cannot_be_written_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The probe's case: a read-only file printed "ok": true and then exited 1 (the close's checkpoint)."""
    path = tmp_path / "estate.sqlite3"
    run("--db", str(path), "demo", "--households", "20")
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda path: False)
    code, out = run("--db", str(path), "check", "--json")
    assert code == EXIT_OK
    assert json.loads(out)["ok"] is True
    err = capsys.readouterr().err
    assert err.startswith("note: ") and "open read-only" in err


def test_check_of_a_damaged_file_opens_it_read_only_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "estate.sqlite3"
    run("--db", str(path), "demo", "--households", "200")
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person'").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    code, out = run("--db", str(path), "check", "--json")
    assert code == EXIT_REJECTED
    assert json.loads(out)["ok"] is False
    err = capsys.readouterr().err
    assert "damaged and open read-only" in err
    assert path.read_bytes() == bytes(data)
