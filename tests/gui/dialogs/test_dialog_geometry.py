"""An error appearing in a dialog moves nothing: the room dialog keeps its size and its inputs their place."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
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


def test_a_dialog_drawn_for_a_large_screen_fits_the_one_it_opens_on(
    app: QApplication, estate: EstateFile
) -> None:
    from estatedesk.gui.dialogs.base import fit_to_screen

    dialog = RoomDialog(None, households.create_room)
    screen = dialog.dialog.screen().availableGeometry()
    dialog.dialog.resize(screen.width() * 2, screen.height() * 2)
    fit_to_screen(dialog.dialog)
    size, least = dialog.dialog.size(), dialog.dialog.minimumSizeHint()
    assert size.width() <= max(screen.width(), least.width())
    assert size.height() <= max(screen.height(), least.height())
    small = QSize(min(screen.width() // 2, 600), min(screen.height() // 2, 400))
    dialog.dialog.setMinimumSize(QSize(0, 0))
    dialog.dialog.resize(small)
    fit_to_screen(dialog.dialog)  # one that fits is left as it is
    assert dialog.dialog.size() == small
