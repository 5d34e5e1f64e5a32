"""Load Qt Designer ``.ui`` files from ``ui/`` and find their widgets by name."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QWidget

from estatedesk.paths import UI_DIR

W = TypeVar("W", bound=QObject)


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget described by ``ui/<name>``; its texts go through Qt's translator."""
    path = UI_DIR / name
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot read {path}")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"{path} is not a valid .ui file")
    return widget


def load_dialog(name: str, parent: QWidget | None = None) -> QDialog:
    """Build a dialog from ``ui/<name>``, whose top-level widget must be a QDialog."""
    dialog = load_ui(name, parent)
    if not isinstance(dialog, QDialog):
        raise TypeError(f"ui/{name} does not describe a dialog")
    return dialog


def find(root: QObject, kind: type[W], name: str) -> W:
    """The child of ``root`` called ``name``; a missing one is a programming error."""
    child = root.findChild(kind, name)
    if child is None:
        raise LookupError(f"{type(root).__name__} has no {kind.__name__} named {name!r}")
    return child
