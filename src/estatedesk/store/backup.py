"""Backups to a chosen folder (a USB stick) and restores from them, and the file check."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.store.db import (
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    ESTATE_NAME_KEY,
    EstateFile,
    EstateFileError,
    EstateFileInUse,
    EstateFileReadOnly,
    ReadOnlyReason,
    check_header,
    check_integrity,
    connect_read_only,
    copy_database,
    move_aside,
    open_estate,
    undo_move_aside,
)
from estatedesk.store.ledger import stale_open_charges
from estatedesk.store.locking import FileLock, refuse_network_share
from estatedesk.store.migrations import SCHEMA_VERSION, layout_problems, table_layout
from estatedesk.store.repair_log import stale_orders
from estatedesk.store.summaries import stale_summary_count

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class CheckReport:
    """What ``check`` finds in a file: integrity, broken links, version, counts and stale summaries.

    ``stale_summaries`` counts rooms whose stored list summary (their people's names, phones
    and search keys) differs from the people on file: written behind the program's back.
    """

    schema: int
    integrity: list[str]
    foreign_key_problems: int
    counts: dict[str, int] = field(default_factory=dict)
    stale_summaries: int = 0
    layout_problems: list[str] = field(default_factory=list)
    stale_open_charges: int = 0  # charges whose stored open amount differs from their ledger entries
    stale_repair_orders: int = 0  # orders whose stored summary does not follow from their steps

    @property
    def ok(self) -> bool:
        """True when the file is sound, its derived data true, and at this program's schema version."""
        return (
            self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and self.stale_summaries == 0
            and self.stale_open_charges == 0
            and self.stale_repair_orders == 0
            and not self.layout_problems
            and self.schema == SCHEMA_VERSION
        )


def _integrity(connection: sqlite3.Connection) -> tuple[list[str], int]:
    """SQLite's integrity check as the report keeps it (``["ok"]`` when sound), and the broken links."""
    integrity = check_integrity(connection) or ["ok"]
    try:
        broken = len(connection.execute("PRAGMA foreign_key_check").fetchall())
    except sqlite3.DatabaseError as error:  # too damaged to be checked at all
        return [str(error)], 0
    return integrity, broken


def check_estate(estate: EstateFile) -> CheckReport:
    """Check an open estate file and count what it holds."""
    connection: sqlite3.Connection = estate.database.connection()  # type: ignore[no-untyped-call]
    integrity, broken = _integrity(connection)
    schema = int(connection.execute("PRAGMA user_version").fetchone()[0])
    import sqlite_utils  # only the check needs it; keep it out of the program's start

    tables = sqlite_utils.Database(connection)
    stale_open = stale_repairs = 0
    try:
        counts = _counts(connection, tables)
        stale = stale_summary_count(connection)
        if "ledger_entry" in tables.table_names():  # a file older than the fee ledger, opened read-only
            counts |= _ledger_counts(connection, tables)
            stale_open = stale_open_charges(connection)
        if "repair_order" in tables.table_names():
            counts |= {
                "repair_orders": tables["repair_order"].count,
                "open_repair_orders": tables["repair_order"].count_where(
                    "state NOT IN ('closed', 'cancelled')"
                ),
                "facilities": tables["repair_facility"].count_where("archived_at IS NULL"),
            }
            stale_repairs = stale_orders(connection)
    except sqlite3.DatabaseError:  # a damaged file cannot be counted; integrity says why
        counts, stale = {}, 0
    layout = layout_problems(table_layout(connection), schema)
    return CheckReport(schema, integrity, broken, counts, stale, layout, stale_open, stale_repairs)


def _counts(connection: sqlite3.Connection, tables: sqlite_utils.Database) -> dict[str, int]:
    return {
        "buildings": tables["building"].count,
        "units": tables["unit"].count,
        "rooms": tables["room"].count_where("archived_at IS NULL"),
        "archived_rooms": tables["room"].count_where("archived_at IS NOT NULL"),
        "owners": _scalar(connection, "SELECT COUNT(DISTINCT person_id) FROM ownership"),
        "residents": tables["resident"].count,
        "tenants": tables["resident"].count_where("role = 'tenant'"),
        "people": tables["person"].count,
        "parking_spaces": tables["parking_space"].count,
        "audit_entries": tables["audit_entry"].count,
    }


