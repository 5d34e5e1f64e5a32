"""File choosers that open where the clerk last went for the same purpose (backup, export, import).

Every file dialog of the program goes through these three functions, so that a clerk who backs
up to a USB stick and exports to the desktop finds each folder again the next time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from estatedesk.gui import settings as prefs


def choose_open_file(
    parent: QWidget | None, purpose: str, title: str, file_filter: str, fallback: Path | None = None
) -> Path | None:
    """Ask for an existing file to read; None if the clerk cancelled."""
    start = prefs.last_folder(purpose, fallback)
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)
    return _remembered(purpose, chosen)


def choose_save_file(
    parent: QWidget | None, purpose: str, title: str, suggested: Path, file_filter: str
) -> tuple[Path, str] | None:
    """Ask where to write; ``suggested`` gives the file name (and the folder if none is remembered).

    Returns the path and the filter the clerk picked, or None if they cancelled.
    """
    start = prefs.last_folder(purpose, suggested.parent if suggested.is_absolute() else None)
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, str(start / suggested.name), file_filter
    )
    path = _remembered(purpose, chosen)
    return None if path is None else (path, chosen_filter)


def choose_folder(parent: QWidget | None, purpose: str, title: str) -> Path | None:
    """Ask for a folder (where to put a backup); None if the clerk cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(prefs.last_folder(purpose)))
    if not chosen:
        return None
    prefs.remember_folder(purpose, Path(chosen))
    return Path(chosen)


def _remembered(purpose: str, chosen: str) -> Path | None:
    if not chosen:
        return None
    path = Path(chosen)
    prefs.remember_folder(purpose, path.parent)
    return path
