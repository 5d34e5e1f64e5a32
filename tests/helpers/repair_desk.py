"""The repair log's estate, open in the window with the repair tab on screen (fixture ``repair_desk``).

Shared by tests/gui/tabs/repair_pages and tests/gui/dialogs (their modules import the fixture).
The tab's clock is fixed at ``NOW``, Friday 2026-10-09 10:00 (the first working day after the
National Day week), so that what is overdue or due today does not depend on when the tests run.

=========  ======  =========================
room       area    owner
=========  ======  =========================
1-1-101    100.00  王玥 (13812345678)
1-1-102     90.00  李喆
2-1-101     80.00  张堃 (13700000000)
=========  ======  =========================
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.repair_pages.base import RepairPage
from estatedesk.gui.tabs.repairs import RepairsTab
from estatedesk.services import households, repairs
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.repairs import OrderInput
from estatedesk.store.db import create_estate

P = TypeVar("P", bound=RepairPage)
NOW = datetime(2026, 10, 9, 10, 0)
ROOMS = (
    ("1", "1", "101", "100", [PersonInput("王玥", "13812345678")]),
    ("1", "1", "102", "90", [PersonInput("李喆")]),
    ("2", "1", "101", "80", [PersonInput("张堃", "13700000000")]),
)


@dataclass
class RepairDesk:
    """The window, its repair tab on screen (clock at ``NOW``), and the documents it asked to open."""

    window: MainWindow
    tab: RepairsTab
    opened: list[Path] = field(default_factory=list)

    def page(self, kind: type[P]) -> P:
        """A page of the repair tab, on screen (it reads what it missed)."""
        page = self.tab.show_page(kind)
        assert isinstance(page, kind)
        return page

    def order(self, received: str, category: str, text: str, room: str = "1-1-101", **more: object) -> int:
        """Open an order through the service (the window hears of it as of any change)."""
        return repairs.add_order(OrderInput(received, category, text, room=room, **more)).order_id  # type: ignore[arg-type]


@pytest.fixture
def repair_desk(
    app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RepairDesk]:
    """The estate above in a file, open in the window, the repair tab on screen; no order yet."""
    path = tmp_path / "repairs.sqlite3"
    made = create_estate(path, "幸福里小区")
    try:
        for building, unit, number, area, owners in ROOMS:
            households.create_room(RoomInput(building, unit, number, area, owners=list(owners)))
    finally:
        made.close()
    opened: list[Path] = []

    def open_url(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(path)
    tab = window.tab(RepairsTab)
    tab.clock = lambda: NOW
    window.tabs.setCurrentIndex(window.tabs.indexOf(tab.widget.parentWidget()))
    window.show()
    tab.reload()
    yield RepairDesk(window, tab, opened)
    window.close()
