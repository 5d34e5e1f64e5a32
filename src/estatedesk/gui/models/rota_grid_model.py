"""The month's rota as a grid: a row per task occurrence, a column per day, the cleaner in each cell.

Built once per rota (``set_view``) into a plain table of slots, so that ``data`` is two list
lookups: 300 tasks × 31 days (some 12,000 cells) paint and scroll as fast as a short list.
Uncovered cells are red with why in their tooltip; the clerk's own changes are blue and bold;
weekends are shaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from estatedesk.gui.models.record_table_model import CENTER, DISPLAY, FOREGROUND, TOOLTIP
from estatedesk.gui.presenters import cleaning_rota as present
from estatedesk.services.cleaning import RotaView, SlotView

Index = QModelIndex | QPersistentModelIndex
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
FONT = int(Qt.ItemDataRole.FontRole.value)
LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)


class RotaGridModel(QAbstractTableModel):
    """A ``RotaView`` as a grid; ``slot_at`` and ``index_of`` go between cells and occurrences."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: RotaView | None = None
        self.rows: list[present.GridRow] = []
        self.days: list[date] = []
        self._cells: list[list[SlotView | None]] = []
        self._row_of: dict[tuple[int, int], int] = {}
        self._labels: list[str] = []
        self._day_titles: list[str] = []
        self._weekend: list[bool] = []
        self._uncovered_text = ""
        self._uncovered_background = QBrush(QColor(present.RED_BACKGROUND))
        self._uncovered_foreground = QBrush(QColor(present.RED))
        self._manual_foreground = QBrush(QColor(present.MANUAL_COLOUR))
        self._weekend_background = QBrush(QColor(present.WEEKEND_BACKGROUND))
        self._weekend_title = QBrush(QColor(present.RED))
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------ EstateDesk API

    def set_view(self, view: RotaView | None, task_order: Sequence[int] = ()) -> None:
        """Show ``view`` (None: nothing), its rows in the order the tasks are listed (``task_order``)."""
        self.beginResetModel()
        self.view = view
        slots = view.slots if view is not None else ()
        self.rows = present.grid_rows(slots, task_order)
        self.days = present.month_days(view) if view is not None else []
        self._row_of = {(row.task_id, row.occurrence): line for line, row in enumerate(self.rows)}
        first = self.days[0] if self.days else date.min
        self._cells = [[None] * len(self.days) for _ in self.rows]
        for slot in slots:
            self._cells[self._row_of[slot.task_id, slot.occurrence]][(slot.day - first).days] = slot
        self._labels = [row.label for row in self.rows]
        self._day_titles = [present.day_header(day) for day in self.days]
        self._weekend = [present.is_weekend(day) for day in self.days]
        self._uncovered_text = present.cell_text(_NOBODY)
        self.endResetModel()

    def slot_at(self, index: Index) -> SlotView | None:
        """The occurrence in a cell (None: the task does not come that day)."""
        if not index.isValid():
            return None
        return self._cells[index.row()][index.column()]

    def index_of(self, day: date, task_id: int, occurrence: int) -> QModelIndex:
        """The cell of an occurrence (invalid if the month has no such row or day)."""
        line = self._row_of.get((task_id, occurrence))
        if line is None or not self.days or not self.days[0] <= day <= self.days[-1]:
            return QModelIndex()
        return self.index(line, (day - self.days[0]).days)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per task occurrence."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per day of the month."""
        return 0 if parent.isValid() else len(self.days)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Days (number over weekday, weekends in red) across; area · task down."""
        if orientation == Qt.Orientation.Horizontal:
            if role == DISPLAY:
                return self._day_titles[section]
            if role == FOREGROUND and self._weekend[section]:
                return self._weekend_title
            if role == TOOLTIP:
                return present.date_text(self.days[section])
            return None
        if role in (DISPLAY, TOOLTIP):
            return self._labels[section]
        if role == ALIGNMENT:
            return LEFT
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """The cleaner's name; red for uncovered, blue and bold for a change by hand; weekends shaded."""
        if not index.isValid():
            return None
        slot = self._cells[index.row()][index.column()]
        if role == DISPLAY:
            if slot is None:
                return None
            return slot.cleaner if slot.cleaner_id is not None else self._uncovered_text
        if role == BACKGROUND:
            if slot is not None and slot.cleaner_id is None:
                return self._uncovered_background
            return self._weekend_background if self._weekend[index.column()] else None
        if role == ALIGNMENT:
            return CENTER
        if slot is None:
            return None
        if role == FOREGROUND:
            if slot.cleaner_id is None:
                return self._uncovered_foreground
            return self._manual_foreground if slot.manual else None
        if role == FONT:
            return self._bold if slot.manual or slot.cleaner_id is None else None
        if role == TOOLTIP:
            return present.cell_tip(slot)
        return None


_NOBODY = SlotView(date.min, 0, 1, 0, "", "", 0, None, "")  # what an uncovered cell says, worded once
