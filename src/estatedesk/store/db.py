"""Opening, creating and checking an estate file.

One SQLite file per estate. A lock file beside it keeps a second running EstateDesk out;
the header is read without writing before anything else happens, so a foreign file or a
newer schema is refused untouched; an older schema is copied aside, then migrated.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout
from peewee import DatabaseError, SqliteDatabase

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.paths import write_whole
from estatedesk.store import audit
from estatedesk.store.migrations import MIGRATIONS, SCHEMA_VERSION, layout_problems, table_layout
from estatedesk.store.models import ALL_MODELS, Setting, database_proxy

APPLICATION_ID = 0x45535444  # "ESTD" in the SQLite header marks an EstateDesk file
SQLITE_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -16000,
}
ESTATE_NAME_KEY = "estate_name"


class EstateFileError(EstateDeskError):
    """An estate file cannot be opened, created or restored as asked."""


@dataclass
class EstateFile:
    """An open estate file: its path, its peewee database and the lock that holds it."""

    path: Path
    database: SqliteDatabase
    lock: FileLock
    migrated_from: int | None = None
    copy_before_migration: Path | None = None
    closed: bool = field(default=False)

    @property
    def estate_name(self) -> str:
        """The estate's name as stored in the file."""
        row = Setting.get_or_none(Setting.key == ESTATE_NAME_KEY)
        return str(row.value) if row is not None else self.path.stem

    def close(self) -> None:
        """Checkpoint the journal into the file, close it and release the lock."""
        if self.closed:
            return
        try:
            if not self.database.is_closed():
                self.database.execute_sql(  # type: ignore[no-untyped-call]  # untyped in peewee's stubs
                    "PRAGMA wal_checkpoint(TRUNCATE)"
                )
                self.database.close()
        finally:
            if database_proxy.obj is self.database:
                database_proxy.initialize(None)
            self.lock.release()
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
            database.close()


def lock_path(path: Path) -> Path:
    """The lock file that marks ``path`` as open in a running EstateDesk."""
    return path.with_name(path.name + ".lock")


def _acquire_lock(path: Path) -> FileLock:
    lock = FileLock(lock_path(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise EstateFileError(
            QT_TRANSLATE_NOOP(
                "messages", "{path} is open in another EstateDesk window; close it there first"
            ),
            path=path,
        ) from None
    except OSError as error:
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "cannot lock {path}: {reason}"), path=path, reason=error.strerror
        ) from None
    return lock


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


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI that opens ``path`` read-only, whatever characters (#, ?, %) its name holds."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def copy_database(source: Path, target: Path) -> Path:
    """Copy a live SQLite file consistently with the online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)

    def write(partial: Path) -> None:
        source_connection = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            target_connection = sqlite3.connect(partial)
            try:
                source_connection.backup(target_connection)
                # A copy is a single file: in WAL mode every read-only look at it (verifying a
                # backup, restoring from a write-protected stick) would need -wal/-shm beside it.
                target_connection.execute("PRAGMA journal_mode = DELETE")
            finally:
                target_connection.close()
        finally:
            source_connection.close()

    return write_whole(target, write)


def migrate(path: Path, from_version: int) -> Path | None:
    """Bring a file up to ``SCHEMA_VERSION``, copying it aside first when it held data."""
    if from_version >= SCHEMA_VERSION:
        return None
    copy: Path | None = None
    if from_version > 0:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = copy_database(path, path.with_name(f"{path.stem}.v{from_version}-{stamp}{path.suffix}"))
    connection = _raw_connection(path)
    try:
        for version in range(from_version + 1, SCHEMA_VERSION + 1):
            connection.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[version](connection)
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {version}")
                problems = connection.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise EstateFileError(
                        QT_TRANSLATE_NOOP(
                            "messages", "upgrading to data version {version} broke {count} links"
                        ),
                        version=version,
                        count=len(problems),
                    )
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
    finally:
        connection.close()
    return copy


def _connect(path: Path) -> SqliteDatabase:
    # No autoconnect: after close() the models stay bound to this database, and a query would
    # silently reopen the file without its lock. Every thread connects on purpose (this one
    # here, a worker thread in gui/worker.py), and a query on a closed file fails loudly.
    database = SqliteDatabase(str(path), pragmas=PRAGMAS, autoconnect=False)
    database.connect()
    _bind(database)
    return database


def _bind(database: SqliteDatabase) -> None:
    database.bind(list(ALL_MODELS), bind_refs=False, bind_backrefs=False)
    database_proxy.initialize(database)


def _check_layout(path: Path, version: int) -> None:
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        problems = layout_problems(table_layout(connection), version)
    finally:
        connection.close()
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
    """Open an existing estate file, upgrading it if it is older than this program."""
    path = Path(path).resolve()
    if not path.is_file():
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "{path} does not exist"), path=path)
    lock = _acquire_lock(path)
    try:
        version = check_header(path)
        try:
            _check_layout(path, version)  # before migrating: a foreign layout is refused untouched
            copy = migrate(path, version)
            database = _connect(path)
        except (sqlite3.DatabaseError, DatabaseError) as error:
            # A file with a good header and a damaged body: say so instead of a traceback.
            raise EstateFileError(
                QT_TRANSLATE_NOOP("messages", "{path} cannot be read: {reason}"),
                path=path,
                reason=error,
            ) from None
    except BaseException:
        lock.release()
        raise
    return EstateFile(
        path,
        database,
        lock,
        migrated_from=version if copy is not None else None,
        copy_before_migration=copy,
    )


def create_estate(path: Path, name: str, fill: Callable[[], object] | None = None) -> EstateFile:
    """Create a new estate file at ``path`` (which must not exist yet) and open it.

    ``fill`` (e.g. making a demo estate) runs on the new file before it is handed over. If
    anything fails, the half-made file is deleted and the models point again at the file that
    was open before, so a failed "new estate" never leaves the open one unusable.
    """
    path = Path(path).resolve()
    estate_name = name.strip()
    if not estate_name:
        raise EstateFileError(QT_TRANSLATE_NOOP("messages", "the estate needs a name"))
    if path.exists():
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "{path} already exists; choose another file name"), path=path
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise EstateFileError(
            QT_TRANSLATE_NOOP("messages", "cannot create {path}: {reason}"), path=path, reason=error.strerror
        ) from None
    previous = database_proxy.obj
    lock = _acquire_lock(path)
    database: SqliteDatabase | None = None
    try:
        try:
            migrate(path, 0)
            database = _connect(path)
            with database.atomic():
                Setting.create(key=ESTATE_NAME_KEY, value=estate_name)
                audit.record("create", "estate", None, after={"name": estate_name})
            if fill is not None:
                fill()
        except BaseException:
            if database is not None:
                database.close()
            if previous is not None and not previous.is_closed():
                _bind(previous)
            else:
                database_proxy.initialize(None)
            _delete_with_journal(path)
            raise
    except BaseException:
        lock.release()
        raise
    return EstateFile(path, database, lock)


def _journal_files(path: Path) -> tuple[Path, Path]:
    """The write-ahead log and shared-memory files SQLite keeps beside ``path``."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _delete_with_journal(path: Path) -> None:
    """Delete a closed SQLite file and the journal files beside it."""
    for leftover in (path, *_journal_files(path)):
        leftover.unlink(missing_ok=True)


def move_aside(path: Path, label: str) -> Path:
    """Rename a closed data file to ``<stem>.<label>-<time><suffix>`` and return the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    shutil.move(path, target)
    for leftover in _journal_files(path):
        leftover.unlink(missing_ok=True)
    return target
