"""Backups to a folder, restores from them, and the file check (store/backup.py)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from estatedesk.domain.households import ResidentRole
from estatedesk.services import households
from estatedesk.store.backup import back_up, check_estate, restore, verify_backup
from estatedesk.store.db import (
    EstateFile,
    EstateFileError,
    create_estate,
    open_estate,
    read_header,
    read_only_uri,
)
from estatedesk.store.migrations import SCHEMA_VERSION
from estatedesk.store.models import Room

PAGE = 4096


def room(number: str, owner: str = "王玥", phone: str = "13800138000") -> households.RoomInput:
    return households.RoomInput("3", "2", number, "89.5", owners=[households.PersonInput(owner, phone)])


def codes_in(path: Path) -> list[str]:
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT code FROM room ORDER BY id")]
    finally:
        connection.close()


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def filled(estate: EstateFile) -> EstateFile:
    for number in ("501", "502", "601"):
        households.create_room(room(number, owner=f"李喆{number}", phone=f"13800138{number}"))
    return estate


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    folder = tmp_path / "U盘" / "备份"
    folder.mkdir(parents=True)
    return folder


# ---------------------------------------------------------------- backing up


def test_a_backup_is_a_verified_copy_with_the_data(filled: EstateFile, backups: Path) -> None:
    target = back_up(filled, backups)
    assert target.parent == backups
    assert re.fullmatch(r"estate-backup-\d{8}-\d{6}\.sqlite3", target.name)
    assert verify_backup(target) == SCHEMA_VERSION
    assert codes_in(target) == ["3-2-501", "3-2-502", "3-2-601"]
    assert [p.name for p in backups.iterdir()] == [target.name]  # no .partial left behind


def test_a_backup_holds_changes_not_yet_checkpointed(filled: EstateFile, backups: Path) -> None:
    households.create_room(room("701", owner="张堃", phone="13900139000"))
    assert Path(str(filled.path) + "-wal").stat().st_size > 0  # the change sits in the journal
    assert "3-2-701" in codes_in(back_up(filled, backups))


def test_backup_into_a_folder_with_unusual_characters(filled: EstateFile, tmp_path: Path) -> None:
    folder = tmp_path / "物业 #2 备份"
    folder.mkdir()
    target = back_up(filled, folder)
    assert codes_in(target) == ["3-2-501", "3-2-502", "3-2-601"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["estate.sqlite3", "estate.sqlite3-shm", "estate.sqlite3-wal", "estate.sqlite3.lock", folder.name]
    )


@pytest.mark.parametrize("kind", ["file", "missing"])
def test_backup_to_something_that_is_not_a_folder_is_refused(
    filled: EstateFile, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "target"
    if kind == "file":
        target.write_text("a file")
    with pytest.raises(EstateFileError, match="not a folder"):
        back_up(filled, target)
    if kind == "file":
        assert target.read_text() == "a file"
    else:
        assert not target.exists()


# ---------------------------------------------------------------- restoring


def test_restore_brings_back_the_backup_and_keeps_the_current_file_aside(
    filled: EstateFile, backups: Path
) -> None:
    backup = back_up(filled, backups)
    households.create_room(room("701", owner="张堃", phone="13900139000"))
    path = filled.path

    result = restore(filled, backup)
    try:
        assert filled.closed
        assert result.estate.path == path
        assert [row.code for row in households.list_rooms()] == ["3-2-501", "3-2-502", "3-2-601"]
        assert check_estate(result.estate).ok
        assert result.estate.database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        kept = result.kept_aside
        assert kept.exists() and kept.parent == path.parent
        assert kept.name.startswith("estate.before-restore-")
        assert codes_in(kept) == ["3-2-501", "3-2-502", "3-2-601", "3-2-701"]
        assert codes_in(backup) == ["3-2-501", "3-2-502", "3-2-601"]  # the backup itself is untouched
    finally:
        result.estate.close()


def _truncated(backup: Path) -> None:
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 2])


def _room_page_overwritten(backup: Path) -> None:
    connection = sqlite3.connect(backup)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'room'").fetchone()[0]
    connection.close()
    data = bytearray(backup.read_bytes())
    start = (root - 1) * PAGE
    data[start : start + PAGE] = bytes(range(256)) * (PAGE // 256)
    backup.write_bytes(bytes(data))


def _middle_scribbled(backup: Path) -> None:
    data = bytearray(backup.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 3 * PAGE] = b"\xff" * (3 * PAGE)
    backup.write_bytes(bytes(data))


def _foreign(backup: Path) -> None:
    backup.unlink()
    connection = sqlite3.connect(backup)
    connection.execute("CREATE TABLE room (code TEXT)")
    connection.execute("INSERT INTO room VALUES ('9-9-999')")
    connection.commit()
    connection.close()


def _newer(backup: Path) -> None:
    connection = sqlite3.connect(backup)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()


def _text(backup: Path) -> None:
    backup.write_text("这不是备份", encoding="utf-8")


SPOILERS = {
    "truncated": (_truncated, "damaged|cannot be read"),
    "room page overwritten": (_room_page_overwritten, "damaged|cannot be read"),
    "middle scribbled": (_middle_scribbled, "damaged|cannot be read"),
    "foreign": (_foreign, "not an EstateDesk data file"),
    "newer": (_newer, "newer EstateDesk"),
    "text": (_text, "not an EstateDesk data file"),
}


@pytest.mark.parametrize("spoil", list(SPOILERS))
def test_a_bad_backup_is_refused_and_the_current_file_is_untouched(
    filled: EstateFile, backups: Path, spoil: str
) -> None:
    backup = back_up(filled, backups)
    make_bad, message = SPOILERS[spoil]
    make_bad(backup)
    if spoil != "text" and spoil != "foreign":
        assert read_header(backup)[0] != 0  # the header survived: only the full check finds it
    path = filled.path
    before = dump(path)
    with pytest.raises(EstateFileError, match=message):
        restore(filled, backup)
    assert not filled.closed
    assert [row.code for row in households.list_rooms()] == ["3-2-501", "3-2-502", "3-2-601"]
    assert dump(path) == before
    assert sorted(p.name for p in path.parent.glob("estate.*")) == [
        "estate.sqlite3",
        "estate.sqlite3-shm",
        "estate.sqlite3-wal",
        "estate.sqlite3.lock",
    ]


def test_restoring_the_open_file_onto_itself_is_refused(filled: EstateFile) -> None:
    with pytest.raises(EstateFileError, match="already open"):
        restore(filled, filled.path)
    assert not filled.closed
    assert Room.select().count() == 3


def test_restoring_a_missing_file_is_refused(filled: EstateFile, tmp_path: Path) -> None:
    with pytest.raises(EstateFileError, match="cannot read"):
        restore(filled, tmp_path / "nothing.sqlite3")
    assert not filled.closed


def test_a_restore_that_fails_half_way_puts_the_current_file_back(
    filled: EstateFile, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = back_up(filled, backups)
    households.create_room(room("701", owner="张堃", phone="13900139000"))
    path = filled.path

    def refuse(target: Path) -> EstateFile:
        raise EstateFileError("simulated failure opening {path}", path=target)

    monkeypatch.setattr("estatedesk.store.backup.open_estate", refuse)
    with pytest.raises(EstateFileError, match="simulated"):
        restore(filled, backup)
    assert not list(path.parent.glob("estate.before-restore-*"))
    assert codes_in(path) == ["3-2-501", "3-2-502", "3-2-601", "3-2-701"]
    reopened = open_estate(path)
    reopened.close()


# ---------------------------------------------------------------- the check


def test_check_counts_what_the_file_holds(estate: EstateFile) -> None:
    first = households.create_room(
        households.RoomInput(
            "3",
            "2",
            "501",
            "89.5",
            owners=[households.PersonInput("王玥", "13800138000"), households.PersonInput("李喆")],
            residents=[households.ResidentInput("张堃", "13900139000")],
            parking=["P-001", "P-002"],
        )
    )
    households.create_room(
        households.RoomInput(
            "3",
            "2",
            "502",
            "89.5",
            owners=[households.PersonInput("王玥", "13800138000")],
            residents=[households.ResidentInput("李四", role=ResidentRole.FAMILY)],
        )
    )
    households.update_room(first, households.RoomInput("3", "2", "501", "90"))  # history: archived below
    households.remove_room(first)
    report = check_estate(estate)
    assert report.ok
    assert report.schema == SCHEMA_VERSION
    assert report.integrity == ["ok"] and report.foreign_key_problems == 0
    assert report.counts == {
        "buildings": 1,
        "units": 1,
        "rooms": 1,
        "archived_rooms": 1,
        "owners": 1,
        "residents": 1,
        "tenants": 0,
        "people": 2,
        "parking_spaces": 2,
        "audit_entries": 5,
    }


def test_check_reports_broken_links(estate: EstateFile) -> None:
    households.create_room(room("501"))
    connection = sqlite3.connect(estate.path)  # foreign keys off: what another tool could do
    connection.execute("DELETE FROM person")
    connection.commit()
    connection.close()
    report = check_estate(estate)
    assert report.foreign_key_problems == 1
    assert not report.ok


def test_check_of_a_damaged_file_reports_instead_of_crashing(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    estate = create_estate(path, "小区")
    for number in range(100, 160):
        households.create_room(room(str(number), owner=f"王{number}", phone=f"138001380{number % 100:02d}"))
    estate.close()
    _room_page_overwritten(path)
    estate = open_estate(path)
    try:
        report = check_estate(estate)
    finally:
        estate.close()
    assert not report.ok
    assert report.integrity != ["ok"]
