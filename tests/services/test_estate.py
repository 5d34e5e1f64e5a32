"""services.estate: the open estate file as the window and the command line hold it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from estatedesk.domain.errors import EstateDeskError
from estatedesk.services import demo, households
from estatedesk.services import estate as estates
from estatedesk.services.estate import Estate
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store import audit
from estatedesk.store import backup as store_backup
from estatedesk.store.models import AuditEntry, database_proxy


class Boom(Exception):
    """Raised on purpose."""


def room(number: str) -> RoomInput:
    return RoomInput("3", "2", number, "89.5", owners=[PersonInput(f"李喆{number}", f"13800138{number}")])


def codes() -> list[str]:
    return [row.code for row in households.list_rooms(include_archived=True)]


def leftovers(path: Path) -> list[Path]:
    """The data file and its journal files, as far as they exist."""
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Estate]:
    """A new estate with one room, through the service, closed after the test."""
    made = estates.create_estate(tmp_path / "estate.sqlite3", "幸福里小区")
    households.create_room(room("501"))
    yield made
    made.close()


# ---------------------------------------------------------------- open, create, demo


def test_a_new_estate_is_open_under_its_name(tmp_path: Path) -> None:
    made = estates.create_estate(tmp_path / "new.sqlite3", "  幸福里小区 ")
    try:
        assert made.name == "幸福里小区"
        assert made.path == (tmp_path / "new.sqlite3").resolve()
        assert not made.closed
        assert made.copy_before_upgrade is None
        assert households.estate_counts().rooms == 0
    finally:
        made.close()
    assert made.closed


def test_an_estate_closed_can_be_opened_again_with_its_data(opened: Estate) -> None:
    path = opened.path
    opened.close()
    again = estates.open_estate(path)
    try:
        assert again.name == "幸福里小区"
        assert codes() == ["3-2-501"]
    finally:
        again.close()


def test_opening_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EstateDeskError):
        estates.open_estate(tmp_path / "nowhere.sqlite3")


def test_creating_over_an_existing_file_is_refused_and_the_open_estate_stays(opened: Estate) -> None:
    with pytest.raises(EstateDeskError):
        estates.create_estate(opened.path, "又一个小区")
    assert codes() == ["3-2-501"]
    assert opened.name == "幸福里小区"


def test_a_demo_estate_is_made_with_its_summary(tmp_path: Path) -> None:
    made = estates.create_demo(tmp_path / "demo.sqlite3", "演示小区", 30, seed=3)
    try:
        assert made.estate.name == "演示小区"
        assert made.summary.rooms == 30
        assert households.estate_counts().rooms == 30
        assert made.summary.buildings >= 1
    finally:
        made.estate.close()


def test_a_failed_demo_leaves_no_file_and_the_open_estate_answers(
    opened: Estate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_households: int, _seed: int = 1) -> demo.DemoSummary:
        raise Boom

    monkeypatch.setattr(demo, "generate", broken)
    target = tmp_path / "demo.sqlite3"
    with pytest.raises(Boom):
        estates.create_demo(target, "演示小区", 30)
    assert leftovers(target) == []
    assert not opened.closed
    assert households.estate_counts().rooms == 1
    assert codes() == ["3-2-501"]
    households.create_room(room("502"))  # and it still takes writes
    assert codes() == ["3-2-501", "3-2-502"]


def test_a_demo_failing_halfway_through_its_rows_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = demo.generate

    def half(households_wanted: int, seed: int = 1) -> demo.DemoSummary:
        real(households_wanted, seed)  # rows are written, then something fails
        raise Boom

    monkeypatch.setattr(demo, "generate", half)
    target = tmp_path / "demo.sqlite3"
    before = database_proxy.obj
    with pytest.raises(Boom):
        estates.create_demo(target, "演示小区", 10)
    assert leftovers(target) == []
    assert database_proxy.obj is before  # the models point where they pointed before


# ---------------------------------------------------------------- backup and restore


def test_back_up_then_restore_brings_the_old_data_back_into_the_same_estate(
    opened: Estate, tmp_path: Path
) -> None:
    folder = tmp_path / "U盘"
    folder.mkdir()
    copy = estates.back_up(opened, folder)
    assert copy.parent == folder and copy.is_file()
    households.create_room(room("502"))
    assert codes() == ["3-2-501", "3-2-502"]

    kept = estates.restore(opened, copy)

    assert kept.is_file() and kept != opened.path
    assert not opened.closed
    assert opened.path == (tmp_path / "estate.sqlite3").resolve()
    assert opened.name == "幸福里小区"
    assert codes() == ["3-2-501"]
    households.create_room(room("601"))  # the restored file takes writes
    assert codes() == ["3-2-501", "3-2-601"]
    assert estates.check(opened).ok


def test_backing_up_to_a_missing_folder_is_refused(opened: Estate, tmp_path: Path) -> None:
    with pytest.raises(EstateDeskError):
        estates.back_up(opened, tmp_path / "no such folder")


def test_a_damaged_backup_is_refused_and_the_estate_keeps_its_data(opened: Estate, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    with pytest.raises(EstateDeskError):
        estates.restore(opened, damaged)
    assert not opened.closed
    assert codes() == ["3-2-501"]
    households.create_room(room("502"))
    assert codes() == ["3-2-501", "3-2-502"]


def test_a_restore_failing_after_the_file_was_closed_opens_the_old_file_again(
    opened: Estate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = estates.back_up(opened, tmp_path)
    households.create_room(room("502"))  # only in the open file, not in the backup

    def full_disk(_source: Path, _target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_backup, "copy_database", full_disk)
    replaced = opened.replaced
    with pytest.raises(EstateDeskError, match="No space left on device"):
        estates.restore(opened, copy)

    assert not opened.closed
    assert opened.replaced == replaced + 1  # the file it had, opened again: to be shown afresh
    assert opened.path == (tmp_path / "estate.sqlite3").resolve()
    assert codes() == ["3-2-501", "3-2-502"]
    households.create_room(room("601"))
    assert codes() == ["3-2-501", "3-2-502", "3-2-601"]


def test_a_restore_whose_file_cannot_even_be_opened_again_leaves_the_estate_closed(
    opened: Estate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = estates.back_up(opened, tmp_path)

    def full_disk(_source: Path, _target: Path) -> Path:
        raise OSError(28, "No space left on device")

    def locked(_path: Path) -> object:
        raise EstateDeskError("{path} is open in another EstateDesk window", path="x")

    monkeypatch.setattr(store_backup, "copy_database", full_disk)
    monkeypatch.setattr(estates.db, "open_estate", locked)
    with pytest.raises(
        EstateDeskError, match="No space left on device"
    ):  # the restore's error, not the reopen's
        estates.restore(opened, copy)
    assert opened.closed


def test_a_refused_backup_leaves_the_estate_as_it_was(opened: Estate, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    replaced = opened.replaced
    with pytest.raises(EstateDeskError):
        estates.restore(opened, damaged)
    assert (opened.closed, opened.replaced) == (False, replaced)
    assert codes() == ["3-2-501"]


def test_restoring_the_open_file_onto_itself_is_refused(opened: Estate) -> None:
    with pytest.raises(EstateDeskError):
        estates.restore(opened, opened.path)
    assert codes() == ["3-2-501"]


# ---------------------------------------------------------------- check, clerk, threads


def test_check_reports_a_sound_file_and_its_counts(opened: Estate) -> None:
    report = estates.check(opened)
    assert report.ok
    assert report.integrity == ["ok"]
    assert report.counts["rooms"] == 1
    assert report.counts["owners"] == 1


def test_check_finds_a_summary_changed_behind_the_programs_back(opened: Estate) -> None:
    database_proxy.execute_sql("UPDATE room SET owners_text = '冒名'")
    report = estates.check(opened)
    assert report.stale_summaries == 1
    assert not report.ok


def test_set_clerk_names_who_made_the_next_changes(opened: Estate) -> None:
    estates.set_clerk("王会计")
    households.create_room(room("502"))
    estates.set_clerk(None)
    households.create_room(room("601"))
    actors = {
        entry.room_code: entry.actor
        for entry in AuditEntry.select().where(AuditEntry.entity == "room", AuditEntry.action == "create")
    }
    assert actors["3-2-502"] == "王会计"
    assert actors["3-2-601"] == audit.system_user()


def test_a_blank_clerk_name_is_the_system_user(opened: Estate) -> None:
    estates.set_clerk("   ")
    households.create_room(room("502"))
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert last.actor == audit.system_user()


def run_on_a_thread(work: Callable[[], object]) -> tuple[object, BaseException | None]:
    outcome: list[object] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as error:
            failure.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    return (outcome[0] if outcome else None), (failure[0] if failure else None)


def test_worker_thread_lets_a_plain_thread_read_the_open_file(opened: Estate) -> None:
    def read() -> tuple[list[str], bool]:
        with estates.worker_thread():
            rows = [row.code for row in households.list_rooms()]
        database = database_proxy.obj
        return rows, database is not None and database.is_closed()

    result, failure = run_on_a_thread(read)
    assert failure is None
    assert result == (["3-2-501"], True)  # and the thread's connection is closed afterwards
    assert codes() == ["3-2-501"]  # the main thread's connection is its own, still open


def test_a_thread_without_its_own_connection_cannot_read(opened: Estate) -> None:
    _result, failure = run_on_a_thread(households.list_rooms)
    assert failure is not None


# ---------------------------------------------------------------- what the window is told (issue 6)


def test_a_sound_file_is_open_for_changes(opened: Estate) -> None:
    assert opened.read_only is None and opened.damage == [] and opened.can_restore


def test_a_file_that_cannot_be_written_says_why_and_refuses_every_write(
    opened: Estate, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = opened.path
    opened.close()
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda path: False)
    estate = estates.open_estate(path)
    try:
        assert estate.read_only is estates.ReadOnlyReason.NOT_WRITABLE
        assert not estate.can_restore
        assert codes() == ["3-2-501"]
        with pytest.raises(estates.EstateFileReadOnly) as refused:
            households.create_room(room("502"))
        assert isinstance(refused.value, estates.EstateFileError)
        assert refused.value.message.startswith(f"{path} is open read-only")
        assert codes() == ["3-2-501"]
    finally:
        estate.close()


def test_a_file_open_elsewhere_is_refused_with_an_error_of_its_own(opened: Estate) -> None:
    with pytest.raises(estates.EstateFileInUse):
        estates.open_estate(opened.path)
    assert codes() == ["3-2-501"]  # and the open one still answers


def test_backup_info_for_the_restore_confirmation(opened: Estate, tmp_path: Path) -> None:
    folder = tmp_path / "U盘"
    folder.mkdir()
    backup = estates.back_up(opened, folder)
    assert backup.name.startswith(f"{opened.name}-备份-")
    info = estates.backup_info(backup)
    assert (info.estate_name, info.rooms) == (opened.name, 1)
    assert info.taken_at.strftime("%Y-%m-%d-%H%M") in backup.name


def test_fold_journal_puts_what_waits_in_the_journal_into_the_file(opened: Estate, tmp_path: Path) -> None:
    database_proxy.execute_sql("PRAGMA wal_autocheckpoint = 0")  # as if a reader had held the fold back
    households.create_room(room("502"))
    copy = tmp_path / "copy.sqlite3"

    def codes_in_the_file_alone() -> list[str]:
        copy.write_bytes(opened.path.read_bytes())
        connection = sqlite3.connect(copy)
        try:
            return [row[0] for row in connection.execute("SELECT code FROM room ORDER BY code")]
        finally:
            connection.close()

    assert codes_in_the_file_alone() == ["3-2-501"]
    opened.fold_journal()
    assert codes_in_the_file_alone() == ["3-2-501", "3-2-502"]


# ---------------------------------------------------------------- a file too damaged to open at all


def _first_page_damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = (bytes(range(256)) * 16)[: 4096 - 100]
    path.write_bytes(bytes(data))


def test_a_backup_restored_onto_a_file_too_damaged_to_open_opens_and_the_file_is_kept(
    opened: Estate, tmp_path: Path
) -> None:
    """Before, such a file was refused outright, and the only restore there was needed it open."""
    folder = tmp_path / "usb"
    folder.mkdir()
    backup = estates.back_up(opened, folder)
    path = opened.path
    opened.close()
    _first_page_damaged(path)
    damaged = path.read_bytes()
    with pytest.raises(estates.EstateFileUnreadable, match="malformed"):
        estates.open_estate(path)

    restored = estates.restore_onto(path, backup)
    try:
        assert restored.estate.path == path and restored.estate.read_only is None
        assert restored.estate.name == "幸福里小区" and codes() == ["3-2-501"]
        assert restored.kept_aside.parent == path.parent and "恢复前" in restored.kept_aside.name
        assert restored.kept_aside.read_bytes() == damaged
        households.create_room(room("502"))  # open for work
    finally:
        restored.estate.close()
