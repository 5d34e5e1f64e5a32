"""Ballots keyed in a spreadsheet, and the roll exported: through the generic interchange."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from tests.services.votes.conftest import TOTAL_HEADS, Counter

from estatedesk.services import interchange, votes


def write_csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_the_preview_checks_every_row_as_the_entry_desk_does(counter: Counter, tmp_path: Path) -> None:
    vote_id = counter.open()
    sheet = write_csv(
        tmp_path / "b.csv",
        "房号,意见,委托代理人",
        "9-9-999,同意,",
        "1-1-101,也许,",
        "1-1-102,同意,",
        "1-1-202,反对,张三",
        "2-1-101,反对,",  # 王玥 again: 1-1-101 is hers too, though its row is bad
        "1-1-202,弃权,",
    )
    previewed = interchange.preview(votes.ballots_sheet(vote_id), sheet)
    errors = {(error.row, error.column): error.reason for error in previewed.errors}
    assert "not on this vote's roll" in errors[(2, "房号")]
    assert "unknown answer" in errors[(3, "意见")]
    assert "on row 5 already" in errors[(7, "房号")]
    result = interchange.run_import(previewed)
    assert not result.written and votes.list_ballots(vote_id) == []
    result = interchange.run_import(previewed, valid_only=True)
    assert result.written and result.imported == 3
    rows = {
        row.voter_name: (row.choice.value if row.choice else None, row.proxy_name)
        for row in votes.list_ballots(vote_id)
    }
    assert rows == {"李喆、张堃": ("yes", ""), "刘洋": ("no", "张三"), "王玥": ("no", "")}


def test_an_election_sheet_lists_the_marked_candidates(counter: Counter, tmp_path: Path) -> None:
    vote_id = counter.elect(["王玥", "李喆", "张堃"])
    serial = counter.serial(vote_id, "1-1-202")
    mistyped = serial[:-1] + ("1" if serial[-1] != "1" else "2")
    sheet = write_csv(tmp_path / "e.csv", "票号,所选候选人", f"{serial},王玥、张堃", f"{mistyped},王玥")
    previewed = interchange.preview(votes.ballots_sheet(vote_id), sheet)
    assert [(error.row, error.column) for error in previewed.errors] == [(3, "票号")]  # a mistyped serial
    assert interchange.run_import(previewed, valid_only=True).imported == 1
    assert votes.list_ballots(vote_id)[0].marks == ("王玥", "张堃")


def test_the_roll_exports_one_voter_a_row(counter: Counter, tmp_path: Path) -> None:
    vote_id = counter.open()
    target = tmp_path / "roll.xlsx"
    assert votes.export_roll(vote_id, target) == TOTAL_HEADS
    sheet = load_workbook(target).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["序号", "票号", "业主", "类别", "房号", "面积（㎡）", "可否投票"]
    wang = next(row for row in rows if row[2] == "王玥")
    assert wang[4] == "1-1-101、1-1-201、2-1-101" and float(wang[5]) == 264.75 and wang[6] == "是"
    assert any(row[3] == "建设单位" and row[4] == "9-1-101、9-1-102" for row in rows)
    assert any(row[2] == "（未登记业主）" and row[6].startswith("否") for row in rows)


def test_the_preview_names_a_voter_whose_ballot_is_entered_already(counter: Counter, tmp_path: Path) -> None:
    vote_id = counter.open()
    counter.ballot(vote_id, "1-1-102", "yes")
    sheet = write_csv(tmp_path / "b.csv", "房号,意见", "1-1-101,同意", "1-1-102,反对", "2-1-201,同意")
    previewed = interchange.preview(votes.ballots_sheet(vote_id), sheet)
    errors = {(error.row, error.column): error.reason for error in previewed.errors}
    assert "already entered" in errors[(3, "房号")]  # said at once, with the other bad rows
    assert "no recorded owner" in errors[(4, "房号")]
    assert [row.row for row in previewed.rows] == [2]
