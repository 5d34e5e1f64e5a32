"""Opening, creating and checking an estate file.

One SQLite file per estate. The operating system's lock on the file itself keeps a second
running EstateDesk out, whatever name it reaches the file by, and a file on a network share is
refused (store/locking.py). The header is read without writing before anything else happens,
so a foreign file or a newer schema is refused untouched; then the write-ahead journal a crash
left behind is folded into the file, SQLite's integrity check runs, and an older schema is copied
aside, then migrated. A damaged file, or one that cannot be written (a write-protected USB
stick), opens read-only: for looking, printing and exporting, every write refused. A file with
a second name (a hard link) is refused: SQLite names its journal after the name a file was
opened by, so a crash under one name leaves a journal the other name does not see.
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import DatabaseError, SqliteDatabase

from estatedesk.domain.errors import QT_TRANSLATE_NOOP
from estatedesk.paths import PRIVATE_MODE, move_without_replacing, write_whole
from estatedesk.store import audit
from estatedesk.store.errors import (
    EstateFileDamaged,
    EstateFileError,
    EstateFileHasOtherNames,
    EstateFileInUse,
    EstateFileOnNetwork,
    EstateFileReadOnly,
    EstateFileUnreadable,
    ReadOnlyReason,
)
from estatedesk.store.locking import FileLock, refuse_network_share
from estatedesk.store.migrations import MIGRATIONS, SCHEMA_VERSION, layout_problems, table_layout
from estatedesk.store.models import ALL_MODELS, Setting, database_proxy

__all__ = [
    "APPLICATION_ID",
    "EstateDatabase",
    "EstateFile",
    "EstateFileError",
    "EstateFileHasOtherNames",
    "EstateFileInUse",
    "EstateFileOnNetwork",
    "EstateFileReadOnly",
    "EstateFileUnreadable",
    "ReadOnlyReason",
    "can_write",
    "check_header",
    "check_integrity",
    "connect_read_only",
    "copy_database",
    "create_estate",
    "fold_journal",
    "is_damage",
    "kept_aside_name",
    "migrate",
    "move_aside",
    "open_estate",
    "read_header",
    "read_only_uri",
    "readable_uri",
    "thread_connection",
    "undo_move_aside",
]

APPLICATION_ID = 0x45535444  # "ESTD" in the SQLite header marks an EstateDesk file
SQLITE_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -16000,
    # Fold every commit into the main file at once (a passive checkpoint after each commit, on
    # the committing connection): while the program is idle the .sqlite3 file alone holds every
    # committed change, so a copy of it made without its -wal (to a USB stick) loses nothing.
    "wal_autocheckpoint": 1,
}
# A file open read-only: no journal mode to set (that would write), and SQLite itself refuses
# any write that did not go through EstateDatabase.begin.
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "cache_size": -16000, "query_only": 1}
ESTATE_NAME_KEY = "estate_name"
BUILDING_SUFFIX = ".building"  # a new file being made under a temporary name beside its target
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
SQLITE_CANTOPEN = 14
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
# What a file kept aside is called, in the clerk's words, as backups are (备份): the file a restore
# replaced, and the copy made before this program upgraded a file.
BEFORE_RESTORE = "恢复前"
BEFORE_UPGRADE = "升级前"

# How SQLite says a page it reached is damaged, for an error that carries no code.
_DAMAGE_WORDS = re.compile(r"malformed|not a database")


def is_damage(error: BaseException) -> bool:
    """Whether an SQLite error (or peewee's wrapping of one) says the file is damaged.

    By SQLite's own code (SQLITE_CORRUPT, SQLITE_NOTADB, and their extended codes): a message
    can change between SQLite versions. The text is the fallback for an error without a code.
    peewee keeps the sqlite3 error it wraps in ``orig``.
    """
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return _DAMAGE_WORDS.search(str(original)) is not None


class EstateDatabase(SqliteDatabase):
    """The estate file as peewee sees it; no transaction starts while the file is open read-only.

    Every write a service makes runs in a transaction (``changes.writing`` → ``sql.transaction``
    → ``begin``), so this is the one place that refuses them, before anything is written; and
    SQLite itself refuses a write made outside one (``query_only``, or a read-only connection).
    """

    def __init__(self, database: str, path: Path, read_only: ReadOnlyReason | None, **kwargs: Any) -> None:
        super().__init__(database, **kwargs)
        self.path = path
        self.read_only = read_only

    def begin(self, *args: Any, **kwargs: Any) -> Any:
        """Start a transaction; ``EstateFileReadOnly`` on a read-only file, before anything is written.

        Here rather than in ``atomic``: the models' proxy starts transactions through this too.
        """
        if self.read_only is not None:
            raise EstateFileReadOnly(self.path, self.read_only)
        return super().begin(*args, **kwargs)

    def execute_sql(self, sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        """Run one statement; reaching a damaged page is ``EstateFileDamaged``, which the clerk can act on."""
        try:
            return super().execute_sql(sql, params, *args, **kwargs)  # type: ignore[no-untyped-call]
        except DatabaseError as error:
            if is_damage(error):
                raise EstateFileDamaged(self.path) from error
            raise


@dataclass
class EstateFile:
    """An open estate file: its path, its peewee database and the lock that holds it.

    ``read_only`` says why the file is open for reading only (None: it can be changed);
    ``damage`` is what SQLite's integrity check found; ``writable`` whether the file and its folder
    can be written (a restore needs that, even for a damaged file).
    """

    path: Path
    database: EstateDatabase
    lock: FileLock
    migrated_from: int | None = None
    copy_before_migration: Path | None = None
    read_only: ReadOnlyReason | None = None
    damage: list[str] = field(default_factory=list)
    writable: bool = True
    closed: bool = field(default=False)
    # An upgraded copy in memory of an older file open read-only: this connection keeps it alive.
    memory_copy: sqlite3.Connection | None = None
    # Journal files a read-only connection made beside the file, removed again on closing.
    made_side_files: tuple[Path, ...] = ()

    @property
    def estate_name(self) -> str:
        """The estate's name as stored in the file (the file's name when it cannot be read there)."""
        try:
            row = Setting.get_or_none(Setting.key == ESTATE_NAME_KEY)
        except EstateFileDamaged:  # open read-only for that: its title still needs a name
            return self.path.stem
        return str(row.value) if row is not None else self.path.stem

    def close(self) -> None:
        """Checkpoint the journal into the file, close it and release the lock.

        A file open read-only is only closed: a checkpoint would write (and fail on a
        write-protected stick, which is why ``check`` and ``export`` used to exit 1 there).
        """
        if self.closed:
            return
        try:
            try:
                if not self.database.is_closed() and self.read_only is None:
                    self.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                # Closed even when the checkpoint failed (a stick pulled out): the lock goes
                # below, and a connection left open behind it would still write to the file.
                if not self.database.is_closed():
                    self.database.close()
        finally:
            if database_proxy.obj is self.database:
                database_proxy.initialize(None)
            if self.memory_copy is not None:
                self.memory_copy.close()
            _remove_empty_journal(self.made_side_files)
            self.lock.release()  # last: closing its descriptor would drop SQLite's own locks
            self.closed = True


@contextmanager
def thread_connection() -> Iterator[None]:
    """Give the calling (worker) thread its own connection to the open file, closed afterwards.

    peewee keeps one connection per thread and never opens one by itself (no autoconnect).
    """
    database = database_proxy.obj
    if database is not None:
        database.connect(reuse_if_open=True)
    try:
        yield
    finally:
        if database is not None and not database.is_closed():
            # A commit made while another thread was reading could not be folded in whole:
            # the reader is done now, so fold what is left before the program goes idle.
            fold_journal(database)
            database.close()


def fold_journal(database: SqliteDatabase) -> None:
    """Copy committed changes from the -wal journal into the main file, without waiting for anyone.

    Cheap when there is nothing to fold; a no-op on a file open read-only.
    """
    if isinstance(database, EstateDatabase) and database.read_only is not None:
        return
    with suppress(sqlite3.Error, DatabaseError):  # busy: the next commit or close folds it
        database.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[no-untyped-call]


def read_header(path: Path) -> tuple[int, int]:
    """Return ``(application_id, schema_version)`` of a file, reading without writing."""
    try:
        with path.open("rb") as stream:
            head = stream.read(100)
    except OSError as error:
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "cannot read {path}: {reason}"), path=path, reason=error.strerror
        ) from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "{path} is not an EstateDesk data file"), path=path
        )
    # The SQLite header keeps user_version at offset 60 and application_id at 68, big-endian.
    version = int.from_bytes(head[60:64], "big", signed=True)
    application_id = int.from_bytes(head[68:72], "big", signed=True)
    return application_id, version


def check_header(path: Path) -> int:
    """Refuse a file that is not an EstateDesk file or is newer than this program."""
    application_id, version = read_header(path)
    return _check_marks(path, application_id, version)


def _check_marks(path: Path, application_id: int, version: int) -> int:
    if application_id != APPLICATION_ID or version < 1:  # ours are made at version 1 or later
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "{path} is not an EstateDesk data file"), path=path
        )
    if version > SCHEMA_VERSION:
        raise EstateFileError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{path} was written by a newer EstateDesk (data version {version}); "
                "this program reads up to version {supported}: please update EstateDesk",
            ),
            path=path,
            version=version,
            supported=SCHEMA_VERSION,
        )
    return version


def _raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = OFF")  # migrations may rebuild tables
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """A ``file:`` URI that opens ``path`` read-only, whatever characters (#, ?, %) its name holds.

    ``immutable``: SQLite then takes no locks and makes no journal files, and reads the main
    file alone (what a write-protected stick allows; see ``connect_read_only``).
    """
    return Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def readable_uri(path: Path) -> str:
    """A read-only URI that SQLite can open ``path`` with, even on a write-protected USB stick.

    A file in WAL mode needs a -shm file beside it to be read, which SQLite cannot make in a
    folder that cannot be written; such a file is read as immutable when it has no journal
    left (it was closed cleanly), and refused when it has one (a copy of both files can be read).
    """
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return read_only_uri(path)
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorcode", 0) & 0xFF not in (SQLITE_CANTOPEN, SQLITE_READONLY):
            raise
    finally:
        connection.close()
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise EstateFileError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{path} holds recent changes in {journal}, which can only be read where the file can "
                "be written; copy both files to a folder on this PC and open the copy there",
            ),
            path=path,
            journal=wal.name,
        )
    return read_only_uri(path, immutable=True)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that reads ``path`` and cannot write it (see ``readable_uri``)."""
    return sqlite3.connect(readable_uri(path), uri=True)


def can_write(path: Path) -> bool:
    """Whether ``path`` and its folder can be written, as SQLite needs (it makes -wal and -shm beside).

    Tried, not asked (``os.access``): a write-protected USB stick, a read-only mount, a file's
    read-only attribute and access rules all answer the same way. Call it before SQLite opens
    the file: closing the test's descriptor would drop this process's fcntl() locks on it.
    """
    try:
        os.close(os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)))
        probe = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.probe")
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
        probe.unlink()
    except OSError:
        return False
    return True


