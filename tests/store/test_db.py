"""Creating, opening and refusing estate files (store/db.py); the constraints the file enforces."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, tzinfo
from pathlib import Path

import pytest
from peewee import InterfaceError, OperationalError
from platformdirs import user_data_dir

from estatedesk import paths
from estatedesk.services import households
from estatedesk.store import audit, sql
from estatedesk.store.db import (
    APPLICATION_ID,
    BEFORE_RESTORE,
    EstateFile,
    EstateFileError,
    EstateFileHasOtherNames,
    EstateFileReadOnly,
    EstateFileUnreadable,
    ReadOnlyReason,
    can_write,
    copy_database,
    create_estate,
    is_damage,
    move_aside,
    open_estate,
    read_header,
    thread_connection,
    undo_move_aside,
)
from estatedesk.store.locking import FileLock
from estatedesk.store.migrations import SCHEMA_VERSION
from estatedesk.store.models import AuditEntry, Room, Setting, database_proxy
from helpers.read_only import damage_a_table_page


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + side) for side in ("-wal", "-shm", "-journal")]


def snapshot_file(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def make_estate_file(path: Path, name: str = "测试小区") -> Path:
    estate = create_estate(path, name)
    households.create_room(
        households.RoomInput("1", "1", "101", "88.5", owners=[households.PersonInput("王玥", "13800138000")])
    )
    estate.close()
    return path


# ---------------------------------------------------------------- where the file is


def test_default_database_follows_the_data_dir_override(private_data_dir: Path) -> None:
    assert paths.default_database() == private_data_dir / "estate.sqlite3"
    assert paths.log_file().parent == private_data_dir / "logs"


def test_default_database_comes_from_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    expected = Path(user_data_dir("EstateDesk", "EstateDesk", roaming=False)) / "estate.sqlite3"
    assert paths.default_database() == expected


def test_empty_override_falls_back_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, "")
    assert paths.data_dir() == Path(user_data_dir("EstateDesk", "EstateDesk", roaming=False))


# ---------------------------------------------------------------- a new file


def test_a_new_estate_is_a_wal_file_with_foreign_keys_and_its_marks(estate: EstateFile) -> None:
    db = estate.database
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert estate.estate_name == "测试小区"
    assert Setting.get_by_id("estate_name").value == "测试小区"
    created = AuditEntry.get()
    assert (created.action, created.entity) == ("create", "estate")
    assert audit.load(created.after) == {"name": "测试小区"}


def test_the_closed_file_stays_in_wal_mode_and_carries_its_header(estate: EstateFile) -> None:
    path = estate.path
    estate.close()
    assert read_header(path) == (APPLICATION_ID, SCHEMA_VERSION)
    assert not any(side.exists() for side in side_files(path))  # checkpointed on close
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_create_strips_the_name_and_resolves_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    estate = create_estate(Path("sub/estate.sqlite3"), "  幸福里小区 ")
    try:
        assert estate.path == tmp_path / "sub" / "estate.sqlite3"
        assert estate.estate_name == "幸福里小区"
    finally:
        estate.close()


def test_create_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    before = snapshot_file(path)
    with pytest.raises(EstateFileError, match="already exists"):
        create_estate(path, "另一个小区")
    assert snapshot_file(path) == before
    other = tmp_path / "notes.txt"
    other.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(EstateFileError, match="already exists"):
        create_estate(other, "小区")
    assert other.read_text(encoding="utf-8") == "不是数据库"


def test_create_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(EstateFileError, match="already exists"):
        create_estate(tmp_path, "小区")


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_create_refuses_an_empty_name_and_makes_no_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / "estate.sqlite3"
    with pytest.raises(EstateFileError, match="needs a name"):
        create_estate(path, name)
    assert list(tmp_path.iterdir()) == []


def test_create_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(EstateFileError, match="cannot create"):
        create_estate(blocker / "estate.sqlite3", "小区")


def _fail(*args: object, **kwargs: object) -> None:
    raise RuntimeError("disk full")


@pytest.mark.parametrize("breaking", ["audit", "migration"])
def test_a_failed_create_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breaking: str
) -> None:
    path = tmp_path / "estate.sqlite3"
    with monkeypatch.context() as patch:
        if breaking == "audit":
            patch.setattr("estatedesk.store.db.audit.record", _fail)
        else:
            patch.setattr("estatedesk.store.db.MIGRATIONS", {1: _fail})
        with pytest.raises(RuntimeError, match="disk full"):
            create_estate(path, "小区")
    assert not path.exists()
    assert not any(side.exists() for side in side_files(path))
    assert database_proxy.obj is None
    create_estate(path, "小区").close()  # the lock was released and the name is free again
    assert path.exists()


# ---------------------------------------------------------------- opening


def test_open_reads_back_what_was_written(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    estate = open_estate(path)
    try:
        assert estate.estate_name == "测试小区"
        assert estate.migrated_from is None and estate.copy_before_migration is None
        assert [row.code for row in households.list_rooms()] == ["1-1-101"]
        assert estate.database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        estate.close()


def test_close_is_idempotent_and_releases_the_file(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    estate = open_estate(path)
    estate.close()
    estate.close()
    assert estate.closed
    assert database_proxy.obj is None
    FileLock.acquire(path).release()  # nobody holds it any more
    open_estate(path).close()


def test_a_checkpoint_that_fails_on_closing_still_closes_the_database_before_letting_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    estate = open_estate(make_estate_file(tmp_path / "estate.sqlite3"))
    database = estate.database
    original = database.execute_sql

    def pulled_out(sql: str, *args: object, **kwargs: object) -> object:
        if "wal_checkpoint" in sql:
            raise OperationalError("disk I/O error")  # the stick was pulled out
        return original(sql, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", pulled_out)
    with pytest.raises(OperationalError, match="disk I/O"):
        estate.close()
    assert database.is_closed()  # no connection left writing behind a released lock
    assert estate.closed and not estate.lock.held
    assert database_proxy.obj is None


def test_a_closed_file_is_not_reopened_behind_its_released_lock(tmp_path: Path) -> None:
    estate = open_estate(make_estate_file(tmp_path / "estate.sqlite3"))
    estate.close()
    # the models stay bound to the closed database: a query must fail, not reconnect unlocked
    with pytest.raises(InterfaceError):
        Room.select().count()
    assert estate.database.is_closed()


def test_another_thread_queries_only_after_connecting(estate: EstateFile) -> None:
    outcome: list[object] = []

    def work() -> None:
        try:
            Room.select().count()
        except InterfaceError:
            outcome.append("refused")
        estate.database.connect(reuse_if_open=True)
        try:
            outcome.append(Room.select().count())
        finally:
            estate.database.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert outcome == ["refused", 0]
    assert not estate.database.is_closed()  # this thread's connection is its own


def test_the_same_file_cannot_be_opened_twice_in_one_process(estate: EstateFile) -> None:
    with pytest.raises(EstateFileError, match="another EstateDesk"):
        open_estate(estate.path)
    assert Room.select().count() == 0  # the first one still works


def test_open_refuses_a_missing_file_without_creating_it(tmp_path: Path) -> None:
    path = tmp_path / "nothing.sqlite3"
    with pytest.raises(EstateFileError, match="does not exist"):
        open_estate(path)
    assert list(tmp_path.iterdir()) == []


def test_open_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(EstateFileError, match="does not exist"):
        open_estate(tmp_path)


def _text_file(path: Path) -> None:
    path.write_text("房号,面积\n3-2-501,89.5\n" * 20, encoding="utf-8")


def _newline_file(path: Path) -> None:
    path.write_bytes(b"\n")


def _zero_length_file(path: Path) -> None:
    path.write_bytes(b"")


def _short_sqlite_magic(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


def _foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE room (id INTEGER PRIMARY KEY, code TEXT)")
    connection.execute("INSERT INTO room (code) VALUES ('3-2-501')")
    connection.commit()
    connection.close()


def _other_application(path: Path) -> None:
    _foreign_sqlite(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1234")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.close()


def _newer_estate(path: Path) -> None:
    make_estate_file(path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()


def _our_mark_without_a_version(path: Path) -> None:
    make_estate_file(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 0")
    connection.close()


def _negative_version(path: Path) -> None:
    make_estate_file(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = -1")
    connection.close()


REFUSED: dict[str, tuple[Callable[[Path], None], str]] = {
    "text": (_text_file, "not an EstateDesk data file"),
    "newline": (_newline_file, "not an EstateDesk data file"),
    "zero-length": (_zero_length_file, "not an EstateDesk data file"),
    "short-sqlite-magic": (_short_sqlite_magic, "not an EstateDesk data file"),
    "foreign-sqlite": (_foreign_sqlite, "not an EstateDesk data file"),
    "other-application": (_other_application, "not an EstateDesk data file"),
    "newer-schema": (_newer_estate, "newer EstateDesk"),
    "version-0": (_our_mark_without_a_version, "not an EstateDesk data file"),
    "negative-version": (_negative_version, "not an EstateDesk data file"),
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_open_refuses_foreign_and_newer_files_without_touching_them(tmp_path: Path, kind: str) -> None:
    make, message = REFUSED[kind]
    path = tmp_path / "estate.sqlite3"
    make(path)
    assert not any(side.exists() for side in side_files(path))
    before = snapshot_file(path)
    with pytest.raises(EstateFileError, match=message) as caught:
        open_estate(path)
    assert str(path) in caught.value.message
    assert snapshot_file(path) == before
    assert not any(side.exists() for side in side_files(path))
    assert database_proxy.obj is None
    FileLock.acquire(path).release()  # the refused open let go of the lock


def test_the_newer_schema_message_names_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    _newer_estate(path)
    with pytest.raises(EstateFileError) as caught:
        open_estate(path)
    assert caught.value.params["version"] == SCHEMA_VERSION + 1
    assert caught.value.params["supported"] == SCHEMA_VERSION
    assert "please update EstateDesk" in caught.value.message


def _damage_the_first_page(path: Path) -> None:
    """Scribble over page 1 past its header: the marks read, the list of tables does not."""
    data = bytearray(path.read_bytes())
    data[100:4096] = (bytes(range(256)) * 16)[: 4096 - 100]
    path.write_bytes(bytes(data))


def test_a_file_whose_list_of_tables_is_damaged_is_refused_as_unreadable_untouched(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    _damage_the_first_page(path)
    before = path.read_bytes()
    with pytest.raises(EstateFileUnreadable) as caught:
        open_estate(path)
    assert "cannot be read: database disk image is malformed" in caught.value.message
    assert path.read_bytes() == before
    assert database_proxy.obj is None
    FileLock.acquire(path).release()


def _sqlite_error(message: str, code: int | None) -> sqlite3.DatabaseError:
    error = sqlite3.DatabaseError(message)
    if code is not None:
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "damage"),
    [
        (_sqlite_error("database disk image is malformed", 11), True),  # SQLITE_CORRUPT
        (_sqlite_error("file is not a database", 26), True),  # SQLITE_NOTADB
        (_sqlite_error("some future wording", 11 | (1 << 8)), True),  # SQLITE_CORRUPT_VTAB: the code decides
        (_sqlite_error("malformed JSON", 1), False),  # SQLITE_ERROR, however it is worded
        (_sqlite_error("database is locked", 5), False),
        (_sqlite_error("database disk image is malformed", None), True),  # no code: the words
        (OperationalError(_sqlite_error("file is not a database", 26)), True),  # peewee keeps it in .orig
        (OperationalError(_sqlite_error("malformed JSON", 1)), False),
    ],
)
def test_damage_is_told_by_sqlites_error_code(error: Exception, damage: bool) -> None:
    assert is_damage(error) is damage


def test_a_statement_that_fails_for_malformed_json_is_not_called_damage(estate: EstateFile) -> None:
    with pytest.raises(OperationalError, match="malformed JSON"):
        estate.database.execute_sql("SELECT json('{')")


@pytest.mark.parametrize("keep", [8192, 0.5])
def test_a_truncated_estate_file_is_refused_with_a_clear_error(tmp_path: Path, keep: float) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    data = path.read_bytes()
    path.write_bytes(data[: int(keep if keep > 1 else len(data) * keep)])
    with pytest.raises(EstateFileError, match=r"cannot be read: .*malformed"):
        open_estate(path)
    assert database_proxy.obj is None
    FileLock.acquire(path).release()


# ---------------------------------------------------------------- what the file itself refuses


@pytest.fixture
def raw(estate: EstateFile) -> Iterator[sqlite3.Connection]:
    """A second, plain connection to the open estate with one building and one room in it."""
    connection = sqlite3.connect(estate.path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("INSERT INTO building (id, name) VALUES (1, '3')")
    connection.execute("INSERT INTO unit (id, building_id, name) VALUES (1, 1, '2')")
    connection.execute(
        "INSERT INTO room (id, code, building_id, unit_id, number, area_centi, created_at, updated_at)"
        " VALUES (1, '3-2-501', 1, 1, '501', 8950, 'now', 'now')"
    )
    connection.execute("INSERT INTO person (id, name, phone) VALUES (1, '张三', '13800138000')")
    yield connection
    connection.close()


Statement = tuple[str, tuple[object, ...]]


def _room(
    code: str = "3-2-502",
    area: object = 8950,
    use: str = "residential",
    occupancy: str = "self_occupied",
    flag: object = 0,
    number: str = "502",
) -> Statement:
    return (
        "INSERT INTO room (code, building_id, unit_id, number, area_centi, use, occupancy, hardship,"
        " created_at, updated_at) VALUES (?, 1, 1, ?, ?, ?, ?, ?, 'now', 'now')",
        (code, number, area, use, occupancy, flag),
    )


BAD_ROWS: dict[str, Statement] = {
    "zero area": _room(area=0),
    "negative area": _room(area=-100),
    "area of 10000 m2": _room(area=1_000_000),
    "area above 10000 m2": _room(area=5_000_000),
    "area as text": _room(area="89.5"),
    "area as real": _room(area=89.5),
    "empty code": _room(code=""),
    "blank code": _room(code="   "),
    "space-padded code": _room(code=" 3-2-502"),
    "code with trailing space": _room(code="3-2-502 "),
    "duplicate code": _room(code="3-2-501"),
    "blank number": _room(number=" "),
    "bad use": _room(use="office"),
    "bad occupancy": _room(occupancy="squatted"),
    "bad flag": _room(flag=2),
    "null code": (
        "INSERT INTO room (code, building_id, number, area_centi, created_at, updated_at)"
        " VALUES (NULL, 1, '1', 100, 'now', 'now')",
        (),
    ),
    "room in no building": (
        "INSERT INTO room (code, building_id, number, area_centi, created_at, updated_at)"
        " VALUES ('9-1-1', 99, '1', 100, 'now', 'now')",
        (),
    ),
    "empty building name": ("INSERT INTO building (name) VALUES (' ')", ()),
    "duplicate building": ("INSERT INTO building (name) VALUES ('3')", ()),
    "empty unit name": ("INSERT INTO unit (building_id, name) VALUES (1, '')", ()),
    "empty person name": ("INSERT INTO person (name) VALUES ('  ')", ()),
    "phone of 10 digits": ("INSERT INTO person (name, phone) VALUES ('李四', '1380013800')", ()),
    "phone of 12 digits": ("INSERT INTO person (name, phone) VALUES ('李四', '138001380001')", ()),
    "phone not starting with 1": ("INSERT INTO person (name, phone) VALUES ('李四', '23800138000')", ()),
    "phone with a dash": ("INSERT INTO person (name, phone) VALUES ('李四', '138-0013800')", ()),
    "phone with a letter": ("INSERT INTO person (name, phone) VALUES ('李四', '1380013800a')", ()),
    "phone with full-width digits": (
        "INSERT INTO person (name, phone) VALUES ('李四', '1３８００１３８０００')",
        (),
    ),
    "short ID number": ("INSERT INTO person (name, id_number) VALUES ('李四', '11010519491231002')", ()),
    "bad resident role": ("INSERT INTO resident (room_id, person_id, role) VALUES (1, 1, 'lodger')", ()),
    "lease ends before it starts": (
        "INSERT INTO resident (room_id, person_id, role, lease_from, lease_to)"
        " VALUES (1, 1, 'tenant', '2025-03-01', '2025-02-28')",
        (),
    ),
    "resident of no room": ("INSERT INTO resident (room_id, person_id, role) VALUES (99, 1, 'tenant')", ()),
    "owner who is nobody": ("INSERT INTO ownership (room_id, person_id) VALUES (1, 99)", ()),
    "negative owner position": ("INSERT INTO ownership (room_id, person_id, position) VALUES (1, 1, -1)", ()),
    "empty parking code": ("INSERT INTO parking_space (code) VALUES ('')", ()),
    "parking of no room": ("INSERT INTO parking_space (code, room_id) VALUES ('P-1', 99)", ()),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_the_file_refuses_what_must_never_be_stored(raw: sqlite3.Connection, case: str) -> None:
    sql, params = BAD_ROWS[case]
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute(sql, params)


def test_the_good_rows_next_to_the_bad_ones_are_accepted(raw: sqlite3.Connection) -> None:
    # The same statements with good values pass: the refusals above are the constraints at work.
    raw.execute(*_room(area=999_999))
    raw.execute(*_room(code="3-2-503", number="503", area=1, use="garage", occupancy="vacant", flag=1))
    raw.execute(
        "INSERT INTO person (name, phone, id_number) VALUES ('李四', '19912345678', '11010519491231002X')"
    )
    raw.execute(
        "INSERT INTO resident (room_id, person_id, role, lease_from, lease_to)"
        " VALUES (1, 1, 'tenant', '2025-03-01', '2025-03-01')"
    )
    raw.execute("INSERT INTO ownership (room_id, person_id, position) VALUES (1, 1, 0)")
    raw.execute("INSERT INTO parking_space (code, room_id) VALUES ('P-1', 1)")
    assert raw.execute("SELECT COUNT(*) FROM room").fetchone()[0] == 3


def test_a_room_with_people_cannot_lose_its_building(raw: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM building WHERE id = 1")
    raw.execute("INSERT INTO ownership (room_id, person_id) VALUES (1, 1)")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM person WHERE id = 1")


# ---------------------------------------------------------------- copies


@pytest.mark.parametrize("folder", ["备份 #1", "100% 安全", "a?b", "plain"])
def test_copy_database_copies_whatever_the_folder_is_called(tmp_path: Path, folder: str) -> None:
    source_dir = tmp_path / folder
    source = make_estate_file(source_dir / "estate.sqlite3")
    target = copy_database(source, source_dir / "copy.sqlite3")
    assert read_header(target) == (APPLICATION_ID, SCHEMA_VERSION)
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("SELECT code FROM room").fetchall() == [("1-1-101",)]
    finally:
        connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # no stray file beside it
    assert not (source_dir / "copy.sqlite3.partial").exists()


def test_move_aside_renames_and_drops_the_side_files(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    content = path.read_bytes()
    for side in side_files(path)[:2]:
        side.write_bytes(b"")
    moved = move_aside(path, BEFORE_RESTORE)
    assert not path.exists()
    assert moved.parent == tmp_path
    assert re.fullmatch(r"estate-恢复前-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite3", moved.name)
    assert moved.read_bytes() == content
    assert not any(side.exists() for side in side_files(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == [moved.name]


class _OneMoment(datetime):
    """A clock stopped at one moment: every restore happens in the same second."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _OneMoment:
        return cls(2026, 11, 30, 17, 1, 58)