def _ledger_counts(connection: sqlite3.Connection, tables: sqlite_utils.Database) -> dict[str, int]:
    return {
        "fee_items": tables["fee_item"].count,
        "ledger_entries": tables["ledger_entry"].count,
        "charges": tables["ledger_entry"].count_where("kind = 'charge'"),
        "receipts": tables["ledger_entry"].count_where("kind = 'payment'"),
        "void_receipts": tables["ledger_entry"].count_where("kind = 'void'"),
    }


def _scalar(connection: sqlite3.Connection, sql: str) -> int:
    return int(connection.execute(sql).fetchone()[0])


BACKUP_WORD = "备份"  # in the file name, as the clerk reads it: 幸福里小区-备份-2026-12-01-0930.sqlite3
BACKUP_SUFFIX = ".sqlite3"
# Characters Windows refuses in a file name, and the device names it reserves (CON, COM1…).
_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
NAME_LIMIT = 60  # characters of the estate's name kept in a backup's name
# The time in a backup's name: 2026-12-01-0930 now, 20261201-093015 in backups made before; and
# in a file kept aside (a clerk may restore one): 恢复前/升级前 now, before-restore/v1 before.
_STAMPS = (
    (re.compile(r"-备份-(\d{4}-\d{2}-\d{2}-\d{4})(?:-\d+)?$"), "%Y-%m-%d-%H%M"),
    (re.compile(r"-backup-(\d{8}-\d{6})$"), "%Y%m%d-%H%M%S"),
    (
        re.compile(f"-(?:{BEFORE_RESTORE}|{BEFORE_UPGRADE})" + r"-(\d{4}-\d{2}-\d{2}-\d{4})(?:-\d+)?$"),
        "%Y-%m-%d-%H%M",
    ),
    (re.compile(r"\.(?:before-restore|v\d+)-(\d{8}-\d{6})$"), "%Y%m%d-%H%M%S"),
)


def file_name_part(text: str, fallback: str) -> str:
    """``text`` made fit for a file name on Windows (and everywhere): ``fallback`` if nothing is left."""
    cleaned = _ILLEGAL.sub("_", text.strip()).rstrip(". ")[:NAME_LIMIT].rstrip(". ")
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned or fallback


def backup_file_name(estate_name: str, taken_at: datetime, attempt: int = 1) -> str:
    """A backup's name: ``<estate name>-备份-YYYY-MM-DD-HHMM.sqlite3``, with ``-2``, ``-3`` on retries."""
    stem = f"{file_name_part(estate_name, 'EstateDesk')}-{BACKUP_WORD}-{taken_at:%Y-%m-%d-%H%M}"
    return f"{stem}{'' if attempt == 1 else f'-{attempt}'}{BACKUP_SUFFIX}"


