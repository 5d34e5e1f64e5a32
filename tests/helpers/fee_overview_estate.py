"""A small estate with a fee ledger, open in the window on the fee ledger tab, for its overview pages' tests.

A test module imports ``ledger_fixture`` to have the ``ledger`` fixture.

Three rooms in two buildings, two fee items, three months billed and two payments, so that every
figure the pages show can be worked out by hand:

=========  =====  ======  ===============  ====================  ===========================
room       area   owner   a month          paid                  owes at the end of 2025-05
=========  =====  ======  ===============  ====================  ===========================
1-1-101    80     王玥    48.00 + 10.00    174.00 (all), cash    0
1-1-102    100    张堃    60.00 + 10.00    nothing               210.00 since 2025-01 (3–6)
2-1-101    60     李喆    36.00 + 10.00    92.00 (Jan, Feb)      46.00 since 2025-03 (≤ 3)
=========  =====  ======  ===============  ====================  ===========================

Billed 2025-01 … 2025-03: 18 charges, 522.00 due, 266.00 collected.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from estatedesk.domain.fees import Month
from estatedesk.domain.households import RoomUse
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.fee_pages.base import FeePage
from estatedesk.gui.tabs.fees import FeesTab
from estatedesk.services import fees, households
from estatedesk.services.fees import FeeItemInput, PaymentInput
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store.db import create_estate
from helpers.desk_window import open_on_tab

P = TypeVar("P", bound=FeePage)
ROOMS = {"1-1-101": ("80", "王玥"), "1-1-102": ("100", "张堃"), "2-1-101": ("60", "李喆")}
AS_OF = date(2025, 5, 31)
FIRST, LAST = Month(2025, 1), Month(2025, 3)


@dataclass
class Ledger:
    """The open window, its fee tab, the rooms by code and the receipts made."""

    window: MainWindow
    tab: FeesTab
    rooms: dict[str, int]
    receipts: dict[str, str]  # room code → its receipt's number

    def page(self, kind: type[P]) -> P:
        """Put the page of class ``kind`` on screen (it reads the file) and return it."""
        page = self.tab.show_page(kind)
        assert isinstance(page, kind)
        return page


def build_ledger(path: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Write the small estate of this module's table to ``path`` (closed afterwards)."""
    estate = create_estate(path, "幸福里小区")
    try:
        rooms = {
            code: households.create_room(
                RoomInput(*code.split("-"), area, owners=[PersonInput(owner, "13812345678")])  # type: ignore[call-arg]
            )
            for code, (area, owner) in ROOMS.items()
        }
        fees.add_item(FeeItemInput("物业费", "area", "0.60", date(2025, 1, 1)))
        fees.add_item(FeeItemInput("垃圾清运费", "fixed", "10", date(2025, 1, 1)))
        fees.bill(FIRST, LAST, billed_on=date(2025, 1, 5))
        receipts = {
            "2-1-101": fees.pay(
                PaymentInput(rooms["2-1-101"], "92", "wechat", reference="WX0205", paid_on=date(2025, 2, 5))
            ).receipt,
            "1-1-101": fees.pay(
                PaymentInput(rooms["1-1-101"], "174", "cash", paid_on=date(2025, 4, 10))
            ).receipt,
        }
    finally:
        estate.close()
    return rooms, receipts


@pytest.fixture(name="ledger")
def ledger_fixture(app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object) -> Iterator[Ledger]:
    """The small estate open in the window, the fee ledger tab on screen."""
    path = tmp_path / "ledger.sqlite3"
    rooms, receipts = build_ledger(path)
    window, tab = open_on_tab(qtbot, path, FeesTab)
    yield Ledger(window, tab, rooms, receipts)
    window.close()


def add_room_in_use(code: str, area: str, use: RoomUse = RoomUse.RESIDENTIAL) -> int:
    """One more room (no owner), for a test that needs it."""
    building, unit, number = code.split("-")
    return households.create_room(RoomInput(building, unit, number, area, use=use))
