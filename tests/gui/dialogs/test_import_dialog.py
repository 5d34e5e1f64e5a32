"""gui/dialogs/import_dialog.py with the households table, on the demo window's open estate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from estatedesk.domain.households import Occupancy
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE
from estatedesk.gui.dialogs.import_dialog import NOT_MAPPED, ImportDialog
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.services import households, interchange
from estatedesk.services.households.sheet import HOUSEHOLDS

WAIT = 10_000


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return path


@pytest.fixture
def one_bad_row(tmp_path: Path) -> Path:
    """Three rooms in building 9 (not in the demo estate); the one on row 3 has no area a clerk could mean."""
    return write_csv(
        tmp_path / "住户.csv",
        ["房号,面积,业主", "9-1-101,80,张三", "9-1-102,八十,李四", "9-1-201,90.5,王五"],
    )


@pytest.fixture
def no_room_column(tmp_path: Path) -> Path:
    """A file whose room numbers are under a header the households table does not know."""
    return write_csv(tmp_path / "无房号.csv", ["编号,面积,业主", "9-1-101,80,张三", "9-1-102,81,李四"])


def open_dialog(window: MainWindow, qtbot: QtBot, path: Path) -> ImportDialog:
    dialog = ImportDialog(window, path, HOUSEHOLDS, "导入", lambda result: f"done {result.imported}")
    qtbot.addWidget(dialog.dialog)
    dialog.dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    return dialog


def error_rows(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    table = dialog.errors
    return [tuple(table.item(row, column).text() for column in range(3)) for row in range(table.rowCount())]  # type: ignore[misc]


def test_the_preview_lists_the_bad_row_by_its_spreadsheet_row(
    window: MainWindow, qtbot: QtBot, one_bad_row: Path
) -> None:
    dialog = open_dialog(window, qtbot, one_bad_row)
    assert dialog.dialog.windowTitle() == "导入"
    assert dialog.preview is not None and dialog.preview.bad_row_numbers == [3]
    rows = error_rows(dialog)
    assert len(rows) == 1
    number, column, reason = rows[0]
    assert (number, column) == ("3", "面积")
    assert "八十" in reason
    assert "3" in dialog.summary.text() and "2" in dialog.summary.text()
    assert not dialog.valid_only.isHidden()


def test_the_mapping_combos_show_the_columns_found(
    window: MainWindow, qtbot: QtBot, one_bad_row: Path
) -> None:
    dialog = open_dialog(window, qtbot, one_bad_row)
    assert list(dialog.combos) == [key for key, _header in dialog.preview.fields]  # type: ignore[union-attr]
    assert dialog.combos["number"].currentData() == 0
    assert dialog.combos["area"].currentData() == 1
    assert dialog.combos["owner_names"].currentData() == 2
    assert dialog.combos["note"].currentData() == NOT_MAPPED
    assert dialog.combos["number"].currentText() == "房号"


def test_import_waits_for_only_the_good_rows_then_writes_them_in_the_background(
    window: MainWindow, qtbot: QtBot, one_bad_row: Path, boxes: Any
) -> None:
    tab = window.tab(HouseholdsTab)
    before = tab.model.total
    dialog = open_dialog(window, qtbot, one_bad_row)
    assert not dialog.import_button.isEnabled()
    dialog.valid_only.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.valid_only.setChecked(False)
    assert not dialog.import_button.isEnabled()
    dialog.valid_only.setChecked(True)

    dialog.import_button.click()

    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    result = dialog.result
    assert isinstance(result, interchange.ImportResult)
    assert result.written and result.imported == 2
    assert [error.row for error in result.errors] == [3]
    assert boxes.texts("information") == ["done 2"]
    assert not dialog.dialog.isVisible()
    # No reload asked for: the change notice from the worker thread reaches the tab.
    qtbot.waitUntil(lambda: tab.model.total == before + 2, timeout=WAIT)
    codes = {row.code for row in tab.model.shown_rows()}
    assert {"9-1-101", "9-1-201"} <= codes and "9-1-102" not in codes
    assert households.find_room_id("9-1-102") is None


def test_a_file_without_the_room_column_shows_why_and_cannot_be_imported(
    window: MainWindow, qtbot: QtBot, no_room_column: Path
) -> None:
    dialog = open_dialog(window, qtbot, no_room_column)
    preview = dialog.preview
    assert preview is not None
    assert [error.field for error in preview.file_errors] == ["number"]
    assert error_rows(dialog)[0][:2] == ("1", "房号")
    assert not dialog.import_button.isEnabled()
    dialog.valid_only.setChecked(True)
    assert not dialog.import_button.isEnabled()  # no row can be imported without it
    assert dialog.combos["number"].currentData() == NOT_MAPPED


def test_a_missing_required_column_is_marked_on_its_mapping_combo(
    window: MainWindow, qtbot: QtBot, no_room_column: Path
) -> None:
    dialog = open_dialog(window, qtbot, no_room_column)
    combo = dialog.combos["number"]
    assert combo.styleSheet() == BAD_FIELD_STYLE
    assert combo.toolTip() != ""


def test_choosing_a_column_reads_the_file_again(
    window: MainWindow, qtbot: QtBot, no_room_column: Path
) -> None:
    dialog = open_dialog(window, qtbot, no_room_column)
    first = dialog.preview
    combo: QComboBox = dialog.combos["number"]
    combo.setCurrentIndex(combo.findData(0))  # 编号 holds the room numbers
    qtbot.waitUntil(lambda: dialog.preview is not first, timeout=WAIT)
    preview = dialog.preview
    assert preview is not None
    assert preview.mapping["number"] == 0
    assert preview.errors == [] and len(preview.rows) == 2
    assert dialog.errors.rowCount() == 0
    assert dialog.combos["number"] is not combo and dialog.combos["number"].currentData() == 0
    assert dialog.import_button.isEnabled()
    assert dialog.valid_only.isHidden()


def test_a_file_that_cannot_be_read_says_why(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, boxes: Any
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    dialog = ImportDialog(window, empty, HOUSEHOLDS, "导入", lambda result: "")
    qtbot.addWidget(dialog.dialog)
    qtbot.waitUntil(lambda: bool(boxes.texts("warning")), timeout=WAIT)
    assert dialog.preview is None
    assert "empty.csv" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


# ---------------------------------------------------------------- what each row changes, and confirming


@pytest.fixture
def changed_rooms(window: MainWindow, tmp_path: Path) -> Path:
    """Two stored rooms in building 9: the file empties one's tenant cell and leaves the other as it is."""
    households.create_room(
        households.RoomInput(
            "9",
            "1",
            "101",
            "80",
            occupancy=Occupancy.RENTED,
            owners=[households.PersonInput("张三", "13812345678")],
            residents=[households.ResidentInput("李四", "13700001111")],
        )
    )
    households.create_room(
        households.RoomInput("9", "1", "102", "81", owners=[households.PersonInput("王五")])
    )
    return write_csv(
        tmp_path / "改.csv",
        [
            "房号,面积,业主,业主电话,租户,状态",
            "9-1-101,80.5,张三,13812345678,,自住",
            "9-1-102,81,王五,,,",
            "9-1-103,70,赵六,,,",
        ],
    )