def test_two_files_moved_aside_in_one_minute_are_both_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the second restore in one second replaced the file the first had kept aside."""
    monkeypatch.setattr("estatedesk.store.db.datetime", _OneMoment)
    path = make_estate_file(tmp_path / "estate.sqlite3", "第一个")
    first = move_aside(path, BEFORE_RESTORE)
    make_estate_file(path, "第二个")
    second = move_aside(path, BEFORE_RESTORE)
    make_estate_file(path, "第三个")
    third = move_aside(path, BEFORE_RESTORE)
    assert [kept.name for kept in (first, second, third)] == [
        "estate-恢复前-2026-11-30-1701.sqlite3",
        "estate-恢复前-2026-11-30-1701-2.sqlite3",
        "estate-恢复前-2026-11-30-1701-3.sqlite3",
    ]
    assert [_estate_name_in(kept) for kept in (first, second, third)] == ["第一个", "第二个", "第三个"]


def _estate_name_in(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("SELECT value FROM setting WHERE key = 'estate_name'").fetchone()[0])
    finally:
        connection.close()


def test_a_journal_with_changes_goes_aside_with_its_file_and_comes_back(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(path)], check=True, timeout=60)
    wal = path.with_name(path.name + "-wal")
    journal = wal.read_bytes()
    assert journal
    kept = move_aside(path, BEFORE_RESTORE)
    assert not wal.exists()  # never replayed over the next file of that name
    assert kept.with_name(kept.name + "-wal").read_bytes() == journal
    connection = sqlite3.connect(kept)
    assert connection.execute("SELECT note FROM room").fetchone()[0] == "written before the crash"
    connection.close()

    path.write_bytes(b"a failed restore's file")
    undo_move_aside(kept, path)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT note FROM room").fetchone()[0] == "written before the crash"
    connection.close()
    assert not [p.name for p in tmp_path.iterdir() if BEFORE_RESTORE in p.name]


def test_opening_does_not_write_when_nothing_changes(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    before = path.read_bytes()
    open_estate(path).close()
    assert path.read_bytes() == before
    assert os.path.getsize(path) == len(before)


def test_a_file_whose_tables_do_not_match_its_version_is_refused_untouched(tmp_path: Path) -> None:
    from estatedesk.store.db import EstateFileError, create_estate, open_estate

    path = tmp_path / "changed.sqlite3"
    create_estate(path, "小区").close()
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE room DROP COLUMN note")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(EstateFileError) as refused:
        open_estate(path)
    assert "missing columns note" in refused.value.message
    assert path.read_bytes() == before


def test_the_reference_layout_is_what_a_new_file_has(tmp_path: Path) -> None:
    from estatedesk.store.db import create_estate
    from estatedesk.store.migrations import SCHEMA_VERSION, expected_layout, layout_problems, table_layout

    estate = create_estate(tmp_path / "new.sqlite3", "小区")
    try:
        actual = table_layout(estate.database.connection())
    finally:
        estate.close()
    assert actual == expected_layout(SCHEMA_VERSION)
    assert layout_problems(actual, SCHEMA_VERSION) == []
    assert layout_problems({**actual, "notes": (("x", "TEXT", 0, 0),)}, SCHEMA_VERSION) == [
        "table notes is not an EstateDesk table"
    ]


# ---------------------------------------------------------------- read-only files

FROZEN_V1 = Path(__file__).parents[1] / "migrations" / "data" / "schema_v1.sqlite3"


def _many_rooms(path: Path) -> Path:
    estate = create_estate(path, "测试小区")
    for number in range(100, 160):
        households.create_room(households.RoomInput("1", "1", str(number), "60"))
    estate.close()
    return path


def _every_write_is_refused(reason: ReadOnlyReason) -> None:
    with pytest.raises(EstateFileReadOnly) as refused:
        households.create_room(households.RoomInput("9", "1", "101", "60"))
    assert refused.value.reason is reason
    assert "read-only" in refused.value.message
    with pytest.raises(EstateFileReadOnly), sql.transaction():
        sql.execute("DELETE FROM setting")
    # and SQLite itself refuses what does not go through a transaction
    with pytest.raises(OperationalError, match="readonly"):
        sql.execute("DELETE FROM setting")


def _break_an_index(path: Path) -> None:
    """Make an index disagree with its table, its pages sound (what a stale journal replayed does)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX person_name ON person (phone)'"
        " WHERE name = 'person_name'"
    )
    connection.commit()
    connection.close()


