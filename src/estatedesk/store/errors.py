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


class EstateFileUnreadable(EstateFileError):
    """A file with EstateDesk's marks but too damaged to be opened at all, even read-only.

    Its first page (where SQLite keeps the list of tables) is what is damaged, as a rule: only a
    backup mends it, restored onto its path without opening it (``backup.restore_onto``).
    """

    def __init__(self, path: Path, reason: object) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("messages", "{path} cannot be read: {reason}"), path=path, reason=reason
        )


class EstateFileHasOtherNames(EstateFileError):
    """The file has another name on its disk (a hard link), under which a crash's journal is not seen."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "messages",
                "{path} has another name on this disk (a hard link); a crash while it is open under one "
                "name can break it when it is next opened under the other: copy the file to make a "
                "separate one, and open the copy",
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

    DAMAGED = "damaged"  # it failed SQLite's integrity check: only a backup can mend it
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
