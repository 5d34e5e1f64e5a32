"""Backups to a folder, restores from them, and the file check (store/backup.py)."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estatedesk.domain.households import Occupancy, ResidentRole
from estatedesk.services import households
from estatedesk.store.backup import (
    back_up,
    backup_file_name,
    backup_info,
    check_estate,
    file_name_part,
    restore,
    restore_onto,
    verify_backup,
)
from estatedesk.store.db import (
    EstateFile,
    EstateFileError,
    EstateFileInUse,
    EstateFileReadOnly,
    EstateFileUnreadable,
    ReadOnlyReason,
    create_estate,
    open_estate,
    read_header,
    read_only_uri,
)
from estatedesk.store.migrations import SCHEMA_VERSION
from estatedesk.store.models import Room
from helpers.read_only import run_with_read_only_folder

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
    assert re.fullmatch(r"测试小区-备份-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite3", target.name)
    assert verify_backup(target) == SCHEMA_VERSION
    assert codes_in(target) == ["3-2-501", "3-2-502", "3-2-601"]
    assert [p.name for p in backups.iterdir()] == [target.name]  # no .partial left behind


def test_a_backup_holds_changes_not_yet_checkpointed(
    filled: EstateFile, backups: Path, tmp_path: Path
) -> None:
    filled.database.execute_sql("PRAGMA wal_autocheckpoint = 0")  # keep the next change in the journal
    households.create_room(room("701", owner="张堃", phone="13900139000"))
    main_file_alone = tmp_path / "main-only.sqlite3"
    main_file_alone.write_bytes(filled.path.read_bytes())
    assert "3-2-701" not in codes_in(main_file_alone)  # the change sits in the journal only
    assert "3-2-701" in codes_in(back_up(filled, backups))


def test_backup_into_a_folder_with_unusual_characters(filled: EstateFile, tmp_path: Path) -> None:
    folder = tmp_path / "物业 #2 备份"
    folder.mkdir()
    target = back_up(filled, folder)
    assert codes_in(target) == ["3-2-501", "3-2-502", "3-2-601"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["estate.sqlite3", "estate.sqlite3-shm", "estate.sqlite3-wal", folder.name]
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
        assert re.fullmatch(r"estate-恢复前-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite3", kept.name)
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
    assert not list(path.parent.glob("estate-恢复前-*"))
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
            occupancy=Occupancy.RENTED,
            owners=[households.PersonInput("王玥", "13800138000"), households.PersonInput("李喆")],
            residents=[households.ResidentInput("张堃", "13900139000")],
            parking=["P-001", "P-002"],
        ),
        {"new_parking:P-001", "new_parking:P-002"},
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
        "fee_items": 0,
        "ledger_entries": 0,
        "charges": 0,
        "receipts": 0,
        "void_receipts": 0,
        "repair_orders": 0,
        "open_repair_orders": 0,
        "facilities": 0,
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


# ---------------------------------------------------------------- names, and what a backup holds


def test_a_backup_is_named_in_chinese_with_its_date_and_time(filled: EstateFile, backups: Path) -> None:
    before = datetime.now().replace(second=0, microsecond=0)
    target = back_up(filled, backups)
    after = datetime.now()
    found = re.fullmatch(r"测试小区-备份-(\d{4}-\d{2}-\d{2}-\d{4})\.sqlite3", target.name)
    assert found is not None
    assert before <= datetime.strptime(found.group(1), "%Y-%m-%d-%H%M") <= after
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_backups_in_the_same_minute_get_a_number_and_never_replace_one(
    filled: EstateFile, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:  # type: ignore[override]
            return cls(2026, 12, 1, 9, 30, 15)

    monkeypatch.setattr("estatedesk.store.backup.datetime", Frozen)
    first = back_up(filled, backups)
    households.create_room(room("701", owner="张堃", phone="13900139000"))
    second = back_up(filled, backups)
    third = back_up(filled, backups)
    assert [first.name, second.name, third.name] == [
        "测试小区-备份-2026-12-01-0930.sqlite3",
        "测试小区-备份-2026-12-01-0930-2.sqlite3",
        "测试小区-备份-2026-12-01-0930-3.sqlite3",
    ]
    assert "3-2-701" not in codes_in(first)  # the first was not overwritten by the later ones
    assert "3-2-701" in codes_in(second)


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("幸福里小区", "幸福里小区"),
        ('幸福里:3/4号楼 "东区"?*<>|\\', "幸福里_3_4号楼 _东区_______"),
        ("小区\t名\n", "小区_名"),
        ("CON", "_CON"),
        ("com1.旧", "_com1.旧"),
        ("花园小区. ", "花园小区"),
        ("...", "EstateDesk"),
        ("长" * 100, "长" * 60),
    ],
)
def test_the_estate_name_is_made_fit_for_a_windows_file_name(name: str, part: str) -> None:
    assert file_name_part(name, "EstateDesk") == part
    made = backup_file_name(name, datetime(2026, 12, 1, 9, 30))
    assert made == f"{part}-备份-2026-12-01-0930.sqlite3"


@given(st.text(max_size=80))
def test_any_estate_name_gives_a_file_name_windows_accepts(name: str) -> None:
    made = backup_file_name(name, datetime(2026, 12, 1, 9, 30), attempt=2)
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', made)
    stem = made.split("-备份-")[0]
    assert stem and not stem.endswith((".", " "))
    assert not re.fullmatch(r"(?i)(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?", stem)
    assert made.endswith("-备份-2026-12-01-0930-2.sqlite3")


def test_backup_info_tells_when_of_which_estate_and_how_many_rooms(filled: EstateFile, backups: Path) -> None:
    target = back_up(filled, backups)
    before = target.read_bytes()
    info = backup_info(target)
    assert (info.estate_name, info.rooms, info.schema) == ("测试小区", 3, SCHEMA_VERSION)
    assert info.taken_at == datetime.strptime(target.stem.split("-备份-")[1], "%Y-%m-%d-%H%M")
    assert target.read_bytes() == before
    assert sorted(p.name for p in backups.iterdir()) == [target.name]  # read without a journal beside it


def test_backup_info_reads_the_time_of_an_old_name_or_else_of_the_file(
    filled: EstateFile, backups: Path
) -> None:
    old = back_up(filled, backups).rename(backups / "estate-backup-20251130-174502.sqlite3")
    assert backup_info(old).taken_at == datetime(2025, 11, 30, 17, 45, 2)
    renamed = old.rename(backups / "周五的拷贝.sqlite3")
    os.utime(renamed, (datetime(2026, 1, 2, 3, 4).timestamp(),) * 2)
    assert backup_info(renamed).taken_at == datetime(2026, 1, 2, 3, 4)


@pytest.mark.parametrize(
    ("name", "taken_at"),
    [
        ("estate-恢复前-2026-11-30-1701.sqlite3", datetime(2026, 11, 30, 17, 1)),
        ("estate-恢复前-2026-11-30-1701-2.sqlite3", datetime(2026, 11, 30, 17, 1)),
        ("estate-升级前-2026-11-30-1701.sqlite3", datetime(2026, 11, 30, 17, 1)),
        ("estate.before-restore-20261130-170158.sqlite3", datetime(2026, 11, 30, 17, 1, 58)),  # before
        ("estate.v1-20261130-170427.sqlite3", datetime(2026, 11, 30, 17, 4, 27)),
    ],
)
def test_backup_info_reads_the_time_of_a_file_kept_aside(
    filled: EstateFile, backups: Path, name: str, taken_at: datetime
) -> None:
    kept = back_up(filled, backups).rename(backups / name)
    assert backup_info(kept).taken_at == taken_at


@pytest.mark.parametrize("spoil", ["foreign", "newer", "text"])
def test_backup_info_refuses_what_is_no_backup(filled: EstateFile, backups: Path, spoil: str) -> None:
    backup = back_up(filled, backups)
    make_bad, message = SPOILERS[spoil]
    make_bad(backup)
    with pytest.raises(EstateFileError, match=message):
        backup_info(backup)


def test_backup_info_reads_a_data_file_on_a_write_protected_stick(filled: EstateFile, tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    copy = stick / "estate.sqlite3"
    filled.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy.write_bytes(filled.path.read_bytes())  # a live file in WAL mode: reading it needs -shm beside it
    script = (
        "import sys; from estatedesk.store.backup import backup_info; print(backup_info(sys.argv[1]).rooms)"
    )
    done = run_with_read_only_folder(stick, [sys.executable, "-c", script, str(copy)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3"


def test_an_old_named_backup_is_restored(filled: EstateFile, backups: Path) -> None:
    old = back_up(filled, backups).rename(backups / "estate-backup-20251130-174502.sqlite3")
    households.create_room(room("701", owner="张堃", phone="13900139000"))
    result = restore(filled, old)
    try:
        assert [row.code for row in households.list_rooms()] == ["3-2-501", "3-2-502", "3-2-601"]
    finally:
        result.estate.close()


# ---------------------------------------------------------------- restoring over a read-only file


def test_a_damaged_file_open_read_only_can_be_replaced_by_a_backup(filled: EstateFile, backups: Path) -> None:
    backup = back_up(filled, backups)
    path = filled.path
    filled.close()
    _room_page_overwritten(path)
    damaged = open_estate(path)
    assert damaged.read_only is ReadOnlyReason.DAMAGED
    result = restore(damaged, backup)
    try:
        assert result.estate.read_only is None
        assert [row.code for row in households.list_rooms()] == ["3-2-501", "3-2-502", "3-2-601"]
        assert result.kept_aside.exists()  # the damaged file, kept for whoever wants to look at it
    finally:
        result.estate.close()


def test_a_file_that_cannot_be_written_is_not_restored_into(
    tmp_path: Path, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "estate.sqlite3"
    estate = create_estate(path, "小区")
    backup = back_up(estate, backups)
    estate.close()
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda path: False)
    estate = open_estate(path)
    try:
        with pytest.raises(EstateFileReadOnly):
            restore(estate, backup)
        assert not estate.closed
    finally:
        estate.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["U盘", "estate.sqlite3"]


def test_restoring_the_open_file_by_another_name_is_refused(filled: EstateFile, tmp_path: Path) -> None:
    other = tmp_path / "hard-link.sqlite3"
    os.link(filled.path, other)
    with pytest.raises(EstateFileError, match="already open"):
        restore(filled, other)
    assert not filled.closed


# ---------------------------------------------------------------- restoring onto a file too damaged to open


def _first_page_damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:PAGE] = (bytes(range(256)) * 16)[: PAGE - 100]
    path.write_bytes(bytes(data))


@pytest.fixture
def unreadable(filled: EstateFile, backups: Path) -> tuple[Path, Path]:
    """A file too damaged to open (its list of tables), and a backup of it made before."""
    backup = back_up(filled, backups)
    path = filled.path
    filled.close()
    _first_page_damaged(path)
    with pytest.raises(EstateFileUnreadable):
        open_estate(path)
    return path, backup


def test_a_backup_is_restored_onto_a_file_too_damaged_to_open(unreadable: tuple[Path, Path]) -> None:
    path, backup = unreadable
    damaged = path.read_bytes()
    result = restore_onto(path, backup)
    try:
        assert result.estate.path == path and result.estate.read_only is None
        assert [row.code for row in households.list_rooms()] == ["3-2-501", "3-2-502", "3-2-601"]
        assert result.kept_aside.read_bytes() == damaged  # moved aside, never deleted
        assert re.fullmatch(r"estate-恢复前-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite3", result.kept_aside.name)
        assert codes_in(backup) == ["3-2-501", "3-2-502", "3-2-601"]
    finally:
        result.estate.close()


def test_restoring_onto_a_file_checks_the_backup_before_touching_anything(
    unreadable: tuple[Path, Path],
) -> None:
    path, backup = unreadable
    bad = backup.with_name("broken.sqlite3")
    before = sorted(p.name for p in path.parent.iterdir())
    damaged = path.read_bytes()
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(EstateFileError):
        restore_onto(path, bad)
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in path.parent.iterdir()) == before


def test_restoring_onto_a_file_another_estatedesk_holds_is_refused(unreadable: tuple[Path, Path]) -> None:
    path, backup = unreadable
    damaged = path.read_bytes()
    from estatedesk.store.locking import FileLock

    held = FileLock.acquire(path)
    try:
        with pytest.raises(EstateFileInUse):
            restore_onto(path, backup)
    finally:
        held.release()
    assert path.read_bytes() == damaged
    assert not list(path.parent.glob("estate-恢复前-*"))


def test_a_restore_onto_a_file_that_fails_gives_the_damaged_file_its_name_back(
    unreadable: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backup = unreadable
    damaged = path.read_bytes()

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("estatedesk.store.backup.copy_database", full_disk)
    with pytest.raises(EstateFileError, match="left as it was"):
        restore_onto(path, backup)
    assert path.read_bytes() == damaged
    assert not list(path.parent.glob("estate-恢复前-*"))