def copy_database(source: Path, target: Path, overwrite: bool = True) -> Path:
    """Copy a live SQLite file consistently (SQLite's online backup) into one owner-only file.

    The copy is made in memory and written in one go (paths.write_whole): a copy cut short (a
    killed program, a pulled stick) leaves no partial file with people's phone and ID numbers.
    The copy is a single file in rollback-journal mode: in WAL mode every read-only look at it
    (verifying a backup, restoring from a write-protected stick) would need -wal/-shm beside it.
    ``overwrite=False``: an existing ``target`` raises ``FileExistsError`` and is left alone.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    source_connection = connect_read_only(source)
    try:
        memory = sqlite3.connect(":memory:")
        try:
            source_connection.backup(memory)
            content = bytearray(memory.serialize())
        finally:
            memory.close()
    finally:
        source_connection.close()
    # Header bytes 18 and 19 (file format write and read versions) are 2 for WAL, 1 for a rollback
    # journal: what PRAGMA journal_mode = DELETE writes there, for the bytes of a whole database.
    content[18:20] = b"\x01\x01"
    return write_whole(target, content, overwrite=overwrite)


def migrate(path: Path, from_version: int) -> Path | None:
    """Bring a file up to ``SCHEMA_VERSION``, copying it aside first when it held data."""
    if from_version >= SCHEMA_VERSION:
        return None
    copy: Path | None = None
    if from_version > 0:
        copy = _copy_aside(path, BEFORE_UPGRADE)
    connection = _raw_connection(path)
    try:
        _apply_migrations(connection, from_version)
    finally:
        connection.close()
    return copy


def _apply_migrations(connection: sqlite3.Connection, from_version: int) -> None:
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](connection)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {version}")
            problems = connection.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise EstateFileError(
                    QT_TRANSLATE_NOOP("messages", "upgrading to data version {version} broke {count} links"),
                    version=version,
                    count=len(problems),
                )
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")


def _upgraded_in_memory(source: sqlite3.Connection, from_version: int) -> tuple[str, sqlite3.Connection]:
    """An older file open read-only, upgraded in memory: its URI, and the connection keeping it alive.

    Shared cache, so that a worker thread's connection sees the same copy.
    """
    uri = f"file:estatedesk-{uuid.uuid4().hex}?mode=memory&cache=shared"
    memory = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        source.backup(memory)
        memory.execute("PRAGMA foreign_keys = OFF")
        _apply_migrations(memory, from_version)
    except BaseException:
        memory.close()
        raise
    return uri, memory


def _connect(path: Path, read_only: ReadOnlyReason | None = None, uri: str | None = None) -> EstateDatabase:
    # No autoconnect: after close() the models stay bound to this database, and a query would
    # silently reopen the file without its lock. Every thread connects on purpose (this one
    # here, a worker thread in gui/worker.py), and a query on a closed file fails loudly.
    if uri is not None:
        database = EstateDatabase(
            uri, path, read_only, uri=True, pragmas=READ_ONLY_PRAGMAS, autoconnect=False
        )
    else:
        pragmas = PRAGMAS if read_only is None else READ_ONLY_PRAGMAS
        database = EstateDatabase(str(path), path, read_only, pragmas=pragmas, autoconnect=False)
    database.connect()
    _bind(database)
    return database


def _bind(database: SqliteDatabase) -> None:
    database.bind(list(ALL_MODELS), bind_refs=False, bind_backrefs=False)
    database_proxy.initialize(database)


def _check_layout(connection: sqlite3.Connection, path: Path, version: int) -> None:
    problems = layout_problems(table_layout(connection), version)
    if problems:
        raise EstateFileError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{path} does not have the tables of data version {version}: it was changed outside "
                "EstateDesk or is damaged ({problems})",
            ),
            path=path,
            version=version,
            problems="; ".join(problems),
        )


def open_estate(path: Path) -> EstateFile:
    """Open an existing estate file, upgrading it if it is older than this program.

    Raises ``EstateFileInUse`` when another EstateDesk has it open, ``EstateFileOnNetwork`` on a
    network share, ``EstateFileHasOtherNames`` for a file with a hard link, ``EstateFileUnreadable``
    when it is too damaged to be read at all, ``EstateFileError`` when it is not an EstateDesk
    file. A file that fails SQLite's integrity check or cannot be written opens read-only
    (``read_only``).
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "{path} does not exist"), path=path)
    refuse_network_share(path)
    lock = FileLock.acquire(path)
    try:
        _refuse_other_names(path, lock)
        return _open_locked(path, lock)
    except BaseException:
        lock.release()
        raise


