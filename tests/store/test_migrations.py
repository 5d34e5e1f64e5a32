"""Migrations (store/migrations.py): a copy aside first, each step in one transaction with the version."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from estatedesk.services import households
from estatedesk.store import migrations
from estatedesk.store.backup import check_estate
from estatedesk.store.db import (
    APPLICATION_ID,
    EstateFile,
    EstateFileError,
    create_estate,
    open_estate,
    read_header,
)
from estatedesk.store.migrations import MIGRATIONS, SCHEMA_VERSION
from estatedesk.store.models import ALL_MODELS, database_proxy

Step = Callable[[sqlite3.Connection], None]


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def columns(path: Path, table: str) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    finally:
        connection.close()


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """An estate at the current version, with data, closed: the 'old' file of the fake upgrades."""
    path = tmp_path / "estate.sqlite3"
    estate = create_estate(path, "测试小区")
    households.create_room(
        households.RoomInput(
            "3",
            "2",
            "501",
            "89.5",
            owners=[households.PersonInput("张堃", "13800138000")],
            parking=["P-001"],
        ),
        {"new_parking:P-001"},
    )
    estate.close()
    return path


def install(monkeypatch: pytest.MonkeyPatch, extra: dict[int, Step]) -> int:
    """Make the program believe it knows further schema versions."""
    steps = {**MIGRATIONS, **extra}
    version = max(steps)
    for module in ("estatedesk.store.migrations", "estatedesk.store.db"):
        monkeypatch.setattr(f"{module}.MIGRATIONS", steps)
        monkeypatch.setattr(f"{module}.SCHEMA_VERSION", version)
    monkeypatch.setattr("estatedesk.store.backup.SCHEMA_VERSION", version)
    return version


def add_floor(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE room ADD COLUMN floor INTEGER")
    connection.execute("UPDATE room SET floor = CAST(substr(number, 1, 1) AS INTEGER)")


def test_an_older_file_is_copied_aside_then_upgraded(
    old_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_dump = dump(old_file)
    new_version = install(monkeypatch, {SCHEMA_VERSION + 1: add_floor})
    estate = open_estate(old_file)
    try:
        assert estate.migrated_from == SCHEMA_VERSION
        copy = estate.copy_before_migration
        assert copy is not None and copy.exists()
        assert copy.parent == old_file.parent
        # named in the clerk's words, as backups are: estate-升级前-2026-11-30-1701.sqlite3
        assert re.fullmatch(r"estate-升级前-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite3", copy.name)
        # the copy is the old file: same version, same tables, same rows
        assert read_header(copy) == (APPLICATION_ID, SCHEMA_VERSION)
        assert dump(copy) == old_dump
        assert "floor" not in columns(copy, "room")
        # the file itself moved on, with its data
        assert read_header(old_file) == (APPLICATION_ID, new_version)
        assert estate.database.execute_sql("SELECT code, floor FROM room").fetchall() == [("3-2-501", 5)]
        detail = households.room_detail(households.list_rooms()[0].id)
        assert [owner.name for owner in detail.owners] == ["张堃"]
        assert check_estate(estate).ok
    finally:
        estate.close()
    estate = open_estate(old_file)  # a second open finds nothing to do
    try:
        assert estate.migrated_from is None and estate.copy_before_migration is None
    finally:
        estate.close()


def test_a_copy_before_an_upgrade_never_replaces_one_made_in_the_same_minute(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class OneMoment(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> OneMoment:
            return cls(2026, 11, 30, 17, 1)

    monkeypatch.setattr("estatedesk.store.db.datetime", OneMoment)
    earlier = old_file.with_name("estate-升级前-2026-11-30-1701.sqlite3")
    earlier.write_bytes(b"a copy made a moment ago")
    install(monkeypatch, {SCHEMA_VERSION + 1: add_floor})
    estate = open_estate(old_file)
    try:
        assert estate.copy_before_migration == old_file.with_name("estate-升级前-2026-11-30-1701-2.sqlite3")
    finally:
        estate.close()
    assert earlier.read_bytes() == b"a copy made a moment ago"


def test_several_steps_run_once_each_in_order(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[int] = []

    def step(version: int) -> Step:
        def run(connection: sqlite3.Connection) -> None:
            ran.append(version)
            # each step sees the version before it, so it runs inside its own transaction
            assert connection.execute("PRAGMA user_version").fetchone()[0] == version - 1
            assert connection.in_transaction
            connection.execute(f"CREATE TABLE added_in_v{version} (id INTEGER PRIMARY KEY)")

        return run

    first = SCHEMA_VERSION + 1
    install(monkeypatch, {first: step(first), first + 1: step(first + 1), first + 2: step(first + 2)})
    estate = open_estate(old_file)
    estate.close()
    assert ran == [first, first + 1, first + 2]
    assert read_header(old_file)[1] == first + 2
    copies = sorted(old_file.parent.glob("estate-升级前-*.sqlite3"))
    assert len(copies) == 1  # one copy, of the file as it was before the first step
    assert read_header(copies[0])[1] == SCHEMA_VERSION


def test_a_failing_step_rolls_back_and_leaves_the_file_as_it_was(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_dump = dump(old_file)

    def half_done(connection: sqlite3.Connection) -> None:
        add_floor(connection)
        connection.execute("DELETE FROM ownership")
        raise RuntimeError("step failed half-way")

    install(monkeypatch, {SCHEMA_VERSION + 1: half_done})
    with pytest.raises(RuntimeError, match="half-way"):
        open_estate(old_file)
    assert read_header(old_file) == (APPLICATION_ID, SCHEMA_VERSION)
    assert dump(old_file) == old_dump
    assert database_proxy.obj is None

    install(monkeypatch, {})  # the real program still opens the untouched file
    estate = open_estate(old_file)
    try:
        assert [row.owners for row in households.list_rooms()] == ["张堃"]
    finally:
        estate.close()


def test_a_later_failing_step_keeps_the_earlier_ones(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE doomed (id INTEGER)")
        raise RuntimeError("second step failed")

    install(monkeypatch, {SCHEMA_VERSION + 1: add_floor, SCHEMA_VERSION + 2: boom})
    with pytest.raises(RuntimeError):
        open_estate(old_file)
    # each step commits on its own: the file is at the last good version, consistent
    assert read_header(old_file)[1] == SCHEMA_VERSION + 1
    assert "floor" in columns(old_file, "room")
    connection = sqlite3.connect(old_file)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        connection.close()
    assert "doomed" not in tables


def test_a_step_that_breaks_links_is_refused(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_dump = dump(old_file)

    def orphan_owners(connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM person")  # foreign keys are off during steps

    install(monkeypatch, {SCHEMA_VERSION + 1: orphan_owners})
    with pytest.raises(EstateFileError, match="broke 1 links"):
        open_estate(old_file)
    assert read_header(old_file)[1] == SCHEMA_VERSION
    assert dump(old_file) == old_dump


def test_a_new_file_gets_no_copy(tmp_path: Path) -> None:
    estate = create_estate(tmp_path / "estate.sqlite3", "小区")
    estate.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["estate.sqlite3"]


def test_schema_version_is_the_last_step() -> None:
    assert migrations.SCHEMA_VERSION == max(migrations.MIGRATIONS) >= 1
    assert sorted(migrations.MIGRATIONS) == list(range(1, migrations.SCHEMA_VERSION + 1))


def test_every_model_matches_the_tables_the_steps_make(estate: EstateFile) -> None:
    for model in ALL_MODELS:
        table = model._meta.table_name
        expected = {field.column_name for field in model._meta.sorted_fields}
        assert columns(estate.path, table) == expected, table


def test_version_2_gives_each_person_a_landline_the_file_checks() -> None:
    connection = sqlite3.connect(":memory:")
    try:
        MIGRATIONS[1](connection)
        connection.execute("INSERT INTO person (name, phone) VALUES ('王玥', '13800138000')")
        MIGRATIONS[2](connection)
        assert connection.execute("SELECT name, phone, landline FROM person").fetchall() == [
            ("王玥", "13800138000", None)  # everyone on file has none yet
        ]
        for landline in ("0571-88886666", "88886666", "0571-88886666-123"):
            connection.execute("UPDATE person SET landline = ?", (landline,))
        for bad in ("0571 8888", "-0571-88886666", "1234", "0571-88886666 转 1"):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute("UPDATE person SET landline = ?", (bad,))
    finally:
        connection.close()
