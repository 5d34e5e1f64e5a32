"""The daily review board (gui/tabs/repair_pages/board.py): overdue first, a follow-up note one key away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from estatedesk.gui.i18n import translate
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
