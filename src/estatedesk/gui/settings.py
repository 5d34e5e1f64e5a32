"""Per-user view preferences kept in QSettings (estate-wide rules live in the data file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from estatedesk import APP_NAME

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
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


def recent_files() -> list[Path]:
    """Recently opened estate files, newest first, that still exist."""
    value = settings().value("recentFiles", [])
    # QSettings' ini backend hands back a lone string for a one-element list.
    names = (
        [value]
        if isinstance(value, str)
        else [str(name) for name in value or []]
        if isinstance(value, list)
        else []
    )
    return [Path(name) for name in names if Path(name).is_file()]


def add_recent_file(path: Path) -> None:
    """Put ``path`` first in the recent files."""
    names = [str(path)] + [str(p) for p in recent_files() if p != path]
    settings().setValue("recentFiles", names[:MAX_RECENT])