def test_a_file_whose_index_disagrees_with_its_table_opens_read_only(tmp_path: Path) -> None:
    """The quick check passes such a file: it was opened for writing, and lookups went wrong."""
    path = make_estate_file(tmp_path / "estate.sqlite3")
    _break_an_index(path)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    connection.close()
    estate = open_estate(path)
    try:
        assert estate.read_only is ReadOnlyReason.DAMAGED
        assert any("person_name" in line for line in estate.damage)
        _every_write_is_refused(ReadOnlyReason.DAMAGED)
    finally:
        estate.close()


def test_a_file_that_fails_the_quick_check_opens_read_only(tmp_path: Path) -> None:
    path = _many_rooms(tmp_path / "estate.sqlite3")
    damage_a_table_page(path)
    before = path.read_bytes()
    estate = open_estate(path)
    try:
        assert estate.read_only is ReadOnlyReason.DAMAGED
        assert estate.damage and estate.damage != ["ok"]
        assert estate.writable  # a restore may replace it
        assert estate.estate_name == "测试小区"  # what can still be read is shown
        _every_write_is_refused(ReadOnlyReason.DAMAGED)
    finally:
        estate.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]


def test_a_sound_file_opens_for_writing(estate: EstateFile) -> None:
    assert estate.read_only is None and estate.damage == [] and estate.writable


