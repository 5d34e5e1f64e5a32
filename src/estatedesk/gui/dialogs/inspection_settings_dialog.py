"""检查设置: the day of the week areas are inspected, the checklist of deductions, the ranking's bands.

Saved together on Save (``services.cleaning.save_inspection_settings``), which refuses field by
field: a checklist item without words or listed twice, points off outside 1–100 (on the cell),
bands that overlap (the top and the bottom over 100%). A line left wholly empty is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from estatedesk.domain.cleaning_scores import check_bands
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, ValidationError
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.gui.presenters.cleaning import weekday_text
from estatedesk.services import cleaning
from estatedesk.services.cleaning import Deduction, InspectionSettings

PREFIX = "deductions"
COLUMNS = ("item", "points")
ITEM, POINTS = range(len(COLUMNS))


class InspectionSettingsDialog(FormDialog):
    """The inspection settings; ``result`` is the ``InspectionSettings`` saved."""

    ui_file = "inspection_settings_dialog.ui"

    def __init__(self, parent: QWidget | None, settings: InspectionSettings | None = None) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.weekday = find(ui, QComboBox, "weekdayCombo")
        self.table = find(ui, QTableWidget, "checklistTable")
        self.add_button = find(ui, QPushButton, "addRowButton")
        self.remove_button = find(ui, QPushButton, "removeRowButton")
        self.top = find(ui, QSpinBox, "topSpin")
        self.bottom = find(ui, QSpinBox, "bottomSpin")
        for weekday in range(7):
            self.weekday.addItem(weekday_text(weekday), weekday)
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Fault"), self.tr("Points off")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(POINTS, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(POINTS, 80)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.bind_field("weekday", self.weekday, find(ui, QLabel, "weekdayError"))
        self.bind_table(PREFIX, self.table, COLUMNS, find(ui, QLabel, "checklistError"), self.tr("Item"))
        self.bind_field("top_percent", self.top, find(ui, QLabel, "topError"))
        self.bind_field("bottom_percent", self.bottom, find(ui, QLabel, "bottomError"))
        self.fill(settings if settings is not None else cleaning.inspection_settings())
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        # The bands are judged together (an overlap is told under the bottom one) as either is changed.
        for spin in (self.top, self.bottom):
            spin.valueChanged.connect(lambda _value: self._bands_changed())

    def _bands_changed(self) -> None:
        self.touch("top_percent")
        self.touch("bottom_percent")

    def fill(self, settings: InspectionSettings) -> None:
        """Show ``settings`` in the form."""
        self.weekday.setCurrentIndex(settings.weekday)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for deduction in settings.deductions:
            self._append(deduction.item, str(deduction.points))
        self.table.blockSignals(False)
        self.top.setValue(settings.top_percent)
        self.bottom.setValue(settings.bottom_percent)

    def _append(self, item: str, points: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, ITEM, QTableWidgetItem(item))
        cell = QTableWidgetItem(points)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, POINTS, cell)
        return row

    def add_row(self) -> None:
        """A new checklist item, its words to type."""
        row = self._append("", "")
        self.table.setCurrentCell(row, ITEM)
        cell = self.table.item(row, ITEM)
        if cell is not None:
            self.table.editItem(cell)

    def remove_row(self) -> None:
        """Take the chosen checklist item off."""
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)
            self.revalidate()

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Type ``text`` into a cell of the checklist (tests, and what a paste would do)."""
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, column, item)
        item.setText(text)

    # ------------------------------------------------------------ checking and saving

    def lines(self) -> list[tuple[int, str, str]]:
        """The checklist as typed: (row, item, points), lines left wholly empty dropped."""
        found = []
        for row in range(self.table.rowCount()):
            item, points = (self._text(row, column) for column in (ITEM, POINTS))
            if item or points:
                found.append((row, item, points))
        return found

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def validate(self) -> list[ValidationError]:
        """Points off typed as whole numbers, bands that do not overlap (the service checks the rest)."""
        errors = []
        try:
            check_bands(self.top.value(), self.bottom.value())
        except ValidationError as error:
            errors.append(error)
        for row, _item, points in self.lines():
            if not points.lstrip("-−").isdigit():
                errors.append(
                    ValidationError(
                        f"{PREFIX}[{row}].points",
                        QT_TRANSLATE_NOOP("messages", "points off are a whole number, not '{value}'"),
                        value=points,
                    )
                )
        return errors

    def typed(self) -> InspectionSettings:
        """The settings as typed, for the service (checked by ``validate`` first)."""
        return InspectionSettings(
            int(self.weekday.currentData()),
            tuple(Deduction(item, int(points.replace("−", "-"))) for _row, item, points in self.lines()),
            self.top.value(),
            self.bottom.value(),
        )

    def submit(self) -> InspectionSettings:
        """Save the settings; the service refuses by field, its errors numbered by the table's rows."""
        typed = self.typed()
        rows = [row for row, _item, _points in self.lines()]
        try:
            cleaning.save_inspection_settings(typed)
        except InputRejected as refused:
            _renumber(refused, rows)
            raise
        return typed


def _renumber(refused: InputRejected, rows: list[int]) -> None:
    """Put the service's errors on the table's rows: it numbers the checklist without the empty lines."""
    for error in refused.errors:
        if error.field.startswith(PREFIX + "["):
            given = int(error.field[len(PREFIX) + 1 : error.field.index("]")])
            if given < len(rows):
                error.field = f"{PREFIX}[{rows[given]}]{error.field[error.field.index(']') + 1 :]}"
