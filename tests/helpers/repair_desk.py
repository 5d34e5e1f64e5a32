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

from collections.abc import Callable, Iterator
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
from estatedesk.services import repairs
from estatedesk.services.households import PersonInput
from estatedesk.services.repairs import OrderInput
from helpers.desk_window import open_on_tab, write_rooms

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


def stop_clock(moment: datetime) -> Callable[[RepairsTab], None]:
    """What sets a repair log tab's clock at ``moment`` (``open_on_tab``'s ``set_up``)."""

    def set_clock(tab: RepairsTab) -> None:
        tab.clock = lambda: moment

    return set_clock


@pytest.fixture
def repair_desk(
    app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RepairDesk]:
    """The estate above in a file, open in the window, the repair tab on screen; no order yet."""
    path = tmp_path / "repairs.sqlite3"
    write_rooms(path, ROOMS)
    opened: list[Path] = []

    def open_url(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    window, tab = open_on_tab(qtbot, path, RepairsTab, stop_clock(NOW))
    tab.reload()
    yield RepairDesk(window, tab, opened)
    window.close()
