"""月度排班 (gui/tabs/cleaning_pages/rota.py): the grid, changes by hand, fairness, the re-plan, printing.

The estate is tests/helpers/desk.py's: two stairwells swept daily by their responsible
cleaners, a road swept twice a day by 张堃 (whose 60 minutes it fills), and a road wash on the 15th
that no one's day is long enough for.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.domain.rota import Why
from estatedesk.gui import labels
from estatedesk.gui.dialogs.rota_changes_dialog import RotaChangesDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.models.rota_grid_model import BACKGROUND, FONT
from estatedesk.gui.presenters import cleaning_rota as present
from estatedesk.gui.presenters.cleaning_rota import Banner
from estatedesk.gui.tabs.cleaning_pages.rota import RotaPage
from estatedesk.services import cleaning
from estatedesk.services.cleaning import SlotView
from helpers.cleaning_desk import MONTH, CleaningDesk, cleaning_desk  # noqa: F401 - the fixture ``desk``

FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
SWEEP_1, SWEEP_2 = ("1号楼1单元楼道", "清扫楼道及门厅"), ("1号楼2单元楼道", "清扫楼道及门厅")
ROAD, WASH = ("主干道", "清扫道路"), ("主干道", "冲洗路面")


def slot_of(
    page: RotaPage, desk: CleaningDesk, day: int, task: tuple[str, str], occurrence: int = 1
) -> SlotView:
    """The occurrence of ``task`` on December ``day`` as the page shows it."""
    index = page.model.index_of(date(2026, 12, day), desk.tasks[task], occurrence)
    found = page.model.slot_at(index)
    assert found is not None
    return found


def cell(
    page: RotaPage, desk: CleaningDesk, day: int, task: tuple[str, str], occurrence: int = 1
) -> QModelIndex:
    return page.model.index_of(date(2026, 12, day), desk.tasks[task], occurrence)


def loads(page: RotaPage) -> dict[str, tuple[int, str, bool]]:
    """Each cleaner's minutes, minutes per working day and whether within, as the fairness table shows."""
    return {
        line.name: (line.minutes, line.rate_text, line.within) for line in page.fairness_model.shown_rows()
    }


def colour(index: QModelIndex, role: int) -> str | None:
    brush = index.data(role)
    return brush.color().name() if isinstance(brush, QBrush) else None


def test_the_grid_shows_every_occurrence_by_area_and_day(desk: CleaningDesk) -> None:
    page = desk.rota_page()
    model = page.model
    assert page.month_combo.currentData() == MONTH
    assert model.columnCount() == 31
    assert model.headerData(0, Qt.Orientation.Horizontal) == present.day_header(date(2026, 12, 1))
    rows = [(row.area, row.task, row.occurrence) for row in model.rows]
    assert rows == [
        (*SWEEP_1, 1),
        (*SWEEP_2, 1),
        (*ROAD, 1),
        (*ROAD, 2),
        (*WASH, 1),
    ]  # as the areas are listed
    labels_shown = [model.headerData(line, Qt.Orientation.Vertical) for line in range(model.rowCount())]
    assert labels_shown == [row.label for row in model.rows]
    assert (
        translate("cleaning_rota", "{words} · no. {number}").format(
            words=translate("cleaning_rota", "{area} · {task}").format(area="主干道", task="清扫道路"),
            number=2,
        )
        == labels_shown[3]
    )
    assert page.view is not None
    for slot in page.view.slots:
        index = model.index_of(slot.day, slot.task_id, slot.occurrence)
        assert index.data() == present.cell_text(slot)
    # The responsible cleaner has their area when they work; 张堃 the road, but not on his Wednesday.
    assert cell(page, desk, 1, SWEEP_1).data() == "王玥"
    assert cell(page, desk, 6, SWEEP_1).data() != "王玥"  # a Sunday
    assert cell(page, desk, 1, ROAD, 2).data() == "张堃"
    assert "张堃" not in {cell(page, desk, 2, ROAD, n).data() for n in (1, 2)}
    assert not cell(page, desk, 1, WASH).isValid() or cell(page, desk, 1, WASH).data() is None
    # Weekends shaded, their days in red above.
    assert colour(model.index(0, 4), BACKGROUND) == present.WEEKEND_BACKGROUND  # Saturday the 5th
    assert colour(model.index(0, 3), BACKGROUND) is None
    assert model.headerData(4, Qt.Orientation.Horizontal, FOREGROUND).color().name() == present.RED
    assert page.status_text() == present.rota_status(page.view)


