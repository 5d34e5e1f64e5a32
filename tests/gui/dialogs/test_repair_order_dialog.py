"""The intake form (gui/dialogs/repair_order_dialog.py): an order by keyboard, refusals by their fields."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import MESSAGE_CONTEXT
from estatedesk.domain.repairs import OrderKind, PlaceKind, State, Urgency, format_time
from estatedesk.gui.dialogs.repair_order_dialog import PHOTO_FILTER, RepairOrderDialog, Reporter, to_qt
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.tabs.repair_pages.orders import OrdersPage
from estatedesk.services import repairs
from helpers.repair_desk import NOW, RepairDesk


def message(template: str, **params: object) -> str:
    """A service's message as the form shows it: in the interface language."""
    return translate(MESSAGE_CONTEXT, template).format(**params)


def error(dialog: RepairOrderDialog, name: str) -> str:
    """The error shown under a field ('' when none is)."""
    label = find(dialog.dialog, QLabel, name)
    return label.text() if not label.isHidden() else ""


def intake(desk: RepairDesk, qtbot: QtBot) -> RepairOrderDialog:
    dialog = RepairOrderDialog(desk.window, NOW, desk.tab.category_names)
    qtbot.addWidget(dialog.dialog)
    dialog.dialog.show()
    qtbot.waitExposed(dialog.dialog)
    dialog.dialog.activateWindow()
    return dialog


def test_an_order_is_opened_from_the_keyboard_with_its_deadline(
    repair_desk: RepairDesk, qtbot: QtBot, app: QApplication
) -> None:
    dialog = intake(repair_desk, qtbot)
    search = dialog.picker.search
    qtbot.waitUntil(search.hasFocus)  # the room first
    qtbot.keyClicks(search, "1-1-101")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # takes the room highlighted, goes on to the place
    assert dialog.picker.chosen() is not None and dialog.picker.chosen().code == "1-1-101"
    assert dialog.place.hasFocus() and dialog.place_kind() is PlaceKind.ROOM
    qtbot.keyClick(dialog.place, Qt.Key.Key_Tab)  # exactly where: nothing to say
    qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.category.hasFocus()
    assert dialog.category.currentIndex() == -1  # none chosen for the clerk: a default would go unseen
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
    assert dialog.category.currentData() == "water"  # 修水不过天: the first of the list
    qtbot.keyClick(dialog.category, Qt.Key.Key_Tab)
    qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Tab)  # past "emergency"
    assert dialog.description.hasFocus()
    dialog.description.setPlainText("厨房水管爆裂，水流不止")  # non-ASCII text cannot be typed by keyClicks
    assert present.finish_by_text(datetime(2026, 10, 10)) in dialog.due_label.text()  # known before saving
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result is not None, [error(dialog, name) for name in ("roomError", "descriptionError")]
    created = dialog.result.created
    assert created.finish_due == datetime(2026, 10, 10)  # 24:00 of the day received
    row = repairs.order_row(created.order_id)
    assert (row.place, row.reporter, row.category, row.state) == (
        "1-1-101",
        "1-1-101",
        "water",
        State.RECEIVED,
    )
    assert row.received == NOW and row.kind is OrderKind.REPAIR and row.urgency is Urgency.NORMAL