def _refuse_other_names(path: Path, lock: FileLock) -> None:
    """Refuse a file that has another name (a hard link), once names our own steps left are gone.

    SQLite names the -wal journal after the name the file was opened by: after a crash under one
    name, the file opened by another name does not see that journal and is written, and the next
    opening under the first name replays the stale journal over it (deletions lost, indexes
    broken). Asked of the locked descriptor, so that it is the file that was locked.
    """
    if lock.status().st_nlink <= 1:
        return
    _remove_our_stray_names(path, lock)
    if lock.status().st_nlink > 1:
        raise EstateFileHasOtherNames(path)


def _remove_our_stray_names(path: Path, lock: FileLock) -> None:
    """Remove the names of the locked file that a killed step of ours left on it.

    ``paths.move_without_replacing`` links the new name, then unlinks the old one: a creation
    killed in between leaves its ``.building`` name on the finished file, a restore its
    kept-aside name on the file it was replacing. Neither step is under way on this file while
    it is locked here (both hold it, or have closed it, until the old name is gone), so such a
    name is stray: without it, the file is what it was before that step (or after it).
    """
    held = lock.status()
    patterns = (
        (f".{glob.escape(path.name)}.*{BUILDING_SUFFIX}", True),
        (f"{glob.escape(path.stem)}-{BEFORE_RESTORE}-*{glob.escape(path.suffix)}", False),
    )
    for pattern, with_journal in patterns:
        for name in path.parent.glob(pattern):
            try:
                found = os.lstat(name)
            except OSError:
                continue
            if (found.st_dev, found.st_ino) != (held.st_dev, held.st_ino):
                continue  # another file: a creation under way, or a file kept aside for good
            with suppress(OSError):
                if with_journal:  # a finished creation closed its file, folding its journal in, first
                    _delete_with_journal(name)
                else:
                    name.unlink()


