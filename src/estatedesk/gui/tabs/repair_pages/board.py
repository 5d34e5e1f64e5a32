"""日清日审: the daily review board. Every open order, the overdue first (red), those due today (amber).

Each line shows the last follow-up note and its time; N or Enter on a line opens a one-line note
box under the list (Enter or Ctrl+Enter saves, Escape leaves it) and, once saved, the next order
is chosen, so that the clerk goes down the board without the mouse. A double click shows the
order in detail on 工单. The board prints as a one-page daily sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QTableView

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected
from estatedesk.gui import labels
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE, ERROR_STYLE
from estatedesk.gui.errors import report_error
from estatedesk.gui.i18n import translate
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import set_up_table
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.tabs.base import LayoutPart
from estatedesk.gui.tabs.repair_pages.base import (
    BOARD_COLUMNS,
    TICK_MS,
    OrderRowsModel,
    RepairPage,
    write_and_open,
)
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.gui.worker import BackgroundTask
from estatedesk.paths import data_dir
from estatedesk.services import repairs
from estatedesk.services.repairs import OrderRow

if TYPE_CHECKING:
    from estatedesk.gui.tabs.repairs import RepairsTab

ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class BoardPage(RepairPage):
    """Every open order, most pressing first, with its last follow-up; a note is one key away."""

    title = QT_TRANSLATE_NOOP("repairs", "Daily review")
    icon = "fa5s.clipboard-check"
    key = "board"
    ui_file = "repair_board.ui"

    def __init__(self, tab: RepairsTab) -> None:
        super().__init__(tab)
        form = self.form
        self.table = find(form, QTableView, "boardTable")
        self.counts_label = find(form, QLabel, "countsLabel")
        self.new_button = find(form, QPushButton, "newButton")
        self.note_button = find(form, QPushButton, "noteButton")
        self.print_button = find(form, QPushButton, "printButton")
        self.note_frame = find(form, QFrame, "noteFrame")
        self.note_label = find(form, QLabel, "noteLabel")
        self.note_edit = find(form, QLineEdit, "noteEdit")
        self.save_note_button = find(form, QPushButton, "saveNoteButton")
        self.note_error = find(form, QLabel, "noteError")
        self.new_button.setIcon(icon("fa5s.plus"))
        self.note_button.setIcon(icon("fa5s.comment-dots"))
        self.print_button.setIcon(icon("fa5s.print"))
        self.note_error.setStyleSheet(ERROR_STYLE)
        self.note_error.hide()
        self.note_frame.hide()
        self.model = OrderRowsModel(BOARD_COLUMNS, self, lambda: self.tab.category_names, coloured_rows=True)
        set_up_table(self.table, self.model)
        self.table.setSortingEnabled(False)  # the board's own order: overdue first, then by the deadline
        self.list_note = ListNote(self.table)
        self.counts = present.BoardCounts(0, 0, 0)
        self.task: BackgroundTask | None = None
        self._note_order: OrderRow | None = None  # the order the note box is open for
        self.table.installEventFilter(self)
        self.note_edit.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.open_order())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.tab.new_order)
        self.note_button.clicked.connect(self.start_note)
        self.save_note_button.clicked.connect(self.save_note)
        self.print_button.clicked.connect(self.print_sheet)
        self.note_edit.textEdited.connect(lambda _text: self._show_note_error(""))
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.update_actions()

    # ------------------------------------------------------------ the frame's calls

    def read(self) -> None:
        """Read the open orders again, judged now, keeping the order chosen (else the first)."""
        keep = self.selected_id()
        as_of = self.now()
        rows = repairs.board(as_of)
        self.model.as_of = as_of
        self.model.set_rows(rows)
        self._count(rows)
        self.list_note.set_text("" if rows else present.empty_board_text(not self.tab.read_only))
        row = self.model.row_of(keep) if keep is not None else None
        self._select_line(row if row is not None else 0)
        self.update_actions()

    def _count(self, rows: list[OrderRow]) -> None:
        self.counts = present.board_counts(rows, self.model.as_of)
        self.counts_label.setText(present.board_counts_html(self.counts))

    def forget_file(self) -> None:
        """Nothing of another file stays on show."""
        self.close_note()
        self.model.set_rows([])
        self.counts = present.BoardCounts(0, 0, 0)
        self.counts_label.clear()
        self.update_actions()

    def status_text(self) -> str:
        """Open orders, overdue, due today."""
        return present.board_status(self.counts)

    def layout_parts(self) -> dict[str, LayoutPart]:
        """The board's columns."""
        return {"columns": self.table.horizontalHeader()}

    def focus_first(self) -> None:
        """The board: N or Enter takes a note at once."""
        self.table.setFocus()

    def update_actions(self) -> None:
        """Notes and new orders on a writable file; printing always (it writes no record)."""
        writable = not self.tab.read_only
        chosen = self.selected_id() is not None
        self.new_button.setEnabled(writable)
        self.note_button.setEnabled(writable and chosen)
        self.print_button.setEnabled(self.task is None)
        if not writable:
            self.close_note()

    def _tick(self) -> None:
        """A minute passed: time left shrinks, and an order may turn overdue."""
        if self.isVisible() and self.model.rowCount():
            self.model.set_as_of(self.now())
            self._count(self.model.shown_rows())

    # ------------------------------------------------------------ choosing

    def selected_order(self) -> OrderRow | None:
        """The order chosen on the board."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        """The chosen order's id."""
        chosen = self.selected_order()
        return chosen.order_id if chosen is not None else None

    def select_order(self, order_id: int) -> None:
        """Choose an order on the board (if it is there)."""
        self._select_line(self.model.row_of(order_id))

    def _select_line(self, line: int | None) -> None:
        if line is None or not 0 <= line < self.model.rowCount():
            self.table.clearSelection()
            return
        self.table.selectRow(line)
        self.table.scrollTo(self.model.index(line, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()

    def open_order(self) -> None:
        """Show the chosen order in detail on 工单."""
        chosen = self.selected_id()
        if chosen is not None:
            self.tab.show_order(chosen)

    # ------------------------------------------------------------ the follow-up note

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the board, N or Enter opens the note box; in it, Enter saves and Escape leaves."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.table:
            plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            if plain and (key == Qt.Key.Key_N or key in ENTER_KEYS):
                self.start_note()
                return True
        elif watched is self.note_edit:
            if key in ENTER_KEYS:  # Enter and Ctrl+Enter alike
                self.save_note()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_note()
                self.table.setFocus()
                return True
        return False

    def start_note(self) -> None:
        """Open the one-line note box for the chosen order, the cursor in it."""
        chosen = self.selected_order()
        if chosen is None or self.tab.read_only:
            return
        self._note_order = chosen
        self.note_label.setText(translate("repairs", "Follow-up on {number}:").format(number=chosen.number))
        self.note_edit.clear()
        self._show_note_error("")
        self.note_frame.show()
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_note(self) -> None:
        """Leave the note box without saving."""
        self._note_order = None
        self.note_frame.hide()

    def save_note(self) -> bool:
        """Save the note (timed now) and go on to the next order of the board."""
        order = self._note_order
        if order is None or self.tab.read_only:
            return False
        try:
            repairs.note(order.order_id, self.note_edit.text())
        except InputRejected as rejected:
            self._show_note_error(labels.messages(rejected.errors))
            return False
        except EstateDeskError as error:
            report_error(self, translate("repairs", "Follow-up note"), error)
            return False
        self.close_note()
        self.read()  # the window has read it already when it listens; a page alone has not
        line = self.model.row_of(order.order_id)
        if line is not None and line + 1 < self.model.rowCount():
            line += 1
        self._select_line(line)
        self.table.setFocus()
        return True

    def _show_note_error(self, text: str) -> None:
        self.note_error.setText(text)
        self.note_error.setVisible(bool(text))
        self.note_edit.setStyleSheet(BAD_FIELD_STYLE if text else "")

    # ------------------------------------------------------------ printing

    def print_sheet(self) -> None:
        """The daily sheet (日清日审表): every open order on one page, as a PDF opened to print."""
        from estatedesk.services.repairs import documents  # loads with its first use

        if self.task is not None:
            return
        as_of = self.now()
        path = present.daily_sheet_path(data_dir(), as_of)
        self.task = write_and_open(
            self,
            translate("repairs", "Writing the daily sheet…"),
            path,
            lambda target: documents.print_daily_sheet(target, as_of),
        )
        self.task.finished.connect(self._task_ended)
        self.update_actions()

    def _task_ended(self) -> None:
        self.task = None
        self.update_actions()