def test_a_file_that_cannot_be_written_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    before = path.read_bytes()
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda path: False)
    estate = open_estate(path)
    try:
        assert estate.read_only is ReadOnlyReason.NOT_WRITABLE
        assert not estate.writable
        assert [room.code for room in households.list_rooms()] == ["1-1-101"]
        _every_write_is_refused(ReadOnlyReason.NOT_WRITABLE)
    finally:
        estate.close()
    assert path.read_bytes() == before
    # the -wal and -shm a read-only connection makes in a folder it can write are taken away again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]


def test_an_older_file_that_cannot_be_written_is_upgraded_in_memory_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    path.write_bytes(FROZEN_V1.read_bytes())
    assert read_header(path)[1] < SCHEMA_VERSION
    before = path.read_bytes()
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda path: False)
    estate = open_estate(path)
    try:
        assert estate.read_only is ReadOnlyReason.NOT_WRITABLE
        assert estate.copy_before_migration is None
        assert estate.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        original = sqlite3.connect(FROZEN_V1)
        expected = [row[0] for row in original.execute("SELECT code FROM room WHERE archived_at IS NULL")]
        original.close()
        assert sorted(room.code for room in households.list_rooms()) == sorted(expected)
        seen: list[int] = []

        def worker() -> None:
            with thread_connection():
                seen.append(Room.select().count())

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert seen == [5]  # a worker thread reads the same upgraded copy
        _every_write_is_refused(ReadOnlyReason.NOT_WRITABLE)
    finally:
        estate.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]