def change_rows(dialog: ImportDialog) -> list[tuple[str, ...]]:
    table = dialog.changes
    return [tuple(table.item(row, column).text() for column in range(4)) for row in range(table.rowCount())]


def test_the_preview_lists_each_changed_row_and_each_removal_to_confirm(
    window: MainWindow, qtbot: QtBot, changed_rooms: Path, boxes: Any
) -> None:
    dialog = open_dialog(window, qtbot, changed_rooms)
    rows = change_rows(dialog)
    assert [row[:2] for row in rows] == [("2", "9-1-101"), ("4", "9-1-103")]  # the unchanged row hidden
    assert dialog.changes.horizontalHeaderItem(1).text() == "房号"
    assert "80.00 → 80.50" in rows[0][3] and "李四 → —" in rows[0][3]
    assert "137****1111" in rows[0][3] and "13700001111" not in rows[0][3]  # masked as everywhere
    dialog.show_unchanged.setChecked(True)
    assert [row[0] for row in change_rows(dialog)] == ["2", "3", "4"]

    assert not dialog.confirm_group.isHidden()
    assert dialog.confirm_list.count() == 1 and "李四" in dialog.confirm_list.item(0).text()
    assert not dialog.import_button.isEnabled()  # nothing removed before the clerk says so
    dialog.confirm.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    result = dialog.result
    assert result.written and (result.imported, result.updated, result.unchanged) == (1, 1, 1)
    room = households.room_detail(households.find_room_id("9-1-101") or 0)
    assert (room.area_centi, room.residents, room.occupancy) == (8050, (), Occupancy.SELF_OCCUPIED)


def test_a_file_with_nothing_to_confirm_shows_no_confirmation(
    window: MainWindow, qtbot: QtBot, one_bad_row: Path
) -> None:
    dialog = open_dialog(window, qtbot, one_bad_row)
    assert dialog.confirm_group.isHidden()
    assert [row[2] for row in change_rows(dialog)] == [dialog.tr("New")] * 2
    assert dialog.tabs.currentWidget() is dialog.errors.parentWidget()  # the problems come first
