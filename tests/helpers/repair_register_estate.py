"""A small estate with a facility register and a month of orders, open on the repair log tab.

A test module imports ``desk_fixture`` to have the ``desk`` fixture. The tab's clock is fixed at
``NOW`` (2026-10-15 10:00). Its facilities, on that day:

==============  ==========  ============  ==========  ============================================
facility        installed   warranty      upkeep      next upkeep
==============  ==========  ============  ==========  ============================================
1号生活水泵     2026-04-20  2026-10-31    every 6     2026-10-20: due in 5 days (warranty ends soon)
北门道闸        2025-12-01  2026-09-30    every 12    2026-12-01: not yet (warranty ended)
消防水泵        2024-09-01  none          every 12    2025-09-01: 409 days late
监控录像机      2025-01-01  2030-01-01    none        none
==============  ==========  ============  ==========  ============================================

The orders of ``MONTH`` (2026-09), as the figures page counts them:

==  ================  =======================  =================================  ==========
#   received          category                 done                               visit
==  ================  =======================  =================================  ==========
1   09-01 09:00       water                    09-01 15:00 (by 24:00: on time)    satisfied
2   09-02 10:00       in-home                  09-02 16:00 (7 working days)       unsatisfied: rework
3   09-03 09:00       enquiry                  09-03 09:50 (30 minutes: late)     —
4   09-04 09:00       common-part (消防水泵)   09-05 11:00 (3 working days)       —
==  ================  =======================  =================================  ==========

On time 3 of 4 (75% < 99%: off target), visited 2 of 4 done (50% ≥ 30%), satisfied 1 of 2 visits
(50%), reworked 1 of 4 (25% > 2%: off target); average time to done (6 + 6 + 5/6 + 26) / 4 hours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.repair_pages.base import RepairPage
from estatedesk.gui.tabs.repairs import RepairsTab
from estatedesk.services import households, repairs
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.services.repairs import DoneInput, FacilityInput, OrderInput
from estatedesk.store.db import create_estate
from helpers.desk_window import open_on_tab
from helpers.repair_desk import stop_clock

P = TypeVar("P", bound=RepairPage)
NOW = datetime(2026, 10, 15, 10, 0)
MONTH = "2026-09"
FACILITIES = (
    FacilityInput("1号生活水泵", "地下泵房", "格兰富 CR10", "2026-04-20", "2026-10-31", "6"),
    FacilityInput("北门道闸", "北门", "捷顺 JSKT", "2025-12-01", "2026-09-30", "12"),
    FacilityInput("消防水泵", "地下泵房", "上海连成 XBD", "2024-09-01", "", "12"),
    FacilityInput("监控录像机", "门卫室", "海康 DS-7816", "2025-01-01", "2030-01-01", ""),
)


@dataclass
class Desk:
    """The open window, its repair log tab, the facilities by name and the month's orders."""

    window: MainWindow
    tab: RepairsTab
    facilities: dict[str, int]
    orders: list[int]

    def page(self, kind: type[P]) -> P:
        """Put the page of class ``kind`` on screen (it reads the file) and return it."""
        page = self.tab.show_page(kind)
        assert isinstance(page, kind)
        return page


def build_desk(path: Path, with_orders: bool = True) -> tuple[dict[str, int], list[int]]:
    """Write the estate of this module's tables to ``path`` (closed afterwards)."""
    estate = create_estate(path, "幸福里小区")
    try:
        households.create_room(
            RoomInput("3", "2", "501", "89.5", owners=[PersonInput("王玥", "13800138000")])
        )
        facilities = {typed.name: repairs.add_facility(typed) for typed in FACILITIES}
        orders: list[int] = []
        if with_orders:
            orders = month_orders(facilities["消防水泵"])
    finally:
        estate.close()
    return facilities, orders


def month_orders(fire_pump: int) -> list[int]:
    """The four orders of ``MONTH`` in this module's table."""

    def add(received: str, category: str, **values: object) -> int:
        fields: dict[str, object] = {"description": "卫生间漏水", "room": "3-2-501", **values}
        return repairs.add_order(OrderInput(received, category, **fields)).order_id  # type: ignore[arg-type]

    def through(order: int, dispatched: str, started: str, done: str) -> None:
        repairs.dispatch(order, "李喆", "13800001111", at=dispatched)
        repairs.start(order, at=started)
        repairs.finish(order, DoneInput("修好", at=done))

    water = add("2026-09-01 09:00", "water", description="水管爆裂")
    through(water, "2026-09-01 09:10", "2026-09-01 10:00", "2026-09-01 15:00")
    repairs.visit(water, True, "满意", at="2026-09-02 09:00")
    home = add("2026-09-02 10:00", "in-home")
    through(home, "2026-09-02 10:10", "2026-09-02 11:00", "2026-09-02 16:00")
    repairs.visit(home, False, "还在漏", at="2026-09-03 09:00")
    enquiry = add("2026-09-03 09:00", "enquiry", kind="enquiry", description="咨询停水时间")
    repairs.finish(enquiry, DoneInput("已答复", at="2026-09-03 09:50"))
    pump = add(
        "2026-09-04 09:00",
        "common-part",
        room="",
        place_kind="facility",
        facility_id=fire_pump,
        description="消防水泵异响",
    )
    through(pump, "2026-09-04 09:30", "2026-09-05 09:00", "2026-09-05 11:00")
    return [water, home, enquiry, pump]


@pytest.fixture(name="desk")
def desk_fixture(app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object) -> Iterator[Desk]:
    """The small estate open in the window, the repair log tab on screen."""
    path = tmp_path / "desk.sqlite3"
    facilities, orders = build_desk(path)
    window, tab = open_on_tab(qtbot, path, RepairsTab, stop_clock(NOW))
    yield Desk(window, tab, facilities, orders)
    window.close()