def test_uncovered_occurrences_are_red_with_why_and_listed(desk: CleaningDesk) -> None:
    page = desk.rota_page()
    wash = cell(page, desk, 15, WASH)
    slot = page.model.slot_at(wash)
    assert slot is not None and slot.cleaner_id is None and slot.why is Why.TOO_LONG
    assert wash.data() == present.cell_text(slot)
    assert colour(wash, BACKGROUND) == present.RED_BACKGROUND
    assert colour(wash, FOREGROUND) == present.RED
    assert present.why_text(Why.TOO_LONG) in wash.data(TOOLTIP)
    (line,) = page.uncovered_model.shown_rows()
    assert (line.slot.day, line.slot.area, line.task_text, line.why_text) == (
        date(2026, 12, 15),
        "主干道",
        "冲洗路面",
        present.why_text(Why.TOO_LONG),
    )
    assert page.uncovered_title.text() == present.uncovered_title(1)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.uncovered_table.activated.emit(page.uncovered_model.index(0, 0))
    assert page.table.currentIndex() == wash


def test_a_rota_never_accepted_says_so_until_it_is_accepted(desk: CleaningDesk) -> None:
    page = desk.rota_page()
    assert page.view is not None and not page.view.accepted
    assert not page.banner_frame.isHidden() and page.changes_button.isHidden()
    assert page.banner_label.text() == present.banner(page.view)[1]
    assert present.banner(page.view)[0] is Banner.UNACCEPTED
    assert page.accept_button.isEnabled()
    page.accept()
    assert cleaning.accepted_months() == [MONTH]
    assert page.view.accepted and page.banner_frame.isHidden()
    assert not page.accept_button.isEnabled()
    assert page.month_combo.currentText() == present.month_title(MONTH, True)


def test_a_change_by_hand_moves_the_minutes_and_the_fairness_figures_follow(
    desk: CleaningDesk,
) -> None:
    page = desk.rota_page()
    before = loads(page)
    slot = slot_of(page, desk, 1, SWEEP_1)  # 王玥's, on a Tuesday
    assert slot.cleaner == "王玥"
    assert page.reassign(slot, desk.cleaners["李喆"])
    index = cell(page, desk, 1, SWEEP_1)
    assert index.data() == "李喆"
    assert isinstance(index.data(FONT), QFont) and index.data(FONT).bold()
    assert colour(index, FOREGROUND) == present.MANUAL_COLOUR
    assert translate("cleaning_rota", "Set by hand") in index.data(TOOLTIP)
    after = loads(page)
    assert after["李喆"][0] == before["李喆"][0] + 70 and after["王玥"][0] == before["王玥"][0] - 70
    assert after["李喆"][1] != before["李喆"][1]
    assert page.view is not None
    assert {line.name: line.rate for line in page.fairness_model.shown_rows()} == {
        load.name: load.rate for load in page.view.fairness.loads
    }
    assert page.fairness_label.text() == present.fairness_text(page.view.fairness)
    # The change is kept (the rota with it is accepted), and shown again after a fresh read.
    assert page.view.accepted and page.banner_frame.isHidden()
    page.read()
    assert cell(page, desk, 1, SWEEP_1).data() == "李喆"
    assert page.table.currentIndex() == cell(page, desk, 1, SWEEP_1)


def test_the_first_change_by_hand_of_a_month_never_accepted_asks_first(
    desk: CleaningDesk, boxes: object
) -> None:
    page = desk.rota_page()
    slot = slot_of(page, desk, 1, SWEEP_1)
    question = translate(
        "cleaning_rota",
        "This month's rota is not accepted yet. A change by hand accepts the whole month's "
        "rota with it. Go on?",
    )
    boxes.answer = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    assert not page.reassign(slot, desk.cleaners["李喆"])
    assert boxes.texts("question") == [question]  # type: ignore[attr-defined]
    assert question.startswith("本月排班尚未确认")  # the clerk reads it in Chinese
    assert cell(page, desk, 1, SWEEP_1).data() == "王玥" and cleaning.accepted_months() == []
    boxes.answer = QMessageBox.StandardButton.Yes  # type: ignore[attr-defined]
    assert page.reassign(slot, desk.cleaners["李喆"])
    assert cell(page, desk, 1, SWEEP_1).data() == "李喆" and cleaning.accepted_months() == [MONTH]
    # The month is accepted now: a second change by hand asks nothing.
    assert page.reassign(slot_of(page, desk, 2, SWEEP_1), desk.cleaners["李喆"])
    assert len(boxes.texts("question")) == 2  # type: ignore[attr-defined]
    assert cell(page, desk, 2, SWEEP_1).data() == "李喆"


