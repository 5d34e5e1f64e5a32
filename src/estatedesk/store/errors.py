"""What goes wrong with an estate file, each kind its own class so that the window can tell them apart."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError


class EstateFileError(EstateDeskError):
    """An estate file cannot be opened, created or restored as asked."""


class EstateFileInUse(EstateFileError):
    """Another EstateDesk (another window, or this one) has the file open."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "messages", "{path} is open in another EstateDesk window; close it there first"
            ),
            path=path,
        )


class EstateFileDamaged(EstateFileError):
    """A damaged part of the file was reached while reading it (it was opened read-only for that)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "messages", "part of {path} is damaged and cannot be read; restore the latest backup"
            ),
            path=path,
        )


class EstateFileOnNetwork(EstateFileError):
    """The file is on a network share, where it is not safe to work on (see locking.refuse_network_share)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "messages",
                "{path} is on a network drive, where EstateDesk cannot keep it safe; "
                "copy it to a folder on this PC and open the copy",
            ),
            path=path,
        )


class ReadOnlyReason(StrEnum):
    """Why an estate file was opened for looking, printing and exporting only."""

    DAMAGED = "damaged"  # it failed SQLite's quick check: only a backup can mend it
    NOT_WRITABLE = "not_writable"  # the file or its folder cannot be written (a write-protected stick)


READ_ONLY_MESSAGES = {
    ReadOnlyReason.DAMAGED: QT_TRANSLATE_NOOP(
        "messages", "{path} is damaged and open read-only: nothing can be changed in it; restore a backup"
    ),
    ReadOnlyReason.NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "messages",
        "{path} is open read-only (the file or its folder cannot be written, e.g. a write-protected "
        "USB stick): nothing can be changed in it",
    ),
}


class EstateFileReadOnly(EstateFileError):
    """A write was asked of a file that is open read-only; nothing was written."""

    def __init__(self, path: Path, reason: ReadOnlyReason) -> None:
        self.reason = reason
        super().__init__(READ_ONLY_MESSAGES[reason], path=path)