def back_up(estate: EstateFile, folder: Path) -> Path:
    """Copy the open estate consistently into ``folder`` and verify the copy; return the copy.

    A second backup in the same minute gets ``-2`` (``-3``…) after its time; none ever replaces
    a file already there.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "{path} is not a folder"), path=folder)
    taken_at = datetime.now()
    name = estate.estate_name
    attempt = 1
    while True:
        target = folder / backup_file_name(name, taken_at, attempt)
        try:
            copy_database(estate.path, target, overwrite=False)
            break
        except FileExistsError:
            attempt += 1
        except (OSError, sqlite3.Error) as error:
            raise EstateFileError(
                QT_TRANSLATE_NOOP("messages", "the backup to {path} failed: {reason}"),
                path=folder,
                reason=error,
            ) from None
    verify_backup(target)
    return target


@dataclass(frozen=True)
class BackupInfo:
    """What the restore confirmation tells of a backup: when it was taken, of which estate, how many rooms."""

    path: Path
    taken_at: datetime
    estate_name: str
    rooms: int
    schema: int


def backup_info(path: Path) -> BackupInfo:
    """Read what a backup holds without writing anything (it may be on a write-protected stick).

    The time comes from the backup's name (new and old names), else from the file's own time.
    Refuses a file that is not an EstateDesk file or is newer than this program, as a restore would.
    """
    path = Path(path)
    schema = check_header(path)
    try:
        connection = connect_read_only(path)
        try:
            row = connection.execute("SELECT value FROM setting WHERE key = ?", (ESTATE_NAME_KEY,)).fetchone()
            rooms = int(
                connection.execute("SELECT COUNT(*) FROM room WHERE archived_at IS NULL").fetchone()[0]
            )
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "{path} cannot be read: {reason}"), path=path, reason=error
        ) from None
    return BackupInfo(path, backup_time(path), str(row[0]) if row else path.stem, rooms, schema)


def backup_time(path: Path) -> datetime:
    """When a backup was taken: the time in its name, else when the file was last written."""
    for pattern, layout in _STAMPS:
        found = pattern.search(path.stem)
        if found:
            try:
                return datetime.strptime(found.group(1), layout)
            except ValueError:
                break  # digits that are no time (a name the clerk typed): the file's own time
    return datetime.fromtimestamp(os.stat(path).st_mtime)


def verify_backup(path: Path) -> int:
    """Refuse a backup that is foreign, newer or damaged; return its schema version."""
    version = check_header(path)
    try:
        connection = connect_read_only(path)
        try:
            integrity, broken = _integrity(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "{path} cannot be read: {reason}"), path=path, reason=error
        ) from None
    if integrity != ["ok"] or broken:
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "{path} is damaged and cannot be restored"), path=path
        )
    return version


@dataclass
class RestoreResult:
    """The estate opened from a backup, and where the file it replaced was kept."""

    estate: EstateFile
    kept_aside: Path


def restore(estate: EstateFile, backup: Path) -> RestoreResult:
    """Replace the open estate's file by ``backup``, keeping the current file aside.

    The backup is checked before anything is touched; the current file is closed and
    renamed, never overwritten, so a wrong restore can be undone by hand.
    """
    backup = Path(backup).resolve()
    if backup == estate.path or (backup.exists() and os.path.samefile(backup, estate.path)):
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "{path} is the file already open"), path=backup)
    if not estate.writable:  # a damaged file can be replaced; one on a write-protected stick cannot
        raise EstateFileReadOnly(estate.path, estate.read_only or ReadOnlyReason.NOT_WRITABLE)
    verify_backup(backup)
    target = estate.path
    estate.close()
    kept = move_aside(target, BEFORE_RESTORE)
    try:
        copy_database(backup, target)
        restored = open_estate(target)
    except BaseException as error:
        undo_move_aside(kept, target)
        if isinstance(error, OSError | sqlite3.Error):  # a full disk, a stick pulled out
            raise _restore_failed(backup, error) from error
        raise
    return RestoreResult(restored, kept)


def _restore_failed(backup: Path, error: OSError | sqlite3.Error) -> EstateFileError:
    """What to tell of a restore that failed for the disk, the file it was to replace left as it was."""
    return EstateFileError(
        QT_TRANSLATE_NOOP("messages", "restoring {path} failed ({reason}); the data file was left as it was"),
        path=backup,
        reason=error,
    )


def restore_onto(path: Path, backup: Path) -> RestoreResult:
    """Put a checked backup at ``path``, in place of a file there too damaged to be opened at all.

    The file at ``path`` is never opened (``open_estate`` refuses it: ``EstateFileUnreadable``),
    only locked while it is moved aside, so that no other EstateDesk is at it; it is kept, with
    its journal, never deleted. The backup is checked before anything is touched; if what
    follows fails, the damaged file gets its name back. (The damaged file itself, chosen as the
    backup, is refused by that check.)
    """
    path = Path(path).resolve()
    backup = Path(backup).resolve()
    if not path.is_file():
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "{path} does not exist"), path=path)
    refuse_network_share(path)
    verify_backup(backup)
    lock = FileLock.acquire(path)
    try:
        if os.name == "nt":
            lock.release()  # Windows renames no file that is open
        kept = move_aside(path, BEFORE_RESTORE)
    except OSError as error:
        raise _restore_failed(backup, error) from error
    finally:
        lock.release()  # on POSIX it holds the file now kept aside: nothing of ours writes there
    try:
        copy_database(backup, path, overwrite=False)
    except FileExistsError:  # a file was made at that name meanwhile: it stays, and so does the kept one
        raise EstateFileError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{path} was made again while the backup was being restored; the damaged file is at {kept}",
            ),
            path=path,
            kept=kept,
        ) from None
    except BaseException as error:
        undo_move_aside(kept, path)
        if isinstance(error, OSError | sqlite3.Error):
            raise _restore_failed(backup, error) from error
        raise
    try:
        restored = open_estate(path)
    except EstateFileInUse:
        raise  # another EstateDesk opened the restored file meanwhile: it is in place, and theirs
    except BaseException as error:
        undo_move_aside(kept, path)
        if isinstance(error, OSError | sqlite3.Error):
            raise _restore_failed(backup, error) from error
        raise
    return RestoreResult(restored, kept)