def test_without_cleaners_the_page_says_so_instead_of_a_rota(desk: CleaningDesk) -> None:
    for area in cleaning.list_areas():
        cleaning.set_responsible(area.area_id, None)
    for cleaner_id in desk.cleaners.values():
        cleaning.remove_cleaner(cleaner_id)
    page = desk.rota_page()
    assert page.view is not None and page.view.slots and not page.view.cleaners
    note = present.no_team_text()
    assert note == "还没有保洁员：请先在“保洁员与请假”中添加保洁员。"
    assert page.model.rowCount() == 0 and page.grid_note.text() == note and not page.grid_note.isHidden()
    assert page.fairness_model.rowCount() == 0 and page.fairness_label.text() == note
    assert page.uncovered_model.rowCount() == 0 and page.uncovered_note.text() == note
    assert not page.accept_button.isEnabled()


def test_without_tasks_the_uncovered_list_does_not_say_all_is_covered(desk: CleaningDesk) -> None:
    for task_id in desk.tasks.values():
        cleaning.remove_task(task_id)
    page = desk.rota_page()
    assert page.view is not None and not page.view.slots
    assert page.uncovered_note.text() == translate("cleaning_rota", "No tasks yet: nothing to cover.")
    assert page.uncovered_note.text() != translate("cleaning_rota", "Every task is covered.")
    assert page.grid_note.text() == present.empty_rota_text(page.view)
    assert not page.accept_button.isEnabled()


def test_the_legend_and_the_cells_call_uncovered_alike_and_the_columns_fit(desk: CleaningDesk) -> None:
    page = desk.rota_page()
    wash = cell(page, desk, 15, WASH)
    assert wash.data() == present.uncovered_word() == "未排"
    assert f"&nbsp;{wash.data()}&nbsp;" in page.legend_label.text()
    assert "未排上" not in page.legend_label.text()
    fairness = page.fairness_table.horizontalHeader()
    within = page.fairness_model.column_index("within")
    assert not fairness.stretchLastSection()
    assert fairness.sectionResizeMode(within) == QHeaderView.ResizeMode.ResizeToContents
    uncovered = page.uncovered_table.horizontalHeader()
    why = page.uncovered_model.column_index("why")
    assert uncovered.sectionResizeMode(why) == QHeaderView.ResizeMode.Stretch


def test_a_refused_change_says_why_and_changes_nothing(desk: CleaningDesk, boxes: object) -> None:
    page = desk.rota_page()
    sunday = slot_of(page, desk, 6, SWEEP_2)
    assert not page.reassign(sunday, desk.cleaners["王玥"])
    day_off = ValidationError(
        "cleaner", QT_TRANSLATE_NOOP("messages", "{day} is {name}'s day off"), name="王玥", day="2026-12-06"
    )
    assert boxes.texts("warning") == [labels.message(day_off)]  # type: ignore[attr-defined]
    # 张堃 works on Tuesdays, but the road fills his 60 minutes: a 70-minute sweep is refused.
    tuesday = slot_of(page, desk, 1, SWEEP_2)
    offered = {choice.name: choice for choice in present.choices(page.view, tuesday)}  # type: ignore[arg-type]
    assert not offered["张堃"].fits and offered["张堃"].minutes_left == 0
    assert not page.reassign(tuesday, desk.cleaners["张堃"])
    too_long = boxes.texts("warning")[-1]  # type: ignore[attr-defined]
    assert "张堃" in too_long and "130" in too_long and "60" in too_long
    assert cell(page, desk, 1, SWEEP_2).data() == tuesday.cleaner
    assert cleaning.accepted_months() == []  # nothing was kept