def test_can_write_is_true_for_a_file_in_a_folder_that_can_be_written(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    assert can_write(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]  # its probe is gone
    assert not can_write(tmp_path / "missing.sqlite3")


# ---------------------------------------------------------------- the file alone holds every change


def _codes_in_main_file_alone(path: Path, copy: Path) -> list[str]:
    """Copy the main file without its -wal (as a clerk copying it to a USB stick) and read the copy."""
    copy.write_bytes(path.read_bytes())
    connection = sqlite3.connect(copy)
    try:
        return [row[0] for row in connection.execute("SELECT code FROM room ORDER BY code")]
    finally:
        connection.close()


CRASHING_WRITER = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint = 0")  # the commit stays in the -wal
connection.execute("UPDATE room SET note = 'written before the crash'")
os._exit(0)  # no close, no checkpoint: a crash
"""


def test_opening_after_a_crash_folds_the_journal_into_the_file_first(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(path)], check=True, timeout=60)
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    assert sqlite3.connect(copy).execute("SELECT note FROM room").fetchone()[0] == ""  # only in the -wal
    estate = open_estate(path)
    try:
        assert not wal.exists() or wal.stat().st_size == 0
        copy.write_bytes(path.read_bytes())
        connection = sqlite3.connect(copy)
        assert connection.execute("SELECT note FROM room").fetchone()[0] == "written before the crash"
        connection.close()
    finally:
        estate.close()


def test_while_idle_the_main_file_alone_holds_every_committed_change(
    estate: EstateFile, tmp_path: Path
) -> None:
    households.create_room(households.RoomInput("3", "2", "501", "89.5"))
    assert _codes_in_main_file_alone(estate.path, tmp_path / "copy.sqlite3") == ["3-2-501"]


def test_a_commit_made_while_another_thread_read_is_folded_once_the_work_is_done(
    estate: EstateFile, tmp_path: Path
) -> None:
    reading, committed, done_reading = threading.Event(), threading.Event(), threading.Event()

    def reader() -> None:
        with thread_connection():
            with estate.database.atomic():  # a read transaction over the other thread's commit
                Room.select().count()
                reading.set()
                committed.wait(30)
            done_reading.set()

    def writer() -> None:
        with thread_connection():
            reading.wait(30)
            households.create_room(households.RoomInput("3", "2", "501", "89.5"))
            committed.set()
            done_reading.wait(30)  # its connection closes (and folds) after the reader is done

    threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _codes_in_main_file_alone(estate.path, tmp_path / "copy.sqlite3") == ["3-2-501"]


# ---------------------------------------------------------------- a new file appears whole


def test_a_new_file_is_made_aside_and_appears_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    seen: list[list[str]] = []

    def fill() -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))))
        households.create_room(households.RoomInput("1", "1", "101", "60"))

    estate = create_estate(path, "小区", fill=fill)
    try:
        assert len(seen[0]) == 1 and seen[0][0].startswith(".estate.sqlite3.")
        assert seen[0][0].endswith(".building")
        assert (tmp_path / "estate.sqlite3").name not in seen[0]
        assert [room.code for room in households.list_rooms()] == ["1-1-101"]
    finally:
        estate.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]


def test_a_file_that_appeared_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"

    def someone_else_creates_it() -> None:
        path.write_text("另一个程序的文件", encoding="utf-8")

    with pytest.raises(EstateFileError, match="already exists"):
        create_estate(path, "小区", fill=someone_else_creates_it)
    assert path.read_text(encoding="utf-8") == "另一个程序的文件"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]
    assert database_proxy.obj is None


def test_what_a_killed_creation_left_is_cleared_by_the_next_one(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    for leftover in (".estate.sqlite3.0badf00d.building", ".estate.sqlite3.0badf00d.building-wal"):
        (tmp_path / leftover).write_bytes(b"half made")
    (tmp_path / ".estate.sqlite3.feedface.building-shm").write_bytes(b"journal of a file already gone")
    busy = tmp_path / ".estate.sqlite3.5eed5eed.building"
    busy.write_bytes(b"another program is making this one")
    held = FileLock.acquire(busy)
    try:
        create_estate(path, "小区").close()
    finally:
        held.release()
    assert sorted(p.name for p in tmp_path.iterdir()) == [busy.name, "estate.sqlite3"]


def test_a_new_file_and_its_journal_are_for_their_owner_only(tmp_path: Path) -> None:
    estate = create_estate(tmp_path / "estate.sqlite3", "小区")
    try:
        households.create_room(households.RoomInput("1", "1", "101", "60"))
        for made in tmp_path.iterdir():
            assert stat.S_IMODE(made.stat().st_mode) == 0o600, made.name
    finally:
        estate.close()


def test_a_damaged_file_whose_name_cannot_be_read_goes_by_its_file_name(tmp_path: Path) -> None:
    path = _many_rooms(tmp_path / "幸福里.sqlite3")
    damage_a_table_page(path, table="setting")
    estate = open_estate(path)
    try:
        assert estate.read_only is ReadOnlyReason.DAMAGED
        assert estate.estate_name == "幸福里"
    finally:
        estate.close()


# ---------------------------------------------------------------- a file with another name


def test_a_file_with_a_hard_link_is_refused_by_either_name_untouched(tmp_path: Path) -> None:
    """SQLite names the journal after the name used: a crash under one left it unseen by the other."""
    path = make_estate_file(tmp_path / "estate.sqlite3")
    hard = tmp_path / "hard.sqlite3"
    os.link(path, hard)
    before = snapshot_file(path)
    for name in (path, hard):
        with pytest.raises(EstateFileHasOtherNames) as caught:
            open_estate(name)
        assert "another name" in caught.value.message and "copy the file" in caught.value.message
        assert database_proxy.obj is None
    assert snapshot_file(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3", "hard.sqlite3"]
    FileLock.acquire(path).release()  # not left locked
    hard.unlink()
    open_estate(path).close()


def test_a_copy_of_a_linked_file_opens(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    os.link(path, tmp_path / "hard.sqlite3")
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    estate = open_estate(copy)
    try:
        assert [room.code for room in households.list_rooms()] == ["1-1-101"]
    finally:
        estate.close()


@pytest.mark.parametrize(
    "stray", [".estate.sqlite3.0badf00d.building", "estate-恢复前-2026-11-30-1701.sqlite3"]
)
def test_a_second_name_a_killed_step_of_ours_left_is_removed_on_opening(tmp_path: Path, stray: str) -> None:
    """Renaming without replacing links, then unlinks: a kill in between leaves the file two names."""
    path = make_estate_file(tmp_path / "estate.sqlite3")
    os.link(path, tmp_path / stray)
    estate = open_estate(path)
    try:
        assert [room.code for room in households.list_rooms()] == ["1-1-101"]
        assert estate.lock.status().st_nlink == 1
    finally:
        estate.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]


def test_only_names_of_ours_on_the_same_file_are_removed(tmp_path: Path) -> None:
    path = make_estate_file(tmp_path / "estate.sqlite3")
    other_file = tmp_path / ".estate.sqlite3.5eed5eed.building"  # another file: a creation under way
    other_file.write_bytes(b"another program is making this one")
    kept = tmp_path / "estate-恢复前-2026-11-30-1701.sqlite3"  # a file kept aside for good
    kept.write_bytes(path.read_bytes())
    os.link(path, tmp_path / "mine.sqlite3")  # the clerk's own second name
    with pytest.raises(EstateFileHasOtherNames):
        open_estate(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [other_file.name, kept.name, "estate.sqlite3", "mine.sqlite3"]
    )


KILLED_BETWEEN_LINK_AND_UNLINK = """
import os, sys
from pathlib import Path
from estatedesk.store import db

real_unlink = os.unlink
def killed(path, *args, **kwargs):
    if str(path).endswith(".building"):
        os._exit(9)  # killed after the link, before the unlink
    return real_unlink(path, *args, **kwargs)
os.unlink = killed
db.create_estate(Path(sys.argv[1]), "小区")
"""


@pytest.mark.skipif(os.name == "nt", reason="Windows renames without linking")
def test_a_creation_killed_between_link_and_unlink_leaves_a_file_that_opens(tmp_path: Path) -> None:
    path = tmp_path / "estate.sqlite3"
    done = subprocess.run([sys.executable, "-c", KILLED_BETWEEN_LINK_AND_UNLINK, str(path)], timeout=60)
    assert done.returncode == 9
    assert path.stat().st_nlink == 2  # the finished file, and its .building name
    estate = open_estate(path)
    try:
        assert estate.estate_name == "小区"
    finally:
        estate.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]
