"""The rota's and inspections' estate, open in the window with the cleaning tab on screen (fixture ``desk``).

Shared by tests/gui/tabs/test_cleaning_rota.py and test_cleaning_inspections.py. The tab's calendar
stands at ``TODAY``, Wednesday 2026-12-09 (an inspection day); the month is ``MONTH``, 2026-12,
which starts on a Tuesday and has 31 days.

=================  ===================  =======  ======  ===========
area               task                 every    min     responsible
=================  ===================  =======  ======  ===========
1号楼1单元楼道     清扫楼道及门厅       day      70      王玥
1号楼2单元楼道     清扫楼道及门厅       day      70      李喆
主干道             清扫道路             2/day    30      张堃
主干道             冲洗路面             month:15 500     (no one has a day that long: uncovered)
=================  ===================  =======  ======  ===========

王玥 is off on Sunday and works 480 minutes a day, 李喆 off on Saturday (420), 张堃 off on Wednesday
and works 60 minutes a day: the road's two sweeps fill his day, a stairwell's 70 never fits it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from estatedesk.domain.cleaning import AreaKind
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.cleaning import CleaningTab
from estatedesk.gui.tabs.cleaning_pages.base import CleaningPage
from estatedesk.gui.tabs.cleaning_pages.inspections import InspectionsPage
from estatedesk.gui.tabs.cleaning_pages.rota import RotaPage
from estatedesk.services import cleaning, households
from estatedesk.services.cleaning import CleanerInput, TaskInput
from estatedesk.services.households import PersonInput, RoomInput
from estatedesk.store.db import create_estate
from helpers.desk_window import open_on_tab

P = TypeVar("P", bound=CleaningPage)
TODAY = date(2026, 12, 9)
MONTH = "2026-12"
SINCE = "2026-01-01"  # the tasks' first day: long before the month


@dataclass
class CleaningDesk:
    """The window, its cleaning tab (calendar at ``TODAY``), ids by name, and the documents opened."""

    window: MainWindow
    tab: CleaningTab
    areas: dict[str, int]
    cleaners: dict[str, int]
    tasks: dict[tuple[str, str], int]
    opened: list[Path] = field(default_factory=list)

    def page(self, kind: type[P]) -> P:
        """A page of the cleaning tab, on screen (it reads what it missed)."""
        page = self.tab.show_page(kind)
        assert isinstance(page, kind)
        return page

    def rota_page(self) -> RotaPage:
        """月度排班 on screen, showing ``MONTH``."""
        page = self.page(RotaPage)
        page.show_month(MONTH)
        return page

    def inspections_page(self) -> InspectionsPage:
        """检查与评比 on screen, showing ``MONTH``."""
        page = self.page(InspectionsPage)
        page.show_month(MONTH)
        return page


def write_estate(path: Path) -> None:
    """The estate of this module's docstring, at ``path`` (closed afterwards)."""
    made = create_estate(path, "幸福里小区")
    try:
        for unit in ("1", "2"):
            households.create_room(RoomInput("1", unit, "101", "89.5", owners=[PersonInput("赵一")]))
        road = cleaning.add_area(AreaKind.ROAD, "主干道")
        team = {
            name: cleaning.add_cleaner(CleanerInput(name, "", off, minutes))
            for name, off, minutes in (("王玥", "sun", "480"), ("李喆", "sat", "420"), ("张堃", "wed", "60"))
        }
        areas = {area.name: area.area_id for area in cleaning.list_areas()}
        for area, what, every, minutes in (
            ("1号楼1单元楼道", "清扫楼道及门厅", "day", "70"),
            ("1号楼2单元楼道", "清扫楼道及门厅", "day", "70"),
            ("主干道", "清扫道路", "2/day", "30"),
            ("主干道", "冲洗路面", "month:15", "500"),
        ):
            cleaning.add_task(TaskInput(areas[area], what, every, minutes, SINCE))
        for area, name in (("1号楼1单元楼道", "王玥"), ("1号楼2单元楼道", "李喆")):
            cleaning.set_responsible(areas[area], team[name])
        cleaning.set_responsible(road, team["张堃"])
    finally:
        made.close()


@pytest.fixture(name="desk")
def cleaning_desk(
    app: QApplication, qtbot: QtBot, tmp_path: Path, boxes: object, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CleaningDesk]:
    """The estate above in a file, open in the window, the cleaning tab on screen."""
    path = tmp_path / "cleaning.sqlite3"
    write_estate(path)
    opened: list[Path] = []

    def open_url(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))

    def stop_clock(tab: CleaningTab) -> None:
        tab.clock = lambda: TODAY

    window, tab = open_on_tab(qtbot, path, CleaningTab, stop_clock)
    areas = {area.name: area.area_id for area in cleaning.list_areas()}
    cleaners = {found.name: found.cleaner_id for found in cleaning.list_cleaners()}
    tasks = {(task.area, task.what): task.task_id for task in cleaning.list_tasks()}
    yield CleaningDesk(window, tab, areas, cleaners, tasks, opened)
    window.close()