def test_a_new_call_from_the_tab_says_the_deadline_and_shows_the_order(
    repair_desk: RepairDesk, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    def fill_and_save(dialog: RepairOrderDialog) -> bool:
        dialog.picker.search.setText("2-1-101")
        dialog.picker.choose_highlighted()
        dialog.category.setCurrentIndex(dialog.category.findData("in-home"))
        dialog.emergency.setChecked(True)
        dialog.description.setPlainText("卫生间漏水到楼下")
        dialog.accept()
        return dialog.result is not None

    monkeypatch.setattr(RepairOrderDialog, "exec", fill_and_save)
    order_id = repair_desk.tab.new_order()
    assert order_id is not None
    (said,) = boxes.texts("information")  # type: ignore[attr-defined]
    assert present.arrive_by_text(NOW + timedelta(minutes=30)) in said  # an emergency: on site in 30 minutes
    # 7 working days: Saturday 10-10 (worked for the National Day), 10-12 … 10-16, 10-19.
    assert present.finish_by_text(datetime(2026, 10, 20)) in said
    page = repair_desk.tab.current_page()
    assert isinstance(page, OrdersPage) and page.selected_id() == order_id
    assert "卫生间漏水到楼下" in page.detail_view.toPlainText()


def test_a_refused_field_says_why_beside_it(repair_desk: RepairDesk, qtbot: QtBot) -> None:
    dialog = intake(repair_desk, qtbot)
    dialog.accept()  # nothing typed
    assert dialog.result is None
    assert error(dialog, "descriptionError") == message("say what is wrong: the description is empty")
    assert error(dialog, "roomError") == message("choose the room the work is in")
    assert error(dialog, "categoryError") == message("choose the category")  # none is chosen unseen
    assert dialog.category.currentText() == "" and dialog.category.placeholderText() == "请选择类别"
    dialog.description.setPlainText("楼道灯不亮")
    dialog.picker.search.setText("9-9-909")  # no such room
    dialog.category.setCurrentIndex(dialog.category.findData("public-glass-door-light"))
    dialog.accept()
    assert dialog.result is None
    assert error(dialog, "descriptionError") == ""
    assert error(dialog, "roomError") == message("no room has the code {code}", code="9-9-909")


def test_a_common_part_needs_no_room_and_a_named_caller_needs_a_name_or_phone(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    dialog = intake(repair_desk, qtbot)
    dialog.place.setCurrentIndex(dialog.place.findData(PlaceKind.STAIRWELL.value))
    assert dialog.building.isVisible() and dialog.unit.isVisible()
    dialog.building.setCurrentIndex(dialog.building.findData("2"))
    dialog.unit.setCurrentIndex(dialog.unit.findData("1"))
    dialog.category.setCurrentIndex(dialog.category.findData("public-glass-door-light"))
    dialog.reporter.setCurrentIndex(dialog.reporter.findData(Reporter.OTHER))
    dialog.description.setPlainText("2号楼1单元3楼灯不亮")
    dialog.accept()
    assert error(dialog, "nameError") == message("give the caller's name or phone")
    dialog.phone.setText("1381234")  # not a phone
    dialog.accept()
    assert error(dialog, "phoneError") != ""
    dialog.phone.setText("13812345678")
    dialog.accept()
    assert dialog.result is not None
    row = repairs.order_row(dialog.result.created.order_id)
    assert row.place.endswith("楼道") and row.reporter == "" and row.building == "2"
    assert repairs.order_detail(row.order_id).reporter_phone == "13812345678"


def test_a_call_received_in_the_future_is_asked_about(
    repair_desk: RepairDesk, qtbot: QtBot, boxes: object
) -> None:
    dialog = intake(repair_desk, qtbot)
    later = datetime.now().replace(second=0, microsecond=0) + timedelta(days=2)
    dialog.received.setDateTime(to_qt(later))
    dialog.picker.search.setText("1-1-102")
    dialog.picker.choose_highlighted()
    dialog.category.setCurrentIndex(dialog.category.findData("in-home"))
    dialog.description.setPlainText("计划检修")
    boxes.answer = boxes.answer.No  # type: ignore[attr-defined]
    dialog.accept()
    (asked,) = boxes.texts("question")  # type: ignore[attr-defined]
    assert message("the order is received at {at}, which is in the future", at=format_time(later)) in asked
    assert dialog.result is None and repairs.list_orders() == []
    boxes.answer = boxes.answer.Yes  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.result is not None and repairs.order_row(dialog.result.created.order_id).received == later


def test_photos_are_kept_with_the_order_made(repair_desk: RepairDesk, qtbot: QtBot, tmp_path: Path) -> None:
    picture = tmp_path / "漏水.png"
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), "steelblue").save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    not_a_picture = tmp_path / "说明.txt"
    not_a_picture.write_text("not a picture")
    dialog = intake(repair_desk, qtbot)
    dialog.picker.search.setText("1-1-101")
    dialog.picker.choose_highlighted()
    dialog.category.setCurrentIndex(dialog.category.findData("in-home"))
    dialog.description.setPlainText("墙面渗水")
    assert dialog.add_photo_file(picture) == ""
    dialog.accept()
    assert dialog.result is not None
    (photo,) = repairs.order_detail(dialog.result.created.order_id).photos
    assert max(photo.width, photo.height) == 1600
    assert dialog.result.photo_problems == ()


# ---------------------------------------------------------------- the clerk's review


def mnemonics(widget: QWidget) -> list[str]:
    """The Alt+letter of every label and button shown in ``widget`` (``位置(&P)`` → ``P``)."""
    letters = []
    for shown in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        text = shown.text().replace("&&", "")
        if shown.isVisibleTo(widget) and "&" in text:
            letters.append(text[text.index("&") + 1].upper())
    return letters


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """Put the keyboard in ``widget`` (once its dialog is the active window)."""
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_each_alt_letter_of_the_intake_is_its_own(repair_desk: RepairDesk, qtbot: QtBot) -> None:
    dialog = intake(repair_desk, qtbot)
    letters = mnemonics(dialog.dialog)
    assert len(letters) > 10 and sorted(letters) == sorted(set(letters))  # 位置、报修人、添加照片 were all P


