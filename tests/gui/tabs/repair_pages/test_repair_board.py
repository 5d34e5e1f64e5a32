"""The daily review board (gui/tabs/repair_pages/board.py): overdue first, a follow-up note one key away."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.tabs.repair_pages.base import BACKGROUND
from estatedesk.gui.tabs.repair_pages.board import BoardPage
from estatedesk.gui.tabs.repair_pages.orders import OrdersPage
from estatedesk.services import repairs
from estatedesk.services.repairs import DoneInput
from helpers.repair_desk import NOW, RepairDesk


def numbers(page: BoardPage) -> list[str]:
    return [page.model.row_at(line).number for line in range(page.model.rowCount())]


def background(page: BoardPage, line: int) -> str | None:
    brush = page.model.index(line, 0).data(BACKGROUND)
    return None if brush is None else brush.color().name()


def three_orders(desk: RepairDesk) -> tuple[int, int, int]:
    """Due in a week; overdue since yesterday evening; due at 24:00 tonight."""
    later = desk.order("2026-10-09 08:00", "in-home", "卧室墙面开裂", room="1-1-102")
    overdue = desk.order("2026-10-08 09:00", "water", "水管爆裂")
    today = desk.order("2026-10-09 09:00", "water", "水龙头漏水", room="2-1-101")
    repairs.dispatch(overdue, "李师傅", at="2026-10-08 09:10")
    return later, overdue, today


def test_an_empty_board_says_how_to_take_a_call(repair_desk: RepairDesk) -> None:
    page = repair_desk.page(BoardPage)
    assert page.model.rowCount() == 0
    assert page.list_note.text() == present.empty_board_text(True)
    assert page.new_button.isEnabled() and not page.note_button.isEnabled()


def test_overdue_orders_come_first_in_red_then_those_due_today_in_amber(repair_desk: RepairDesk) -> None:
    later, overdue, today = three_orders(repair_desk)
    closed = repair_desk.order("2026-10-08 10:00", "enquiry", "咨询停车", kind="enquiry")
    repairs.finish(closed, DoneInput("已答复", at="2026-10-08 10:10"))
    repairs.close(closed, at="2026-10-08 10:11")
    page = repair_desk.page(BoardPage)
    assert numbers(page) == [repairs.order_number(order) for order in (overdue, today, later)]
    assert background(page, 0) == present.OVERDUE_BACKGROUND
    assert background(page, 1) == present.DUE_TODAY_BACKGROUND
    assert background(page, 2) is None
    standing = page.model.column_index("standing")
    assert page.model.index(0, standing).data() == present.time_left_text(repairs.order_row(overdue).due, NOW)
    assert page.counts == present.BoardCounts(open=3, overdue=1, due_today=1)
    assert page.status_text() == present.board_status(page.counts)


def test_a_follow_up_note_takes_one_key_and_the_next_order_is_chosen(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    _later, overdue, today = three_orders(repair_desk)
    page = repair_desk.page(BoardPage)
    page.table.clearSelection()
    page.read()  # as when the board is first shown
    page.table.setFocus()
    assert page.selected_id() == overdue  # the first line is chosen: N works at once
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert page.note_frame.isVisible() and page.note_edit.hasFocus()
    assert page.note_label.text() == translate("repairs", "Follow-up on {number}:").format(
        number=repairs.order_number(overdue)
    )
    page.note_edit.setText("已催李师傅，下午到场")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not page.note_frame.isVisible()
    assert repairs.order_row(overdue).last_note == "已催李师傅，下午到场"
    note_column = page.model.column_index("note")
    assert page.model.index(0, note_column).data().endswith("已催李师傅，下午到场")
    assert page.selected_id() == today  # on to the next order
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the box too
    assert page.note_frame.isVisible()
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Escape)
    assert not page.note_frame.isVisible() and repairs.order_row(today).last_note == ""


def test_an_empty_note_is_refused_beside_the_box(repair_desk: RepairDesk, qtbot: QtBot) -> None:
    three_orders(repair_desk)
    page = repair_desk.page(BoardPage)
    page.start_note()
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)
    assert page.note_frame.isVisible() and not page.note_error.isHidden()
    assert page.note_error.text() == translate("messages", "the note is empty")


def test_a_double_click_shows_the_order_in_detail(repair_desk: RepairDesk) -> None:
    _later, _overdue, today = three_orders(repair_desk)
    page = repair_desk.page(BoardPage)
    page.select_order(today)
    page.open_order()
    orders = repair_desk.tab.current_page()
    assert isinstance(orders, OrdersPage) and orders.selected_id() == today
    assert "水龙头漏水" in orders.detail_view.toPlainText()


def test_the_daily_sheet_is_written_and_opened(repair_desk: RepairDesk, qtbot: QtBot) -> None:
    three_orders(repair_desk)
    page = repair_desk.page(BoardPage)
    page.print_sheet()
    qtbot.waitUntil(lambda: bool(repair_desk.opened), timeout=20_000)
    (sheet,) = repair_desk.opened
    assert sheet.name == "日清日审-2026-10-09.pdf" and sheet.read_bytes().startswith(b"%PDF")


def test_a_read_only_file_takes_no_note_but_prints(repair_desk: RepairDesk, qtbot: QtBot) -> None:
    three_orders(repair_desk)
    page = repair_desk.page(BoardPage)
    repair_desk.tab.read_only = True
    repair_desk.tab.update_actions()
    assert not page.new_button.isEnabled() and not page.note_button.isEnabled()
    assert page.print_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert not page.note_frame.isVisible()
    assert repair_desk.tab.new_order() is None  # F2 takes no call either


# ---------------------------------------------------------------- the clerk's review


def test_a_reopened_order_past_its_rework_deadline_is_red_and_counted(repair_desk: RepairDesk) -> None:
    order_id = repair_desk.order("2026-10-08 08:00", "water", "水管爆裂")
    repairs.dispatch(order_id, "李师傅", at="2026-10-08 08:10")
    repairs.start(order_id, at="2026-10-08 08:30")
    repairs.finish(order_id, DoneInput("更换水管", at="2026-10-08 11:00"))  # on time
    repairs.visit(order_id, False, "还在漏", at="2026-10-08 15:00")  # reopened: redone by 24:00 that day
    page = repair_desk.page(BoardPage)
    assert background(page, 0) == present.OVERDUE_BACKGROUND
    assert page.counts == present.BoardCounts(open=1, overdue=1, due_today=0)
    standing = page.model.column_index("standing")
    assert page.model.index(0, standing).data() == present.time_left_text(datetime(2026, 10, 9), NOW)
    assert page.model.index(0, page.model.column_index("due")).data() == "2026-10-08 24:00"
    assert page.model.index(0, standing).data(Qt.ItemDataRole.ForegroundRole).color().name() == (
        present.OVERDUE_COLOUR
    )


def test_an_emergency_is_marked_in_words_and_red_is_left_to_what_is_overdue(repair_desk: RepairDesk) -> None:
    repair_desk.order("2026-10-09 09:50", "water", "总阀爆裂", urgency="emergency")
    page = repair_desk.page(BoardPage)
    category = page.model.index(0, page.model.column_index("category"))
    assert category.data() == "【急】水路维修"
    assert category.data(Qt.ItemDataRole.ForegroundRole) is None  # not the red of "overdue"
    assert "【急】" in find(page.form, QLabel, "hintLabel").text()


def test_an_order_done_late_is_said_in_grey_and_not_counted_overdue(repair_desk: RepairDesk) -> None:
    order_id = repair_desk.order("2026-10-06 09:00", "water", "水管爆裂")
    repairs.dispatch(order_id, "李师傅", at="2026-10-06 09:10")
    repairs.start(order_id, at="2026-10-06 10:00")
    repairs.finish(order_id, DoneInput("更换水管", at="2026-10-08 10:00"))  # due 10-06 24:00
    page = repair_desk.page(BoardPage)
    standing = page.model.index(0, page.model.column_index("standing"))
    assert standing.data() == "超时完成 1天10小时"
    assert standing.data(Qt.ItemDataRole.ForegroundRole).color().name() == QColor(present.LATE_COLOUR).name()
    assert background(page, 0) is None and page.counts.overdue == 0
