"""What every page of the repair log tab has: the tab's clock, category names and the order to show."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from estatedesk.gui import worker
from estatedesk.gui.i18n import translate
from estatedesk.gui.models.record_table_model import CENTER, DISPLAY, ColumnSpec, Index, RecordTableModel
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.tabs.paged import TabPage
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services.repairs import OrderRow

if TYPE_CHECKING:
    from estatedesk.gui.tabs.repairs import RepairsTab


class RepairPage(TabPage):
    """One page of the repair log (日清日审, 工单, 设备台账, 月度统计); titles in context "repairs".

    ``now()`` is the tab's wall clock, to the minute (tests set the tab's ``clock``), against
    which every page says what is overdue, due today, or how much time is left.
    """

    context = "repairs"

    def __init__(self, tab: RepairsTab) -> None:
        super().__init__(tab)
        self.tab = tab

    def now(self) -> datetime:
        """The office's wall clock, to the minute."""
        return self.tab.now()


# ------------------------------------------------------------ the orders as a list (board and 工单)

BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
TICK_MS = 60_000  # time left is counted again every minute while a list is on screen
ORDER_COLUMNS = ("number", "received", "category", "place", "reporter", "state", "worker", "due", "standing")
BOARD_COLUMNS = ("number", "category", "place", "state", "worker", "due", "standing", "note")


class OrderRowsModel(RecordTableModel[OrderRow]):
    """Orders shown through ``columns`` (keys of ``ORDER_COLUMNS``/``BOARD_COLUMNS``), judged at ``as_of``.

    The time left is red when overdue, amber when due today, grey when a deadline was met late;
    with ``coloured_rows`` (the board) the whole line is tinted red or amber.
    """

    def __init__(
        self,
        columns: tuple[str, ...],
        parent: QObject | None = None,
        category_names: Callable[[], Mapping[str, str]] = dict,
        coloured_rows: bool = False,
    ) -> None:
        self.as_of = datetime.now().replace(second=0, microsecond=0)
        self._names = category_names
        self.coloured_rows = coloured_rows
        self._backgrounds: dict[str, QBrush] = {}
        specs = self._specs()
        super().__init__([specs[key] for key in columns], id_of=lambda row: row.order_id, parent=parent)

    def _specs(self) -> dict[str, ColumnSpec[OrderRow]]:
        far = datetime.max
        return {
            "number": ColumnSpec(
                "number", translate("repairs", "No."), lambda row: row.number, alignment=CENTER, width=64
            ),
            "received": ColumnSpec(
                "received",
                translate("repairs", "Received at"),
                lambda row: present.moment_text(row.received),
                sort_key=lambda row: row.received,
                width=118,
            ),
            "category": ColumnSpec(
                "category",
                translate("repairs", "Category"),
                # An emergency is marked 【急】 in words, as on paper: red is what is overdue.
                lambda row: present.category_cell_text(row, self._names()),
                width=130,
            ),
            "place": ColumnSpec("place", translate("repairs", "Place"), lambda row: row.place, width=130),
            "reporter": ColumnSpec(
                "reporter", translate("repairs", "Reporter"), present.reporter_text, width=90
            ),
            "state": ColumnSpec(
                "state",
                translate("repairs", "State"),
                lambda row: present.state_text(row.state),
                width=70,
            ),
            "worker": ColumnSpec("worker", translate("repairs", "Worker"), lambda row: row.worker, width=100),
            "due": ColumnSpec(
                "due",
                translate("repairs", "Due"),
                lambda row: present.due_text(row.due),
                sort_key=lambda row: row.due,
                width=118,
            ),
            "standing": ColumnSpec(
                "standing",
                translate("repairs", "Time left"),
                lambda row: present.standing_text(row, self.as_of),
                sort_key=lambda row: present.pending(row) or far,
                width=120,
                colour=lambda row: present.standing_colour(row, self.as_of),
            ),
            "note": ColumnSpec(
                "note", translate("repairs", "Last follow-up"), present.last_note_text, width=220
            ),
        }

    def set_as_of(self, as_of: datetime) -> None:
        """Judge the orders at ``as_of`` (a minute later: time left shrinks, an order turns overdue)."""
        self.as_of = as_of
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """The cells, and on the board the line tinted red (overdue) or amber (due today)."""
        if role == BACKGROUND and self.coloured_rows and index.isValid():
            colour = present.row_background(self.row_at(index.row()), self.as_of)
            if colour is None:
                return None
            brush = self._backgrounds.get(colour)
            if brush is None:
                brush = self._backgrounds[colour] = QBrush(QColor(colour))
            return brush
        return super().data(index, role)


# ------------------------------------------------------------ documents written and opened to print


def write_and_open(parent: QWidget, busy: str, path: Path, write: Callable[[Path], object]) -> BackgroundTask:
    """Write a document to ``path`` on a worker thread, then open it in the computer's PDF viewer.

    The work order sheet and the daily sheet are printed from there; the files stay in the data
    folder's 报修 folder, by order number and by day.
    """
    return worker.write_and_open(
        parent,
        busy,
        path,
        write,
        translate("repairs", "Printing"),
        translate(
            "repairs", "The document was written to\n{path}\nbut no program to show PDF files was found."
        ),
    )
