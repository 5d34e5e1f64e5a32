"""gui/dialogs/base.py: FormDialog's binding of inputs to field names, its errors, OK and submit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from estatedesk.domain.errors import EstateDeskError, InputRejected, ValidationError
from estatedesk.gui.dialogs.base import BAD_CELL, BAD_FIELD_STYLE, ERROR_STYLE, KEEP_OPEN, FormDialog
from estatedesk.gui.loader import find


class ToyDialog(FormDialog):
    """The settings form, with its clerk field bound and a table of rows added."""

    ui_file = "settings_dialog.ui"

    def __init__(self, parent: QWidget | None, outcome: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.outcome = outcome
        self.submitted: list[str] = []
        self.table_errors: list[ValidationError] = []
        self.clerk = find(self.dialog, QLineEdit, "clerkEdit")
        self.clerk_error = QLabel(self.dialog)
        self.bind_field("clerk", self.clerk, self.clerk_error)
        self.table = QTableWidget(3, 2, self.dialog)
        for row in range(3):
            for column in range(2):
                self.table.setItem(row, column, QTableWidgetItem(f"{row}/{column}"))
        self.table_error = QLabel(self.dialog)
        self.bind_table("rows", self.table, ("name", "phone"), self.table_error, "Owner")

    def validate(self) -> list[ValidationError]:
        errors = list(self.table_errors)
        text = self.clerk.text()
        if text == "x":
            errors.append(ValidationError("clerk", "bad {value}", value=text))
        return errors

    def submit(self) -> Any:
        self.submitted.append(self.clerk.text())
        return self.outcome()


@pytest.fixture
def make(app: QApplication, qtbot: QtBot) -> Callable[[Callable[[], Any]], ToyDialog]:
    def made(outcome: Callable[[], Any]) -> ToyDialog:
        dialog = ToyDialog(None, outcome)
        qtbot.addWidget(dialog.dialog)
        dialog.dialog.show()
        return dialog

    return made


def press_ok(dialog: ToyDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()


def shows_error(dialog: ToyDialog) -> bool:
    return not dialog.clerk_error.isHidden()


def refuse(error: EstateDeskError) -> Callable[[], Any]:
    def outcome() -> Any:
        raise error

    return outcome


# ---------------------------------------------------------------- live errors


def test_an_error_shows_only_once_the_field_was_left(
    make: Callable[[Callable[[], Any]], ToyDialog], qtbot: QtBot
) -> None:
    dialog = make(lambda: True)
    assert dialog.clerk_error.styleSheet() == ERROR_STYLE
    qtbot.keyClicks(dialog.clerk, "x")
    assert not shows_error(dialog)
    assert dialog.clerk.styleSheet() == ""

    dialog.clerk.editingFinished.emit()

    assert shows_error(dialog)
    assert dialog.clerk_error.text() == "bad x"
    assert dialog.clerk.styleSheet() == BAD_FIELD_STYLE


def test_a_shown_error_goes_as_soon_as_the_input_is_good(
    make: Callable[[Callable[[], Any]], ToyDialog], qtbot: QtBot
) -> None:
    dialog = make(lambda: True)
    qtbot.keyClicks(dialog.clerk, "x")
    dialog.clerk.editingFinished.emit()
    assert shows_error(dialog)
    qtbot.keyClicks(dialog.clerk, "y")  # "xy": good
    assert not shows_error(dialog)
    assert dialog.clerk.styleSheet() == ""
    qtbot.keyClick(dialog.clerk, Qt.Key.Key_Backspace)  # "x" again: the field was touched, it shows
    assert shows_error(dialog)


def test_ok_shows_every_error_and_does_not_submit(make: Callable[[Callable[[], Any]], ToyDialog]) -> None:
    dialog = make(lambda: True)
    dialog.clerk.setText("x")
    press_ok(dialog)
    assert shows_error(dialog) and dialog.clerk_error.text() == "bad x"
    assert dialog.submitted == []
    assert dialog.dialog.isVisible()
    assert dialog.result is None


def test_after_ok_errors_follow_every_keystroke(
    make: Callable[[Callable[[], Any]], ToyDialog], qtbot: QtBot
) -> None:
    dialog = make(lambda: True)
    qtbot.keyClicks(dialog.clerk, "xy")
    press_ok(dialog)  # good: submitted and closed
    assert dialog.submitted == ["xy"]
    dialog = make(lambda: True)
    press_ok(dialog)
    qtbot.keyClicks(dialog.clerk, "x")  # never left, but OK was pressed: shown at once
    assert shows_error(dialog)


# ---------------------------------------------------------------- submit


def test_a_good_submit_keeps_its_result_and_accepts(make: Callable[[Callable[[], Any]], ToyDialog]) -> None:
    dialog = make(lambda: {"saved": 1})
    dialog.clerk.setText("王会计")
    press_ok(dialog)
    assert dialog.submitted == ["王会计"]
    assert dialog.result == {"saved": 1}
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.dialog.isVisible()


def test_a_refused_submit_shows_the_reasons_on_the_fields_and_stays_open(
    make: Callable[[Callable[[], Any]], ToyDialog],
) -> None:
    dialog = make(refuse(InputRejected([ValidationError("clerk", "{value} is taken", value="王会计")])))
    dialog.clerk.setText("王会计")
    press_ok(dialog)
    assert dialog.submitted == ["王会计"]
    assert dialog.dialog.isVisible()
    assert shows_error(dialog) and dialog.clerk_error.text() == "王会计 is taken"
    assert dialog.clerk.styleSheet() == BAD_FIELD_STYLE
    assert dialog.result is None


def test_any_other_refusal_is_a_warning_box_and_the_dialog_stays_open(
    make: Callable[[Callable[[], Any]], ToyDialog], boxes: Any
) -> None:
    dialog = make(refuse(EstateDeskError("the file {name} is locked", name="e.sqlite3")))
    dialog.clerk.setText("王会计")
    press_ok(dialog)
    assert boxes.shown == [("warning", dialog.dialog.windowTitle(), "the file e.sqlite3 is locked")]
    assert dialog.dialog.isVisible()
    assert not shows_error(dialog)
    assert dialog.result is None


def test_pending_keeps_the_dialog_open_until_the_work_is_done(
    make: Callable[[Callable[[], Any]], ToyDialog],
) -> None:
    dialog = make(lambda: KEEP_OPEN)
    press_ok(dialog)
    assert dialog.submitted == [""]
    assert dialog.dialog.isVisible() and dialog.result is None
    dialog.done("written")
    assert dialog.result == "written"
    assert dialog.dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.dialog.isVisible()


def test_cancel_rejects_without_submitting(make: Callable[[Callable[[], Any]], ToyDialog]) -> None:
    dialog = make(lambda: True)
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    button.click()
    assert dialog.submitted == []
    assert dialog.dialog.result() == QDialog.DialogCode.Rejected


# ---------------------------------------------------------------- tables


def backgrounds(table: QTableWidget) -> list[list[bool]]:
    """Which cells are marked (have a background brush)."""
    return [
        [table.item(row, column).background() == BAD_CELL for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_a_table_error_colours_its_cell_and_names_the_row_in_the_label(
    make: Callable[[Callable[[], Any]], ToyDialog],
) -> None:
    dialog = make(refuse(InputRejected([ValidationError("rows[1].name", "no name given")])))
    press_ok(dialog)
    assert backgrounds(dialog.table) == [[False, False], [True, False], [False, False]]
    assert dialog.table.item(1, 0).toolTip() == "no name given"
    assert not dialog.table_error.isHidden()
    text = dialog.table_error.text()
    assert text == "第 2 位Owner：no name given"  # the translation of "{who} {number}: {message}"


def test_a_table_error_of_a_column_not_shown_is_only_listed(
    make: Callable[[Callable[[], Any]], ToyDialog],
) -> None:
    dialog = make(refuse(InputRejected([ValidationError("rows[2].id_number", "bad ID")])))
    press_ok(dialog)
    assert backgrounds(dialog.table) == [[False, False]] * 3
    assert dialog.table_error.text().endswith("bad ID")
    assert "3" in dialog.table_error.text()


def test_table_marks_are_cleared_when_the_errors_go(make: Callable[[Callable[[], Any]], ToyDialog]) -> None:
    dialog = make(lambda: True)
    dialog.table_errors = [ValidationError("rows[0].phone", "bad phone")]
    press_ok(dialog)
    assert backgrounds(dialog.table)[0] == [False, True]
    dialog.table_errors = []
    dialog.table.item(0, 1).setText("13800138000")  # an edit checks again
    assert backgrounds(dialog.table) == [[False, False]] * 3
    assert dialog.table_error.isHidden()


def test_a_row_edited_shows_its_errors_before_ok(make: Callable[[Callable[[], Any]], ToyDialog]) -> None:
    dialog = make(lambda: True)
    dialog.table_errors = [
        ValidationError("rows[1].phone", "bad phone"),
        ValidationError("rows[2].name", "no name"),
    ]
    dialog.revalidate()
    assert backgrounds(dialog.table) == [[False, False]] * 3  # nothing touched yet
    dialog.table.item(1, 0).setText("王玥")  # row 1 is touched: its errors show, row 2's not yet
    assert backgrounds(dialog.table) == [[False, False], [False, True], [False, False]]
    assert "no name" not in dialog.table_error.text()


def test_control_characters_are_refused_in_every_input_and_cell_before_validate(
    make: Callable[[Callable[[], Any]], ToyDialog],
) -> None:
    dialog = make(lambda: "done")
    dialog.clerk.setText("王\x00玥")
    dialog.table.item(1, 1).setText("138\x1b")
    press_ok(dialog)
    assert dialog.submitted == []
    label = find(dialog.dialog, QLabel, "clerkLabel").text()
    assert label in dialog.clerk_error.text() and "U+0000" in dialog.clerk_error.text()
    assert dialog.clerk.styleSheet() == BAD_FIELD_STYLE
    assert dialog.table.item(1, 1).background() == BAD_CELL
    assert "U+001B" in dialog.table_error.text() and "phone" in dialog.table_error.text()
    dialog.clerk.setText("王玥")
    dialog.table.item(1, 1).setText("138")
    press_ok(dialog)
    assert dialog.submitted == ["王玥"]


def test_a_control_character_hides_what_validate_says_of_the_same_field(
    make: Callable[[Callable[[], Any]], ToyDialog],
) -> None:
    dialog = make(lambda: "done")
    dialog.table_errors = [ValidationError("clerk", "bad"), ValidationError("rows[0].name", "worse")]
    dialog.clerk.setText("\x07")
    assert [(e.field, "U+0007" in e.message) for e in dialog.check()] == [
        ("clerk", True),
        ("rows[0].name", False),
    ]
