"""The "Add a building" dialog (gui/dialogs/layout_dialog.py): the preview, errors by field, one save."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from estatedesk.gui.dialogs.layout_dialog import LayoutDialog
from estatedesk.services import households
from estatedesk.services.households import RoomInput
from estatedesk.store.db import EstateFile


def test_the_preview_shows_each_floor_top_first_and_greys_what_exists(
    app: QApplication, estate: EstateFile
) -> None:
    households.create_room(RoomInput("3", "1", "101", "100"))
    dialog = LayoutDialog(None)
    assert not dialog.ok_button.isEnabled()  # nothing to make before a building is named
    dialog.building.setText("3")
    dialog.units.setValue(2)
    dialog.floors.setValue(6)
    dialog.per_floor.setValue(2)
    table = dialog.preview
    assert (table.rowCount(), table.columnCount()) == (6, 4)
    assert table.item(0, 0).text() == "3-1-601" and table.item(5, 3).text() == "3-2-102"
    existing = table.item(5, 0)
    assert existing.text() == "3-1-101" and existing.toolTip()
    assert table.item(5, 1).toolTip() == ""
    assert "23" in dialog.summary.text() and "1" in dialog.summary.text()
    assert dialog.ok_button.isEnabled() and "23" in dialog.ok_button.text()


def test_ok_creates_the_rooms_and_keeps_their_ids(app: QApplication, estate: EstateFile) -> None:
    dialog = LayoutDialog(None)
    dialog.building.setText("7")
    dialog.units.setValue(0)
    dialog.floors.setValue(3)
    dialog.per_floor.setValue(2)
    dialog.area.setText("72.5")
    dialog.accept()
    assert len(dialog.result) == 6
    assert [row.code for row in households.list_rooms()] == [
        "7-101",
        "7-102",
        "7-201",
        "7-202",
        "7-301",
        "7-302",
    ]
    assert households.room_detail(dialog.result[0]).area_centi == 7250


def test_a_bad_area_is_shown_by_its_field_and_nothing_is_written(
    app: QApplication, estate: EstateFile
) -> None:
    dialog = LayoutDialog(None)
    dialog.building.setText("7")
    dialog.area.setText("abc")
    assert dialog.preview.rowCount() == 6  # the codes are previewed whatever the area
    dialog.accept()
    area_error = dialog.dialog.findChild(QLabel, "areaError")
    assert area_error is not None and area_error.text() and not area_error.isHidden()
    assert dialog.result is None and households.estate_counts().rooms == 0


def test_a_bad_building_name_empties_the_preview(app: QApplication, estate: EstateFile) -> None:
    dialog = LayoutDialog(None)
    dialog.building.setText("3/4")
    assert dialog.preview.rowCount() == 0 and not dialog.ok_button.isEnabled()
