"""The import loop (services/interchange/importing.py): all or nothing, row errors, progress, cancel."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from peewee import IntegrityError, OperationalError

from estatedesk.services import households
from estatedesk.services.households import writer as room_writer
from estatedesk.services.households.sheet import preview_households
from estatedesk.services.interchange import ImportCancelled
from estatedesk.services.interchange import run_import as import_households
from estatedesk.store import audit
from estatedesk.store.db import EstateFile
from estatedesk.store.models import AuditEntry
from helpers.households_sheet import counts, detail, error_lines, good, import_file, write_csv, write_xlsx

# ---------------------------------------------------------------- what is written


def test_nothing_is_written_while_any_row_is_bad(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    rows = [good(number=str(n)) for n in range(101, 111)] + [good(number="999", area="-1")]
    before = counts()
    result = import_file(write_xlsx(tmp_path / "h.xlsx", rows))
    assert (result.written, result.imported) == (False, 0)
    assert error_lines(result.errors) == [(12, "专有面积", "the area must be above 0 and below 10,000 m²")]
    assert counts() == before


def test_valid_only_writes_the_good_rows_and_reports_the_bad(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    rows = [good(number="101"), good(number="102", owner_phones="1"), good(number="103")]
    result = import_file(write_xlsx(tmp_path / "h.xlsx", rows), valid_only=True)
    assert (result.written, result.imported, result.updated) == (True, 2, 0)
    assert error_lines(result.errors) == [
        (3, "业主电话", "'1' is not a mobile number: 11 digits starting with 1")
    ]
    assert households.find_room_id("3-2-102") is None
    assert households.find_room_id("3-2-101") and households.find_room_id("3-2-103")
    # The same person (name and phone) on two rows is one person owning two rooms.
    assert counts()["people"] == 1
    summary = AuditEntry.select().where(AuditEntry.action == "import").get()
    assert json.loads(summary.after or "null") == {
        "file": "h.xlsx",
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "skipped_rows": [3],
    }


def test_as_json_has_the_documented_shape(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    result = import_file(
        write_csv(tmp_path / "h.csv", [good(), good(number="502", area="0")]), valid_only=True
    )
    assert result.as_json() == {
        "imported": 1,
        "updated": 0,
        "unchanged": 0,
        "errors": [
            {"row": 3, "column": "专有面积", "reason": "the area must be above 0 and below 10,000 m²"},
        ],
        "changes": [
            {"row": 2, "room": "3-2-501", "kind": "new", "fields": [], "removals": [], "warnings": []},
        ],
        "unconfirmed": [],
    }


# ---------------------------------------------------------------- row errors


def test_errors_name_the_header_as_written_in_the_file(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    headers = ["楼号", "单元", "室号", "面积（㎡）", "手机", "户主"]
    path = write_csv(tmp_path / "h.csv", [["3", "2", "501", "0", "138", "张三"]], headers=headers)
    assert error_lines(preview_households(path).errors) == [
        (2, "面积（㎡）", "the area must be above 0 and below 10,000 m²"),
        (2, "手机", "'138' is not a mobile number: 11 digits starting with 1"),
    ]


def test_every_error_of_a_row_is_listed(estate: EstateFile, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", [good(area="x", use="仓库", owner_phones="1")])
    assert [e.column for e in preview_households(path).errors] == ["专有面积", "用途", "业主电话"]


def refuse_owner_writes(monkeypatch: pytest.MonkeyPatch, refusals: Sequence[bool]) -> None:
    """Make the estate file refuse the owners of the rooms written, one answer per room."""
    original = room_writer._write_owners
    answers = iter(refusals)

    def clash(room_id: int, owners: Sequence[int], replacing: bool) -> None:
        if next(answers):
            raise IntegrityError("UNIQUE constraint failed: ownership.room_id, ownership.person_id")
        original(room_id, owners, replacing)

    monkeypatch.setattr(room_writer, "_write_owners", clash)


def test_a_row_the_estate_file_refuses_becomes_a_row_error(
    estate: EstateFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "h.csv", [good(), good(number="502"), good(number="503")])
    refuse_owner_writes(monkeypatch, [False, True, False])
    result = import_file(path, valid_only=True)
    assert (result.imported, [(e.row, e.column) for e in result.errors]) == (2, [(3, "房号")])
    assert result.errors[0].reason.startswith("the estate file refused this row (UNIQUE constraint")
    assert households.find_room_id("3-2-502") is None
    # the rows after the refused one are written whole, with the one owner they share
    assert [p.name for p in detail("3-2-503").owners] == ["张三"]
    assert counts()["people"] == 1


def test_a_refused_row_leaves_nothing_the_next_rows_trip_over(
    estate: EstateFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The refused row made a building, a unit and a person before failing; the savepoint took
    # them back, so the writer must not hand their ids to the next row.
    path = write_csv(
        tmp_path / "h.csv",
        [
            good(building="9", unit="1", number="901", owner_names="新人", owner_phones="13700001111"),
            good(building="9", unit="1", number="902", owner_names="新人", owner_phones="13700001111"),
        ],
    )
    refuse_owner_writes(monkeypatch, [True, False])
    result = import_file(path, valid_only=True)
    assert (result.imported, [e.row for e in result.errors]) == (1, [2])
    assert [(p.name, p.phone) for p in detail("9-1-902").owners] == [("新人", "13700001111")]
    assert households.building_tree() == [("9", ["1"])]
    assert counts()["people"] == 1


# ---------------------------------------------------------------- progress, cancel, failure


def test_progress_is_reported_every_100_rows(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    rows = [good(number=str(1000 + n)) for n in range(250)]
    calls: list[tuple[int, int]] = []
    import_file(write_csv(tmp_path / "h.csv", rows), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 250), (100, 250), (200, 250), (250, 250)]


def test_cancel_rolls_everything_back(
    estate: EstateFile,
    tmp_path: Path,
) -> None:
    rows = [good(number=str(1000 + n)) for n in range(50)]
    preview = preview_households(write_csv(tmp_path / "h.csv", rows))
    before = counts()
    asked = iter(range(1000))
    with pytest.raises(ImportCancelled):
        import_households(preview, cancelled=lambda: next(asked) >= 30)
    assert counts() == before


def test_an_unexpected_database_error_rolls_everything_back(
    estate: EstateFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    preview = preview_households(write_csv(tmp_path / "h.csv", [good(number=str(n)) for n in range(1, 6)]))
    original = audit.record
    calls = iter(range(100))

    def failing(*args: Any, **kwargs: Any) -> Any:
        if next(calls) == 3:
            raise OperationalError("disk I/O error")
        return original(*args, **kwargs)

    monkeypatch.setattr(audit, "record", failing)
    before = counts()
    with pytest.raises(OperationalError):
        import_households(preview)
    assert counts() == before
