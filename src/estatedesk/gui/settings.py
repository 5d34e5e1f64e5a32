"""Per-user view preferences kept in QSettings (estate-wide rules live in the data file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from estatedesk import APP_NAME
from estatedesk.gui.i18n import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE  # settings choose the language
from estatedesk.gui.i18n import LANGUAGES as LANGUAGES

MAX_RECENT = 8


def settings() -> QSettings:
    """The QSettings store of this user (the registry on Windows, an .ini file elsewhere)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def language() -> str:
    """The interface language chosen in settings, Simplified Chinese unless changed."""
    value = str(settings().value("language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(code: str) -> None:
    """Remember the interface language for the next start."""
    settings().setValue("language", code)


def clerk_name() -> str:
    """The clerk's name written into the audit trail ('' means the system user)."""
    return str(settings().value("clerk", "") or "")


def set_clerk_name(name: str) -> None:
    """Remember the clerk's name."""
    settings().setValue("clerk", name.strip())


def remembered_files() -> list[Path]:
    """Estate files opened lately, newest first, whether or not they are there now (a USB stick)."""
    value = settings().value("recentFiles", [])
    # QSettings' ini backend hands back a lone string for a one-element list.
    names = (
        [value]
        if isinstance(value, str)
        else [str(name) for name in value or []]
        if isinstance(value, list)
        else []
    )
    return [Path(name) for name in names if name]


def recent_files() -> list[Path]:
    """Recently opened estate files, newest first, that still exist."""
    return [path for path in remembered_files() if path.is_file()]


def last_file() -> Path | None:
    """The estate file opened last, even if it is not there now (its USB stick not plugged in)."""
    return next(iter(remembered_files()), None)


def add_recent_file(path: Path) -> None:
    """Put ``path`` first in the recent files (one not there now is kept: its stick comes back)."""
    names = [str(path)] + [str(p) for p in remembered_files() if p != path]
    settings().setValue("recentFiles", names[:MAX_RECENT])


# What a file chooser is for: each starts in the folder last used for the same purpose.
BACKUP, EXPORT, IMPORT, ESTATE = "backup", "export", "import", "estate"


def last_folder(purpose: str, fallback: Path | None = None) -> Path:
    """The folder last chosen for ``purpose``, if it still exists; else ``fallback`` or the home folder."""
    value = settings().value(f"folders/{purpose}", "")
    folder = Path(str(value)) if value else None
    if folder is not None and folder.is_dir():
        return folder
    return fallback if fallback is not None else Path.home()


def remember_folder(purpose: str, folder: Path) -> None:
    """Start the next file chooser for ``purpose`` in ``folder``."""
    settings().setValue(f"folders/{purpose}", str(folder))
