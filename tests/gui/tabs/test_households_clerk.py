"""The households tab as a clerk meets it: archived rooms, history, the width of the list, set-up, preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.models.room_table_model import COL_OWNER_PHONES
from estatedesk.gui.presenters.households import LAYOUT_LINK, RESTORE_LINK
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput


def archived_room(tab: HouseholdsTab) -> int:
    room_id = households.create_room(RoomInput("9", "1", "101", "80"))
    households.update_room(room_id, RoomInput("9", "1", "101", "81"))
    households.remove_room(room_id)
    tab.archived.setChecked(True)
    tab.select_room(room_id)
    assert tab.selected_id() == room_id
    return room_id


def test_opening_an_archived_room_offers_to_restore_it(window: MainWindow, boxes: object) -> None:
    tab = window.tab(HouseholdsTab)
    room_id = archived_room(tab)
    assert not tab.edit_button.isEnabled() and tab.remove_button.isEnabled()
    tab.table.doubleClicked.emit(tab.model.index(tab.model.row_of(room_id) or 0, 0))
    (question,) = boxes.texts("question")  # type: ignore[attr-defined]
    assert "9-1-101" in question
    assert households.room_detail(room_id).archived_at is None
    assert tab.selected_id() == room_id and tab.edit_button.isEnabled()


def test_an_archived_room_is_restored_with_one_click_in_its_detail(window: MainWindow, boxes: object) -> None:
    tab = window.tab(HouseholdsTab)
    room_id = archived_room(tab)
    assert RESTORE_LINK in tab.detail.toHtml()
    tab.detail.anchorClicked.emit(QUrl(RESTORE_LINK))
    assert households.room_detail(room_id).archived_at is None
    assert boxes.texts() == []  # type: ignore[attr-defined]  # one click, no question
    assert tab.selected_id() == room_id and RESTORE_LINK not in tab.detail.toHtml()


def test_a_demo_room_says_it_was_generated_and_lists_what_it_was_made_with(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    tab.select_room(households.find_room_id("1-1-201") or 0)
    assert tab.history.topLevelItemCount() == 1
    made = tab.history.topLevelItem(0)
    assert made.text(1) == "演示数据生成" and made.text(2) == "新建"
    lines = [made.child(i).text(0) for i in range(made.childCount())]
    assert lines[0] == "房号: 1-1-201" and all("—" not in line for line in lines)
    child = made.child(0)
    assert child.isFirstColumnSpanned() and child.toolTip(0) == child.text(0)


def test_co_owner_phones_show_without_placeholders(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    room_id = households.create_room(
        RoomInput("9", "1", "101", "80", owners=[PersonInput("王玥"), PersonInput("李喆", "13900001111")])
    )
    tab.reload(select_id=room_id)
    assert tab.model.index(tab.model.row_of(room_id) or 0, COL_OWNER_PHONES).data() == "139****1111"
    html = tab.detail.toPlainText()
    assert "李喆 139****1111" in html  # whose phone it is stays clear in the detail


def test_every_column_fits_a_1280_by_800_screen(app: QApplication, qtbot: object, demo_file: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(1280, 800)
    assert window.open_file(demo_file)
    window.show()
    app.processEvents()
    table = window.tab(HouseholdsTab).table
    header = table.horizontalHeader()
    assert not any(header.isSectionHidden(column) for column in range(header.count()))
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    window.close()


def test_the_empty_estate_hint_sets_up_a_building(
    app: QApplication, qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estatedesk.gui.dialogs.layout_dialog import LayoutDialog
    from estatedesk.store.db import create_estate

    path = tmp_path / "new.sqlite3"
    create_estate(path, "新小区").close()
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.open_file(path)
    tab = window.tab(HouseholdsTab)
    assert LAYOUT_LINK in tab.detail.toHtml()

    def clerk_fills_in(dialog: LayoutDialog) -> bool:
        dialog.building.setText("1")
        dialog.area.setText("75")
        dialog.accept()
        return dialog.result is not None

    monkeypatch.setattr(LayoutDialog, "exec", clerk_fills_in)
    tab.detail.anchorClicked.emit(QUrl(LAYOUT_LINK))
    assert tab.model.total == 24  # 2 units × 6 floors × 2 rooms, the dialog's starting values
    assert households.room_detail(tab.selected_id() or 0).code == "1-1-101"
    assert tab.layout_button.isVisible() or not window.isVisible()
    window.close()


def test_print_preview_shows_the_list_in_qts_preview(window: MainWindow, qtbot: object) -> None:
    tab = window.tab(HouseholdsTab)
    tab.tree.setCurrentIndex(tab.place_tree.model.item(0).child(0).index())  # building 1
    tab.preview_action.trigger()
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=20_000)  # type: ignore[attr-defined]
    preview = tab.preview
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    assert preview.document.pages  # type: ignore[attr-defined]
    preview.reject()
    assert tab.preview is None


def test_the_tools_menu_sets_up_a_building_too(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from estatedesk.gui.dialogs.layout_dialog import LayoutDialog

    opened: list[LayoutDialog] = []
    monkeypatch.setattr(LayoutDialog, "exec", lambda dialog: opened.append(dialog) or False)
    window.building_action.trigger()
    assert len(opened) == 1
    assert window.tabs.currentWidget() is window.tab(HouseholdsTab).widget.parentWidget()
