"""Find a room by keyboard: a search line over a short list of the rooms it matches.

The fee pages (收款, 账户) choose their room with it. It searches as the households list does
(room code as 3-2-501 or 3号楼2单元501, owner's name, pinyin initials, a phone's ends), puts the
room whose code was typed first, and keeps the first match highlighted: Down and Up move the
highlight without leaving the search line, Enter chooses it. A whole room code typed shows that
room at once (``room_typed``), before Enter confirms it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from estatedesk.domain.households import typed_room_code
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import set_up_table
from estatedesk.gui.models.room_table_model import COL_AREA, COL_CODE, COL_OWNERS, RoomTableModel
from estatedesk.gui.presenters import fees as present
from estatedesk.gui.widgets.list_note import ListNote
from estatedesk.services import households
from estatedesk.services.households import RoomRow

SHOWN_COLUMNS = (COL_CODE, COL_OWNERS, COL_AREA)  # enough to tell rooms apart at the counter
# Keys the search line passes to the list: the clerk moves the highlight while still typing.
MOVING_KEYS = {
    Qt.Key.Key_Down,
    Qt.Key.Key_Up,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_PageUp,
}
ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class RoomPicker(QWidget):
    """A search line and the rooms it matches; ``room_chosen`` tells which room the clerk took."""

    room_chosen = Signal(object)  # the RoomRow the clerk chose (Enter, a double click, or another page)
    room_typed = Signal(object)  # the RoomRow whose whole code was just typed (shown before Enter)

    @classmethod
    def placed_in(cls, form: QWidget) -> RoomPicker:
        """A picker put in a form's ``pickerPane``, the form's ``findLabel`` pointing at its search."""
        picker = cls(form)
        pane_layout = find(form, QWidget, "pickerPane").layout()
        assert pane_layout is not None  # the form's pickerLayout
        pane_layout.addWidget(picker)
        find(form, QLabel, "findLabel").setBuddy(picker.search)
        return picker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomPicker")
        self.search = QLineEdit(self)
        self.search.setObjectName("roomSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Room, name or pinyin (3-2-501, zs)"))
        self.search.setToolTip(
            self.tr(
                "Type a room code (3-2-501 or 3号楼2单元501), an owner's name or pinyin initials. "
                "Down and Up move in the list, Enter chooses the room highlighted."
            )
        )
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.table = QTableView(self)
        self.table.setObjectName("roomList")
        self.model = RoomTableModel(self)
        set_up_table(self.table, self.model, sorted_by="code", row_height=22)
        for column in range(self.model.columnCount()):
            self.table.setColumnHidden(column, column not in SHOWN_COLUMNS)
        self.table.setColumnWidth(COL_CODE, 78)
        self.table.setColumnWidth(COL_AREA, 64)
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(COL_AREA), header.visualIndex(COL_OWNERS) + 1)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(False)  # natural room order; the exact code typed comes first
        self.note = ListNote(self.table)
        self.count = QLabel(self)
        self.count.setObjectName("roomCount")
        self.count.setStyleSheet("color: #777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.setFocusProxy(self.search)
        self._chosen: RoomRow | None = None
        self._by_id: dict[int, RoomRow] = {}
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self.table.activated.connect(lambda index: self._choose_line(index.row()))
        self.table.installEventFilter(self)
        self._show_count()

    # ------------------------------------------------------------ rooms

    def read(self) -> None:
        """Read the rooms from the file again, keeping what is typed and the room chosen."""
        self.set_rooms(households.list_rooms())

    def set_rooms(self, rooms: list[RoomRow]) -> None:
        """Show these rooms (searched as typed); the room chosen stays chosen if it is among them."""
        self._by_id = {room.id: room for room in rooms}
        self.model.set_rows(rooms)
        if self._chosen is not None:
            self._chosen = self._by_id.get(self._chosen.id)
        self._after_filter()

    def clear(self) -> None:
        """Forget the room chosen and what was typed (the next room, or another file)."""
        self._chosen = None
        self.search.clear()
        self._after_filter()

    def chosen(self) -> RoomRow | None:
        """The room chosen last (None: none yet, or it left the file)."""
        return self._chosen

    def room(self, room_id: int) -> RoomRow | None:
        """A room of the list by its id, whatever is typed (None when it is not in it: an archived room)."""
        return self._by_id.get(room_id)

    def choose(self, room_id: int) -> RoomRow | None:
        """Choose a room by id (from another page or tab) as if the clerk had picked it; its row or None."""
        found = self.room(room_id)
        if found is None:
            return None
        self.search.blockSignals(True)  # its code in the line, without searching for it
        self.search.setText(found.code)
        self.search.blockSignals(False)
        self.model.set_query(found.code)
        self._after_filter()
        self._select(self.model.row_of(room_id))
        self._chosen = found
        self.room_chosen.emit(found)
        return found

    # ------------------------------------------------------------ keys and search

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down/Up in the search line move in the list; Enter chooses; Escape clears the search."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = Qt.Key(event.key())
        if watched is self.search:
            if key in MOVING_KEYS and self.model.rowCount():
                self._move(key)
                return True
            if key in ENTER_KEYS:
                self.choose_highlighted()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif watched is self.table and key in ENTER_KEYS:
            self.choose_highlighted()
            return True
        return False

    def _move(self, key: Qt.Key) -> None:
        current = self.table.currentIndex().row()
        page = max(
            1, self.table.viewport().height() // max(self.table.verticalHeader().defaultSectionSize(), 1)
        )
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: page,
            Qt.Key.Key_PageUp: -page,
        }[key]
        row = 0 if current < 0 else min(max(current + step, 0), self.model.rowCount() - 1)
        self._select(row)

    def choose_highlighted(self) -> RoomRow | None:
        """Choose the room highlighted in the list (the first match, unless the clerk moved); None if none."""
        row = self.table.currentIndex().row()
        if row < 0 and self.model.rowCount() == 1:
            row = 0
        return self._choose_line(row)

    def _choose_line(self, row: int) -> RoomRow | None:
        if not 0 <= row < self.model.rowCount():
            return None
        found = self.model.row_at(row)
        self._select(row)
        self._chosen = found
        self.room_chosen.emit(found)
        return found

    def _search_changed(self, text: str) -> None:
        self.model.set_query(text)
        self._after_filter()
        if text.strip() and self.model.rowCount():
            self._select(0)  # the room typed exactly, or the first match: Enter takes it
            exact = typed_room_code(text)
            first = self.model.row_at(0)
            if exact is not None and first.code.casefold() == exact.casefold():
                self.room_typed.emit(first)  # its charges show at once; Enter then goes on

    def _after_filter(self) -> None:
        self.note.set_text(
            "" if self.model.rowCount() else present.empty_picker_text(self.model.total, self.search.text())
        )
        chosen = self._chosen
        row = self.model.row_of(chosen.id) if chosen is not None else None
        if row is not None and not self.search.text().strip():
            self._select(row)
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("{shown} of {total} rooms").format(shown=self.model.rowCount(), total=self.model.total)
        )

    def _select(self, row: int | None) -> None:
        if row is None or not 0 <= row < self.model.rowCount():
            self.table.clearSelection()
            return
        index = self.model.index(row, COL_CODE)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
