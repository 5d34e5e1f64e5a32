"""The command line run in this process, for tests/cli: exit codes, output, refusals, a first estate.

Each area's test module wraps ``succeeds`` and ``refusal`` in its own words (``repairs(db, …)``,
``refused(db, capsys, …)``), so that its tests read as the commands a clerk types.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from estatedesk.cli import EXIT_OK, EXIT_REJECTED, main

# The households import's columns that the CLI tests fill: where, how large, whose, and the flags.
HEADER = ["楼栋", "单元", "房号", "专有面积", "业主姓名", "业主电话", "标记"]


def run(*argv: str) -> tuple[int, str]:
    """Run ``estatedesk ARGV`` in this process; its exit code and what it printed."""
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def usage_error(*argv: str) -> int:
    """Run a command line that argparse refuses; the code it exits with."""
    with pytest.raises(SystemExit) as caught:
        main(list(argv), out=io.StringIO())
    return int(caught.value.code or 0)


def make_estate(folder: Path, rows: Sequence[Sequence[str]]) -> Path:
    """An estate file in ``folder`` with the rooms of ``rows`` (as ``HEADER``), by ``import households``."""
    path = folder / "estate.sqlite3"
    assert run("--db", str(path), "init", "--name", "幸福里小区")[0] == EXIT_OK
    rooms = folder / "rooms.csv"
    with rooms.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows(rows)
    code, out = run("--db", str(path), "import", "households", str(rooms))
    assert code == EXIT_OK, out
    return path


def succeeds(db: Path, area: str, *argv: str) -> str:
    """Run ``AREA …`` on ``db`` and insist that it succeeds; its output."""
    code, out = run("--db", str(db), area, *argv)
    assert code == EXIT_OK, out
    return out


def refusal(db: Path, capsys: pytest.CaptureFixture[str], area: str, *argv: str) -> str:
    """Run ``AREA …`` on ``db``, insist that it exits 1 printing nothing but one error line; that line."""
    capsys.readouterr()
    code, out = run("--db", str(db), area, *argv)
    assert code == EXIT_REJECTED
    assert out == ""
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err.removeprefix("error: ").rstrip("\n")
