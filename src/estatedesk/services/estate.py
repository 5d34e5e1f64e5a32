"""The estate file as the window and the command line use it.

Open, create, demo, back up, restore, check, and who is working (the clerk the audit trail names).
A file may open read-only (``Estate.read_only``): damaged, or on a write-protected stick; every
write then raises ``EstateFileReadOnly`` before anything is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.domain.errors import EstateDeskError
from estatedesk.domain.text import check_text
from estatedesk.store import audit, ballots, db, ledger
from estatedesk.store import backup as store_backup
from estatedesk.store.backup import BackupInfo, CheckReport
from estatedesk.store.chain import BadEntry, Verification
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

if TYPE_CHECKING:
    from estatedesk.services.demo import DemoSummary

__all__ = [
    "BackupInfo",
    "BadEntry",
    "CheckReport",
    "Estate",
    "EstateFileDamaged",
    "EstateFileError",
    "EstateFileHasOtherNames",
    "EstateFileInUse",
    "EstateFileOnNetwork",
    "EstateFileReadOnly",
    "EstateFileUnreadable",
    "ReadOnlyReason",
    "Restored",
    "Verification",
    "back_up",
    "backup_info",
    "check",
    "create_demo",
    "create_estate",
    "open_estate",
    "restore",
    "restore_onto",
    "set_clerk",
    "verify",
    "worker_thread",
]


class Estate:
    """An open estate file.

    ``restore`` puts the restored file behind it, or, if the restore fails after closing the
    file, the file it had, opened again. ``replaced`` counts those swaps, so that whoever shows
    the estate knows when to read it afresh; ``closed`` says when not even reopening worked.
    """

    def __init__(self, file: db.EstateFile) -> None:
        self._file = file
        self.replaced = 0

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self._file.path

    @property
    def name(self) -> str:
        """The estate's name as stored in the file."""
        return self._file.estate_name

    @property
    def closed(self) -> bool:
        """True once ``close`` was called."""
        return self._file.closed

    @property
    def read_only(self) -> ReadOnlyReason | None:
        """Why the file is open for looking, printing and exporting only; None when it can be changed.

        ``DAMAGED``: it failed SQLite's integrity check (``damage`` says what it found): offer to
        restore a backup. ``NOT_WRITABLE``: the file or its folder cannot be written (a
        write-protected USB stick, a read-only file). Any write raises ``EstateFileReadOnly``.
        """
        return self._file.read_only

    @property
    def damage(self) -> list[str]:
        """What SQLite's integrity check found wrong when the file was opened (empty: nothing)."""
        return list(self._file.damage)

    @property
    def can_restore(self) -> bool:
        """Whether ``restore`` can replace this file: a damaged one yes, one on a write-protected stick no."""
        return self._file.writable

    @property
    def copy_before_upgrade(self) -> Path | None:
        """Where the file was copied before this program upgraded it on opening (None: no upgrade)."""
        return self._file.copy_before_migration

    def close(self) -> None:
        """Write everything into the one file, close it and let other programs open it."""
        self._file.close()

    def fold_journal(self) -> None:
        """Fold committed changes still in the -wal journal into the file (cheap; for a quiet moment).

        Every commit is folded in as it is made, and again when a worker thread's work ends; only
        a commit made while another thread was still reading can wait in the journal until then.
        """
        if not self.closed:
            db.fold_journal(self._file.database)


@dataclass(frozen=True)
class DemoEstate:
    """A demo estate just made, and what is in it."""

    estate: Estate
    summary: DemoSummary


def open_estate(path: Path) -> Estate:
    """Open an existing estate file, upgrading it if it is older than this program."""
    return Estate(db.open_estate(path))


def create_estate(path: Path, name: str) -> Estate:
    """Create an empty estate file at ``path``; a failure leaves no file and the open estate as it was."""
    return Estate(db.create_estate(path, name))


def create_demo(path: Path, name: str, households: int, seed: int = 1) -> DemoEstate:
    """Create an estate of made-up households to try the program on; all or nothing."""
    from estatedesk.services import demo  # its name lists load only when a demo is made

    made: list[DemoSummary] = []
    estate = db.create_estate(path, name, fill=lambda: made.append(demo.generate(households, seed)))
    return DemoEstate(Estate(estate), made[0])


def back_up(estate: Estate, folder: Path) -> Path:
    """Copy the open estate into ``folder`` (a USB stick), check the copy; return it.

    Its name: ``<estate name>-备份-2026-12-01-0930.sqlite3`` (``-2``… for another in the same minute).
    """
    return store_backup.back_up(estate._file, folder)


def backup_info(path: Path) -> BackupInfo:
    """When a backup was taken, of which estate, how many rooms: for the restore confirmation.

    Reads without writing (a write-protected stick is fine); raises ``EstateFileError`` for a
    file that is not an EstateDesk backup or is newer than this program.
    """
    return store_backup.backup_info(path)


def restore(estate: Estate, backup: Path) -> Path:
    """Replace the estate's data by a checked backup; return where the replaced file was kept.

    A backup refused before anything was touched leaves ``estate`` as it was. If the restore
    fails after the file was closed, the file it had is opened again (``replaced`` goes up)
    and the restore's error is raised; if even that fails, ``estate.closed`` is True.
    """
    current = estate.path
    try:
        restored = store_backup.restore(estate._file, backup)
    except BaseException:
        if estate.closed:
            with suppress(EstateDeskError, OSError):  # the restore's own error is the one to tell
                estate._file = db.open_estate(current)
                estate.replaced += 1
        raise
    estate._file = restored.estate
    estate.replaced += 1
    return restored.kept_aside


@dataclass(frozen=True)
class Restored:
    """An estate file restored from a backup, and where the file it replaced was kept."""

    estate: Estate
    kept_aside: Path


def restore_onto(path: Path, backup: Path) -> Restored:
    """Put a checked backup at ``path`` in place of a file too damaged to open (``EstateFileUnreadable``).

    The damaged file is never opened, and never deleted: it is kept aside under a new name
    (``kept_aside``), its journal with it. The restored file is opened and returned.
    """
    restored = store_backup.restore_onto(path, backup)
    return Restored(Estate(restored.estate), restored.kept_aside)


def check(estate: Estate) -> CheckReport:
    """Check the open file: integrity, links, data version, table layout, summaries and counts."""
    return store_backup.check_estate(estate._file)


def verify(estate: Estate, progress: Callable[[int, int], None] | None = None) -> Verification:
    """Walk the fee ledger's hash chain: how many entries, and the first one changed outside the program."""
    connection: sqlite3.Connection = estate._file.database.connection()  # type: ignore[no-untyped-call]
    return ledger.verify(connection, progress)


def verify_ballots(estate: Estate, progress: Callable[[int, int], None] | None = None) -> Verification:
    """Walk the entered ballots' hash chain: how many, and the first one changed outside the program."""
    connection: sqlite3.Connection = estate._file.database.connection()  # type: ignore[no-untyped-call]
    return ballots.verify(connection, progress)


def worker_thread() -> AbstractContextManager[None]:
    """Around work done on another thread: its own connection to the open estate, closed after."""
    return db.thread_connection()


def current_clerk() -> str:
    """The clerk whose changes the audit trail records now (the system user when none is named)."""
    return audit.current_actor()


def set_clerk(name: str | None) -> None:
    """Name the clerk whose changes the audit trail records from now on (empty: the system user)."""
    if name is not None:
        check_text(name, "clerk")  # a name pasted with a control character is no one's name
    audit.set_actor(name)
