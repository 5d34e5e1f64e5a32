"""An error appearing in a dialog moves nothing: the room dialog keeps its size and its inputs their place."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from estatedesk.gui.dialogs.room_dialog import RoomDialog
from estatedesk.services import households
from estatedesk.services.households import RoomInput
from estatedesk.store.db import EstateFile


def place(widget: QWidget, dialog: QWidget) -> QPoint:
    return widget.mapTo(dialog, QPoint(0, 0))


def test_errors_appearing_and_going_move_no_input(
    app: QApplication, qtbot: object, estate: EstateFile
) -> None:
    households.create_room(RoomInput("3", "2", "501", "80"))
    dialog = RoomDialog(None, households.create_room)
    ui = dialog.dialog
    qtbot.addWidget(ui)  # type: ignore[attr-defined]
    ui.show()
    app.processEvents()
    watched = [dialog.edits["area"], dialog.use, dialog.owners, dialog.residents, dialog.edits["parking"]]
    size, places = ui.size(), [place(widget, ui) for widget in watched]
    heights = [dialog.edits[name].height() for name in ("building", "number", "area")]
    dialog.edits["building"].setText("3")
    dialog.edits["unit"].setText("2")
    dialog.edits["number"].setText("501")  # taken: an error under the number
    dialog.edits["area"].setText("abc")  # an error under the area
    dialog.accept()
    app.processEvents()
    assert dialog.errors["number"].isVisible() and dialog.errors["area"].isVisible()
    assert ui.size() == size
    assert [place(widget, ui) for widget in watched] == places
    assert [dialog.edits[name].height() for name in ("building", "number", "area")] == heights  # red frame
    dialog.edits["number"].setText("502")
    dialog.edits["area"].setText("80")
    dialog.revalidate()
    app.processEvents()
    assert not dialog.errors["area"].isVisible()
    assert [place(widget, ui) for widget in watched] == places