def test_enter_on_a_cell_offers_who_works_that_day(
    desk: CleaningDesk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.rota_page()
    offered: list[list[str]] = []

    def choose(_page: RotaPage, menu: QMenu, _where: object) -> object:
        names = [action.text() for action in menu.actions() if action.data() is not None]
        offered.append(names)
        return next(action for action in menu.actions() if action.data() == desk.cleaners["李喆"])

    monkeypatch.setattr(RotaPage, "choose", choose)
    sunday = slot_of(page, desk, 6, SWEEP_1)  # 王玥 is off: 李喆 or 张堃
    page.table.setCurrentIndex(cell(page, desk, 6, SWEEP_1))
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    (names,) = offered
    working = present.choices(page.view, sunday)  # type: ignore[arg-type]
    assert [choice.name for choice in working] == ["李喆", "张堃"]  # in pinyin order; 王玥 is off
    assert names == [present.choice_text(choice, sunday.minutes) for choice in working]
    assert cell(page, desk, 6, SWEEP_1).data() == "李喆"
    menu = page.cell_menu(slot_of(page, desk, 6, SWEEP_1))
    checked = [action.text() for action in menu.actions() if action.isChecked()]
    assert len(checked) == 1 and checked[0].startswith("李喆")


def test_leave_entered_later_is_re_planned_and_shown_before_it_is_accepted(
    desk: CleaningDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.rota_page()
    page.accept()
    cleaning.add_leave(desk.cleaners["王玥"], "2026-12-14", "2026-12-16", "探亲")
    # The window heard of the change: the page shows the re-plan and says how much changed.
    view = page.view
    assert view is not None and view.changes
    assert {change.day for change in view.changes} == {date(2026, 12, day) for day in (14, 15, 16)}
    assert {change.before for change in view.changes} == {"王玥"}
    assert page.banner_label.text() == present.banner(view)[1]
    assert str(len(view.changes)) in page.banner_label.text()
    assert not page.changes_button.isHidden() and page.accept_button.isEnabled()
    assert cell(page, desk, 15, SWEEP_1).data() != "王玥"
    # A change by hand waits for the re-plan to be seen: cancelled, nothing is changed.
    shown: list[list[str]] = []

    def cancel(dialog: RotaChangesDialog) -> bool:
        shown.append([line.change_text for line in dialog.lines()])
        return False

    monkeypatch.setattr(RotaChangesDialog, "exec", cancel)
    monkeypatch.setattr(
        RotaPage, "choose", lambda *_args: pytest.fail("no menu before the re-plan is accepted")
    )
    page.change_cell(cell(page, desk, 20, SWEEP_1))
    assert len(shown) == 1 and len(shown[0]) == len(view.changes)
    assert shown[0][0] == present.change_lines(view.changes)[0].change_text
    assert page.view is not None and page.view.changes
    # 接受: the rota as it stands is kept; the banner goes.

    def accept(dialog: RotaChangesDialog) -> bool:
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(RotaChangesDialog, "exec", accept)
    page.review_changes()
    assert page.view is not None and page.view.accepted and not page.view.changes
    assert page.banner_frame.isHidden()
    assert cleaning.rota(MONTH).changes == ()
    assert cell(page, desk, 15, SWEEP_1).data() != "王玥"


def test_the_month_chooser_steps_through_months(desk: CleaningDesk) -> None:
    page = desk.rota_page()
    page.next_button.click()
    assert page.month == "2027-01" and page.model.columnCount() == 31
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == present.day_header(date(2027, 1, 1))
    page.previous_button.click()
    page.previous_button.click()
    assert page.month == "2026-11" and page.model.columnCount() == 30
    assert page.month_combo.currentData() == "2026-11"


def test_the_wall_chart_and_the_task_sheets_are_written_and_opened(
    desk: CleaningDesk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desk.rota_page()
    page.print_wall_chart()
    qtbot.waitUntil(lambda: bool(desk.opened) and page.task is None, timeout=30_000)
    (chart,) = desk.opened
    assert chart.name == "排班表-2026-12.pdf" and chart.read_bytes().startswith(b"%PDF")
    page.print_task_sheets(desk.cleaners["李喆"])
    qtbot.waitUntil(lambda: len(desk.opened) == 2 and page.task is None, timeout=30_000)
    assert desk.opened[1].name == "每日任务单-2026-12-李喆.pdf"
    page._fill_sheets_menu()
    names = [action.text() for action in page.sheets_menu.actions() if action.text()]
    assert names == [translate("cleaning_rota", "Every cleaner"), "李喆", "王玥", "张堃"]
