"""The orders page (gui/tabs/repair_pages/orders.py): filters in SQL, the detail, the steps' buttons."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QUrl
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel
from pytestqt.qtbot import QtBot

from estatedesk.domain.repairs import State, Step
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE
from estatedesk.gui.dialogs.repair_step_dialog import RepairStepDialog
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.tabs.repair_pages import orders as orders_module
from estatedesk.gui.tabs.repair_pages.orders import OrdersPage
from estatedesk.services import repairs
from estatedesk.services.repairs import DoneInput
from helpers.repair_desk import NOW, RepairDesk


def numbers(page: OrdersPage) -> list[str]:
    return [page.model.row_at(line).number for line in range(page.model.rowCount())]


def number(order_id: int) -> str:
    return repairs.order_number(order_id)


def choose(combo: object, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))  # type: ignore[attr-defined]
    combo.activated.emit(combo.currentIndex())  # type: ignore[attr-defined]


@pytest.fixture
def orders(repair_desk: RepairDesk) -> dict[str, int]:
    """Four orders: one late in building 1, one done by 王师傅 in building 2, an old one closed, one new."""
    desk = repair_desk
    made = {
        "late": desk.order("2026-10-08 09:00", "water", "水管爆裂"),
        "done": desk.order("2026-10-09 08:00", "electricity", "插座没电", room="2-1-101"),
        "old": desk.order("2026-09-01 10:00", "in-home", "门锁坏了", room="1-1-102"),
        "new": desk.order("2026-10-09 09:30", "public-glass-door-light", "楼道灯不亮", room="1-1-102"),
    }
    repairs.dispatch(made["late"], "李师傅", at="2026-10-08 09:10")
    repairs.dispatch(made["done"], "王师傅", at="2026-10-09 08:05")
    repairs.start(made["done"], at="2026-10-09 08:30")
    repairs.finish(made["done"], DoneInput("更换插座", at="2026-10-09 09:00"))
    repairs.dispatch(made["old"], "李师傅", at="2026-09-01 10:05")
    repairs.start(made["old"], at="2026-09-01 11:00")
    repairs.finish(made["old"], DoneInput("换锁芯", "锁芯", "80", "", "owner", at="2026-09-01 12:00"))
    repairs.visit(made["old"], True, "满意", at="2026-09-02 09:00")
    repairs.close(made["old"], at="2026-09-02 09:05")
    return made


def test_the_list_shows_every_order_newest_first_with_its_time_left(
    repair_desk: RepairDesk, orders: dict[str, int]
) -> None:
    page = repair_desk.page(OrdersPage)
    assert numbers(page) == [number(orders[key]) for key in ("new", "done", "late", "old")]
    standing = page.model.column_index("standing")
    late_line = page.model.row_of(orders["late"])
    assert page.model.index(late_line, standing).data() == present.time_left_text(
        repairs.order_row(orders["late"]).due, NOW
    )
    assert page.count_label.text() == present.list_count_text(4, False)


def test_the_filters_narrow_the_list(repair_desk: RepairDesk, orders: dict[str, int]) -> None:
    page = repair_desk.page(OrdersPage)
    choose(page.category, "water")
    assert numbers(page) == [number(orders["late"])]
    choose(page.category, "")
    choose(page.building, "2")
    assert numbers(page) == [number(orders["done"])]
    choose(page.building, "")
    choose(page.worker, "李师傅")
    assert numbers(page) == [number(orders["late"]), number(orders["old"])]
    choose(page.worker, "")
    choose(page.state, "overdue")
    assert numbers(page) == [number(orders["late"])]
    choose(page.state, "open")
    assert set(numbers(page)) == {number(orders[key]) for key in ("late", "done", "new")}
    choose(page.state, State.CLOSED.value)
    assert numbers(page) == [number(orders["old"])]
    choose(page.state, "")
    page.date_from.setDate(QDate(2026, 9, 1))
    page.date_to.setDate(QDate(2026, 9, 30))
    page.date_check.setChecked(True)
    assert numbers(page) == [number(orders["old"])]
    assert page.order_filter().received_to == date(2026, 9, 30)
    page.show_all()
    page.search.setText("插座")
    page.read_list()  # as once the clerk pauses typing
    assert numbers(page) == [number(orders["done"])]
    page.search.setText("zzz")
    page.read_list()
    assert numbers(page) == [] and page.list_note.text() == present.empty_list_text(True, True)


def test_the_list_holds_the_newest_orders_and_says_when_there_are_more(
    repair_desk: RepairDesk, orders: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(orders_module, "LIST_LIMIT", 2)
    page = repair_desk.page(OrdersPage)
    page.read_list()
    assert numbers(page) == [number(orders["new"]), number(orders["done"])]
    assert page.count_label.text() == present.list_count_text(2, True)
    page.show_order(orders["old"])  # older than the list holds: found by its number
    assert page.selected_id() == orders["old"]


def test_the_detail_shows_the_steps_and_how_late_the_order_is(
    repair_desk: RepairDesk, orders: dict[str, int]
) -> None:
    page = repair_desk.page(OrdersPage)
    page.show_order(orders["late"])
    text = page.detail_view.toPlainText()
    late = repairs.order_row(orders["late"])
    assert present.time_left_text(late.due, NOW) in text  # overdue 9 h…
    assert present.step_text(Step.RECEIVE) in text and present.step_text(Step.DISPATCH) in text
    assert "水管爆裂" in text and "138****5678" in text and "13812345678" not in text
    page._link(QUrl(present.REVEAL_PHONE_LINK))
    assert "13812345678" in page.detail_view.toPlainText()
    page.show_order(orders["old"])
    text = page.detail_view.toPlainText()
    assert "¥80.00" in text and "满意" in text and present.step_text(Step.CLOSE) in text
    assert "13812345678" not in text


def test_the_buttons_are_the_steps_that_fit_the_state(
    repair_desk: RepairDesk, orders: dict[str, int]
) -> None:
    page = repair_desk.page(OrdersPage)
    page.show_order(orders["new"])
    enabled = {step for step, button in page.buttons.items() if button.isEnabled()}
    assert enabled == {Step.DISPATCH, Step.PAUSE, Step.CANCEL, Step.NOTE}
    page.show_order(orders["done"])
    enabled = {step for step, button in page.buttons.items() if button.isEnabled()}
    assert enabled == {Step.VISIT, Step.CLOSE, Step.NOTE}
    assert page.print_button.isEnabled() and page.photo_button.isEnabled()
    repair_desk.tab.read_only = True
    repair_desk.tab.update_actions()
    assert not any(button.isEnabled() for button in page.buttons.values())
    assert not page.photo_button.isEnabled() and page.print_button.isEnabled()


def test_a_step_taken_from_the_detail_moves_the_order_on(
    repair_desk: RepairDesk, orders: dict[str, int], monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    def visit_unsatisfied(dialog: RepairStepDialog) -> bool:
        assert dialog.step is Step.VISIT
        dialog.satisfied.setCurrentIndex(1)
        dialog.comment.setText("插座还是松的")
        dialog.accept()
        return dialog.result is not None

    monkeypatch.setattr(RepairStepDialog, "exec", visit_unsatisfied)
    page = repair_desk.page(OrdersPage)
    page.show_order(orders["done"])
    assert page.take_step(Step.VISIT)
    row = repairs.order_row(orders["done"])
    assert row.state is State.DISPATCHED and row.reworks == 1  # reopened: rework
    assert page.selected_id() == orders["done"] and "插座还是松的" in page.detail_view.toPlainText()
    assert page.buttons[Step.START].isEnabled() and not page.buttons[Step.CLOSE].isEnabled()


def test_photos_show_as_thumbnails_that_open_large(
    repair_desk: RepairDesk, orders: dict[str, int], tmp_path: Path
) -> None:
    picture = tmp_path / "现场.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "orange").save(buffer, "JPEG")
    picture.write_bytes(buffer.getvalue())
    page = repair_desk.page(OrdersPage)
    page.show_order(orders["late"])
    assert page.photo_list.count() == 0 and page.photo_note.isVisible()
    assert page.keep_photos(orders["late"], [picture]) == 1
    assert page.photo_list.count() == 1 and not page.photo_note.isVisible()
    photo_id = repairs.order_detail(orders["late"]).photos[0].photo_id
    viewer = page.open_photo(photo_id)
    assert isinstance(viewer, QDialog) and viewer.isVisible()
    viewer.close()


def test_the_work_order_sheet_is_written_and_opened(
    repair_desk: RepairDesk, orders: dict[str, int], qtbot: QtBot
) -> None:
    page = repair_desk.page(OrdersPage)
    page.show_order(orders["late"])
    page.print_work_order()
    qtbot.waitUntil(lambda: bool(repair_desk.opened), timeout=20_000)
    (sheet,) = repair_desk.opened
    assert sheet.name == f"派工单-{number(orders['late'])}.pdf" and sheet.read_bytes().startswith(b"%PDF")


# ---------------------------------------------------------------- the clerk's review


def test_dates_the_wrong_way_round_are_said_not_shown_as_no_order(
    repair_desk: RepairDesk, orders: dict[str, int]
) -> None:
    page = repair_desk.page(OrdersPage)
    page.date_from.setDate(QDate(2026, 10, 9))
    page.date_to.setDate(QDate(2026, 9, 1))
    page.date_check.setChecked(True)
    assert numbers(page) == []
    assert page.list_note.text() == "日期范围颠倒了：起始日 2026-10-09 晚于截止日 2026-09-01，请对调。"
    assert page.date_from.styleSheet() == BAD_FIELD_STYLE
    page.date_to.setDate(QDate(2026, 10, 9))
    page.read_list()
    assert len(numbers(page)) == 2 and page.list_note.text() == "" and page.date_from.styleSheet() == ""


def test_the_page_s_alt_letters_are_its_own_and_not_the_menu_s(repair_desk: RepairDesk) -> None:
    page = repair_desk.page(OrdersPage)
    letters = [
        text[text.index("&") + 1].upper()
        for shown in page.form.findChildren(QLabel) + page.form.findChildren(QAbstractButton)
        if "&" in (text := shown.text().replace("&&", "")) and shown.isVisibleTo(page.form)
    ]
    menu = {"F", "T", "H"}  # 文件(&F) 工具(&T) 帮助(&H)
    assert len(letters) > 10 and sorted(letters) == sorted(set(letters)) and not menu & set(letters)


def test_a_photo_kept_with_the_order_is_not_added_twice(
    repair_desk: RepairDesk, orders: dict[str, int], tmp_path: Path, boxes: object
) -> None:
    picture = tmp_path / "现场.jpg"
    Image.new("RGB", (80, 60), "orange").save(picture, "JPEG")
    page = repair_desk.page(OrdersPage)
    page.show_order(orders["late"])
    assert page.keep_photos(orders["late"], [picture, picture]) == 1
    assert page.keep_photos(orders["late"], [picture]) == 0
    assert len(repairs.order_detail(orders["late"]).photos) == 1
    assert boxes.texts("warning") == ["现场.jpg 已在该工单的照片中"] * 2  # type: ignore[attr-defined]


def test_a_reopened_order_shows_its_rework_deadline(repair_desk: RepairDesk, orders: dict[str, int]) -> None:
    late = orders["late"]
    repairs.start(late, at="2026-10-08 09:30")
    repairs.finish(late, DoneInput("更换水管", at="2026-10-08 11:00"))
    repairs.visit(late, False, "还在漏", at="2026-10-08 15:00")
    page = repair_desk.page(OrdersPage)
    page.show_order(late)
    text = page.detail_view.toPlainText()
    assert "返修完成" in text and present.time_left_text(datetime(2026, 10, 9), NOW) in text
