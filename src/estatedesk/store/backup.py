"""Backups to a chosen folder (a USB stick) and restores from them, and the file check."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.store.db import (
    EstateFile,
    EstateFileError,
    check_header,
    copy_database,
    move_aside,
    open_estate,
    read_only_uri,
)
from estatedesk.store.migrations import SCHEMA_VERSION, layout_problems, table_layout
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

    @property
    def ok(self) -> bool:
        """True when the file is sound, its derived data true, and at this program's schema version."""
        return (
            self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and self.stale_summaries == 0
            and not self.layout_problems
            and self.schema == SCHEMA_VERSION
        )


def _integrity(connection: sqlite3.Connection) -> tuple[list[str], int]:
    try:
        integrity = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
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
    try:
        counts = _counts(connection, tables)
        stale = stale_summary_count(connection)
    except sqlite3.DatabaseError:  # a damaged file cannot be counted; integrity says why
        counts, stale = {}, 0
    layout = layout_problems(table_layout(connection), schema)
    return CheckReport(schema, integrity, broken, counts, stale, layout)


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


def _scalar(connection: sqlite3.Connection, sql: str) -> int:
    return int(connection.execute(sql).fetchone()[0])


def backup_file_name(estate: EstateFile) -> str:
    """The name a backup of ``estate`` gets: the file's name and the time it was taken."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{estate.path.stem}-backup-{stamp}{estate.path.suffix or '.sqlite3'}"


def back_up(estate: EstateFile, folder: Path) -> Path:
    """Copy the open estate consistently into ``folder`` and verify the copy."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "{path} is not a folder"), path=folder)
    target = folder / backup_file_name(estate)
    try:
        copy_database(estate.path, target)
    except (OSError, sqlite3.Error) as error:
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "the backup to {path} failed: {reason}"), path=folder, reason=error
        ) from None
    verify_backup(target)
    return target


def verify_backup(path: Path) -> int:
    """Refuse a backup that is foreign, newer or damaged; return its schema version."""
    version = check_header(path)
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
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
    if backup == estate.path:
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "{path} is the file already open"), path=backup)
    verify_backup(backup)
    target = estate.path
    estate.close()
    kept = move_aside(target, "before-restore")
    try:
        copy_database(backup, target)
        restored = open_estate(target)
    except BaseException as error:
        target.unlink(missing_ok=True)
        kept.replace(target)
        if isinstance(error, OSError | sqlite3.Error):  # a full disk, a stick pulled out
            raise EstateFileError(
                QT_TRANSLATE_NOOP(
                    "messages", "restoring {path} failed ({reason}); the data file was left as it was"
                ),
                path=backup,
                reason=error,
            ) from error
        raise
    return RestoreResult(restored, kept)