def test_enter_in_a_one_line_input_goes_on_and_only_ctrl_enter_saves(
    repair_desk: RepairDesk, qtbot: QtBot, app: QApplication
) -> None:
    dialog = intake(repair_desk, qtbot)
    dialog.picker.search.setText("1-1-101")
    dialog.picker.choose_highlighted()
    dialog.category.setCurrentIndex(dialog.category.findData("in-home"))
    dialog.description.setPlainText("卧室墙面开裂")
    dialog.reporter.setCurrentIndex(dialog.reporter.findData(Reporter.OTHER))
    focus(qtbot, dialog.name)
    qtbot.keyClicks(dialog.name, "Wang")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # the clerk goes on to the phone, as the hint says
    assert dialog.result is None and dialog.dialog.isVisible() and repairs.list_orders() == []
    assert dialog.phone.hasFocus()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Enter)  # the keypad's Enter alike
    assert dialog.result is None and app.focusWidget() is not dialog.phone
    qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert (
        dialog.result is not None and repairs.order_row(dialog.result.created.order_id).category == "in-home"
    )


def test_the_received_time_is_left_with_one_tab(
    repair_desk: RepairDesk, qtbot: QtBot, app: QApplication
) -> None:
    dialog = intake(repair_desk, qtbot)
    focus(qtbot, dialog.received)
    qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.channel.hasFocus()  # not the month, the day, the hour and the minute first
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Backtab)
    qtbot.keyClick(app.focusWidget(), Qt.Key.Key_Backtab)
    assert dialog.phone.hasFocus()


def test_every_common_part_may_name_its_building_and_only_a_stairwell_must(
    repair_desk: RepairDesk, qtbot: QtBot
) -> None:
    dialog = intake(repair_desk, qtbot)
    dialog.picker.search.setText("1-1-101")  # the caller lives in building 1
    dialog.picker.choose_highlighted()
    dialog.category.setCurrentIndex(dialog.category.findData("common-part"))
    dialog.description.setPlainText("屋面漏水")
    dialog.place.setCurrentIndex(dialog.place.findData(PlaceKind.ROOF.value))
    assert dialog.building.isVisible() and dialog.unit.isVisible()
    assert dialog.building.currentData() == ""  # not the caller's building: the roof may be another's
    dialog.building.setCurrentIndex(dialog.building.findData("2"))
    dialog.unit.setCurrentIndex(dialog.unit.findData("1"))
    assert (dialog.order_input().building, dialog.order_input().unit) == ("2", "1")
    dialog.accept()
    assert dialog.result is not None
    assert repairs.order_row(dialog.result.created.order_id).building == "2"
    # A stairwell takes the caller's building until another is chosen, and needs one.
    stairs = intake(repair_desk, qtbot)
    stairs.place.setCurrentIndex(stairs.place.findData(PlaceKind.STAIRWELL.value))
    stairs.category.setCurrentIndex(stairs.category.findData("public-glass-door-light"))
    stairs.description.setPlainText("楼道灯不亮")
    stairs.reporter.setCurrentIndex(stairs.reporter.findData(Reporter.ANONYMOUS))
    stairs.accept()
    assert stairs.result is None and error(stairs, "buildingError") == message(
        "choose the stairwell's building"
    )
    stairs.picker.search.setText("2-1-101")
    stairs.picker.choose_highlighted()
    assert (stairs.building.currentData(), stairs.unit.currentData()) == ("2", "1")
    stairs.place.setCurrentIndex(stairs.place.findData(PlaceKind.DRAINAGE.value))
    assert stairs.building.currentData() == ""  # the caller's building was the stairwell's, not the drain's
    # Nothing of a building for a room or a facility.
    stairs.place.setCurrentIndex(stairs.place.findData(PlaceKind.ROOM.value))
    assert not stairs.building.isVisible() and stairs.order_input().building == ""


def test_photos_are_checked_as_they_are_added_and_again_before_saving(
    repair_desk: RepairDesk, qtbot: QtBot, tmp_path: Path, boxes: object
) -> None:
    assert "heic" not in PHOTO_FILTER  # no HEIC reader in the bundle: not offered
    picture = tmp_path / "漏水.jpg"
    Image.new("RGB", (40, 30), "steelblue").save(picture, "JPEG")
    heic = tmp_path / "IMG_0001.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    dialog = intake(repair_desk, qtbot)
    problems = dialog.choose_photos_from([str(picture), str(heic), str(picture)])
    assert problems == [
        "IMG_0001.heic 不是本程序能读取的图片",
        "漏水.jpg 已在列表中",
    ]
    assert boxes.texts("warning") == ["\n".join(problems)]  # type: ignore[attr-defined]
    assert dialog.photos == [picture] and dialog.photo_list.count() == 1
    dialog.picker.search.setText("1-1-101")
    dialog.picker.choose_highlighted()
    dialog.category.setCurrentIndex(dialog.category.findData("in-home"))
    dialog.description.setPlainText("墙面渗水")
    picture.unlink()  # the USB stick was taken out
    dialog.accept()
    assert dialog.result is None and repairs.list_orders() == []  # said before the order is made
    assert error(dialog, "photosError") == message(
        "not a picture that can be read: {names}", names="漏水.jpg"
    )
    dialog.photo_list.setCurrentRow(0)
    dialog.remove_photo()
    dialog.accept()
    assert dialog.result is not None
