"""An estate file written for a GUI test, and the window open on it with one tab on screen.

Shared by the desks of tests/helpers (votes, fee ledger, repair log) that the tab tests use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from pytestqt.qtbot import QtBot

from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.base import Tab
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store.db import create_estate

T = TypeVar("T", bound=Tab)
Room = tuple[str, str, str, str, Sequence[PersonInput]]  # building, unit, number, area, owners


def write_rooms(path: Path, rooms: Iterable[Room]) -> None:
    """A new estate file 幸福里小区 at ``path`` with ``rooms`` and their owners, closed again."""
    made = create_estate(path, "幸福里小区")
    try:
        for building, unit, number, area, owners in rooms:
            households.create_room(RoomInput(building, unit, number, area, owners=list(owners)))
    finally:
        made.close()


def open_on_tab(
    qtbot: QtBot, path: Path, kind: type[T], set_up: Callable[[T], object] | None = None
) -> tuple[MainWindow, T]:
    """A window that opened ``path``, its tab ``kind`` on screen; ``set_up(tab)`` runs before it reads."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(path)
    tab = window.tab(kind)
    if set_up is not None:
        set_up(tab)
    window.tabs.setCurrentIndex(window.tabs.indexOf(tab.widget.parentWidget()))
    window.show()
    return window, tab
