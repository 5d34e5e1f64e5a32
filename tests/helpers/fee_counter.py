"""The counter's fixture: an estate with a small fee ledger, and the payment and account pages on it.

=========  ======  ==============  =====================================================
room       area    owners          charges (billed 2025-01 … 2025-03 on 2025-01-05)
=========  ======  ==============  =====================================================
3-2-501    89.50   王玥、李喆      物业费 53.70 + 垃圾清运费 10.00 a month: 191.10 in all
3-2-502    60.00   张三            物业费 36.00 + 垃圾清运费 10.00 a month: 138.00 in all
1-1-101    80.00   赵堃            物业费 48.00 + 垃圾清运费 10.00 a month: 174.00, paid
=========  ======  ==============  =====================================================

The pages are built on a stand-in for the fee tab (what a page uses of it: its widget, whether
the file is read-only, the status signal, and ``show_page``), so that they are tested alone;
tests through the real tab and window are in tests/gui/tabs/fee_pages/test_account.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from estatedesk.domain.fees import Month
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.tabs.fees import FeesTab
from estatedesk.services import fees, households
from estatedesk.services.fees import FeeItemInput, PaymentInput
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store.db import EstateFile, create_estate

P = TypeVar("P", bound=FeePage)
FIRST, LAST = Month(2025, 1), Month(2025, 3)
BILLED_ON = date(2025, 1, 5)


class StandInTab(QObject):
    """What a fee page uses of the fee tab, without the tab's other pages."""

    status_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.widget = QWidget()
        self.widget.resize(1100, 700)
        QVBoxLayout(self.widget)
        self.read_only = False
        self.estate_name = "测试小区"
        self.pages: dict[type[FeePage], FeePage] = {}
        self.shown: FeePage | None = None

    def page(self, kind: type[P]) -> P:
        """The page of class ``kind``, made and read the first time."""
        page = self.pages.get(kind)
        if page is None:
            page = kind(self)  # type: ignore[arg-type]  # a stand-in, not a FeesTab
            self.pages[kind] = page
            page.read()
        assert isinstance(page, kind)
        return page

    def show_page(self, kind: type[P]) -> P:
        """Put a page on screen (the only one shown), as the tab does."""
        page = self.page(kind)
        layout = self.widget.layout()
        assert layout is not None
        for other in self.pages.values():
            other.setVisible(other is page)
        if layout.indexOf(page) < 0:
            layout.addWidget(page)
        self.shown = page
        page.read()
        page.focus_first()
        return page


@dataclass
class Counter:
    """The open estate, its rooms by code, the stand-in tab, and the PDFs opened for printing."""

    tab: StandInTab
    rooms: dict[str, int]
    opened: list[Path] = field(default_factory=list)

    def page(self, kind: type[P]) -> P:
        """A page on screen, read."""
        page = self.tab.show_page(kind)
        self.tab.widget.show()
        return page


def fill_counter_estate() -> dict[str, int]:
    """The rooms, items, charges and one payment of the table above, in the open estate."""
    rooms = {
        "3-2-501": households.create_room(
            RoomInput(
                "3", "2", "501", "89.50", owners=[PersonInput("王玥", "13812345678"), PersonInput("李喆")]
            )
        ),
        "3-2-502": households.create_room(RoomInput("3", "2", "502", "60", owners=[PersonInput("张三")])),
        "1-1-101": households.create_room(RoomInput("1", "1", "101", "80", owners=[PersonInput("赵堃")])),
    }
    fees.add_item(FeeItemInput("物业费", "area", "0.60", date(2025, 1, 1)))
    fees.add_item(FeeItemInput("垃圾清运费", "fixed", "10", date(2025, 1, 1)))
    fees.bill(FIRST, LAST, billed_on=BILLED_ON)
    fees.pay(PaymentInput(rooms["1-1-101"], "174", "cash", paid_on=date(2025, 2, 1)))
    return rooms


@pytest.fixture
def opened_documents(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the pages ask the desktop to open (nothing is opened)."""
    opened: list[Path] = []

    def open_url(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return opened


@pytest.fixture
def counter(
    app: QApplication, qtbot: Any, estate: EstateFile, boxes: object, opened_documents: list[Path]
) -> Iterator[Counter]:
    """The counter's estate open, and a stand-in fee tab to show its pages on."""
    rooms = fill_counter_estate()
    tab = StandInTab()
    qtbot.addWidget(tab.widget)
    yield Counter(tab, rooms, opened_documents)
    tab.widget.close()


@dataclass
class CounterWindow:
    """The counter's estate open in the main window, with the fee tab's pages reached through it."""

    window: MainWindow
    rooms: dict[str, int]
    opened: list[Path]

    @property
    def fees_tab(self) -> FeesTab:
        """The fee ledger tab (built now if it was not yet)."""
        return self.window.tab(FeesTab)

    def show_fees_tab(self) -> FeesTab:
        """Make the fee ledger tab the current one and return it."""
        tab = self.fees_tab
        self.window.tabs.setCurrentIndex(self.window.tabs.indexOf(tab.widget.parentWidget()))
        return tab


@pytest.fixture
def counter_window(
    app: QApplication, qtbot: Any, tmp_path: Path, boxes: object, opened_documents: list[Path]
) -> Iterator[CounterWindow]:
    """The counter's estate in a file, open in the main window (on the households tab)."""
    path = tmp_path / "counter.sqlite3"
    made = create_estate(path, "测试小区")
    try:
        rooms = fill_counter_estate()
    finally:
        made.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_file(path)
    window.show()
    yield CounterWindow(window, rooms, opened_documents)
    window.close()