def _open_locked(path: Path, lock: FileLock) -> EstateFile:
    check_header(path)  # a foreign or newer file is refused before SQLite touches it
    writable = can_write(path)
    journal_before = {side for side in _side_files(path) if side.exists()}
    memory: sqlite3.Connection | None = None
    try:
        connection = _raw_connection(path) if writable else connect_read_only(path)
        try:
            if writable:
                # After a crash the committed changes may sit in the -wal journal alone: fold
                # them into the file before anything else, so that the file alone holds them.
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            version = _check_marks(
                path, _pragma(connection, "application_id"), _pragma(connection, "user_version")
            )
            damage = check_integrity(connection, thorough=False)
            _check_layout(connection, path, version)  # before migrating: a foreign layout stays untouched
            read_only = (
                ReadOnlyReason.DAMAGED if damage else None if writable else ReadOnlyReason.NOT_WRITABLE
            )
            uri = None if writable else readable_uri(path)
            if read_only is not None and version < SCHEMA_VERSION:
                uri, memory = _upgraded_in_memory(connection, version)  # the file itself stays as it is
        finally:
            connection.close()
        copy = migrate(path, version) if read_only is None else None
        database = _connect(path, read_only, uri)
    except (sqlite3.DatabaseError, DatabaseError) as error:
        if memory is not None:
            memory.close()
        # A file with a good header and a body too damaged even to be checked (its first page,
        # the list of tables): say so, and let the window offer a backup in its place.
        if is_damage(error):
            raise EstateFileUnreadable(path, error) from None
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "{path} cannot be read: {reason}"), path=path, reason=error
        ) from None
    except BaseException:
        if memory is not None:
            memory.close()
        raise
    made = tuple(side for side in _side_files(path) if side.exists() and side not in journal_before)
    return EstateFile(
        path,
        database,
        lock,
        migrated_from=version if copy is not None else None,
        copy_before_migration=copy,
        read_only=read_only,
        damage=damage,
        writable=writable,
        memory_copy=memory,
        made_side_files=made if not writable else (),
    )


