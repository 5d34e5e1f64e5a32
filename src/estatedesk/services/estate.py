"""The estate file as the window and the command line use it.

Open, create, demo, back up, restore, check, and who is working (the clerk the audit trail names).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from estatedesk.domain.errors import EstateDeskError
from estatedesk.store import audit, db
from estatedesk.store import backup as store_backup
from estatedesk.store.backup import CheckReport

if TYPE_CHECKING:
    from estatedesk.services.demo import DemoSummary

__all__ = [
    "CheckReport",
    "Estate",
    "back_up",
    "check",
    "create_demo",
    "create_estate",
    "open_estate",
    "restore",
    "set_clerk",
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
    def copy_before_upgrade(self) -> Path | None:
        """Where the file was copied before this program upgraded it on opening (None: no upgrade)."""
        return self._file.copy_before_migration

    def close(self) -> None:
        """Write everything into the one file, close it and let other programs open it."""
        self._file.close()


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
    """Copy the open estate consistently into ``folder`` (a USB stick), check the copy; return it."""
    return store_backup.back_up(estate._file, folder)


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


def check(estate: Estate) -> CheckReport:
    """Check the open file: integrity, links, data version, table layout, summaries and counts."""
    return store_backup.check_estate(estate._file)


def worker_thread() -> AbstractContextManager[None]:
    """Around work done on another thread: its own connection to the open estate, closed after."""
    return db.thread_connection()


def set_clerk(name: str | None) -> None:
    """Name the clerk whose changes the audit trail records from now on (empty: the system user)."""
    audit.set_actor(name)