def _pragma(connection: sqlite3.Connection, name: str) -> int:
    return int(connection.execute(f"PRAGMA {name}").fetchone()[0])


# The fee ledger's entries: millions of rows after years of billing. Their full check (each index
# matched row by row to the table) would make every opening wait seconds; ``verify`` walks the
# entries themselves by their primary key, and ``check`` still runs the full check on them.
LEDGER_TABLES = frozenset({"ledger_entry"})


def check_integrity(connection: sqlite3.Connection, thorough: bool = True) -> list[str]:
    """What SQLite's integrity check finds wrong in a file; empty when it is sound.

    The integrity check, not the quick check: the quick check skips matching the indexes to
    their tables, and an index that lost rows (a stale journal replayed over the file) then
    opens for writing, and lookups and uniqueness go wrong. It costs little more: 0.094 s
    against 0.050 s for a file of 20,000 rooms, read from the disk either way.

    Not ``thorough`` (when a file is opened): the integrity check of every table and its indexes
    but the ledger's entries (``LEDGER_TABLES``), which would make each opening read the whole
    file (1.4 s for 20,000 households billed for a year). A damaged page among the entries is
    found when it is read (``EstateFileDamaged``), by ``verify``, which reads them all, and by
    ``check``.
    """
    try:
        if thorough:
            found = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        else:
            found = []
            tables = [
                str(row[0])
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            for table in sorted(set(tables) - LEDGER_TABLES):
                found += [str(row[0]) for row in connection.execute(f'PRAGMA integrity_check("{table}")')]
            found = [line for line in found if line != "ok"] or ["ok"]
    except sqlite3.DatabaseError as error:  # too damaged for the check to finish: damaged all the same
        return [str(error)]
    return [] if found == ["ok"] else found


def create_estate(path: Path, name: str, fill: Callable[[], object] | None = None) -> EstateFile:
    """Create a new estate file at ``path`` (which must not exist yet) and open it.

    The file is made under a temporary name beside ``path``, ``fill`` (e.g. making a demo
    estate) runs on it, it is closed and only then renamed to ``path``: a creation that fails or
    is killed leaves no file at ``path``, and a new attempt clears what a killed one left. The
    rename refuses a ``path`` that appeared meanwhile. If anything fails, the models point again
    at the file that was open before, so a failed "new estate" never leaves that one unusable.
    """
    path = Path(path).resolve()
    estate_name = name.strip()
    if not estate_name:
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "the estate needs a name"))
    if path.exists():
        raise _already_exists(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _cannot_create(path, error) from None
    refuse_network_share(path)
    _remove_abandoned_builds(path)
    building = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}{BUILDING_SUFFIX}")
    try:
        # Made empty and owner-only before SQLite opens it: SQLite keeps an existing file's
        # mode, and gives its -wal and -shm journals the same.
        os.close(os.open(building, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
    except OSError as error:
        raise _cannot_create(path, error) from None
    lock = FileLock.acquire(building)  # so that another attempt's clearing leaves this one alone
    previous = database_proxy.obj
    database: EstateDatabase | None = None
    try:
        migrate(building, 0)
        database = _connect(building)
        with database.atomic():
            Setting.create(key=ESTATE_NAME_KEY, value=estate_name)
            audit.record("create", "estate", None, after={"name": estate_name})
        if fill is not None:
            fill()
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
        _rebind(previous)
        if os.name == "nt":
            lock.release()  # Windows renames no file that is open
        try:
            move_without_replacing(building, path)
        except FileExistsError:
            raise _already_exists(path) from None
        except OSError as error:
            raise _cannot_create(path, error) from None
    except BaseException:
        if database is not None and not database.is_closed():
            database.close()
        _rebind(previous)
        lock.release()
        _delete_with_journal(building)
        raise
    lock.release()
    return open_estate(path)


def _rebind(previous: SqliteDatabase | None) -> None:
    if previous is not None and not previous.is_closed():
        _bind(previous)
    else:
        database_proxy.initialize(None)


def _already_exists(path: Path) -> EstateFileError:
    return EstateFileError(
        QT_TRANSLATE_NOOP("messages", "{path} already exists; choose another file name"), path=path
    )


def _cannot_create(path: Path, error: OSError) -> EstateFileError:
    return EstateFileError(
        QT_TRANSLATE_NOOP("messages", "cannot create {path}: {reason}"),
        path=path,
        reason=error.strerror or str(error),
    )


def _remove_abandoned_builds(path: Path) -> None:
    """Delete what a killed creation of ``path`` left beside it (one no program holds any more)."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*{BUILDING_SUFFIX}"):
        try:
            FileLock.acquire(leftover).release()  # refused while another creation is building it
        except EstateFileError:
            continue
        with suppress(OSError):
            _delete_with_journal(leftover)
    for orphan in path.parent.glob(f".{glob.escape(path.name)}.*{BUILDING_SUFFIX}-*"):
        if not orphan.with_name(orphan.name.rsplit("-", 1)[0]).exists():  # a journal whose file is gone
            with suppress(OSError):
                orphan.unlink()


def _side_files(path: Path) -> tuple[Path, ...]:
    """The journal files SQLite may keep beside ``path``."""
    return tuple(path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES)


def _delete_with_journal(path: Path) -> None:
    """Delete a closed SQLite file and the journal files beside it."""
    for leftover in (path, *_side_files(path)):
        leftover.unlink(missing_ok=True)


def _remove_empty_journal(made: tuple[Path, ...]) -> None:
    """Remove the journal files a read-only connection made, when they hold nothing (never a change)."""
    if any(side.name.endswith("-wal") and side.exists() and side.stat().st_size > 0 for side in made):
        return
    for side in made:
        with suppress(OSError):
            side.unlink(missing_ok=True)


def kept_aside_name(path: Path, word: str, at: datetime, attempt: int = 1) -> str:
    """The name of a file kept aside beside ``path``: ``<stem>-恢复前-2026-11-30-1701.sqlite3``.

    ``word`` says why (``BEFORE_RESTORE``, ``BEFORE_UPGRADE``); ``-2``, ``-3``… on retries in one minute.
    """
    return f"{path.stem}-{word}-{at:%Y-%m-%d-%H%M}{'' if attempt == 1 else f'-{attempt}'}{path.suffix}"


def _copy_aside(path: Path, word: str) -> Path:
    """Copy a data file to a new kept-aside name beside it; never over a file already there."""
    at = datetime.now()
    attempt = 1
    while True:
        try:
            return copy_database(
                path, path.with_name(kept_aside_name(path, word, at, attempt)), overwrite=False
            )
        except FileExistsError:
            attempt += 1


def move_aside(path: Path, word: str) -> Path:
    """Rename a closed data file to a new kept-aside name (``kept_aside_name``) and return it.

    Never over another file: two restores in one minute keep both files they replaced (``-2``).
    A journal that still holds changes goes along under the new name (the file is kept whole);
    none stays beside ``path``, where SQLite would replay it over the next file of that name.
    """
    at = datetime.now()
    attempt = 1
    while True:
        target = path.with_name(kept_aside_name(path, word, at, attempt))
        try:
            move_without_replacing(path, target)
            break
        except FileExistsError:
            attempt += 1
    for suffix in ("-wal", "-journal"):
        journal = path.with_name(path.name + suffix)
        if journal.exists() and journal.stat().st_size > 0:
            # The target's name is new, so whatever has its journal's name is an orphan.
            os.replace(journal, target.with_name(target.name + suffix))
        else:
            journal.unlink(missing_ok=True)
    path.with_name(path.name + "-shm").unlink(missing_ok=True)  # SQLite makes it again from the -wal
    return target


def undo_move_aside(kept: Path, path: Path) -> None:
    """Give a file ``move_aside`` kept aside its name back, with its journal.

    What is at ``path`` now (the file a failed restore put there, closed) goes, with its journal
    files: they would be replayed over the file coming back.
    """
    _delete_with_journal(path)
    os.replace(kept, path)
    for suffix in ("-wal", "-journal"):
        journal = kept.with_name(kept.name + suffix)
        if journal.exists():
            os.replace(journal, path.with_name(path.name + suffix))
